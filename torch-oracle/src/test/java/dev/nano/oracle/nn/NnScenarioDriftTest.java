package dev.nano.oracle.nn;

import dev.nano.oracle.CaseFailure;
import dev.nano.oracle.DriftCheck;
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

/** The scenarios run live through PyTorch again: catches stale scenario fixtures and libtorch drift. */
@Tag(Selection.TAG)
class NnScenarioDriftTest {
    private final FixtureStore store = FixtureStore.locate();

    // Flat, each test named scenario[step]: Surefire would put a container's name in front of it again.
    @TestFactory
    @DisplayName("live PyTorch vs fixture")
    Stream<DynamicTest> pytorchStillComputesTheRecordedScenarios() {
        Selection selection = Selection.current();
        return NnScenarios.ALL.stream().filter(s -> selection.matchesScenario(s.name())).flatMap(scenario -> {
            FixtureFile fixture = store.read(NnScenarios.pathOf(store, scenario));
            List<Step> run = scenario.runTorch(Upstreams.from(fixture));
            List<DynamicTest> tests = new ArrayList<>();
            for (Step step : run) {
                tests.add(DynamicTest.dynamicTest(scenario.name() + "[" + step.id() + "]", () -> {
                    String problem = DriftCheck.check(scenario, fixture, step);
                    if (problem != null) {
                        CaseFailure.fail(problem);
                    }
                }));
            }
            tests.add(DynamicTest.dynamicTest(scenario.name() + "[no recorded step is left out]",
                    () -> assertTrue(ScenarioComparison.missingSteps(fixture, run).isEmpty())));
            return tests.stream();
        });
    }
}
