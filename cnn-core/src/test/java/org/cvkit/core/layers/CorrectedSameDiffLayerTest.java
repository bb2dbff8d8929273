package org.cvkit.core.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.util.SameDiffUtils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.ExternalErrorsFunction;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Pins the ND4J behaviour {@link CorrectedSameDiffLayer} undoes. If this test fails after an ND4J upgrade, ND4J no
 * longer doubles external errors: delete {@code CorrectedSameDiffLayer} and let
 * {@link GlobalWeightedAveragePooling} use DL4J's own runtime layer.
 */
class CorrectedSameDiffLayerTest {

    /* out = x * w with external error e on out: d/dx = e * w = 3 * 2 = 6 and d/dw = sum over the batch of e * x. */
    @Test
    void nd4jDoublesTheGradientOfExternalErrors() {
        SameDiff sameDiff = SameDiff.create();
        SDVariable input = sameDiff.placeHolder("input", DataType.DOUBLE, -1, 3);
        SDVariable weights = sameDiff.var("w", Nd4j.valueArrayOf(new long[] {1, 3}, 2.0, DataType.DOUBLE));
        ExternalErrorsFunction errors = SameDiffUtils.externalErrors(sameDiff, null, input.mul(weights));
        sameDiff.createGradFunction("input");

        Map<String, INDArray> gradients = sameDiff.calculateGradients(Map.of(
                "input", Nd4j.ones(DataType.DOUBLE, 2, 3),
                errors.getGradPlaceholderName(), Nd4j.valueArrayOf(new long[] {2, 3}, 3.0, DataType.DOUBLE)),
                List.of("input", "w"));

        assertThat(gradients.get("input").getDouble(0, 0)).isEqualTo(2 * 6.0);
        assertThat(gradients.get("w").getDouble(0, 0)).isEqualTo(2 * 6.0);
    }
}
