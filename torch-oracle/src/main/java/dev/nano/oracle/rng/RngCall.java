package dev.nano.oracle.rng;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.nano.DefaultGenerator;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.nn.F;
import dev.nano.nn.Init;
import dev.nano.nn.Linear;
import dev.nano.nn.Conv2d;
import dev.nano.nn.ConvTranspose2d;
import dev.nano.oracle.torch.AtenKernel;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One draw from the global generator, as nano and libtorch make it: {@code randn(17)},
 * {@code uniform_(-2, 3)} on 10 elements, {@code dropout(ones(50), 0.3)}, … Every call returns its
 * values flattened to float64 (integers are exact there: all are below 2⁵³).
 *
 * @param op    the PyTorch call's name
 * @param shape the result's shape
 * @param args  the call's scalar arguments (bounds, mean and std, probability), in PyTorch's order
 */
record RngCall(String op, int[] shape, double... args) {

    private static final AtenKernel SEED = AtenKernel.withBody("aten::manual_seed", "seed: int",
            "    torch.manual_seed(seed)\n    return torch.zeros([1], dtype=7)");
    private static final AtenKernel RAND = AtenKernel.of("aten::rand", "shape: List[int]",
            "torch.rand(shape, dtype=7)");
    private static final AtenKernel RANDN = AtenKernel.of("aten::randn", "shape: List[int]",
            "torch.randn(shape, dtype=7)");
    private static final AtenKernel RANDINT = AtenKernel.of("aten::randint", "low: int, high: int, shape: List[int]",
            "torch.randint(low, high, shape).to(7)");
    private static final AtenKernel RANDPERM = AtenKernel.of("aten::randperm", "n: int",
            "torch.randperm(n).to(7)");
    private static final AtenKernel UNIFORM = AtenKernel.of("aten::uniform_", "shape: List[int], a: float, b: float",
            "torch.empty(shape, dtype=7).uniform_(a, b)");
    private static final AtenKernel NORMAL = AtenKernel.of("aten::normal_", "shape: List[int], m: float, s: float",
            "torch.empty(shape, dtype=7).normal_(m, s)");
    private static final AtenKernel BERNOULLI = AtenKernel.of("aten::bernoulli", "p: Tensor", "torch.bernoulli(p)");
    private static final AtenKernel DROPOUT = AtenKernel.of("aten::dropout", "x: Tensor, p: float",
            "torch.dropout(x, p, True)");
    // F.dropout2d is _VF.feature_dropout(input, p, training)
    private static final AtenKernel FEATURE_DROPOUT = AtenKernel.of("aten::feature_dropout", "x: Tensor, p: float",
            "torch.feature_dropout(x, p, True)");

    // trunc_normal_ (torch/nn/init.py, _no_grad_trunc_normal_): Python computes the CDF bounds with math.erf,
    // C's erf, which libtorch's erf calls for a one-element tensor; the rest are libtorch's own kernels.
    private static final AtenKernel ERF = AtenKernel.of("aten::erf", "x: Tensor", "torch.erf(x)");
    private static final AtenKernel TRUNC_NORMAL = AtenKernel.of("aten::erfinv_",
            "shape: List[int], lo: float, hi: float, scale: float, mean: float, a: float, b: float",
            "torch.empty(shape, dtype=7).uniform_(lo, hi).erfinv_().mul_(scale).add_(mean).clamp_(a, b)");

    /** {@code trunc_normal_(w, mean, std, a, b)} on {@code n} elements. */
    static RngCall truncNormal(int n, double mean, double std, double a, double b) {
        return new RngCall("trunc_normal_", new int[] {n}, mean, std, a, b);
    }

    static RngCall rand(int... shape) {
        return new RngCall("rand", shape);
    }

    static RngCall randn(int... shape) {
        return new RngCall("randn", shape);
    }

    static RngCall randint(long low, long high, int n) {
        return new RngCall("randint", new int[] {n}, low, high);
    }

    static RngCall randperm(int n) {
        return new RngCall("randperm", new int[] {n});
    }

    static RngCall uniform(int n, double a, double b) {
        return new RngCall("uniform_", new int[] {n}, a, b);
    }

    static RngCall normal(int n, double mean, double std) {
        return new RngCall("normal_", new int[] {n}, mean, std);
    }

    /** {@code bernoulli(p)} with p = 0, 1/(n−1), …, 1: both certain ends and everything between. */
    static RngCall bernoulli(int n) {
        return new RngCall("bernoulli", new int[] {n});
    }

    /** {@code nn.Linear(in, out, dtype=torch.float64)}: its weight then its bias, flattened. */
    static RngCall linear(int in, int out) {
        return new RngCall("Linear", new int[] {out, in});
    }

    /** {@code kaiming_normal_(w, mode='fan_out', nonlinearity='relu')} on an (out, in) weight. */
    static RngCall kaimingNormal(int out, int in) {
        return new RngCall("kaiming_normal_", new int[] {out, in});
    }

    /** {@code xavier_uniform_(w, gain)} on an (out, in) weight. */
    static RngCall xavierUniform(int out, int in, double gain) {
        return new RngCall("xavier_uniform_", new int[] {out, in}, gain);
    }

    /** {@code xavier_normal_(w, gain)} on an (out, in) weight. */
    static RngCall xavierNormal(int out, int in, double gain) {
        return new RngCall("xavier_normal_", new int[] {out, in}, gain);
    }

    /** {@code nn.Conv2d(in, out, k, dtype=torch.float64)}: its weight then its bias, flattened. */
    static RngCall conv2d(int in, int out, int k) {
        return new RngCall("Conv2d", new int[] {out, in, k, k});
    }

    /** {@code nn.ConvTranspose2d(in, out, k, dtype=torch.float64)}: weight (in, out, k, k), then bias. */
    static RngCall convTranspose2d(int in, int out, int k) {
        return new RngCall("ConvTranspose2d", new int[] {in, out, k, k});
    }

    /** {@code F.dropout2d(ones(n, c, h, w), p)}: whole channels dropped. */
    static RngCall dropout2d(int n, int c, int h, int w, double p) {
        return new RngCall("Dropout2d", new int[] {n, c, h, w}, p);
    }

    static RngCall dropout(int n, double p) {
        return new RngCall("dropout", new int[] {n}, p);
    }

    private double[] probabilities() {
        int n = shape[0];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = n == 1 ? 0.5 : (double) i / (n - 1);
        }
        return p;
    }

    /** Restarts libtorch's global CPU generator with TorchScript's {@code torch.manual_seed}. */
    static void torchSeed(NDManager manager, long seed) {
        SEED.callIn(manager, seed).close();
    }

    /**
     * libtorch's values for this call, drawn from its global CPU generator.
     * @param m where the tensors live
     * @return the values, flattened
     */
    double[] torch(NDManager m) {
        NDArray out = switch (op) {
            case "rand" -> RAND.callIn(m, shape);
            case "randn" -> RANDN.callIn(m, shape);
            case "randint" -> RANDINT.callIn(m, (long) args[0], (long) args[1], shape);
            case "randperm" -> RANDPERM.callIn(m, (long) shape[0]);
            case "uniform_" -> UNIFORM.callIn(m, shape, args[0], args[1]);
            case "normal_" -> NORMAL.callIn(m, shape, args[0], args[1]);
            case "bernoulli" -> BERNOULLI.call(m.create(probabilities(), new Shape(shape[0])));
            case "dropout" -> DROPOUT.call(m.ones(new Shape(shape[0]), DataType.FLOAT64), args[0]);
            case "Linear" -> torchLinear(m);
            case "Conv2d", "ConvTranspose2d" -> torchConv(m);
            case "Dropout2d" -> FEATURE_DROPOUT.call(m.ones(new Shape(Arrays.stream(shape).asLongStream().toArray()),
                    DataType.FLOAT64), args[0]);
            // torch/nn/init.py (2.7.1), its Python arithmetic transcribed, its draws libtorch's own:
            // kaiming_normal_: std = gain / math.sqrt(fan), gain = math.sqrt(2.0) for relu, fan = fan_out.
            case "kaiming_normal_" -> NORMAL.callIn(m, shape, 0.0, Math.sqrt(2.0) / Math.sqrt(shape[0]));
            // xavier_*: std = gain * math.sqrt(2.0 / float(fan_in + fan_out)); uniform bound math.sqrt(3.0) * std.
            case "xavier_uniform_" -> UNIFORM.callIn(m, shape, -xavierBound(), xavierBound());
            case "xavier_normal_" -> NORMAL.callIn(m, shape, 0.0, xavierStd());
            case "trunc_normal_" -> torchTruncNormal(m);
            default -> throw new IllegalStateException("no such call: " + op);
        };
        return out.toDoubleArray();
    }

    /** torch/nn/init.py's _no_grad_trunc_normal_: norm_cdf in Python, then uniform_, erfinv_, mul_, add_, clamp_. */
    private NDArray torchTruncNormal(NDManager m) {
        double mean = args[0];
        double std = args[1];
        double l = (1.0 + erf(m, (args[2] - mean) / std)) / 2.0;
        double u = (1.0 + erf(m, (args[3] - mean) / std)) / 2.0;
        return TRUNC_NORMAL.callIn(m, shape, 2 * l - 1, 2 * u - 1, std * Math.sqrt(2.0), mean, args[2], args[3]);
    }

    /** math.erf(x / math.sqrt(2.0)) through libtorch's erf on one element (C's erf). */
    private static double erf(NDManager m, double x) {
        try (NDArray t = m.create(new double[] {x / Math.sqrt(2.0)})) {
            return ERF.call(t).toDoubleArray()[0];
        }
    }

    private double xavierStd() {
        return args[0] * Math.sqrt(2.0 / (double) (shape[1] + shape[0]));
    }

    private double xavierBound() {
        return Math.sqrt(3.0) * xavierStd();
    }

    /**
     * {@code nn.Linear.reset_parameters} (torch/nn/modules/linear.py, 2.7.1): its Python arithmetic
     * transcribed ({@code kaiming_uniform_(weight, a=math.sqrt(5))}, then the bias bound
     * {@code 1 / math.sqrt(fan_in)}), its draws libtorch's own {@code uniform_}.
     */
    private NDArray torchLinear(NDManager m) {
        int out = shape[0];
        int in = shape[1];
        double a = Math.sqrt(5);
        double gain = Math.sqrt(2.0 / (1 + Math.pow(a, 2)));
        double std = gain / Math.sqrt(in);
        double weightBound = Math.sqrt(3.0) * std;
        // kaiming_uniform_ returns a tensor with no elements untouched (and warns): no bound, no draw.
        NDArray weight = in * out == 0 ? m.zeros(new Shape(out, in), DataType.FLOAT64)
                : UNIFORM.callIn(m, new int[] {out, in}, -weightBound, weightBound);
        double biasBound = in > 0 ? 1 / Math.sqrt(in) : 0;
        NDArray bias = UNIFORM.callIn(m, new int[] {out}, -biasBound, biasBound);
        return weight.flatten().concat(bias);
    }

    /**
     * {@code _ConvNd.reset_parameters} (torch/nn/modules/conv.py, 2.7.1), its Python arithmetic transcribed:
     * {@code kaiming_uniform_(weight, a=math.sqrt(5))} with fan_in = weight.size(1)·kH·kW, then the bias bound
     * {@code 1 / math.sqrt(fan_in)}; the draws are libtorch's own {@code uniform_}. The bias has
     * out_channels elements: weight.size(0) for Conv2d, weight.size(1) for ConvTranspose2d (groups 1).
     */
    private NDArray torchConv(NDManager m) {
        int fanIn = convFanIn();
        double a = Math.sqrt(5);
        double gain = Math.sqrt(2.0 / (1 + Math.pow(a, 2)));
        double weightBound = Math.sqrt(3.0) * (gain / Math.sqrt(fanIn));
        NDArray weight = UNIFORM.callIn(m, shape, -weightBound, weightBound);
        double biasBound = 1 / Math.sqrt(fanIn);
        int outChannels = op.equals("Conv2d") ? shape[0] : shape[1];
        NDArray bias = UNIFORM.callIn(m, new int[] {outChannels}, -biasBound, biasBound);
        return weight.flatten().concat(bias);
    }

    private int convFanIn() {
        return shape[1] * shape[2] * shape[3];
    }

    /**
     * nano's values for this call, drawn from {@link DefaultGenerator}.
     * @return the values, flattened
     */
    double[] nano() {
        Tensor out = switch (op) {
            case "rand" -> Nano.rand(shape);
            case "randn" -> Nano.randn(shape);
            case "randint" -> Nano.randint((long) args[0], (long) args[1], shape);
            case "randperm" -> Nano.randperm(shape[0]);
            case "uniform_" -> Init.uniform(Nano.zeros(shape), args[0], args[1], DefaultGenerator.get());
            case "normal_" -> Init.normal(Nano.zeros(shape), args[0], args[1], DefaultGenerator.get());
            case "bernoulli" -> Nano.bernoulli(Nano.tensor(probabilities()));
            case "dropout" -> F.dropout(Nano.ones(shape), args[0], true);
            case "kaiming_normal_" -> Init.kaimingNormal(Nano.zeros(shape), 0, "fan_out", "relu",
                    DefaultGenerator.get());
            case "xavier_uniform_" -> Init.xavierUniform(Nano.zeros(shape), args[0], DefaultGenerator.get());
            case "xavier_normal_" -> Init.xavierNormal(Nano.zeros(shape), args[0], DefaultGenerator.get());
            case "trunc_normal_" -> quietly(() -> Init.truncNormal(Nano.zeros(shape), args[0], args[1], args[2],
                    args[3], DefaultGenerator.get()));
            case "Conv2d" -> {
                Conv2d layer = new Conv2d(shape[1], shape[0], shape[2]);
                yield Nano.cat(List.of(layer.weight().reshape(-1), layer.bias()), 0);
            }
            case "ConvTranspose2d" -> {
                ConvTranspose2d layer = new ConvTranspose2d(shape[0], shape[1], shape[2]);
                yield Nano.cat(List.of(layer.weight().reshape(-1), layer.bias()), 0);
            }
            case "Dropout2d" -> F.dropout2d(Nano.ones(shape), args[0], true);
            case "Linear" -> {
                Linear layer = new Linear(shape[1], shape[0]);
                yield Nano.cat(List.of(layer.weight().reshape(-1), layer.bias()), 0);
            }
            default -> throw new IllegalStateException("no such call: " + op);
        };
        return out.toDoubleArray();
    }

    /**
     * Runs {@code call} with Init's warnings held back (a mean far outside [a, b] warns, as PyTorch does;
     * nano-core's TruncNormalTest checks the warning, and the build log stays quiet).
     */
    private static Tensor quietly(java.util.function.Supplier<Tensor> call) {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(Init.class.getName());
        boolean parents = log.getUseParentHandlers();
        log.setUseParentHandlers(false);
        try {
            return call.get();
        } finally {
            log.setUseParentHandlers(parents);
        }
    }

    /** Whether libtorch's last bits depend on libm or on the CPU dispatch (see {@link RngComparison}). */
    boolean roundingMayDiffer() {
        return op.equals("randn") || op.equals("normal_") || op.equals("Linear") || op.startsWith("Conv")
                || op.startsWith("kaiming") || op.startsWith("xavier") || op.equals("trunc_normal_")
                || (op.equals("uniform_") && !(args[0] == 0 && args[1] == 1));
    }

    /** The size of the terms that were rounded: the value, the mean or bound, and std times a large z. */
    double magnitude(double value) {
        double scale = op.equals("normal_") ? Math.abs(args[0]) + 6 * args[1]
                : op.equals("uniform_") ? Math.max(Math.abs(args[0]), Math.abs(args[1]))
                : op.equals("Linear") ? 1 / Math.sqrt(shape[1])
                : op.startsWith("Conv") ? 1 / Math.sqrt(convFanIn())
                : op.equals("xavier_uniform_") ? xavierBound()
                : op.equals("trunc_normal_") ? truncNormalScale(value) : 0;
        return Math.max(Math.abs(value), scale);
    }

    /**
     * trunc_normal_'s values go through erfinv, whose Newton steps divide erf's rounding (glibc's erf against
     * nano's fdlibm erf, an ulp apart now and then) by erf'(x) = 2/√π·exp(−x²): far in the tails (a mean
     * far outside [a, b], which PyTorch warns about) an ulp of erf moves the value by √π/2·exp(x²) ulps,
     * times std·√2. That condition number is the scale of the allowed ulps; near the centre it is about 1.
     */
    private double truncNormalScale(double value) {
        double x = (value - args[0]) / (args[1] * Math.sqrt(2.0));
        double conditioned = args[1] * Math.sqrt(2.0) * Math.sqrt(Math.PI) / 2 * Math.exp(x * x);
        return Math.max(Math.max(Math.abs(args[2]), Math.abs(args[3])), conditioned);
    }

    @Override
    public String toString() {
        String dims = Arrays.stream(shape).mapToObj(String::valueOf).collect(Collectors.joining(", "));
        String scalars = Arrays.stream(args).mapToObj(RngCall::number).collect(Collectors.joining(", "));
        return switch (op) {
            case "rand", "randn", "randperm" -> op + "(" + dims + ")";
            case "randint" -> "randint(" + scalars + ", (" + dims + ",))";
            case "bernoulli" -> "bernoulli(linspace(0, 1, " + dims + "))";
            case "Linear" -> "Linear(" + shape[1] + ", " + shape[0] + ")";
            case "Conv2d" -> "Conv2d(" + shape[1] + ", " + shape[0] + ", " + shape[2] + ")";
            case "ConvTranspose2d" -> "ConvTranspose2d(" + shape[0] + ", " + shape[1] + ", " + shape[2] + ")";
            case "Dropout2d" -> "dropout2d(ones(" + dims + "), " + scalars + ")";
            case "kaiming_normal_" -> "kaiming_normal_(empty(" + dims + "), mode='fan_out', nonlinearity='relu')";
            case "xavier_uniform_", "xavier_normal_" -> op + "(empty(" + dims + "), gain=" + scalars + ")";
            case "dropout" -> "dropout(ones(" + dims + "), " + scalars + ")";
            case "trunc_normal_" -> "trunc_normal_(empty(" + dims + "), mean, std, a, b = " + scalars + ")";
            default -> "empty(" + dims + ")." + op + "(" + scalars + ")";
        };
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RngCall c && op.equals(c.op) && Arrays.equals(shape, c.shape) && Arrays.equals(args, c.args);
    }

    @Override
    public int hashCode() {
        return 31 * op.hashCode() + Arrays.hashCode(shape);
    }
}
