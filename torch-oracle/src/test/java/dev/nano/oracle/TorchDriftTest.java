package dev.nano.oracle;

import dev.nano.oracle.family.CaseFilter;
import dev.nano.oracle.family.Check;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.torch.NativeStderr;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * PyTorch, live through DJL, against the committed fixtures of every family: catches stale
 * fixtures and libtorch drift. Error cases must still be rejected by PyTorch with the catalogue's
 * key phrase. Under the CPU dispatch this JVM runs, PyTorch must give exactly that dispatch's
 * recorded answer (the canonical one unless the case is kernel-dependent); {@code DispatchMatrixTest}
 * repeats this under every other dispatch the CPU offers ({@link DriftCheck}).
 *
 * <p>What libtorch prints to standard error during a check is captured and held to the catalogue
 * ({@link NativeStderr}): var and std warn on purpose for N <= correction, and only there.
 */
@Tag(CaseFilter.TAG)
class TorchDriftTest {

    // A filter may keep none of a family's cases (CaseFilterTest fails one that keeps none anywhere).
    @TestFactory
    @DisplayName("live PyTorch vs fixture")
    Stream<DynamicNode> pytorchStillComputesTheFixtures() {
        FixtureStore store = FixtureStore.locate();
        CaseFilter filter = CaseFilter.current();
        return Families.ALL.stream().map(family -> DynamicContainer.dynamicContainer(family.name(),
                family.drift(store, filter).stream().map(c -> NanoParityTest.test(withNativeWarnings(c)))));
    }

    private static Check withNativeWarnings(Check check) {
        return new Check(check.name(), () -> {
            NativeStderr.Captured<String> run = NativeStderr.capture(check::run);
            return run.value() != null ? run.value() : NativeStderr.check(check.name(), run.lines());
        });
    }
}
