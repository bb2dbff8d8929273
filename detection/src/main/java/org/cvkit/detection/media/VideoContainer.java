package org.cvkit.detection.media;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The video files {@link VideoDetection} writes, chosen by the output's extension; all hold MPEG-4 video. */
enum VideoContainer {
    MP4("mp4", "mp4"),
    AVI("avi", "avi"),
    MKV("mkv", "matroska"),
    MOV("mov", "mov");

    private final String extension;
    private final String ffmpegFormat;

    VideoContainer(String extension, String ffmpegFormat) {
        this.extension = extension;
        this.ffmpegFormat = ffmpegFormat;
    }

    /** @return FFmpeg's name of the container format */
    String ffmpegFormat() {
        return ffmpegFormat;
    }

    /**
     * @param output a video file to write
     * @return the container its extension names
     * @throws IllegalArgumentException if the extension names no supported container
     */
    static VideoContainer of(Path output) {
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(container -> name.endsWith("." + container.extension)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("cannot write a video to " + output
                        + "; end the file name with " + supported()));
    }

    /** @return the supported extensions, for messages */
    static String supported() {
        return Arrays.stream(values()).map(container -> "." + container.extension)
                .collect(Collectors.joining(", "));
    }
}
