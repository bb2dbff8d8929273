package org.cvkit.face.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * A 2-d gallery whose distances are worked out by hand: Ada at (0, 0), Bo at (4, 0) and (0, 4) (mean (2, 2)),
 * Cy at (0, 2); Euclidean threshold 1.5.
 */
class GalleryTest {

    private static final EmbeddingSpace SPACE = new EmbeddingSpace("test-encoder", 2);
    private static final MatchPolicy NEAREST =
            new MatchPolicy(DistanceMetric.EUCLIDEAN, 1.5, PersonDistance.NEAREST_EMBEDDING);
    private static final MatchPolicy MEAN = new MatchPolicy(DistanceMetric.EUCLIDEAN, 1.5, PersonDistance.MEAN_EMBEDDING);

    private static final Gallery GALLERY = Gallery.empty(SPACE, NEAREST)
            .enroll("Cy", List.of(Embedding.of(0, 2)))
            .enroll("Bo", List.of(Embedding.of(4, 0), Embedding.of(0, 4)))
            .enroll("Ada", List.of(Embedding.of(0, 0)));

    @Test
    void listsPeopleInNameOrderWithTheirEmbeddings() {
        assertThat(GALLERY.people()).extracting(EnrolledPerson::name).containsExactly("Ada", "Bo", "Cy");
        assertThat(GALLERY.size()).isEqualTo(3);
        assertThat(GALLERY.person("Bo")).map(EnrolledPerson::embeddings)
                .contains(List.of(Embedding.of(4, 0), Embedding.of(0, 4)));
        assertThat(GALLERY.person("Dee")).isEmpty();
    }

    @Test
    void enrollingAKnownNameAddsEmbeddingsInOrder() {
        Gallery more = GALLERY.enroll("Ada", List.of(Embedding.of(1, 1), Embedding.of(2, 2)));
        assertThat(more.person("Ada").orElseThrow().embeddings())
                .containsExactly(Embedding.of(0, 0), Embedding.of(1, 1), Embedding.of(2, 2));
        assertThat(more.size()).isEqualTo(3);
    }

    @Test
    void changesLeaveTheOriginalGalleryAlone() {
        Gallery changed = GALLERY.remove("Bo").enroll("Dee", List.of(Embedding.of(9, 9)));
        assertThat(changed.people()).extracting(EnrolledPerson::name).containsExactly("Ada", "Cy", "Dee");
        assertThat(GALLERY.people()).extracting(EnrolledPerson::name).containsExactly("Ada", "Bo", "Cy");
    }

    @Test
    void verifiesWithTheDistanceAndTheDecision() {
        // (0, 0.5) is 0.5 from Ada and 1.5 from Cy: at the threshold is still accepted (d <= tau)
        Embedding probe = Embedding.of(0, 0.5f);
        assertThat(GALLERY.verify("Ada", probe)).isEqualTo(new Verification("Ada", 0.5, 1.5));
        assertThat(GALLERY.verify("Ada", probe).accepted()).isTrue();
        assertThat(GALLERY.verify("Cy", probe).distance()).isEqualTo(1.5);
        assertThat(GALLERY.verify("Cy", probe).accepted()).isTrue();
        // Bo's nearest embedding is (0, 4), 3.5 away
        assertThat(GALLERY.verify("Bo", probe).distance()).isEqualTo(3.5);
        assertThat(GALLERY.verify("Bo", probe).accepted()).isFalse();
    }

    @Test
    void identifiesTheNearestPersonWithTheRunnerUp() {
        Identification ada = GALLERY.identify(Embedding.of(0, 0.5f));
        assertThat(ada.person()).contains("Ada");
        assertThat(ada.nearest()).contains(new Match("Ada", 0.5));
        assertThat(ada.runnerUp()).contains(new Match("Cy", 1.5));

        // (0, 3.5): Bo's (0, 4) is 0.5 away, Cy 1.5, Ada 3.5
        Identification bo = GALLERY.identify(Embedding.of(0, 3.5f));
        assertThat(bo.person()).contains("Bo");
        assertThat(bo.runnerUp()).contains(new Match("Cy", 1.5));
    }

    @Test
    void theMeanEmbeddingRuleComparesWithTheCentroid() {
        // Bo's centroid (2, 2) is sqrt(2^2 + 1.5^2) = 2.5 from (0, 3.5), so Cy at 1.5 wins
        Identification identification = GALLERY.withPolicy(MEAN).identify(Embedding.of(0, 3.5f));
        assertThat(identification.nearest()).contains(new Match("Cy", 1.5));
        assertThat(identification.runnerUp()).contains(new Match("Bo", 2.5));
        assertThat(identification.person()).contains("Cy");
        // (2, 2) is sqrt(8) from both of Bo's embeddings but on his centroid
        assertThat(GALLERY.withPolicy(MEAN).verify("Bo", Embedding.of(2, 2)).distance()).isZero();
        assertThat(GALLERY.verify("Bo", Embedding.of(2, 2)).distance()).isEqualTo(Math.sqrt(8));
    }

    @Test
    void squaredEuclideanMeasuresTheCoursesDistance() {
        Gallery squared = GALLERY.withPolicy(
                new MatchPolicy(DistanceMetric.SQUARED_EUCLIDEAN, 0.36, PersonDistance.NEAREST_EMBEDDING));
        assertThat(squared.verify("Ada", Embedding.of(0, 0.5f))).isEqualTo(new Verification("Ada", 0.25, 0.36));
        assertThat(squared.verify("Ada", Embedding.of(0, 0.75f)).distance()).isEqualTo(0.5625);
        assertThat(squared.verify("Ada", Embedding.of(0, 0.75f)).accepted()).isFalse();
    }

    @Test
    void aProbeFartherThanTheThresholdFromEveryoneIsUnknown() {
        // (10, 10): Bo's nearest is sqrt(6^2 + 10^2) = sqrt(136), Cy sqrt(10^2 + 8^2) = sqrt(164), Ada sqrt(200)
        Identification identification = GALLERY.identify(Embedding.of(10, 10));
        assertThat(identification.isUnknown()).isTrue();
        assertThat(identification.person()).isEmpty();
        assertThat(identification.nearest()).contains(new Match("Bo", Math.sqrt(136)));
        assertThat(identification.runnerUp()).contains(new Match("Cy", Math.sqrt(164)));
    }

    @Test
    void equalDistancesAreRankedByName() {
        // (0, 1) is 1 from Ada and from Cy
        Identification identification = GALLERY.identify(Embedding.of(0, 1));
        assertThat(identification.nearest()).contains(new Match("Ada", 1));
        assertThat(identification.runnerUp()).contains(new Match("Cy", 1));
    }

    @Test
    void anEmptyGalleryKnowsNobodyAndOnePersonHasNoRunnerUp() {
        Identification nobody = Gallery.empty(SPACE, NEAREST).identify(Embedding.of(0, 0));
        assertThat(nobody.isUnknown()).isTrue();
        assertThat(nobody.nearest()).isEmpty();
        assertThat(nobody.runnerUp()).isEmpty();

        Identification alone = Gallery.empty(SPACE, NEAREST).enroll("Ada", List.of(Embedding.of(0, 0)))
                .identify(Embedding.of(0, 1));
        assertThat(alone.person()).contains("Ada");
        assertThat(alone.runnerUp()).isEmpty();
    }

    @Test
    void galleriesWithTheSameContentAreEqual() {
        Gallery sameContent = Gallery.empty(SPACE, NEAREST)
                .enroll("Ada", List.of(Embedding.of(0, 0)))
                .enroll("Bo", List.of(Embedding.of(4, 0), Embedding.of(0, 4)))
                .enroll("Cy", List.of(Embedding.of(0, 2)));
        assertThat(sameContent).isEqualTo(GALLERY).hasSameHashCodeAs(GALLERY);
        assertThat(GALLERY.withPolicy(MEAN)).isNotEqualTo(GALLERY);
        assertThat(GALLERY.toString()).isEqualTo("Gallery['test-encoder' (2-d), " + NEAREST + ", 3 people]");
    }

    @Test
    void rejectsUnusableNames() {
        Gallery empty = Gallery.empty(SPACE, NEAREST);
        List<Embedding> one = List.of(Embedding.of(0, 0));
        assertThatThrownBy(() -> empty.enroll("", one)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name must not be empty");
        assertThatThrownBy(() -> empty.enroll(" \t", one)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name must not be empty");
        assertThatThrownBy(() -> empty.enroll(null, one)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name must not be empty");
        assertThatThrownBy(() -> empty.enroll(" Ada", one)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts or ends with white space");
        assertThatThrownBy(() -> empty.enroll("Ada\nBo", one)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control characters");
    }

    @Test
    void rejectsMissingOrMismatchedEmbeddings() {
        Gallery empty = Gallery.empty(SPACE, NEAREST);
        assertThatThrownBy(() -> empty.enroll("Ada", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one embedding");
        assertThatThrownBy(() -> empty.enroll("Ada", List.of(Embedding.of(1, 2, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 3 values but this gallery holds 2-d embeddings from encoder 'test-encoder'");
        assertThatThrownBy(() -> empty.enroll("Ada", List.of(Embedding.of(1, 2), Embedding.of(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the embeddings of 'Ada' have 2 and 1 values; all must come from the same encoder");
        assertThatThrownBy(() -> GALLERY.verify("Ada", Embedding.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 1 values");
        assertThatThrownBy(() -> GALLERY.identify(Embedding.of(1, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 3 values");
    }

    @Test
    void unknownNamesCannotBeRemovedOrVerified() {
        assertThatThrownBy(() -> GALLERY.remove("Dee")).isInstanceOf(UnknownPersonException.class)
                .hasMessage("'Dee' is not enrolled (the gallery holds 3 people); list the gallery to check the "
                        + "spelling, or enroll them first")
                .extracting(e -> ((UnknownPersonException) e).name()).isEqualTo("Dee");
        assertThatThrownBy(() -> GALLERY.verify("ada", Embedding.of(0, 0)))
                .isInstanceOf(UnknownPersonException.class).hasMessageContaining("'ada' is not enrolled");
        assertThatThrownBy(() -> Gallery.empty(SPACE, NEAREST).enroll("Ada", List.of(Embedding.of(0, 0)))
                .remove("Bo")).hasMessageContaining("(the gallery holds 1 person)");
    }

    @Test
    void aPersonCannotBeEnrolledTwiceWhenAGalleryIsAssembled() {
        EnrolledPerson ada = new EnrolledPerson("Ada", List.of(Embedding.of(0, 0)));
        assertThatThrownBy(() -> Gallery.of(SPACE, NEAREST, List.of(ada, ada)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'Ada' is enrolled twice");
    }

    @Test
    void anIdentificationCannotHaveACloserRunnerUp() {
        Optional<Match> near = Optional.of(new Match("Ada", 1));
        Optional<Match> far = Optional.of(new Match("Bo", 2));
        assertThatThrownBy(() -> new Identification(far, near, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be nearer");
        assertThatThrownBy(() -> new Identification(Optional.empty(), near, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
