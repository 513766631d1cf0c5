package dev.nano.ops;

import dev.nano.Slice;
import dev.nano.Tensor;

/** reshape view flatten squeeze unsqueeze transpose permute expand cat stack narrow select index gather pad clone. (STUB: to be implemented.) */
public final class Movement {
    private Movement() {
    }

    public static Tensor reshape(Tensor x, int[] shape) {
        throw new UnsupportedOperationException("reshape: not implemented yet");
    }

    public static Tensor view(Tensor x, int[] shape) {
        throw new UnsupportedOperationException("view: not implemented yet");
    }

    public static Tensor flatten(Tensor x, int startDim, int endDim) {
        throw new UnsupportedOperationException("flatten: not implemented yet");
    }

    public static Tensor squeeze(Tensor x) {
        throw new UnsupportedOperationException("squeeze: not implemented yet");
    }

    public static Tensor squeeze(Tensor x, int[] dims) {
        throw new UnsupportedOperationException("squeeze: not implemented yet");
    }

    public static Tensor unsqueeze(Tensor x, int dim) {
        throw new UnsupportedOperationException("unsqueeze: not implemented yet");
    }

    public static Tensor transpose(Tensor x, int dim0, int dim1) {
        throw new UnsupportedOperationException("transpose: not implemented yet");
    }

    public static Tensor permute(Tensor x, int[] dims) {
        throw new UnsupportedOperationException("permute: not implemented yet");
    }

    public static Tensor expand(Tensor x, int[] sizes) {
        throw new UnsupportedOperationException("expand: not implemented yet");
    }

    public static Tensor cat(Tensor[] tensors, int dim) {
        throw new UnsupportedOperationException("cat: not implemented yet");
    }

    public static Tensor stack(Tensor[] tensors, int dim) {
        throw new UnsupportedOperationException("stack: not implemented yet");
    }

    public static Tensor narrow(Tensor x, int dim, int start, int length) {
        throw new UnsupportedOperationException("narrow: not implemented yet");
    }

    public static Tensor select(Tensor x, int dim, int index) {
        throw new UnsupportedOperationException("select: not implemented yet");
    }

    public static Tensor index(Tensor x, Slice[] slices) {
        throw new UnsupportedOperationException("index: not implemented yet");
    }

    public static Tensor gather(Tensor x, int dim, Tensor index) {
        throw new UnsupportedOperationException("gather: not implemented yet");
    }

    public static Tensor pad(Tensor x, int[] pad, double value) {
        throw new UnsupportedOperationException("pad: not implemented yet");
    }

    public static Tensor clone(Tensor x) {
        throw new UnsupportedOperationException("clone: not implemented yet");
    }
}
