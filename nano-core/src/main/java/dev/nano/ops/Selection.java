package dev.nano.ops;

import dev.nano.Tensor;

/** clamp, maximum, minimum, where. (STUB: to be implemented.) */
public final class Selection {
    private Selection() {
    }

    public static Tensor clamp(Tensor x, Double min, Double max) {
        throw new UnsupportedOperationException("clamp: not implemented yet");
    }

    public static Tensor clamp(Tensor x, Tensor min, Tensor max) {
        throw new UnsupportedOperationException("clamp: not implemented yet");
    }

    public static Tensor maximum(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("maximum: not implemented yet");
    }

    public static Tensor minimum(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("minimum: not implemented yet");
    }

    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        throw new UnsupportedOperationException("where: not implemented yet");
    }
}
