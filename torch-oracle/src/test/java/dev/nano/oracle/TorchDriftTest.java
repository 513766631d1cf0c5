package dev.nano.oracle;

import dev.nano.oracle.torch.NativeStderr;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * PyTorch, live through DJL, against the committed fixtures: catches stale fixtures and libtorch
 * drift. Error cases must still be rejected by PyTorch with the catalogue's key phrase. Under the
 * CPU dispatch this JVM runs, PyTorch must give exactly that dispatch's recorded answer (the
 * canonical one unless the case is kernel-dependent); {@code DispatchMatrixTest} repeats this
 * under every other dispatch the CPU offers.
 */
@Tag(Selection.TAG)
class TorchDriftTest {

    static Stream<ParityCase> cases() {
        Selection selection = Selection.current();
        return ParityCase.all().filter(selection::matches);
    }

    // A selection may keep none of these cases (SelectionTest guards against one that keeps none anywhere).
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("cases")
    @DisplayName("live PyTorch vs fixture")
    void pytorchStillComputesTheFixture(ParityCase c) {
        // libtorch's own warnings (var/std with N <= correction) are captured and held to the catalogue.
        NativeStderr.Captured<String> run = NativeStderr.capture(() -> DriftCheck.check(c));
        String problem = run.value() != null ? run.value()
                : NativeStderr.check(c.op(), c.sample(), run.lines(), true);
        if (problem != null) {
            CaseFailure.fail(problem);
        }
    }
}
