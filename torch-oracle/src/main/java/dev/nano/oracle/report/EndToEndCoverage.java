package dev.nano.oracle.report;

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
final class EndToEndCoverage {
    record Row(String run, int steps, boolean sameBatches, double worstLoss, int lossViolations, double worstParameter,
               double parameterTolerance, double torchAccuracy, double nanoAccuracyOfTorchWeights, String status) {
    }

    private EndToEndCoverage() {
    }

    static List<Row> rows(FixtureStore store) {
        MnistData data = MnistData.bundled(store);
        List<Row> rows = new ArrayList<>();
        for (MnistRun run : MnistRun.ALL) {
            Trace torch = E2eFixtures.read(store, run);
            Sequential model = NanoMnistTraining.model();
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
            Sequential finalWeights = NanoMnistTraining.model();
            Map<String, Tensor> weights = new LinkedHashMap<>();
            torch.checkpoints.get(MnistRun.STEPS).forEach((name, v) -> weights.put(name, new Tensor(v,
                    torch.shapes.get(name))));
            finalWeights.loadStateDict(weights);
            Trace evaluated = new Trace();
            NanoMnistTraining.test(finalWeights, data, evaluated);
            boolean ok = sameBatches && violations == 0 && worstParameter <= E2eTolerance.at(step)
                    && evaluated.testAccuracy == torch.testAccuracy;
            rows.add(new Row(run.name(), nano.steps(), sameBatches, worstLoss, violations, worstParameter,
                    E2eTolerance.at(step), torch.testAccuracy, evaluated.testAccuracy, ok ? "complete"
                    : "differs from libtorch"));
        }
        return rows;
    }

    static String text(List<Row> rows) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s %5s %6s %12s %10s %12s %10s %9s %9s  %s%n",
                "run", "steps", "batch", "worst loss", "loss tol", "worst param", "param tol", "acc torch",
                "acc nano", "status"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-24s %5d %6s %12.3g %10.3g %12.3g %10.3g %9.4f %9.4f  %s%n",
                    r.run(), r.steps(), r.sameBatches() ? "same" : "DIFF", r.worstLoss(), E2eTolerance.at(r.steps()),
                    r.worstParameter(), r.parameterTolerance(), r.torchAccuracy(), r.nanoAccuracyOfTorchWeights(),
                    r.status()));
        }
        return sb.append("(nano trains the first ").append(MnistRun.VERIFY_STEPS).append(" of the ")
                .append(MnistRun.STEPS).append(" recorded steps; accuracy: libtorch's final weights on the ")
                .append("test digits, as libtorch and as nano compute it; the full run: scripts/train-mnist)\n")
                .toString();
    }

    static String markdown(List<Row> rows) {
        StringBuilder sb = new StringBuilder("\n## End to end: MNIST MLP trained in nano and in libtorch\n\n"
                + "| run | steps | same batches | worst loss difference | tolerance | worst parameter difference "
                + "| tolerance | test accuracy (libtorch) | (nano, same weights) | status |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| `%s` | %d | %s | %.3g | %.3g | %.3g | %.3g | %.4f | %.4f | %s |%n",
                    r.run(), r.steps(), r.sameBatches() ? "yes" : "no", r.worstLoss(), E2eTolerance.at(r.steps()),
                    r.worstParameter(), r.parameterTolerance(), r.torchAccuracy(), r.nanoAccuracyOfTorchWeights(),
                    r.status()));
        }
        return sb.toString();
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
        return "<h2>End to end: MNIST MLP trained in nano and in libtorch</h2><pre>"
                + text(rows).replace("&", "&amp;").replace("<", "&lt;") + "</pre>";
    }
}
