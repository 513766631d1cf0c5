package dev.nano.oracle.nn;

import dev.nano.oracle.DriftCheck;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenarios run live through PyTorch again: catches stale scenario fixtures and libtorch drift. */
class NnScenarioDriftTest {
    private final FixtureStore store = FixtureStore.locate();

    @TestFactory
    Stream<DynamicContainer> pytorchStillComputesTheRecordedScenarios() {
        return NnScenarios.ALL.stream().map(scenario -> {
            FixtureFile fixture = store.read(NnScenarios.pathOf(store, scenario));
            List<Step> run = scenario.runTorch(Upstreams.from(fixture));
            List<DynamicTest> tests = new ArrayList<>();
            for (Step step : run) {
                tests.add(DynamicTest.dynamicTest(scenario.name() + "[" + step.id() + "]", () -> {
                    String problem = DriftCheck.check(scenario, fixture, step);
                    assertTrue(problem == null, () -> problem);
                }));
            }
            tests.add(DynamicTest.dynamicTest(scenario.name() + ": no recorded step is left out",
                    () -> assertTrue(ScenarioComparison.missingSteps(fixture, run).isEmpty())));
            return DynamicContainer.dynamicContainer(scenario.name(), tests);
        });
    }
}
