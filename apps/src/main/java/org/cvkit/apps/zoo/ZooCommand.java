package org.cvkit.apps.zoo;

import picocli.CommandLine.Command;

/** {@code cvkit zoo list|fetch|verify}: pretrained weights, sample media and data sets. */
@Command(name = "zoo",
        mixinStandardHelpOptions = true,
        description = "List, fetch and verify pretrained weights, sample media and data sets.",
        subcommands = {ZooListCommand.class, ZooFetchCommand.class, ZooVerifyCommand.class})
public final class ZooCommand {
}
