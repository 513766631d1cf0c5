package dev.nano.oracle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PyTorch, live through DJL, against the committed fixtures: catches stale fixtures and libtorch
 * drift. Error cases must still be rejected by PyTorch with the catalogue's key phrase. Under the
 * CPU dispatch this JVM runs, PyTorch must give exactly that dispatch's recorded answer (the
 * canonical one unless the case is kernel-dependent); {@code DispatchMatrixTest} repeats this
 * under every other dispatch the CPU offers.
 */
class TorchDriftTest {

    static Stream<ParityCase> cases() {
        return ParityCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pytorchStillComputesTheFixture(ParityCase c) {
        String problem = DriftCheck.check(c);
        assertTrue(problem == null, () -> problem);
    }
}
