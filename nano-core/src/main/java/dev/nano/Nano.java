package dev.nano;

import dev.nano.autograd.GradMode;
import dev.nano.ops.Arithmetic;
import dev.nano.ops.Arrangement;
import dev.nano.ops.Comparisons;
import dev.nano.ops.LinAlg;
import dev.nano.ops.Movement;
import dev.nano.ops.Ordering;
import dev.nano.ops.Reductions;
import dev.nano.ops.Scattering;
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

    /**
     * {@code try (var g = Nano.noGrad()) {...}}: nothing inside is recorded for backward.
     * @return a scope whose {@code close()} restores the previous grad mode
     */
    public static GradMode.Scope noGrad() {
        return GradMode.set(false);
    }

    /**
     * Turns recording back on inside a {@link #noGrad()} scope.
     * @return a scope whose {@code close()} restores the previous grad mode
     */
    public static GradMode.Scope enableGrad() {
        return GradMode.set(true);
    }

    /**
     * {@code torch.is_grad_enabled()}: whether operations on tensors that require grad are recorded right now.
     * @return false inside a {@link #noGrad()} scope, true otherwise
     */
    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    // ---------------------------------------------------------------- factories

    /**
     * A 1-D tensor.
     * @param values the elements, row-major; copied
     * @return a float64 tensor of shape {@code [values.length]}
     */
    public static Tensor tensor(double... values) {
        notNull("tensor", "data", values);
        return new Tensor(values.clone(), values.length);
    }

    /**
     * A 2-D tensor from rows of equal length.
     * @param rows the rows; each must have the same length
     * @return a float64 tensor of shape {@code [rows, cols]}
     */
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

    /**
     * A 3-D tensor from blocks of equal shape.
     * @param blocks the 2-D blocks; each must have the same shape
     * @return a float64 tensor of shape {@code [blocks, rows, cols]}
     */
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

    /**
     * Values (row-major, copied) viewed as {@code shape}.
     * @param values the elements, row-major; copied
     * @param shape the sizes of the result's dims
     * @return a float64 tensor of the given shape; {@code values.length} must equal its element count
     */
    public static Tensor tensor(double[] values, int... shape) {
        notNull("tensor", "data", values);
        notNull("tensor", "size", shape);
        return new Tensor(values.clone(), Shape.checkSizes("tensor", shape));
    }

    /**
     * A 0-d tensor.
     * @param value the single element
     * @return a float64 tensor of shape {@code []}
     */
    public static Tensor scalar(double value) {
        return new Tensor(new double[] {value}, new int[0]);
    }

    /**
     * A bool tensor (for {@code where} conditions and masks).
     * @param values the elements, row-major; {@code true} is stored as 1
     * @param shape the sizes of the result's dims
     * @return a bool tensor of the given shape
     */
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

    /**
     * An int64 tensor (for {@code gather} indices); values must lie within ±2^53.
     * @param values the indices, row-major
     * @param shape the sizes of the result's dims
     * @return an int64 tensor of the given shape
     */
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

    /**
     * {@code torch.zeros(*shape)}: a float64 tensor filled with 0.
     * @param shape the sizes of the result's dims
     * @return a new tensor of the given shape
     */
    public static Tensor zeros(int... shape) {
        notNull("zeros", "size", shape);
        return full(shape, 0.0);
    }

    /**
     * {@code torch.ones(*shape)}: a float64 tensor filled with 1.
     * @param shape the sizes of the result's dims
     * @return a new tensor of the given shape
     */
    public static Tensor ones(int... shape) {
        notNull("ones", "size", shape);
        return full(shape, 1.0);
    }

    /**
     * {@code torch.full(shape, value)}: a float64 tensor with every element equal to {@code value}.
     * @param shape the sizes of the result's dims
     * @param value the fill value
     * @return a new tensor of the given shape
     */
    public static Tensor full(int[] shape, double value) {
        notNull("full", "size", shape);
        int[] checked = Shape.checkSizes("full", shape);
        double[] data = new double[Checks.numel("full", checked)];
        java.util.Arrays.fill(data, value);
        return new Tensor(data, checked);
    }

    /**
     * {@code torch.zeros_like(t)}: zeros in the shape of {@code t}.
     * @param t the tensor whose shape the result copies
     * @return a new float64 tensor
     */
    public static Tensor zerosLike(Tensor t) {
        notNull("zerosLike", "input", t);
        return zeros(t.shape());
    }

    /**
     * {@code torch.ones_like(t)}: ones in the shape of {@code t}.
     * @param t the tensor whose shape the result copies
     * @return a new float64 tensor
     */
    public static Tensor onesLike(Tensor t) {
        notNull("onesLike", "input", t);
        return ones(t.shape());
    }

    /**
     * {@code torch.full_like(t, value)}: {@code value} in the shape of {@code t}.
     * @param t the tensor whose shape the result copies
     * @param value the fill value
     * @return a new float64 tensor
     */
    public static Tensor fullLike(Tensor t, double value) {
        notNull("fullLike", "input", t);
        return full(t.shape(), value);
    }

    /**
     * {@code [0, 1, ..., end)}. Unlike PyTorch (int64 for integer bounds), always float64.
     * @param end the exclusive upper bound
     * @return a 1-D tensor of {@code ceil(end)} values
     */
    public static Tensor arange(double end) {
        return arange(0, end, 1);
    }

    /**
     * {@code torch.arange(start, end)}: {@code start, start + 1, ...} up to but excluding {@code end}, always float64.
     * @param start the first value
     * @param end the exclusive bound
     * @return a 1-D tensor of {@code ceil(end - start)} values
     */
    public static Tensor arange(double start, double end) {
        return arange(start, end, 1);
    }

    /**
     * {@code start, start + step, ...} up to but excluding {@code end}; PyTorch's length rule.
     * @param start the first value
     * @param end the exclusive bound
     * @param step the increment; non-zero, negative counts down
     * @return a 1-D tensor of {@code ceil((end - start) / step)} values
     */
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
     * {@code torch.linspace(start, end, steps)} with 0-d tensor bounds (their values are read; no gradient
     * flows into them, as in PyTorch).
     * @param start a 0-d tensor: the first value
     * @param end a 0-d tensor: the last value
     * @param steps how many values; 1 gives {@code [start]}, 0 an empty tensor
     * @return a 1-D float64 tensor of {@code steps} values
     */
    public static Tensor linspace(Tensor start, Tensor end, int steps) {
        notNull("linspace", "start", start);
        notNull("linspace", "end", end);
        if (start.dim() != 0 || end.dim() != 0) { // aten's linspace.Tensor_Tensor, word for word
            throw new IllegalArgumentException("linspace only supports 0-dimensional start and end tensors, but got "
                    + "start with " + start.dim() + " dimension(s) and end with " + end.dim() + " dimension(s).");
        }
        return linspace(start.item(), end.item(), steps);
    }

    /**
     * {@code steps} evenly spaced values from start to end inclusive. As in PyTorch's kernel, the
     * first half counts up from start and the second half down from end, so both ends are exact.
     * @param start the first value
     * @param end the last value
     * @param steps how many values; 1 gives {@code [start]}, 0 an empty tensor
     * @return a 1-D float64 tensor of {@code steps} values
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

    /**
     * The n×n identity.
     * @param n the number of rows and columns
     * @return {@code torch.eye(n)}: a float64 n×n tensor
     */
    public static Tensor eye(int n) {
        return eye(n, n);
    }

    /**
     * An n×m matrix with ones on the diagonal.
     * @param n the number of rows
     * @param m the number of columns
     * @return {@code torch.eye(n, m)}: a float64 n×m tensor
     */
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
     * Restarts the global generator ({@link DefaultGenerator}), like {@code torch.manual_seed(seed)}: what is built
     * and drawn afterwards ({@link #rand}, {@link #randn}, new layers' weights, dropout masks, shuffled batches)
     * repeats exactly, and the values are libtorch's for the same seed (the generator is PyTorch's
     * Mersenne Twister, {@link Generator}).
     * @param seed the seed
     */
    public static void manualSeed(long seed) {
        DefaultGenerator.manualSeed(seed);
    }

    /**
     * Uniform values in [0, 1) from the global generator ({@link #manualSeed}), like
     * {@code torch.rand(2, 3)}: the arguments are the shape. Reproducible after {@code manualSeed}
     * as long as one thread draws; for anything concurrent pass a generator of your own.
     * @param shape the sizes of the result's dims
     * @return a new float64 tensor of the given shape
     */
    public static Tensor rand(int... shape) {
        return rand(DefaultGenerator.get(), shape);
    }

    /**
     * Uniform values in [0, 1) drawn from {@code generator} ({@code torch.rand(2, 3, generator=g)}):
     * {@code Nano.rand(new Random(42), 2, 3)} gives the same tensor every time. (nano's generator is
     * {@link Random}, so the values are not PyTorch's; only the distribution matches.)
     * @param generator the random source; the same seed gives the same tensor
     * @param shape the sizes of the result's dims
     * @return a new float64 tensor of the given shape
     */
    public static Tensor rand(Random generator, int... shape) {
        return draw("rand", generator, shape, false);
    }

    /**
     * Standard normal values from the global generator, like {@code torch.randn(2, 3)}.
     * @param shape the sizes of the result's dims
     * @return a new float64 tensor of the given shape
     */
    public static Tensor randn(int... shape) {
        return randn(DefaultGenerator.get(), shape);
    }

    /**
     * Standard normal values drawn from {@code generator} ({@code torch.randn(2, 3, generator=g)}).
     * @param generator the random source; the same seed gives the same tensor
     * @param shape the sizes of the result's dims
     * @return a new float64 tensor of the given shape
     */
    public static Tensor randn(Random generator, int... shape) {
        return draw("randn", generator, shape, true);
    }

    private static Tensor draw(String op, Random generator, int[] shape, boolean normal) {
        notNull(op, "generator", generator);
        notNull(op, "size", shape);
        double[] data = new double[Checks.numel(op, Shape.checkSizes(op, shape))];
        if (normal) {
            Sampling.normalFill(data, 0, 1, generator);
        } else {
            for (int i = 0; i < data.length; i++) {
                data[i] = Sampling.uniform(generator);
            }
        }
        return new Tensor(data, shape);
    }

    /**
     * A new generator seeded with {@code seed}, {@code torch.Generator().manual_seed(seed)}: pass it to
     * {@link #rand(Random, int...)}, layers, dropout or a DataLoader for a stream of its own.
     * @param seed the seed
     * @return the generator
     */
    public static Generator generator(long seed) {
        return new Generator(seed);
    }

    /**
     * Random integers in [low, high) from the global generator, {@code torch.randint(low, high, size)} (int64).
     * @param low the smallest value
     * @param high one past the largest value
     * @param shape the sizes of the result's dims
     * @return a new int64 tensor
     */
    public static Tensor randint(long low, long high, int... shape) {
        return randint(low, high, DefaultGenerator.get(), shape);
    }

    /**
     * {@code torch.randint(low, high, size, generator=g)}: each value a 32-bit draw modulo {@code high − low}
     * (a 64-bit draw once the range reaches 2³²), plus {@code low}.
     * @param low the smallest value
     * @param high one past the largest value
     * @param generator the random source
     * @param shape the sizes of the result's dims
     * @return a new int64 tensor
     */
    public static Tensor randint(long low, long high, Random generator, int... shape) {
        notNull("randint", "generator", generator);
        notNull("randint", "size", shape);
        if (low >= high) {
            throw new IllegalArgumentException("random_ expects 'from' to be less than 'to', but got from=" + low
                    + " >= to=" + high);
        }
        double[] data = new double[Checks.numel("randint", Shape.checkSizes("randint", shape))];
        for (int i = 0; i < data.length; i++) {
            data[i] = Sampling.randomFromTo(generator, high - low, low);
        }
        return new Tensor(data, shape, DType.INT64);
    }

    /**
     * {@code torch.randperm(n)} from the global generator.
     * @param n the number of elements to permute
     * @return a 1-D int64 tensor holding each of {@code 0 … n−1} once
     */
    public static Tensor randperm(int n) {
        return randperm(n, DefaultGenerator.get());
    }

    /**
     * A random permutation of {@code 0 … n−1} as an int64 tensor ({@code torch.randperm(n,
     * generator=g)}), as aten's {@code randperm_cpu} draws it (native/TensorFactories.cpp): for each
     * i from the front, swap element i with element {@code i + random() % (n − i)}.
     * ({@code randperm_cpu} switches algorithm at n ≥ 2³²/20; nano stops below that.)
     * @param n the number of elements to permute
     * @param generator the random source; the same seed gives the same tensor
     * @return a 1-D int64 tensor holding each of {@code 0 … n−1} once
     */
    public static Tensor randperm(int n, Random generator) {
        if (n < 0) {
            throw new IllegalArgumentException("randperm: n must be non-negative, got " + n);
        }
        notNull("randperm", "generator", generator);
        if (n >= RANDPERM_SMALL_N_LIMIT) {
            throw new IllegalArgumentException("randperm: n must be below " + RANDPERM_SMALL_N_LIMIT
                    + " (aten's small-n algorithm), got " + n);
        }
        double[] perm = new double[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        if (!(generator instanceof Generator)) {
            return legacyRandperm(perm, generator);
        }
        for (int i = 0; i < n - 1; i++) {
            int j = i + (int) (Sampling.random32(generator) % (n - i));
            double swap = perm[i];
            perm[i] = perm[j];
            perm[j] = swap;
        }
        return new Tensor(perm, new int[] {n}, DType.INT64);
    }

    /**
     * {@code torch.bernoulli(p)} from the global generator: 1 where a 53-bit uniform falls below the
     * element of {@code p}, else 0, in {@code p}'s shape and dtype.
     * @param p the probabilities, each in [0, 1]
     * @return a new tensor of zeros and ones
     */
    public static Tensor bernoulli(Tensor p) {
        return bernoulli(p, DefaultGenerator.get());
    }

    /**
     * {@code torch.bernoulli(p, generator=g)}: aten's {@code bernoulli_tensor_cpu_kernel}, one
     * {@code bernoulli_distribution<double>} draw per element in order.
     * @param p the probabilities, each in [0, 1]
     * @param generator the random source
     * @return a new tensor of zeros and ones
     */
    public static Tensor bernoulli(Tensor p, Random generator) {
        notNull("bernoulli", "p", p);
        notNull("bernoulli", "generator", generator);
        double[] probabilities = p.data();
        for (double q : probabilities) {
            if (!(q >= 0 && q <= 1)) {
                throw new IllegalArgumentException("bernoulli_ expects p to be in [0, 1], but got p=" + q);
            }
        }
        double[] out = new double[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Sampling.bernoulli(generator, probabilities[i]) ? 1 : 0;
        }
        return new Tensor(out, p.shape(), p.dtype());
    }

    /** A plain {@link Random} keeps nano's earlier shuffle (Fisher–Yates from the back), see {@link Sampling}. */
    private static Tensor legacyRandperm(double[] perm, Random generator) {
        for (int i = perm.length - 1; i > 0; i--) {
            int j = generator.nextInt(i + 1);
            double swap = perm[i];
            perm[i] = perm[j];
            perm[j] = swap;
        }
        return new Tensor(perm, new int[] {perm.length}, DType.INT64);
    }

    /** aten's randperm_cpu keeps its original shuffle for n below UINT32_MAX / 20. */
    private static final int RANDPERM_SMALL_N_LIMIT = (int) (0xFFFFFFFFL / 20);

    // ---------------------------------------------------------------- arithmetic

    /**
     * {@code torch.add(a, b)}: the element-wise sum {@code a + b}; shapes broadcast.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of the broadcast shape
     */
    public static Tensor add(Tensor a, Tensor b) {
        return Arithmetic.add(notNull("add", "input", a), notNull("add", "other", b));
    }

    /**
     * {@code torch.add(a, b)} with a scalar {@code b} added to every element.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of {@code a}'s shape
     */
    public static Tensor add(Tensor a, double b) { return Arithmetic.add(notNull("add", "input", a), b); }

    /**
     * {@code torch.add(a, b)} with a scalar {@code a} added to every element of {@code b}.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of {@code b}'s shape
     */
    public static Tensor add(double a, Tensor b) { return Arithmetic.add(notNull("add", "other", b), a); }

    /**
     * {@code torch.sub(a, b)}: the element-wise difference {@code a - b}; shapes broadcast.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of the broadcast shape
     */
    public static Tensor sub(Tensor a, Tensor b) {
        return Arithmetic.sub(notNull("sub", "input", a), notNull("sub", "other", b));
    }

    /**
     * {@code torch.sub(a, b)} with a scalar {@code b} subtracted from every element.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of {@code a}'s shape
     */
    public static Tensor sub(Tensor a, double b) { return Arithmetic.sub(notNull("sub", "input", a), b); }

    /**
     * {@code a - b} with a scalar on the left (PyTorch's {@code rsub}).
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of {@code b}'s shape
     */
    public static Tensor sub(double a, Tensor b) { return Arithmetic.sub(a, notNull("sub", "other", b)); }

    /**
     * {@code torch.mul(a, b)}: the element-wise product {@code a * b}; shapes broadcast.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of the broadcast shape
     */
    public static Tensor mul(Tensor a, Tensor b) {
        return Arithmetic.mul(notNull("mul", "input", a), notNull("mul", "other", b));
    }

    /**
     * {@code torch.mul(a, b)}: every element of {@code a} times the scalar {@code b}.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of {@code a}'s shape
     */
    public static Tensor mul(Tensor a, double b) { return Arithmetic.mul(notNull("mul", "input", a), b); }

    /**
     * {@code torch.mul(a, b)}: the scalar {@code a} times every element of {@code b}.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of {@code b}'s shape
     */
    public static Tensor mul(double a, Tensor b) { return Arithmetic.mul(notNull("mul", "other", b), a); }

    /**
     * {@code torch.div(a, b)}: true division {@code a / b}; shapes broadcast, x/0 gives ±inf or NaN as in IEEE 754.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of the broadcast shape
     */
    public static Tensor div(Tensor a, Tensor b) {
        return Arithmetic.div(notNull("div", "input", a), notNull("div", "other", b));
    }

    /**
     * {@code torch.div(a, b)}: every element of {@code a} divided by the scalar {@code b}.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of {@code a}'s shape
     */
    public static Tensor div(Tensor a, double b) { return Arithmetic.div(notNull("div", "input", a), b); }

    /**
     * {@code torch.div(a, b, rounding_mode=roundingMode)}: {@code "trunc"} rounds the quotient toward zero,
     * {@code "floor"} toward −∞ (Python's {@code //}), {@code null} is true division; shapes broadcast. The
     * rounded forms have zero gradients.
     * @param a the dividend
     * @param b the divisor; broadcasts against {@code a}
     * @param roundingMode null, "trunc" or "floor"
     * @return a new tensor of the broadcast shape
     */
    public static Tensor div(Tensor a, Tensor b, String roundingMode) {
        return Arithmetic.div(notNull("div", "input", a), notNull("div", "other", b), roundingMode);
    }

    /**
     * {@code torch.div(a, b, rounding_mode=roundingMode)} with a scalar divisor.
     * @param a the dividend
     * @param b the divisor
     * @param roundingMode null, "trunc" or "floor"
     * @return a new tensor of {@code a}'s shape
     */
    public static Tensor div(Tensor a, double b, String roundingMode) {
        return Arithmetic.div(notNull("div", "input", a), scalar(b), roundingMode);
    }

    /**
     * {@code torch.add(a, b, alpha=alpha)}: {@code a + alpha · b}; shapes broadcast.
     * @param a the left operand
     * @param b the right operand; broadcasts against {@code a}
     * @param alpha the multiplier of {@code b}
     * @return a new tensor of the broadcast shape
     */
    public static Tensor add(Tensor a, Tensor b, double alpha) {
        return Arithmetic.add(notNull("add", "input", a), notNull("add", "other", b), alpha);
    }

    /**
     * {@code torch.sub(a, b, alpha=alpha)}: {@code a − alpha · b}; shapes broadcast.
     * @param a the left operand
     * @param b the right operand; broadcasts against {@code a}
     * @param alpha the multiplier of {@code b}
     * @return a new tensor of the broadcast shape
     */
    public static Tensor sub(Tensor a, Tensor b, double alpha) {
        return Arithmetic.sub(notNull("sub", "input", a), notNull("sub", "other", b), alpha);
    }

    /**
     * {@code a / b} with a scalar on the left, as Python's {@code s / t}: {@code b.reciprocal() * a}.
     * @param a the left operand
     * @param b the right operand
     * @return a new tensor of {@code b}'s shape
     */
    public static Tensor div(double a, Tensor b) { return Arithmetic.div(a, notNull("div", "other", b)); }

    /**
     * {@code torch.pow(base, exponent)}: {@code base ** exponent} element-wise; shapes broadcast, C's {@code pow} edge
     * rules.
     * @param base the base
     * @param exponent the exponent
     * @return a new tensor of the broadcast shape
     */
    public static Tensor pow(Tensor base, Tensor exponent) {
        return Arithmetic.pow(notNull("pow", "input", base), notNull("pow", "exponent", exponent));
    }

    /**
     * {@code torch.pow(base, exponent)} with a scalar exponent; squares and square roots take PyTorch's fast paths.
     * @param base the base
     * @param exponent the exponent
     * @return a new tensor of {@code base}'s shape
     */
    public static Tensor pow(Tensor base, double exponent) {
        return Arithmetic.pow(notNull("pow", "input", base), exponent);
    }

    /**
     * {@code base ** exponent} with a scalar base.
     * @param base the base
     * @param exponent the exponent
     * @return a new tensor of {@code exponent}'s shape
     */
    public static Tensor pow(double base, Tensor exponent) {
        return Arithmetic.pow(base, notNull("pow", "exponent", exponent));
    }

    /**
     * {@code torch.neg}: {@code -x}.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor neg(Tensor x) { return Arithmetic.neg(notNull("neg", "input", x)); }

    // ---------------------------------------------------------------- elementwise

    /**
     * {@code torch.exp}: e^x.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor exp(Tensor x) { return Unary.exp(notNull("exp", "input", x)); }

    /**
     * {@code torch.log}: the natural logarithm; 0 gives -inf, negatives NaN.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor log(Tensor x) { return Unary.log(notNull("log", "input", x)); }

    /**
     * {@code torch.log1p}: ln(1 + x), accurate for tiny |x|.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor log1p(Tensor x) { return Unary.log1p(notNull("log1p", "input", x)); }

    /**
     * {@code torch.expm1}: e^x − 1, accurate for tiny |x|.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor expm1(Tensor x) { return Unary.expm1(notNull("expm1", "input", x)); }

    /**
     * {@code torch.sqrt}: the square root; negatives give NaN.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor sqrt(Tensor x) { return Unary.sqrt(notNull("sqrt", "input", x)); }

    /**
     * {@code torch.rsqrt}: 1 / √x; 0 gives +inf.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor rsqrt(Tensor x) { return Unary.rsqrt(notNull("rsqrt", "input", x)); }

    /**
     * {@code torch.abs}: |x|; its gradient at 0 is 0.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor abs(Tensor x) { return Unary.abs(notNull("abs", "input", x)); }

    /**
     * {@code torch.sign}: −1, 0 or +1 by the sign of x (NaN stays NaN); its gradient is 0.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor sign(Tensor x) { return Unary.sign(notNull("sign", "input", x)); }

    /**
     * {@code torch.reciprocal}: 1 / x.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor reciprocal(Tensor x) { return Unary.reciprocal(notNull("reciprocal", "input", x)); }

    /**
     * {@code torch.square}: x².
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor square(Tensor x) { return Unary.square(notNull("square", "input", x)); }

    /**
     * {@code torch.sin}, x in radians.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor sin(Tensor x) { return Unary.sin(notNull("sin", "input", x)); }

    /**
     * {@code torch.cos}, x in radians.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor cos(Tensor x) { return Unary.cos(notNull("cos", "input", x)); }

    /**
     * {@code torch.tanh}: the hyperbolic tangent, in (−1, 1).
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor tanh(Tensor x) { return Unary.tanh(notNull("tanh", "input", x)); }

    /**
     * {@code torch.sigmoid}: 1 / (1 + e^−x), in (0, 1).
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor sigmoid(Tensor x) { return Unary.sigmoid(notNull("sigmoid", "input", x)); }

    /**
     * {@code torch.relu}: max(x, 0); its gradient at 0 is 0.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor relu(Tensor x) { return Unary.relu(notNull("relu", "input", x)); }

    /**
     * Default negative slope 0.01, as {@code F.leaky_relu}.
     * @param x the input tensor
     * @return {@code x} where x &gt; 0, else {@code 0.01 * x}
     */
    public static Tensor leakyRelu(Tensor x) { return Unary.leakyRelu(notNull("leakyRelu", "input", x), 0.01); }

    /**
     * {@code F.leaky_relu(x, negative_slope)}: x where x &gt; 0, else {@code negativeSlope * x}.
     * @param x the input tensor
     * @param negativeSlope the slope for negative inputs
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return Unary.leakyRelu(notNull("leakyRelu", "input", x), negativeSlope);
    }

    /**
     * Exact GELU, {@code x·Φ(x)}.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor gelu(Tensor x) { return Unary.gelu(notNull("gelu", "input", x), "none"); }

    /**
     * {@code approximate}: "none" or "tanh".
     * @param x the input tensor
     * @param approximate "none" or "tanh"
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor gelu(Tensor x, String approximate) {
        return Unary.gelu(notNull("gelu", "input", x), approximate);
    }

    /**
     * {@code F.silu}: x·sigmoid(x) (also called swish).
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor silu(Tensor x) { return Unary.silu(notNull("silu", "input", x)); }

    /**
     * Defaults beta 1, threshold 20, as {@code F.softplus}.
     * @param x the input tensor
     * @return ln(1 + e^x), or x itself where x &gt; 20
     */
    public static Tensor softplus(Tensor x) { return Unary.softplus(notNull("softplus", "input", x), 1.0, 20.0); }

    /**
     * {@code F.softplus(x, beta, threshold)}: ln(1 + e^(beta·x)) / beta, a smooth relu; linear where beta·x &gt;
     * threshold.
     * @param x the input tensor
     * @param beta the sharpness
     * @param threshold above this, beta·x is returned as x, to avoid overflow
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        return Unary.softplus(notNull("softplus", "input", x), beta, threshold);
    }

    /**
     * Default alpha 1.
     * @param x the input tensor
     * @return x where x &gt; 0, else e^x − 1
     */
    public static Tensor elu(Tensor x) { return Unary.elu(notNull("elu", "input", x), 1.0); }

    /**
     * {@code F.elu(x, alpha)}: x where x &gt; 0, else alpha·(e^x − 1).
     * @param x the input tensor
     * @param alpha the negative saturation value
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor elu(Tensor x, double alpha) { return Unary.elu(notNull("elu", "input", x), alpha); }

    /**
     * {@code torch.erf}: the error function, (2/√π)∫₀ˣ e^(−t²) dt.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor erf(Tensor x) { return Unary.erf(notNull("erf", "input", x)); }

    // ---------------------------------------------------------------- more elementwise (issue 24)

    /**
     * {@code torch.tan}, in radians.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor tan(Tensor x) {
        return dev.nano.ops.Trigonometric.tan(notNull("tan", "input", x));
    }

    /**
     * {@code torch.atan}: the inverse tangent.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor atan(Tensor x) {
        return dev.nano.ops.Trigonometric.atan(notNull("atan", "input", x));
    }

    /**
     * {@code torch.asin}: the inverse sine; NaN outside [−1, 1].
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor asin(Tensor x) {
        return dev.nano.ops.Trigonometric.asin(notNull("asin", "input", x));
    }

    /**
     * {@code torch.acos}: the inverse cosine; NaN outside [−1, 1].
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor acos(Tensor x) {
        return dev.nano.ops.Trigonometric.acos(notNull("acos", "input", x));
    }

    /**
     * {@code torch.sinh}: the hyperbolic sine.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor sinh(Tensor x) {
        return dev.nano.ops.Trigonometric.sinh(notNull("sinh", "input", x));
    }

    /**
     * {@code torch.cosh}: the hyperbolic cosine.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor cosh(Tensor x) {
        return dev.nano.ops.Trigonometric.cosh(notNull("cosh", "input", x));
    }

    /**
     * {@code torch.asinh}: the inverse hyperbolic sine.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor asinh(Tensor x) {
        return dev.nano.ops.Trigonometric.asinh(notNull("asinh", "input", x));
    }

    /**
     * {@code torch.acosh}: the inverse hyperbolic cosine; NaN below 1.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor acosh(Tensor x) {
        return dev.nano.ops.Trigonometric.acosh(notNull("acosh", "input", x));
    }

    /**
     * {@code torch.atanh}: the inverse hyperbolic tangent; ±inf at ±1.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor atanh(Tensor x) {
        return dev.nano.ops.Trigonometric.atanh(notNull("atanh", "input", x));
    }

    /**
     * {@code torch.log2}: the base-2 logarithm.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor log2(Tensor x) {
        return dev.nano.ops.LogExp.log2(notNull("log2", "input", x));
    }

    /**
     * {@code torch.log10}: the base-10 logarithm.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor log10(Tensor x) {
        return dev.nano.ops.LogExp.log10(notNull("log10", "input", x));
    }

    /**
     * {@code torch.exp2}: 2^x.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor exp2(Tensor x) {
        return dev.nano.ops.LogExp.exp2(notNull("exp2", "input", x));
    }

    /**
     * {@code torch.floor}: the largest whole number ≤ x; gradient 0.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor floor(Tensor x) {
        return dev.nano.ops.Rounding.floor(notNull("floor", "input", x));
    }

    /**
     * {@code torch.ceil}: the smallest whole number ≥ x; gradient 0.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor ceil(Tensor x) {
        return dev.nano.ops.Rounding.ceil(notNull("ceil", "input", x));
    }

    /**
     * {@code torch.round}: the nearest whole number, halves to even; gradient 0.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor round(Tensor x) {
        return dev.nano.ops.Rounding.round(notNull("round", "input", x));
    }

    /**
     * {@code torch.trunc}: x rounded toward zero; gradient 0.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor trunc(Tensor x) {
        return dev.nano.ops.Rounding.trunc(notNull("trunc", "input", x));
    }

    /**
     * {@code torch.frac}: x − trunc(x); gradient 1.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor frac(Tensor x) {
        return dev.nano.ops.Rounding.frac(notNull("frac", "input", x));
    }

    /**
     * {@code torch.round(x, decimals=d)}: rounded (halves to even) to {@code d} decimal places, as {@code nearbyint(x·10^d) / 10^d}.
     * @param x the input tensor
     * @param decimals the decimal places (negative: tens, hundreds, …)
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor round(Tensor x, int decimals) {
        return dev.nano.ops.Rounding.round(notNull("round", "input", x), decimals);
    }

    /**
     * {@code torch.logit}: log(x / (1 − x)); NaN outside [0, 1].
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor logit(Tensor x) {
        return dev.nano.ops.LogExp.logit(notNull("logit", "input", x), null);
    }

    /**
     * {@code torch.logit(x, eps)}: log(x / (1 − x)) of x clamped to [eps, 1 − eps]; gradient 0 outside.
     * @param x the input tensor
     * @param eps the clamp
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor logit(Tensor x, double eps) {
        return dev.nano.ops.LogExp.logit(notNull("logit", "input", x), eps);
    }

    /**
     * {@code torch.atan2(input, other)}: the angle of the point (other, input).
     * @param input the input
     * @param other the other; shapes broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor atan2(Tensor input, Tensor other) {
        return dev.nano.ops.Trigonometric.atan2(notNull("atan2", "input", input), notNull("atan2", "other", other));
    }

    /**
     * {@code torch.fmod}: C's fmod, the remainder with the dividend's sign.
     * @param input the input
     * @param other the other; shapes broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor fmod(Tensor input, Tensor other) {
        return dev.nano.ops.Rounding.fmod(notNull("fmod", "input", input), notNull("fmod", "other", other));
    }

    /**
     * {@code torch.remainder}: Python's %, the remainder with the divisor's sign.
     * @param input the input
     * @param other the other; shapes broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor remainder(Tensor input, Tensor other) {
        return dev.nano.ops.Rounding.remainder(notNull("remainder", "input", input), notNull("remainder", "other", other));
    }

    /**
     * {@code torch.hypot}: √(a² + b²) without overflow.
     * @param input the input
     * @param other the other; shapes broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor hypot(Tensor input, Tensor other) {
        return dev.nano.ops.Magnitudes.hypot(notNull("hypot", "input", input), notNull("hypot", "other", other));
    }

    /**
     * {@code torch.logaddexp}: log(e^a + e^b) without overflow.
     * @param input the input
     * @param other the other; shapes broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor logaddexp(Tensor input, Tensor other) {
        return dev.nano.ops.LogExp.logaddexp(notNull("logaddexp", "input", input), notNull("logaddexp", "other", other));
    }

    /**
     * {@code torch.copysign}: |a| with the sign bit of b.
     * @param input the input
     * @param other the other; shapes broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor copysign(Tensor input, Tensor other) {
        return dev.nano.ops.Magnitudes.copysign(notNull("copysign", "input", input), notNull("copysign", "other", other));
    }

    /**
     * {@code torch.xlogy}: a·log(b), 0 where a is 0 (unless b is NaN).
     * @param input the input
     * @param other the other; shapes broadcast
     * @return a new tensor of the broadcast shape
     */
    public static Tensor xlogy(Tensor input, Tensor other) {
        return dev.nano.ops.LogExp.xlogy(notNull("xlogy", "input", input), notNull("xlogy", "other", other));
    }

    /**
     * {@code torch.fmod} with a number for {@code other}.
     * @param input the input
     * @param other the other
     * @return a new tensor of {@code input}'s shape
     */
    public static Tensor fmod(Tensor input, double other) {
        return dev.nano.ops.Rounding.fmod(notNull("fmod", "input", input), other);
    }

    /**
     * {@code torch.remainder} with a number for {@code other}.
     * @param input the input
     * @param other the other
     * @return a new tensor of {@code input}'s shape
     */
    public static Tensor remainder(Tensor input, double other) {
        return dev.nano.ops.Rounding.remainder(notNull("remainder", "input", input), other);
    }

    /**
     * {@code torch.copysign} with a number for {@code other}.
     * @param input the input
     * @param other the other
     * @return a new tensor of {@code input}'s shape
     */
    public static Tensor copysign(Tensor input, double other) {
        return dev.nano.ops.Magnitudes.copysign(notNull("copysign", "input", input), other);
    }

    /**
     * {@code torch.xlogy} with a number for {@code other}.
     * @param input the input
     * @param other the other
     * @return a new tensor of {@code input}'s shape
     */
    public static Tensor xlogy(Tensor input, double other) {
        return dev.nano.ops.LogExp.xlogy(notNull("xlogy", "input", input), other);
    }

    /**
     * {@code torch.remainder} with a number for {@code input}.
     * @param input the input
     * @param other the other
     * @return a new tensor of {@code other}'s shape
     */
    public static Tensor remainder(double input, Tensor other) {
        return dev.nano.ops.Rounding.remainder(input, notNull("remainder", "other", other));
    }

    /**
     * {@code torch.xlogy} with a number for {@code input}.
     * @param input the input
     * @param other the other
     * @return a new tensor of {@code other}'s shape
     */
    public static Tensor xlogy(double input, Tensor other) {
        return dev.nano.ops.LogExp.xlogy(input, notNull("xlogy", "other", other));
    }

    /**
     * {@code torch.lerp(input, end, weight)}: input + weight·(end − input); shapes broadcast.
     * @param input the start
     * @param end the end
     * @param weight the weight
     * @return a new tensor of the broadcast shape
     */
    public static Tensor lerp(Tensor input, Tensor end, Tensor weight) {
        return dev.nano.ops.Pointwise.lerp(notNull("lerp", "input", input), notNull("lerp", "end", end), notNull("lerp", "weight", weight));
    }

    /**
     * {@code torch.lerp} with a number for the weight.
     * @param input the start
     * @param end the end
     * @param weight the weight
     * @return a new tensor of the broadcast shape
     */
    public static Tensor lerp(Tensor input, Tensor end, double weight) {
        return dev.nano.ops.Pointwise.lerp(notNull("lerp", "input", input), notNull("lerp", "end", end), weight);
    }

    /**
     * {@code torch.addcmul(input, tensor1, tensor2)}: input + tensor1·tensor2; shapes broadcast.
     * @param input the addend
     * @param tensor1 the first operand
     * @param tensor2 the second operand
     * @return a new tensor of the broadcast shape
     */
    public static Tensor addcmul(Tensor input, Tensor tensor1, Tensor tensor2) {
        return addcmul(input, tensor1, tensor2, 1.0);
    }

    /**
     * {@code torch.addcmul(input, tensor1, tensor2, value=v)}: input + v·tensor1·tensor2; shapes broadcast.
     * @param input the addend
     * @param tensor1 the first operand
     * @param tensor2 the second operand
     * @param value the scale
     * @return a new tensor of the broadcast shape
     */
    public static Tensor addcmul(Tensor input, Tensor tensor1, Tensor tensor2, double value) {
        return dev.nano.ops.Pointwise.addcmul(notNull("addcmul", "input", input), notNull("addcmul", "tensor1", tensor1), notNull("addcmul", "tensor2", tensor2), value);
    }

    /**
     * {@code torch.addcdiv(input, tensor1, tensor2)}: input + tensor1 / tensor2; shapes broadcast.
     * @param input the addend
     * @param tensor1 the first operand
     * @param tensor2 the second operand
     * @return a new tensor of the broadcast shape
     */
    public static Tensor addcdiv(Tensor input, Tensor tensor1, Tensor tensor2) {
        return addcdiv(input, tensor1, tensor2, 1.0);
    }

    /**
     * {@code torch.addcdiv(input, tensor1, tensor2, value=v)}: input + v·tensor1 / tensor2; shapes broadcast.
     * @param input the addend
     * @param tensor1 the first operand
     * @param tensor2 the second operand
     * @param value the scale
     * @return a new tensor of the broadcast shape
     */
    public static Tensor addcdiv(Tensor input, Tensor tensor1, Tensor tensor2, double value) {
        return dev.nano.ops.Pointwise.addcdiv(notNull("addcdiv", "input", input), notNull("addcdiv", "tensor1", tensor1), notNull("addcdiv", "tensor2", tensor2), value);
    }

    /**
     * {@code torch.nan_to_num}: NaN becomes 0, +inf the largest double, −inf the lowest; gradient 0 there.
     * @param x the input tensor
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor nanToNum(Tensor x) {
        return nanToNum(x, null, null, null);
    }

    /**
     * {@code torch.nan_to_num(x, nan, posinf, neginf)}: NaN, +inf and −inf replaced; a null keeps the default (0, the largest, the lowest double).
     * @param x the input tensor
     * @param nan what NaN becomes, or null for 0
     * @param posinf what +inf becomes, or null for the largest double
     * @param neginf what −inf becomes, or null for the lowest double
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor nanToNum(Tensor x, Double nan, Double posinf, Double neginf) {
        return dev.nano.ops.Magnitudes.nanToNum(notNull("nan_to_num", "input", x), nan, posinf, neginf);
    }

    /**
     * Scalar bounds, either may be null.
     * @param x the input tensor
     * @param min the lower bound, or null for none
     * @param max the upper bound, or null for none
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor clamp(Tensor x, Double min, Double max) {
        return Selection.clamp(notNull("clamp", "input", x), min, max);
    }

    /**
     * {@code x.clamp_min(min)}: unlike {@code clamp(x, min, null)}, a NaN bound makes every element NaN.
     * @param x the input tensor
     * @param min the lower bound
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor clampMin(Tensor x, double min) {
        return Selection.clampMin(notNull("clamp_min", "input", x), min);
    }

    /**
     * {@code x.clamp_max(max)}: unlike {@code clamp(x, null, max)}, a NaN bound makes every element NaN.
     * @param x the input tensor
     * @param max the upper bound
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor clampMax(Tensor x, double max) {
        return Selection.clampMax(notNull("clamp_max", "input", x), max);
    }

    /**
     * Tensor bounds (broadcasting), either may be null.
     * @param x the input tensor
     * @param min the lower bounds, or null for none
     * @param max the upper bounds, or null for none
     * @return a new tensor of the broadcast shape
     */
    public static Tensor clamp(Tensor x, Tensor min, Tensor max) {
        return Selection.clamp(notNull("clamp", "input", x), min, max);
    }

    /**
     * {@code torch.maximum(a, b)}: the element-wise larger value, NaN if either is NaN; shapes broadcast.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of the broadcast shape
     */
    public static Tensor maximum(Tensor a, Tensor b) {
        return Selection.maximum(notNull("maximum", "input", a), notNull("maximum", "other", b));
    }

    /**
     * {@code torch.minimum(a, b)}: the element-wise smaller value, NaN if either is NaN; shapes broadcast.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of the broadcast shape
     */
    public static Tensor minimum(Tensor a, Tensor b) {
        return Selection.minimum(notNull("minimum", "input", a), notNull("minimum", "other", b));
    }

    /**
     * {@code a} where {@code condition} (a bool tensor) holds, else {@code b}; all three broadcast.
     * @param condition a bool tensor choosing {@code a} where true, {@code b} where false
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of the broadcast shape
     */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return Selection.where(
                notNull("where", "condition", condition), notNull("where", "input", a), notNull("where", "other", b));
    }

    /**
     * {@code torch.where(condition, a, b)} with a scalar {@code b}.
     * @param condition a bool tensor choosing {@code a} where true, {@code b} where false
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of the broadcast shape of {@code condition} and {@code a}
     */
    public static Tensor where(Tensor condition, Tensor a, double b) {
        return Selection.where(notNull("where", "condition", condition), notNull("where", "input", a), scalar(b));
    }

    /**
     * {@code torch.where(condition, a, b)} with a scalar {@code a}.
     * @param condition a bool tensor choosing {@code a} where true, {@code b} where false
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a new tensor of the broadcast shape of {@code condition} and {@code b}
     */
    public static Tensor where(Tensor condition, double a, Tensor b) {
        return Selection.where(notNull("where", "condition", condition), scalar(a), notNull("where", "other", b));
    }

    // ---------------------------------------------------------------- reductions

    /**
     * {@code torch.sum(x)}: the sum of every element.
     * @param x the input tensor
     * @return a 0-d tensor
     */
    public static Tensor sum(Tensor x) { return Reductions.sum(notNull("sum", "input", x), new int[0], false); }

    /**
     * An empty (or null) {@code dims} reduces every dim.
     * @param x the input tensor
     * @param dims the dims to reduce (negative counts from the end); empty or null reduces every dim
     * @param keepdim whether the reduced dims stay as size 1, so the result broadcasts against {@code x}
     * @return the sums, with the reduced dims removed (or size 1 if {@code keepdim})
     */
    public static Tensor sum(Tensor x, int[] dims, boolean keepdim) {
        return Reductions.sum(notNull("sum", "input", x), dims, keepdim);
    }

    /**
     * {@code torch.mean(x)}: the mean of every element; NaN for an empty tensor.
     * @param x the input tensor
     * @return a 0-d tensor
     */
    public static Tensor mean(Tensor x) { return Reductions.mean(notNull("mean", "input", x), new int[0], false); }

    /**
     * {@code torch.mean(x, dims, keepdim)}: sum over {@code dims} divided by the number of elements reduced.
     * @param x the input tensor
     * @param dims the dims to reduce (negative counts from the end); empty or null reduces every dim
     * @param keepdim whether the reduced dims stay as size 1, so the result broadcasts against {@code x}
     * @return the means, with the reduced dims removed (or size 1 if {@code keepdim})
     */
    public static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        return Reductions.mean(notNull("mean", "input", x), dims, keepdim);
    }

    /**
     * Unbiased variance over all elements.
     * @param x the input tensor
     * @return a 0-d tensor, {@code torch.var(x)}
     */
    public static Tensor var(Tensor x) { return Reductions.var(notNull("var", "input", x), new int[0], 1.0, false); }

    /**
     * Variance dividing by {@code N - correction}.
     * @param x the input tensor
     * @param dims the dims to reduce (negative counts from the end); empty or null reduces every dim
     * @param correction subtracted from N in the divisor: 1 is Bessel's unbiased estimate, 0 the population variance
     * @param keepdim whether the reduced dims stay as size 1, so the result broadcasts against {@code x}
     * @return {@code torch.var(x, dims, correction=correction, keepdim=keepdim)}
     */
    public static Tensor var(Tensor x, int[] dims, double correction, boolean keepdim) {
        return Reductions.var(notNull("var", "input", x), dims, correction, keepdim);
    }

    /**
     * {@code torch.std(x)}: the square root of the unbiased variance of every element.
     * @param x the input tensor
     * @return a 0-d tensor
     */
    public static Tensor std(Tensor x) { return Reductions.std(notNull("std", "input", x), new int[0], 1.0, false); }

    /**
     * {@code torch.std(x, dims, correction=correction, keepdim=keepdim)}: √var.
     * @param x the input tensor
     * @param dims the dims to reduce (negative counts from the end); empty or null reduces every dim
     * @param correction subtracted from N in the divisor: 1 is Bessel's unbiased estimate, 0 the population variance
     * @param keepdim whether the reduced dims stay as size 1, so the result broadcasts against {@code x}
     * @return the standard deviations, reduced dims removed (or size 1 if {@code keepdim})
     */
    public static Tensor std(Tensor x, int[] dims, double correction, boolean keepdim) {
        return Reductions.std(notNull("std", "input", x), dims, correction, keepdim);
    }

    /**
     * {@code torch.prod(x)}: the product of every element.
     * @param x the input tensor
     * @return a 0-d tensor
     */
    public static Tensor prod(Tensor x) { return Reductions.prod(notNull("prod", "input", x)); }

    /**
     * {@code torch.prod(x, dim, keepdim)}: the product along one dim.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether the reduced dims stay as size 1, so the result broadcasts against {@code x}
     * @return the products, with {@code dim} removed (or size 1 if {@code keepdim})
     */
    public static Tensor prod(Tensor x, int dim, boolean keepdim) {
        return Reductions.prod(notNull("prod", "input", x), dim, keepdim);
    }

    /**
     * {@code torch.amax(x, dims, keepdim)}: the largest value over {@code dims}, NaN if any is NaN; the gradient splits
     * among ties.
     * @param x the input tensor
     * @param dims the dims to reduce (negative counts from the end); empty or null reduces every dim
     * @param keepdim whether the reduced dims stay as size 1, so the result broadcasts against {@code x}
     * @return the maxima, with the reduced dims removed (or size 1 if {@code keepdim})
     */
    public static Tensor amax(Tensor x, int[] dims, boolean keepdim) {
        return Reductions.amax(notNull("amax", "input", x), dims, keepdim);
    }

    /**
     * {@code torch.amin(x, dims, keepdim)}: the smallest value over {@code dims}, NaN if any is NaN; the gradient
     * splits among ties.
     * @param x the input tensor
     * @param dims the dims to reduce (negative counts from the end); empty or null reduces every dim
     * @param keepdim whether the reduced dims stay as size 1, so the result broadcasts against {@code x}
     * @return the minima, with the reduced dims removed (or size 1 if {@code keepdim})
     */
    public static Tensor amin(Tensor x, int[] dims, boolean keepdim) {
        return Reductions.amin(notNull("amin", "input", x), dims, keepdim);
    }

    /**
     * {@code torch.max(x)}: the largest element, NaN if any is NaN; the gradient splits evenly among ties.
     * @param x the input tensor
     * @return a 0-d tensor
     */
    public static Tensor max(Tensor x) { return Reductions.max(notNull("max", "input", x)); }

    /**
     * {@code torch.max(x, dim, keepdim)}: the largest value along {@code dim} and its index (the first, for ties).
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether the reduced dims stay as size 1, so the result broadcasts against {@code x}
     * @return the values and their int64 indices
     */
    public static ValuesIndices max(Tensor x, int dim, boolean keepdim) {
        return Reductions.max(notNull("max", "input", x), dim, keepdim);
    }

    /**
     * {@code torch.min(x)}: the smallest element, NaN if any is NaN; the gradient splits evenly among ties.
     * @param x the input tensor
     * @return a 0-d tensor
     */
    public static Tensor min(Tensor x) { return Reductions.min(notNull("min", "input", x)); }

    /**
     * {@code torch.min(x, dim, keepdim)}: the smallest value along {@code dim} and its index (the first, for ties).
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether the reduced dims stay as size 1, so the result broadcasts against {@code x}
     * @return the values and their int64 indices
     */
    public static ValuesIndices min(Tensor x, int dim, boolean keepdim) {
        return Reductions.min(notNull("min", "input", x), dim, keepdim);
    }

    /**
     * Index into the flattened tensor.
     * @param x the input tensor
     * @return a 0-d int64 tensor: the index of the first largest element (of a NaN, if any)
     */
    public static Tensor argmax(Tensor x) { return Reductions.argmax(notNull("argmax", "input", x)); }

    /**
     * {@code torch.argmax(x, dim, keepdim)}: the index of the first largest value along {@code dim}.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether the reduced dims stay as size 1, so the result broadcasts against {@code x}
     * @return an int64 tensor, with {@code dim} removed (or size 1 if {@code keepdim})
     */
    public static Tensor argmax(Tensor x, int dim, boolean keepdim) {
        return Reductions.argmax(notNull("argmax", "input", x), dim, keepdim);
    }

    /**
     * {@code torch.argmin(x)}: the index of the first smallest element in the flattened tensor.
     * @param x the input tensor
     * @return a 0-d int64 tensor
     */
    public static Tensor argmin(Tensor x) { return Reductions.argmin(notNull("argmin", "input", x)); }

    /**
     * {@code torch.argmin(x, dim, keepdim)}: the index of the first smallest value along {@code dim}.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether the reduced dims stay as size 1, so the result broadcasts against {@code x}
     * @return an int64 tensor, with {@code dim} removed (or size 1 if {@code keepdim})
     */
    public static Tensor argmin(Tensor x, int dim, boolean keepdim) {
        return Reductions.argmin(notNull("argmin", "input", x), dim, keepdim);
    }

    /**
     * {@code torch.logsumexp(x, dims, keepdim)}: ln Σ e^x, computed stably by shifting by the maximum.
     * @param x the input tensor
     * @param dims the dims to reduce (negative counts from the end); empty or null reduces every dim
     * @param keepdim whether the reduced dims stay as size 1, so the result broadcasts against {@code x}
     * @return the results, with the reduced dims removed (or size 1 if {@code keepdim})
     */
    public static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        return Reductions.logsumexp(notNull("logsumexp", "input", x), dims, keepdim);
    }

    /**
     * {@code torch.softmax(x, dim)}: e^x / Σ e^x along {@code dim}, computed stably; each slice sums to 1.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor softmax(Tensor x, int dim) { return Reductions.softmax(notNull("softmax", "input", x), dim); }

    /**
     * {@code torch.log_softmax(x, dim)}: x − logsumexp(x) along {@code dim}, more accurate than log(softmax(x)).
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor logSoftmax(Tensor x, int dim) {
        return Reductions.logSoftmax(notNull("logSoftmax", "input", x), dim);
    }

    // ---------------------------------------------------------------- linear algebra

    /**
     * PyTorch's matmul: dot, matrix-vector, matrix-matrix, or batched with broadcast batch dims.
     * @param a the left operand, at least 1-D
     * @param b the right operand, at least 1-D
     * @return the product; a 1-D operand's dim is removed from the result
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        return LinAlg.matmul(notNull("matmul", "input", a), notNull("matmul", "other", b));
    }

    /**
     * {@code torch.mm(a, b)}: the matrix product of an n×k and a k×m matrix, without broadcasting.
     * @param a an n×k matrix
     * @param b a k×m matrix
     * @return an n×m matrix
     */
    public static Tensor mm(Tensor a, Tensor b) {
        return LinAlg.mm(notNull("mm", "input", a), notNull("mm", "other", b));
    }

    /**
     * {@code torch.dot(a, b)}: the inner product of two 1-D tensors of equal length.
     * @param a a 1-D tensor
     * @param b a 1-D tensor of the same length
     * @return a 0-d tensor
     */
    public static Tensor dot(Tensor a, Tensor b) {
        return LinAlg.dot(notNull("dot", "input", a), notNull("dot", "other", b));
    }

    /**
     * {@code torch.t(x)}: transposes a 2-D tensor; 0-D and 1-D tensors come back as they are.
     * @param x a tensor of at most 2 dims
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor t(Tensor x) { return LinAlg.t(notNull("t", "input", x)); }

    // ---------------------------------------------------------------- movement

    /**
     * {@code torch.reshape(x, shape)}: the same elements in row-major order with a new shape; one size may be −1
     * (inferred).
     * @param x the input tensor
     * @param shape the new sizes; their product must equal {@code x.numel()}
     * @return a new tensor (nano copies; PyTorch returns a view of a contiguous input)
     */
    public static Tensor reshape(Tensor x, int... shape) {
        return Movement.reshape(notNull("reshape", "input", x), notNull("reshape", "shape", shape));
    }

    /**
     * {@code x.view(shape)}: the same as {@link #reshape} in nano, whose tensors are always contiguous (PyTorch
     * fails when the strides cannot express the shape).
     * @param x the input tensor
     * @param shape the new sizes; one may be −1
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor view(Tensor x, int... shape) {
        return Movement.view(notNull("view", "input", x), notNull("view", "shape", shape));
    }

    /**
     * {@code torch.flatten(x, start_dim, end_dim)}: merges the dims from {@code startDim} to {@code endDim} into one.
     * @param x the input tensor
     * @param startDim the first dim to merge
     * @param endDim the last dim to merge (inclusive)
     * @return a tensor with {@code endDim - startDim} fewer dims
     */
    public static Tensor flatten(Tensor x, int startDim, int endDim) {
        return Movement.flatten(notNull("flatten", "input", x), startDim, endDim);
    }

    /**
     * {@code torch.squeeze(x)}: removes every dim of size 1.
     * @param x the input tensor
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor squeeze(Tensor x) { return Movement.squeeze(notNull("squeeze", "input", x)); }

    /**
     * {@code torch.squeeze(x, dims)}: removes the listed dims that have size 1; others are left alone.
     * @param x the input tensor
     * @param dims the dims to remove if they have size 1
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor squeeze(Tensor x, int[] dims) {
        return Movement.squeeze(notNull("squeeze", "input", x), notNull("squeeze", "dim", dims));
    }

    /**
     * {@code torch.unsqueeze(x, dim)}: inserts a dim of size 1 at {@code dim}.
     * @param x the input tensor
     * @param dim the position of the new dim, in {@code [-x.dim()-1, x.dim()]}
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor unsqueeze(Tensor x, int dim) {
        return Movement.unsqueeze(notNull("unsqueeze", "input", x), dim);
    }

    /**
     * {@code torch.transpose(x, dim0, dim1)}: swaps two dims.
     * @param x the input tensor
     * @param dim0 one dim
     * @param dim1 the other dim
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor transpose(Tensor x, int dim0, int dim1) {
        return Movement.transpose(notNull("transpose", "input", x), dim0, dim1);
    }

    /**
     * {@code torch.permute(x, dims)}: reorders the dims; result dim i is {@code x}'s dim {@code dims[i]}.
     * @param x the input tensor
     * @param dims a permutation of {@code 0 … x.dim()−1}
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor permute(Tensor x, int... dims) {
        return Movement.permute(notNull("permute", "input", x), notNull("permute", "dim", dims));
    }

    /**
     * {@code x.expand(sizes)}: repeats size-1 dims (and prepends new ones) without copying, by stride 0.
     * @param x the input tensor
     * @param sizes the target sizes; −1 keeps a dim's size
     * @return a new tensor (nano copies where PyTorch returns a view); its gradient sums over the expanded dims
     */
    public static Tensor expand(Tensor x, int... sizes) {
        return Movement.expand(notNull("expand", "input", x), notNull("expand", "size", sizes));
    }

    /**
     * {@code torch.cat(tensors, dim)}: joins tensors end to end along an existing dim.
     * @param tensors the tensors to join, all of one shape except along {@code dim}
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor whose {@code dim} is the sum of the inputs' sizes
     */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return Movement.cat(noNulls("cat", "tensors", notNull("cat", "tensors", tensors).toArray(new Tensor[0])), dim);
    }

    /**
     * {@code torch.cat(tensors, dim)}: joins tensors end to end along an existing dim.
     * @param tensors the tensors to join, all of one shape except along {@code dim}
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor whose {@code dim} is the sum of the inputs' sizes
     */
    public static Tensor cat(Tensor[] tensors, int dim) {
        return Movement.cat(noNulls("cat", "tensors", tensors), dim);
    }

    /**
     * {@code torch.stack(tensors, dim)}: joins tensors of one shape along a new dim.
     * @param tensors the tensors to stack, all of one shape
     * @param dim the position of the new dim
     * @return a new tensor with one more dim, of size {@code tensors.size()}
     */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        return Movement.stack(
                noNulls("stack", "tensors", notNull("stack", "tensors", tensors).toArray(new Tensor[0])), dim);
    }

    /**
     * {@code torch.stack(tensors, dim)}: joins tensors of one shape along a new dim.
     * @param tensors the tensors to stack, all of one shape
     * @param dim the position of the new dim
     * @return a new tensor with one more dim, of size {@code tensors.length}
     */
    public static Tensor stack(Tensor[] tensors, int dim) {
        return Movement.stack(noNulls("stack", "tensors", tensors), dim);
    }

    /**
     * {@code torch.narrow(x, dim, start, length)}: the elements {@code start … start+length−1} along {@code dim}.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param start the first index kept (negative counts from the end)
     * @param length how many indices to keep
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor narrow(Tensor x, int dim, int start, int length) {
        return Movement.narrow(notNull("narrow", "input", x), dim, start, length);
    }

    /**
     * {@code torch.narrow(x, dim, start, length)} with the start as a 0-d int64 tensor.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param start a 0-d int64 tensor: the first position kept
     * @param length how many positions to keep
     * @return a new tensor, as {@link #narrow(Tensor, int, int, int)}
     */
    public static Tensor narrow(Tensor x, int dim, Tensor start, int length) {
        notNull("narrow", "start", start);
        if (start.dim() != 0 || start.dtype() != DType.INT64) { // aten's narrow.Tensor, word for word
            throw new IllegalArgumentException("start must be an 0-dim integral Tensor.");
        }
        return narrow(x, dim, (int) start.item(), length);
    }

    /**
     * {@code torch.select(x, dim, index)}, i.e. {@code x[..., index, ...]}: one slice, with {@code dim} removed.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param index the position along {@code dim} (negative counts from the end)
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor select(Tensor x, int dim, int index) {
        return Movement.select(notNull("select", "input", x), dim, index);
    }

    /**
     * Basic indexing {@code x[start:end:step, ...]}: one {@link Slice} per leading dim, the rest kept whole.
     * @param x the input tensor
     * @param slices a slice per dim, at most {@code x.dim()} of them
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor index(Tensor x, Slice... slices) {
        return Movement.index(notNull("index", "input", x), noNulls("index", "indices", slices));
    }

    /**
     * PyTorch's {@code x[...]} in full: integers, slices, {@code None}, {@code ...}, index tensors, integer
     * lists and bool masks, e.g. {@code x[i, :, None, ..., m]} is
     * {@code index(x, Index.tensor(i), Index.all(), Index.none(), Index.ellipsis(), Index.mask(m))}. Index
     * tensors broadcast together (aten::index); the gradient accumulates where a position is picked twice
     * (aten::index_put_ with accumulate). See {@link Index}.
     * @param x the input tensor
     * @param indices one entry per position of the index
     * @return a new tensor (nano copies where PyTorch returns a view for basic indexing)
     */
    public static Tensor index(Tensor x, Index... indices) {
        return Movement.index(notNull("index", "input", x), noNulls("index", "indices", indices));
    }

    /**
     * {@code torch.gather(x, dim, index)}: {@code out[i][j] = x[index[i][j]][j]} for dim 0 (and likewise for other
     * dims).
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param index an int64 tensor with as many dims as {@code x}; the result has its shape
     * @return a new tensor of {@code index}'s shape
     */
    public static Tensor gather(Tensor x, int dim, Tensor index) {
        return Movement.gather(notNull("gather", "input", x), dim, notNull("gather", "index", index));
    }

    /**
     * {@code torch.take_along_dim(x, indices, dim)}: picks along {@code dim} at {@code indices} (e.g. those
     * {@code argmax(dim, true)} or {@code argsort} give), broadcasting {@code x} and {@code indices} in every
     * other dim.
     * @param x the input tensor
     * @param indices an int64 tensor with as many dims as {@code x}
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor of the broadcast shape, with {@code indices}' size at {@code dim}
     */
    public static Tensor takeAlongDim(Tensor x, Tensor indices, int dim) {
        return Movement.takeAlongDim(notNull("take_along_dim", "input", x),
                notNull("take_along_dim", "indices", indices), dim);
    }

    /**
     * {@code torch.take_along_dim(x, indices)} without a dim: positions in the flattened tensor.
     * @param x the input tensor
     * @param indices an int64 tensor of positions in the flattened {@code x}
     * @return a 1-D tensor of {@code indices.numel()} elements
     */
    public static Tensor takeAlongDim(Tensor x, Tensor indices) {
        return Movement.takeAlongDim(notNull("take_along_dim", "input", x),
                notNull("take_along_dim", "indices", indices));
    }

    /**
     * {@code F.pad(x, pad, mode="constant", value)}.
     * @param x the input tensor
     * @param pad pairs of (left, right) padding, last dim first: {@code [left, right, top, bottom, ...]}; negative
     *     crops
     * @param value the value written into the padding
     * @return a new tensor, each padded dim grown by its pair's sum
     */
    public static Tensor pad(Tensor x, int[] pad, double value) {
        return Movement.pad(notNull("pad", "input", x), notNull("pad", "pad", pad), value);
    }

    /**
     * {@code torch.clone(x)}: a copy with its own storage that still passes gradients back to {@code x}.
     * @param x the input tensor
     * @return a new contiguous tensor equal to {@code x}
     */
    public static Tensor clone(Tensor x) { return Movement.clone(notNull("clone", "input", x)); }

    // ---------------------------------------------------------------- repeat, flip, roll, diagonal, ... (dev.nano.ops.Arrangement)

    /**
     * {@code x.repeat(repeats)}: whole copies side by side along each dim; more repeats than dims add leading dims.
     * @param x the input tensor
     * @param repeats copies per dim, at least {@code x.dim()} of them
     * @return a new tensor
     */
    public static Tensor repeat(Tensor x, int... repeats) {
        return Arrangement.repeat(notNull("repeat", "input", x), notNull("repeat", "repeats", repeats));
    }

    /**
     * {@code torch.tile(x, dims)}: {@link #repeat} with {@code dims} padded by leading 1s up to {@code x.dim()}.
     * @param x the input tensor
     * @param dims copies per trailing dim
     * @return a new tensor
     */
    public static Tensor tile(Tensor x, int... dims) {
        return Arrangement.tile(notNull("tile", "input", x), notNull("tile", "dims", dims));
    }

    /**
     * {@code torch.repeat_interleave(x, repeats)}: every element of the flattened input repeated in place.
     * @param x the input tensor
     * @param repeats copies of each element
     * @return a 1-D tensor
     */
    public static Tensor repeatInterleave(Tensor x, int repeats) {
        return Arrangement.repeatInterleave(notNull("repeat_interleave", "input", x), repeats, null);
    }

    /**
     * {@code torch.repeat_interleave(x, repeats, dim)}: every position along {@code dim} repeated in place.
     * @param x the input tensor
     * @param repeats copies of each position
     * @param dim the dim (negative counts from the end)
     * @return a new tensor
     */
    public static Tensor repeatInterleave(Tensor x, int repeats, int dim) {
        return Arrangement.repeatInterleave(notNull("repeat_interleave", "input", x), repeats, dim);
    }

    /**
     * {@code torch.repeat_interleave(x, repeats)} with an int64 tensor of counts, on the flattened input.
     * @param x the input tensor
     * @param repeats 0-d, one count, or one count per element
     * @return a 1-D tensor
     */
    public static Tensor repeatInterleave(Tensor x, Tensor repeats) {
        return Arrangement.repeatInterleave(notNull("repeat_interleave", "input", x),
                notNull("repeat_interleave", "repeats", repeats), null);
    }

    /**
     * {@code torch.repeat_interleave(x, repeats, dim)} with an int64 tensor of counts.
     * @param x the input tensor
     * @param repeats 0-d, one count, or one count per position along {@code dim}
     * @param dim the dim (negative counts from the end)
     * @return a new tensor
     */
    public static Tensor repeatInterleave(Tensor x, Tensor repeats, int dim) {
        return Arrangement.repeatInterleave(notNull("repeat_interleave", "input", x),
                notNull("repeat_interleave", "repeats", repeats), dim);
    }

    /**
     * {@code torch.flip(x, dims)}: the positions along {@code dims} reversed.
     * @param x the input tensor
     * @param dims the dims to reverse (negative counts from the end)
     * @return a new tensor
     */
    public static Tensor flip(Tensor x, int... dims) {
        return Arrangement.flip(notNull("flip", "input", x), notNull("flip", "dims", dims));
    }

    /**
     * {@code torch.roll(x, shifts, dims)}: positions shifted with wrap-around, one shift per dim; a single shift
     * with no dims rolls the flattened tensor.
     * @param x the input tensor
     * @param shifts the shifts
     * @param dims the dims (negative counts from the end)
     * @return a new tensor
     */
    public static Tensor roll(Tensor x, int[] shifts, int[] dims) {
        return Arrangement.roll(notNull("roll", "input", x), notNull("roll", "shifts", shifts),
                notNull("roll", "dims", dims));
    }

    /**
     * {@code torch.unbind(x, dim)}: the slices along {@code dim}.
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @return one tensor per position along {@code dim}
     */
    public static Tensor[] unbind(Tensor x, int dim) {
        return Arrangement.unbind(notNull("unbind", "input", x), dim);
    }

    /**
     * {@code torch.movedim(x, source, destination)}: dims moved, the others keeping their order.
     * @param x the input tensor
     * @param source the dims to move
     * @param destination where each goes
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor movedim(Tensor x, int[] source, int[] destination) {
        return Arrangement.movedim(notNull("movedim", "input", x), notNull("movedim", "source", source),
                notNull("movedim", "destination", destination));
    }

    /**
     * {@code torch.movedim(x, source, destination)} of one dim.
     * @param x the input tensor
     * @param source the dim to move
     * @param destination where it goes
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor movedim(Tensor x, int source, int destination) {
        return movedim(x, new int[] {source}, new int[] {destination});
    }

    /**
     * {@code torch.diag(x, diagonal)}: a 1-D tensor's square matrix (zeros off the diagonal), or a 2-D tensor's
     * diagonal.
     * @param x a 1-D or 2-D tensor
     * @param diagonal 0 the main diagonal, positive above it, negative below
     * @return a new tensor
     */
    public static Tensor diag(Tensor x, int diagonal) {
        return Arrangement.diag(notNull("diag", "input", x), diagonal);
    }

    /**
     * {@code torch.diagonal(x, offset, dim1, dim2)}: a diagonal of every matrix in dims {@code dim1, dim2}, as
     * the last dim.
     * @param x the input tensor, at least 2-D
     * @param offset 0 the main diagonal, positive above it, negative below
     * @param dim1 the rows' dim
     * @param dim2 the columns' dim
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor diagonal(Tensor x, int offset, int dim1, int dim2) {
        return Arrangement.diagonal(notNull("diagonal", "input", x), offset, dim1, dim2);
    }

    /**
     * {@code torch.unflatten(x, dim, sizes)}: dim {@code dim} split into {@code sizes} (one may be -1).
     * @param x the input tensor
     * @param dim the dim to split (negative counts from the end)
     * @param sizes the new sizes
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor unflatten(Tensor x, int dim, int... sizes) {
        return Arrangement.unflatten(notNull("unflatten", "input", x), dim, notNull("unflatten", "sizes", sizes));
    }

    /**
     * {@code torch.broadcast_to(x, shape)}: {@link #expand}.
     * @param x the input tensor
     * @param shape the target shape; -1 keeps a size
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor broadcastTo(Tensor x, int... shape) {
        return Arrangement.broadcastTo(notNull("broadcast_to", "input", x), notNull("broadcast_to", "size", shape));
    }

    /**
     * {@code x.expand_as(other)}: {@link #expand} to {@code other}'s shape.
     * @param x the input tensor
     * @param other the tensor whose shape is the target
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor expandAs(Tensor x, Tensor other) {
        return Arrangement.expandAs(notNull("expand_as", "input", x), notNull("expand_as", "other", other));
    }

    /**
     * {@code torch.meshgrid(*tensors, indexing)}: coordinate grids of 0-d or 1-D tensors.
     * @param indexing "ij" (matrix: dim i follows tensor i) or "xy" (Cartesian: the first two exchanged)
     * @param tensors the coordinate vectors
     * @return one grid per tensor
     */
    public static Tensor[] meshgrid(String indexing, Tensor... tensors) {
        return Arrangement.meshgrid(noNulls("meshgrid", "tensors", tensors), notNull("meshgrid", "indexing", indexing));
    }

    // ---------------------------------------------------------------- sort, argsort, topk, kthvalue (dev.nano.ops.Ordering)

    /**
     * {@code torch.sort(x, dim, descending, stable)}: values in order along {@code dim} and their positions. NaN
     * sorts as the largest; equal values keep their input order, as PyTorch's {@code stable=True}. With
     * {@code stable=False} PyTorch's CPU kernel may order equal values otherwise once a line is longer than 16
     * (the C++ library's introsort); nano's answer is the stable one either way.
     * @param x the input tensor
     * @param dim the dim to sort along (negative counts from the end)
     * @param descending largest first
     * @param stable PyTorch's flag; nano sorts stably either way
     * @return the sorted values (with a gradient) and their int64 positions along {@code dim}
     */
    public static ValuesIndices sort(Tensor x, int dim, boolean descending, boolean stable) {
        Tensor[] vi = Ordering.sort(notNull("sort", "input", x), dim, descending);
        return new ValuesIndices(vi[0], vi[1]);
    }

    /**
     * {@code torch.argsort(x, dim, descending, stable)}: the positions {@link #sort} puts in order.
     * @param x the input tensor
     * @param dim the dim to sort along (negative counts from the end)
     * @param descending largest first
     * @param stable PyTorch's flag; nano sorts stably either way
     * @return an int64 tensor of positions along {@code dim}
     */
    public static Tensor argsort(Tensor x, int dim, boolean descending, boolean stable) {
        return Ordering.sort(notNull("argsort", "input", x), dim, descending)[1];
    }

    /**
     * {@code torch.topk(x, k, dim, largest, sorted=True)}: the k largest (or smallest) along {@code dim}, in order.
     * @param x the input tensor
     * @param k how many, at most the size of {@code dim}
     * @param dim the dim (negative counts from the end)
     * @param largest the largest (else the smallest)
     * @return the values (with a gradient) and their int64 positions along {@code dim}
     */
    public static ValuesIndices topk(Tensor x, int k, int dim, boolean largest) {
        Tensor[] vi = Ordering.topk(notNull("topk", "input", x), k, dim, largest);
        return new ValuesIndices(vi[0], vi[1]);
    }

    /**
     * {@code torch.kthvalue(x, k, dim, keepdim)}: the k-th smallest along {@code dim} (k from 1; NaN the largest).
     * @param x the input tensor
     * @param k which one, from 1
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep {@code dim} as size 1
     * @return the values (with a gradient) and their int64 positions along {@code dim}
     */
    public static ValuesIndices kthvalue(Tensor x, int k, int dim, boolean keepdim) {
        Tensor[] vi = Ordering.kthvalue(notNull("kthvalue", "input", x), k, dim, keepdim);
        return new ValuesIndices(vi[0], vi[1]);
    }

    // ---------------------------------------------------------------- indexSelect ... indexFill (dev.nano.ops.Scattering)

    /**
     * {@code torch.index_select(x, dim, index)}: the positions {@code index} names along {@code dim}, in its order.
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param index a 0-d or 1-D int64 tensor of positions
     * @return a new tensor
     */
    public static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        return Scattering.indexSelect(notNull("index_select", "input", x), dim, notNull("index_select", "index", index));
    }

    /**
     * {@code torch.masked_select(x, mask)}: the elements where {@code mask} (broadcast with {@code x}) is true.
     * @param x the input tensor
     * @param mask a bool tensor
     * @return a 1-D tensor, in row-major order of the broadcast shape
     */
    public static Tensor maskedSelect(Tensor x, Tensor mask) {
        return Scattering.maskedSelect(notNull("masked_select", "input", x), notNull("masked_select", "mask", mask));
    }

    /**
     * {@code torch.nonzero(x)}: the coordinates of the nonzero elements (NaN is nonzero), one row each.
     * @param x the input tensor
     * @return an int64 tensor of shape (count, x.dim())
     */
    public static Tensor nonzero(Tensor x) {
        return Scattering.nonzero(notNull("nonzero", "input", x));
    }

    /**
     * {@code torch.scatter(x, dim, index, src)}: a copy of {@code x} with {@code out[index[i][j]][j] = src[i][j]}
     * (dim 0). Of duplicate indices the last in row-major order of {@code index} wins, as on PyTorch's CPU.
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param index an int64 tensor with as many dims as {@code x}, no larger than {@code src}
     * @param src the values written, of {@code x}'s dtype
     * @return a new tensor
     */
    public static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src) {
        return Scattering.scatter(notNull("scatter", "input", x), dim, notNull("scatter", "index", index),
                notNull("scatter", "src", src), false);
    }

    /**
     * {@code torch.scatter(x, dim, index, value)}: a copy of {@code x} with {@code value} at the indexed positions.
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param index an int64 tensor with as many dims as {@code x}
     * @param value the value written
     * @return a new tensor
     */
    public static Tensor scatter(Tensor x, int dim, Tensor index, double value) {
        return Scattering.scatter(notNull("scatter", "input", x), dim, notNull("scatter", "index", index), value);
    }

    /**
     * {@code torch.scatter_add(x, dim, index, src)}: a copy of {@code x} with {@code src} added at the indexed
     * positions (duplicates add up, in row-major order of {@code index}).
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param index an int64 tensor with as many dims as {@code x}, no larger than {@code src}
     * @param src the values added, of {@code x}'s dtype
     * @return a new tensor
     */
    public static Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src) {
        return Scattering.scatter(notNull("scatter_add", "input", x), dim, notNull("scatter_add", "index", index),
                notNull("scatter_add", "src", src), true);
    }

    /**
     * {@code torch.index_add(x, dim, index, source, alpha=alpha)}: a copy of {@code x} with {@code alpha * source}
     * added at positions {@code index} along {@code dim}.
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param index a 0-d or 1-D int64 tensor, one position per slice of {@code source}
     * @param source the values added
     * @param alpha the factor of {@code source}
     * @return a new tensor
     */
    public static Tensor indexAdd(Tensor x, int dim, Tensor index, Tensor source, double alpha) {
        return Scattering.indexAdd(notNull("index_add", "input", x), dim, notNull("index_add", "index", index),
                notNull("index_add", "source", source), alpha);
    }

    /**
     * {@code torch.index_copy(x, dim, index, source)}: a copy of {@code x} with the slices of {@code source} at
     * positions {@code index} along {@code dim}.
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param index a 0-d or 1-D int64 tensor, one position per slice of {@code source}
     * @param source the values copied
     * @return a new tensor
     */
    public static Tensor indexCopy(Tensor x, int dim, Tensor index, Tensor source) {
        return Scattering.indexCopy(notNull("index_copy", "input", x), dim, notNull("index_copy", "index", index),
                notNull("index_copy", "source", source));
    }

    /**
     * {@code torch.index_fill(x, dim, index, value)}: a copy of {@code x} with {@code value} in the slices at
     * positions {@code index} along {@code dim}.
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @param index a 0-d or 1-D int64 tensor
     * @param value the value written (in {@code x}'s type)
     * @return a new tensor
     */
    public static Tensor indexFill(Tensor x, int dim, Tensor index, double value) {
        return Scattering.indexFill(notNull("index_fill", "input", x), dim, notNull("index_fill", "index", index), value);
    }

    // ---------------------------------------------------------------- comparisons

    /**
     * {@code torch.lt(a, b)}: element-wise {@code a < b}; shapes broadcast, NaN compares false.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor of the broadcast shape
     */
    public static Tensor lt(Tensor a, Tensor b) {
        return Comparisons.lt(notNull("lt", "input", a), notNull("lt", "other", b));
    }

    /**
     * {@code torch.lt(a, b)}: element-wise {@code a < b}; NaN compares false.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor
     */
    public static Tensor lt(Tensor a, double b) { return Comparisons.lt(notNull("lt", "input", a), scalar(b)); }

    /**
     * {@code torch.lt(a, b)}: element-wise {@code a < b}; NaN compares false.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor
     */
    public static Tensor lt(double a, Tensor b) { return Comparisons.lt(scalar(a), notNull("lt", "other", b)); }

    /**
     * {@code torch.le(a, b)}: element-wise {@code a <= b}; shapes broadcast, NaN compares false.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor of the broadcast shape
     */
    public static Tensor le(Tensor a, Tensor b) {
        return Comparisons.le(notNull("le", "input", a), notNull("le", "other", b));
    }

    /**
     * {@code torch.le(a, b)}: element-wise {@code a <= b}; NaN compares false.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor
     */
    public static Tensor le(Tensor a, double b) { return Comparisons.le(notNull("le", "input", a), scalar(b)); }

    /**
     * {@code torch.le(a, b)}: element-wise {@code a <= b}; NaN compares false.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor
     */
    public static Tensor le(double a, Tensor b) { return Comparisons.le(scalar(a), notNull("le", "other", b)); }

    /**
     * {@code torch.gt(a, b)}: element-wise {@code a > b}; shapes broadcast, NaN compares false.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor of the broadcast shape
     */
    public static Tensor gt(Tensor a, Tensor b) {
        return Comparisons.gt(notNull("gt", "input", a), notNull("gt", "other", b));
    }

    /**
     * {@code torch.gt(a, b)}: element-wise {@code a > b}; NaN compares false.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor
     */
    public static Tensor gt(Tensor a, double b) { return Comparisons.gt(notNull("gt", "input", a), scalar(b)); }

    /**
     * {@code torch.gt(a, b)}: element-wise {@code a > b}; NaN compares false.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor
     */
    public static Tensor gt(double a, Tensor b) { return Comparisons.gt(scalar(a), notNull("gt", "other", b)); }

    /**
     * {@code torch.ge(a, b)}: element-wise {@code a >= b}; shapes broadcast, NaN compares false.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor of the broadcast shape
     */
    public static Tensor ge(Tensor a, Tensor b) {
        return Comparisons.ge(notNull("ge", "input", a), notNull("ge", "other", b));
    }

    /**
     * {@code torch.ge(a, b)}: element-wise {@code a >= b}; NaN compares false.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor
     */
    public static Tensor ge(Tensor a, double b) { return Comparisons.ge(notNull("ge", "input", a), scalar(b)); }

    /**
     * {@code torch.ge(a, b)}: element-wise {@code a >= b}; NaN compares false.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor
     */
    public static Tensor ge(double a, Tensor b) { return Comparisons.ge(scalar(a), notNull("ge", "other", b)); }

    /**
     * {@code torch.eq(a, b)}: element-wise {@code a == b}; shapes broadcast, NaN equals nothing.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor of the broadcast shape
     */
    public static Tensor eq(Tensor a, Tensor b) {
        return Comparisons.eq(notNull("eq", "input", a), notNull("eq", "other", b));
    }

    /**
     * {@code torch.eq(a, b)}: element-wise {@code a == b}; NaN equals nothing.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor
     */
    public static Tensor eq(Tensor a, double b) { return Comparisons.eq(notNull("eq", "input", a), scalar(b)); }

    /**
     * {@code torch.eq(a, b)}: element-wise {@code a == b}; NaN equals nothing.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor
     */
    public static Tensor eq(double a, Tensor b) { return Comparisons.eq(scalar(a), notNull("eq", "other", b)); }

    /**
     * {@code torch.ne(a, b)}: element-wise {@code a != b}; shapes broadcast, NaN differs from everything.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor of the broadcast shape
     */
    public static Tensor ne(Tensor a, Tensor b) {
        return Comparisons.ne(notNull("ne", "input", a), notNull("ne", "other", b));
    }

    /**
     * {@code torch.ne(a, b)}: element-wise {@code a != b}; NaN differs from everything.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor
     */
    public static Tensor ne(Tensor a, double b) { return Comparisons.ne(notNull("ne", "input", a), scalar(b)); }

    /**
     * {@code torch.ne(a, b)}: element-wise {@code a != b}; NaN differs from everything.
     * @param a the left operand (tensor or scalar); broadcasts against {@code b}
     * @param b the right operand (tensor or scalar); broadcasts against {@code a}
     * @return a bool tensor
     */
    public static Tensor ne(double a, Tensor b) { return Comparisons.ne(scalar(a), notNull("ne", "other", b)); }

    // ---------------------------------------------------------------- convolution and pooling

    /**
     * {@code torch.conv2d(input, weight, bias, stride, padding, dilation, groups)}.
     * @param input (N, C, H, W) or unbatched (C, H, W)
     * @param weight (O, C/groups, kH, kW)
     * @param bias (O), or null
     * @param stride one value or (sH, sW)
     * @param padding one value or (pH, pW): zeros on both sides
     * @param dilation one value or (dH, dW)
     * @param groups independent channel groups (groups = C is a depthwise convolution)
     * @return (N, O, outH, outW), or (O, outH, outW) for an unbatched input
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                int groups) {
        return dev.nano.ops.Convolution.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * {@code torch.conv2d(input, weight, bias, stride, padding="same"|"valid", dilation, groups)}.
     * @param input (N, C, H, W) or unbatched (C, H, W)
     * @param weight (O, C/groups, kH, kW)
     * @param bias (O), or null
     * @param stride one value or (sH, sW); "same" needs 1
     * @param padding "same" (output as large as the input) or "valid" (no padding)
     * @param dilation one value or (dH, dW)
     * @param groups independent channel groups
     * @return the convolution
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, String padding,
                                int[] dilation, int groups) {
        return dev.nano.ops.Convolution.convolve("conv2d", input, weight, bias, stride,
                notNull("conv2d", "padding", padding), dilation, groups);
    }

    /**
     * {@code torch.conv1d(input, weight, bias, stride, padding, dilation, groups)}.
     * @param input (N, C, L) or unbatched (C, L)
     * @param weight (O, C/groups, k)
     * @param bias (O), or null
     * @param stride the step between windows
     * @param padding zeros on both sides
     * @param dilation the spacing of kernel taps
     * @param groups independent channel groups
     * @return (N, O, outL), or (O, outL) for an unbatched input
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation,
                                int groups) {
        return dev.nano.ops.Convolution.conv1d(input, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * {@code torch.conv1d(input, weight, bias, stride, padding="same"|"valid", dilation, groups)}.
     * @param input (N, C, L) or unbatched (C, L)
     * @param weight (O, C/groups, k)
     * @param bias (O), or null
     * @param stride the step between windows; "same" needs 1
     * @param padding "same" or "valid"
     * @param dilation the spacing of kernel taps
     * @param groups independent channel groups
     * @return the convolution
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, String padding, int dilation,
                                int groups) {
        return dev.nano.ops.Convolution.convolve("conv1d", input, weight, bias, new int[] {stride},
                notNull("conv1d", "padding", padding), new int[] {dilation}, groups);
    }

    /**
     * {@code torch.max_pool2d(x, kernel_size, stride, padding, dilation, ceil_mode)} with PyTorch's
     * indices ({@code F.max_pool2d(..., return_indices=True)}).
     * @param x (N, C, H, W) or (C, H, W)
     * @param kernel one value or (kH, kW)
     * @param stride empty for the kernel size, one value or (sH, sW)
     * @param padding one value or (pH, pW), at most half the effective kernel
     * @param dilation one value or (dH, dW)
     * @param ceilMode whether a partial last window makes an output
     * @return the maxima and their flat int64 positions {@code h·W + w} in each input plane
     */
    public static ValuesIndices maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation,
                                          boolean ceilMode) {
        return dev.nano.ops.Pooling.maxPool2d(x, kernel, stride, padding, dilation, ceilMode);
    }

    /**
     * {@code F.max_pool1d(x, kernel_size, stride, padding, dilation, ceil_mode, return_indices=True)}.
     * @param x (N, C, L) or (C, L)
     * @param kernel the window length
     * @param stride the step, or 0 for the kernel size (PyTorch's {@code stride=None})
     * @param padding at most half the effective kernel
     * @param dilation the spacing of window cells
     * @param ceilMode whether a partial last window makes an output
     * @return the maxima and their int64 positions along the last dim
     */
    public static ValuesIndices maxPool1d(Tensor x, int kernel, int stride, int padding, int dilation,
                                          boolean ceilMode) {
        return dev.nano.ops.Pooling.maxPool1d(x, kernel, stride, padding, dilation, ceilMode);
    }

    /**
     * {@code torch.avg_pool2d(x, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)}.
     * @param x (N, C, H, W) or (C, H, W)
     * @param kernel one value or (kH, kW)
     * @param stride empty for the kernel size, one value or (sH, sW)
     * @param padding one value or (pH, pW): zeros, at most half the kernel
     * @param ceilMode whether a partial last window makes an output
     * @param countIncludePad whether padding cells count in the divisor
     * @param divisorOverride the divisor of every window, or null
     * @return the averages
     */
    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode,
                                   boolean countIncludePad, Integer divisorOverride) {
        return dev.nano.ops.Pooling.avgPool2d(x, kernel, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    /**
     * {@code torch.avg_pool1d(x, kernel_size, stride, padding, ceil_mode, count_include_pad)}.
     * @param x (N, C, L) or (C, L)
     * @param kernel the window length
     * @param stride the step, or 0 for the kernel size
     * @param padding zeros on both sides, at most half the kernel
     * @param ceilMode whether a partial last window makes an output
     * @param countIncludePad whether padding cells count in the divisor
     * @return the averages
     */
    public static Tensor avgPool1d(Tensor x, int kernel, int stride, int padding, boolean ceilMode,
                                   boolean countIncludePad) {
        return dev.nano.ops.Pooling.avgPool1d(x, kernel, stride, padding, ceilMode, countIncludePad);
    }

    /**
     * {@code F.adaptive_avg_pool2d(x, output_size)}.
     * @param x (N, C, H, W) or (C, H, W)
     * @param outputSize one value or (outH, outW)
     * @return the averages over PyTorch's adaptive windows
     */
    public static Tensor adaptiveAvgPool2d(Tensor x, int... outputSize) {
        return dev.nano.ops.Pooling.adaptiveAvgPool2d(x, outputSize);
    }

    /**
     * {@code F.adaptive_avg_pool1d(x, output_size)}.
     * @param x (N, C, L) or (C, L)
     * @param outputSize the output length
     * @return the averages over PyTorch's adaptive windows
     */
    public static Tensor adaptiveAvgPool1d(Tensor x, int outputSize) {
        return dev.nano.ops.Pooling.adaptiveAvgPool1d(x, outputSize);
    }

    /**
     * {@code F.adaptive_max_pool2d(x, output_size, return_indices=True)}.
     * @param x (N, C, H, W) or (C, H, W)
     * @param outputSize one value or (outH, outW)
     * @return the maxima over PyTorch's adaptive windows and their flat int64 positions
     */
    public static ValuesIndices adaptiveMaxPool2d(Tensor x, int... outputSize) {
        return dev.nano.ops.Pooling.adaptiveMaxPool2d(x, outputSize);
    }

    /**
     * {@code torch.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)}.
     * @param input (N, Cin, H, W) or unbatched (Cin, H, W)
     * @param weight (Cin, Cout/groups, kH, kW)
     * @param bias (Cout), or null
     * @param stride one value or (sH, sW)
     * @param padding one value or (pH, pW), trimmed from the output
     * @param outputPadding one value or (oH, oW), smaller than stride or dilation
     * @param groups independent channel groups
     * @param dilation one value or (dH, dW)
     * @return (N, Cout, outH, outW), or (Cout, outH, outW) for an unbatched input
     */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                         int[] outputPadding, int groups, int[] dilation) {
        return dev.nano.ops.Convolution.convTranspose2d(input, weight, bias, stride, padding, outputPadding, groups,
                dilation);
    }

    /**
     * {@code torch.conv_transpose1d(input, weight, bias, stride, padding, output_padding, groups, dilation)}.
     * @param input (N, Cin, L) or unbatched (Cin, L)
     * @param weight (Cin, Cout/groups, k)
     * @param bias (Cout), or null
     * @param stride the step
     * @param padding trimmed from both ends of the output
     * @param outputPadding added to one end of the output, smaller than stride or dilation
     * @param groups independent channel groups
     * @param dilation the spacing of kernel taps
     * @return (N, Cout, outL), or (Cout, outL) for an unbatched input
     */
    public static Tensor convTranspose1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding,
                                         int outputPadding, int groups, int dilation) {
        return dev.nano.ops.Convolution.convTranspose1d(input, weight, bias, stride, padding, outputPadding, groups,
                dilation);
    }

    // ---------------------------------------------------------------- attention's building blocks

    /**
     * {@code torch.masked_fill(x, mask, value)}: {@code value} where {@code mask} is true.
     * @param x the input
     * @param mask a bool tensor; broadcasts against {@code x}
     * @param value the fill value (cast to x's dtype)
     * @return a new tensor of the broadcast shape and x's dtype
     */
    public static Tensor maskedFill(Tensor x, Tensor mask, double value) {
        return dev.nano.ops.MaskedFill.maskedFill(notNull("masked_fill", "input", x),
                notNull("masked_fill", "mask", mask), value);
    }

    /**
     * {@code torch.tril(x, diagonal)}: the lower triangle of each matrix in the last two dims.
     * @param x a tensor of at least 2 dims
     * @param diagonal 0 for the main diagonal, positive to keep more, negative to keep less
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor tril(Tensor x, int diagonal) {
        return dev.nano.ops.Triangle.triangle(notNull("tril", "input", x), diagonal, true);
    }

    /**
     * {@code torch.triu(x, diagonal)}: the upper triangle of each matrix in the last two dims.
     * @param x a tensor of at least 2 dims
     * @param diagonal 0 for the main diagonal, positive to keep less, negative to keep more
     * @return a new tensor of x's shape and dtype
     */
    public static Tensor triu(Tensor x, int diagonal) {
        return dev.nano.ops.Triangle.triangle(notNull("triu", "input", x), diagonal, false);
    }

    /**
     * {@code torch.bmm(b1, b2)}: (B, n, k) · (B, k, p) → (B, n, p), no broadcasting.
     * @param b1 a 3-D tensor
     * @param b2 a 3-D tensor of the same batch size
     * @return a new tensor
     */
    public static Tensor bmm(Tensor b1, Tensor b2) {
        return dev.nano.ops.BatchMatmul.bmm(notNull("bmm", "input", b1), notNull("bmm", "mat2", b2));
    }

    /**
     * {@code torch.baddbmm(input, b1, b2, beta=beta, alpha=alpha)}: {@code beta · input + alpha · (b1 @ b2)};
     * with beta 0 the input's values are not read.
     * @param input broadcasts to (B, n, p)
     * @param b1 (B, n, k)
     * @param b2 (B, k, p)
     * @param beta the input's factor
     * @param alpha the product's factor
     * @return a new tensor of shape (B, n, p)
     */
    public static Tensor baddbmm(Tensor input, Tensor b1, Tensor b2, double beta, double alpha) {
        return dev.nano.ops.BatchMatmul.baddbmm(notNull("baddbmm", "input", input),
                notNull("baddbmm", "batch1", b1), notNull("baddbmm", "batch2", b2), beta, alpha);
    }

    /**
     * {@code torch.split(x, splitSize, dim)}: pieces of {@code splitSize} along {@code dim}, the last
     * one shorter if the size does not divide.
     * @param x a tensor of at least 1 dim
     * @param splitSize each piece's length
     * @param dim the dim to cut (negative counts from the end)
     * @return the pieces, in order
     */
    public static java.util.List<Tensor> split(Tensor x, int splitSize, int dim) {
        return dev.nano.ops.Splits.split(notNull("split", "input", x), splitSize, dim);
    }

    /**
     * {@code torch.split(x, sizes, dim)}: pieces of the given lengths, which add up to the dim's size.
     * @param x a tensor of at least 1 dim
     * @param sizes the pieces' lengths
     * @param dim the dim to cut (negative counts from the end)
     * @return the pieces, in order
     */
    public static java.util.List<Tensor> split(Tensor x, int[] sizes, int dim) {
        return dev.nano.ops.Splits.split(notNull("split", "input", x), notNull("split", "split_size", sizes), dim);
    }

    /**
     * {@code torch.chunk(x, chunks, dim)}: at most {@code chunks} pieces of {@code ceil(size / chunks)}.
     * @param x a tensor of at least 1 dim
     * @param chunks how many pieces at most
     * @param dim the dim to cut (negative counts from the end)
     * @return the pieces, in order
     */
    public static java.util.List<Tensor> chunk(Tensor x, int chunks, int dim) {
        return dev.nano.ops.Splits.chunk(notNull("chunk", "input", x), chunks, dim);
    }

    /**
     * {@code torch.cumsum(x, dim)}: running sums along {@code dim}.
     * @param x the input
     * @param dim the dim to sum along (negative counts from the end)
     * @return a new tensor of x's shape
     */
    public static Tensor cumsum(Tensor x, int dim) {
        return dev.nano.ops.CumulativeSum.cumsum(notNull("cumsum", "input", x), dim);
    }

    // ---------------------------------------------------------------- unfold, fold and padding modes

    /**
     * {@code F.unfold(input, kernel_size, dilation, padding, stride)} (im2col): every sliding window
     * becomes one column.
     * @param input (N, C, H, W), or unbatched (C, H, W)
     * @param kernelSize one value or (kH, kW)
     * @param dilation one value or (dH, dW)
     * @param padding one value or (pH, pW): zeros on both sides
     * @param stride one value or (sH, sW)
     * @return (N, C·kH·kW, L), or (C·kH·kW, L) for an unbatched input
     */
    public static Tensor unfold(Tensor input, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        return dev.nano.ops.Unfolding.unfold(input, kernelSize, dilation, padding, stride);
    }

    /**
     * {@code F.fold(input, output_size, kernel_size, dilation, padding, stride)} (col2im): the
     * columns added back into an image; overlapping windows sum.
     * @param input (N, C·kH·kW, L), or unbatched (C·kH·kW, L)
     * @param outputSize one value or (H, W)
     * @param kernelSize one value or (kH, kW)
     * @param dilation one value or (dH, dW)
     * @param padding one value or (pH, pW)
     * @param stride one value or (sH, sW)
     * @return (N, C, H, W), or (C, H, W) for an unbatched input
     */
    public static Tensor fold(Tensor input, int[] outputSize, int[] kernelSize, int[] dilation, int[] padding,
                              int[] stride) {
        return dev.nano.ops.Unfolding.fold(input, outputSize, kernelSize, dilation, padding, stride);
    }

    /**
     * {@code F.pad(x, pad, mode)}: "constant" (zeros), "reflect", "replicate" or "circular".
     * @param x (N, C, spatial...) or (C, spatial...), 1 to 3 spatial dims for the non-constant modes
     * @param pad (before, after) pairs, last dim first
     * @param mode the padding mode
     * @return the padded tensor
     */
    public static Tensor pad(Tensor x, int[] pad, String mode) {
        return dev.nano.ops.PadModes.pad(x, pad, mode);
    }
}
