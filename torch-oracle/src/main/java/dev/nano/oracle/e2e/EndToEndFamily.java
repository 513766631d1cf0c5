package dev.nano.oracle.e2e;

import dev.nano.nn.Sequential;
import dev.nano.oracle.family.CaseFilter;
import dev.nano.oracle.family.Check;
import dev.nano.oracle.family.Family;
import dev.nano.oracle.fixtures.DriftExplanation;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.torch.Dispatch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * End to end: the recorded MNIST training runs ({@code fixtures/e2e/}, one per {@link MnistRun}),
 * a whole model trained by nano and by libtorch from the same weights on the same batches. nano
 * trains the first {@link MnistRun#VERIFY_STEPS} steps and is compared with libtorch's recorded run
 * (every batch exactly, every loss and the step-200 parameters at {@link E2eTolerance}); libtorch's
 * final weights (step 1008), evaluated by nano on the test digits, must give libtorch's test loss
 * and accuracy. The whole 1008-step run of both frameworks is {@code scripts/train-mnist}.
 */
public final class EndToEndFamily implements Family {
    /** The name {@code -Dfamily=} selects this family by. */
    public static final String FAMILY = E2eFixtures.FAMILY;
    /** The first steps of a recorded run that live libtorch must reproduce: enough to see a stale recording. */
    public static final int DRIFT_STEPS = 50;

    @Override
    public String name() {
        return "end-to-end runs";
    }

    @Override
    public List<Manifest.Entry> regenerate(FixtureStore store, Set<Path> written, List<String> problems) {
        List<Manifest.Entry> entries = new ArrayList<>();
        E2eFixtures.regenerate(store, entries, written);
        return entries;
    }

    @Override
    public List<Check> parity(FixtureStore store, CaseFilter filter) {
        List<Check> checks = new ArrayList<>();
        for (MnistRun run : kept(filter)) {
            checks.add(new Check(run.name() + "[first " + MnistRun.VERIFY_STEPS + " steps]",
                    () -> trainAndCompare(store, run)));
            checks.add(new Check(run.name() + "[test digits with libtorch's final weights]",
                    () -> evaluateTorchWeights(store, run)));
        }
        return checks;
    }

    @Override
    public List<Check> drift(FixtureStore store, CaseFilter filter) {
        String steps = "[first " + DRIFT_STEPS + " steps]";
        return kept(filter).stream().map(run -> new Check(run.name() + steps, () -> {
            List<String> problems = drift(run, digits(store), store);
            return problems.isEmpty() ? null : run.name() + steps + ":\n" + String.join("\n", problems);
        })).toList();
    }

    @Override
    public EndToEndSection report(FixtureStore store) {
        System.err.println("training the MNIST MLP against libtorch's recorded runs...");
        return new EndToEndSection(EndToEndCoverage.rows(store));
    }

    private static final Map<Path, MnistData> DIGITS = new HashMap<>();

    /** The bundled digits, read once per JVM and store. */
    private static synchronized MnistData digits(FixtureStore store) {
        return DIGITS.computeIfAbsent(store.root(), root -> MnistData.bundled(store));
    }

    private static List<MnistRun> kept(CaseFilter filter) {
        return MnistRun.ALL.stream().filter(run -> filter.keeps(run.name(), Set.of(FAMILY), Set.of())).toList();
    }

    /** nano's first steps against the recorded run: batches, losses, the step-200 parameters. */
    static String trainAndCompare(FixtureStore store, MnistRun run) {
        Trace torch = E2eFixtures.read(store, run);
        Sequential model = NanoMnistTraining.model(run);
        Trace nano = NanoMnistTraining.run(run, digits(store), MnistRun.VERIFY_STEPS, false, model,
                NanoMnistTraining.optimizer(run, model), t -> { });
        List<String> problems = new ArrayList<>();
        if (nano.steps() != MnistRun.VERIFY_STEPS) {
            problems.add("nano ran " + nano.steps() + " steps, expected " + MnistRun.VERIFY_STEPS);
        }
        for (int k = 1; k <= nano.steps(); k++) {
            if (!Arrays.equals(torch.batches.get(k - 1), nano.batches.get(k - 1))) {
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
        return problems.isEmpty() ? null : run.name() + ": " + problems.size() + " differences from libtorch:\n  "
                + String.join("\n  ", problems);
    }

    /** libtorch's final weights, evaluated by nano on the test digits: libtorch's test loss and accuracy. */
    static String evaluateTorchWeights(FixtureStore store, MnistRun run) {
        Trace torch = E2eFixtures.read(store, run);
        Trace nano = EndToEndCoverage.testWithTorchWeights(run, torch, digits(store));
        List<String> problems = new ArrayList<>();
        if (nano.testAccuracy != torch.testAccuracy) {
            problems.add("test accuracy of libtorch's weights, in nano: " + nano.testAccuracy + ", libtorch "
                    + torch.testAccuracy);
        }
        if (!E2eTolerance.lossAgrees(MnistRun.STEPS, nano.testLoss, torch.testLoss)) {
            problems.add("test loss " + nano.testLoss + " vs libtorch's " + torch.testLoss);
        }
        if (!(torch.testAccuracy > 0.9)) {
            problems.add("the recorded run did not learn: test accuracy " + torch.testAccuracy);
        }
        if (!Arrays.equals(new int[] {MnistRun.HIDDEN, 784}, torch.shapes.get("0.weight"))) {
            problems.add("0.weight has shape " + Arrays.toString(torch.shapes.get("0.weight")) + ", expected ["
                    + MnistRun.HIDDEN + ", 784]");
        }
        return problems.isEmpty() ? null : run.name() + ": " + String.join("; ", problems);
    }

    /**
     * The drift check of a recorded MNIST training run: libtorch, run now, must give the recorded
     * batches and losses for the first {@link #DRIFT_STEPS} steps, at the run's measured per-step
     * tolerance (another dispatch's kernels round differently: AVX2 against AVX-512 up to 4.4e-16
     * apart in the loss, measured).
     * @param run the run's settings
     * @param data the digits
     * @param store the fixtures
     * @return the problems, empty if none
     */
    public static List<String> drift(MnistRun run, MnistData data, FixtureStore store) {
        Trace recorded = E2eFixtures.read(store, run);
        Trace live = TorchMnistTraining.run(run, data, DRIFT_STEPS, false, t -> { });
        List<String> problems = new ArrayList<>();
        for (int k = 1; k <= live.steps(); k++) {
            if (!Arrays.equals(recorded.batches.get(k - 1), live.batches.get(k - 1))) {
                problems.add(run.name() + "[step " + k + "]: another batch than the recorded one");
            }
            if (!E2eTolerance.lossAgrees(k, live.losses.get(k - 1), recorded.losses.get(k - 1))) {
                problems.add(run.name() + "[step " + k + "]: live libtorch under CPU dispatch " + Dispatch.current()
                        + " gives loss " + live.losses.get(k - 1) + ", recorded " + recorded.losses.get(k - 1));
            }
        }
        if (!problems.isEmpty()) {
            problems.add(DriftExplanation.here());
        }
        return problems;
    }
}
