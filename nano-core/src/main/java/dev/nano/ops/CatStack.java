package dev.nano.ops;

import dev.nano.Checks;
import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

import java.util.Arrays;

/**
 * {@code cat} and {@code stack}: join tensors along a dim. In row-major order a tensor is a
 * sequence of blocks, one per index of the dims before {@code dim}, each holding everything from
 * {@code dim} on. Joining interleaves those blocks: output block {@code b} is block {@code b} of
 * the first input, then block {@code b} of the second, and so on. The backward pass cuts the
 * gradient into the same pieces.
 *
 * <p>stack is cat of the inputs each given a new size-1 dim at {@code dim}; inserting a size-1
 * dim does not move any element, so both share the block copy.
 */
final class CatStack {
    private CatStack() {
    }

    static Tensor cat(Tensor[] tensors, int dim) {
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i].dim() == 0) {
                throw new IllegalArgumentException("zero-dimensional tensor (at position " + i
                        + ") cannot be concatenated");
            }
        }
        if (tensors.length == 0) {
            throw new IllegalArgumentException("torch.cat(): expected a non-empty list of Tensors");
        }
        // The first tensor that is not skipped fixes the rank and the sizes of the other dims.
        int valid = -1;
        for (int i = 0; i < tensors.length && valid < 0; i++) {
            if (!isSkipped(tensors[i])) {
                valid = i;
            }
        }
        int[] pieces = new int[tensors.length];
        if (valid < 0) {
            // Only shape-[0] tensors: PyTorch returns an empty [0] tensor, whatever dim says.
            return new Cat(0, pieces, new int[] {0}).apply(tensors);
        }
        int[] first = tensors[valid].shape();
        int d = Shape.wrapDim(dim, first.length);
        long joined = 0; // in long: the joined size must fail clearly, not wrap around
        for (int i = 0; i < tensors.length; i++) {
            if (isSkipped(tensors[i])) {
                continue; // contributes nothing (pieces[i] stays 0)
            }
            int[] shape = tensors[i].shape();
            if (shape.length != first.length) {
                throw new IllegalArgumentException("Tensors must have same number of dimensions: got "
                        + first.length + " and " + shape.length);
            }
            for (int k = 0; k < shape.length; k++) {
                if (k != d && shape[k] != first[k]) {
                    throw new IllegalArgumentException("Sizes of tensors must match except in dimension " + d
                            + ". Expected size " + first[k] + " but got size " + shape[k] + " for tensor number " + i
                            + " in the list.");
                }
            }
            joined += shape[d];
            pieces[i] = sizeFrom(shape, d);
        }
        long[] joinedShape = Arrays.stream(first).asLongStream().toArray();
        joinedShape[d] = joined;
        Checks.numel("cat", joined);
        Checks.numel("cat", joinedShape);
        int[] outShape = first.clone();
        outShape[d] = (int) joined;
        return new Cat(sizeBefore(first, d), pieces, outShape).apply(tensors);
    }

    static Tensor stack(Tensor[] tensors, int dim) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("stack expects a non-empty TensorList");
        }
        int[] entry = tensors[0].shape();
        int d = Shape.wrapDim(dim, entry.length + 1);
        for (int i = 1; i < tensors.length; i++) {
            if (!Arrays.equals(tensors[i].shape(), entry)) {
                throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                        + Shape.toString(entry) + " at entry 0 and " + Shape.toString(tensors[i].shape())
                        + " at entry " + i);
            }
        }
        int[] outShape = new int[entry.length + 1];
        System.arraycopy(entry, 0, outShape, 0, d);
        outShape[d] = tensors.length;
        System.arraycopy(entry, d, outShape, d + 1, entry.length - d);
        Checks.numel("stack", outShape);
        // Seen with its new size-1 dim at d, each input gives sizeFrom(entry, d) elements per block.
        int[] pieces = new int[tensors.length];
        Arrays.fill(pieces, sizeFrom(entry, d));
        return new Stack(sizeBefore(entry, d), pieces, outShape).apply(tensors);
    }

    /** PyTorch's legacy rule: 1-D empty tensors are left out of cat, whatever their "rank". */
    private static boolean isSkipped(Tensor t) {
        return t.dim() == 1 && t.numel() == 0;
    }

    /** Number of blocks: the product of the sizes before {@code dim}. */
    private static int sizeBefore(int[] shape, int dim) {
        return Shape.numel(Arrays.copyOfRange(shape, 0, dim));
    }

    /** Elements per block: the product of the sizes from {@code dim} on. */
    private static int sizeFrom(int[] shape, int dim) {
        return Shape.numel(Arrays.copyOfRange(shape, dim, shape.length));
    }

    /** Result type of mixed inputs, as PyTorch promotes them: bool, then int64, then float64. */
    private static DType promoted(Tensor[] tensors) {
        DType type = DType.BOOL;
        for (Tensor t : tensors) {
            if (t.dtype() == DType.FLOAT64 || (t.dtype() == DType.INT64 && type == DType.BOOL)) {
                type = t.dtype();
            }
        }
        return type;
    }

    /**
     * Joins the inputs block by block: input {@code t} contributes {@code pieces[t]} elements to
     * each of the {@code blocks} output blocks, in input order.
     */
    abstract static class Join extends Function {
        /** Moves or copies values without computing new ones, so every dtype is kept as it is. */
        @Override
        protected boolean computesValues() {
            return false;
        }

        private final int blocks;
        private final int[] pieces;
        private final int[] outputShape;
        private int[][] inputShapes;

        Join(int blocks, int[] pieces, int[] outputShape) {
            this.blocks = blocks;
            this.pieces = pieces.clone();
            this.outputShape = outputShape.clone();
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            inputShapes = new int[inputs.length][];
            for (int t = 0; t < inputs.length; t++) {
                inputShapes[t] = inputs[t].shape();
            }
            double[] out = new double[Shape.numel(outputShape)];
            int at = 0;
            for (int b = 0; b < blocks; b++) {
                for (int t = 0; t < inputs.length; t++) {
                    System.arraycopy(inputs[t].data(), b * pieces[t], out, at, pieces[t]);
                    at += pieces[t];
                }
            }
            return new Tensor(out, outputShape, promoted(inputs));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            double[] g = gradOutput.data();
            double[][] grads = new double[inputShapes.length][];
            for (int t = 0; t < grads.length; t++) {
                grads[t] = new double[Shape.numel(inputShapes[t])];
            }
            int at = 0;
            for (int b = 0; b < blocks; b++) {
                for (int t = 0; t < grads.length; t++) {
                    System.arraycopy(g, at, grads[t], b * pieces[t], pieces[t]);
                    at += pieces[t];
                }
            }
            Tensor[] result = new Tensor[grads.length];
            for (int t = 0; t < grads.length; t++) {
                result[t] = ctx.needsInputGrad(t) ? new Tensor(grads[t], inputShapes[t], DType.FLOAT64) : null;
            }
            return result;
        }
    }

    static final class Cat extends Join {
        Cat(int blocks, int[] pieces, int[] outputShape) {
            super(blocks, pieces, outputShape);
        }
    }

    static final class Stack extends Join {
        Stack(int blocks, int[] pieces, int[] outputShape) {
            super(blocks, pieces, outputShape);
        }
    }
}
