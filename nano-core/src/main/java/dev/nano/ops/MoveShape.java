package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code reshape view flatten squeeze unsqueeze}: the same elements in the same row-major order,
 * under a new shape. The data is copied unchanged and the gradient is reshaped back.
 */
final class MoveShape {
    private MoveShape() {
    }

    static Tensor reshape(Tensor x, int[] shape) {
        return new View(inferSize(shape, x.numel())).apply(x);
    }

    /**
     * Same as reshape: PyTorch's view fails only on non-contiguous inputs, and nano tensors are
     * always contiguous.
     */
    static Tensor view(Tensor x, int[] shape) {
        return new View(inferSize(shape, x.numel())).apply(x);
    }

    static Tensor flatten(Tensor x, int startDim, int endDim) {
        int rank = x.dim();
        int start = Shape.wrapDim(startDim, rank);
        int end = Shape.wrapDim(endDim, rank);
        if (start > end) {
            throw new IllegalArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        }
        if (rank == 0) {
            return new View(new int[] {1}).apply(x);
        }
        if (start == end) {
            return x; // PyTorch returns the input itself here: nothing to merge
        }
        int[] shape = x.shape();
        int[] out = new int[rank - (end - start)];
        int merged = 1;
        for (int d = start; d <= end; d++) {
            merged *= shape[d];
        }
        System.arraycopy(shape, 0, out, 0, start);
        out[start] = merged;
        System.arraycopy(shape, end + 1, out, start + 1, rank - end - 1);
        return new View(out).apply(x);
    }

    /** Drops every dim of size 1. */
    static Tensor squeeze(Tensor x) {
        int[] shape = x.shape();
        boolean[] drop = new boolean[shape.length];
        for (int d = 0; d < shape.length; d++) {
            drop[d] = shape[d] == 1;
        }
        return new Squeeze(without(shape, drop), "SqueezeBackward0").apply(x);
    }

    /** Drops those of {@code dims} that have size 1; the others are left alone (no error). */
    static Tensor squeeze(Tensor x, int[] dims) {
        int[] shape = x.shape();
        boolean[] named = new boolean[Math.max(shape.length, 1)];
        for (int dim : dims) {
            int d = Shape.wrapDim(dim, shape.length);
            if (named[d]) {
                throw new IllegalArgumentException("dim " + d + " appears multiple times in the list of dims");
            }
            named[d] = true;
        }
        boolean[] drop = new boolean[shape.length];
        for (int d = 0; d < shape.length; d++) {
            drop[d] = named[d] && shape[d] == 1;
        }
        // PyTorch names the node after the overload: squeeze(dim) vs squeeze(dims).
        String name = dims.length == 1 ? "SqueezeBackward1" : "SqueezeBackward2";
        return new Squeeze(without(shape, drop), name).apply(x);
    }

    /** Inserts a dim of size 1 at {@code dim}, which may be anywhere in {@code [-(rank+1), rank]}. */
    static Tensor unsqueeze(Tensor x, int dim) {
        int[] shape = x.shape();
        int d = Shape.wrapDim(dim, shape.length + 1);
        int[] out = new int[shape.length + 1];
        System.arraycopy(shape, 0, out, 0, d);
        out[d] = 1;
        System.arraycopy(shape, d, out, d + 1, shape.length - d);
        return new Unsqueeze(out).apply(x);
    }

    private static int[] without(int[] shape, boolean[] drop) {
        int kept = 0;
        for (boolean b : drop) {
            kept += b ? 0 : 1;
        }
        int[] out = new int[kept];
        int k = 0;
        for (int d = 0; d < shape.length; d++) {
            if (!drop[d]) {
                out[k++] = shape[d];
            }
        }
        return out;
    }

    /**
     * PyTorch's {@code infer_size}: checks that {@code shape} holds exactly {@code numel} elements,
     * filling in the one size given as -1. With a -1 and a zero elsewhere the -1 could be anything,
     * so that is an error too.
     */
    static int[] inferSize(int[] shape, int numel) {
        int inferred = -1;
        int known = 1;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("only one dimension can be inferred");
                }
                inferred = d;
            } else if (shape[d] < 0) {
                throw new IllegalArgumentException("invalid shape dimension " + shape[d] + " at index " + d
                        + " of shape " + Shape.toString(shape));
            } else {
                known *= shape[d];
            }
        }
        int[] out = shape.clone();
        if (numel == known || (inferred >= 0 && known > 0 && numel % known == 0)) {
            if (inferred >= 0) {
                if (known == 0) {
                    throw new IllegalArgumentException("cannot reshape tensor of 0 elements into shape "
                            + Shape.toString(shape) + " because the unspecified dimension size -1 can be any value"
                            + " and is ambiguous");
                }
                out[inferred] = numel / known;
            }
            return out;
        }
        throw new IllegalArgumentException("shape '" + Shape.toString(shape) + "' is invalid for input of size "
                + numel);
    }

    /** Copies the elements unchanged under a new shape; the gradient goes back under the old one. */
    abstract static class NewShape extends Function {
        /** Moves or copies values without computing new ones, so every dtype is kept as it is. */
        @Override
        protected boolean computesValues() {
            return false;
        }

        private final int[] outputShape;
        private int[] inputShape;

        NewShape(int[] outputShape) {
            this.outputShape = outputShape.clone();
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor x = inputs[0];
            inputShape = x.shape(); // only the shape is needed later, not the values
            return new Tensor(x.data().clone(), outputShape, x.dtype());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            return new Tensor[] {new Tensor(gradOutput.data().clone(), inputShape, DType.FLOAT64)};
        }
    }

    /** reshape, view and flatten (PyTorch's reshape of a contiguous tensor is a view). */
    static final class View extends NewShape {
        View(int[] outputShape) {
            super(outputShape);
        }
    }

    static final class Squeeze extends NewShape {
        private final String name;

        Squeeze(int[] outputShape, String name) {
            super(outputShape);
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }
    }

    static final class Unsqueeze extends NewShape {
        Unsqueeze(int[] outputShape) {
            super(outputShape);
        }
    }
}
