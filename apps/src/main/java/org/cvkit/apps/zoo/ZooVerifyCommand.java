package org.cvkit.apps.zoo;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cvkit.apps.ExitCode;
import org.cvkit.apps.StoreOptions;
import org.cvkit.zoo.asset.VerificationResult;
import org.cvkit.zoo.asset.VerificationResult.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cvkit zoo verify [NAME...]}: checks every copy in the cache and the mirror against its registered size and
 * SHA-256. Fails when a copy is corrupt, or when an asset named on the command line has no copy at all.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the cached and mirrored copies of assets (all of them by default) against their"
                + " registered sizes and SHA-256 digests; exit 1 naming each asset that fails.")
final class ZooVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions options;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Asset or bundle names (default: every asset).")
    List<String> names = List.of();

    @Override
    public Integer call() {
        List<VerificationResult> results = options.store().verify(names);
        PrintWriter out = spec.commandLine().getOut();
        Set<String> failed = new LinkedHashSet<>();
        for (VerificationResult result : results) {
            out.printf(Locale.ROOT, "%-9s %s%n", label(result.status()), result.message());
            if (result.isCorrupt() || result.status() == Status.ABSENT && !names.isEmpty()) {
                failed.add(result.asset().name());
            }
        }
        out.printf(Locale.ROOT, "%d verified, %d size-checked only, %d corrupt, %d absent%n",
                count(results, Status.VERIFIED), count(results, Status.SIZE_CHECKED_ONLY),
                count(results, Status.CORRUPT), count(results, Status.ABSENT));
        out.flush();
        if (failed.isEmpty()) {
            return ExitCode.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("cvkit: " + failed.size() + (failed.size() == 1 ? " asset" : " assets")
                + " failed verification: " + String.join(", ", failed));
        err.flush();
        return ExitCode.FAILURE;
    }

    private static String label(Status status) {
        return switch (status) {
            case VERIFIED -> "ok";
            case SIZE_CHECKED_ONLY -> "size-only";
            case CORRUPT -> "CORRUPT";
            case ABSENT -> "absent";
        };
    }

    private static long count(List<VerificationResult> results, Status status) {
        return results.stream().filter(result -> result.status() == status).count();
    }
}
