package org.cvkit.zoo.format.darknet;

import java.util.Objects;
import org.cvkit.zoo.format.WeightTensor;

/**
 * The batch-normalization parameters of a Darknet convolution, one value per filter each.
 *
 * @param scales           gamma
 * @param rollingMeans     running means
 * @param rollingVariances running variances
 */
public record BatchNormWeights(WeightTensor scales, WeightTensor rollingMeans, WeightTensor rollingVariances) {

    /** Checks that no component is null. */
    public BatchNormWeights {
        Objects.requireNonNull(scales, "scales");
        Objects.requireNonNull(rollingMeans, "rollingMeans");
        Objects.requireNonNull(rollingVariances, "rollingVariances");
    }
}
