package org.cvkit.apps.face;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cvkit face-verify}: face verification against a gallery of enrolled people. */
@Command(name = "face-verify",
        mixinStandardHelpOptions = true,
        description = {"Verify and identify faces against a gallery of enrolled people, with face-api's networks.",
            "Two faces are taken for the same person when their descriptors are at most --threshold apart "
                    + "(face-api's 0.6 unless the gallery was calibrated)."},
        subcommands = {EnrollCommand.class, VerifyCommand.class, IdentifyCommand.class, DescribeCommand.class,
            ListCommand.class, RemoveCommand.class, CalibrateCommand.class, LiveCommand.class},
        footer = {"", "The gallery holds biometric data: it is written atomically and readable by its owner only."})
public final class FaceVerifyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a sub-command is required");
    }
}
