package org.cvkit.core.progress;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Where cvkit's progress bars go. On a terminal the bar is redrawn in place on one line. When the output is
 * redirected (a log file, CI), the bar is written as a line of its own at most every {@link #LOG_INTERVAL}, plus its
 * final state, so logs keep a readable trace instead of every redraw. Closing ends the bar's line once, whether the
 * bar or its owner closes it first, so that later messages start on a line of their own.
 */
public final class ProgressLine implements ProgressBarConsumer {

    /** How often a bar on redirected output writes a line. */
    public static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private static final int WIDTH = 100;

    private final PrintWriter out;
    private final boolean interactive;
    private final LongSupplier nanoTime;
    private boolean lineOpen;
    private String pending;
    private long lastWritten;
    private boolean written;

    /**
     * @param out where the bar is drawn, usually standard error; redrawn in place when the JVM runs in a terminal
     *            ({@link System#console()} is present)
     */
    public ProgressLine(PrintWriter out) {
        this(out, System.console() != null, System::nanoTime);
    }

    /**
     * @param out         where the bar is drawn
     * @param interactive whether to redraw in place (a terminal) rather than write throttled lines
     * @param nanoTime    the clock that throttles the lines
     */
    ProgressLine(PrintWriter out, boolean interactive, LongSupplier nanoTime) {
        this.out = Objects.requireNonNull(out, "out");
        this.interactive = interactive;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * @param out a stream such as {@code System.err}; it is flushed, never closed
     * @return a progress line on it
     */
    public static ProgressLine of(PrintStream out) {
        return new ProgressLine(new PrintWriter(new OutputStreamWriter(out, Charset.defaultCharset()), true));
    }

    @Override
    public int getMaxRenderedLength() {
        return WIDTH;
    }

    @Override
    public synchronized void accept(String rendered) {
        if (interactive) {
            out.print('\r');
            out.print(rendered);
            out.flush();
            lineOpen = true;
            return;
        }
        long now = nanoTime.getAsLong();
        if (!written || now - lastWritten >= LOG_INTERVAL.toNanos()) {
            writeLine(rendered);
            lastWritten = now;
            written = true;
        } else {
            pending = rendered;
        }
    }

    @Override
    public synchronized void close() {
        if (lineOpen) {
            out.println();
            out.flush();
            lineOpen = false;
        }
        if (pending != null) {
            writeLine(pending);
        }
    }

    private void writeLine(String rendered) {
        out.println(rendered);
        out.flush();
        pending = null;
    }
}
