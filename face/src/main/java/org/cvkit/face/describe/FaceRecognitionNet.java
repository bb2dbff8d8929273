package org.cvkit.face.describe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.cvkit.face.tfjs.TfjsLayout;
import org.cvkit.zoo.format.WeightTensor;
import org.cvkit.zoo.format.tfjs.TfjsWeightsReader;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * face-api's {@code FaceRecognitionNet} in DL4J: maps a normalized 150 x 150 face crop to a 128-d descriptor.
 * As in face-api the descriptor is not L2-normalized (its norm is typically about 1.4 to 1.5).
 */
public final class FaceRecognitionNet {

    /** Length of a descriptor. */
    public static final int DESCRIPTOR_LENGTH = FaceRecognitionNetwork.DESCRIPTOR_LENGTH;

    private final ComputationGraph network;

    private FaceRecognitionNet(ComputationGraph network) {
        this.network = network;
    }

    /**
     * @param manifest {@code face_recognition_model-weights_manifest.json}, its shards beside it
     * @return the net
     * @throws IOException if the weights cannot be read
     * @throws org.cvkit.zoo.format.ModelFormatException if they are not the face recognition net's
     */
    public static FaceRecognitionNet load(Path manifest) throws IOException {
        return fromWeights(TfjsWeightsReader.read(manifest));
    }

    /**
     * @param weights the dequantized tensors of the face recognition net, by TF.js name
     * @return the net
     * @throws org.cvkit.zoo.format.ModelFormatException if a tensor is missing or has the wrong shape
     */
    public static FaceRecognitionNet fromWeights(Map<String, WeightTensor> weights) {
        return new FaceRecognitionNet(FaceRecognitionNetwork.build(Objects.requireNonNull(weights, "weights")));
    }

    /**
     * @param input normalized face crops {@code [N, 3, 150, 150]}, see {@link FaceRecognitionInput#normalize}
     * @return the descriptors {@code [N, 128]}; the caller owns them
     * @throws IllegalArgumentException if the input has another shape
     */
    public INDArray descriptors(INDArray input) {
        return network.outputSingle(TfjsLayout.requireSquareRgbBatch(input, FaceRecognitionInput.SIZE, "face recognition net", "FaceRecognitionInput"));
    }
}
