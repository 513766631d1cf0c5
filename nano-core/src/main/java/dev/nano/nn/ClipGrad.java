package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.Nano;
import dev.nano.PythonFloat;
import dev.nano.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradient clipping, PyTorch's {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}
 * (torch/nn/utils/clip_grad.py, 2.7.1). Parameters without a gradient are skipped; the gradients are
 * changed in place, outside autograd.
 */
public final class ClipGrad {
    private ClipGrad() {
    }

    /**
     * {@code clip_grad_norm_(parameters, max_norm, norm_type=2.0)}.
     * @param parameters the parameters whose gradients are clipped
     * @param maxNorm the largest total norm allowed
     * @return the total norm before clipping, a 0-d tensor
     */
    public static Tensor clipGradNorm(List<Tensor> parameters, double maxNorm) {
        return clipGradNorm(parameters, maxNorm, 2.0, false);
    }

    /**
     * {@code clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite)}: the total norm is the
     * {@code norm_type}-norm of the per-gradient norms (PyTorch's {@code _get_total_norm}); every gradient is
     * then multiplied by {@code min(max_norm / (total + 1e-6), 1)} (the division
     * as PyTorch's tensor does it: a reciprocal times max_norm), as PyTorch does even when that is 1.
     * @param parameters the parameters whose gradients are clipped
     * @param maxNorm the largest total norm allowed
     * @param normType the p of the norm: 2, 1, any p, {@code Double.POSITIVE_INFINITY} for the largest magnitude
     * @param errorIfNonfinite throw instead of scaling when the total norm is NaN or infinite
     * @return the total norm before clipping, a 0-d tensor
     * @throws IllegalArgumentException when {@code errorIfNonfinite} and the total norm is not finite (PyTorch's
     *         RuntimeError, its message); no gradient has changed then
     */
    public static Tensor clipGradNorm(List<Tensor> parameters, double maxNorm, double normType,
                                      boolean errorIfNonfinite) {
        List<double[]> grads = grads("clip_grad_norm_", parameters);
        if (grads.isEmpty()) {
            return Nano.scalar(0.0);
        }
        double[] norms = new double[grads.size()];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = vectorNorm(grads.get(i), normType);
        }
        double total = vectorNorm(norms, normType);
        if (errorIfNonfinite && (Double.isNaN(total) || Double.isInfinite(total))) {
            throw new IllegalArgumentException("The total norm of order " + PythonFloat.repr(normType) + " for gradients from "
                    + "`parameters` is non-finite, so it cannot be clipped. To disable this error and scale the "
                    + "gradients by the non-finite norm anyway, set `error_if_nonfinite=False`");
        }
        // Python's max_norm / (total_norm + 1e-6) with a tensor on the right is Tensor.__rtruediv__:
        // reciprocal, then multiply (torch/_tensor.py), rounded twice, not one division.
        double coef = (1.0 / (total + 1e-6)) * maxNorm;
        double clamped = Double.isNaN(coef) ? coef : Math.min(coef, 1.0);
        try (var ignored = Nano.noGrad()) {
            for (double[] g : grads) {
                for (int i = 0; i < g.length; i++) {
                    g[i] *= clamped;
                }
            }
        }
        return Nano.scalar(total);
    }

    /**
     * {@code clip_grad_value_(parameters, clip_value)}: every gradient element clamped to
     * [−clip_value, clip_value] (NaN stays NaN, as {@code clamp_} leaves it).
     * @param parameters the parameters whose gradients are clipped
     * @param clipValue the bound
     */
    public static void clipGradValue(List<Tensor> parameters, double clipValue) {
        List<double[]> grads = grads("clip_grad_value_", parameters);
        try (var ignored = Nano.noGrad()) {
            for (double[] g : grads) {
                for (int i = 0; i < g.length; i++) {
                    if (!Double.isNaN(g[i])) {
                        g[i] = Math.min(Math.max(g[i], -clipValue), clipValue);
                    }
                }
            }
        }
    }

    private static List<double[]> grads(String op, List<Tensor> parameters) {
        Checks.notNull(op, "parameters", parameters);
        List<double[]> grads = new ArrayList<>();
        for (Tensor p : parameters) {
            Checks.notNull(op, "parameter", p);
            if (p.grad() != null) {
                grads.add(p.grad().data());
            }
        }
        return grads;
    }

    /**
     * {@code torch.linalg.vector_norm(x, ord)} of a flat vector: ord 2, 1, ±inf, 0 (the count of
     * non-zeros) or any other p, {@code (Σ|x|^p)^(1/p)}.
     */
    static double vectorNorm(double[] x, double ord) {
        if (ord == Double.POSITIVE_INFINITY || ord == Double.NEGATIVE_INFINITY) {
            double best = x.length == 0 ? 0 : Math.abs(x[0]);
            for (double v : x) {
                double a = Math.abs(v);
                if (Double.isNaN(a)) {
                    return a;
                }
                best = ord > 0 ? Math.max(best, a) : Math.min(best, a);
            }
            return best;
        }
        double sum = 0;
        for (double v : x) {
            double a = Math.abs(v);
            sum += ord == 0 ? (v != 0 ? 1 : 0) : ord == 1 ? a : ord == 2 ? a * a : Math.pow(a, ord);
        }
        return ord == 0 || ord == 1 ? sum : ord == 2 ? Math.sqrt(sum) : Math.pow(sum, 1 / ord);
    }
}
