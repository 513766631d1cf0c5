package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * The common shape of most movement ops: every output element is a copy of one input element,
 * {@code out[i] = x[source[i]]}. Only the {@code source} map differs between ops:
 *
 * <ul>
 *   <li>permute / transpose: the input's strides, reordered;</li>
 *   <li>slicing (narrow, select, {@code x[a:b:c]}): a start offset and strides times the step;</li>
 *   <li>expand: stride 0 along the broadcast dims, so one input element feeds many outputs;</li>
 *   <li>gather: the position along {@code dim} comes from the index tensor.</li>
 * </ul>
 *
 * <p>PyTorch does the first three without copying (a view: new strides over the same storage).
 * nano keeps every tensor contiguous, so it materialises the view with this map instead.
 *
 * <p>The backward pass is the same for all of them: send each output gradient back to the input
 * element it was read from, {@code dx[source[i]] += g[i]}. Elements that were never read get 0;
 * an element read several times (expand, gather with repeated indices) gets the sum.
 */
abstract class MoveByIndexMap extends Function {
    /** Moves or copies values without computing new ones, so every dtype is kept as it is. */
    @Override
    protected boolean computesValues() {
        return false;
    }

    private final int[] inputShape;
    private final int[] outputShape;
    private final int[] source;

    MoveByIndexMap(int[] inputShape, int[] outputShape, int[] source) {
        this.inputShape = inputShape.clone();
        this.outputShape = outputShape.clone();
        this.source = source;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor x = inputs[0];
        double[] xs = x.data();
        double[] out = new double[source.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = xs[source[i]];
        }
        // A pure data movement keeps the element type: a reshaped int64 index stays int64.
        return new Tensor(out, outputShape, x.dtype());
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        double[] g = gradOutput.data();
        double[] gx = new double[Shape.numel(inputShape)];
        for (int i = 0; i < g.length; i++) {
            gx[source[i]] += g[i];
        }
        Tensor[] grads = new Tensor[ctx.inputs().length];
        grads[0] = new Tensor(gx, inputShape, DType.FLOAT64);
        return grads;
    }
}
