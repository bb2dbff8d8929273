package org.cvkit.detection.dataset;

/** How {@link DatasetFolder} stores the boxes of each image. */
public enum LabelFormat {
    /**
     * Darknet's text labels: {@code labels/NAME.txt}, one line {@code class centreX centreY width height} per object,
     * class counted from 0 and coordinates normalized to the image (see {@link YoloLabels}).
     */
    YOLO("labels", ".txt"),
    /** PASCAL VOC XML: {@code annotations/NAME.xml} with class names and 1-based pixel boxes (see {@link VocAnnotation}). */
    VOC("annotations", ".xml");

    private final String folder;
    private final String extension;

    LabelFormat(String folder, String extension) {
        this.folder = folder;
        this.extension = extension;
    }

    /** @return the sub-folder that holds the label files */
    public String folder() {
        return folder;
    }

    /** @return the extension of a label file, with its dot */
    public String extension() {
        return extension;
    }
}
