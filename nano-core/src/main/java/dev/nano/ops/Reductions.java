package dev.nano.ops;

import dev.nano.ValuesIndices;
import dev.nano.Tensor;

/** sum mean var std prod amax amin max min argmax argmin logsumexp softmax logSoftmax. (STUB: to be implemented.) */
public final class Reductions {
    private Reductions() {
    }

    public static Tensor sum(Tensor x, int[] dims, boolean keepdim) {
        throw new UnsupportedOperationException("sum: not implemented yet");
    }

    public static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        throw new UnsupportedOperationException("mean: not implemented yet");
    }

    public static Tensor var(Tensor x, int[] dims, double correction, boolean keepdim) {
        throw new UnsupportedOperationException("var: not implemented yet");
    }

    public static Tensor std(Tensor x, int[] dims, double correction, boolean keepdim) {
        throw new UnsupportedOperationException("std: not implemented yet");
    }

    public static Tensor prod(Tensor x) {
        throw new UnsupportedOperationException("prod: not implemented yet");
    }

    public static Tensor prod(Tensor x, int dim, boolean keepdim) {
        throw new UnsupportedOperationException("prod: not implemented yet");
    }

    public static Tensor amax(Tensor x, int[] dims, boolean keepdim) {
        throw new UnsupportedOperationException("amax: not implemented yet");
    }

    public static Tensor amin(Tensor x, int[] dims, boolean keepdim) {
        throw new UnsupportedOperationException("amin: not implemented yet");
    }

    public static Tensor max(Tensor x) {
        throw new UnsupportedOperationException("max: not implemented yet");
    }

    public static Tensor min(Tensor x) {
        throw new UnsupportedOperationException("min: not implemented yet");
    }

    public static ValuesIndices max(Tensor x, int dim, boolean keepdim) {
        throw new UnsupportedOperationException("max: not implemented yet");
    }

    public static ValuesIndices min(Tensor x, int dim, boolean keepdim) {
        throw new UnsupportedOperationException("min: not implemented yet");
    }

    public static Tensor argmax(Tensor x) {
        throw new UnsupportedOperationException("argmax: not implemented yet");
    }

    public static Tensor argmax(Tensor x, int dim, boolean keepdim) {
        throw new UnsupportedOperationException("argmax: not implemented yet");
    }

    public static Tensor argmin(Tensor x) {
        throw new UnsupportedOperationException("argmin: not implemented yet");
    }

    public static Tensor argmin(Tensor x, int dim, boolean keepdim) {
        throw new UnsupportedOperationException("argmin: not implemented yet");
    }

    public static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        throw new UnsupportedOperationException("logsumexp: not implemented yet");
    }

    public static Tensor softmax(Tensor x, int dim) {
        throw new UnsupportedOperationException("softmax: not implemented yet");
    }

    public static Tensor logSoftmax(Tensor x, int dim) {
        throw new UnsupportedOperationException("logSoftmax: not implemented yet");
    }
}
