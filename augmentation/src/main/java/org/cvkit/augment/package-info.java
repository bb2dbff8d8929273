/**
 * Data augmentation that moves boxes and keypoints with the pixels (section 6 of the lecture notes).
 *
 * <ul>
 *   <li>{@link org.cvkit.augment.Sample}: an OpenCV image with {@link org.cvkit.augment.LabeledBox labelled boxes}
 *       and keypoints, the value every {@link org.cvkit.augment.Transform} takes and gives.</li>
 *   <li>Pipelines: {@link org.cvkit.augment.Sequence}, {@link org.cvkit.augment.OneOf} and
 *       {@link org.cvkit.augment.Sometimes} (a step with a probability), parameters drawn from
 *       {@link org.cvkit.augment.Range}s.</li>
 *   <li>{@link org.cvkit.augment.Augmenter}: a pipeline with a seed, reproducible per sample index from any
 *       thread.</li>
 * </ul>
 *
 * The transforms live in {@code geometry} (flip, rotation, affine, perspective, crop, resize), {@code colour}
 * (brightness, contrast, gamma, hue, saturation, grayscale) and {@code degrade} (noise, blur, cutout); {@code spec}
 * reads pipelines written as text and {@code dl4j} plugs them into DL4J and DataVec. Transforms are immutable and
 * never modify their input; every returned sample owns a new image, which the caller closes.
 */
package org.cvkit.augment;
