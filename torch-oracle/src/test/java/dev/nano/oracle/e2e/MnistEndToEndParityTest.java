package dev.nano.oracle.e2e;

import dev.nano.Tensor;
import dev.nano.nn.Sequential;
import dev.nano.oracle.CaseFailure;
import dev.nano.oracle.fixtures.FixtureStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nano trains the MLP of each {@link MnistRun} on the bundled digits for the first
 * {@link MnistRun#VERIFY_STEPS} steps and is compared with libtorch's recorded run
 * ({@code fixtures/e2e/}): the batch of every step (exactly), the loss of every step and the
 * parameters at the step-200 checkpoint (at {@link E2eTolerance}); then libtorch's final weights
 * (step 1008) are evaluated by nano on the test digits, which must give libtorch's test loss and
 * accuracy. Needs no libtorch: live libtorch is {@link MnistEndToEndDriftTest}. The whole
 * 1008-step run of both frameworks is {@code scripts/train-mnist}.
 */
class MnistEndToEndParityTest {
    private static MnistData data;
    private static FixtureStore store;

    @BeforeAll
    static void load() {
        store = FixtureStore.locate();
        data = MnistData.bundled(store);
    }

    @TestFactory
    @DisplayName("nano vs recorded libtorch")
    List<DynamicTest> runs() {
        List<DynamicTest> tests = new ArrayList<>();
        for (MnistRun run : MnistRun.ALL) {
            tests.add(DynamicTest.dynamicTest(run.name() + "[first " + MnistRun.VERIFY_STEPS + " steps]",
                    () -> trainAndCompare(run)));
            tests.add(DynamicTest.dynamicTest(run.name() + "[test digits with libtorch's final weights]",
                    () -> evaluateTorchWeights(run)));
        }
        return tests;
    }

    private static void trainAndCompare(MnistRun run) {
        Trace torch = E2eFixtures.read(store, run);
        Sequential model = NanoMnistTraining.model();
        Trace nano = NanoMnistTraining.run(run, data, MnistRun.VERIFY_STEPS, false, model,
                NanoMnistTraining.optimizer(run, model), t -> { });
        assertEquals(MnistRun.VERIFY_STEPS, nano.steps());
        List<String> problems = new ArrayList<>();
        for (int k = 1; k <= nano.steps(); k++) {
            if (!java.util.Arrays.equals(torch.batches.get(k - 1), nano.batches.get(k - 1))) {
                problems.add("step " + k + ": nano's DataLoader gave another batch than the recorded one");
            }
            double a = nano.losses.get(k - 1);
            double b = torch.losses.get(k - 1);
            if (!E2eTolerance.lossAgrees(k, a, b)) {
                problems.add(String.format(Locale.ROOT, "step %d: loss %.17g, libtorch %.17g, |difference| %.3g > "
                        + "tolerance %.3g", k, a, b, Math.abs(a - b), E2eTolerance.at(k)));
            }
        }
        int step = MnistRun.VERIFY_STEPS;
        for (Map.Entry<String, double[]> p : torch.checkpoints.get(step).entrySet()) {
            double d = E2eTolerance.parameterDifference(nano.checkpoints.get(step).get(p.getKey()), p.getValue());
            if (!(d <= E2eTolerance.at(step))) {
                problems.add(String.format(Locale.ROOT, "%s after step %d: max|difference|/max|torch| %.3g > "
                        + "tolerance %.3g", p.getKey(), step, d, E2eTolerance.at(step)));
            }
        }
        if (!problems.isEmpty()) {
            CaseFailure.fail(run.name() + ": " + problems.size() + " differences from libtorch:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private static void evaluateTorchWeights(MnistRun run) {
        Trace torch = E2eFixtures.read(store, run);
        Sequential model = NanoMnistTraining.model();
        Map<String, Tensor> weights = new LinkedHashMap<>();
        torch.checkpoints.get(MnistRun.STEPS).forEach((name, v) -> weights.put(name, new Tensor(v,
                torch.shapes.get(name))));
        model.loadStateDict(weights);
        Trace nano = new Trace();
        NanoMnistTraining.test(model, data, nano);
        assertEquals(torch.testAccuracy, nano.testAccuracy, "test accuracy of libtorch's weights, in nano");
        assertTrue(E2eTolerance.lossAgrees(MnistRun.STEPS, nano.testLoss, torch.testLoss),
                "test loss " + nano.testLoss + " vs libtorch's " + torch.testLoss);
        assertTrue(torch.testAccuracy > 0.9, "the recorded run learned: test accuracy " + torch.testAccuracy);
        assertArrayEquals(new int[] {MnistRun.HIDDEN, 784}, torch.shapes.get("0.weight"));
    }
}
