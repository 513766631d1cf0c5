package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Slice;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * Movement ops: they rearrange, pick or join elements without computing new values. Each entry
 * here checks its arguments as PyTorch does and hands over to the file that holds the op:
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

    /** New shape, same elements; one size may be -1 and is inferred. */
    public static Tensor reshape(Tensor x, int[] shape) {
        return MoveShape.reshape(x, shape);
    }

    public static Tensor view(Tensor x, int[] shape) {
        return MoveShape.view(x, shape);
    }

    /** Merges dims {@code startDim..endDim} into one; a 0-d tensor becomes shape [1]. */
    public static Tensor flatten(Tensor x, int startDim, int endDim) {
        return MoveShape.flatten(x, startDim, endDim);
    }

    public static Tensor squeeze(Tensor x) {
        return MoveShape.squeeze(x);
    }

    public static Tensor squeeze(Tensor x, int[] dims) {
        return MoveShape.squeeze(x, dims);
    }

    public static Tensor unsqueeze(Tensor x, int dim) {
        return MoveShape.unsqueeze(x, dim);
    }

    public static Tensor transpose(Tensor x, int dim0, int dim1) {
        return MoveAxes.transpose(x, dim0, dim1);
    }

    public static Tensor permute(Tensor x, int[] dims) {
        return MoveAxes.permute(x, dims);
    }

    public static Tensor expand(Tensor x, int[] sizes) {
        return MoveExpand.expand(x, sizes);
    }

    public static Tensor cat(Tensor[] tensors, int dim) {
        return CatStack.cat(tensors, dim);
    }

    public static Tensor stack(Tensor[] tensors, int dim) {
        return CatStack.stack(tensors, dim);
    }

    public static Tensor narrow(Tensor x, int dim, int start, int length) {
        return IndexSlicing.narrow(x, dim, start, length);
    }

    public static Tensor select(Tensor x, int dim, int index) {
        return IndexSlicing.select(x, dim, index);
    }

    public static Tensor index(Tensor x, Slice[] slices) {
        return IndexSlicing.index(x, slices);
    }

    public static Tensor gather(Tensor x, int dim, Tensor index) {
        return IndexGather.gather(x, dim, index);
    }

    public static Tensor pad(Tensor x, int[] pad, double value) {
        return PadConstant.pad(x, pad, value);
    }

    /** A copy that stays in the graph: its gradient passes straight through. */
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
