package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Index;
import dev.nano.Shape;
import dev.nano.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code x[...]} with any mix of integers, slices, {@code None}, {@code ...}, index tensors, integer
 * lists and bool masks, in two steps as libtorch takes them:
 *
 * <ol>
 *   <li>Basic indexing (aten/src/ATen/TensorIndexing.h, {@code applySlicing}): integers, slices and
 *       {@code None} turn {@code x} into a strided view — per dim a size and a stride over {@code x}'s
 *       storage, plus an offset. Index tensors are set aside with the view dim they stand at.</li>
 *   <li>Advanced indexing (aten/src/ATen/native/TensorAdvancedIndexing.cpp, {@code index}): bool masks
 *       become the positions of their true elements ({@code nonzero}), the index tensors broadcast
 *       together to one shape {@code B}, and the result is {@code B} in place of the indexed view dims
 *       if those are adjacent, else {@code B} followed by the other view dims.</li>
 * </ol>
 *
 * Both steps only choose which element of {@code x} each output element copies, so they end in one
 * {@link MoveByIndexMap}: its backward adds each output gradient to the element read, which is
 * aten::index_put_ with {@code accumulate=True} (an element picked twice gets both gradients).
 */
final class AdvancedIndexing {
    private AdvancedIndexing() {
    }

    /** One dim of the strided view of {@code x}: its size and its stride over {@code x}'s storage. */
    private record ViewDim(int size, int stride) {
    }

    static Tensor index(Tensor x, Index[] entries) {
        int[] shape = x.shape();
        int[] strides = Shape.strides(shape);
        int specified = specifiedDims(entries, shape.length);
        List<ViewDim> view = new ArrayList<>();
        for (int d = 0; d < shape.length; d++) {
            view.add(new ViewDim(shape[d], strides[d]));
        }
        List<Tensor> recorded = new ArrayList<>(); // libtorch's outIndices: an index tensor per view dim, or null
        int offset = 0;
        int dim = 0; // the view dim the next entry applies to
        for (int position = 0; position < entries.length; position++) {
            Index entry = entries[position];
            Tensor t = entry instanceof Index.ByTensor b ? b.indices() : null;
            if (entry instanceof Index.At || t != null && t.dim() == 0 && t.dtype() == DType.INT64) {
                long i = t == null ? ((Index.At) entry).index() : (long) t.item(); // a 0-d position acts as an integer
                ViewDim v = view.remove(dim);
                checkSelect(i, v.size(), position);
                offset += (int) (i < 0 ? i + v.size() : i) * v.stride();
            } else if (entry instanceof Index.Range r) {
                ViewDim v = view.get(dim);
                IndexSlicing.Range range = IndexSlicing.pythonSlice(r.slice(), v.size());
                offset += range.start() * v.stride();
                view.set(dim++, new ViewDim(range.length(), range.step() * v.stride()));
            } else if (entry instanceof Index.NewAxis) {
                view.add(dim++, new ViewDim(1, 0));
            } else if (entry instanceof Index.Ellipsis) {
                dim += shape.length - specified;
            } else if (t.dim() == 0) {
                // x[True] adds a dim of size 1 and picks position 0 of it; x[False] picks nothing
                // (TensorIndexing.h, boolToIndexingTensor).
                view.add(dim, new ViewDim(1, 0));
                record(recorded, dim++, t.item() != 0 ? new Tensor(new double[] {0}, new int[] {1}, DType.INT64)
                        : new Tensor(new double[0], new int[] {0}, DType.INT64));
            } else {
                // libtorch moves on by one view dim also after a mask of several dims (TensorIndexing.h,
                // recordTensorIndex), so what follows such a mask applies to its second dim: x[m2d, 1:] fails
                // there as in PyTorch.
                record(recorded, dim++, t);
            }
        }
        return gather(x, view, offset, recorded);
    }

    private static void record(List<Tensor> recorded, int dim, Tensor t) {
        while (recorded.size() <= dim) {
            recorded.add(null);
        }
        recorded.set(dim, t);
    }

    /**
     * An integer entry must lie in its dim (TensorIndexing.h, applySelect); the message names the
     * entry's position in the index, as Python's {@code x[:, 7]} does ("dimension 1").
     */
    private static void checkSelect(long i, int size, int position) {
        if (i < -size || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " is out of bounds for dimension " + position
                    + " with size " + size);
        }
    }

    /**
     * How many dims of {@code x} the entries name (a mask as many as it has; an ellipsis takes the
     * rest), with libtorch's checks: one ellipsis at most, no more entries than dims.
     */
    private static int specifiedDims(Index[] entries, int rank) {
        int consumed = 0;
        boolean ellipsis = false;
        for (Index e : entries) {
            if (e instanceof Index.Ellipsis) {
                if (ellipsis) {
                    throw new IndexOutOfBoundsException("an index can only have a single ellipsis ('...')");
                }
                ellipsis = true;
            } else if (e instanceof Index.ByTensor t) {
                checkIndexType(t.indices());
                consumed += t.indices().dtype() == DType.BOOL ? t.indices().dim() : 1;
            } else if (!(e instanceof Index.NewAxis)) {
                consumed++;
            }
        }
        if (consumed > rank) {
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + rank);
        }
        return consumed;
    }

    /** aten's checkIndexTensorTypes (IndexingUtils.h): nano's integer type is int64, its mask type bool. */
    private static void checkIndexType(Tensor t) {
        if (t.dtype() != DType.INT64 && t.dtype() != DType.BOOL) {
            throw new IndexOutOfBoundsException("tensors used as indices must be long, int, byte or bool tensors");
        }
    }

    /**
     * The advanced step over the view (aten::index): each mask becomes one index per dim it covers,
     * checked against those view dims (IndexingUtils.h, expandTensors); then which element of {@code x}
     * each output element copies.
     */
    private static Tensor gather(Tensor x, List<ViewDim> view, int offset, List<Tensor> recorded) {
        int[] viewShape = new int[view.size()];
        for (int d = 0; d < viewShape.length; d++) {
            viewShape[d] = view.get(d).size();
        }
        List<Integer> indexedDims = new ArrayList<>();
        List<long[]> positions = new ArrayList<>(); // per indexed dim, its positions
        List<int[]> positionShapes = new ArrayList<>();
        int d = 0; // the view dim the next expanded index applies to
        for (Tensor t : recorded) {
            if (t == null) {
                d++;
            } else if (t.dtype() == DType.BOOL) {
                checkMask(t, viewShape, d);
                long[][] nonzero = nonzero(t);
                for (long[] column : nonzero) {
                    indexedDims.add(d++);
                    positions.add(column);
                    positionShapes.add(new int[] {column.length});
                }
            } else {
                indexedDims.add(d++);
                positions.add(asLongs(t));
                positionShapes.add(t.shape());
            }
        }
        if (indexedDims.isEmpty()) { // basic indexing only
            return new Picked(x.shape(), viewShape, Shape.stridedIndices(viewShape, stridesOf(view, allDims(view)), offset),
                    "SliceBackward0").apply(x);
        }
        int[] b = broadcastAll(positionShapes);
        checkNotEmptyIndexed(viewShape, indexedDims, b);
        int[] bOffsets = indexedOffsets(view, indexedDims, positions, positionShapes, b);

        boolean adjacent = indexedDims.get(indexedDims.size() - 1) - indexedDims.get(0) == indexedDims.size() - 1;
        List<Integer> before = new ArrayList<>();
        List<Integer> after = new ArrayList<>();
        for (int v = 0; v < view.size(); v++) {
            if (!indexedDims.contains(v)) {
                (adjacent && v < indexedDims.get(0) ? before : after).add(v);
            }
        }
        int[] beforeOffsets = Shape.stridedIndices(sizesOf(view, before), stridesOf(view, before), 0);
        int[] afterOffsets = Shape.stridedIndices(sizesOf(view, after), stridesOf(view, after), 0);
        int[] source = new int[beforeOffsets.length * bOffsets.length * afterOffsets.length];
        int k = 0;
        for (int p : beforeOffsets) {
            for (int q : bOffsets) {
                for (int r : afterOffsets) {
                    source[k++] = offset + p + q + r;
                }
            }
        }
        int[] outShape = concat(sizesOf(view, before), b, sizesOf(view, after));
        return new Picked(x.shape(), outShape, source, "IndexBackward0").apply(x);
    }

    /** The mask's shape must equal the view dims it covers (IndexingUtils.h, invalid_mask). */
    private static void checkMask(Tensor mask, int[] viewShape, int at) {
        int[] m = mask.shape();
        for (int j = 0; j < m.length; j++) {
            if (at + j >= viewShape.length || m[j] != viewShape[at + j]) {
                throw new IndexOutOfBoundsException("The shape of the mask " + Shape.toString(m) + " at index " + j
                        + " does not match the shape of the indexed tensor " + Shape.toString(viewShape)
                        + " at index " + (at + j));
            }
        }
    }

    /** Per dim of the mask, the coordinates of its true elements in row-major order (torch.nonzero's columns). */
    private static long[][] nonzero(Tensor mask) {
        double[] v = mask.data();
        int[] shape = mask.shape();
        int count = 0;
        for (double e : v) {
            count += e != 0 ? 1 : 0;
        }
        long[][] out = new long[shape.length][count];
        int[] strides = Shape.strides(shape);
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                for (int j = 0; j < shape.length; j++) {
                    out[j][n] = (i / strides[j]) % shape[j];
                }
                n++;
            }
        }
        return out;
    }

    private static long[] asLongs(Tensor t) {
        double[] v = t.data();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (long) v[i];
        }
        return out;
    }

    /** The index tensors' common shape, with aten's message when they do not broadcast. */
    private static int[] broadcastAll(List<int[]> shapes) {
        int[] b = shapes.get(0);
        try {
            for (int[] s : shapes) {
                b = Shape.broadcast(b, s);
            }
        } catch (IllegalArgumentException e) {
            List<String> all = new ArrayList<>();
            shapes.forEach(s -> all.add(Shape.toString(s)));
            throw new IndexOutOfBoundsException("shape mismatch: indexing tensors could not be broadcast together "
                    + "with shapes " + String.join(", ", all));
        }
        return b;
    }

    /**
     * An indexed dim of size 0 can be indexed by no position, so only an empty broadcast shape is valid
     * (TensorAdvancedIndexing.cpp, AdvancedIndex, which checks this before the kernel's bounds check).
     */
    private static void checkNotEmptyIndexed(int[] viewShape, List<Integer> indexedDims, int[] b) {
        boolean emptyDim = indexedDims.stream().anyMatch(d -> viewShape[d] == 0);
        if (emptyDim && Shape.numel(b) != 0) {
            throw new IndexOutOfBoundsException("index is out of bounds for dimension with size 0");
        }
    }

    /**
     * For each element of the broadcast shape, the storage offset the indexed dims contribute,
     * checking each position against its dim (the CPU index kernel's message, negative wrapping).
     */
    private static int[] indexedOffsets(List<ViewDim> view, List<Integer> indexedDims, List<long[]> positions,
                                        List<int[]> positionShapes, int[] b) {
        int[] out = new int[Shape.numel(b)];
        for (int t = 0; t < indexedDims.size(); t++) {
            ViewDim dim = view.get(indexedDims.get(t));
            long[] p = positions.get(t);
            int[] map = Shape.broadcastMap(positionShapes.get(t), b);
            for (int i = 0; i < out.length; i++) {
                long position = p[map[i]];
                if (position < -dim.size() || position >= dim.size()) {
                    throw new IndexOutOfBoundsException("index " + position + " is out of bounds for dimension "
                            + indexedDims.get(t) + " with size " + dim.size());
                }
                out[i] += (int) (position < 0 ? position + dim.size() : position) * dim.stride();
            }
        }
        return out;
    }

    private static List<Integer> allDims(List<ViewDim> view) {
        List<Integer> all = new ArrayList<>();
        for (int v = 0; v < view.size(); v++) {
            all.add(v);
        }
        return all;
    }

    private static int[] sizesOf(List<ViewDim> view, List<Integer> dims) {
        int[] out = new int[dims.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = view.get(dims.get(i)).size();
        }
        return out;
    }

    private static int[] stridesOf(List<ViewDim> view, List<Integer> dims) {
        int[] out = new int[dims.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = view.get(dims.get(i)).stride();
        }
        return out;
    }

    private static int[] concat(int[] a, int[] b, int[] c) {
        int[] out = new int[a.length + b.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }

    /** Each output element a copy of one input element; named after PyTorch's backward node. */
    static final class Picked extends MoveByIndexMap {
        private final String name;

        Picked(int[] inputShape, int[] outputShape, int[] source, String name) {
            super(inputShape, outputShape, source);
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
