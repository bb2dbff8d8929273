package org.cvkit.apps.face;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.cvkit.apps.ExitCode;
import org.cvkit.face.gallery.Gallery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cvkit face-verify remove NAME}: takes a person and all their descriptors out of the gallery. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove an enrolled person and every descriptor kept of them.")
final class RemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    GalleryOptions gallery;

    @Parameters(index = "0", paramLabel = "NAME", description = "The enrolled person's name, as list shows it.")
    String name;

    @Override
    public Integer call() throws IOException {
        Gallery after = gallery.readEnrolled().remove(name);
        gallery.write(after);
        spec.commandLine().getOut().printf("removed %s; %s holds %d %s%n", name, gallery.file(), after.size(),
                after.size() == 1 ? "person" : "people");
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
