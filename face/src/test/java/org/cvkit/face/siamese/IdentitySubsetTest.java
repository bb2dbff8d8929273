package org.cvkit.face.siamese;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class IdentitySubsetTest {

    /** Images 0..5 show persons 0, 1, 2, 1, 0, 2. */
    private static final ConstantImages PEOPLE = new ConstantImages(new int[] {0, 1, 2, 1, 0, 2});

    @Test
    void keepsTheImagesOfTheChosenIdentitiesRenumberedInTheOrderGiven() {
        IdentityImages subset = PEOPLE.ofIdentities(2, 0);

        assertThat(subset.size()).isEqualTo(4);
        assertThat(subset.identityNames()).containsExactly("person 2", "person 0");
        int[] identities = new int[subset.size()];
        int[] images = new int[subset.size()];
        for (int i = 0; i < subset.size(); i++) {
            identities[i] = subset.identity(i);
            try (INDArray image = subset.image(i)) {
                images[i] = ConstantImages.indicesOf(image)[0];
            }
        }
        assertThat(images).containsExactly(0, 2, 4, 5);
        assertThat(identities).containsExactly(1, 0, 1, 0);
        assertThat(subset.shape()).isEqualTo(ConstantImages.SHAPE);
    }

    @Test
    void rejectsNoUnknownAndRepeatedIdentities() {
        assertThatThrownBy(PEOPLE::ofIdentities).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one identity");
        assertThatThrownBy(() -> PEOPLE.ofIdentities(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("identity 3 does not exist; the set has identities 0..2");
        assertThatThrownBy(() -> PEOPLE.ofIdentities(1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("identity 1 is given twice");
    }
}
