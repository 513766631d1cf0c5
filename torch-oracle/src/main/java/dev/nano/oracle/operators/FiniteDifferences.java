package dev.nano.oracle.operators;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;

import java.util.List;

/**
 * The third oracle: nano's analytic gradient against central differences of nano's own forward,
 * {@code dL/dx ≈ (L(x + h) − L(x − h)) / 2h} with {@code L = sum(out · upstream)}.
 *
 * <p>Tolerance is PyTorch's gradcheck default (atol 1e-5, rtol 1e-3), not the parity tolerance:
 * central differences carry a truncation error of order h²·f''' and a rounding error of order
 * 1e-16·|L|/h, so they agree with the true derivative to only ~1e-7 relative. Cases at kinks,
 * ties or edge values (kinds NONDIFF, EDGE) are left to the PyTorch comparison, where the exact
 * choice of (sub)gradient is what is being checked.
 */
public final class FiniteDifferences {
    /** Absolute tolerance of a central difference against the analytic gradient (truncation error is O(h²)). */
    public static final double ATOL = 1e-5;
    /** Relative tolerance of a central difference against the analytic gradient. */
    public static final double RTOL = 1e-3;

    private FiniteDifferences() {
    }

    /**
     * Whether a case is a meaningful finite-difference check.
     * @param op the operator
     * @param sample the case
     * @param inputs the case's inputs
     * @param upstream the upstream gradient dL/d(output 0)
     * @return true if the check applies
     */
    public static boolean applies(OpInfo op, Sample sample, List<Input> inputs, Value upstream) {
        if (!op.differentiable() || sample.isError() || upstream == null) {
            return false;
        }
        if (sample.kinds().contains(Kind.NONDIFF) || sample.kinds().contains(Kind.EDGE)) {
            return false;
        }
        boolean anyElement = false;
        for (Input in : inputs) {
            if (!in.requiresGrad()) {
                continue;
            }
            for (double v : in.values()) {
                if (!Double.isFinite(v)) {
                    return false;
                }
                anyElement = true;
            }
        }
        return anyElement;
    }

    /**
     * Compares nano's analytic gradient with central differences of nano's own forward, element by element.
     * @param op the operator
     * @param sample the case
     * @param inputs the case's inputs
     * @param upstream the upstream gradient dL/d(output 0)
     * @return null if every gradient element agrees, else a description of the first that does not
     */
    public static String check(OpInfo op, Sample sample, List<Input> inputs, Value upstream) {
        Result analytic = NanoRunner.run(op, sample, inputs, upstream);
        if (analytic.failed()) {
            return "nano failed: " + analytic.error();
        }
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            if (!in.requiresGrad()) {
                continue;
            }
            double[] g = analytic.grads().get(i).values();
            for (int j = 0; j < in.values().length; j++) {
                double x = in.values()[j];
                double h = 1e-6 * Math.max(1.0, Math.abs(x));
                double numeric = (loss(op, sample, inputs, i, j, x + h, upstream)
                        - loss(op, sample, inputs, i, j, x - h, upstream)) / (2 * h);
                if (!(Math.abs(g[j] - numeric) <= ATOL + RTOL * Math.abs(numeric))) {
                    return "d/d(input " + i + ")[" + j + "]: analytic " + g[j] + ", finite difference " + numeric;
                }
            }
        }
        return null;
    }

    private static double loss(OpInfo op, Sample sample, List<Input> inputs, int which, int element, double value,
                               Value upstream) {
        Tensor[] tensors = new Tensor[inputs.size()];
        for (int i = 0; i < tensors.length; i++) {
            double[] v = inputs.get(i).values().clone();
            if (i == which) {
                v[element] = value;
            }
            tensors[i] = new Tensor(v, inputs.get(i).shape(), inputs.get(i).dtype());
        }
        try (var ignored = Nano.noGrad()) {
            double[] out = op.nano().apply(tensors, sample.attrs())[0].data();
            double[] u = upstream.values();
            double sum = 0;
            for (int k = 0; k < out.length; k++) {
                sum += out[k] * u[k];
            }
            return sum;
        }
    }
}
