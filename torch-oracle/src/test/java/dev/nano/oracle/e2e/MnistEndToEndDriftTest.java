package dev.nano.oracle.e2e;

import dev.nano.oracle.CaseFailure;
import dev.nano.oracle.DriftCheck;
import dev.nano.oracle.fixtures.FixtureStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;


/**
 * Live libtorch must still compute the recorded MNIST runs ({@code fixtures/e2e/}): the first
 * {@link DriftCheck#E2E_DRIFT_STEPS} steps' batches and losses, under this JVM's CPU dispatch
 * ({@code DispatchMatrixTest} repeats it under the others).
 */
class MnistEndToEndDriftTest {

    @TestFactory
    @DisplayName("live libtorch vs recording")
    Stream<DynamicTest> libtorchStillComputesTheRecording() {
        FixtureStore store = FixtureStore.locate();
        MnistData data = MnistData.bundled(store);
        String steps = "[first " + DriftCheck.E2E_DRIFT_STEPS + " steps]";
        return MnistRun.ALL.stream().map(run -> DynamicTest.dynamicTest(run.name() + steps, () -> {
            List<String> problems = DriftCheck.check(run, data, store);
            if (!problems.isEmpty()) {
                CaseFailure.fail(run.name() + steps + ":\n" + String.join("\n", problems));
            }
        }));
    }
}
