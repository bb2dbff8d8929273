/**
 * Bridges between the image containers the toolkit meets and the tensors its networks read.
 *
 * <ul>
 *   <li>{@link org.cvkit.core.image.ImageConversions}: OpenCV {@code Mat} (8-bit BGR or gray)
 *       &lt;-&gt; {@code BufferedImage} and JavaCV {@code Frame} &lt;-&gt; {@code Mat}, always deep copies.</li>
 *   <li>{@link org.cvkit.core.image.ImageTensors}: {@code Mat}, {@code BufferedImage} and {@code Frame} to ND4J
 *       NCHW float tensors {@code [N, C, H, W]} and back to {@code Mat} or {@code BufferedImage}, in the channel
 *       order and {@link org.cvkit.core.image.Normalization} that an
 *       {@link org.cvkit.core.image.ImageTensorFormat} names.</li>
 *   <li>{@link org.cvkit.core.image.Letterbox} and {@link org.cvkit.core.image.Resize}: network-input resizing
 *       that keeps (or ignores) the aspect ratio, with a {@link org.cvkit.core.image.LetterboxTransform} that
 *       maps boxes and keypoints between the two frames.</li>
 *   <li>{@link org.cvkit.core.image.QualityResize}: high-quality imgscalr resizing of {@code BufferedImage}s.</li>
 * </ul>
 *
 * Pixels cross the boundary with bulk copies (one native read or write per image), never one JNI call per
 * pixel. Every returned {@code Mat} and {@code Frame} belongs to the caller, who closes it.
 */
package org.cvkit.core.image;
