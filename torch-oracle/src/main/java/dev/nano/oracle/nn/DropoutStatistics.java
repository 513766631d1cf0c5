package dev.nano.oracle.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.nano.DType;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.nn.F;
import dev.nano.oracle.torch.TorchEngine;
import dev.nano.oracle.torch.TorchFunctional;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Tolerance;
import dev.nano.oracle.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Dropout's random side, which no fixture can pin down value by value (PyTorch's generator is
 * not nano's): on {@code ones(20000)}, the fraction of elements kept must agree within the
 * sampling error of two independent samples, and the kept values must both be exactly
 * {@code 1/(1 − p)} and the dropped ones exactly 0. PyTorch's generator is seeded, so its side
 * is reproducible and the drift test can still compare it with the fixture.
 */
final class DropoutStatistics implements NnScenario {
    static final int N = 20000;
    static final double[] PROBABILITIES = {0.1, 0.5, 0.9};
    static final long SEED = 2024;

    @Override
    public String name() {
        return "dropout-statistics";
    }

    /** [fraction kept], then [smallest kept value, largest kept value, largest |dropped value|]. */
    private static List<Step> steps(double p, double[] out) {
        // Every output must be 0 (dropped) or exactly 1/(1-p) (kept and scaled); anything else is a stray.
        double scaled = 1 / (1 - p);
        int kept = 0;
        int strays = 0;
        double minKept = Double.POSITIVE_INFINITY;
        double maxKept = Double.NEGATIVE_INFINITY;
        for (double v : out) {
            if (v != 0) {
                kept++;
                minKept = Math.min(minKept, v);
                maxKept = Math.max(maxKept, v);
            }
            if (v != 0 && v != scaled) {
                strays++;
            }
        }
        double standardError = Math.sqrt(p * (1 - p) / N);
        Tolerance sampling = Tolerance.looser(0, 5 * Math.sqrt(2) * standardError, "the kept fractions of two "
                + "independent samples of " + N + " (nano's generator and PyTorch's) agree within 5 standard errors "
                + "of their difference");
        Value fraction = new Value(new int[0], DType.FLOAT64, new double[] {(double) kept / N});
        Value values = new Value(new int[] {3}, DType.FLOAT64, new double[] {minKept, maxKept, strays});
        String id = "ones(" + N + ") p " + p;
        return List.of(new Step(id + ": fraction kept", List.of(), new Result(List.of(fraction), null, List.of(), null),
                        sampling),
                Step.of(id + ": kept and dropped values", List.of(), new Result(List.of(values), null, List.of(), null)));
    }

    @Override
    public List<Step> runNano(Upstreams upstreams) {
        List<Step> out = new ArrayList<>();
        Random generator = new Random(SEED);
        for (double p : PROBABILITIES) {
            Tensor y = F.dropout(Nano.ones(N), p, true, generator);
            out.addAll(steps(p, y.data()));
        }
        return out;
    }

    @Override
    public List<Step> runTorch(Upstreams upstreams) {
        List<Step> out = new ArrayList<>();
        Engine.getEngine("PyTorch").setRandomSeed((int) SEED);
        try (NDManager m = TorchEngine.baseManager().newSubManager()) {
            for (double p : PROBABILITIES) {
                NDArray y = TorchFunctional.dropout(m.ones(new Shape(N), DataType.FLOAT64), p, true);
                out.addAll(steps(p, y.toDoubleArray()));
            }
        }
        return out;
    }
}
