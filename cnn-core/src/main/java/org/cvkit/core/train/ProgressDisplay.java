package org.cvkit.core.train;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.cvkit.core.progress.ProgressLine;

/**
 * A console progress bar for one epoch: examples done (of the expected total once known), throughput in examples
 * per second, elapsed time and ETA, and the current batch and loss.
 */
final class ProgressDisplay implements AutoCloseable {

    private final ProgressBar bar;

    /**
     * @param out              where to draw
     * @param epoch            the epoch, from 1
     * @param epochs           the epoch budget
     * @param expectedExamples the examples expected in this epoch, or -1 if unknown (no bar length and no ETA)
     */
    ProgressDisplay(PrintStream out, int epoch, int epochs, long expectedExamples) {
        this.bar = new ProgressBarBuilder()
                .setTaskName("epoch " + epoch + "/" + epochs)
                .setInitialMax(expectedExamples)
                .setUnit(" ex", 1)
                .showSpeed(new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .setUpdateIntervalMillis(500)
                .setConsumer(ProgressLine.of(out))
                .build();
    }

    /**
     * @param batch    the batch just trained, from 1
     * @param examples the examples seen so far in this epoch
     * @param loss     the loss of the batch
     */
    void update(int batch, long examples, double loss) {
        bar.stepTo(examples);
        bar.setExtraMessage(String.format(Locale.ROOT, "batch %d, loss %.4f", batch, loss));
    }

    @Override
    public void close() {
        bar.close();
    }
}
