package org.cvkit.apps.face;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cvkit.apps.ExitCode;
import org.cvkit.face.analysis.FaceAnalyzer;
import org.cvkit.face.gallery.Embedding;
import org.cvkit.face.gallery.Gallery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cvkit face-verify enroll NAME PHOTO...}: adds a person to the gallery, one descriptor per photo. */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = {"Enrol a person from one photo (one-shot) or several; each photo must show that person alone.",
            "Enrolling a name again adds the photos to that person."})
final class EnrollCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    GalleryOptions gallery;

    @Mixin
    AnalyzerOptions analyzerOptions;

    @Parameters(index = "0", paramLabel = "NAME", description = "The person's name, as identify will print it.")
    String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PHOTO", description = "Photos showing one face each.")
    List<Path> photos;

    @Override
    public Integer call() throws IOException {
        Photos.requireFiles(photos);
        Gallery before = gallery.readOrEmpty();
        List<Embedding> descriptors = new ArrayList<>();
        try (FaceAnalyzer analyzer = analyzerOptions.load()) {
            for (Path photo : photos) {
                descriptors.add(Photos.singleFace(analyzer, photo).descriptor());
            }
        }
        Gallery after = before.enroll(name, descriptors);
        gallery.write(after);
        int total = after.person(name).orElseThrow().embeddings().size();
        spec.commandLine().getOut().printf("enrolled %s from %d photo%s (%d in all); %s holds %d %s%n", name,
                photos.size(), photos.size() == 1 ? "" : "s", total, gallery.file(), after.size(),
                after.size() == 1 ? "person" : "people");
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
