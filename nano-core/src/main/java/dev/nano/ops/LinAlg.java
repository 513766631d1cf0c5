package dev.nano.ops;

import dev.nano.Tensor;

/** matmul mm dot t. (STUB: to be implemented.) */
public final class LinAlg {
    private LinAlg() {
    }

    public static Tensor matmul(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("matmul: not implemented yet");
    }

    public static Tensor mm(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("mm: not implemented yet");
    }

    public static Tensor dot(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("dot: not implemented yet");
    }

    public static Tensor t(Tensor x) {
        throw new UnsupportedOperationException("t: not implemented yet");
    }
}
