package org.cvkit.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final StringWriter text = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void onATerminalRedrawsOneLineAndEndsItOnce() {
        ProgressLine line = new ProgressLine(new PrintWriter(text), true, nanos::get);

        line.accept("10%");
        line.accept("20%");
        line.close();
        line.close();

        assertThat(text.toString()).isEqualTo("\r10%\r20%" + System.lineSeparator());
    }

    /** Redirected output gets the first state, then a line at most every ten seconds, then the last state. */
    @Test
    void onRedirectedOutputWritesThrottledLinesAndTheLastState() {
        ProgressLine line = new ProgressLine(new PrintWriter(text), false, nanos::get);

        line.accept("0%");
        nanos.set(4_000_000_000L);
        line.accept("40%");
        nanos.set(10_000_000_000L);
        line.accept("50%");
        nanos.set(12_000_000_000L);
        line.accept("60%");
        line.accept("100%");
        line.close();
        line.close();

        assertThat(text.toString().lines()).containsExactly("0%", "50%", "100%");
    }

    @Test
    void aClosedBarLeavesItsFinalStateOnRedirectedOutput() {
        ProgressLine line = new ProgressLine(new PrintWriter(text), false, nanos::get);

        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("work").setInitialMax(50).setConsumer(line)
                .build()) {
            bar.stepTo(50);
        }

        assertThat(text.toString().lines()).last().asString().contains("work", "100%", "50/50");
        assertThat(text.toString()).doesNotContain("\r");
    }
}
