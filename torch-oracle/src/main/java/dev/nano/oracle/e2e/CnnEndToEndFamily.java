package dev.nano.oracle.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nano.Tensor;
import dev.nano.nn.Sequential;
import dev.nano.oracle.family.CaseFilter;
import dev.nano.oracle.family.Check;
import dev.nano.oracle.family.Family;
import dev.nano.oracle.family.Picture;
import dev.nano.oracle.family.Section;
import dev.nano.oracle.fixtures.DriftExplanation;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.torch.Dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * End to end, the CNN: the LeNet run of {@link CnnRun} recorded from libtorch
 * ({@code fixtures/e2e/mnist-cnn-sgd-momentum.json} and its safetensors checkpoints). nano trains the
 * first {@link CnnRun#VERIFY_STEPS} steps from the same seed's weights on the same batches and is
 * compared step by step (batches exactly, losses and the step-200 parameters at {@link CnnTolerance});
 * libtorch's final weights, loaded into nano's model from the recorded safetensors checkpoint, must
 * give libtorch's test loss and accuracy — a PyTorch CNN checkpoint giving PyTorch's outputs in nano.
 */
public final class CnnEndToEndFamily implements Family {
    /** The first steps of the recorded run that live libtorch must reproduce. */
    public static final int DRIFT_STEPS = 20;

    private static final String RUN = CnnRun.NAME;

    @Override
    public String name() {
        return "end-to-end CNN run";
    }

    @Override
    public List<Manifest.Entry> regenerate(FixtureStore store, Set<Path> written, List<String> problems) {
        List<Manifest.Entry> entries = new ArrayList<>();
        CnnFixtures.regenerate(store, entries, written);
        return entries;
    }

    private static boolean kept(CaseFilter filter) {
        return filter.keeps(RUN, Set.of(E2eFixtures.FAMILY), Set.of());
    }

    @Override
    public List<Check> parity(FixtureStore store, CaseFilter filter) {
        if (!kept(filter)) {
            return List.of();
        }
        return List.of(new Check(RUN + "[first " + CnnRun.VERIFY_STEPS + " steps]", () -> trainAndCompare(store)),
                new Check(RUN + "[test digits with libtorch's final weights]", () -> evaluateTorchWeights(store)));
    }

    @Override
    public List<Check> drift(FixtureStore store, CaseFilter filter) {
        if (!kept(filter)) {
            return List.of();
        }
        String steps = "[first " + DRIFT_STEPS + " steps]";
        return List.of(new Check(RUN + steps, () -> {
            List<String> problems = drift(store);
            return problems.isEmpty() ? null : RUN + steps + ":\n" + String.join("\n", problems);
        }));
    }

    /** nano's first steps against the recorded run: the problems, or null. */
    static String trainAndCompare(FixtureStore store) {
        return compare(CnnFixtures.read(store), nanoRun(store)).problems();
    }

    private static Trace nanoRun(FixtureStore store) {
        Sequential model = NanoCnnTraining.model();
        return NanoCnnTraining.run(MnistData.bundled(store), CnnRun.VERIFY_STEPS, false, model,
                NanoCnnTraining.optimizer(model), t -> { });
    }

    /** The comparison of nano's first steps with the recording. */
    record Comparison(Trace nano, Trace torch, boolean sameBatches, double worstLoss, double worstParameter,
                      List<String> issues) {
        String problems() {
            return issues.isEmpty() ? null : RUN + ": " + issues.size() + " differences from libtorch:\n  "
                    + String.join("\n  ", issues);
        }
    }

    static Comparison compare(Trace torch, Trace nano) {
        List<String> problems = new ArrayList<>();
        boolean same = true;
        double worst = 0;
        if (nano.steps() != CnnRun.VERIFY_STEPS) {
            problems.add("nano ran " + nano.steps() + " steps, expected " + CnnRun.VERIFY_STEPS);
        }
        for (int k = 1; k <= nano.steps(); k++) {
            if (!Arrays.equals(torch.batches.get(k - 1), nano.batches.get(k - 1))) {
                same = false;
                problems.add("step " + k + ": nano's DataLoader gave another batch than the recorded one");
            }
            double a = nano.losses.get(k - 1);
            double b = torch.losses.get(k - 1);
            worst = Math.max(worst, Math.abs(a - b));
            if (!CnnTolerance.lossAgrees(k, a, b)) {
                problems.add(String.format(Locale.ROOT, "step %d: loss %.17g, libtorch %.17g, |difference| %.3g > "
                        + "tolerance %.3g", k, a, b, Math.abs(a - b), CnnTolerance.at(k)));
            }
        }
        int step = CnnRun.VERIFY_STEPS;
        double worstParameter = 0;
        for (Map.Entry<String, double[]> p : torch.checkpoints.get(step).entrySet()) {
            double d = E2eTolerance.parameterDifference(nano.checkpoints.get(step).get(p.getKey()), p.getValue());
            worstParameter = Math.max(worstParameter, d);
            if (!(d <= CnnTolerance.at(step))) {
                problems.add(String.format(Locale.ROOT, "%s after step %d: max|difference|/max|torch| %.3g > "
                        + "tolerance %.3g", p.getKey(), step, d, CnnTolerance.at(step)));
            }
        }
        return new Comparison(nano, torch, same, worst, worstParameter, problems);
    }

    /** libtorch's final weights (the recorded safetensors checkpoint) in nano's model, on the test digits. */
    static Trace testWithTorchWeights(Trace torch, MnistData data) {
        Sequential model = NanoCnnTraining.model();
        Map<String, Tensor> weights = new LinkedHashMap<>();
        torch.checkpoints.get(CnnRun.STEPS).forEach((name, v) -> weights.put(name, new Tensor(v,
                torch.shapes.get(name))));
        model.loadStateDict(weights);
        Trace evaluated = new Trace();
        NanoMnistTraining.test(model, data, evaluated);
        return evaluated;
    }

    static String evaluateTorchWeights(FixtureStore store) {
        Trace torch = CnnFixtures.read(store);
        Trace nano = testWithTorchWeights(torch, MnistData.bundled(store));
        List<String> problems = new ArrayList<>();
        if (nano.testAccuracy != torch.testAccuracy) {
            problems.add("test accuracy of libtorch's weights, in nano: " + nano.testAccuracy + ", libtorch "
                    + torch.testAccuracy);
        }
        if (!CnnTolerance.lossAgrees(CnnRun.STEPS, nano.testLoss, torch.testLoss)) {
            problems.add("test loss " + nano.testLoss + " vs libtorch's " + torch.testLoss);
        }
        if (!(torch.testAccuracy > 0.9)) {
            problems.add("the recorded run did not learn: test accuracy " + torch.testAccuracy);
        }
        return problems.isEmpty() ? null : RUN + ": " + String.join("; ", problems);
    }

    static List<String> drift(FixtureStore store) {
        Trace recorded = CnnFixtures.read(store);
        Trace live = TorchCnnTraining.run(MnistData.bundled(store), DRIFT_STEPS, false,
                NanoCnnTraining.model().stateDict(), t -> { });
        List<String> problems = new ArrayList<>();
        for (int k = 1; k <= live.steps(); k++) {
            if (!Arrays.equals(recorded.batches.get(k - 1), live.batches.get(k - 1))) {
                problems.add(RUN + "[step " + k + "]: another batch than the recorded one");
            }
            if (!CnnTolerance.lossAgrees(k, live.losses.get(k - 1), recorded.losses.get(k - 1))) {
                problems.add(RUN + "[step " + k + "]: live libtorch under CPU dispatch " + Dispatch.current()
                        + " gives loss " + live.losses.get(k - 1) + ", recorded " + recorded.losses.get(k - 1));
            }
        }
        if (!problems.isEmpty()) {
            problems.add(DriftExplanation.here());
        }
        return problems;
    }

    @Override
    public Section report(FixtureStore store) {
        Trace torch = CnnFixtures.read(store);
        Comparison c = compare(torch, nanoRun(store));
        Trace evaluated = testWithTorchWeights(torch, MnistData.bundled(store));
        return new CnnSection(c, evaluated.testAccuracy, evaluateTorchWeights(store));
    }

    /** The report's part: one row, and the loss curves. */
    record CnnSection(Comparison c, double nanoAccuracyOfTorchWeights, String testProblem) implements Section {
        private String status() {
            return c.issues().isEmpty() && testProblem == null ? "ok" : "FAIL";
        }

        @Override
        public List<String> failures() {
            List<String> out = new ArrayList<>(c.issues());
            if (testProblem != null) {
                out.add(testProblem);
            }
            return out;
        }

        @Override
        public boolean complete() {
            return failures().isEmpty();
        }

        private String line() {
            return String.format(Locale.ROOT, "%s: %d steps, same batches %s, worst loss diff %.3g (tolerance %.3g), "
                    + "worst parameter diff %.3g (tolerance %.3g), test accuracy libtorch %.4f, nano with libtorch's "
                    + "weights %.4f: %s", RUN, c.nano().steps(), c.sameBatches() ? "yes" : "NO", c.worstLoss(),
                    CnnTolerance.at(CnnRun.VERIFY_STEPS), c.worstParameter(), CnnTolerance.at(CnnRun.VERIFY_STEPS),
                    c.torch().testAccuracy, nanoAccuracyOfTorchWeights, status());
        }

        @Override
        public String text() {
            return "\nEnd to end (MNIST LeNet CNN, nano vs libtorch's recorded run):\n  " + line() + "\n";
        }

        @Override
        public String markdown() {
            return "\n### End to end: the LeNet CNN\n\n" + line() + "\n";
        }

        @Override
        public String html() {
            return "<h3>End to end: the LeNet CNN</h3><p>" + line() + "</p>";
        }

        @Override
        public void json(ObjectNode root) {
            ObjectNode n = root.putObject("endToEndCnn");
            n.put("run", RUN).put("steps", c.nano().steps()).put("sameBatches", c.sameBatches())
                    .put("worstLoss", c.worstLoss()).put("worstParameter", c.worstParameter())
                    .put("tolerance", CnnTolerance.at(CnnRun.VERIFY_STEPS)).put("torchAccuracy",
                            c.torch().testAccuracy).put("nanoAccuracyOfTorchWeights", nanoAccuracyOfTorchWeights)
                    .put("status", status());
        }

        @Override
        public List<Picture> pictures(Path dir) {
            String file = "e2e-" + RUN + "-loss.png";
            Trace torchPrefix = new Trace();
            torchPrefix.losses.addAll(c.torch().losses.subList(0, c.nano().steps()));
            torchPrefix.batches.addAll(c.torch().batches.subList(0, c.nano().steps()));
            LossCurvePlot.write(RUN + ", " + c.nano().steps() + " steps", c.nano(), torchPrefix, 126,
                    dir.resolve(file), CnnTolerance::at, "CnnTolerance");
            try {
                return List.of(new Picture(RUN + ": MNIST LeNet loss curves", "nano's loss per step drawn over "
                        + "libtorch's recorded run, and their difference", file, Files.readAllBytes(dir.resolve(file))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
