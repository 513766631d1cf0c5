package dev.nano.oracle.optim;

import dev.nano.Tensor;
import dev.nano.oracle.CaseFailure;
import dev.nano.oracle.Compare;
import dev.nano.oracle.Selection;
import dev.nano.oracle.cases.Tolerance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * nano's optimizers against the committed PyTorch fixtures, one invocation per configuration and
 * scenario: after every step, every parameter and every state tensor (names and values), and for
 * end to end also nano's own gradients, at the default tolerance. Then the constructions
 * torch.optim rejects, with its messages.
 */
@Tag(Selection.TAG)
class OptimParityTest {
    static Stream<OptimCase> cases() {
        Selection selection = Selection.current();
        return OptimCase.all().filter(selection::matches);
    }

    // A selection may keep none of these cases (SelectionTest guards against one that keeps none anywhere).
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("cases")
    @DisplayName("nano vs PyTorch")
    void nanoMatchesPyTorchStepByStep(OptimCase c) {
        OptimFixtures.Case fixture = c.requireFreshFixture();
        Trajectory nano = NanoOptimRunner.run(c.config(), c.scenario(), fixture.inputs());
        Compare.Diff diff = TrajectoryCompare.diff(fixture.trajectory(), nano, Tolerance.DEFAULT);
        if (!diff.ok()) {
            CaseFailure.fail(c + ": nano differs from PyTorch:\n" + diff.describe());
        }
    }

    static Stream<OptimErrorCases.ErrorCase> errorCases() {
        Selection selection = Selection.current();
        return OptimErrorCases.all().stream().filter(c -> selection.matchesOptimizerError(c.optimizer()));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("errorCases")
    @DisplayName("torch.optim rejects")
    void torchOptimsErrorsAndNothingChanges(OptimErrorCases.ErrorCase c) {
        List<Tensor> params = OptimErrorCases.sampleParams();
        List<double[]> before = new ArrayList<>();
        List<double[]> gradsBefore = new ArrayList<>();
        params.forEach(p -> before.add(p.toDoubleArray()));
        params.forEach(p -> gradsBefore.add(p.grad().toDoubleArray()));
        var e = assertThrows(IllegalArgumentException.class, () -> c.build().apply(params));
        assertEquals(c.message(), e.getMessage());
        for (int i = 0; i < params.size(); i++) {
            assertArrayEquals(before.get(i), params.get(i).data(), "parameter " + i + " changed");
            assertArrayEquals(gradsBefore.get(i), params.get(i).grad().data(), "grad " + i + " changed");
        }
    }
}
