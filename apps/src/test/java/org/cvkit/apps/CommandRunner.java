package org.cvkit.apps;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code cvkit} command line in-process and captures what it prints. */
public final class CommandRunner {

    private CommandRunner() {
    }

    /**
     * @param args the command-line arguments
     * @return the exit code and both output streams
     */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CvkitCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * What one run produced.
     *
     * @param exitCode the process exit code
     * @param out      standard output
     * @param err      standard error
     */
    public record Result(int exitCode, String out, String err) {
    }
}
