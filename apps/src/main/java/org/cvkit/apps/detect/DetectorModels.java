package org.cvkit.apps.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cvkit.apps.ImageFiles;
import org.cvkit.core.image.ImageConversions;
import org.cvkit.detection.darknet.YoloDetector;
import org.cvkit.detection.geometry.NmsConfig;
import org.cvkit.detection.media.ObjectDetector;
import org.cvkit.detection.train.TrainedYolo;
import org.cvkit.face.detect.TinyFaceDetector;
import org.cvkit.zoo.asset.AssetStore;

/**
 * The detectors {@code --model} names: the YOLO models of the zoo, face-api's tiny face detector, a Darknet
 * {@code .cfg} file with its weights and class names, or a YOLO model trained with {@code cvkit train yolo}.
 */
final class DetectorModels {

    /** The zoo's YOLO bundles, by the name {@code --model} takes. */
    static final List<String> YOLO_BUNDLES = List.of("yolo-fastest-xl", "yolo-fastest", "yolo-fastest-body",
            "yolov3-tiny");

    /** The face detector's name. */
    static final String FACE = "face";

    /** Darknet's own defaults for YOLO: keep scores of at least 0.25, suppress overlaps of IoU 0.45 or more. */
    static final NmsConfig YOLO_DEFAULTS = new NmsConfig(0.25, 0.45, false);

    private static final String FACE_BUNDLE = "face-api-tiny-face-detector";

    private DetectorModels() {
    }

    /**
     * @param model      a zoo model name, {@value #FACE}, a Darknet {@code .cfg} file or a trained model {@code .zip}
     * @param weights    the Darknet weights for a {@code .cfg} file; {@code null} for the file beside it
     * @param names      the class names for a {@code .cfg} file; {@code null} for the {@code .names} file beside it
     * @param confidence the lowest score kept; {@code null} for the model's default
     * @param iou        the overlap at which a lower-scoring box is suppressed; {@code null} for the model's default
     * @param store      where zoo models come from
     * @return the detector
     * @throws IOException              if a model file cannot be read or fetched
     * @throws IllegalArgumentException if the model is unknown or a threshold is out of range
     */
    static ObjectDetector load(String model, Path weights, Path names, Double confidence, Double iou,
                               AssetStore store) throws IOException {
        if (model.equals(FACE)) {
            NmsConfig nms = thresholds(TinyFaceDetector.DEFAULT_NMS, confidence, iou);
            Map<String, Path> files = store.resolveAll(FACE_BUNDLE);
            TinyFaceDetector faces = TinyFaceDetector.load(file(files, "-weights_manifest.json"));
            return image -> faces.detect(ImageConversions.toBufferedImage(image), nms);
        }
        if (model.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            TrainedYolo trained = TrainedYolo.load(existing(Path.of(model)));
            return trained.withNms(thresholds(trained.nms(), confidence, iou));
        }
        NmsConfig nms = thresholds(YOLO_DEFAULTS, confidence, iou);
        YoloDetector yolo;
        if (YOLO_BUNDLES.contains(model)) {
            Map<String, Path> files = store.resolveAll(model);
            yolo = YoloDetector.load(file(files, ".cfg"), file(files, ".weights"), file(files, ".names"));
        } else if (model.toLowerCase(Locale.ROOT).endsWith(".cfg")) {
            Path cfg = existing(Path.of(model));
            yolo = YoloDetector.load(cfg, existing(weights != null ? weights : sibling(cfg, ".weights")),
                    existing(names != null ? names : sibling(cfg, ".names")));
        } else {
            throw new IllegalArgumentException("unknown model '" + model + "'; use one of " + String.join(", ",
                    YOLO_BUNDLES) + ", " + FACE + ", a Darknet .cfg file, or a model .zip from 'cvkit train yolo'");
        }
        return image -> yolo.detect(image, nms);
    }

    private static NmsConfig thresholds(NmsConfig defaults, Double confidence, Double iou) {
        NmsConfig nms = confidence == null ? defaults : defaults.withScoreThreshold(confidence);
        return iou == null ? nms : nms.withIouThreshold(iou);
    }

    private static Path file(Map<String, Path> files, String suffix) {
        return files.entrySet().stream().filter(entry -> entry.getKey().endsWith(suffix)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new IllegalStateException("the zoo bundle has no *" + suffix
                        + " file; the asset registry is inconsistent"));
    }

    private static Path sibling(Path cfg, String extension) {
        return cfg.resolveSibling(ImageFiles.stem(cfg) + extension);
    }

    private static Path existing(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return file;
    }
}
