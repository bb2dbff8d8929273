package org.cvkit.face.siamese;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.cvkit.face.calibration.LabeledPair;
import org.cvkit.face.gallery.DistanceMetric;
import org.cvkit.face.gallery.Embedding;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Image pairs for measuring verification, drawn at random from images grouped by identity: as many same-identity
 * (genuine) pairs as different-identity (impostor) ones, so chance accuracy is 50%. A genuine pair takes a random
 * identity with two or more images and two different images of it; an impostor pair takes two different random
 * identities and one image of each. Immutable.
 */
public final class VerificationPairs {

    private static final int EMBEDDING_BATCH = 256;

    private final IdentityImages images;
    private final int[] first;
    private final int[] second;
    private final boolean[] same;

    private VerificationPairs(IdentityImages images, int[] first, int[] second, boolean[] same) {
        this.images = images;
        this.first = first;
        this.second = second;
        this.same = same;
    }

    /**
     * Draws pairs.
     *
     * @param images       the images; at least one identity with two images and two identities
     * @param pairsPerKind the number of genuine pairs, and of impostor pairs, positive
     * @param seed         the seed of the draw
     * @return {@code 2 * pairsPerKind} pairs, genuine and impostor ones interleaved
     * @throws IllegalArgumentException if the count is not positive or the images cannot give both kinds
     */
    public static VerificationPairs sample(IdentityImages images, int pairsPerKind, long seed) {
        Objects.requireNonNull(images, "images");
        if (pairsPerKind < 1) {
            throw new IllegalArgumentException("need at least 1 pair of each kind but " + pairsPerKind
                    + " were asked for");
        }
        List<int[]> byIdentity = imagesByIdentity(images);
        int[] repeated = IntStream.range(0, byIdentity.size()).filter(i -> byIdentity.get(i).length >= 2).toArray();
        if (repeated.length == 0 || byIdentity.size() < 2) {
            throw new IllegalArgumentException("verification pairs need two identities and one identity with two"
                    + " images, but the images show " + byIdentity.size() + " identities, " + repeated.length
                    + " of them with two or more images");
        }
        Random random = new Random(seed);
        int count = 2 * pairsPerKind;
        int[] first = new int[count];
        int[] second = new int[count];
        boolean[] same = new boolean[count];
        for (int pair = 0; pair < count; pair += 2) {
            int[] members = byIdentity.get(repeated[random.nextInt(repeated.length)]);
            int a = random.nextInt(members.length);
            int b = (a + 1 + random.nextInt(members.length - 1)) % members.length;
            first[pair] = members[a];
            second[pair] = members[b];
            same[pair] = true;
            int identityA = random.nextInt(byIdentity.size());
            int identityB = (identityA + 1 + random.nextInt(byIdentity.size() - 1)) % byIdentity.size();
            first[pair + 1] = pick(byIdentity.get(identityA), random);
            second[pair + 1] = pick(byIdentity.get(identityB), random);
        }
        return new VerificationPairs(images, first, second, same);
    }

    /** @return the number of pairs */
    public int size() {
        return same.length;
    }

    /**
     * @param pair a pair, {@code 0..size()-1}
     * @return the positions of its two images in the image set
     */
    public int[] images(int pair) {
        return new int[] {first[pair], second[pair]};
    }

    /**
     * @param pair a pair, {@code 0..size()-1}
     * @return whether its two images show the same identity
     */
    public boolean same(int pair) {
        return same[pair];
    }

    /**
     * Embeds every image of the pairs once and measures each pair's squared distance, the course's {@code d}.
     *
     * @param encoder an encoder for the images' shape and format
     * @return one labelled distance per pair, in pair order, for {@link org.cvkit.face.calibration.RocCurve}
     */
    public List<LabeledPair> measure(SiameseEncoder encoder) {
        Objects.requireNonNull(encoder, "encoder");
        int[] distinct = IntStream.concat(Arrays.stream(first), Arrays.stream(second)).distinct().toArray();
        Map<Integer, Embedding> embeddings = new HashMap<>();
        for (int from = 0; from < distinct.length; from += EMBEDDING_BATCH) {
            int[] chunk = Arrays.copyOfRange(distinct, from, Math.min(distinct.length, from + EMBEDDING_BATCH));
            try (INDArray batch = images.images(chunk)) {
                List<Embedding> embedded = encoder.embeddings(batch);
                for (int i = 0; i < chunk.length; i++) {
                    embeddings.put(chunk[i], embedded.get(i));
                }
            }
        }
        List<LabeledPair> pairs = new ArrayList<>(size());
        for (int pair = 0; pair < size(); pair++) {
            pairs.add(LabeledPair.measure(DistanceMetric.SQUARED_EUCLIDEAN, embeddings.get(first[pair]),
                    embeddings.get(second[pair]), same[pair]));
        }
        return pairs;
    }

    private static List<int[]> imagesByIdentity(IdentityImages images) {
        Map<Integer, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < images.size(); i++) {
            members.computeIfAbsent(images.identity(i), identity -> new ArrayList<>()).add(i);
        }
        return members.values().stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    private static int pick(int[] members, Random random) {
        return members[random.nextInt(members.length)];
    }
}
