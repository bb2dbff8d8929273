package org.cvkit.apps.face;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.WindowConstants;
import org.bytedeco.javacv.CanvasFrame;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.core.image.ImageConversions;

/**
 * The live loop's window: a JavaCV {@link CanvasFrame} showing each annotated frame at its own size, pixels as they
 * are (no gamma correction). Closing the window ends the loop.
 */
final class LiveWindow implements AutoCloseable {

    private final CanvasFrame frame;
    private volatile boolean open = true;

    private LiveWindow(CanvasFrame frame) {
        this.frame = frame;
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent event) {
                open = false;
            }

            @Override
            public void windowClosed(WindowEvent event) {
                open = false;
            }
        });
    }

    /**
     * @param title the window's title
     * @return the window, shown
     * @throws IllegalStateException if there is no display to show it on
     */
    static LiveWindow open(String title) {
        if (GraphicsEnvironment.isHeadless()) {
            throw noDisplay(null);
        }
        try {
            return new LiveWindow(new CanvasFrame(title, 1.0));
        } catch (HeadlessException | AWTError e) {
            throw noDisplay(e);
        }
    }

    private static IllegalStateException noDisplay(Throwable cause) {
        return new IllegalStateException("no display for the live window (DISPLAY is not set or cannot be "
                + "reached); run it on a desktop, or write an annotated video with --video FILE --out FILE", cause);
    }

    /** @return whether the window is still open: the user has not closed it */
    boolean isOpen() {
        return open;
    }

    /** @param image an 8-bit BGR frame to show; copied, so the caller may release it */
    void show(Mat image) {
        frame.showImage(ImageConversions.toBufferedImage(image));
    }

    /** Closes the window. */
    @Override
    public void close() {
        open = false;
        frame.dispose();
    }
}
