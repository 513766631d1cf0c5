package dev.nano.oracle;

import dev.nano.oracle.family.CaseFilter;
import dev.nano.oracle.family.Check;
import dev.nano.oracle.fixtures.FixtureStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * nano against the committed PyTorch fixtures, for every family of {@link Families#ALL}: each
 * operator case's outputs and gradients (or the error's key phrase; where PyTorch's answer depends
 * on its CPU dispatch, nano must equal one of the recorded answers), then finite differences where
 * they apply; each optimizer trajectory after every step and the constructions torch.optim
 * rejects; each nn scenario step; each end-to-end MNIST run. Needs no libtorch.
 *
 * <p>Each case is named like {@code elu[edges]}; {@code -Dop=}, {@code -Dfamily=}, {@code -Devidence=}
 * select some ({@link CaseFilter}).
 */
@Tag(CaseFilter.TAG)
class NanoParityTest {

    // A filter may keep none of a family's cases (CaseFilterTest fails one that keeps none anywhere).
    @TestFactory
    @DisplayName("nano vs PyTorch")
    Stream<DynamicNode> nanoMatchesPyTorch() {
        return checks(FixtureStore.locate(), CaseFilter.current(), false);
    }

    /**
     * One container per family, one test per check; shared with {@link TorchDriftTest}.
     * @param live false: nano against the fixtures; true: live libtorch against them
     */
    static Stream<DynamicNode> checks(FixtureStore store, CaseFilter filter, boolean live) {
        return Families.ALL.stream().map(family -> DynamicContainer.dynamicContainer(family.name(),
                (live ? family.drift(store, filter) : family.parity(store, filter)).stream().map(NanoParityTest::test)));
    }

    static DynamicTest test(Check check) {
        return DynamicTest.dynamicTest(check.name(), () -> {
            String problem = check.run();
            // Not assertNull: the message says what differs; 45 frames of JUnit would add nothing.
            if (problem != null) {
                CaseFailure.fail(problem);
            }
        });
    }
}
