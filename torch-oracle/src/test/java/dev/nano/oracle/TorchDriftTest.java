package dev.nano.oracle;

import dev.nano.oracle.family.CaseFilter;
import dev.nano.oracle.fixtures.FixtureStore;
import org.junit.jupiter.api.DisplayName;
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
 */
@Tag(CaseFilter.TAG)
class TorchDriftTest {

    // A filter may keep none of a family's cases (CaseFilterTest fails one that keeps none anywhere).
    @TestFactory
    @DisplayName("live PyTorch vs fixture")
    Stream<DynamicNode> pytorchStillComputesTheFixtures() {
        return NanoParityTest.checks(FixtureStore.locate(), CaseFilter.current(), true);
    }
}
