package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The PyTorch side of the reductions that DJL does not reach directly: {@code amax/amin},
 * {@code mean} over several dims, {@code var/std} and {@code logsumexp}, each composed from real
 * libtorch ops following aten's own formula, forward AND backward. What DJL does reach is called
 * directly by the entries: {@code sum(x)}, {@code sum(x, dims, keepdim)}, {@code mean(x)},
 * {@code mean(x, dim, keepdim)}, {@code prod}, {@code max()/min()} (torch's {@code x.max()}, ties
 * split evenly), {@code max/min(x, dim, keepdim)} (DJL's native returns {@code std::get<0>} of
 * torch's {@code x.max(dim, keepdim)}: the gradient goes to the one selected index),
 * {@code argMax/argMin}, {@code softmax/logSoftmax}.
 *
 * <p>Dims are validated by calling torch's own {@code sum(x, dims, keepdim)} first: every one of
 * these ops validates its dim list with the same {@code make_dim_mask}/{@code maybe_wrap_dim}, so
 * the messages ("Dimension out of range ...", "dim 0 appears multiple times in the list of dims")
 * are torch's.
 */
final class ReductionTorch {
    private ReductionTorch() {
    }

    static PtNDArray pt(NDArray a) {
        return (PtNDArray) a;
    }

    static long[] longs(int[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            l[i] = v[i];
        }
        return l;
    }

    /** {@code dims} wrapped into [0, rank); an empty list means every dim. Call after validation. */
    static int[] wrapped(int[] dims, int rank) {
        if (dims.length == 0) {
            int[] all = new int[rank];
            for (int d = 0; d < rank; d++) {
                all[d] = d;
            }
            return all;
        }
        if (rank == 0) {
            return new int[0]; // dim 0 / -1 of a 0-d tensor reduces nothing
        }
        int[] w = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            w[i] = dims[i] < 0 ? dims[i] + rank : dims[i];
        }
        return w;
    }

    /** Number of input elements that meet in one output element (1 for a 0-d input). */
    static long groupSize(NDArray x, int[] dims) {
        long n = 1;
        for (int d : wrapped(dims, x.getShape().dimension())) {
            n *= x.getShape().get(d);
        }
        return n;
    }

    /** torch's dim validation (range, duplicates) with torch's messages; a no-op for "all dims". */
    static void validate(NDArray x, int[] dims) {
        if (dims.length > 0) {
            JniUtils.sum(pt(x), longs(dims), true);
        }
    }

    /**
     * {@code x.mean(dims, keepdim)} over several dims: aten's CPU {@code mean_out} is
     * {@code sum_out(dims, keepdim).div_(N)} and its backward ({@code mean_backward}) is the
     * expanded gradient divided by N, which is exactly what sum-then-divide differentiates to.
     */
    static NDArray meanOverDims(NDArray x, int[] dims, boolean keepdim) {
        NDArray s = JniUtils.sum(pt(x), longs(dims), keepdim);
        return s.div((double) groupSize(x, dims));
    }

    // ---------------------------------------------------------------- amax / amin

    /**
     * The value of {@code amax/amin(x, dims, keepdim)} (no gradient meant: pass a detached x):
     * {@code max(dim, keepdim=true)} one dim after the other, which selects exactly the same
     * element (NaN propagates in both). Empty inputs fail as amax does
     * ({@code zero_numel_check_dims}): with no dims, through torch's {@code max()}, whose message
     * is amax's with "max()" for "amax()"; with a named dim of size 0, through
     * {@code max(dim)}, whose message names the wrapped dim (amax names it as given).
     */
    static NDArray extremeValue(NDArray x, int[] dims, boolean keepdim, boolean max) {
        int rank = x.getShape().dimension();
        validate(x, dims);
        if (x.size() == 0) {
            if (dims.length == 0) {
                return max ? JniUtils.max(pt(x)) : JniUtils.min(pt(x)); // throws
            }
            for (int d : wrapped(dims, rank)) {
                if (x.getShape().get(d) == 0) {
                    return max ? JniUtils.max(pt(x), d, keepdim) : JniUtils.min(pt(x), d, keepdim); // throws
                }
            }
        }
        NDArray r = x;
        for (int d : wrapped(dims, rank)) {
            r = max ? JniUtils.max(pt(r), d, true) : JniUtils.min(pt(r), d, true);
        }
        return keepdim ? r : r.reshape(reducedShape(x.getShape(), dims));
    }

    /** The shape after reducing {@code dims} without keepdim. */
    static Shape reducedShape(Shape shape, int[] dims) {
        int rank = shape.dimension();
        boolean[] reduced = new boolean[rank];
        for (int d : wrapped(dims, rank)) {
            reduced[d] = true;
        }
        long[] out = new long[rank];
        int k = 0;
        for (int d = 0; d < rank; d++) {
            if (!reduced[d]) {
                out[k++] = shape.get(d);
            }
        }
        return new Shape(java.util.Arrays.copyOf(out, k));
    }

    /**
     * {@code amax/amin(x, dims, keepdim)}, which libtorch has but DJL does not expose. Its backward
     * (derivatives.yaml, {@code scale_grad_by_count}) is {@code (g / mask.sum(dims)) * mask} with
     * {@code mask = (x == result)}: tied elements share the gradient, and a NaN group (mask all
     * false, count 0) gets {@code g / 0 * 0 = NaN} everywhere. Composed as
     * <pre>
     *   r     = the value (above), detached
     *   count = (x == r).sum(dims, keepdim=True), NaN where r is NaN
     *   out   = where((x == r) | isnan(r), x / count, 0).sum(dims, keepdim)
     * </pre>
     * whose gradient is {@code g / count} on the tied elements and 0 elsewhere (NaN on a NaN
     * group), and whose value is k copies of {@code r / k} summed: r to within an ulp or two
     * (exactly r for ±inf and NaN). Do not use it with |r| near the largest double.
     */
    static NDArray extreme(NDArray x, int[] dims, boolean keepdim, boolean max) {
        NDArray xd = x.stopGradient();
        NDArray r = extremeValue(xd, dims, true, max);
        long[] all = longs(wrapped(dims, x.getShape().dimension()));
        NDArray tie = xd.eq(r);
        NDArray count = JniUtils.sum(pt(tie.toType(DataType.FLOAT64, false)), all, true);
        NDArray nanGroup = r.isNaN();
        count = NDArrays.where(nanGroup, count.zerosLike().add(Double.NaN), count);
        NDArray mask = tie.logicalOr(nanGroup);
        NDArray spread = NDArrays.where(mask, x.div(count), x.zerosLike());
        return JniUtils.sum(pt(spread), all, keepdim);
    }

    // ---------------------------------------------------------------- var / std

    /**
     * {@code var/std(x, dims, correction, keepdim)} ({@code dims == null}: torch's
     * {@code dim=None}, i.e. nano's no-dims overloads and an empty dims list). libtorch has them;
     * DJL does not. Forward, as aten: the sum of squared deviations from the mean over
     * {@code max(0, N - correction)} (Welford or two-pass in aten; equal to an ulp or two).
     *
     * <p>Backward for {@code N - correction > 0} is torch autograd through
     * {@code sum((x - mean)^2) / (N - correction)} with the mean detached, which differentiates to
     * {@code (2 / (N - c)) * g * (x - mean)}: exactly {@code var_backward}'s closed form (it has no
     * term through the mean, whose derivative is zero anyway). For std, the sqrt is taken behind
     * a mask so that a zero result gets gradient 0, as {@code std_backward}'s
     * {@code (g / (2 * result)).masked_fill_(result == 0, 0)} does (a bare sqrt would give NaN).
     *
     * <p>For {@code N - correction <= 0} aten's backward is not the derivative of its forward
     * (which divides by 0): {@code var_backward} returns {@code g * where(x == mean, NaN, inf)}
     * when no dims were named (or the input is 0-d), and {@code (2 / (N - c)) * g * (x - mean)}
     * unclamped when dims were named. Those coefficients are computed with torch ops and
     * attached to the (detached) forward value by {@link #withGradient}.
     */
    static NDArray variance(NDArray x, int[] dims, double correction, boolean keepdim, boolean std) {
        int[] ds = dims == null ? new int[0] : dims;
        int rank = x.getShape().dimension();
        boolean named = dims != null && dims.length > 0 && rank > 0;
        long[] all = longs(wrapped(ds, rank));
        validate(x, ds);
        long n = groupSize(x, ds);
        NDArray xd = x.stopGradient();
        NDArray mean = JniUtils.sum(pt(xd), all, true).div((double) n);
        NDArray dev = x.sub(mean);
        NDArray squares = JniUtils.sum(pt(dev.mul(dev)), all, true);
        double dof = n - correction;
        if (dof > 0) {
            NDArray var = squares.div(dof);
            NDArray out = var;
            if (std) {
                NDArray zero = var.stopGradient().eq(0.0);
                NDArray safe = NDArrays.where(zero, var.onesLike(), var);
                out = NDArrays.where(zero, var.zerosLike(), safe.sqrt());
            }
            return keepdim ? out : out.reshape(reducedShape(x.getShape(), ds));
        }
        // N - correction <= 0: the forward divides by max(0, N - c) = 0.
        NDArray value = squares.stopGradient().div(0.0);
        NDArray coefficient;
        if (named) {
            coefficient = xd.sub(mean).mul(2.0 / dof); // 2/0 = inf: inf * 0 = NaN, as in aten
        } else {
            NDArray isMean = xd.eq(mean);
            coefficient = NDArrays.where(isMean, xd.zerosLike().add(Double.NaN),
                    xd.zerosLike().add(Double.POSITIVE_INFINITY));
        }
        if (std) {
            value = value.sqrt();
            // std_backward: var_backward of g / (2 * result), 0 where result == 0.
            NDArray half = NDArrays.div(1.0, value.mul(2.0));
            half = NDArrays.where(value.eq(0.0), value.zerosLike(), half);
            coefficient = coefficient.mul(half);
        }
        NDArray out = value.add(JniUtils.sum(pt(withGradient(x, coefficient)), all, true));
        return keepdim ? out : out.reshape(reducedShape(x.getShape(), ds));
    }

    /**
     * A tensor of x's shape whose value is 0 (x must be finite) and whose gradient with respect to
     * {@code x[i]} is {@code g[i] * c[i]} in IEEE arithmetic, for a detached coefficient c that may
     * be finite, ±inf or NaN. With {@code u = x - x.detach()} (value +0):
     * <pre>
     *   finite c: u * c                      gradient g*c
     *   ±inf:     ±sqrt(u * 1 + 0)           gradient ±g / (2*0) = g*c
     *   NaN:      sqrt(u * 0 + 0)            gradient (g / 0) * 0 = NaN
     * </pre>
     * merged as {@code u*cf + s*(sqrt(u*a + b) - b)} (b = 1 on the finite elements keeps their
     * sqrt term at value 0 with gradient 0, so no inf leaks into them).
     */
    static NDArray withGradient(NDArray x, NDArray c) {
        NDArray u = x.sub(x.stopGradient());
        NDArray zeros = x.zerosLike().stopGradient();
        NDArray ones = x.onesLike().stopGradient();
        NDArray nan = c.isNaN();
        NDArray inf = c.isInfinite();
        NDArray finite = nan.logicalOr(inf).logicalNot();
        NDArray cf = NDArrays.where(finite, c, zeros);
        NDArray a = NDArrays.where(inf, ones, zeros);
        NDArray b = NDArrays.where(finite, ones, zeros);
        NDArray s = NDArrays.where(finite, zeros, NDArrays.where(nan, ones, c.sign()));
        return u.mul(cf).add(s.mul(u.mul(a).add(b).sqrt().sub(b)));
    }

    // ---------------------------------------------------------------- logsumexp

    /**
     * {@code logsumexp(x, dims, keepdim)}, composed exactly as aten's {@code logsumexp_out_impl}:
     * {@code m = amax(x, dims, keepdim=True)} with ±inf replaced by 0, then
     * {@code log(sum(exp(x - m), dims, keepdim)) + m}; an empty input skips the shift. The shift
     * is detached: torch's backward ({@code logsumexp_backward}: {@code g * exp(x - result)}) has
     * no term through it, and the composition differentiates to {@code g / Σexp(x - m) * exp(x - m)},
     * the same softmax weight.
     */
    static NDArray logsumexp(NDArray x, int[] dims, boolean keepdim) {
        int rank = x.getShape().dimension();
        long[] all = longs(wrapped(dims, rank));
        validate(x, dims);
        if (x.size() == 0) {
            return JniUtils.sum(pt(x.exp()), all, keepdim).log();
        }
        NDArray m = extremeValue(x.stopGradient(), dims, true, true);
        m = NDArrays.where(m.isInfinite(), m.zerosLike(), m);
        NDArray s = JniUtils.sum(pt(x.sub(m).exp()), all, keepdim).log();
        return s.add(keepdim ? m : m.reshape(s.getShape()));
    }
}
