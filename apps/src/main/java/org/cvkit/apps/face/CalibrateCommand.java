package org.cvkit.apps.face;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cvkit.apps.ExitCode;
import org.cvkit.apps.ImageFiles;
import org.cvkit.face.analysis.FaceAnalyzer;
import org.cvkit.face.calibration.EqualErrorRate;
import org.cvkit.face.calibration.LabeledPair;
import org.cvkit.face.calibration.RocChart;
import org.cvkit.face.calibration.RocCurve;
import org.cvkit.face.calibration.RocPoint;
import org.cvkit.face.gallery.Embedding;
import org.cvkit.face.gallery.Gallery;
import org.cvkit.face.gallery.MatchPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cvkit face-verify calibrate DIR}: measures every pair of photos of a folder-per-person set and reports the
 * ROC curve, the equal error rate and the threshold for a target false-accept rate, which it can keep in the gallery.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Calibrate the threshold on labelled photos: DIR holds one folder per person, each with photos "
                + "showing that person alone.",
            "Every pair of photos is measured: pairs within a folder are genuine, pairs across folders impostors."})
final class CalibrateCommand implements Callable<Integer> {

    private static final int CHART_SIZE = 640;

    @Spec
    CommandSpec spec;

    @Mixin
    GalleryOptions gallery;

    @Mixin
    AnalyzerOptions analyzerOptions;

    @Parameters(index = "0", paramLabel = "DIR", description = "A folder with one sub-folder of photos per person.")
    Path folder;

    @Option(names = "--far", paramLabel = "RATE", defaultValue = "0.01",
            description = "Target false-accept rate: the share of impostor pairs accepted (default: ${DEFAULT-VALUE}).")
    double targetFalseAcceptRate;

    @Option(names = "--roc", paramLabel = "PNG", description = "Write the ROC curve as a PNG picture.")
    Path roc;

    @Option(names = "--save", description = "Keep the threshold for --far in the gallery, for every later decision.")
    boolean save;

    @Override
    public Integer call() throws IOException {
        if (!(targetFalseAcceptRate >= 0 && targetFalseAcceptRate <= 1)) {
            throw new IllegalArgumentException("--far is a share of impostor pairs and must lie within 0:1 but is "
                    + targetFalseAcceptRate);
        }
        if (roc != null && !roc.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--roc writes a PNG picture; end its name with .png, not " + roc);
        }
        List<List<Path>> people = photosByPerson();
        Gallery before = save ? gallery.readOrEmpty() : null;
        List<List<Embedding>> descriptors = new ArrayList<>();
        try (FaceAnalyzer analyzer = analyzerOptions.load()) {
            for (List<Path> photos : people) {
                List<Embedding> person = new ArrayList<>();
                for (Path photo : photos) {
                    person.add(Photos.singleFace(analyzer, photo).descriptor());
                }
                descriptors.add(person);
            }
        }
        RocCurve curve = RocCurve.of(pairs(descriptors, before != null ? before.policy() : MatchPolicy.faceApi()));
        RocPoint operating = curve.thresholdForFalseAcceptRate(targetFalseAcceptRate);
        if (save && !Double.isFinite(operating.threshold())) {
            throw new IllegalArgumentException("no threshold keeps the false-accept rate at or below "
                    + targetFalseAcceptRate + " on these photos (the closest pair is two different people); "
                    + "raise --far or add photos");
        }
        if (roc != null) {
            RocChart.ofSize(CHART_SIZE, CHART_SIZE).writePng(curve, roc);
        }
        if (save) {
            gallery.write(before.withPolicy(before.policy().withThreshold(operating.threshold())));
        }
        report(descriptors, curve, operating);
        return ExitCode.OK;
    }

    private void report(List<List<Embedding>> descriptors, RocCurve curve, RocPoint operating) {
        PrintWriter out = spec.commandLine().getOut();
        EqualErrorRate equalError = curve.equalErrorRate();
        out.printf(Locale.ROOT, "%d photos of %d people: %d genuine and %d impostor pairs%n",
                descriptors.stream().mapToInt(List::size).sum(), descriptors.size(), curve.genuinePairs(),
                curve.impostorPairs());
        out.printf(Locale.ROOT, "AUC %.4f; equal error rate %.4f at distance %.4f%n", curve.auc(), equalError.rate(),
                equalError.threshold());
        if (Double.isFinite(operating.threshold())) {
            out.printf(Locale.ROOT, "threshold %.4f for a false-accept rate of at most %s: false-accept rate %.4f,"
                            + " true-accept rate %.4f%n", operating.threshold(), targetFalseAcceptRate,
                    operating.falseAcceptRate(), operating.trueAcceptRate());
        } else {
            out.printf(Locale.ROOT, "no threshold keeps the false-accept rate at or below %s%n",
                    targetFalseAcceptRate);
        }
        if (roc != null) {
            out.println("ROC curve: " + roc);
        }
        if (save) {
            out.printf(Locale.ROOT, "saved threshold %.4f in %s%n", operating.threshold(), gallery.file());
        }
        out.flush();
    }

    /** The photo files of each person's folder, folders and photos in name order. */
    private List<List<Path>> photosByPerson() throws IOException {
        if (!Files.exists(folder)) {
            throw new NoSuchFileException(folder.toString());
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is a file; give a folder with one sub-folder of photos per "
                    + "person");
        }
        List<Path> folders;
        try (Stream<Path> entries = Files.list(folder)) {
            folders = entries.filter(Files::isDirectory).sorted().toList();
        }
        if (folders.size() < 2) {
            throw new IllegalArgumentException(folder + " holds " + folders.size() + " person folder"
                    + (folders.size() == 1 ? "" : "s") + "; calibration needs at least two people, one sub-folder "
                    + "of photos each");
        }
        List<List<Path>> people = new ArrayList<>();
        for (Path person : folders) {
            people.add(ImageFiles.list(person));
        }
        return people;
    }

    /** Every pair of descriptors: genuine within a person, impostor across people. */
    private static List<LabeledPair> pairs(List<List<Embedding>> people, MatchPolicy policy) {
        List<Embedding> all = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int person = 0; person < people.size(); person++) {
            for (Embedding descriptor : people.get(person)) {
                all.add(descriptor);
                owners.add(person);
            }
        }
        List<LabeledPair> pairs = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                pairs.add(LabeledPair.measure(policy.metric(), all.get(i), all.get(j),
                        owners.get(i).equals(owners.get(j))));
            }
        }
        return pairs;
    }
}
