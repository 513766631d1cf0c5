package dev.nano.oracle.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nano.Tensor;
import dev.nano.nn.Sequential;
import dev.nano.oracle.e2e.E2eFixtures;
import dev.nano.oracle.e2e.E2eTolerance;
import dev.nano.oracle.e2e.MnistData;
import dev.nano.oracle.e2e.MnistRun;
import dev.nano.oracle.e2e.NanoMnistTraining;
import dev.nano.oracle.e2e.Trace;
import dev.nano.oracle.family.ReportTable;
import dev.nano.oracle.fixtures.FixtureStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's end-to-end section: for each {@link MnistRun}, nano trains the first
 * {@link MnistRun#VERIFY_STEPS} steps against libtorch's recorded run (as
 * {@code MnistEndToEndParityTest} does) and evaluates libtorch's final weights; one row per run
 * with the steps compared, whether every batch was the same, the largest loss and parameter
 * differences against their tolerance, and the test accuracy. The whole run is
 * {@code scripts/train-mnist}.
 */
public final class EndToEndCoverage {
    /** One run; the loss-curve picture draws {@code nano} and {@code torch} with {@code perEpoch} steps per epoch. */
    public record Row(String run, int steps, boolean sameBatches, double worstLoss, int lossViolations,
                      double worstParameter, double parameterTolerance, double torchAccuracy,
                      double nanoAccuracyOfTorchWeights, String status, Trace nano, Trace torch, int perEpoch) {
        boolean ok() {
            return status.equals("complete");
        }
    }

    private EndToEndCoverage() {
    }

    /**
     * Trains nano against each recorded run and evaluates libtorch's final weights: one row per run.
     * @param store the fixtures
     * @return the rows, in the order of {@link MnistRun#ALL}
     */
    public static List<Row> rows(FixtureStore store) {
        MnistData data = MnistData.bundled(store);
        List<Row> rows = new ArrayList<>();
        for (MnistRun run : MnistRun.ALL) {
            Trace torch = E2eFixtures.read(store, run);
            Sequential model = NanoMnistTraining.model(run);
            Trace nano = NanoMnistTraining.run(run, data, MnistRun.VERIFY_STEPS, false, model,
                    NanoMnistTraining.optimizer(run, model), t -> { });
            boolean sameBatches = true;
            double worstLoss = 0;
            int violations = 0;
            for (int k = 1; k <= nano.steps(); k++) {
                sameBatches &= Arrays.equals(nano.batches.get(k - 1), torch.batches.get(k - 1));
                double a = nano.losses.get(k - 1);
                double b = torch.losses.get(k - 1);
                worstLoss = Math.max(worstLoss, Math.abs(a - b));
                violations += E2eTolerance.lossAgrees(k, a, b) ? 0 : 1;
            }
            double worstParameter = 0;
            int step = MnistRun.VERIFY_STEPS;
            for (Map.Entry<String, double[]> p : torch.checkpoints.get(step).entrySet()) {
                worstParameter = Math.max(worstParameter, E2eTolerance.parameterDifference(
                        nano.checkpoints.get(step).get(p.getKey()), p.getValue()));
            }
            Trace evaluated = testWithTorchWeights(run, torch, data);
            boolean ok = sameBatches && violations == 0 && worstParameter <= E2eTolerance.at(step)
                    && evaluated.testAccuracy == torch.testAccuracy;
            rows.add(new Row(run.name(), nano.steps(), sameBatches, worstLoss, violations, worstParameter,
                    E2eTolerance.at(step), torch.testAccuracy, evaluated.testAccuracy, ok ? "complete"
                    : "differs from libtorch", nano, torch,
                    (data.train().size() + MnistRun.BATCH - 1) / MnistRun.BATCH));
        }
        return rows;
    }

    /**
     * libtorch's final weights (step {@link MnistRun#STEPS}) loaded into nano's model and evaluated by
     * nano on the test digits.
     * @param run the run (its model's layers)
     * @param torch libtorch's recorded run
     * @param data the digits
     * @return nano's test loss and accuracy with those weights
     */
    static Trace testWithTorchWeights(MnistRun run, Trace torch, MnistData data) {
        Sequential model = NanoMnistTraining.model(run);
        Map<String, Tensor> weights = new LinkedHashMap<>();
        torch.checkpoints.get(MnistRun.STEPS).forEach((name, v) -> weights.put(name, new Tensor(v,
                torch.shapes.get(name))));
        model.loadStateDict(weights);
        Trace evaluated = new Trace();
        NanoMnistTraining.test(model, data, evaluated);
        return evaluated;
    }

    private static ReportTable table(List<Row> rows) {
        ReportTable t = new ReportTable("endToEnd", List.of("run", "steps", "same batches", "worst loss diff",
                "loss tol", "worst param diff", "param tol", "acc torch", "acc nano", "status"));
        for (Row r : rows) {
            t.add(r.ok() ? "" : "fail", List.of(new ReportTable.Cell(r.run(), null, "name", null, null),
                    num("%d", r.steps()), ReportTable.Cell.of(r.sameBatches() ? "yes" : "NO"),
                    num("%.3g", r.worstLoss()), num("%.3g", E2eTolerance.at(r.steps())),
                    num("%.3g", r.worstParameter()), num("%.3g", r.parameterTolerance()),
                    num("%.4f", r.torchAccuracy()), num("%.4f", r.nanoAccuracyOfTorchWeights()),
                    ReportTable.Cell.of(r.status())));
        }
        return t;
    }

    private static ReportTable.Cell num(String format, double v) {
        return ReportTable.Cell.number(format.equals("%d") ? String.valueOf((long) v)
                : String.format(Locale.ROOT, format, v), v);
    }

    private static String note() {
        return "nano trains the first " + MnistRun.VERIFY_STEPS + " of the " + MnistRun.STEPS + " recorded steps; "
                + "accuracy: libtorch's final weights on the test digits, as libtorch and as nano compute it; "
                + "the full run: scripts/train-mnist";
    }

    static String text(List<Row> rows) {
        return table(rows).text() + "(" + note() + ")\n";
    }

    /** The failing runs, each with what differs. */
    static List<String> failures(List<Row> rows) {
        return rows.stream().filter(r -> !r.ok()).map(r -> String.format(Locale.ROOT, "e2e %s: %s (same batches: "
                + "%s, %d loss steps beyond tolerance, worst parameter difference %.3g (tolerance %.3g), "
                + "test accuracy %.4f "
                + "vs libtorch's %.4f)", r.run(), r.status(), r.sameBatches(), r.lossViolations(), r.worstParameter(),
                r.parameterTolerance(), r.nanoAccuracyOfTorchWeights(), r.torchAccuracy())).toList();
    }

    static String markdown(List<Row> rows) {
        return "\n## End to end: MNIST MLP trained in nano and in libtorch\n\n" + table(rows).markdown() + "\n"
                + note() + "\n";
    }

    static void json(ObjectNode root, List<Row> rows) {
        ArrayNode array = root.putArray("endToEnd");
        for (Row r : rows) {
            array.addObject().put("run", r.run()).put("steps", r.steps()).put("sameBatches", r.sameBatches())
                    .put("worstLossDifference", r.worstLoss()).put("lossTolerance", E2eTolerance.at(r.steps()))
                    .put("lossViolations", r.lossViolations()).put("worstParameterDifference", r.worstParameter())
                    .put("parameterTolerance", r.parameterTolerance()).put("torchTestAccuracy", r.torchAccuracy())
                    .put("nanoTestAccuracyOfTorchWeights", r.nanoAccuracyOfTorchWeights()).put("status", r.status());
        }
    }

    static String html(List<Row> rows) {
        return "<h2>End to end: MNIST MLP trained in nano and in libtorch</h2><p>" + ReportTable.esc(note()) + "</p>"
                + table(rows).html();
    }
}
