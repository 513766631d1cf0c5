package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Index;
import dev.nano.Slice;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * Movement ops: they rearrange, pick or join elements without computing new values. This class
 * only forwards: it is the one public door through which {@code Nano} and {@code Tensor} (in
 * {@code dev.nano}) reach the files that hold the ops, which stay package-private. Each of those
 * files checks its arguments as PyTorch does (with PyTorch's messages) and computes:
 *
 * <ul>
 *   <li>{@link MoveShape}: reshape, view, flatten, squeeze, unsqueeze (same order, new shape);</li>
 *   <li>{@link MoveAxes}: permute, transpose (dims reordered);</li>
 *   <li>{@link MoveExpand}: expand (broadcast to a larger shape);</li>
 *   <li>{@link IndexSlicing}: narrow, select, {@code x[a:b:c]};</li>
 *   <li>{@link IndexGather}: gather (positions taken from an index tensor);</li>
 *   <li>{@link CatStack}: cat, stack;</li>
 *   <li>{@link PadConstant}: constant padding.</li>
 * </ul>
 *
 * <p>PyTorch implements most of these as views sharing the input's storage. nano copies instead,
 * so every tensor stays a plain contiguous array; the values and the gradients are the same.
 * Most ops are {@code out[i] = x[source[i]]} for some index map (see {@link MoveByIndexMap}),
 * and their backward sends each gradient element back along the same map.
 */
public final class Movement {
    private Movement() {
    }

    /**
     * New shape, same elements; one size may be -1 and is inferred.
     * @param x the input tensor
     * @param shape the new sizes
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor reshape(Tensor x, int[] shape) {
        return MoveShape.reshape(x, shape);
    }

    /**
     * {@code x.view(shape)}: the same as {@link #reshape}, since nano tensors are always contiguous.
     * @param x the input tensor
     * @param shape the new sizes
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor view(Tensor x, int[] shape) {
        return MoveShape.view(x, shape);
    }

    /**
     * Merges dims {@code startDim..endDim} into one; a 0-d tensor becomes shape [1].
     * @param x the input tensor
     * @param startDim the first dim merged
     * @param endDim the last dim merged (inclusive)
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor flatten(Tensor x, int startDim, int endDim) {
        return MoveShape.flatten(x, startDim, endDim);
    }

    /**
     * {@code torch.squeeze(x)}: drops every dim of size 1.
     * @param x the input tensor
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor squeeze(Tensor x) {
        return MoveShape.squeeze(x);
    }

    /**
     * {@code torch.squeeze(x, dims)}: drops those of {@code dims} whose size is 1.
     * @param x the input tensor
     * @param dims the dims to drop if of size 1
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor squeeze(Tensor x, int[] dims) {
        return MoveShape.squeeze(x, dims);
    }

    /**
     * {@code torch.unsqueeze(x, dim)}: inserts a dim of size 1.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor unsqueeze(Tensor x, int dim) {
        return MoveShape.unsqueeze(x, dim);
    }

    /**
     * {@code torch.transpose(x, dim0, dim1)}: swaps two dims.
     * @param x the input tensor
     * @param dim0 one dim
     * @param dim1 the other
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor transpose(Tensor x, int dim0, int dim1) {
        return MoveAxes.transpose(x, dim0, dim1);
    }

    /**
     * {@code torch.permute(x, dims)}: reorders the dims.
     * @param x the input tensor
     * @param dims a permutation of the dims
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor permute(Tensor x, int[] dims) {
        return MoveAxes.permute(x, dims);
    }

    /**
     * {@code x.expand(sizes)}: broadcasts to a larger shape; the gradient sums over the expanded dims.
     * @param x the input tensor
     * @param sizes the target sizes; −1 keeps a size
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor expand(Tensor x, int[] sizes) {
        return MoveExpand.expand(x, sizes);
    }

    /**
     * {@code torch.cat(tensors, dim)}: joins along an existing dim.
     * @param tensors the tensors to join
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor
     */
    public static Tensor cat(Tensor[] tensors, int dim) {
        return CatStack.cat(tensors, dim);
    }

    /**
     * {@code torch.stack(tensors, dim)}: joins along a new dim.
     * @param tensors the tensors to join
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor
     */
    public static Tensor stack(Tensor[] tensors, int dim) {
        return CatStack.stack(tensors, dim);
    }

    /**
     * {@code torch.narrow(x, dim, start, length)}: a run of positions along {@code dim}.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param start the first position
     * @param length how many positions
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor narrow(Tensor x, int dim, int start, int length) {
        return IndexSlicing.narrow(x, dim, start, length);
    }

    /**
     * {@code torch.select(x, dim, index)}: one position along {@code dim}, which is removed.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param index the position (negative counts from the end)
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor select(Tensor x, int dim, int index) {
        return IndexSlicing.select(x, dim, index);
    }

    /**
     * Basic indexing {@code x[a:b:s, ...]}, one {@link Slice} per leading dim.
     * @param x the input tensor
     * @param slices the slices
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public static Tensor index(Tensor x, Slice[] slices) {
        return IndexSlicing.index(x, slices);
    }

    /**
     * PyTorch's {@code x[...]} with integers, slices, None, ellipsis, index tensors and bool masks.
     * @param x the input tensor
     * @param indices one entry per position of the index
     * @return a new tensor
     */
    public static Tensor index(Tensor x, Index[] indices) {
        return AdvancedIndexing.index(x, indices);
    }

    /**
     * {@code torch.gather(x, dim, index)}: values picked along {@code dim} at {@code index}.
     * @param x the input tensor
     * @param dim the dim to work along (negative counts from the end)
     * @param index an int64 tensor with as many dims as {@code x}
     * @return a new tensor of {@code index}'s shape
     */
    public static Tensor gather(Tensor x, int dim, Tensor index) {
        return IndexGather.gather(x, dim, index);
    }

    /**
     * {@code torch.take_along_dim(x, indices, dim)}: gather along {@code dim} after broadcasting
     * {@code x} and {@code indices} against each other in every other dim, as aten's
     * {@code _take_along_dim_helper} (aten/src/ATen/native/TensorAdvancedIndexing.cpp) does: same
     * number of dims, int64 indices, then expand both and gather. The gradient is gather's and
     * expand's: summed back over the broadcast dims.
     * @param x the input tensor
     * @param indices an int64 tensor with as many dims as {@code x}
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor of the broadcast shape, with {@code indices}' size at {@code dim}
     */
    public static Tensor takeAlongDim(Tensor x, Tensor indices, int dim) {
        if (x.dim() != indices.dim()) {
            throw new IllegalArgumentException("torch.take_along_dim(): input and indices should have the same "
                    + "number of dimensions, but got " + x.dim() + " dimensions for input, and " + indices.dim()
                    + " dimensions for indices");
        }
        requireLongIndices(indices);
        int d = dev.nano.Shape.wrapDim(dim, x.dim());
        if (x.dim() == 0) { // aten reads indices.size(dim), which a 0-d tensor does not have
            throw new IllegalArgumentException("Dimension specified as " + dim + " but tensor has no dimensions");
        }
        int[] selfSizes = x.shape().clone();
        selfSizes[d] = indices.size(d);
        Tensor indicesBroadcast = expand(indices, dev.nano.Shape.broadcast(selfSizes, indices.shape()));
        int[] indicesSizes = indices.shape().clone();
        indicesSizes[d] = x.size(d);
        Tensor selfBroadcast = expand(x, dev.nano.Shape.broadcast(indicesSizes, x.shape()));
        return gather(selfBroadcast, d, indicesBroadcast);
    }

    /**
     * {@code torch.take_along_dim(x, indices)} without a dim: both flattened, then gathered
     * ({@code self.view(-1).gather(0, indices.view(-1))}).
     * @param x the input tensor
     * @param indices an int64 tensor of positions in the flattened {@code x}
     * @return a 1-D tensor of {@code indices.numel()} elements
     */
    public static Tensor takeAlongDim(Tensor x, Tensor indices) {
        return gather(MoveShape.reshape(x, new int[] {-1}), 0, MoveShape.reshape(indices, new int[] {-1}));
    }

    private static void requireLongIndices(Tensor indices) {
        if (indices.dtype() != DType.INT64) {
            throw new IllegalArgumentException("torch.take_along_dim(): dtype of indices should be Long but got "
                    + Selection.scalarTypeName(indices.dtype()));
        }
    }

    /**
     * {@code F.pad(x, pad, value=value)}: constant padding; negative amounts crop.
     * @param x the input tensor
     * @param pad (left, right) pairs, last dim first
     * @param value the value written into the padding
     * @return a new tensor
     */
    public static Tensor pad(Tensor x, int[] pad, double value) {
        return PadConstant.pad(x, pad, value);
    }

    /**
     * A copy that stays in the graph: its gradient passes straight through.
     * @param x the input tensor
     * @return a new tensor
     */
    public static Tensor clone(Tensor x) {
        return new Clone().apply(x);
    }

    static final class Clone extends Function {
        /** Moves or copies values without computing new ones, so every dtype is kept as it is. */
        @Override
        protected boolean computesValues() {
            return false;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            return new Tensor(inputs[0].data().clone(), inputs[0].shape(), inputs[0].dtype());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            return new Tensor[] {new Tensor(gradOutput.data().clone(), gradOutput.shape(), DType.FLOAT64)};
        }
    }
}
