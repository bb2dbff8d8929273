package org.cvkit.apps.train;

import picocli.CommandLine.Command;

/** {@code cvkit train}: one sub-command per trainable model. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = "Train a network and save it with the metadata needed to use it later.",
        subcommands = {TrainLeNetCommand.class, TrainSiameseCommand.class, TrainYoloCommand.class})
public final class TrainCommand {
}
