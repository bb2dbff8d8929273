package org.cvkit.detection.darknet;

import java.util.List;
import java.util.Objects;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.detection.yolo.YoloV3Head;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * An imported Darknet YOLO network.
 *
 * @param graph       the network; input {@code [N, 3, height, width]} RGB in [0, 1], one output per head
 * @param inputSize   the cfg's input width and height, to which images are stretched
 * @param outputNames the graph vertices feeding each {@code [yolo]} layer, in head order
 * @param heads       the {@code [yolo]} layers' anchors, masks, classes and {@code scale_x_y}, in cfg order
 */
public record DarknetNetwork(ComputationGraph graph, ImageSize inputSize, List<String> outputNames,
        List<YoloV3Head> heads) {

    /** Copies the lists and checks that there is one output name per head. */
    public DarknetNetwork {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(inputSize, "inputSize");
        outputNames = List.copyOf(outputNames);
        heads = List.copyOf(heads);
        if (outputNames.size() != heads.size() || heads.isEmpty()) {
            throw new IllegalArgumentException("a Darknet YOLO network needs one output per [yolo] head and at"
                    + " least one head, but has " + outputNames.size() + " outputs and " + heads.size() + " heads");
        }
    }
}
