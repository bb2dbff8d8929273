package org.cvkit.apps.zoo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cvkit.apps.StoreOptions;
import org.cvkit.zoo.asset.AssetStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cvkit zoo fetch NAME...}: makes verified local copies and prints where they are. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch assets or bundles into the cache (or find them in the mirror), verify them and print"
                + " one 'NAME<TAB>PATH' line per file.")
final class ZooFetchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions options;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Asset or bundle names (see 'cvkit zoo list').")
    List<String> names;

    @Override
    public void run() {
        AssetStore store = options.store();
        PrintWriter out = spec.commandLine().getOut();
        for (String name : names) {
            for (Map.Entry<String, Path> file : store.resolveAll(name).entrySet()) {
                out.println(file.getKey() + "\t" + file.getValue());
            }
        }
        out.flush();
    }
}
