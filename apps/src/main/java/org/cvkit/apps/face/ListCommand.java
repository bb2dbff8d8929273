package org.cvkit.apps.face;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cvkit.apps.ExitCode;
import org.cvkit.face.gallery.EnrolledPerson;
import org.cvkit.face.gallery.Gallery;
import org.cvkit.face.gallery.MatchPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cvkit face-verify list}: the enrolled people, with how many photos each, and the matching policy. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the enrolled people, how many photos each was enrolled from, and the threshold.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    GalleryOptions gallery;

    @Override
    public Integer call() throws IOException {
        Gallery people = gallery.readOrEmpty();
        PrintWriter out = spec.commandLine().getOut();
        MatchPolicy policy = people.policy();
        out.printf(Locale.ROOT, "%s: %d %s, threshold %.4f (%s distance, %s)%n", gallery.file(), people.size(),
                people.size() == 1 ? "person" : "people", policy.threshold(),
                policy.metric().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                policy.personDistance().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        int width = people.people().stream().mapToInt(person -> person.name().length()).max().orElse(0);
        for (EnrolledPerson person : people.people()) {
            int photos = person.embeddings().size();
            out.printf(Locale.ROOT, "%-" + width + "s  %d photo%s%n", person.name(), photos, photos == 1 ? "" : "s");
        }
        out.flush();
        return ExitCode.OK;
    }
}
