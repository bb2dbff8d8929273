package org.cvkit.style;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** Receives intermediate pictures of a transfer, every N iterations. */
@FunctionalInterface
public interface SnapshotListener {

    /**
     * @param iteration the iterations run so far, over all scales
     * @param image     the current image at the current scale's size (recoloured when colour is preserved)
     * @throws IOException if the listener cannot store the picture; the transfer stops with it
     */
    void onSnapshot(int iteration, BufferedImage image) throws IOException;
}
