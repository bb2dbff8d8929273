package org.cvkit.style.network;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J workspaces a forward pass runs in, so that its memory is reused from one pass to the next instead of
 * growing until the garbage collector frees it. Activations, input arrays and activation gradients (the
 * layers' and the loss terms') live in the pass workspace, which is open from the forward pass until the pass is
 * closed; the layers' scratch memory lives in a working workspace they open and close themselves. Both learn
 * their size on first use and grow when a larger image needs more. Workspaces are per thread.
 */
final class PassWorkspaces {

    private static final String PASS = "cvkit-style-pass";
    private static final String WORKING = "cvkit-style-working";

    private static final WorkspaceConfiguration CONFIGURATION = WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.05)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    /** How the layers place their arrays. */
    static final LayerWorkspaceMgr LAYERS = LayerWorkspaceMgr.builder()
            .with(ArrayType.INPUT, PASS, CONFIGURATION)
            .with(ArrayType.ACTIVATIONS, PASS, CONFIGURATION)
            .with(ArrayType.ACTIVATION_GRAD, PASS, CONFIGURATION)
            .with(ArrayType.FF_WORKING_MEM, WORKING, CONFIGURATION)
            .with(ArrayType.BP_WORKING_MEM, WORKING, CONFIGURATION)
            .with(ArrayType.RNN_FF_LOOP_WORKING_MEM, WORKING, CONFIGURATION)
            .with(ArrayType.RNN_BP_LOOP_WORKING_MEM, WORKING, CONFIGURATION)
            .noWorkspaceFor(ArrayType.FF_CACHE)
            .noWorkspaceFor(ArrayType.UPDATER_WORKING_MEM)
            .build();

    private PassWorkspaces() {
    }

    /**
     * @return the pass workspace, opened; arrays created until it is closed live in it
     * @throws IllegalStateException if a pass is already open on this thread
     */
    static MemoryWorkspace openPass() {
        if (Nd4j.getWorkspaceManager().checkIfWorkspaceExistsAndActive(PASS)) {
            throw new IllegalStateException("a forward pass is already open on this thread; close it before starting"
                    + " another");
        }
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIGURATION, PASS);
    }

    /** @return a scope in which new arrays are created outside every workspace; close it to return */
    static MemoryWorkspace detached() {
        return Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
    }
}
