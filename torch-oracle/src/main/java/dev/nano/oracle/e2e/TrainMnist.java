package dev.nano.oracle.e2e;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.io.SafeTensors;
import dev.nano.nn.Sequential;
import dev.nano.optim.SGD;
import dev.nano.oracle.fixtures.FixtureStore;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code scripts/train-mnist}: trains the MLP of a {@link MnistRun} in nano with a progress
 * display, saves a safetensors checkpoint, runs the same training in libtorch, and compares the
 * two step by step; writes the loss curves and their difference as a PNG, and the per-step losses
 * as CSV. On the bundled digits it also checks libtorch's run against the recorded fixtures.
 *
 * <pre>
 * scripts/train-mnist                                  # the plain-SGD run on fixtures/data, 8 epochs
 * scripts/train-mnist --run all                        # both runs (SGD, SGD with momentum)
 * scripts/train-mnist --idx /usr/share/datasets/fashion-mnist --epochs 2
 * scripts/train-mnist --no-torch                       # nano only
 * </pre>
 */
public final class TrainMnist {
    private TrainMnist() {
    }

    /**
     * Trains the MNIST MLP with nano and PyTorch side by side and prints how close they stay.
     * @param args options: {@code --run <name|all>}, {@code --idx <dir>}, {@code --epochs <n>},
     *     {@code --out <dir>}, {@code --no-torch}
     * @throws java.io.IOException if the data or the picture cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        List<MnistRun> runs = List.of(MnistRun.SGD);
        Path idx = null;
        Path out = null;
        int epochs = 8;
        boolean torch = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--run" -> runs = args[++i].equals("all") ? MnistRun.ALL : List.of(MnistRun.byName(args[i]));
                case "--idx" -> idx = Path.of(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--no-torch" -> torch = false;
                default -> {
                    System.err.println("unknown option " + args[i] + "; options: --run <" + String.join("|",
                            MnistRun.ALL.stream().map(MnistRun::name).toList()) + "|all> --idx <dir> --epochs <n> "
                            + "--out <dir> --no-torch");
                    System.exit(2);
                }
            }
        }
        System.setProperty("java.awt.headless", "true");
        FixtureStore store = FixtureStore.locate();
        if (out == null) {
            out = store.root().resolveSibling("torch-oracle").resolve("target").resolve("train-mnist");
        }
        MnistData data = idx == null ? MnistData.bundled(store) : MnistData.idx(idx);
        int perEpoch = (data.train().size() + MnistRun.BATCH - 1) / MnistRun.BATCH;
        int steps = epochs * perEpoch;
        Files.createDirectories(out);
        System.out.printf(Locale.ROOT, "data: %s — %d training and %d test examples; %d epochs of %d batches = %d "
                + "steps%n", data.source(), data.train().size(), data.test().size(), epochs, perEpoch, steps);
        List<String> summary = new ArrayList<>();
        for (MnistRun run : runs) {
            summary.add(train(run, data, steps, perEpoch, out, torch, idx == null && steps == MnistRun.STEPS
                    ? store : null));
        }
        System.out.println();
        summary.forEach(System.out::println);
    }

    private static String train(MnistRun run, MnistData data, int steps, int perEpoch, Path out, boolean withTorch,
                                FixtureStore fixtures) throws IOException {
        System.out.printf(Locale.ROOT, "%n== %s: Sequential(Linear(784, 128), ReLU(), Linear(128, 10)), SGD(lr=%s, "
                + "momentum=%s), batch %d ==%n", run.name(), run.lr(), run.momentum(), MnistRun.BATCH);
        Sequential model = NanoMnistTraining.model(run);
        SGD sgd = NanoMnistTraining.optimizer(run, model);
        int every = Math.max(1, perEpoch / 3);              // three progress lines per epoch
        long[] since = {System.nanoTime(), 0};              // time and step of the previous line
        Trace nano = NanoMnistTraining.run(run, data, steps, true, model, sgd, t -> {
            int k = t.steps();
            if (k % every != 0 && k % perEpoch != 0 && k != steps) {
                return;
            }
            int epochStart = (k - 1) / perEpoch * perEpoch;  // running accuracy over this epoch so far
            int correct = 0;
            int seen = 0;
            for (int s = epochStart; s < k; s++) {
                correct += t.correct.get(s);
                seen += t.batches.get(s).length;
            }
            long now = System.nanoTime();
            System.out.printf(Locale.ROOT, "epoch %d/%d  step %4d/%d  loss %.4f  train accuracy %.4f  %.0f steps/s%n",
                    (k - 1) / perEpoch + 1, steps / perEpoch, k, steps, t.losses.get(k - 1), correct / (double) seen,
                    (k - since[1]) / ((now - since[0]) / 1e9));
            since[0] = now;
            since[1] = k;
        });
        System.out.printf(Locale.ROOT, "nano: test accuracy %.4f, test loss %.6f, %.1f steps/s%n", nano.testAccuracy,
                nano.testLoss, nano.stepsPerSecond());
        Path modelFile = out.resolve(run.name() + ".safetensors");
        Path optimizerFile = out.resolve(run.name() + "-optimizer.safetensors");
        SafeTensors.save(model.stateDict(), Map.of("format", "pt"), modelFile);
        SafeTensors.save(sgd.stateDict(), optimizerFile);
        System.out.println("checkpoint: " + modelFile + ", " + optimizerFile);
        if (!withTorch) {
            return String.format(Locale.ROOT, "%s: nano %.1f steps/s, test accuracy %.4f", run.name(),
                    nano.stepsPerSecond(), nano.testAccuracy);
        }

        System.out.println("libtorch: the same run…");
        Trace torch = TorchMnistTraining.run(run, data, steps, true, t -> { });
        System.out.printf(Locale.ROOT, "libtorch: test accuracy %.4f, test loss %.6f, %.1f steps/s%n",
                torch.testAccuracy, torch.testLoss, torch.stepsPerSecond());
        Comparison c = Comparison.of(nano, torch);
        c.print(perEpoch / 2);
        if (fixtures != null) {
            Trace recorded = E2eFixtures.read(fixtures, run);
            Comparison f = Comparison.of(torch, recorded);
            System.out.printf(Locale.ROOT, "libtorch now vs fixtures/e2e: largest loss difference %.3g, "
                    + "test accuracy %.4f vs %.4f%n", f.worstLoss, torch.testAccuracy, recorded.testAccuracy);
        }
        Path png = out.resolve(run.name() + "-loss.png");
        LossCurvePlot.write(run.name(), nano, torch, perEpoch, png);
        Path csv = out.resolve(run.name() + "-loss.csv");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv))) {
            w.println("step,nano,libtorch,abs_difference");
            for (int k = 1; k <= steps; k++) {
                double a = nano.losses.get(k - 1);
                double b = torch.losses.get(k - 1);
                w.printf(Locale.ROOT, "%d,%s,%s,%s%n", k, a, b, Math.abs(a - b));
            }
        }
        System.out.println("picture: " + png + "; losses: " + csv);
        return String.format(Locale.ROOT, "%s: nano %.1f steps/s, libtorch %.1f steps/s (ratio %.2f); largest per-step "
                + "loss difference %.3g (tolerance %.3g..%.3g), %d violations; test accuracy nano %.4f, libtorch %.4f",
                run.name(), nano.stepsPerSecond(), torch.stepsPerSecond(), torch.stepsPerSecond() / nano.stepsPerSecond(),
                c.worstLoss, E2eTolerance.at(1), E2eTolerance.at(steps), c.violations, nano.testAccuracy,
                torch.testAccuracy);
    }

    /** Step-by-step differences of two traces of the same run. */
    private record Comparison(Trace a, Trace b, double worstLoss, int violations) {
        static Comparison of(Trace a, Trace b) {
            double worst = 0;
            int violations = 0;
            for (int k = 1; k <= Math.min(a.steps(), b.steps()); k++) {
                double x = a.losses.get(k - 1);
                double y = b.losses.get(k - 1);
                worst = Math.max(worst, Math.abs(x - y));
                violations += E2eTolerance.lossAgrees(k, x, y) ? 0 : 1;
            }
            return new Comparison(a, b, worst, violations);
        }

        /** The measurement behind E2eTolerance: the worst loss difference per window, and the parameters' at checkpoints. */
        void print(int window) {
            int steps = Math.min(a.steps(), b.steps());
            int identical = 0;
            StringBuilder line = new StringBuilder("largest |loss difference| per " + window + " steps:");
            double w = 0;
            for (int k = 1; k <= steps; k++) {
                double d = Math.abs(a.losses.get(k - 1) - b.losses.get(k - 1));
                identical += d == 0 ? 1 : 0;
                w = Math.max(w, d);
                if (k % window == 0 || k == steps) {
                    line.append(String.format(Locale.ROOT, " %.2g", w));
                    w = 0;
                }
            }
            System.out.println(line);
            System.out.printf(Locale.ROOT, "%d of %d steps bit-identical; largest %.3g; %d steps beyond the tolerance%n",
                    identical, steps, worstLoss, violations);
            for (Map.Entry<Integer, Map<String, double[]>> c : b.checkpoints.entrySet()) {
                if (!a.checkpoints.containsKey(c.getKey())) {
                    continue;
                }
                StringBuilder p = new StringBuilder("parameters after step " + c.getKey()
                        + ", max|difference|/max|libtorch|:");
                for (Map.Entry<String, double[]> t : c.getValue().entrySet()) {
                    p.append(String.format(Locale.ROOT, " %s %.3g", t.getKey(),
                            E2eTolerance.parameterDifference(a.checkpoints.get(c.getKey()).get(t.getKey()), t.getValue())));
                }
                System.out.println(p.append(String.format(Locale.ROOT, " (tolerance %.3g)", E2eTolerance.at(c.getKey()))));
            }
        }
    }
}
