/**
 * Darknet models in DL4J: {@link org.cvkit.detection.darknet.DarknetImporter} turns a YOLO-family cfg and its
 * weights into a {@link org.cvkit.detection.darknet.DarknetNetwork} (a {@code ComputationGraph} whose outputs are
 * the raw convolutions feeding each {@code [yolo]} layer, with those layers' heads), and
 * {@link org.cvkit.detection.darknet.YoloDetector} runs it on images: stretch-resize, graph, decode, suppress.
 */
package org.cvkit.detection.darknet;
