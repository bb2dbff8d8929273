package org.cvkit.apps;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.io.PrintWriter;
import org.cvkit.apps.augment.AugmentCommand;
import org.cvkit.apps.detect.DetectCommand;
import org.cvkit.apps.explain.ExplainCommand;
import org.cvkit.apps.face.FaceVerifyCommand;
import org.cvkit.apps.style.StyleCommand;
import org.cvkit.apps.train.TrainCommand;
import org.cvkit.apps.zoo.ZooCommand;
import org.cvkit.core.runtime.LayerHelpers;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cvkit} command: entry point of every sub-command. */
@Command(name = "cvkit",
        mixinStandardHelpOptions = true,
        versionProvider = CvkitCommand.Version.class,
        description = "A computer-vision toolkit on Deeplearning4j and OpenCV.",
        subcommands = {AugmentCommand.class, DetectCommand.class, ExplainCommand.class, FaceVerifyCommand.class,
                StyleCommand.class, TrainCommand.class, ZooCommand.class, CommandLine.HelpCommand.class})
public final class CvkitCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a sub-command is required");
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        LayerHelpers.enable();
        av_log_set_level(AV_LOG_ERROR); // FFmpeg would print every stream's layout on opening a video
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given output streams, for embedding and tests.
     *
     * @param args the command-line arguments
     * @param out  where results go
     * @param err  where errors and progress go
     * @return the exit code, one of {@link ExitCode}
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new CvkitCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(ErrorReporter::exitCode);
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setParameterExceptionHandler(ErrorReporter::handleParameterException);
        return commandLine.execute(args);
    }

    /** Reports the version of the toolkit from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CvkitCommand.class.getPackage().getImplementationVersion();
            return new String[] {"cvkit " + (version == null ? "(development build)" : version)};
        }
    }
}
