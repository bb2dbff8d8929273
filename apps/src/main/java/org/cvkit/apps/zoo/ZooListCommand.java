package org.cvkit.apps.zoo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Locale;
import org.cvkit.apps.StoreOptions;
import org.cvkit.zoo.asset.Asset;
import org.cvkit.zoo.asset.AssetRegistry;
import org.cvkit.zoo.asset.AssetStore;
import org.cvkit.zoo.asset.Bundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cvkit zoo list}: every asset and bundle, with size, checksum kind, local copy and licence. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the registered assets and bundles and where a local copy is.")
final class ZooListCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions options;

    @Override
    public void run() {
        AssetStore store = options.store();
        AssetRegistry registry = store.registry();
        PrintWriter out = spec.commandLine().getOut();
        int width = registry.assets().stream().mapToInt(asset -> asset.name().length()).max().orElse(5);
        String row = "%-" + width + "s  %12s  %-9s  %-6s  %s%n";
        out.printf(Locale.ROOT, row, "ASSET", "BYTES", "CHECK", "LOCAL", "LICENCE");
        for (Asset asset : registry.assets()) {
            out.printf(Locale.ROOT, row, asset.name(), String.format(Locale.ROOT, "%,d", asset.bytes()),
                    asset.isSha256Pinned() ? "sha256" : "size-only", local(store, asset), asset.license());
        }
        out.println();
        int bundleWidth = registry.bundles().stream().mapToInt(bundle -> bundle.name().length()).max().orElse(6);
        out.printf(Locale.ROOT, "%-" + bundleWidth + "s  %s%n", "BUNDLE", "DESCRIPTION = ASSETS");
        for (Bundle bundle : registry.bundles()) {
            out.printf(Locale.ROOT, "%-" + bundleWidth + "s  %s%n%" + bundleWidth + "s  = %s%n", bundle.name(),
                    bundle.description(), "", String.join(" + ", bundle.assetNames()));
        }
        out.flush();
    }

    private static String local(AssetStore store, Asset asset) {
        if (Files.isRegularFile(store.cachePath(asset))) {
            return "cache";
        }
        return store.mirrorPath(asset).filter(Files::isRegularFile).isPresent() ? "mirror" : "-";
    }
}
