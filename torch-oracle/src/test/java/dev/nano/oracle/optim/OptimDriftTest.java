package dev.nano.oracle.optim;

import dev.nano.oracle.DriftCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PyTorch side recomputed live (DJL, libtorch 2.7.1) against the committed fixtures: catches
 * stale fixtures, libtorch drift, and changes to the torch-side algorithms that were not followed
 * by a regeneration.
 */
class OptimDriftTest {

    static Stream<OptimCase> cases() {
        return OptimCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pytorchStillComputesTheFixture(OptimCase c) {
        String problem = DriftCheck.check(c);
        assertTrue(problem == null, () -> problem);
    }
}
