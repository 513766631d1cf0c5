package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import dev.nano.Tensor;
import dev.nano.oracle.cases.Samples.Domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static dev.nano.oracle.cases.Samples.EDGE_VALUES;
import static dev.nano.oracle.cases.UnarySamples.concat;

/**
 * The elementwise math ops {@code exp log log1p expm1 sqrt rsqrt abs sign reciprocal square sin cos
 * tanh erf}: the standard shapes, a wide range, the edge values (in one tensor and one by one, see
 * {@link UnarySamples}) and, where the op has one, its kink (spec §16).
 *
 * <p>DJL reaches exp log sqrt abs sign square sin cos tanh erf directly. log1p, expm1, rsqrt and
 * reciprocal it does not: they are composed from PyTorch's own formulas, each with a comment
 * saying why the composition has the forward values and the gradients of the real op.
 */
final class UnaryCases {
    private UnaryCases() {
    }

    static final double MIN_SUB = Double.MIN_VALUE;
    static final double MAX = Double.MAX_VALUE;
    static final double MIN_NORMAL = Double.MIN_NORMAL;

    private static final String NO_ERROR = "accepts every float64 tensor; other dtypes (bool, int64) are promoted "
            + "to the default float32, which this float64 harness does not hold";

    static List<OpInfo> entries() {
        List<OpInfo> out = new ArrayList<>();
        // The wide range stays within e^±6: sum(out · upstream) over e^±700 would swamp the
        // finite-difference check; the huge values are edges instead.
        out.add(smooth("exp", Tensor::exp, NDArray::exp, Domain.signed(0.1, 3), Domain.signed(0.5, 6),
                concat(EDGE_VALUES, 709.78, 710, -708, -745, -746, 300, -300)));
        out.add(withKink("log", Tensor::log, NDArray::log, Domain.of(0.1, 5), Domain.of(1e-5, 1e5),
                concat(EDGE_VALUES, MIN_SUB, MIN_NORMAL, MAX, 0.5, 2),
                new double[] {0.0})); // kink: log'(0) = +inf (grad / self); the domain boundary
        // log1p is not in DJL: composed as log(1 + x), PyTorch's definition. The gradient is exactly
        // torch's log1p_backward, grad / (self + 1): log's backward divides by the same rounded 1 + x.
        // The forward loses precision for tiny |x|: 1 + x rounds, an absolute error <= 2^-53 ≈ 1.1e-16
        // (relative 1.1e-16/|x|), which the default atol (1e-12) absorbs. So the x=1e-10 and x=1e-300
        // cases check nano's (accurate, Math.log1p) value only to that atol; for |x| >= 0.1 (the
        // random cases) the relative error is below 2e-15, far inside rtol 1e-10.
        out.add(withKink("log1p", Tensor::log1p, x -> x.add(1.0).log(), Domain.of(-0.9, 3),
                Domain.of(-0.99, 1e5),
                concat(EDGE_VALUES, -1.5, -0.999999, 1e-10, MAX, -1 + 0x1p-52),
                new double[] {-1.0})); // kink: log1p'(-1) = +inf (grad / (self + 1)); the domain boundary
        // expm1 is not in DJL: composed as exp(x) - 1. Its gradient, grad * exp(x), is torch's
        // expm1 backward grad * (result + 1) up to one rounding of result + 1. For tiny |x| the
        // forward's absolute error is <= 2^-53 (exp(x) rounds near 1), inside the default atol.
        out.add(smooth("expm1", Tensor::expm1, x -> x.exp().sub(1.0), Domain.signed(0.1, 3),
                Domain.signed(0.5, 6), concat(EDGE_VALUES, 709.78, 710, -40, 1e-10, -1e-10, -746, 300)));
        out.add(withKink("sqrt", Tensor::sqrt, NDArray::sqrt, Domain.of(0.1, 5), Domain.of(1e-6, 1e6),
                concat(EDGE_VALUES, MIN_SUB, MAX, 0.25, 2),
                new double[] {0.0})); // kink: sqrt'(0) = +inf (grad / (2 * result)); the domain boundary
        // rsqrt is not in DJL: composed as 1 / sqrt(x), which is also PyTorch's rsqrt kernel
        // (1 / std::sqrt(a), and the vectorized rsqrt is _mm256_div_pd(1, sqrt)), so the forward is
        // bit-identical. The gradient, through div and sqrt, is -grad / (sqrt(x)^2 · 2·sqrt(x)): the
        // same value as torch's -0.5 * grad * result^3 up to a few roundings, with the same ±inf at
        // ±0 and the same signs (worked through for 0, -0.0, 1e-300, 1e300, inf and NaN, all edges).
        out.add(withKink("rsqrt", Tensor::rsqrt, x -> NDArrays.div(1.0, x.sqrt()), Domain.of(0.1, 5),
                Domain.of(1e-6, 1e6),
                concat(EDGE_VALUES, MIN_SUB, MAX, 0.25, 2, 1e-160, 1e160),
                new double[] {0.0})); // kink: rsqrt'(0) = -inf (-0.5 * grad * result^3); the domain boundary
        out.add(withKink("abs", Tensor::abs, NDArray::abs, Domain.signed(0.1, 3), Domain.signed(1e-3, 1e6),
                concat(EDGE_VALUES, MIN_SUB, -MIN_SUB),
                new double[] {0.0, -0.0})); // kink: abs'(±0) = 0 (grad * sgn(self))
        out.add(withKink("sign", Tensor::sign, NDArray::sign, Domain.signed(0.1, 3), Domain.signed(1e-3, 1e6),
                concat(EDGE_VALUES, MIN_SUB, -MIN_SUB),
                new double[] {0.0, -0.0, 1.5, -2.0})); // kink: sign' = 0 everywhere, including its jump at 0
        // reciprocal is not in DJL: composed as 1.0 / x (torch.reciprocal's value, 1 / a, bit for
        // bit). The gradient through div, -grad * ((1 / x) / x), equals torch's
        // -grad * (result * result) up to one rounding, with the same ±inf at ±0.
        out.add(withKink("reciprocal", Tensor::reciprocal, x -> NDArrays.div(1.0, x), Domain.signed(0.2, 3),
                Domain.signed(1e-3, 1e6),
                concat(EDGE_VALUES, MIN_SUB, MAX, 1e-160, 1e160, 1e154),
                new double[] {0.0})); // kink: reciprocal'(0) = -inf (-grad * result^2)
        out.add(smooth("square", Tensor::square, NDArray::square, Domain.signed(0.1, 3), Domain.signed(1, 1e6),
                concat(EDGE_VALUES, 1e154, 1e155, 1e-162, MIN_SUB)));
        out.add(smooth("sin", Tensor::sin, NDArray::sin, Domain.signed(0.1, 3), Domain.signed(3, 1e4),
                concat(EDGE_VALUES, Math.PI, Math.PI / 2, 1e6, 1e15, MIN_SUB)));
        out.add(smooth("cos", Tensor::cos, NDArray::cos, Domain.signed(0.1, 3), Domain.signed(3, 1e4),
                concat(EDGE_VALUES, Math.PI, Math.PI / 2, 1e6, 1e15, MIN_SUB)));
        out.add(withKink("tanh", Tensor::tanh, NDArray::tanh, Domain.signed(0.1, 3), Domain.signed(1, 19),
                concat(EDGE_VALUES, 20, -20, 19.1, 0.5, 1e-10, 40),
                new double[] {0.0})); // spec §16 lists tanh'(0) = 1
        // The ranges of nano's fdlibm erf meet at 0.84375, 1.25, 1/0.35 and 6; each boundary is an edge.
        out.add(smooth("erf", Tensor::erf, NDArray::erf, Domain.signed(0.1, 3), Domain.signed(0.01, 6),
                concat(EDGE_VALUES, 0.84375, -1.25, 1 / 0.35, -6, 5.9, 27, 1e-10, 3e-9, MIN_SUB)));
        return out;
    }

    /** An op smooth everywhere it is defined: no kink, so NONDIFF is excluded. */
    private static OpInfo smooth(String name, Function<Tensor, Tensor> nano, Function<NDArray, NDArray> torch,
                                 Domain domain, Domain wide, double[] edges) {
        return builder(name, nano, torch,
                UnarySamples.group(name, "", Attrs::none, domain, wide, edges, true, null))
                .exclude(Kind.NONDIFF, "smooth wherever it is defined: no kink or tie; its domain edges are EDGE cases")
                .build();
    }

    /** An op with points where PyTorch picks the gradient (spec §16): NONDIFF cases at each. */
    private static OpInfo withKink(String name, Function<Tensor, Tensor> nano, Function<NDArray, NDArray> torch,
                                   Domain domain, Domain wide, double[] edges, double[] kinks) {
        return builder(name, nano, torch,
                UnarySamples.group(name, "", Attrs::none, domain, wide, edges, true, kinks))
                .build();
    }

    private static OpInfo.Builder builder(String name, Function<Tensor, Tensor> nano,
                                          Function<NDArray, NDArray> torch, List<Sample> samples) {
        return OpInfo.builder(name, "ops")
                .nano((in, a) -> nano.apply(in[0]))
                .torch((in, a) -> torch.apply(in[0]))
                .samples(samples)
                .exclude(Kind.BROADCAST, "unary: one input, nothing to broadcast")
                .exclude(Kind.SCALAR, "unary: no scalar operand")
                .exclude(Kind.DIMS, "elementwise: no dim argument")
                .exclude(Kind.ERROR, NO_ERROR);
    }
}
