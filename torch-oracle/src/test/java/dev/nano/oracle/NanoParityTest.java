package dev.nano.oracle;

import dev.nano.oracle.fixtures.FixtureCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nano against the committed PyTorch fixtures: every case's outputs (shape, dtype, values) and
 * every input's gradient under the fixture's upstream gradient, or the error's key phrase. Where
 * PyTorch's answer depends on its CPU dispatch (kernel-dependent cases), nano must equal one of the
 * recorded answers.
 */
class NanoParityTest {

    static Stream<ParityCase> cases() {
        return ParityCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nanoMatchesPyTorch(ParityCase c) {
        FixtureCase fixture = c.requireFreshFixture();
        Result nano = NanoRunner.run(c.op(), c.sample(), fixture.inputs(), fixture.upstream());
        Compare.Diff diff = Compare.diffAnyAnswer(fixture, nano, c.sample().effectiveTolerance(),
                c.sample().expectError());
        assertTrue(diff.ok(), () -> c + ": nano differs from PyTorch:\n" + diff.describe());
    }

    /** The third oracle: nano's analytic gradients against central differences of nano's forward. */
    static Stream<ParityCase> gradcheckCases() {
        return ParityCase.all().filter(c -> c.fixture() != null
                && FiniteDifferences.applies(c.op(), c.sample(), c.fixture().inputs(), c.fixture().upstream()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradcheckCases")
    void analyticGradientsMatchFiniteDifferences(ParityCase c) {
        FixtureCase fixture = c.requireFreshFixture();
        String problem = FiniteDifferences.check(c.op(), c.sample(), fixture.inputs(), fixture.upstream());
        assertTrue(problem == null, () -> c + ": " + problem);
    }
}
