package org.cvkit.apps;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns failures into one line on standard error and an {@link ExitCode}: invalid input gives
 * {@link ExitCode#USAGE}, anything else {@link ExitCode#FAILURE}. Stack traces are shown only when the
 * environment variable {@code CVKIT_DEBUG} is set.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine,
                                        CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("cvkit: " + describe(exception));
        if (System.getenv("CVKIT_DEBUG") != null) {
            exception.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return exitCode(exception);
    }

    static int handleParameterException(CommandLine.ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        commandLine.getErr().println("cvkit: " + parameterMessage(exception) + " (see '"
                + commandLine.getCommandSpec().qualifiedName() + " --help')");
        commandLine.getErr().flush();
        return ExitCode.USAGE;
    }

    /** Picocli's message, or for a value our own converters rejected, the converter's clearer one. */
    private static String parameterMessage(CommandLine.ParameterException exception) {
        CommandLine.Model.ArgSpec argument = exception.getArgSpec();
        if (exception.getCause() instanceof IllegalArgumentException cause && cause.getMessage() != null
                && argument != null) {
            String name = argument instanceof CommandLine.Model.OptionSpec option
                    ? option.longestName() : argument.paramLabel();
            return "invalid value for " + name + ": " + cause.getMessage();
        }
        return exception.getMessage();
    }

    static int exitCode(Throwable exception) {
        return exception instanceof IllegalArgumentException || exception instanceof CommandLine.ParameterException
                ? ExitCode.USAGE : ExitCode.FAILURE;
    }

    private static String describe(Throwable exception) {
        Throwable shown = exception instanceof UncheckedIOException && exception.getCause() != null
                ? exception.getCause() : exception;
        String message = shown.getMessage();
        if (message == null || message.isBlank()) {
            return shown.getClass().getSimpleName();
        }
        if (shown instanceof NoSuchFileException) {
            return "no such file: " + message;
        }
        if (shown instanceof AccessDeniedException) {
            return "permission denied: " + message;
        }
        return message.lines().findFirst().orElse(message);
    }
}
