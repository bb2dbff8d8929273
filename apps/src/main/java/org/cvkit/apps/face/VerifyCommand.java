package org.cvkit.apps.face;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cvkit.apps.ExitCode;
import org.cvkit.face.analysis.FaceAnalyzer;
import org.cvkit.face.gallery.Embedding;
import org.cvkit.face.gallery.Gallery;
import org.cvkit.face.gallery.MatchPolicy;
import org.cvkit.face.gallery.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cvkit face-verify verify PHOTO_A PHOTO_B} or {@code verify PHOTO --person NAME}: 1:1 verification of two
 * photos, or of a photo against an enrolled person.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Tell whether two photos, or a photo and an enrolled person, show the same person.",
            "Each photo must show one face. Prints the descriptor distance and the decision."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    GalleryOptions gallery;

    @Mixin
    ThresholdOption thresholdOption;

    @Mixin
    AnalyzerOptions analyzerOptions;

    @Parameters(arity = "1..2", paramLabel = "PHOTO", description = "Two photos, or one with --person.")
    List<Path> photos;

    @Option(names = "--person", paramLabel = "NAME", description = "Verify the photo against this enrolled person.")
    String person;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (person == null && photos.size() != 2) {
            throw new IllegalArgumentException("verify needs two photos, or one photo and --person NAME");
        }
        if (person != null && photos.size() != 1) {
            throw new IllegalArgumentException("verify takes one photo with --person, but got " + photos.size());
        }
        Photos.requireFiles(photos);
        Gallery decider = thresholdOption.applyTo(person == null ? gallery.readOrEmpty() : gallery.readEnrolled());
        if (person != null && decider.person(person).isEmpty()) {
            throw new IllegalArgumentException("'" + person + "' is not enrolled in " + gallery.file()
                    + "; check the spelling with 'cvkit face-verify list', or enroll them first");
        }
        MatchPolicy policy = decider.policy();
        Result result;
        try (FaceAnalyzer analyzer = analyzerOptions.load()) {
            Embedding probe = Photos.singleFace(analyzer, photos.get(0)).descriptor();
            if (person != null) {
                Verification verification = decider.verify(person, probe);
                result = new Result(person, verification.distance(), verification.threshold(),
                        verification.accepted());
            } else {
                double distance = policy.metric().distance(probe,
                        Photos.singleFace(analyzer, photos.get(1)).descriptor());
                result = new Result(null, distance, policy.threshold(), policy.accepts(distance));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            FaceJson.print(out, result);
        } else {
            out.printf(Locale.ROOT, "%sdistance %.4f %s %.4f: %s%n", person == null ? "" : person + ": ",
                    result.distance(), result.samePerson() ? "<=" : ">", result.threshold(),
                    result.samePerson() ? "same person" : "different people");
            out.flush();
        }
        return ExitCode.OK;
    }

    /**
     * The decision, and the {@code --json} line.
     *
     * @param person      the enrolled person the photo was compared with, or {@code null} for two photos
     * @param distance    the descriptor distance
     * @param threshold   the largest distance accepted
     * @param samePerson  whether the distance is within the threshold
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"person", "distance", "threshold", "same_person"})
    private record Result(String person, double distance, double threshold,
                          @JsonProperty("same_person") boolean samePerson) {
    }
}
