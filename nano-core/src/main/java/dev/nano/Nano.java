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

import static dev.nano.Checks.noNulls;
import static dev.nano.Checks.notNull;

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
        notNull("tensor", "data", values);
        return new Tensor(values.clone(), values.length);
    }

    /** A 2-D tensor from rows of equal length. */
    public static Tensor tensor(double[][] rows) {
        noNulls("tensor", "data", rows);
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] data = new double[Checks.numel("tensor", rows.length, cols)];
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
        noNulls("tensor", "data", blocks);
        if (blocks.length == 0) {
            return new Tensor(new double[0], 0, 0, 0);
        }
        Tensor first = tensor(blocks[0]);
        int block = first.numel();
        double[] data = new double[Checks.numel("tensor", blocks.length, block)];
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
        notNull("tensor", "data", values);
        notNull("tensor", "size", shape);
        return new Tensor(values.clone(), Shape.checkSizes("tensor", shape));
    }

    /** A 0-d tensor. */
    public static Tensor scalar(double value) {
        return new Tensor(new double[] {value}, new int[0]);
    }

    /** A bool tensor (for {@code where} conditions and masks). */
    public static Tensor boolTensor(boolean[] values, int... shape) {
        notNull("boolTensor", "data", values);
        notNull("boolTensor", "size", shape);
        double[] data = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = values[i] ? 1 : 0;
        }
        return new Tensor(data, Shape.checkSizes("boolTensor", shape), DType.BOOL);
    }

    /** 2^53: beyond it a double, which holds every tensor's values, no longer holds every integer. */
    private static final long MAX_EXACT_LONG = 1L << 53;

    /** An int64 tensor (for {@code gather} indices); values must lie within ±2^53. */
    public static Tensor longTensor(long[] values, int... shape) {
        notNull("longTensor", "data", values);
        notNull("longTensor", "size", shape);
        double[] data = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = values[i];
            if (values[i] > MAX_EXACT_LONG || values[i] < -MAX_EXACT_LONG) { // a double would round it: refuse
                throw new IllegalArgumentException("longTensor: " + values[i] + " at index " + i + " cannot be stored "
                        + "exactly: nano keeps int64 values in a double, exact only within \u00b12^53");
            }
        }
        return new Tensor(data, Shape.checkSizes("longTensor", shape), DType.INT64);
    }

    public static Tensor zeros(int... shape) {
        notNull("zeros", "size", shape);
        return full(shape, 0.0);
    }

    public static Tensor ones(int... shape) {
        notNull("ones", "size", shape);
        return full(shape, 1.0);
    }

    public static Tensor full(int[] shape, double value) {
        notNull("full", "size", shape);
        int[] checked = Shape.checkSizes("full", shape);
        double[] data = new double[Checks.numel("full", checked)];
        java.util.Arrays.fill(data, value);
        return new Tensor(data, checked);
    }

    public static Tensor zerosLike(Tensor t) {
        notNull("zerosLike", "input", t);
        return zeros(t.shape());
    }

    public static Tensor onesLike(Tensor t) {
        notNull("onesLike", "input", t);
        return ones(t.shape());
    }

    public static Tensor fullLike(Tensor t, double value) {
        notNull("fullLike", "input", t);
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
        // The length in long first: a range too long for one array must fail, not wrap or clamp.
        int n = Checks.numel("arange", (long) Math.ceil((end - start) / step));
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
        double[] data = new double[Checks.numel("eye", n, m)];
        for (int i = 0; i < Math.min(n, m); i++) {
            data[(int) ((long) i * m + i)] = 1;
        }
        return new Tensor(data, n, m);
    }

    /**
     * Uniform values in [0, 1) from the global generator ({@link dev.nano.nn.Init#manualSeed}), like
     * {@code torch.rand(2, 3)}: the arguments are the shape. Reproducible after {@code manualSeed}
     * as long as one thread draws; for anything concurrent pass a generator of your own.
     */
    public static Tensor rand(int... shape) {
        return rand(dev.nano.nn.Init.defaultGenerator(), shape);
    }

    /**
     * Uniform values in [0, 1) drawn from {@code generator} ({@code torch.rand(2, 3, generator=g)}):
     * {@code Nano.rand(new Random(42), 2, 3)} gives the same tensor every time. (nano's generator is
     * {@link Random}, so the values are not PyTorch's; only the distribution matches.)
     */
    public static Tensor rand(Random generator, int... shape) {
        return draw("rand", generator, shape, false);
    }

    /** Standard normal values from the global generator, like {@code torch.randn(2, 3)}. */
    public static Tensor randn(int... shape) {
        return randn(dev.nano.nn.Init.defaultGenerator(), shape);
    }

    /** Standard normal values drawn from {@code generator} ({@code torch.randn(2, 3, generator=g)}). */
    public static Tensor randn(Random generator, int... shape) {
        return draw("randn", generator, shape, true);
    }

    private static Tensor draw(String op, Random generator, int[] shape, boolean normal) {
        notNull(op, "generator", generator);
        notNull(op, "size", shape);
        double[] data = new double[Checks.numel(op, Shape.checkSizes(op, shape))];
        for (int i = 0; i < data.length; i++) {
            data[i] = normal ? generator.nextGaussian() : generator.nextDouble();
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

    public static Tensor add(Tensor a, Tensor b) {
        return Arithmetic.add(notNull("add", "input", a), notNull("add", "other", b));
    }
    public static Tensor add(Tensor a, double b) { return Arithmetic.add(notNull("add", "input", a), b); }
    public static Tensor add(double a, Tensor b) { return Arithmetic.add(notNull("add", "other", b), a); }
    public static Tensor sub(Tensor a, Tensor b) {
        return Arithmetic.sub(notNull("sub", "input", a), notNull("sub", "other", b));
    }
    public static Tensor sub(Tensor a, double b) { return Arithmetic.sub(notNull("sub", "input", a), b); }
    /** {@code a - b} with a scalar on the left (PyTorch's {@code rsub}). */
    public static Tensor sub(double a, Tensor b) { return Arithmetic.sub(a, notNull("sub", "other", b)); }
    public static Tensor mul(Tensor a, Tensor b) {
        return Arithmetic.mul(notNull("mul", "input", a), notNull("mul", "other", b));
    }
    public static Tensor mul(Tensor a, double b) { return Arithmetic.mul(notNull("mul", "input", a), b); }
    public static Tensor mul(double a, Tensor b) { return Arithmetic.mul(notNull("mul", "other", b), a); }
    public static Tensor div(Tensor a, Tensor b) {
        return Arithmetic.div(notNull("div", "input", a), notNull("div", "other", b));
    }
    public static Tensor div(Tensor a, double b) { return Arithmetic.div(notNull("div", "input", a), b); }
    /** {@code a / b} with a scalar on the left, as Python's {@code s / t}: {@code b.reciprocal() * a}. */
    public static Tensor div(double a, Tensor b) { return Arithmetic.div(a, notNull("div", "other", b)); }
    public static Tensor pow(Tensor base, Tensor exponent) {
        return Arithmetic.pow(notNull("pow", "input", base), notNull("pow", "exponent", exponent));
    }
    public static Tensor pow(Tensor base, double exponent) {
        return Arithmetic.pow(notNull("pow", "input", base), exponent);
    }
    /** {@code base ** exponent} with a scalar base. */
    public static Tensor pow(double base, Tensor exponent) {
        return Arithmetic.pow(base, notNull("pow", "exponent", exponent));
    }
    public static Tensor neg(Tensor x) { return Arithmetic.neg(notNull("neg", "input", x)); }

    // ---------------------------------------------------------------- elementwise

    public static Tensor exp(Tensor x) { return Unary.exp(notNull("exp", "input", x)); }
    public static Tensor log(Tensor x) { return Unary.log(notNull("log", "input", x)); }
    public static Tensor log1p(Tensor x) { return Unary.log1p(notNull("log1p", "input", x)); }
    public static Tensor expm1(Tensor x) { return Unary.expm1(notNull("expm1", "input", x)); }
    public static Tensor sqrt(Tensor x) { return Unary.sqrt(notNull("sqrt", "input", x)); }
    public static Tensor rsqrt(Tensor x) { return Unary.rsqrt(notNull("rsqrt", "input", x)); }
    public static Tensor abs(Tensor x) { return Unary.abs(notNull("abs", "input", x)); }
    public static Tensor sign(Tensor x) { return Unary.sign(notNull("sign", "input", x)); }
    public static Tensor reciprocal(Tensor x) { return Unary.reciprocal(notNull("reciprocal", "input", x)); }
    public static Tensor square(Tensor x) { return Unary.square(notNull("square", "input", x)); }
    public static Tensor sin(Tensor x) { return Unary.sin(notNull("sin", "input", x)); }
    public static Tensor cos(Tensor x) { return Unary.cos(notNull("cos", "input", x)); }
    public static Tensor tanh(Tensor x) { return Unary.tanh(notNull("tanh", "input", x)); }
    public static Tensor sigmoid(Tensor x) { return Unary.sigmoid(notNull("sigmoid", "input", x)); }
    public static Tensor relu(Tensor x) { return Unary.relu(notNull("relu", "input", x)); }
    /** Default negative slope 0.01, as {@code F.leaky_relu}. */
    public static Tensor leakyRelu(Tensor x) { return Unary.leakyRelu(notNull("leakyRelu", "input", x), 0.01); }
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return Unary.leakyRelu(notNull("leakyRelu", "input", x), negativeSlope);
    }
    /** Exact GELU, {@code x·Φ(x)}. */
    public static Tensor gelu(Tensor x) { return Unary.gelu(notNull("gelu", "input", x), "none"); }
    /** {@code approximate}: "none" or "tanh". */
    public static Tensor gelu(Tensor x, String approximate) {
        return Unary.gelu(notNull("gelu", "input", x), approximate);
    }
    public static Tensor silu(Tensor x) { return Unary.silu(notNull("silu", "input", x)); }
    /** Defaults beta 1, threshold 20, as {@code F.softplus}. */
    public static Tensor softplus(Tensor x) { return Unary.softplus(notNull("softplus", "input", x), 1.0, 20.0); }
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        return Unary.softplus(notNull("softplus", "input", x), beta, threshold);
    }
    /** Default alpha 1. */
    public static Tensor elu(Tensor x) { return Unary.elu(notNull("elu", "input", x), 1.0); }
    public static Tensor elu(Tensor x, double alpha) { return Unary.elu(notNull("elu", "input", x), alpha); }
    public static Tensor erf(Tensor x) { return Unary.erf(notNull("erf", "input", x)); }
    /** Scalar bounds, either may be null. */
    public static Tensor clamp(Tensor x, Double min, Double max) {
        return Selection.clamp(notNull("clamp", "input", x), min, max);
    }
    /** {@code x.clamp_min(min)}: unlike {@code clamp(x, min, null)}, a NaN bound makes every element NaN. */
    public static Tensor clampMin(Tensor x, double min) {
        return Selection.clampMin(notNull("clamp_min", "input", x), min);
    }
    /** {@code x.clamp_max(max)}: unlike {@code clamp(x, null, max)}, a NaN bound makes every element NaN. */
    public static Tensor clampMax(Tensor x, double max) {
        return Selection.clampMax(notNull("clamp_max", "input", x), max);
    }
    /** Tensor bounds (broadcasting), either may be null. */
    public static Tensor clamp(Tensor x, Tensor min, Tensor max) {
        return Selection.clamp(notNull("clamp", "input", x), min, max);
    }
    public static Tensor maximum(Tensor a, Tensor b) {
        return Selection.maximum(notNull("maximum", "input", a), notNull("maximum", "other", b));
    }
    public static Tensor minimum(Tensor a, Tensor b) {
        return Selection.minimum(notNull("minimum", "input", a), notNull("minimum", "other", b));
    }
    /** {@code a} where {@code condition} (a bool tensor) holds, else {@code b}; all three broadcast. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Selection.where(
                notNull("where", "condition", condition), notNull("where", "input", a), notNull("where", "other", b));
    }
    public static Tensor where(Tensor condition, Tensor a, double b) {
        return Selection.where(notNull("where", "condition", condition), notNull("where", "input", a), scalar(b));
    }
    public static Tensor where(Tensor condition, double a, Tensor b) {
        return Selection.where(notNull("where", "condition", condition), scalar(a), notNull("where", "other", b));
    }

    // ---------------------------------------------------------------- reductions

    public static Tensor sum(Tensor x) { return Reductions.sum(notNull("sum", "input", x), new int[0], false); }
    /** An empty (or null) {@code dims} reduces every dim. */
    public static Tensor sum(Tensor x, int[] dims, boolean keepdim) {
        return Reductions.sum(notNull("sum", "input", x), dims, keepdim);
    }
    public static Tensor mean(Tensor x) { return Reductions.mean(notNull("mean", "input", x), new int[0], false); }
    public static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        return Reductions.mean(notNull("mean", "input", x), dims, keepdim);
    }
    /** Unbiased variance over all elements. */
    public static Tensor var(Tensor x) { return Reductions.var(notNull("var", "input", x), new int[0], 1.0, false); }
    /** Variance dividing by {@code N - correction}. */
    public static Tensor var(Tensor x, int[] dims, double correction, boolean keepdim) {
        return Reductions.var(notNull("var", "input", x), dims, correction, keepdim);
    }
    public static Tensor std(Tensor x) { return Reductions.std(notNull("std", "input", x), new int[0], 1.0, false); }
    public static Tensor std(Tensor x, int[] dims, double correction, boolean keepdim) {
        return Reductions.std(notNull("std", "input", x), dims, correction, keepdim);
    }
    public static Tensor prod(Tensor x) { return Reductions.prod(notNull("prod", "input", x)); }
    public static Tensor prod(Tensor x, int dim, boolean keepdim) {
        return Reductions.prod(notNull("prod", "input", x), dim, keepdim);
    }
    public static Tensor amax(Tensor x, int[] dims, boolean keepdim) {
        return Reductions.amax(notNull("amax", "input", x), dims, keepdim);
    }
    public static Tensor amin(Tensor x, int[] dims, boolean keepdim) {
        return Reductions.amin(notNull("amin", "input", x), dims, keepdim);
    }
    public static Tensor max(Tensor x) { return Reductions.max(notNull("max", "input", x)); }
    public static ValuesIndices max(Tensor x, int dim, boolean keepdim) {
        return Reductions.max(notNull("max", "input", x), dim, keepdim);
    }
    public static Tensor min(Tensor x) { return Reductions.min(notNull("min", "input", x)); }
    public static ValuesIndices min(Tensor x, int dim, boolean keepdim) {
        return Reductions.min(notNull("min", "input", x), dim, keepdim);
    }
    /** Index into the flattened tensor. */
    public static Tensor argmax(Tensor x) { return Reductions.argmax(notNull("argmax", "input", x)); }
    public static Tensor argmax(Tensor x, int dim, boolean keepdim) {
        return Reductions.argmax(notNull("argmax", "input", x), dim, keepdim);
    }
    public static Tensor argmin(Tensor x) { return Reductions.argmin(notNull("argmin", "input", x)); }
    public static Tensor argmin(Tensor x, int dim, boolean keepdim) {
        return Reductions.argmin(notNull("argmin", "input", x), dim, keepdim);
    }
    public static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        return Reductions.logsumexp(notNull("logsumexp", "input", x), dims, keepdim);
    }
    public static Tensor softmax(Tensor x, int dim) { return Reductions.softmax(notNull("softmax", "input", x), dim); }
    public static Tensor logSoftmax(Tensor x, int dim) {
        return Reductions.logSoftmax(notNull("logSoftmax", "input", x), dim);
    }

    // ---------------------------------------------------------------- linear algebra

    /** PyTorch's matmul: dot, matrix-vector, matrix-matrix, or batched with broadcast batch dims. */
    public static Tensor matmul(Tensor a, Tensor b) {
        return LinAlg.matmul(notNull("matmul", "input", a), notNull("matmul", "other", b));
    }
    public static Tensor mm(Tensor a, Tensor b) {
        return LinAlg.mm(notNull("mm", "input", a), notNull("mm", "other", b));
    }
    public static Tensor dot(Tensor a, Tensor b) {
        return LinAlg.dot(notNull("dot", "input", a), notNull("dot", "other", b));
    }
    public static Tensor t(Tensor x) { return LinAlg.t(notNull("t", "input", x)); }

    // ---------------------------------------------------------------- movement

    public static Tensor reshape(Tensor x, int... shape) {
        return Movement.reshape(notNull("reshape", "input", x), notNull("reshape", "shape", shape));
    }
    public static Tensor view(Tensor x, int... shape) {
        return Movement.view(notNull("view", "input", x), notNull("view", "shape", shape));
    }
    public static Tensor flatten(Tensor x, int startDim, int endDim) {
        return Movement.flatten(notNull("flatten", "input", x), startDim, endDim);
    }
    public static Tensor squeeze(Tensor x) { return Movement.squeeze(notNull("squeeze", "input", x)); }
    public static Tensor squeeze(Tensor x, int[] dims) {
        return Movement.squeeze(notNull("squeeze", "input", x), notNull("squeeze", "dim", dims));
    }
    public static Tensor unsqueeze(Tensor x, int dim) {
        return Movement.unsqueeze(notNull("unsqueeze", "input", x), dim);
    }
    public static Tensor transpose(Tensor x, int dim0, int dim1) {
        return Movement.transpose(notNull("transpose", "input", x), dim0, dim1);
    }
    public static Tensor permute(Tensor x, int... dims) {
        return Movement.permute(notNull("permute", "input", x), notNull("permute", "dim", dims));
    }
    public static Tensor expand(Tensor x, int... sizes) {
        return Movement.expand(notNull("expand", "input", x), notNull("expand", "size", sizes));
    }
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return Movement.cat(noNulls("cat", "tensors", notNull("cat", "tensors", tensors).toArray(new Tensor[0])), dim);
    }
    public static Tensor cat(Tensor[] tensors, int dim) {
        return Movement.cat(noNulls("cat", "tensors", tensors), dim);
    }
    public static Tensor stack(List<Tensor> tensors, int dim) {
        return Movement.stack(
                noNulls("stack", "tensors", notNull("stack", "tensors", tensors).toArray(new Tensor[0])), dim);
    }
    public static Tensor stack(Tensor[] tensors, int dim) {
        return Movement.stack(noNulls("stack", "tensors", tensors), dim);
    }
    public static Tensor narrow(Tensor x, int dim, int start, int length) {
        return Movement.narrow(notNull("narrow", "input", x), dim, start, length);
    }
    public static Tensor select(Tensor x, int dim, int index) {
        return Movement.select(notNull("select", "input", x), dim, index);
    }
    public static Tensor index(Tensor x, Slice... slices) {
        return Movement.index(notNull("index", "input", x), noNulls("index", "indices", slices));
    }
    public static Tensor gather(Tensor x, int dim, Tensor index) {
        return Movement.gather(notNull("gather", "input", x), dim, notNull("gather", "index", index));
    }
    /** {@code F.pad(x, pad, mode="constant", value)}. */
    public static Tensor pad(Tensor x, int[] pad, double value) {
        return Movement.pad(notNull("pad", "input", x), notNull("pad", "pad", pad), value);
    }
    public static Tensor clone(Tensor x) { return Movement.clone(notNull("clone", "input", x)); }

    // ---------------------------------------------------------------- comparisons

    public static Tensor lt(Tensor a, Tensor b) {
        return Comparisons.lt(notNull("lt", "input", a), notNull("lt", "other", b));
    }
    public static Tensor lt(Tensor a, double b) { return Comparisons.lt(notNull("lt", "input", a), scalar(b)); }
    public static Tensor lt(double a, Tensor b) { return Comparisons.lt(scalar(a), notNull("lt", "other", b)); }
    public static Tensor le(Tensor a, Tensor b) {
        return Comparisons.le(notNull("le", "input", a), notNull("le", "other", b));
    }
    public static Tensor le(Tensor a, double b) { return Comparisons.le(notNull("le", "input", a), scalar(b)); }
    public static Tensor le(double a, Tensor b) { return Comparisons.le(scalar(a), notNull("le", "other", b)); }
    public static Tensor gt(Tensor a, Tensor b) {
        return Comparisons.gt(notNull("gt", "input", a), notNull("gt", "other", b));
    }
    public static Tensor gt(Tensor a, double b) { return Comparisons.gt(notNull("gt", "input", a), scalar(b)); }
    public static Tensor gt(double a, Tensor b) { return Comparisons.gt(scalar(a), notNull("gt", "other", b)); }
    public static Tensor ge(Tensor a, Tensor b) {
        return Comparisons.ge(notNull("ge", "input", a), notNull("ge", "other", b));
    }
    public static Tensor ge(Tensor a, double b) { return Comparisons.ge(notNull("ge", "input", a), scalar(b)); }
    public static Tensor ge(double a, Tensor b) { return Comparisons.ge(scalar(a), notNull("ge", "other", b)); }
    public static Tensor eq(Tensor a, Tensor b) {
        return Comparisons.eq(notNull("eq", "input", a), notNull("eq", "other", b));
    }
    public static Tensor eq(Tensor a, double b) { return Comparisons.eq(notNull("eq", "input", a), scalar(b)); }
    public static Tensor eq(double a, Tensor b) { return Comparisons.eq(scalar(a), notNull("eq", "other", b)); }
    public static Tensor ne(Tensor a, Tensor b) {
        return Comparisons.ne(notNull("ne", "input", a), notNull("ne", "other", b));
    }
    public static Tensor ne(Tensor a, double b) { return Comparisons.ne(notNull("ne", "input", a), scalar(b)); }
    public static Tensor ne(double a, Tensor b) { return Comparisons.ne(scalar(a), notNull("ne", "other", b)); }
}
