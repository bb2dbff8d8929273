package org.cvkit.apps;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Draws a progress bar on one line of a writer (the command's standard error), redrawn in place. Closing ends the
 * line once, whether the bar or its owner closes it first, so that later messages start on a line of their own.
 */
public final class ProgressLine implements ProgressBarConsumer {

    private static final int WIDTH = 100;

    private final PrintWriter out;
    private boolean lineOpen;

    /** @param out where the bar is drawn, usually the command's standard error */
    public ProgressLine(PrintWriter out) {
        this.out = out;
    }

    @Override
    public int getMaxRenderedLength() {
        return WIDTH;
    }

    @Override
    public synchronized void accept(String rendered) {
        out.print('\r');
        out.print(rendered);
        out.flush();
        lineOpen = true;
    }

    @Override
    public synchronized void close() {
        if (lineOpen) {
            out.println();
            out.flush();
            lineOpen = false;
        }
    }
}
