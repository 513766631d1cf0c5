package dev.nano.oracle.cases;

import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.nano.oracle.cases.Samples.Domain;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>DJL reaches sigmoid, relu, leaky_relu(x, slope) and elu(x, alpha) directly (its JNI calls
 * {@code torch::sigmoid/relu} and {@code torch::nn::functional::leaky_relu/elu}, which are
 * {@code aten::leaky_relu/elu}). gelu with {@code approximate}, silu and softplus with beta and
 * threshold it does not: they go through the TorchScript bridge ({@link AtenKernel}), one call of
 * {@code torch.gelu / torch.silu / torch.softplus} each.
 */
final class ActivationCases {
    private ActivationCases() {
    }

    private static final AtenKernel GELU = AtenKernel.of("aten::gelu", "x: Tensor, approximate: str",
            "torch.gelu(x, approximate=approximate)");
    private static final AtenKernel SILU = AtenKernel.of("aten::silu", "x: Tensor", "torch.silu(x)");
    private static final AtenKernel SOFTPLUS = AtenKernel.of("aten::softplus",
            "x: Tensor, beta: float, threshold: float", "torch.softplus(x, beta, threshold)");

    private static final String NOT_SCALAR = "its hyperparameter is not an operand; its values are variants "
            + "(attributes), not a Java scalar on either side";

    /** Tiny inputs for ops ≈ c·x near 0 (c = 1/2 for gelu and silu): no subnormals, whose c·x rounds to an ulp. */
    private static final double[] TINY_SCALED = {1e-300, -1e-300, 1e-200, 1e-100, 1e-20, 1e-10, -1e-10};

    static List<OpInfo> entries() {
        return List.of(sigmoid(), relu(), leakyRelu(), gelu(), silu(), softplus(), elu());
    }

    private static OpInfo sigmoid() {
        List<Sample> s = UnarySamples.group("sigmoid", "", Attrs::none, Domain.signed(0.1, 4), Domain.signed(1, 30),
                concat(EDGE_VALUES, 36, -36, 40, -40, -710, -745, 710, MIN_SUB), true, new double[] {0.0});
        return builder("sigmoid", s)
                .oracle(Oracle.kernel("aten::sigmoid", Oracle.DJL))
                .nano((in, a) -> in[0].sigmoid())
                .torch((in, a) -> JniUtils.sigmoid((PtNDArray) in[0]))
                .untested(Kind.ERROR, "accepts every float64 tensor; bool and int64 inputs are promoted to the "
                        + "default float32, which this float64 harness does not hold")
                .build();
    }

    private static OpInfo relu() {
        List<Sample> s = new ArrayList<>(UnarySamples.group("relu", "", Attrs::none, Domain.signed(0.1, 3),
                Domain.signed(1e-3, 1e6), concat(EDGE_VALUES, MIN_SUB, -MIN_SUB), true, new double[] {0.0, -0.0}));
        s.add(Sample.error("bool input", "Boolean inputs not supported for relu", Attrs.none(),
                Input.bool(new int[] {3}, 1, 0, 1)));
        s.addAll(UnarySamples.tiny("", Attrs::none, UnaryCases.TINY));
        return builder("relu", s)
                .oracle(Oracle.kernel("aten::relu", Oracle.DJL))
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
        s.addAll(UnarySamples.tiny("", Attrs::none, UnaryCases.TINY));
        // Added for the mutation score (scripts/mutation-score): an infinite slope makes the kink visible, since
        // 0 · inf = NaN; a nano that tested x >= 0 instead of x > 0 returned 0 there and survived.
        s.add(Sample.of("slope=inf at 0, -0, ±1", Samples.kinds(Kind.EDGE, Kind.NONDIFF),
                Attrs.of("negativeSlope", Samples.INF), Samples.values(0.0, -0.0, 1.0, -1.0)));
        s.addAll(dtypeErrors());
        return builder("leakyRelu", s)
                .oracle(Oracle.kernel("aten::leaky_relu", Oracle.DJL))
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
        s.addAll(UnarySamples.tiny("", Attrs::none, TINY_SCALED));
        s.addAll(UnarySamples.tiny("tanh ", () -> Attrs.of("approximate", "tanh"), TINY_SCALED));
        s.add(Sample.error("approximate=sigmoid", "approximate argument must be either none or tanh.",
                Attrs.of("approximate", "sigmoid"), Samples.values(0.5, -1)));
        s.addAll(dtypeErrors());
        return builder("gelu", s)
                .nano((in, a) -> a.has("approximate") ? in[0].gelu(a.getString("approximate")) : in[0].gelu())
                .torchKernel(GELU, (in, a) -> GELU.call(in[0], a.getString("approximate", "none")))
                .exclude(Kind.SCALAR, NOT_SCALAR)
                .build();
    }

    private static OpInfo silu() {
        List<Sample> s = UnarySamples.group("silu", "", Attrs::none, Domain.signed(0.1, 4), Domain.signed(1, 30),
                concat(EDGE_VALUES, 40, -40, -710, 710, -1.2784645, 1e-10, MIN_SUB), true, new double[] {0.0});
        s.addAll(UnarySamples.tiny("", Attrs::none, TINY_SCALED));
        return builder("silu", s)
                .nano((in, a) -> in[0].silu())
                .torchKernel(SILU, (in, a) -> SILU.call(in[0]))
                .untested(Kind.ERROR, "PyTorch's silu rejects bool and int64 input (\"silu\" not implemented for "
                        + "'Bool' / 'Long'), nano rejects it in its own words (convert with toFloat64()); the message "
                        + "case waits for nano to use PyTorch's")
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
        // beta 1, threshold 20 given explicitly: the same values as the default cases above.
        s.addAll(UnarySamples.group("softplus", "beta=1 threshold=20 ",
                () -> Attrs.of("beta", 1.0).with("threshold", 20.0), Domain.signed(0.1, 4), null,
                edges, false, new double[] {0.0, 20.0}));
        s.addAll(dtypeErrors());
        return builder("softplus", s)
                .nano((in, a) -> a.has("beta") ? in[0].softplus(a.getDouble("beta"), a.getDouble("threshold"))
                        : in[0].softplus())
                .torchKernel(SOFTPLUS, (in, a) -> SOFTPLUS.call(in[0], a.has("beta") ? a.getDouble("beta") : 1.0,
                        a.has("threshold") ? a.getDouble("threshold") : 20.0))
                .exclude(Kind.SCALAR, NOT_SCALAR)
                .build();
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
        s.addAll(UnarySamples.tiny("", Attrs::none, UnaryCases.TINY));
        // Added for the mutation score: an infinite alpha makes elu's kink visible, (exp(0) - 1) · inf = NaN.
        s.add(Sample.of("alpha=inf at 0, -0, ±1", Samples.kinds(Kind.EDGE, Kind.NONDIFF),
                Attrs.of("alpha", Samples.INF), Samples.values(0.0, -0.0, 1.0, -1.0)));
        s.addAll(dtypeErrors());
        return builder("elu", s)
                .oracle(Oracle.kernel("aten::elu", Oracle.DJL))
                .knownDisagreement("PyTorch's elu gradient at NaN is NaN in its vector kernel and g in its scalar "
                        + "kernel, which elements take which path depends on the shape and the CPU dispatch; nano follows "
                        + "the vector kernel (catalogue: elu's NaN cases)", (c, p) -> p.contains("grad of input")
                        && c.inputs().stream().anyMatch(in -> Arrays.stream(in.values()).anyMatch(Double::isNaN)))
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
                .fuzz(FuzzRule.elementwise())
                .samples(samples)
                .exclude(Kind.BROADCAST, "unary: one input, nothing to broadcast")
                .exclude(Kind.SCALAR, "unary: no scalar operand")
                .exclude(Kind.DIMS, "elementwise: no dim argument");
    }
}
