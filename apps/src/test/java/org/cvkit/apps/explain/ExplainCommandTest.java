package org.cvkit.apps.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.cvkit.apps.CommandRunner;
import org.cvkit.apps.CommandRunner.Result;
import org.cvkit.apps.ExitCode;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    @Test
    void alexNetFirstLayer() {
        Result result = CommandRunner.run("explain", "conv", "--input", "227x227x3", "--filters", "96",
                "--kernel", "11", "--stride", "4");
        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out())
                .contains("(227 - 11 + 2*0)/4 + 1 = 55")
                .contains("55x55x96")
                .contains("11*11*3 = 363 per filter, 34,848 in all")
                .contains("34,944")
                .contains("290,400 neurons x 364 = 105,705,600");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void samePaddingAsJson() {
        Result result = CommandRunner.run("explain", "conv", "--input", "32x32x3", "--filters", "10",
                "--kernel", "5", "--padding", "same", "--json");
        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out().trim()).isEqualTo("{\"input\":\"32x32x3\",\"filters\":10,\"kernel\":5,\"stride\":1,"
                + "\"padding\":2,\"output\":\"32x32x10\",\"weights\":750,\"biases\":10,\"parameters\":760,"
                + "\"unsharedParameters\":778240}");
    }

    @Test
    void pooling() {
        Result result = CommandRunner.run("explain", "pool", "--input", "224x224x64", "--window", "2", "--stride", "2");
        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains("(224 - 2 + 2*0)/2 + 1 = 112").contains("112x112x64");
    }

    @Test
    void impossibleStrideIsAOneLineUsageError() {
        Result result = CommandRunner.run("explain", "conv", "--input", "7x7x1", "--filters", "1",
                "--kernel", "3", "--stride", "3");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("cvkit: width: (7 - 3 + 2*0)/3 + 1 = 2.33 is not a whole number")
                .contains("stride 1 or 2");
    }

    @Test
    void malformedShapeAndMissingOptionsAreUsageErrors() {
        Result badShape = CommandRunner.run("explain", "conv", "--input", "227by227", "--filters", "1", "--kernel", "3");
        assertThat(badShape.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badShape.err()).contains("WIDTHxHEIGHTxDEPTH").contains("--help");

        Result missing = CommandRunner.run("explain", "conv", "--input", "7x7x1");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("Missing required options");

        Result badPadding = CommandRunner.run("explain", "conv", "--input", "7x7x1", "--filters", "1",
                "--kernel", "3", "--padding", "lots");
        assertThat(badPadding.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badPadding.err()).contains("--padding must be a whole number or 'same'");
    }

    @Test
    void noSubCommandIsAUsageError() {
        Result result = CommandRunner.run();
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("a sub-command is required");
    }
}
