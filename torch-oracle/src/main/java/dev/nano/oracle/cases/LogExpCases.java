package dev.nano.oracle.cases;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.oracle.cases.Samples.Domain;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static dev.nano.oracle.cases.Samples.EDGE_VALUES;
import static dev.nano.oracle.cases.Samples.INF;
import static dev.nano.oracle.cases.Samples.NAN;
import static dev.nano.oracle.cases.Samples.kinds;
import static dev.nano.oracle.cases.UnaryCases.MAX;
import static dev.nano.oracle.cases.UnaryCases.MIN_NORMAL;
import static dev.nano.oracle.cases.UnaryCases.MIN_SUB;
import static dev.nano.oracle.cases.UnarySamples.concat;

/**
 * {@code log2 log10 exp2 logit logaddexp xlogy hypot copysign nanToNum}, each through its own aten
 * kernel (TorchScript bridge). nano computes log2, log10, exp2, hypot with {@code Math}, libtorch
 * with glibc or SLEEF: an ulp apart at most, inside the default relative tolerance; powers of two
 * and ten are exact in both.
 */
final class LogExpCases {
    private LogExpCases() {
    }

    static List<OpInfo> entries() {
        return List.of(
                ElementwiseEntries.unary("log2", Tensor::log2, Domain.of(0.1, 5), Domain.of(1e-5, 1e5),
                        concat(EDGE_VALUES, 8, 0.125, 1024, MIN_SUB, 3 * MIN_SUB, MIN_NORMAL, MAX, 1.4142135623730954,
                                1.4142135623730951, 1 + 0x1p-52, 1 - 0x1p-53), new double[] {0.0})
                        .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR).build(), // kink: log2'(0) = inf, the boundary
                ElementwiseEntries.unary("log10", Tensor::log10, Domain.of(0.1, 5), Domain.of(1e-5, 1e5),
                        concat(EDGE_VALUES, 10, 1000, 0.001, 1e22, MIN_SUB, MIN_NORMAL, MAX), new double[] {0.0})
                        .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR).build(),
                ElementwiseEntries.unary("exp2", Tensor::exp2, Domain.signed(0.1, 3), Domain.signed(0.5, 8),
                        concat(EDGE_VALUES, 1023, 1024, -1074, -1075, 10, -3, 0.5, 1e-10), null)
                        .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR).build(),
                logit(),
                ElementwiseEntries.binary("logaddexp", "aten::logaddexp", Nano::logaddexp, Domain.signed(0.1, 5),
                        Domain.signed(0.1, 5), null)
                        .sample(Sample.of("ties and far apart", kinds(Kind.NONDIFF, Kind.EDGE), Attrs.none(),
                                Samples.values(1, -3, 800, -800, 0, 40, 1e300),
                                Samples.values(1, -3, 800, 800, 50, -40, 1e300)))
                        .build(),
                ElementwiseEntries.binary("xlogy", "aten::xlogy.Tensor", Nano::xlogy, Domain.signed(0.1, 3),
                        Domain.of(0.1, 5), new ElementwiseEntries.NumberForms(
                                ElementwiseEntries.tensorNumber("xlogy", "aten::xlogy.Scalar_Other"), Nano::xlogy,
                                ElementwiseEntries.numberTensor("xlogy", "aten::xlogy.Scalar_Self"), Nano::xlogy, true,
                                s -> s <= 0, 2.5, 0.0, -1.5))
                        .sample(Sample.of("x=0", kinds(Kind.NONDIFF, Kind.EDGE), Attrs.none(),
                                Samples.values(0, 0, 0, -0.0, 0, 1, 0),
                                Samples.values(0, -1, 2, 3, NAN, 0, INF)))
                        .build(),
                ElementwiseEntries.binary("hypot", "aten::hypot", Nano::hypot, Domain.signed(0.1, 3),
                        Domain.signed(0.1, 3), null)
                        .sample(Sample.of("huge and tiny", kinds(Kind.EDGE), Attrs.none(),
                                Samples.values(1e300, 1e-300, 3e-310, 1e200, 0, -0.0),
                                Samples.values(1e300, 1e-300, 4e-310, 1e-200, 0, 5)))
                        .exclude(Kind.NONDIFF, "smooth away from the origin, whose gradient (0/0 = NaN) is in the "
                                + "edge product")
                        .build(),
                ElementwiseEntries.binary("copysign", "aten::copysign.Tensor", Nano::copysign, Domain.signed(0.1, 3),
                        Domain.signed(0.1, 3), new ElementwiseEntries.NumberForms(
                                ElementwiseEntries.tensorNumber("copysign", "aten::copysign.Scalar"), Nano::copysign,
                                null, null, true, s -> s == 0, 2.5, -1.5, -0.0))
                        .sample(Sample.of("at zero", kinds(Kind.NONDIFF), Attrs.none(),
                                Samples.values(0, -0.0, 0, -0.0, 2, -2),
                                Samples.values(1, 1, -1, -1, -0.0, 0)))
                        .build(),
                nanToNum());
    }

    /**
     * logit and logit(eps): {@code aten::logit}, eps optional (it travels as a value and a flag, as
     * TorchScript's None cannot be passed from Java).
     */
    private static OpInfo logit() {
        AtenKernel k = AtenKernel.withBody("aten::logit", "x: Tensor, eps: float, has_eps: bool", String.join("\n",
                "    e = annotate(Optional[float], None)",
                "    if has_eps:",
                "      e = eps",
                "    else:",
                "      pass",
                "    return torch.logit(x, e)"));
        double[] edges = concat(EDGE_VALUES, 0.5, 1e-10, 1 - 1e-10, 1.5, -0.5, 0.25, MIN_SUB);
        List<Sample> s = new ArrayList<>(UnarySamples.group("logit", "", Attrs::none, Domain.of(0.05, 0.95), null,
                edges, true, new double[] {0.0, 1.0}));
        for (double eps : new double[] {0.1, 0.0, 1e-6}) {
            Supplier<Attrs> attrs = () -> Attrs.of("eps", eps);
            s.addAll(UnarySamples.group("logit", "eps=" + UnarySamples.fmt(eps) + " ", attrs, Domain.of(0.15, 0.85),
                    null, concat(edges, 0.1, 0.9, 0.05, 0.95), false, new double[] {eps, 1 - eps}));
        }
        // PyTorch's scalar backward kernel (a tensor's last few elements, and every 0-d one) tests x == 0
        // where its vector lanes divide by x·(1 − x): the two differ at −0.0 (+inf against −inf) without eps,
        // and at NaN with eps (NaN against 0). nano follows the vector lanes, which the edges x32 cases check.
        // "eps=0 edges reversed" (21 values) puts −0.0 at index 19, in the scalar tail under every dispatch.
        s.replaceAll(c -> c.id().endsWith("x=-0.0") || c.id().startsWith("eps=") && c.id().endsWith("x=nan")
                || c.id().equals("eps=0 edges reversed")
                ? UnarySamples.forwardOnly(c, "PyTorch's scalar and vectorised logit backward kernels differ here "
                        + "(−0.0 without eps, NaN with eps); nano follows the vector lanes, checked by the edge cases")
                : c);
        return OpInfo.builder("logit", "ops")
                .fuzz(FuzzRule.elementwise())
                .torchKernel(k, (in, a) -> k.call(in[0], a.has("eps") ? a.getDouble("eps") : 0.0, a.has("eps")))
                .nano((in, a) -> a.has("eps") ? in[0].logit(a.getDouble("eps")) : in[0].logit())
                .samples(s)
                .knownDisagreement("PyTorch's logit backward differs between its scalar kernel (a tensor's last few "
                        + "elements) and its vector lanes at −0.0 (eps None) and NaN (with eps); which elements take "
                        + "which path depends on the shape and the CPU dispatch; nano follows the vector lanes",
                        (c, p) -> p.contains("grad of input") && c.inputs().stream().anyMatch(in ->
                                java.util.Arrays.stream(in.values()).anyMatch(v -> Double.isNaN(v)
                                        || v == 0 && 1 / v < 0)))
                .exclude(Kind.BROADCAST, "unary: one input, nothing to broadcast")
                .exclude(Kind.SCALAR, "unary: eps is an attribute, not an operand")
                .exclude(Kind.DIMS, "elementwise: no dim argument")
                .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR)
                .build();
    }

    /** nan_to_num with each replacement optional (value and flag, unpacked to None in the method). */
    private static OpInfo nanToNum() {
        AtenKernel k = AtenKernel.withBody("aten::nan_to_num", "x: Tensor, nan: float, posinf: float, "
                + "has_posinf: bool, neginf: float, has_neginf: bool", String.join("\n",
                "    p = annotate(Optional[float], None)",
                "    if has_posinf:",
                "      p = posinf",
                "    else:",
                "      pass",
                "    n = annotate(Optional[float], None)",
                "    if has_neginf:",
                "      n = neginf",
                "    else:",
                "      pass",
                "    return torch.nan_to_num(x, nan, p, n)"));
        double[] edges = concat(EDGE_VALUES, MAX, -MAX, MIN_SUB);
        List<Sample> s = new ArrayList<>(UnarySamples.group("nanToNum", "", Attrs::none, Domain.signed(0.1, 3),
                Domain.signed(1, 1e6), edges, true, null));
        s.addAll(UnarySamples.group("nanToNum", "nan=1.5 posinf=100 neginf=-100 ",
                () -> Attrs.of("nan", 1.5).with("posinf", 100.0).with("neginf", -100.0), Domain.signed(0.1, 3), null,
                edges, false, null));
        s.addAll(UnarySamples.group("nanToNum", "posinf=inf ", () -> Attrs.of("posinf", INF), Domain.signed(0.1, 3),
                null, edges, false, null));
        s.addAll(UnarySamples.group("nanToNum", "nan=nan neginf=0 ", () -> Attrs.of("nan", NAN).with("neginf", 0.0),
                Domain.signed(0.1, 3), null, edges, false, null));
        return OpInfo.builder("nanToNum", "ops")
                .fuzz(FuzzRule.elementwise())
                .torchKernel(k, (in, a) -> k.call(in[0], a.has("nan") ? a.getDouble("nan") : 0.0,
                        a.has("posinf") ? a.getDouble("posinf") : 0.0, a.has("posinf"),
                        a.has("neginf") ? a.getDouble("neginf") : 0.0, a.has("neginf")))
                .nano((in, a) -> a.has("nan") || a.has("posinf") || a.has("neginf")
                        ? in[0].nanToNum(a.getOptionalDouble("nan"), a.getOptionalDouble("posinf"),
                                a.getOptionalDouble("neginf"))
                        : in[0].nanToNum())
                .samples(s)
                .exclude(Kind.BROADCAST, "unary: one input, nothing to broadcast")
                .exclude(Kind.SCALAR, "unary: the replacements are attributes, not operands")
                .exclude(Kind.DIMS, "elementwise: no dim argument")
                .exclude(Kind.NONDIFF, "the identity on finite values; NaN and ±inf, where the gradient is 0, are "
                        + "EDGE cases")
                .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR)
                .build();
    }
}
