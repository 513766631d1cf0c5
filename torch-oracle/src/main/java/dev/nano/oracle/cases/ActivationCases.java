package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.nano.oracle.cases.Samples.Domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static dev.nano.oracle.cases.Samples.EDGE_VALUES;
import static dev.nano.oracle.cases.UnaryCases.MIN_SUB;
import static dev.nano.oracle.cases.UnarySamples.concat;

/**
 * The activations {@code sigmoid relu leakyRelu gelu silu softplus elu}, each with its variants as
 * attributes: leakyRelu {@code negativeSlope}, gelu {@code approximate}, softplus {@code beta} and
 * {@code threshold}, elu {@code alpha}. A case without the attribute calls nano's default overload
 * ({@code x.leakyRelu()}, {@code x.gelu()}, ...) and PyTorch's default.
 *
 * <p>DJL reaches sigmoid, relu, leaky_relu(x, slope), elu(x, alpha), the exact gelu and softplus
 * with beta 1 / threshold 20 directly. silu, the tanh gelu and softplus with other beta/threshold
 * are composed from PyTorch's kernel formulas (comments at each).
 */
final class ActivationCases {
    private ActivationCases() {
    }

    /** C's M_SQRT2 and M_2_SQRTPI, as PyTorch's gelu kernel combines them: sqrt(2/pi). */
    private static final double GELU_TANH_BETA = 1.41421356237309504880 * 1.12837916709551257390 * 0.5;
    private static final double GELU_TANH_KAPPA = 0.044715;

    private static final String NOT_SCALAR = "its hyperparameter is not an operand; its values are variants "
            + "(attributes), not a Java scalar on either side";

    static List<OpInfo> entries() {
        return List.of(sigmoid(), relu(), leakyRelu(), gelu(), silu(), softplus(), elu());
    }

    private static OpInfo sigmoid() {
        List<Sample> s = UnarySamples.group("sigmoid", "", Attrs::none, Domain.signed(0.1, 4), Domain.signed(1, 30),
                concat(EDGE_VALUES, 36, -36, 40, -40, -710, -745, 710, MIN_SUB), true, new double[] {0.0});
        return builder("sigmoid", s)
                .nano((in, a) -> in[0].sigmoid())
                .torch((in, a) -> JniUtils.sigmoid((PtNDArray) in[0]))
                .exclude(Kind.ERROR, "accepts every float64 tensor; bool and int64 inputs are promoted to the "
                        + "default float32, which this float64 harness does not hold")
                .build();
    }

    private static OpInfo relu() {
        List<Sample> s = new ArrayList<>(UnarySamples.group("relu", "", Attrs::none, Domain.signed(0.1, 3),
                Domain.signed(1e-3, 1e6), concat(EDGE_VALUES, MIN_SUB, -MIN_SUB), true, new double[] {0.0, -0.0}));
        s.add(Sample.error("bool input", "Boolean inputs not supported for relu", Attrs.none(),
                Input.bool(new int[] {3}, 1, 0, 1)));
        return builder("relu", s)
                .nano((in, a) -> in[0].relu())
                .torch((in, a) -> JniUtils.relu((PtNDArray) in[0]))
                .build();
    }

    private static OpInfo leakyRelu() {
        double[] edges = concat(EDGE_VALUES, MIN_SUB, -MIN_SUB);
        double[] kinks = {0.0, -0.0};
        List<Sample> s = new ArrayList<>(UnarySamples.group("leakyRelu", "", Attrs::none, Domain.signed(0.1, 3),
                Domain.signed(1e-3, 1e6), edges, true, kinks));
        for (double slope : new double[] {0.2, 1.5, -0.5, 0.0}) {
            Supplier<Attrs> attrs = () -> Attrs.of("negativeSlope", slope);
            String prefix = "slope=" + UnarySamples.fmt(slope) + " ";
            s.addAll(UnarySamples.group("leakyRelu", prefix, attrs, Domain.signed(0.1, 3), null, edges, false,
                    kinks));
        }
        // Added for the mutation score (scripts/mutation-score): an infinite slope makes the kink visible, since
        // 0 · inf = NaN; a nano that tested x >= 0 instead of x > 0 returned 0 there and survived.
        s.add(Sample.of("slope=inf at 0, -0, ±1", Samples.kinds(Kind.EDGE, Kind.NONDIFF),
                Attrs.of("negativeSlope", Samples.INF), Samples.values(0.0, -0.0, 1.0, -1.0)));
        s.addAll(dtypeErrors());
        return builder("leakyRelu", s)
                .nano((in, a) -> a.has("negativeSlope") ? in[0].leakyRelu(a.getDouble("negativeSlope"))
                        : in[0].leakyRelu())
                .torch((in, a) -> JniUtils.leakyRelu((PtNDArray) in[0],
                        a.has("negativeSlope") ? a.getDouble("negativeSlope") : 0.01))
                .exclude(Kind.SCALAR, NOT_SCALAR)
                .build();
    }

    private static OpInfo gelu() {
        double[] edges = concat(EDGE_VALUES, 5, -5, -10, -40, 40, -3, 1e-10, MIN_SUB);
        List<Sample> s = new ArrayList<>(UnarySamples.group("gelu", "", Attrs::none, Domain.signed(0.1, 4),
                Domain.signed(1, 9), edges, true, new double[] {0.0}));
        s.addAll(UnarySamples.group("gelu", "none ", () -> Attrs.of("approximate", "none"), Domain.signed(0.1, 4),
                null, edges, false, new double[] {0.0}));
        s.addAll(UnarySamples.group("gelu", "tanh ", () -> Attrs.of("approximate", "tanh"), Domain.signed(0.1, 4),
                Domain.signed(1, 9), edges, true, new double[] {0.0}));
        s.addAll(dtypeErrors());
        return builder("gelu", s)
                .nano((in, a) -> a.has("approximate") ? in[0].gelu(a.getString("approximate")) : in[0].gelu())
                .torch((in, a) -> "tanh".equals(a.getString("approximate", "none")) ? geluTanh(in[0])
                        : JniUtils.gelu((PtNDArray) in[0]))
                .exclude(Kind.SCALAR, NOT_SCALAR)
                .build();
    }

    /**
     * {@code F.gelu(x, approximate='tanh')} is not in DJL (JniUtils.gelu is the exact form only):
     * composed exactly as PyTorch's GeluKernelImpl writes it,
     * {@code 0.5 * x * (1 + tanh(kBeta * (x + kKappa * (x * x * x))))} with the kernel's kBeta and
     * kKappa, so the forward is the kernel's, operation for operation. Its gradient comes from
     * autograd through those ops: mathematically GeluBackwardKernelImpl's
     * {@code 0.5·(1 + t) + 0.5·x·(1 − t²)·kBeta·(1 + 3·kKappa·x²)}, rounded differently (a few ulps,
     * inside the default tolerance), with the same NaN at ±inf and ±1e300 (inf · 0 in both).
     * An invalid {@code approximate} string cannot reach PyTorch through DJL for the same reason,
     * so gelu's ERROR evidence is the bool-input rejection.
     */
    private static NDArray geluTanh(NDArray x) {
        NDArray cube = x.mul(x).mul(x);
        NDArray inner = x.add(cube.mul(GELU_TANH_KAPPA)).mul(GELU_TANH_BETA);
        return x.mul(0.5).mul(inner.tanh().add(1.0));
    }

    private static OpInfo silu() {
        List<Sample> s = UnarySamples.group("silu", "", Attrs::none, Domain.signed(0.1, 4), Domain.signed(1, 30),
                concat(EDGE_VALUES, 40, -40, -710, 710, -1.2784645, 1e-10, MIN_SUB), true, new double[] {0.0});
        return builder("silu", s)
                .nano((in, a) -> in[0].silu())
                // silu is not in DJL: composed as x * sigmoid(x). PyTorch's kernel computes
                // x / (1 + exp(-x)); the product rounds once more (≤ 1 ulp apart). Autograd of the
                // product gives g·s + g·x·s·(1 − s), torch's silu_backward g·s·(1 + x·(1 − s))
                // regrouped; both are NaN at ±inf (inf · 0) and 0 far below zero.
                .torch((in, a) -> in[0].mul(JniUtils.sigmoid((PtNDArray) in[0])))
                .exclude(Kind.ERROR, "silu is not in DJL, so no input PyTorch rejects can reach it (the "
                        + "composition's sigmoid accepts every dtype)")
                .build();
    }

    private static OpInfo softplus() {
        double[] edges = concat(EDGE_VALUES, 20, 19.99, 20.01, -40, -745, 710, 36, MIN_SUB);
        List<Sample> s = new ArrayList<>(UnarySamples.group("softplus", "", Attrs::none, Domain.signed(0.1, 4),
                Domain.signed(1, 19.9), edges, true, new double[] {0.0, 20.0}));
        // beta 2, threshold 5: the switch to the identity is at x = 2.5.
        s.addAll(UnarySamples.group("softplus", "beta=2 threshold=5 ",
                () -> Attrs.of("beta", 2.0).with("threshold", 5.0), Domain.signed(0.1, 4), Domain.signed(1, 30),
                concat(EDGE_VALUES, 2.5, 2.49, 2.51, 3, -40, 400), true, new double[] {0.0, 2.5}));
        // beta 0.5, threshold 1: inputs beyond 2 are the identity.
        s.addAll(UnarySamples.group("softplus", "beta=0.5 threshold=1 ",
                () -> Attrs.of("beta", 0.5).with("threshold", 1.0), Domain.signed(0.1, 4), null,
                concat(EDGE_VALUES, 2, 1.99, 2.01, -100), false, new double[] {0.0, 2.0}));
        // beta 1, threshold 20 through the composition: the same values as the default cases above,
        // which go through DJL's real softplus, so the composition is checked against the real op.
        s.addAll(UnarySamples.group("softplus", "beta=1 threshold=20 ",
                () -> Attrs.of("beta", 1.0).with("threshold", 20.0), Domain.signed(0.1, 4), null,
                edges, false, new double[] {0.0, 20.0}));
        s.addAll(dtypeErrors());
        return builder("softplus", s)
                .nano((in, a) -> a.has("beta") ? in[0].softplus(a.getDouble("beta"), a.getDouble("threshold"))
                        : in[0].softplus())
                .torch((in, a) -> a.has("beta") ? softplus(in[0], a.getDouble("beta"), a.getDouble("threshold"))
                        : JniUtils.softPlus((PtNDArray) in[0]))
                .exclude(Kind.SCALAR, NOT_SCALAR)
                .build();
    }

    /**
     * {@code F.softplus(x, beta, threshold)}: DJL's softPlus has beta 1 and threshold 20 only, so
     * other values are composed from PyTorch's kernel, {@code x·beta > threshold ? x :
     * log1p(exp(x·beta)) / beta}, and its backward, {@code x·beta > threshold ? g : g·z/(z + 1)}
     * with {@code z = exp(x·beta)}:
     * <ul>
     *   <li>the branch is a {@code where} on {@code x·beta > threshold}, which routes the gradient
     *       exactly as the kernel's select does;</li>
     *   <li>the log branch is evaluated at 0 where it is not taken, so that its exp cannot overflow
     *       and leak inf · 0 = NaN into the gradient through where's zero (the kernel's select has
     *       no such leak);</li>
     *   <li>log1p(z) is written log(1 + z) (DJL has no log1p): 1 + z rounds, an absolute error of
     *       at most 2^-53/beta in the output, inside the default atol (1e-12). Its autograd
     *       gradient is (g/beta)/(1 + z)·z·beta, the kernel's g·z/(z + 1) up to a few roundings.</li>
     * </ul>
     */
    private static NDArray softplus(NDArray x, double beta, double threshold) {
        NDArray above = x.mul(beta).gt(threshold);
        NDArray safe = JniUtils.where((PtNDArray) above, (PtNDArray) x.zerosLike(), (PtNDArray) x);
        NDArray logBranch = safe.mul(beta).exp().add(1.0).log().div(beta);
        return JniUtils.where((PtNDArray) above, (PtNDArray) x, (PtNDArray) logBranch);
    }

    private static OpInfo elu() {
        double[] edges = concat(EDGE_VALUES, -40, -745, -1e-10, 1e-10, MIN_SUB);
        List<Sample> s = new ArrayList<>(UnarySamples.group("elu", "", Attrs::none, Domain.signed(0.1, 4),
                Domain.signed(1, 30), edges, true, new double[] {0.0, -0.0}));
        for (double alpha : new double[] {0.5, 2.0}) {
            s.addAll(UnarySamples.group("elu", "alpha=" + UnarySamples.fmt(alpha) + " ",
                    () -> Attrs.of("alpha", alpha), Domain.signed(0.1, 4), null, edges, false,
                    new double[] {0.0}));
        }
        // PyTorch's elu backward at NaN depends on the code path (see nano's Unary.Elu): the vector
        // lanes give alpha·exp(NaN) = NaN, the scalar kernel tests x <= 0 and gives g. Which elements
        // are vectorised depends on the CPU dispatch, so the "edges" cases (NaN at index 7 of 15) are
        // kernel-dependent, recorded per dispatch; "edges x32" has NaN in vector lanes everywhere.
        // nano follows the vector path, so the lone-NaN cases, which run the scalar kernel under
        // every dispatch, compare the forward (NaN) only.
        s.replaceAll(c -> c.id().endsWith("x=nan") ? UnarySamples.forwardOnly(c, "PyTorch's elu gradient at NaN is "
                + "NaN in its vector kernel and g in its scalar kernel (a 0-d tensor); nano follows the "
                + "vector kernel, checked by the edge cases") : c);
        // Added for the mutation score: an infinite alpha makes elu's kink visible, (exp(0) - 1) · inf = NaN.
        s.add(Sample.of("alpha=inf at 0, -0, ±1", Samples.kinds(Kind.EDGE, Kind.NONDIFF),
                Attrs.of("alpha", Samples.INF), Samples.values(0.0, -0.0, 1.0, -1.0)));
        s.addAll(dtypeErrors());
        return builder("elu", s)
                .nano((in, a) -> a.has("alpha") ? in[0].elu(a.getDouble("alpha")) : in[0].elu())
                .torch((in, a) -> JniUtils.elu((PtNDArray) in[0], a.has("alpha") ? a.getDouble("alpha") : 1.0))
                .exclude(Kind.SCALAR, NOT_SCALAR)
                .build();
    }

    /**
     * leaky_relu, gelu, softplus and elu are dispatched on floating types only: PyTorch rejects
     * bool and int64 inputs with {@code "<kernel>" not implemented for 'Bool'} ('Long').
     */
    private static List<Sample> dtypeErrors() {
        return List.of(
                Sample.error("bool input", "not implemented for 'Bool'", Attrs.none(),
                        Input.bool(new int[] {3}, 1, 0, 1)),
                Sample.error("int64 input", "not implemented for 'Long'", Attrs.none(),
                        Input.int64(new int[] {2, 2}, 1, -2, 0, 3)));
    }

    private static OpInfo.Builder builder(String name, List<Sample> samples) {
        return OpInfo.builder(name, "ops")
                .samples(samples)
                .exclude(Kind.BROADCAST, "unary: one input, nothing to broadcast")
                .exclude(Kind.SCALAR, "unary: no scalar operand")
                .exclude(Kind.DIMS, "elementwise: no dim argument");
    }
}
