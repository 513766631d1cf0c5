package dev.nano.ops;

import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.ValuesIndices;

/**
 * Reductions: {@code sum mean var std prod amax amin max min argmax argmin logsumexp}, and the
 * row-wise {@code softmax logSoftmax}. Each entry point validates its arguments (with PyTorch's
 * messages) and runs the op; the math lives next door:
 * <ul>
 *   <li>{@link ReduceLayout}, {@link ReduceAxis}: which input elements meet in which output element;</li>
 *   <li>{@link ReduceSum}, {@link ReduceVariance}, {@link ReduceProd}, {@link ReduceExtrema},
 *       {@link ReduceLogSumExp}, {@link Softmax}: the ops and their gradients.</li>
 * </ul>
 * A {@code dims} array may name several dims, negative ones counting from the end; an empty (or
 * null) array means every dim. With {@code keepdim} the reduced dims stay, with size 1.
 */
public final class Reductions {
    private Reductions() {
    }

    /**
     * {@code torch.sum(x, dims, keepdim)}: the sum over {@code dims}; an empty group sums to 0.
     * @param x the input tensor
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor, reduced dims removed (or size 1 with {@code keepdim})
     */
    public static Tensor sum(Tensor x, int[] dims, boolean keepdim) {
        return new ReduceSum.Sum(ReduceLayout.of(x.shape(), rangeCheckedFirst(dims, x.dim()), keepdim)).apply(x);
    }

    /**
     * sum, mean, amax, amin and logsumexp are aten's structured reductions: resize_reduction wraps
     * every dim ({@code maybe_wrap_dims}, which refuses one out of range) before {@code make_dim_mask}
     * looks for a dim named twice. var and std ({@code make_reduction}) do both dim by dim. So dims
     * {@code (-1, -1, 1)} of a 0-d tensor is "Dimension out of range ... got 1" for sum and "dim 0
     * appears multiple times" for var. Found by scripts/fuzz.
     */
    private static int[] rangeCheckedFirst(int[] dims, int rank) {
        if (dims != null) {
            for (int d : dims) {
                Shape.wrapDim(d, rank);
            }
            // make_dim_mask (aten/src/ATen/native/ReduceOpsUtils.h) keeps the reduced dims in a 64-bit
            // set, and refuses a wider tensor only when dims are named (no dims: every bit is set).
            if (dims.length > 0 && rank > MAX_REDUCED_RANK) {
                throw new IllegalArgumentException("only tensors with up to " + MAX_REDUCED_RANK
                        + " dims are supported");
            }
        }
        return dims;
    }

    /** aten's {@code dim_bitset_size}: the widest tensor a reduction over named dims accepts. */
    private static final int MAX_REDUCED_RANK = 64;

    /**
     * aten's mean (TORCH_META_FUNC2(mean, dim)) infers no dtype for an integer or bool input, before it
     * looks at the dims: PyTorch's own refusal replaces nano's generic dtype rule here.
     */
    private static void requireFloatingMean(Tensor x) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be either a "
                    + "floating point or complex dtype. Got: " + Selection.scalarTypeName(x.dtype()));
        }
    }

    /**
     * The mean; an empty group gives NaN (0/0), as in PyTorch.
     * @param x the input tensor
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor, reduced dims removed (or size 1 with {@code keepdim})
     */
    public static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        requireFloatingMean(x);
        return new ReduceSum.Mean(ReduceLayout.of(x.shape(), rangeCheckedFirst(dims, x.dim()), keepdim)).apply(x);
    }

    /**
     * Variance with divisor {@code max(0, N - correction)} (correction 1: unbiased).
     * @param x the input tensor
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param correction subtracted from N in the divisor (1: unbiased, 0: population)
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor, reduced dims removed (or size 1 with {@code keepdim})
     */
    public static Tensor var(Tensor x, int[] dims, double correction, boolean keepdim) {
        return new ReduceVariance.Var(ReduceLayout.of(x.shape(), dims, keepdim), correction).apply(x);
    }

    /**
     * {@code torch.std(x, dims, correction, keepdim)}: the square root of {@link #var}.
     * @param x the input tensor
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param correction subtracted from N in the divisor (1: unbiased, 0: population)
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor, reduced dims removed (or size 1 with {@code keepdim})
     */
    public static Tensor std(Tensor x, int[] dims, double correction, boolean keepdim) {
        return new ReduceVariance.Std(ReduceLayout.of(x.shape(), dims, keepdim), correction).apply(x);
    }

    /**
     * The product of all elements (1 for an empty tensor), 0-d.
     * @param x the input tensor
     * @return a 0-d tensor
     */
    public static Tensor prod(Tensor x) {
        return new ReduceProd.Prod().apply(x);
    }

    /**
     * {@code torch.prod(x, dim, keepdim)}: the product along one dim.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor, reduced dims removed (or size 1 with {@code keepdim})
     */
    public static Tensor prod(Tensor x, int dim, boolean keepdim) {
        return new ReduceProd.ProdDim(Shape.wrapDim(dim, x.dim()), keepdim).apply(x);
    }

    /**
     * The maximum over {@code dims}; tied elements share the gradient equally.
     * @param x the input tensor
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor, reduced dims removed (or size 1 with {@code keepdim})
     */
    public static Tensor amax(Tensor x, int[] dims, boolean keepdim) {
        return extreme("amax()", x, dims, keepdim, true);
    }

    /**
     * {@code torch.amin(x, dims, keepdim)}: the minimum over {@code dims}; tied elements share the gradient equally.
     * @param x the input tensor
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor, reduced dims removed (or size 1 with {@code keepdim})
     */
    public static Tensor amin(Tensor x, int[] dims, boolean keepdim) {
        return extreme("amin()", x, dims, keepdim, false);
    }

    private static Tensor extreme(String op, Tensor x, int[] dims, boolean keepdim, boolean max) {
        // aten's amax/amin meta: an empty input's dims are checked (zero_numel_check_dims) before
        // resize_reduction looks for repeats.
        ReduceExtrema.checkNonEmptyGroups(op, x.shape(), rangeCheckedFirst(dims, x.dim()));
        ReduceLayout layout = ReduceLayout.of(x.shape(), dims, keepdim);
        return new ReduceExtrema.Amax(layout, max).apply(x);
    }

    /**
     * The maximum of all elements, 0-d; tied elements share the gradient equally.
     * @param x the input tensor
     * @return a 0-d tensor, NaN if any element is NaN
     */
    public static Tensor max(Tensor x) {
        return extremeOfAll("max()", x, true);
    }

    /**
     * {@code torch.min(x)}: the minimum of all elements; tied elements share the gradient equally.
     * @param x the input tensor
     * @return a 0-d tensor, NaN if any element is NaN
     */
    public static Tensor min(Tensor x) {
        return extremeOfAll("min()", x, false);
    }

    private static Tensor extremeOfAll(String op, Tensor x, boolean max) {
        if (x.numel() == 0) {
            throw new IllegalArgumentException(op + ": Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
        return new ReduceExtrema.MaxAll(max).apply(x);
    }

    /**
     * Values and (first) indices along {@code dim}; each value's gradient goes to its index.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether reduced dims stay as size 1
     * @return the maxima and their int64 indices
     */
    public static ValuesIndices max(Tensor x, int dim, boolean keepdim) {
        return extremeAlongDim("max()", x, dim, keepdim, true);
    }

    /**
     * {@code torch.min(x, dim, keepdim)}: values and (first) indices of the minima along {@code dim}.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether reduced dims stay as size 1
     * @return the minima and their int64 indices
     */
    public static ValuesIndices min(Tensor x, int dim, boolean keepdim) {
        return extremeAlongDim("min()", x, dim, keepdim, false);
    }

    private static ValuesIndices extremeAlongDim(String op, Tensor x, int dim, boolean keepdim, boolean max) {
        int d = Shape.wrapDim(dim, x.dim());
        checkDimNotEmpty(op, x, d);
        ReduceExtrema.MaxDim function = new ReduceExtrema.MaxDim(d, keepdim, max);
        Tensor values = function.apply(x);
        return new ValuesIndices(values, function.indices());
    }

    /**
     * Index of the first maximum in the flattened tensor, 0-d INT64. A NaN counts as the maximum.
     * @param x the input tensor
     * @return a 0-d int64 tensor
     */
    public static Tensor argmax(Tensor x) {
        return argIndexOfAll("argmax()", x, true);
    }

    /**
     * {@code torch.argmax(x, dim, keepdim)}: the index of the first maximum along {@code dim}, as int64.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether reduced dims stay as size 1
     * @return an int64 tensor, {@code dim} removed (or size 1 with {@code keepdim})
     */
    public static Tensor argmax(Tensor x, int dim, boolean keepdim) {
        return argIndexAlongDim("argmax()", x, dim, keepdim, true);
    }

    /**
     * Index of the first minimum in the flattened tensor, 0-d INT64. A NaN counts as the minimum.
     * @param x the input tensor
     * @return a 0-d int64 tensor
     */
    public static Tensor argmin(Tensor x) {
        return argIndexOfAll("argmin()", x, false);
    }

    /**
     * {@code torch.argmin(x, dim, keepdim)}: the index of the first minimum along {@code dim}, as int64.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether reduced dims stay as size 1
     * @return an int64 tensor, {@code dim} removed (or size 1 with {@code keepdim})
     */
    public static Tensor argmin(Tensor x, int dim, boolean keepdim) {
        return argIndexAlongDim("argmin()", x, dim, keepdim, false);
    }

    private static Tensor argIndexOfAll(String op, Tensor x, boolean max) {
        if (x.numel() == 0) {
            throw new IndexOutOfBoundsException(op
                    + ": Expected reduction dim to be specified for input.numel() == 0.");
        }
        return ReduceExtrema.argIndex(x, null, false, max);
    }

    private static Tensor argIndexAlongDim(String op, Tensor x, int dim, boolean keepdim, boolean max) {
        int d = Shape.wrapDim(dim, x.dim());
        checkDimNotEmpty(op, x, d);
        return ReduceExtrema.argIndex(x, d, keepdim, max);
    }

    /** PyTorch's {@code zero_numel_check_dims} for one (wrapped) dim. */
    private static void checkDimNotEmpty(String op, Tensor x, int dim) {
        if (x.dim() > 0 && x.size(dim) == 0) {
            throw new IndexOutOfBoundsException(op + ": Expected reduction dim " + dim + " to have non-zero size.");
        }
    }

    /**
     * log(Σ exp(x)) over {@code dims}, computed stably; an empty group gives -inf.
     * @param x the input tensor
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor, reduced dims removed (or size 1 with {@code keepdim})
     */
    public static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        return new ReduceLogSumExp.Logsumexp(ReduceLayout.of(x.shape(), rangeCheckedFirst(dims, x.dim()), keepdim))
                .apply(x);
    }

    /**
     * exp(x) / Σ exp(x) along {@code dim} (a 0-d tensor accepts dim 0 or -1).
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor softmax(Tensor x, int dim) {
        int d = Shape.wrapDim(dim, x.dim());
        if (!x.dtype().isFloatingPoint() && x.numel() > 0) {
            // aten's host_softmax (aten/src/ATen/native/SoftMax.cpp) dispatches on floating types only, to
            // the last-dim kernel (a 0-d input is viewed as 1-D) or the general one; an empty input returns
            // first (as an empty integer tensor, which nano's dtype rule refuses).
            String kernel = x.dim() == 0 || d == x.dim() - 1 ? "softmax_lastdim_kernel_impl" : "softmax_kernel_impl";
            throw new IllegalArgumentException("\"" + kernel + "\" not implemented for '"
                    + Selection.scalarTypeName(x.dtype()) + "'");
        }
        return new Softmax.SoftmaxFn(d).apply(x);
    }

    /**
     * log(softmax(x)) along {@code dim}, computed without taking the log of a rounded quotient.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor of {@code x}'s shape
     */
    public static Tensor logSoftmax(Tensor x, int dim) {
        return new Softmax.LogSoftmaxFn(Shape.wrapDim(dim, x.dim())).apply(x);
    }
}
