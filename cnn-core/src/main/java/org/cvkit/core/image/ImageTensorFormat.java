package org.cvkit.core.image;

import java.util.Objects;

/**
 * What a network expects of its image input: the channel order of the tensor and the normalization of the
 * pixel levels. Gray (one-channel) images ignore the channel order.
 *
 * @param channelOrder  order of the colour channels in the tensor
 * @param normalization how levels become values, with per-channel statistics in {@code channelOrder}
 */
public record ImageTensorFormat(ChannelOrder channelOrder, Normalization normalization) {

    /** RGB, levels divided by 255: Darknet/YOLO and most small networks. */
    public static final ImageTensorFormat RGB_UNIT = new ImageTensorFormat(ChannelOrder.RGB, Normalization.UNIT);

    /** BGR, levels divided by 255. */
    public static final ImageTensorFormat BGR_UNIT = new ImageTensorFormat(ChannelOrder.BGR, Normalization.UNIT);

    /** RGB with the ImageNet mean and std of {@link Normalization#IMAGENET}. */
    public static final ImageTensorFormat RGB_IMAGENET =
            new ImageTensorFormat(ChannelOrder.RGB, Normalization.IMAGENET);

    /** BGR minus the Caffe ImageNet mean of {@link Normalization#CAFFE_BGR_MEAN}: the original VGG weights. */
    public static final ImageTensorFormat BGR_CAFFE =
            new ImageTensorFormat(ChannelOrder.BGR, Normalization.CAFFE_BGR_MEAN);

    /** Validates that both parts are given. */
    public ImageTensorFormat {
        Objects.requireNonNull(channelOrder, "channelOrder");
        Objects.requireNonNull(normalization, "normalization");
    }
}
