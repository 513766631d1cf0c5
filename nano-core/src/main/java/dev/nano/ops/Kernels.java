package dev.nano.ops;

import dev.nano.ops.MatrixKernel.View;

/**
 * The hot loops of nano's kernels, behind one contract with two implementations:
 * <ul>
 *   <li>this class itself, the plain-Java path: the loops HotSpot compiles (and, where it can,
 *       vectorises) on any JVM, written exactly as the ops' scalar formulas;
 *   <li>{@code VectorKernels}, the same loops written with the Vector API
 *       ({@code jdk.incubator.vector}), used when the JVM was started with
 *       {@code --add-modules jdk.incubator.vector} (see {@link VectorSupport}).
 * </ul>
 * {@link #ACTIVE} is chosen once, when this class is initialised, and never changes: a JVM uses one
 * path throughout, so a result never depends on which path ran earlier. Every method works on a
 * range {@code [from, to)} so that {@link dev.nano.Parallel} can hand pieces of one array to
 * several threads; each element is computed the same way whichever piece it lands in, so the
 * result does not depend on the thread count on either path.
 *
 * <p>The two paths agree within the parity suite's tolerances, not bit for bit: the vector path
 * has its own exp, log, log1p and tanh (a few ulps from {@code Math}'s), sums in a different
 * order, and fuses the matrix product's multiply-adds. Each difference is described where it is
 * made, in {@code VectorKernels}.
 */
class Kernels {
    /** The implementation this JVM uses; chosen once by {@link VectorSupport}. */
    static final Kernels ACTIVE = VectorSupport.report(VectorSupport.choose());

    /** {@code y[i] = exp(x[i])}. */
    void exp(double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = Math.exp(x[i]);
        }
    }

    /** {@code y[i] = log(x[i])}. */
    void log(double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = Math.log(x[i]);
        }
    }

    /** {@code y[i] = log1p(x[i])}. */
    void log1p(double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = Math.log1p(x[i]);
        }
    }

    /** {@code y[i] = tanh(x[i])}. */
    void tanh(double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = Unary.tanhOf(x[i]);
        }
    }

    /** {@code y[i] = sigmoid(x[i]) = 1 / (1 + exp(-x[i]))}. */
    void sigmoid(double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = Unary.sigmoidOf(x[i]);
        }
    }

    /** {@code y[i] = x[i] / (1 + exp(-x[i]))}. */
    void silu(double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = x[i] / (1.0 + Math.exp(-x[i]));
        }
    }

    /** silu's gradient, {@code g·s·(1 + x·(1 - s))} with {@code s = sigmoid(x)}. */
    void siluBackward(double[] g, double[] x, double[] gx, int from, int to) {
        for (int i = from; i < to; i++) {
            double s = Unary.sigmoidOf(x[i]);
            gx[i] = g[i] * s * (1 + x[i] * (1 - s));
        }
    }

    /** {@code y[i] = x > 0 ? x : (exp(x) - 1)·alpha}. */
    void elu(double alpha, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = x[i] > 0 ? x[i] : (Math.exp(x[i]) - 1) * alpha;
        }
    }

    /** elu's gradient, {@code x > 0 ? g : g·alpha·exp(x)}. */
    void eluBackward(double alpha, double[] g, double[] x, double[] gx, int from, int to) {
        for (int i = from; i < to; i++) {
            gx[i] = x[i] > 0 ? g[i] : g[i] * alpha * Math.exp(x[i]);
        }
    }

    /** {@code y[i] = x·beta > threshold ? x : log1p(exp(x·beta)) / beta}. */
    void softplus(double beta, double threshold, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = x[i] * beta > threshold ? x[i] : Math.log1p(Math.exp(x[i] * beta)) / beta;
        }
    }

    /** softplus's gradient, {@code x·beta > threshold ? g : g·z/(z + 1)} with {@code z = exp(x·beta)}. */
    void softplusBackward(double beta, double threshold, double[] g, double[] x, double[] gx, int from, int to) {
        for (int i = from; i < to; i++) {
            double z = Math.exp(x[i] * beta);
            gx[i] = x[i] * beta > threshold ? g[i] : g[i] * z / (z + 1);
        }
    }

    /**
     * Softmax's numerators over a contiguous row: {@code y[i] = exp(x[i] - shift)}, returning their
     * sum, added left to right.
     */
    double expShiftedSum(double[] x, double[] y, int from, int to, double shift) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            y[i] = Math.exp(x[i] - shift);
            sum += y[i];
        }
        return sum;
    }

    /** The largest element of a contiguous row, NaN if it holds one: softmax's {@code Softmax.rowMax}. */
    double max(double[] x, int from, int to) {
        return Softmax.rowMax(x, from, to - from, 1);
    }

    /** softmax's backward {@code Σ g[i]·y[i]} over a contiguous row, in {@code SoftmaxFn.dot}'s order. */
    double dot(double[] g, double[] y, int from, int to) {
        return Softmax.SoftmaxFn.dot(g, y, from, to - from, 1);
    }

    /** log_softmax's and logsumexp's {@code Σ exp(x[i] - shift)} over a contiguous row, left to right. */
    double sumExpShifted(double[] x, int from, int to, double shift) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.exp(x[i] - shift);
        }
        return sum;
    }

    /** logsumexp's gradient over a row: {@code gx[i] = g·exp(x[i] - shift)}. */
    void scaledExpShifted(double g, double[] x, double[] gx, int from, int to, double shift) {
        for (int i = from; i < to; i++) {
            gx[i] = g * Math.exp(x[i] - shift);
        }
    }

    /** log_softmax's gradient over a contiguous row: {@code gx[i] = g[i] - exp(y[i])·sum}. */
    void logSoftmaxGradient(double[] g, double[] y, double[] gx, int from, int to, double sum) {
        for (int i = from; i < to; i++) {
            gx[i] = g[i] - Math.exp(y[i]) * sum;
        }
    }

    /** The sum of {@code x[from, to)}, in the order {@link SumKernels#sumRun} documents. */
    double sum(double[] x, int from, int to) {
        return SumKernels.sumRun(x, from, to);
    }

    /** {@code out = left (rows × inner) · right (inner × cols)}, as {@link MatrixKernel#product}. */
    void product(View left, View right, double[] out, int outAt, int rows, int inner, int cols) {
        MatrixKernel.product(left, right, out, outAt, rows, inner, cols);
    }
}
