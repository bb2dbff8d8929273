package org.cvkit.style;

import java.time.Duration;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.style.loss.LossValues;

/**
 * Where a transfer stands after one iteration.
 *
 * @param iteration  the iteration just run, from 1, counted over all scales
 * @param iterations the iterations of the whole transfer
 * @param scale      the scale being optimized, from 1 (coarsest) to {@code scales}
 * @param scales     the number of scales
 * @param size       the image size at this scale
 * @param losses     the losses of the image before this iteration
 * @param elapsed    time since the transfer started
 */
public record Progress(int iteration, int iterations, int scale, int scales, ImageSize size, LossValues losses,
                       Duration elapsed) {
}
