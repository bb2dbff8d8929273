package org.cvkit.core.arithmetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of sections 1 and 3 of the lecture notes. */
class ConvArithmeticTest {

    private static final VolumeShape SEVEN_BY_SEVEN = new VolumeShape(7, 7, 1);

    @Test
    void sevenBySevenWithThreeByThreeFilterAtStrideOneAndTwo() {
        assertThat(new ConvSpec(1, 3, 1, 0).outputShape(SEVEN_BY_SEVEN)).isEqualTo(new VolumeShape(5, 5, 1));
        assertThat(new ConvSpec(1, 3, 2, 0).outputShape(SEVEN_BY_SEVEN)).isEqualTo(new VolumeShape(3, 3, 1));
    }

    @Test
    void strideThreeOnSevenBySevenIsNotPossibleAndTheMessageSaysWhatFits() {
        assertThatThrownBy(() -> new ConvSpec(1, 3, 3, 0).outputShape(SEVEN_BY_SEVEN))
                .isInstanceOf(InvalidGeometryException.class)
                .hasMessageContaining("(7 - 3 + 2*0)/3 + 1 = 2.33")
                .hasMessageContaining("stride 3 is not possible")
                .hasMessageContaining("stride 1 or 2")
                .hasMessageContaining("padding 1");
    }

    @Test
    void suggestedPaddingReallyFits() {
        // (7 - 3 + 2*1)/3 + 1 = 3
        assertThat(new ConvSpec(1, 3, 3, 1).outputShape(SEVEN_BY_SEVEN)).isEqualTo(new VolumeShape(3, 3, 1));
    }

    @Test
    void padOneKeepsSevenBySeven() {
        assertThat(new ConvSpec(1, 3, 1, 1).outputShape(SEVEN_BY_SEVEN)).isEqualTo(SEVEN_BY_SEVEN);
    }

    @Test
    void tenFiveByFiveFiltersWithPadTwo() {
        VolumeShape input = new VolumeShape(32, 32, 3);
        ConvSpec conv = new ConvSpec(10, 5, 1, 2);
        assertThat(conv.outputShape(input)).isEqualTo(new VolumeShape(32, 32, 10));
        assertThat(conv.weightsPerFilter(input) + 1).isEqualTo(76);
        assertThat(conv.parameters(input).total()).isEqualTo(760);
    }

    @Test
    void sizesShrinkWithoutPadding() {
        VolumeShape afterFirst = new ConvSpec(6, 5, 1, 0).outputShape(new VolumeShape(32, 32, 3));
        assertThat(afterFirst).isEqualTo(new VolumeShape(28, 28, 6));
        assertThat(new ConvSpec(10, 5, 1, 0).outputShape(afterFirst)).isEqualTo(new VolumeShape(24, 24, 10));
    }

    @Test
    void alexNetFirstLayerWithAndWithoutWeightSharing() {
        VolumeShape input = new VolumeShape(227, 227, 3);
        ConvSpec conv1 = new ConvSpec(96, 11, 4, 0);
        assertThat(conv1.outputShape(input)).isEqualTo(new VolumeShape(55, 55, 96));
        assertThat(conv1.outputShape(input).size()).isEqualTo(290_400);
        assertThat(conv1.weightsPerFilter(input) + 1).isEqualTo(364);
        assertThat(conv1.unsharedParameters(input)).isEqualTo(105_705_600);
        assertThat(conv1.parameters(input)).isEqualTo(new ParameterCount(34_848, 96));
        assertThat(conv1.parameters(input).total()).isEqualTo(34_944);
    }

    @Test
    void oneByOneConvolutionChangesOnlyTheDepth() {
        ConvSpec conv = new ConvSpec(32, 1, 1, 0);
        VolumeShape input = new VolumeShape(56, 56, 64);
        assertThat(conv.outputShape(input)).isEqualTo(new VolumeShape(56, 56, 32));
        assertThat(conv.weightsPerFilter(input)).isEqualTo(64);
    }

    @Test
    void cs231nDemo() {
        assertThat(new ConvSpec(2, 3, 2, 1).outputShape(new VolumeShape(5, 5, 3)))
                .isEqualTo(new VolumeShape(3, 3, 2));
    }

    @Test
    void samePaddingForOddFilters() {
        assertThat(ConvArithmetic.samePadding(3)).isEqualTo(1);
        assertThat(ConvArithmetic.samePadding(5)).isEqualTo(2);
        assertThat(ConvArithmetic.samePadding(7)).isEqualTo(3);
        assertThat(ConvSpec.same(64, 3).outputShape(new VolumeShape(224, 224, 3)))
                .isEqualTo(new VolumeShape(224, 224, 64));
    }

    @Test
    void samePaddingRejectsEvenFilters() {
        assertThatThrownBy(() -> ConvArithmetic.samePadding(4))
                .isInstanceOf(InvalidGeometryException.class)
                .hasMessageContaining("even")
                .hasMessageContaining("3 or 5");
    }

    @Test
    void ordinaryThreeByThreeConvolutionOverDepth32() {
        assertThat(new ConvSpec(64, 3, 1, 1).parameters(new VolumeShape(8, 8, 32)).total()).isEqualTo(18_496);
    }

    @Test
    void maxPoolingExampleSizeAndHalving() {
        assertThat(PoolSpec.of(2, 2).outputShape(new VolumeShape(4, 4, 1))).isEqualTo(new VolumeShape(2, 2, 1));
        assertThat(PoolSpec.of(2, 2).outputShape(new VolumeShape(224, 224, 64)))
                .isEqualTo(new VolumeShape(112, 112, 64));
        assertThat(PoolSpec.of(2, 2).parameters(new VolumeShape(224, 224, 64))).isEqualTo(ParameterCount.NONE);
    }

    @Test
    void overlappingPooling() {
        assertThat(PoolSpec.of(3, 2).outputShape(new VolumeShape(55, 55, 96))).isEqualTo(new VolumeShape(27, 27, 96));
    }

    @Test
    void whenNoPaddingCanFitTheMessageSuggestsAnotherInputSize() {
        // (7 - 2)/2 is fractional for every padding, because 2P never changes the parity.
        assertThatThrownBy(() -> PoolSpec.of(2, 2).outputShape(SEVEN_BY_SEVEN))
                .isInstanceOf(InvalidGeometryException.class)
                .hasMessageContaining("= 3.50")
                .hasMessageContaining("stride 1, or an input of 8 (or 6) instead of 7");
    }

    @Test
    void filterLargerThanPaddedInputIsRejected() {
        assertThatThrownBy(() -> new ConvSpec(1, 9, 1, 0).outputShape(SEVEN_BY_SEVEN))
                .isInstanceOf(InvalidGeometryException.class)
                .hasMessageContaining("larger than the padded input 7")
                .hasMessageContaining("padding of at least 1");
    }

    @Test
    void nonPositiveSizesAreRejected() {
        assertThatThrownBy(() -> new VolumeShape(0, 7, 3)).hasMessageContaining("width must be positive but is 0");
        assertThatThrownBy(() -> new ConvSpec(1, 3, 0, 0)).hasMessageContaining("stride must be positive");
        assertThatThrownBy(() -> new ConvSpec(1, 3, 1, -1)).hasMessageContaining("padding must not be negative");
        assertThatThrownBy(() -> new ConvSpec(0, 3, 1, 0)).hasMessageContaining("number of filters");
    }

    @Test
    void widthAndHeightAreCheckedSeparately() {
        assertThat(new ConvSpec(4, 3, 2, 0).outputShape(new VolumeShape(9, 7, 3))).isEqualTo(new VolumeShape(4, 3, 4));
        assertThatThrownBy(() -> new ConvSpec(4, 3, 2, 0).outputShape(new VolumeShape(9, 8, 3)))
                .hasMessageStartingWith("height:");
    }

    @Test
    void parsesShapes() {
        assertThat(VolumeShape.parse("227x227x3")).isEqualTo(new VolumeShape(227, 227, 3));
        assertThat(VolumeShape.parse("28x28")).isEqualTo(new VolumeShape(28, 28, 1));
        assertThat(VolumeShape.parse("227x227x3")).hasToString("227x227x3");
        assertThatThrownBy(() -> VolumeShape.parse("227by227")).hasMessageContaining("WIDTHxHEIGHTxDEPTH");
        assertThatThrownBy(() -> VolumeShape.parse("axbxc")).hasMessageContaining("whole numbers");
    }

    @Test
    void receptiveFieldThroughAStack() {
        // Three 3x3 stride-1 convolutions see 7x7, like one 7x7 filter.
        assertThat(ReceptiveField.of(List.of(ConvSpec.same(8, 3), ConvSpec.same(8, 3), ConvSpec.same(8, 3))))
                .isEqualTo(new ReceptiveField(7, 1));
        // conv 3x3/1, pool 2x2/2, conv 3x3/1: 1 + 2 + 1*1 + 2*2 = 8, jump 2.
        assertThat(ReceptiveField.of(List.of(ConvSpec.same(8, 3), PoolSpec.of(2, 2), ConvSpec.same(8, 3))))
                .isEqualTo(new ReceptiveField(8, 2));
        // AlexNet conv1 + pool1: 11 + (3-1)*4 = 19, jump 8.
        assertThat(ReceptiveField.of(List.of(new ConvSpec(96, 11, 4, 0), PoolSpec.of(3, 2))))
                .isEqualTo(new ReceptiveField(19, 8));
    }
}
