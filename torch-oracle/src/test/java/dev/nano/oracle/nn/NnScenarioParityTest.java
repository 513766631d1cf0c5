package dev.nano.oracle.nn;

import dev.nano.oracle.CaseFailure;
import dev.nano.oracle.Selection;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nano's modules against the recorded PyTorch scenarios (fixtures/nn/scenarios/): every step's
 * outputs, running statistics and gradients, from running statistics over several batches to a
 * full training run with Adam.
 */
@Tag(Selection.TAG)
class NnScenarioParityTest {
    private final FixtureStore store = FixtureStore.locate();

    // Flat, each test named scenario[step]: Surefire would put a container's name in front of it again.
    @TestFactory
    @DisplayName("nano vs PyTorch")
    Stream<DynamicTest> nanoMatchesTheRecordedPyTorchScenarios() {
        Selection selection = Selection.current();
        return NnScenarios.ALL.stream().filter(s -> selection.matchesScenario(s.name())).flatMap(scenario -> {
            FixtureFile fixture = store.read(NnScenarios.pathOf(store, scenario));
            List<Step> run = scenario.runNano(Upstreams.from(fixture));
            List<DynamicTest> tests = new ArrayList<>();
            for (Step step : run) {
                tests.add(DynamicTest.dynamicTest(scenario.name() + "[" + step.id() + "]", () -> {
                    String problem = ScenarioComparison.check(fixture, step);
                    if (problem != null) {
                        CaseFailure.fail(scenario.name() + "[" + step.id() + "]: nano differs from PyTorch:\n"
                                + problem);
                    }
                }));
            }
            tests.add(DynamicTest.dynamicTest(scenario.name() + "[no recorded step is left out]", () -> {
                List<String> gone = ScenarioComparison.missingSteps(fixture, run);
                assertTrue(gone.isEmpty(), () -> "steps in the fixture that nano's run lacks: " + gone + "; run "
                        + FixtureStore.REGENERATE);
            }));
            return tests.stream();
        });
    }
}
