package dev.nano;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The finite-difference oracle: compares nano's analytic gradients with central differences.
 *
 * <p>For an op {@code y = f(x1, x2, ...)} and a random upstream gradient {@code u} (random, not
 * ones, so a backward that ignores its incoming gradient fails), the scalar
 * {@code L = sum(f(x) * u)} has {@code dL/dxi[j] ≈ (L(xi[j] + eps) - L(xi[j] - eps)) / (2 eps)}.
 * The analytic side is {@code y.backward(u)}.
 *
 * <p>Tolerance (PyTorch's gradcheck defaults: eps 1e-6, atol 1e-5, rtol 1e-3): central differences
 * carry a truncation error of order eps² · f''' and a rounding error of order 1e-16 / eps ≈ 1e-10
 * relative to |L|, so they cannot be held to the 1e-10 parity tolerance used against PyTorch.
 * Inputs must stay away from kinks (|x| of relu/abs at 0, ties) by more than eps; the exact
 * values at those points are tested separately, by hand.
 */
public final class GradCheck {
    public static final double EPS = 1e-6;
    public static final double ATOL = 1e-5;
    public static final double RTOL = 1e-3;

    private GradCheck() {
    }

    /** Checks every float64 input of {@code op} (non-float inputs such as indices are held fixed). */
    public static void check(String name, Function<Tensor[], Tensor> op, Tensor... inputs) {
        check(name, op, EPS, ATOL, RTOL, inputs);
    }

    public static void check(String name, Function<Tensor[], Tensor> op, double eps, double atol, double rtol,
                             Tensor... inputs) {
        Tensor[] leaves = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            leaves[i] = new Tensor(inputs[i].toDoubleArray(), inputs[i].shape(), inputs[i].dtype());
            if (leaves[i].dtype().isFloatingPoint()) {
                leaves[i].requiresGrad(true);
            }
        }
        Tensor out = op.apply(leaves);
        assertTrue(out.requiresGrad(), name + ": output does not require grad although its inputs do");
        Tensor upstream = upstreamFor(out.shape());
        out.backward(upstream);

        for (int i = 0; i < leaves.length; i++) {
            if (!leaves[i].dtype().isFloatingPoint()) {
                continue;
            }
            double[] analytic = leaves[i].grad() == null ? new double[leaves[i].numel()] : leaves[i].grad().data();
            assertEquals(leaves[i].numel(), analytic.length, name + ": gradient of input " + i + " has wrong size");
            if (leaves[i].grad() != null) {
                assertTrue(Arrays.equals(leaves[i].shape(), leaves[i].grad().shape()), name + ": gradient of input "
                        + i + " has shape " + Shape.toString(leaves[i].grad().shape()) + ", expected "
                        + Shape.toString(leaves[i].shape()));
            }
            double[] numeric = numericGradient(op, inputs, i, upstream, eps);
            for (int j = 0; j < numeric.length; j++) {
                double diff = Math.abs(analytic[j] - numeric[j]);
                if (!(diff <= atol + rtol * Math.abs(numeric[j]))) {
                    fail(name + ": d/d(input " + i + ")[" + j + "] analytic " + analytic[j] + " vs finite difference "
                            + numeric[j] + " (input shape " + Shape.toString(inputs[i].shape()) + ")");
                }
            }
        }
    }

    /** A fixed pseudo-random upstream gradient in [0.5, 1.5) with random signs. */
    public static Tensor upstreamFor(int[] shape) {
        Random random = new Random(Arrays.hashCode(shape) * 31L + 7);
        double[] u = new double[Shape.numel(shape)];
        for (int i = 0; i < u.length; i++) {
            u[i] = (random.nextBoolean() ? 1 : -1) * (0.5 + random.nextDouble());
        }
        return new Tensor(u, shape);
    }

    private static double[] numericGradient(Function<Tensor[], Tensor> op, Tensor[] inputs, int which,
                                            Tensor upstream, double eps) {
        double[] grad = new double[inputs[which].numel()];
        try (var ignored = Nano.noGrad()) {
            for (int j = 0; j < grad.length; j++) {
                double plus = loss(op, perturbed(inputs, which, j, eps), upstream);
                double minus = loss(op, perturbed(inputs, which, j, -eps), upstream);
                grad[j] = (plus - minus) / (2 * eps);
            }
        }
        return grad;
    }

    private static Tensor[] perturbed(Tensor[] inputs, int which, int j, double delta) {
        Tensor[] copy = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            double[] data = inputs[i].toDoubleArray();
            if (i == which) {
                data[j] += delta;
            }
            copy[i] = new Tensor(data, inputs[i].shape(), inputs[i].dtype());
        }
        return copy;
    }

    private static double loss(Function<Tensor[], Tensor> op, Tensor[] inputs, Tensor upstream) {
        double[] y = op.apply(inputs).data();
        double[] u = upstream.data();
        double sum = 0;
        for (int k = 0; k < y.length; k++) {
            sum += y[k] * u[k];
        }
        return sum;
    }

    /** Random values in [lo, hi) from a fixed seed. */
    public static Tensor uniform(long seed, double lo, double hi, int... shape) {
        Random random = new Random(seed);
        double[] data = new double[Shape.numel(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = lo + (hi - lo) * random.nextDouble();
        }
        return new Tensor(data, shape);
    }
}
