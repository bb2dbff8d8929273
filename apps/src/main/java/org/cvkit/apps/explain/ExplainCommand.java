package org.cvkit.apps.explain;

import picocli.CommandLine.Command;

/** {@code cvkit explain conv|pool}: size and parameter arithmetic for learners. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        description = "Work out a layer's output size and parameter count, as the course does.",
        subcommands = {ExplainConvCommand.class, ExplainPoolCommand.class})
public final class ExplainCommand {
}
