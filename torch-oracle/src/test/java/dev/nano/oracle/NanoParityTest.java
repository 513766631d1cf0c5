package dev.nano.oracle;

import dev.nano.oracle.fixtures.FixtureCase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * nano against the committed PyTorch fixtures: every case's outputs (shape, dtype, values) and
 * every input's gradient under the fixture's upstream gradient, or the error's key phrase. Where
 * PyTorch's answer depends on its CPU dispatch (kernel-dependent cases), nano must equal one of the
 * recorded answers.
 *
 * <p>Each case is named {@code op[case]}; {@code -Dop=}, {@code -Dfamily=}, {@code -Devidence=}
 * select some ({@link Selection}).
 */
@Tag(Selection.TAG)
class NanoParityTest {

    static Stream<ParityCase> cases() {
        Selection selection = Selection.current();
        return ParityCase.all().filter(selection::matches);
    }

    // Zero invocations are allowed because a selection may keep none of these cases (SelectionTest
    // fails a selection that matches nothing anywhere, and checks that no selection keeps every case).
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("cases")
    @DisplayName("nano vs PyTorch")
    void nanoMatchesPyTorch(ParityCase c) {
        FixtureCase fixture = c.requireFreshFixture();
        Result nano = NanoRunner.run(c.op(), c.sample(), fixture.inputs(), fixture.upstream());
        Compare.Diff diff = Compare.diffAnyAnswer(fixture, nano, c.sample().effectiveTolerance(),
                c.sample().expectError());
        // Not assertTrue: the message says what differs, "expected: <true>" and 45 frames of JUnit would add nothing.
        if (!diff.ok()) {
            CaseFailure.fail(c + ": nano differs from PyTorch:\n" + diff.describe());
        }
    }

    /** The third oracle: nano's analytic gradients against central differences of nano's forward. */
    static Stream<ParityCase> gradcheckCases() {
        Selection selection = Selection.current();
        return ParityCase.all().filter(c -> c.fixture() != null && selection.matches(c)
                && FiniteDifferences.applies(c.op(), c.sample(), c.fixture().inputs(), c.fixture().upstream()));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("gradcheckCases")
    @DisplayName("finite differences")
    void analyticGradientsMatchFiniteDifferences(ParityCase c) {
        FixtureCase fixture = c.requireFreshFixture();
        String problem = FiniteDifferences.check(c.op(), c.sample(), fixture.inputs(), fixture.upstream());
        if (problem != null) {
            CaseFailure.fail(c + ": " + problem);
        }
    }
}
