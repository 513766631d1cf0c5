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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code scripts/train-mnist --run cnn}: the LeNet run ({@link CnnRun}) in nano with a progress line
 * per third of an epoch and a safetensors checkpoint, then in libtorch from the same weights on the
 * same batches; prints the step-by-step differences (the measurement behind {@link CnnTolerance}),
 * both test accuracies, libtorch's run against the recorded fixture, and writes
 * {@code torch-oracle/target/train-mnist/mnist-cnn-sgd-momentum-loss.png} and {@code .csv}.
 * Options: {@code --steps N} (default {@link CnnRun#STEPS}), {@code --out DIR}.
 */
public final class TrainCnn {
    private TrainCnn() {
    }

    /**
     * Runs the CNN in both frameworks and compares them.
     * @param args {@code --run cnn} (accepted and ignored), {@code --steps N}, {@code --out DIR}
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        int steps = CnnRun.STEPS;
        Path out = Path.of("torch-oracle", "target", "train-mnist");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--run" -> i++;
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; options: --run cnn --steps N --out DIR");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(out);
        FixtureStore fixtures = FixtureStore.locate();
        MnistData data = MnistData.bundled(fixtures);
        int perEpoch = (data.train().size() + MnistRun.BATCH - 1) / MnistRun.BATCH;
        System.out.printf(Locale.ROOT, "== %s: LeNet (conv 5x5, ReLU, max-pool, conv 5x5, ReLU, max-pool, Linear, ReLU,"
                + " Linear), SGD(lr=%s, momentum=%s), batch %d, %d steps ==%n", CnnRun.NAME, CnnRun.LR,
                CnnRun.MOMENTUM, MnistRun.BATCH, steps);
        Sequential model = NanoCnnTraining.model();
        Map<String, Tensor> initial = new LinkedHashMap<>();
        model.stateDict().forEach((k, v) -> initial.put(k, Nano.clone(v)));
        SGD sgd = NanoCnnTraining.optimizer(model);
        int every = Math.max(1, perEpoch / 3);
        final int total = steps;
        Trace nano = NanoCnnTraining.run(data, steps, true, model, sgd, t -> {
            int k = t.steps();
            if (k % every == 0 || k == total) {
                System.out.printf(Locale.ROOT, "step %4d/%d  loss %.4f%n", k, total, t.losses.get(k - 1));
            }
        });
        System.out.printf(Locale.ROOT, "nano: test accuracy %.4f, test loss %.6f, %.1f steps/s%n", nano.testAccuracy,
                nano.testLoss, nano.stepsPerSecond());
        Path modelFile = out.resolve(CnnRun.NAME + ".safetensors");
        SafeTensors.save(model.stateDict(), Map.of("format", "pt"), modelFile);
        System.out.println("checkpoint: " + modelFile);
        System.out.println("libtorch: the same run…");
        Trace torch = TorchCnnTraining.run(data, steps, true, initial, t -> { });
        System.out.printf(Locale.ROOT, "libtorch: test accuracy %.4f, test loss %.6f, %.1f steps/s%n",
                torch.testAccuracy, torch.testLoss, torch.stepsPerSecond());
        double worst = 0;
        int violations = 0;
        StringBuilder windows = new StringBuilder("largest |loss difference| per " + perEpoch / 2 + " steps:");
        double w = 0;
        for (int k = 1; k <= steps; k++) {
            double d = Math.abs(nano.losses.get(k - 1) - torch.losses.get(k - 1));
            worst = Math.max(worst, d);
            w = Math.max(w, d);
            violations += CnnTolerance.lossAgrees(k, nano.losses.get(k - 1), torch.losses.get(k - 1)) ? 0 : 1;
            if (k % (perEpoch / 2) == 0 || k == steps) {
                windows.append(String.format(Locale.ROOT, " %.2g", w));
                w = 0;
            }
        }
        System.out.println(windows);
        System.out.printf(Locale.ROOT, "largest loss difference %.3g; %d steps beyond the tolerance%n", worst,
                violations);
        for (Map.Entry<Integer, Map<String, double[]>> c : torch.checkpoints.entrySet()) {
            StringBuilder p = new StringBuilder("parameters after step " + c.getKey()
                    + ", max|difference|/max|libtorch|:");
            for (Map.Entry<String, double[]> t : c.getValue().entrySet()) {
                p.append(String.format(Locale.ROOT, " %s %.3g", t.getKey(), E2eTolerance.parameterDifference(
                        nano.checkpoints.get(c.getKey()).get(t.getKey()), t.getValue())));
            }
            System.out.println(p.append(String.format(Locale.ROOT, " (tolerance %.3g)", CnnTolerance.at(c.getKey()))));
        }
        if (steps == CnnRun.STEPS && Files.isRegularFile(CnnFixtures.pathOf(fixtures))) {
            Trace recorded = CnnFixtures.read(fixtures);
            double drift = 0;
            for (int k = 1; k <= steps; k++) {
                drift = Math.max(drift, Math.abs(torch.losses.get(k - 1) - recorded.losses.get(k - 1)));
            }
            System.out.printf(Locale.ROOT, "libtorch now vs fixtures/e2e: largest loss difference %.3g, test accuracy "
                    + "%.4f vs %.4f%n", drift, torch.testAccuracy, recorded.testAccuracy);
        }
        Path png = out.resolve(CnnRun.NAME + "-loss.png");
        LossCurvePlot.write(CnnRun.NAME, nano, torch, perEpoch, png, CnnTolerance::at, "CnnTolerance");
        Path csv = out.resolve(CnnRun.NAME + "-loss.csv");
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(csv))) {
            writer.println("step,nano,libtorch,abs_difference");
            for (int k = 1; k <= steps; k++) {
                double a = nano.losses.get(k - 1);
                double b = torch.losses.get(k - 1);
                writer.printf(Locale.ROOT, "%d,%s,%s,%s%n", k, a, b, Math.abs(a - b));
            }
        }
        System.out.printf(Locale.ROOT, "picture: %s; losses: %s%n%s: nano %.1f steps/s, libtorch %.1f steps/s; test "
                + "accuracy nano %.4f, libtorch %.4f%n", png, csv, CnnRun.NAME, nano.stepsPerSecond(),
                torch.stepsPerSecond(), nano.testAccuracy, torch.testAccuracy);
    }
}
