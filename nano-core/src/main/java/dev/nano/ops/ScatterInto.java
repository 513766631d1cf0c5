package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code scatter scatterAdd indexAdd indexCopy indexFill}: a copy of {@code x} with some positions
 * written from a source (or a value). Each call becomes one list, {@code target[i]}: the flat
 * position in the result that source element {@code i} goes to, in the order aten's CPU kernels
 * visit them (row-major over the index, so along a line in index order: of duplicate targets the
 * last write wins, and accumulating ops add in that order). Then
 * <ul>
 *   <li>overwrite (scatter, indexCopy, indexFill): {@code out[target[i]] = src[i]}; the gradient of
 *       {@code x} is zero at every written position, that of {@code src[i]} is {@code g[target[i]]}
 *       (PyTorch's formulas in tools/autograd/derivatives.yaml: {@code grad.gather(dim, index)} for
 *       scatter's src, so a source element whose write was overwritten still gets a gradient);</li>
 *   <li>accumulate (scatterAdd, indexAdd): {@code out[target[i]] += alpha * src[i]}; the gradient of
 *       {@code x} is {@code g}, that of {@code src[i]} is {@code alpha * g[target[i]]}.</li>
 * </ul>
 * Checks and messages are aten's (aten/src/ATen/native/TensorAdvancedIndexing.cpp,
 * ScatterGatherChecks.h, IndexingUtils.h).
 */
final class ScatterInto {
    private ScatterInto() {
    }

    // ---------------------------------------------------------------- scatter, scatter_add

    static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src, boolean add) {
        String op = add ? "scatter_add" : "scatter";
        int d = Shape.wrapDim(dim, x.dim());
        checkScatterIndex(op, x, index);
        if (src.dtype() != x.dtype()) {
            throw new IllegalArgumentException(op + "(): Expected self.dtype to be equal to src.dtype");
        }
        checkScatterShapes(x, d, index, src.shape());
        int[][] maps = scatterTargets(x, d, index, src.shape());
        return new Write(add ? "ScatterAddBackward0" : "ScatterBackward0", maps[0], maps[1], add, 1.0, 0)
                .apply(x, src);
    }

    static Tensor scatterValue(Tensor x, int dim, Tensor index, double value) {
        int d = Shape.wrapDim(dim, x.dim());
        checkScatterIndex("scatter", x, index);
        checkScatterShapes(x, d, index, null);
        int[][] maps = scatterTargets(x, d, index, null);
        return new Write("ScatterBackward1", maps[0], null, false, 1.0, value).apply(x);
    }

    private static void checkScatterIndex(String op, Tensor x, Tensor index) {
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + "(): Expected dtype int64 for index");
        }
    }

    /** aten's scatter_shape_check: same rank, and the index no larger than self (off dim) and than src. */
    private static void checkScatterShapes(Tensor x, int dim, Tensor index, int[] srcShape) {
        if (index.numel() == 0) {
            return;
        }
        int rank = Math.max(x.dim(), 1);
        if (Math.max(index.dim(), 1) != rank) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as self tensor");
        }
        if (srcShape != null && Math.max(srcShape.length, 1) != rank) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as src tensor");
        }
        int[] xs = atLeast1d(x.shape());
        int[] is = atLeast1d(index.shape());
        int[] ss = srcShape == null ? null : atLeast1d(srcShape);
        boolean tooLarge = false;
        for (int d = 0; d < rank; d++) {
            tooLarge |= (d != dim && is[d] > xs[d]) || (ss != null && is[d] > ss[d]);
        }
        if (tooLarge) {
            throw new IllegalArgumentException("Expected index " + Shape.toString(index.shape())
                    + " to be no larger than self " + Shape.toString(x.shape()) + " apart from dimension " + dim
                    + (ss == null ? "" : " and to be no larger size than src " + Shape.toString(srcShape)));
        }
    }

    /** For every index element (row-major): {target in x, position in src}. */
    private static int[][] scatterTargets(Tensor x, int dim, Tensor index, int[] srcShape) {
        int[] xs = atLeast1d(x.shape());
        int[] is = atLeast1d(index.shape());
        int[] xStrides = Shape.strides(xs);
        int[] along = xStrides.clone();
        along[dim] = 0; // the coordinate along dim comes from the index value
        int[] target = Shape.stridedIndices(is, along, 0);
        int[] fromSrc = srcShape == null ? null : Shape.stridedIndices(is, Shape.strides(atLeast1d(srcShape)), 0);
        double[] idx = index.data();
        int size = xs[dim];
        for (int i = 0; i < target.length; i++) {
            long p = (long) idx[i];
            if (p < 0 || p >= size) {
                throw new IndexOutOfBoundsException("index " + p + " is out of bounds for dimension " + dim
                        + " with size " + size);
            }
            target[i] += (int) p * xStrides[dim];
        }
        return new int[][] {target, fromSrc};
    }

    private static int[] atLeast1d(int[] shape) {
        return shape.length == 0 ? new int[] {1} : shape;
    }

    // ---------------------------------------------------------------- index_add, index_copy, index_fill

    static Tensor indexAdd(Tensor x, int dim, Tensor index, Tensor source, double alpha) {
        int d = Shape.wrapDim(dim, x.dim());
        if (index.dim() > 1) {
            throw new IndexOutOfBoundsException("index_add_(): Index is supposed to be a vector");
        }
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("index_add_(): Expected dtype int32/int64 for index");
        }
        if (source.dtype() != x.dtype()) {
            throw new IllegalArgumentException("index_add_(): self (" + Selection.scalarTypeName(x.dtype())
                    + ") and source (" + Selection.scalarTypeName(source.dtype()) + ") must have the same scalar type");
        }
        int n = source.dim() == 0 ? 1 : source.size(d);
        if (index.numel() != n) {
            throw new IndexOutOfBoundsException("index_add_(): Number of indices (" + index.numel()
                    + ") should be equal to source.size(dim): (" + n + "), for dim: " + d);
        }
        int[] target = lineTargets(x, d, index, source, "index");
        return new Write("IndexAddBackward0", target, null, true, alpha, 0).apply(x, source);
    }

    static Tensor indexCopy(Tensor x, int dim, Tensor index, Tensor source) {
        int d = Shape.wrapDim(dim, x.dim());
        if (index.dim() > 1) {
            throw new IndexOutOfBoundsException("index_copy_(): Index should have dimension 1 or 0 (got "
                    + index.dim() + ")");
        }
        int n = index.numel();
        if (source.dim() > 0 && n != source.size(d)) {
            throw new IndexOutOfBoundsException("index_copy_(): Number of indices (" + n
                    + ") should be equal to source.size(dim) (" + source.size(d) + ")");
        }
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("index_copy_(): Expected a long tensor for index, but got "
                    + Selection.scalarTypeName(index.dtype()));
        }
        if (source.dtype() != x.dtype()) {
            throw new IllegalArgumentException("index_copy_(): self and source expected to have the same dtype, but "
                    + "got (self) " + Selection.scalarTypeName(x.dtype()) + " and (source) "
                    + Selection.scalarTypeName(source.dtype()));
        }
        int[] target = lineTargets(x, d, index, source, "index_copy_(): index");
        return new Write("IndexCopyBackward0", target, null, false, 1.0, 0).apply(x, source);
    }

    static Tensor indexFill(Tensor x, int dim, Tensor index, double value) {
        int d = Shape.wrapDim(dim, x.dim());
        if (index.dtype() != DType.INT64) {
            throw new IllegalArgumentException("index_fill_(): Expected dtype int64 for index.");
        }
        if (index.dim() > 1) {
            throw new IllegalArgumentException("Index has to be a vector/scalar");
        }
        int[] shape = x.shape();
        int size = shape.length == 0 ? 1 : shape[d];
        int[] lineShape = shape.clone();
        if (shape.length > 0) {
            lineShape[d] = index.numel();
        }
        for (double p : index.data()) {
            if (p < -size || p >= size) {
                throw new IndexOutOfBoundsException("index " + (long) p + " is out of bounds for dimension " + d
                        + " with size " + size);
            }
        }
        Tensor filled = new Tensor(new double[Shape.numel(lineShape)], lineShape, x.dtype());
        int[] target = lineTargets(x, d, index, filled, null);
        return new Write("IndexFillBackward0", target, null, false, 1.0, value).apply(x);
    }

    /**
     * index_add / index_copy / index_fill: source element at coordinates c goes to x at c with
     * {@code c[dim] = index[c[dim]]}. index_add and index_copy refuse negative indices (their message
     * starts with {@code refusal}); index_fill (null) counts them from the end, its range checked before.
     */
    private static int[] lineTargets(Tensor x, int dim, Tensor index, Tensor source, String refusal) {
        int[] xs = atLeast1d(x.shape());
        int[] ss = atLeast1d(source.shape());
        int size = xs[dim];
        int[] xStrides = Shape.strides(xs);
        double[] idx = index.data();
        int[][] coordinates = new int[ss.length][];
        for (int d = 0; d < ss.length; d++) {
            coordinates[d] = AxisMap.identity(ss[d]);
        }
        int[] positions = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            long p = (long) idx[i];
            if (refusal != null && (p < 0 || p >= size)) {
                throw new IndexOutOfBoundsException(refusal + " " + p + " is out of bounds for dimension " + dim
                        + " with size " + size);
            }
            positions[i] = (int) (p < 0 ? p + size : p);
        }
        coordinates[dim] = positions;
        return AxisMap.sources(xs, coordinates);
    }

    /** One node: x with the targets written from src (input 1) or a value. */
    static final class Write extends Function {
        private final String name;
        private final int[] target;
        private final int[] fromSrc;
        private final boolean accumulate;
        private final double alpha;
        private final double value;

        /**
         * @param target  per written element, its position in the result
         * @param fromSrc per written element, its position in src (null: src is read in order)
         */
        Write(String name, int[] target, int[] fromSrc, boolean accumulate, double alpha, double value) {
            this.name = name;
            this.target = target;
            this.fromSrc = fromSrc;
            this.accumulate = accumulate;
            this.alpha = alpha;
            this.value = value;
        }

        @Override
        public String name() {
            return name;
        }

        /** Copies or adds values of the same dtype (aten requires it): the dtype is kept. */
        @Override
        protected boolean computesValues() {
            return false;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            double[] out = inputs[0].data().clone();
            double[] src = inputs.length > 1 ? inputs[1].data() : null;
            for (int i = 0; i < target.length; i++) {
                double v = src == null ? value : src[fromSrc == null ? i : fromSrc[i]];
                if (accumulate) {
                    out[target[i]] += alpha == 1.0 ? v : alpha * v;
                } else {
                    out[target[i]] = v;
                }
            }
            return new Tensor(out, inputs[0].shape(), inputs[0].dtype());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            double[] g = gradOutput.data();
            Tensor[] inputs = ctx.inputs();
            double[] gx = g.clone();
            if (!accumulate) {
                for (int t : target) {
                    gx[t] = 0;
                }
            }
            Tensor[] grads = new Tensor[inputs.length];
            grads[0] = new Tensor(gx, inputs[0].shape(), DType.FLOAT64);
            if (inputs.length > 1) {
                double[] gs = new double[inputs[1].numel()];
                for (int i = 0; i < target.length; i++) {
                    gs[fromSrc == null ? i : fromSrc[i]] = accumulate && alpha != 1.0 ? alpha * g[target[i]]
                            : g[target[i]];
                }
                grads[1] = new Tensor(gs, inputs[1].shape(), DType.FLOAT64);
            }
            return grads;
        }
    }
}
