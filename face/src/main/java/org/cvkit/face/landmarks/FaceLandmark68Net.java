package org.cvkit.face.landmarks;

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
 * face-api's {@code FaceLandmark68Net} in DL4J: maps a normalized 112 x 112 face crop to 68 points,
 * {@code x0, y0, x1, y1, ...}, each in [0, 1] of the input square.
 */
public final class FaceLandmark68Net {

    /** Output values per face: x and y of 68 points. */
    public static final int OUTPUT_LENGTH = FaceLandmark68Network.OUTPUT_LENGTH;

    private final ComputationGraph network;

    private FaceLandmark68Net(ComputationGraph network) {
        this.network = network;
    }

    /**
     * @param manifest {@code face_landmark_68_model-weights_manifest.json}, its shards beside it
     * @return the net
     * @throws IOException if the weights cannot be read
     * @throws org.cvkit.zoo.format.ModelFormatException if they are not the landmark net's
     */
    public static FaceLandmark68Net load(Path manifest) throws IOException {
        return fromWeights(TfjsWeightsReader.read(manifest));
    }

    /**
     * @param weights the dequantized tensors of the landmark net, by TF.js name
     * @return the net
     * @throws org.cvkit.zoo.format.ModelFormatException if a tensor is missing or has the wrong shape
     */
    public static FaceLandmark68Net fromWeights(Map<String, WeightTensor> weights) {
        return new FaceLandmark68Net(FaceLandmark68Network.build(Objects.requireNonNull(weights, "weights")));
    }

    /**
     * @param input normalized face crops {@code [N, 3, 112, 112]}, see {@link FaceLandmarkInput#normalize}
     * @return the raw points {@code [N, 136]} relative to the input square; the caller owns them
     * @throws IllegalArgumentException if the input has another shape
     */
    public INDArray rawOutput(INDArray input) {
        return network.outputSingle(TfjsLayout.requireSquareRgbBatch(input, FaceLandmarkInput.SIZE, "landmark net", "FaceLandmarkInput"));
    }
}
