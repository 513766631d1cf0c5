package dev.nano.optim.lr;

import dev.nano.Shape;
import dev.nano.Tensor;

import java.util.Map;

/** Reading a scheduler's state dict: each value checked for presence and size, with the key in the message. */
final class StateDicts {
    private StateDicts() {
    }

    /** A 0-d tensor's value. */
    static double number(Map<String, Tensor> state, String key) {
        Tensor t = present(state, key);
        if (t.numel() != 1 || t.shape().length != 0) {
            throw new IllegalArgumentException("scheduler state dict: '" + key + "' has shape "
                    + Shape.toString(t.shape()) + ", expected a 0-d tensor");
        }
        return t.data()[0];
    }

    /** A 1-d tensor of {@code size} values, copied. */
    static double[] vector(Map<String, Tensor> state, String key, int size) {
        Tensor t = present(state, key);
        if (t.shape().length != 1 || t.numel() != size) {
            throw new IllegalArgumentException("scheduler state dict: '" + key + "' has shape "
                    + Shape.toString(t.shape()) + ", expected [" + size + "] (one value per parameter group)");
        }
        return t.data().clone();
    }

    private static Tensor present(Map<String, Tensor> state, String key) {
        Tensor t = state.get(key);
        if (t == null) {
            throw new IllegalArgumentException("scheduler state dict has no '" + key + "'");
        }
        return t;
    }
}
