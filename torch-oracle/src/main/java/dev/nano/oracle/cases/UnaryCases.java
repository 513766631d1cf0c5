package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import dev.nano.Tensor;
import dev.nano.oracle.cases.Samples.Domain;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Kind;

import dev.nano.oracle.torch.Dispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static dev.nano.oracle.cases.Samples.EDGE_VALUES;
import static dev.nano.oracle.cases.UnarySamples.concat;

/**
 * The elementwise math ops {@code exp log log1p expm1 sqrt rsqrt abs sign reciprocal square sin cos
 * tanh erf}: the standard shapes, a wide range, the edge values (in one tensor and one by one, see
 * {@link UnarySamples}) and, where the op has one, its kink (the gradient there is the one PyTorch's
 * tools/autograd/derivatives.yaml gives).
 *
 * <p>DJL reaches exp log sqrt abs sign square sin cos tanh erf directly (its JNI calls the Tensor
 * method of the same name). log1p, expm1, rsqrt and reciprocal it does not: they are called
 * through the TorchScript bridge ({@link AtenKernel}), so that their values at tiny magnitudes
 * (expm1(1e-300) = 1e-300, which exp(x) - 1 would round to 0) and their backward formulas are
 * PyTorch's own.
 *
 * <p>Tiny magnitudes: near 0 these ops are ≈ x (or ≈ 1/x, 1/√x), so the default atol (1e-12)
 * would accept 0 for f(1e-300). The "tiny" samples ({@link UnarySamples#tiny}) are compared with
 * atol 0: only the relative tolerance applies.
 */
final class UnaryCases {
    private UnaryCases() {
    }

    static final double MIN_SUB = Double.MIN_VALUE;
    static final double MAX = Double.MAX_VALUE;
    static final double MIN_NORMAL = Double.MIN_NORMAL;

    private static final String NO_ERROR = "accepts every float64 tensor; other dtypes (bool, int64) are promoted "
            + "to the default float32, which this float64 harness does not hold";

    private static final AtenKernel LOG1P = AtenKernel.of("aten::log1p", "x: Tensor", "torch.log1p(x)");
    private static final AtenKernel EXPM1 = AtenKernel.of("aten::expm1", "x: Tensor", "torch.expm1(x)");
    private static final AtenKernel RSQRT = AtenKernel.of("aten::rsqrt", "x: Tensor", "torch.rsqrt(x)");
    private static final AtenKernel RECIPROCAL = AtenKernel.of("aten::reciprocal", "x: Tensor",
            "torch.reciprocal(x)");

    static List<OpInfo> entries() {
        List<OpInfo> out = new ArrayList<>();
        // The wide range stays within e^±6: sum(out · upstream) over e^±700 would swamp the
        // finite-difference check; the huge values are edges instead.
        out.add(smooth("exp", Tensor::exp, djl("aten::exp", NDArray::exp), Domain.signed(0.1, 3), Domain.signed(0.5, 6),
                concat(EDGE_VALUES, 709.78, 710, -708, -745, -746, 300, -300), NO_TINY));
        out.add(withKink("log", Tensor::log, djl("aten::log", NDArray::log), Domain.of(0.1, 5), Domain.of(1e-5, 1e5),
                concat(EDGE_VALUES, MIN_SUB, MIN_NORMAL, MAX, 0.5, 2),
                new double[] {0.0}, NO_TINY)); // kink: log'(0) = +inf (grad / self); the domain boundary
        out.add(withKink("log1p", Tensor::log1p, bridge(LOG1P), Domain.of(-0.9, 3),
                Domain.of(-0.99, 1e5),
                concat(EDGE_VALUES, -1.5, -0.999999, 1e-10, MAX, -1 + 0x1p-52),
                new double[] {-1.0}, TINY, LOG1P_SUBNORMAL)); // kink: log1p'(-1) = +inf (grad / (self + 1))
        out.add(smooth("expm1", Tensor::expm1, bridge(EXPM1), Domain.signed(0.1, 3),
                Domain.signed(0.5, 6), concat(EDGE_VALUES, 709.78, 710, -40, 1e-10, -1e-10, -746, 300), TINY));
        out.add(withKink("sqrt", Tensor::sqrt, djl("aten::sqrt", NDArray::sqrt),
                Domain.of(0.1, 5), Domain.of(1e-6, 1e6),
                concat(EDGE_VALUES, MIN_SUB, MAX, 0.25, 2),
                new double[] {0.0}, TINY_POWERS)); // kink: sqrt'(0) = +inf (grad / (2 * result)); the domain boundary
        out.add(withKink("rsqrt", Tensor::rsqrt, bridge(RSQRT), Domain.of(0.1, 5),
                Domain.of(1e-6, 1e6),
                concat(EDGE_VALUES, MIN_SUB, MAX, 0.25, 2, 1e-160, 1e160),
                new double[] {0.0}, NO_TINY)); // kink: rsqrt'(0) = -inf (-0.5 * grad * result^3); the domain boundary
        out.add(withKink("abs", Tensor::abs, djl("aten::abs", NDArray::abs),
                Domain.signed(0.1, 3), Domain.signed(1e-3, 1e6),
                concat(EDGE_VALUES, MIN_SUB, -MIN_SUB),
                new double[] {0.0, -0.0}, TINY)); // kink: abs'(±0) = 0 (grad * sgn(self))
        out.add(withKink("sign", Tensor::sign, djl("aten::sign", NDArray::sign),
                Domain.signed(0.1, 3), Domain.signed(1e-3, 1e6),
                concat(EDGE_VALUES, MIN_SUB, -MIN_SUB),
                new double[] {0.0, -0.0, 1.5, -2.0}, NO_TINY)); // kink: sign' = 0 everywhere, including its jump at 0
        out.add(withKink("reciprocal", Tensor::reciprocal, bridge(RECIPROCAL), Domain.signed(0.2, 3),
                Domain.signed(1e-3, 1e6),
                concat(EDGE_VALUES, MIN_SUB, MAX, 1e-160, 1e160, 1e154),
                new double[] {0.0}, NO_TINY)); // kink: reciprocal'(0) = -inf (-grad * result^2)
        out.add(smooth("square", Tensor::square, djl("aten::square", NDArray::square),
                Domain.signed(0.1, 3), Domain.signed(1, 1e6),
                concat(EDGE_VALUES, 1e154, 1e155, 1e-162, MIN_SUB), TINY_POWERS));
        out.add(smooth("sin", Tensor::sin, djl("aten::sin", NDArray::sin), Domain.signed(0.1, 3), Domain.signed(3, 1e4),
                concat(EDGE_VALUES, Math.PI, Math.PI / 2, 1e6, 1e15, MIN_SUB), TINY));
        out.add(smooth("cos", Tensor::cos, djl("aten::cos", NDArray::cos), Domain.signed(0.1, 3), Domain.signed(3, 1e4),
                concat(EDGE_VALUES, Math.PI, Math.PI / 2, 1e6, 1e15, MIN_SUB), NO_TINY));
        out.add(withKink("tanh", Tensor::tanh, djl("aten::tanh", NDArray::tanh),
                Domain.signed(0.1, 3), Domain.signed(1, 19),
                concat(EDGE_VALUES, 20, -20, 19.1, 0.5, 1e-10, 40),
                new double[] {0.0}, TINY)); // tanh'(0) = 1 - tanh(0)² = 1 (tools/autograd/derivatives.yaml)
        // The ranges of nano's fdlibm erf meet at 0.84375, 1.25, 1/0.35 and 6; each boundary is an edge.
        out.add(smooth("erf", Tensor::erf, djl("aten::erf", NDArray::erf),
                Domain.signed(0.1, 3), Domain.signed(0.01, 6),
                concat(EDGE_VALUES, 0.84375, -1.25, 1 / 0.35, -6, 5.9, 27, 1e-10, 3e-9, MIN_SUB), TINY));
        return out;
    }

    /** PyTorch's side of a unary op and what the report says it calls. */
    private record TorchSide(Function<NDArray, NDArray> call, Oracle oracle) {
    }

    /** DJL's call (its JNI calls {@code Tensor::<name>()}). */
    private static TorchSide djl(String aten, Function<NDArray, NDArray> call) {
        return new TorchSide(call, Oracle.kernel(aten, Oracle.DJL));
    }

    /** The TorchScript bridge, for the ops DJL does not reach. */
    private static TorchSide bridge(AtenKernel kernel) {
        return new TorchSide(kernel::call, Oracle.kernel(kernel.op(), Oracle.TORCHSCRIPT));
    }

    /** An op smooth everywhere it is defined: no kink, so NONDIFF is excluded. */
    private static OpInfo smooth(String name, Function<Tensor, Tensor> nano, TorchSide torch,
                                 Domain domain, Domain wide, double[] edges, double[] tiny) {
        return builder(name, nano, torch, tiny,
                UnarySamples.group(name, "", Attrs::none, domain, wide, edges, true, null))
                .exclude(Kind.NONDIFF, "smooth wherever it is defined: no kink or tie; its domain edges are EDGE cases")
                .build();
    }

    /** An op with points where PyTorch picks the gradient (tools/autograd/derivatives.yaml): NONDIFF cases there. */
    private static OpInfo withKink(String name, Function<Tensor, Tensor> nano, TorchSide torch,
                                   Domain domain, Domain wide, double[] edges, double[] kinks, double[] tiny,
                                   KnownDisagreement... known) {
        OpInfo.Builder b = builder(name, nano, torch, tiny,
                UnarySamples.group(name, "", Attrs::none, domain, wide, edges, true, kinks));
        for (KnownDisagreement k : known) {
            b.knownDisagreement(k.reason(), k.matches());
        }
        return b.build();
    }

    /**
     * Tiny inputs where f(x) ≈ x near 0 (expm1, log1p, sin, tanh, abs, erf), exactly representable down
     * to the smallest subnormal: 0 (or an absolute error) cannot hide (see UnarySamples#TINY).
     */
    static final double[] TINY = {1e-300, -1e-300, 1e-200, 1e-100, 1e-20, 1e-10, -1e-10, MIN_NORMAL, MIN_SUB};
    /** Tiny inputs of x², √x, whose results lie far below atol (1e-12) or far above 1e-300. */
    private static final double[] TINY_POWERS = {1e-300, 1e-200, 1e-100, 1e-20, 1e-10, 1e-160, MIN_NORMAL};
    private static final double[] NO_TINY = {};

    /**
     * A log1p value where PyTorch answers ±0 and the input holds a subnormal, under a dispatch other
     * than the canonical one; gradients (1 / (1 + x) · g) do not differ, so a gradient line is a finding.
     */
    private static final KnownDisagreement LOG1P_SUBNORMAL = new KnownDisagreement("libtorch's vectorised "
            + "log1p (Sleef's log1p under the avx2 and avx512 dispatches) answers 0 for a subnormal x, where its default "
            + "dispatch, like nano and the exact result, answers x. nano follows the canonical (default) dispatch, whose "
            + "answers are the fixtures' main record (fixtures/ops/log1p.json keeps the others under \"kernels\"); so "
            + "this class is known only when this JVM runs another dispatch (Dispatch.current(), chosen by "
            + "ATEN_CPU_CAPABILITY or the CPU)", (c, p) -> {
                boolean subnormal = c.inputs().stream().flatMapToDouble(in -> Arrays.stream(in.values()))
                        .anyMatch(v -> v != 0 && Math.abs(v) < Double.MIN_NORMAL);
                boolean flushed = p.contains(", expected 0.0 (") || p.contains(", expected -0.0 (");
                return !Dispatch.CANONICAL.equals(Dispatch.current()) && subnormal && flushed
                        && p.startsWith("nano differs") && !p.contains("grad of input");
            });

    private static OpInfo.Builder builder(String name, Function<Tensor, Tensor> nano, TorchSide torch,
                                          double[] tiny, List<Sample> samples) {
        return OpInfo.builder(name, "ops")
                .fuzz(FuzzRule.elementwise())
                .oracle(torch.oracle)
                .nano((in, a) -> nano.apply(in[0]))
                .torch((in, a) -> torch.call.apply(in[0]))
                .samples(samples)
                .samples(UnarySamples.tiny("", Attrs::none, tiny))
                .exclude(Kind.BROADCAST, "unary: one input, nothing to broadcast")
                .exclude(Kind.SCALAR, "unary: no scalar operand")
                .exclude(Kind.DIMS, "elementwise: no dim argument")
                .untested(Kind.ERROR, NO_ERROR);
    }
}
