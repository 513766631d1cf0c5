package dev.nano.oracle.optim;

import dev.nano.oracle.CaseFailure;
import dev.nano.oracle.DriftCheck;
import dev.nano.oracle.Selection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * The PyTorch side recomputed live (DJL, libtorch 2.7.1) against the committed fixtures: catches
 * stale fixtures, libtorch drift, and changes to the torch-side algorithms that were not followed
 * by a regeneration.
 */
@Tag(Selection.TAG)
class OptimDriftTest {

    static Stream<OptimCase> cases() {
        Selection selection = Selection.current();
        return OptimCase.all().filter(selection::matches);
    }

    // A selection may keep none of these cases (SelectionTest guards against one that keeps none anywhere).
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("cases")
    @DisplayName("live PyTorch vs fixture")
    void pytorchStillComputesTheFixture(OptimCase c) {
        String problem = DriftCheck.check(c);
        if (problem != null) {
            CaseFailure.fail(problem);
        }
    }
}
