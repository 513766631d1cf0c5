package dev.nano;

import dev.nano.autograd.GradMode;
import dev.nano.ops.Arithmetic;
import dev.nano.ops.Comparisons;
import dev.nano.ops.LinAlg;
import dev.nano.ops.Movement;
import dev.nano.ops.Reductions;
import dev.nano.ops.Selection;
import dev.nano.ops.Unary;

import java.util.List;
import java.util.Random;

/**
 * The functional forms of every operator ({@code Nano.add(a, b)}, {@code Nano.sub(2.0, t)}), the
 * tensor factories, and the grad-mode scopes. The math of each operator lives in
 * {@code dev.nano.ops}; this class is the one place a user looks for names.
 */
public final class Nano {
    private Nano() {
    }

    // ---------------------------------------------------------------- grad mode

    /** {@code try (var g = Nano.noGrad()) {...}}: nothing inside is recorded for backward. */
    public static GradMode.Scope noGrad() {
        return GradMode.set(false);
    }

    /** Turns recording back on inside a {@link #noGrad()} scope. */
    public static GradMode.Scope enableGrad() {
        return GradMode.set(true);
    }

    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    // ---------------------------------------------------------------- factories

    /** A 1-D tensor. */
    public static Tensor tensor(double... values) {
        return new Tensor(values.clone(), values.length);
    }

    /** A 2-D tensor from rows of equal length. */
    public static Tensor tensor(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] data = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("tensor: expected sequence of length " + cols + " at dim 1 (got "
                        + rows[r].length + ")");
            }
            System.arraycopy(rows[r], 0, data, r * cols, cols);
        }
        return new Tensor(data, rows.length, cols);
    }

    /** A 3-D tensor from blocks of equal shape. */
    public static Tensor tensor(double[][][] blocks) {
        if (blocks.length == 0) {
            return new Tensor(new double[0], 0, 0, 0);
        }
        Tensor first = tensor(blocks[0]);
        int block = first.numel();
        double[] data = new double[blocks.length * block];
        for (int b = 0; b < blocks.length; b++) {
            Tensor t = tensor(blocks[b]);
            if (t.size(0) != first.size(0) || t.size(1) != first.size(1)) {
                throw new IllegalArgumentException("tensor: expected blocks of shape " + Shape.toString(first.shape())
                        + " (got " + Shape.toString(t.shape()) + " at index " + b + ")");
            }
            System.arraycopy(t.data(), 0, data, b * block, block);
        }
        return new Tensor(data, blocks.length, first.size(0), first.size(1));
    }

    /** Values (row-major, copied) viewed as {@code shape}. */
    public static Tensor tensor(double[] values, int... shape) {
        return new Tensor(values.clone(), Shape.checkSizes("tensor", shape));
    }

    /** A 0-d tensor. */
    public static Tensor scalar(double value) {
        return new Tensor(new double[] {value}, new int[0]);
    }

    /** A bool tensor (for {@code where} conditions and masks). */
    public static Tensor boolTensor(boolean[] values, int... shape) {
        double[] data = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = values[i] ? 1 : 0;
        }
        return new Tensor(data, Shape.checkSizes("boolTensor", shape), DType.BOOL);
    }

    /** An int64 tensor (for {@code gather} indices). */
    public static Tensor longTensor(long[] values, int... shape) {
        double[] data = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = values[i];
        }
        return new Tensor(data, Shape.checkSizes("longTensor", shape), DType.INT64);
    }

    public static Tensor zeros(int... shape) {
        return full(shape, 0.0);
    }

    public static Tensor ones(int... shape) {
        return full(shape, 1.0);
    }

    public static Tensor full(int[] shape, double value) {
        int[] checked = Shape.checkSizes("full", shape);
        double[] data = new double[Shape.numel(checked)];
        java.util.Arrays.fill(data, value);
        return new Tensor(data, checked);
    }

    public static Tensor zerosLike(Tensor t) {
        return zeros(t.shape());
    }

    public static Tensor onesLike(Tensor t) {
        return ones(t.shape());
    }

    public static Tensor fullLike(Tensor t, double value) {
        return full(t.shape(), value);
    }

    /** {@code [0, 1, ..., end)}. Unlike PyTorch (int64 for integer bounds), always float64. */
    public static Tensor arange(double end) {
        return arange(0, end, 1);
    }

    public static Tensor arange(double start, double end) {
        return arange(start, end, 1);
    }

    /** {@code start, start + step, ...} up to but excluding {@code end}; PyTorch's length rule. */
    public static Tensor arange(double start, double end, double step) {
        if (!(step > 0 || step < 0)) { // 0 or NaN
            throw new IllegalArgumentException("arange: step must be nonzero");
        }
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("arange: unsupported range: " + cppDouble(start) + " -> "
                    + cppDouble(end));
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw new IllegalArgumentException("arange: upper bound and larger bound inconsistent with step sign");
        }
        int n = (int) Math.ceil((end - start) / step);
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = start + i * step;
        }
        return new Tensor(data, n);
    }

    /** A double as C++'s {@code operator<<} prints it (as PyTorch's messages show it): 0, 2.5, inf, nan, 1e+06. */
    private static String cppDouble(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0" : "0";
        }
        // %g with 6 significant digits, trailing zeros dropped.
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(6));
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String mantissa = d.movePointLeft(exponent).stripTrailingZeros().toPlainString();
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                    + Math.abs(exponent);
        }
        return d.stripTrailingZeros().toPlainString();
    }

    /**
     * {@code steps} evenly spaced values from start to end inclusive. As in PyTorch's kernel, the
     * first half counts up from start and the second half down from end, so both ends are exact.
     */
    public static Tensor linspace(double start, double end, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("linspace: number of steps must be non-negative");
        }
        double[] data = new double[steps];
        if (steps == 1) {
            data[0] = start;
        } else if (steps > 1) {
            double step = (end - start) / (steps - 1);
            int half = steps / 2;
            for (int i = 0; i < steps; i++) {
                data[i] = i < half ? start + step * i : end - step * (steps - i - 1);
            }
        }
        return new Tensor(data, steps);
    }

    /** The n×n identity. */
    public static Tensor eye(int n) {
        return eye(n, n);
    }

    /** An n×m matrix with ones on the diagonal. */
    public static Tensor eye(int n, int m) {
        if (n < 0) {
            throw new IllegalArgumentException("eye: n must be greater or equal to 0, got " + n);
        }
        if (m < 0) {
            throw new IllegalArgumentException("eye: m must be greater or equal to 0, got " + m);
        }
        double[] data = new double[n * m];
        for (int i = 0; i < Math.min(n, m); i++) {
            data[i * m + i] = 1;
        }
        return new Tensor(data, n, m);
    }

    /**
     * Uniform values in [0, 1) from a generator seeded with {@code seed}: the same seed gives the
     * same tensor. (PyTorch's own generator cannot be reproduced; only the distribution matches.)
     */
    public static Tensor rand(long seed, int... shape) {
        Random random = new Random(seed);
        double[] data = new double[Shape.numel(Shape.checkSizes("rand", shape))];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextDouble();
        }
        return new Tensor(data, shape);
    }

    /** Standard normal values from a generator seeded with {@code seed}. */
    public static Tensor randn(long seed, int... shape) {
        Random random = new Random(seed);
        double[] data = new double[Shape.numel(Shape.checkSizes("randn", shape))];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextGaussian();
        }
        return new Tensor(data, shape);
    }

    /**
     * A random permutation of {@code 0 … n−1} as an int64 tensor ({@code torch.randperm(n,
     * generator=g)}), drawn from {@code generator} by a Fisher–Yates shuffle: the same generator
     * state gives the same permutation. (PyTorch's generator cannot be reproduced, so neither can
     * its permutations; {@code DataLoader} shuffles with this.)
     */
    public static Tensor randperm(int n, Random generator) {
        if (n < 0) {
            throw new IllegalArgumentException("randperm: n must be non-negative, got " + n);
        }
        double[] perm = new double[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = generator.nextInt(i + 1);
            double swap = perm[i];
            perm[i] = perm[j];
            perm[j] = swap;
        }
        return new Tensor(perm, new int[] {n}, DType.INT64);
    }

    // ---------------------------------------------------------------- arithmetic

    public static Tensor add(Tensor a, Tensor b) { return Arithmetic.add(a, b); }
    public static Tensor add(Tensor a, double b) { return Arithmetic.add(a, b); }
    public static Tensor add(double a, Tensor b) { return Arithmetic.add(b, a); }
    public static Tensor sub(Tensor a, Tensor b) { return Arithmetic.sub(a, b); }
    public static Tensor sub(Tensor a, double b) { return Arithmetic.sub(a, b); }
    /** {@code a - b} with a scalar on the left (PyTorch's {@code rsub}). */
    public static Tensor sub(double a, Tensor b) { return Arithmetic.sub(a, b); }
    public static Tensor mul(Tensor a, Tensor b) { return Arithmetic.mul(a, b); }
    public static Tensor mul(Tensor a, double b) { return Arithmetic.mul(a, b); }
    public static Tensor mul(double a, Tensor b) { return Arithmetic.mul(b, a); }
    public static Tensor div(Tensor a, Tensor b) { return Arithmetic.div(a, b); }
    public static Tensor div(Tensor a, double b) { return Arithmetic.div(a, b); }
    /** {@code a / b} with a scalar on the left. */
    public static Tensor div(double a, Tensor b) { return Arithmetic.div(a, b); }
    public static Tensor pow(Tensor base, Tensor exponent) { return Arithmetic.pow(base, exponent); }
    public static Tensor pow(Tensor base, double exponent) { return Arithmetic.pow(base, exponent); }
    /** {@code base ** exponent} with a scalar base. */
    public static Tensor pow(double base, Tensor exponent) { return Arithmetic.pow(base, exponent); }
    public static Tensor neg(Tensor x) { return Arithmetic.neg(x); }

    // ---------------------------------------------------------------- elementwise

    public static Tensor exp(Tensor x) { return Unary.exp(x); }
    public static Tensor log(Tensor x) { return Unary.log(x); }
    public static Tensor log1p(Tensor x) { return Unary.log1p(x); }
    public static Tensor expm1(Tensor x) { return Unary.expm1(x); }
    public static Tensor sqrt(Tensor x) { return Unary.sqrt(x); }
    public static Tensor rsqrt(Tensor x) { return Unary.rsqrt(x); }
    public static Tensor abs(Tensor x) { return Unary.abs(x); }
    public static Tensor sign(Tensor x) { return Unary.sign(x); }
    public static Tensor reciprocal(Tensor x) { return Unary.reciprocal(x); }
    public static Tensor square(Tensor x) { return Unary.square(x); }
    public static Tensor sin(Tensor x) { return Unary.sin(x); }
    public static Tensor cos(Tensor x) { return Unary.cos(x); }
    public static Tensor tanh(Tensor x) { return Unary.tanh(x); }
    public static Tensor sigmoid(Tensor x) { return Unary.sigmoid(x); }
    public static Tensor relu(Tensor x) { return Unary.relu(x); }
    /** Default negative slope 0.01, as {@code F.leaky_relu}. */
    public static Tensor leakyRelu(Tensor x) { return Unary.leakyRelu(x, 0.01); }
    public static Tensor leakyRelu(Tensor x, double negativeSlope) { return Unary.leakyRelu(x, negativeSlope); }
    /** Exact GELU, {@code x·Φ(x)}. */
    public static Tensor gelu(Tensor x) { return Unary.gelu(x, "none"); }
    /** {@code approximate}: "none" or "tanh". */
    public static Tensor gelu(Tensor x, String approximate) { return Unary.gelu(x, approximate); }
    public static Tensor silu(Tensor x) { return Unary.silu(x); }
    /** Defaults beta 1, threshold 20, as {@code F.softplus}. */
    public static Tensor softplus(Tensor x) { return Unary.softplus(x, 1.0, 20.0); }
    public static Tensor softplus(Tensor x, double beta, double threshold) { return Unary.softplus(x, beta, threshold); }
    /** Default alpha 1. */
    public static Tensor elu(Tensor x) { return Unary.elu(x, 1.0); }
    public static Tensor elu(Tensor x, double alpha) { return Unary.elu(x, alpha); }
    public static Tensor erf(Tensor x) { return Unary.erf(x); }
    /** Scalar bounds, either may be null. */
    public static Tensor clamp(Tensor x, Double min, Double max) { return Selection.clamp(x, min, max); }
    /** Tensor bounds (broadcasting), either may be null. */
    public static Tensor clamp(Tensor x, Tensor min, Tensor max) { return Selection.clamp(x, min, max); }
    public static Tensor maximum(Tensor a, Tensor b) { return Selection.maximum(a, b); }
    public static Tensor minimum(Tensor a, Tensor b) { return Selection.minimum(a, b); }
    /** {@code a} where {@code condition} (a bool tensor) holds, else {@code b}; all three broadcast. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) { return Selection.where(condition, a, b); }
    public static Tensor where(Tensor condition, Tensor a, double b) { return Selection.where(condition, a, scalar(b)); }
    public static Tensor where(Tensor condition, double a, Tensor b) { return Selection.where(condition, scalar(a), b); }

    // ---------------------------------------------------------------- reductions

    public static Tensor sum(Tensor x) { return Reductions.sum(x, new int[0], false); }
    /** An empty {@code dims} reduces every dim. */
    public static Tensor sum(Tensor x, int[] dims, boolean keepdim) { return Reductions.sum(x, dims, keepdim); }
    public static Tensor mean(Tensor x) { return Reductions.mean(x, new int[0], false); }
    public static Tensor mean(Tensor x, int[] dims, boolean keepdim) { return Reductions.mean(x, dims, keepdim); }
    /** Unbiased variance over all elements. */
    public static Tensor var(Tensor x) { return Reductions.var(x, new int[0], 1.0, false); }
    /** Variance dividing by {@code N - correction}. */
    public static Tensor var(Tensor x, int[] dims, double correction, boolean keepdim) { return Reductions.var(x, dims, correction, keepdim); }
    public static Tensor std(Tensor x) { return Reductions.std(x, new int[0], 1.0, false); }
    public static Tensor std(Tensor x, int[] dims, double correction, boolean keepdim) { return Reductions.std(x, dims, correction, keepdim); }
    public static Tensor prod(Tensor x) { return Reductions.prod(x); }
    public static Tensor prod(Tensor x, int dim, boolean keepdim) { return Reductions.prod(x, dim, keepdim); }
    public static Tensor amax(Tensor x, int[] dims, boolean keepdim) { return Reductions.amax(x, dims, keepdim); }
    public static Tensor amin(Tensor x, int[] dims, boolean keepdim) { return Reductions.amin(x, dims, keepdim); }
    public static Tensor max(Tensor x) { return Reductions.max(x); }
    public static ValuesIndices max(Tensor x, int dim, boolean keepdim) { return Reductions.max(x, dim, keepdim); }
    public static Tensor min(Tensor x) { return Reductions.min(x); }
    public static ValuesIndices min(Tensor x, int dim, boolean keepdim) { return Reductions.min(x, dim, keepdim); }
    /** Index into the flattened tensor. */
    public static Tensor argmax(Tensor x) { return Reductions.argmax(x); }
    public static Tensor argmax(Tensor x, int dim, boolean keepdim) { return Reductions.argmax(x, dim, keepdim); }
    public static Tensor argmin(Tensor x) { return Reductions.argmin(x); }
    public static Tensor argmin(Tensor x, int dim, boolean keepdim) { return Reductions.argmin(x, dim, keepdim); }
    public static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) { return Reductions.logsumexp(x, dims, keepdim); }
    public static Tensor softmax(Tensor x, int dim) { return Reductions.softmax(x, dim); }
    public static Tensor logSoftmax(Tensor x, int dim) { return Reductions.logSoftmax(x, dim); }

    // ---------------------------------------------------------------- linear algebra

    /** PyTorch's matmul: dot, matrix-vector, matrix-matrix, or batched with broadcast batch dims. */
    public static Tensor matmul(Tensor a, Tensor b) { return LinAlg.matmul(a, b); }
    public static Tensor mm(Tensor a, Tensor b) { return LinAlg.mm(a, b); }
    public static Tensor dot(Tensor a, Tensor b) { return LinAlg.dot(a, b); }
    public static Tensor t(Tensor x) { return LinAlg.t(x); }

    // ---------------------------------------------------------------- movement

    public static Tensor reshape(Tensor x, int... shape) { return Movement.reshape(x, shape); }
    public static Tensor view(Tensor x, int... shape) { return Movement.view(x, shape); }
    public static Tensor flatten(Tensor x, int startDim, int endDim) { return Movement.flatten(x, startDim, endDim); }
    public static Tensor squeeze(Tensor x) { return Movement.squeeze(x); }
    public static Tensor squeeze(Tensor x, int[] dims) { return Movement.squeeze(x, dims); }
    public static Tensor unsqueeze(Tensor x, int dim) { return Movement.unsqueeze(x, dim); }
    public static Tensor transpose(Tensor x, int dim0, int dim1) { return Movement.transpose(x, dim0, dim1); }
    public static Tensor permute(Tensor x, int... dims) { return Movement.permute(x, dims); }
    public static Tensor expand(Tensor x, int... sizes) { return Movement.expand(x, sizes); }
    public static Tensor cat(List<Tensor> tensors, int dim) { return Movement.cat(tensors.toArray(new Tensor[0]), dim); }
    public static Tensor cat(Tensor[] tensors, int dim) { return Movement.cat(tensors, dim); }
    public static Tensor stack(List<Tensor> tensors, int dim) { return Movement.stack(tensors.toArray(new Tensor[0]), dim); }
    public static Tensor stack(Tensor[] tensors, int dim) { return Movement.stack(tensors, dim); }
    public static Tensor narrow(Tensor x, int dim, int start, int length) { return Movement.narrow(x, dim, start, length); }
    public static Tensor select(Tensor x, int dim, int index) { return Movement.select(x, dim, index); }
    public static Tensor index(Tensor x, Slice... slices) { return Movement.index(x, slices); }
    public static Tensor gather(Tensor x, int dim, Tensor index) { return Movement.gather(x, dim, index); }
    /** {@code F.pad(x, pad, mode="constant", value)}. */
    public static Tensor pad(Tensor x, int[] pad, double value) { return Movement.pad(x, pad, value); }
    public static Tensor clone(Tensor x) { return Movement.clone(x); }

    // ---------------------------------------------------------------- comparisons

    public static Tensor lt(Tensor a, Tensor b) { return Comparisons.lt(a, b); }
    public static Tensor lt(Tensor a, double b) { return Comparisons.lt(a, scalar(b)); }
    public static Tensor lt(double a, Tensor b) { return Comparisons.lt(scalar(a), b); }
    public static Tensor le(Tensor a, Tensor b) { return Comparisons.le(a, b); }
    public static Tensor le(Tensor a, double b) { return Comparisons.le(a, scalar(b)); }
    public static Tensor le(double a, Tensor b) { return Comparisons.le(scalar(a), b); }
    public static Tensor gt(Tensor a, Tensor b) { return Comparisons.gt(a, b); }
    public static Tensor gt(Tensor a, double b) { return Comparisons.gt(a, scalar(b)); }
    public static Tensor gt(double a, Tensor b) { return Comparisons.gt(scalar(a), b); }
    public static Tensor ge(Tensor a, Tensor b) { return Comparisons.ge(a, b); }
    public static Tensor ge(Tensor a, double b) { return Comparisons.ge(a, scalar(b)); }
    public static Tensor ge(double a, Tensor b) { return Comparisons.ge(scalar(a), b); }
    public static Tensor eq(Tensor a, Tensor b) { return Comparisons.eq(a, b); }
    public static Tensor eq(Tensor a, double b) { return Comparisons.eq(a, scalar(b)); }
    public static Tensor eq(double a, Tensor b) { return Comparisons.eq(scalar(a), b); }
    public static Tensor ne(Tensor a, Tensor b) { return Comparisons.ne(a, b); }
    public static Tensor ne(Tensor a, double b) { return Comparisons.ne(a, scalar(b)); }
    public static Tensor ne(double a, Tensor b) { return Comparisons.ne(scalar(a), b); }
}
