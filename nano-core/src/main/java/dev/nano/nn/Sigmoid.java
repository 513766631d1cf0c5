package dev.nano.nn;

import dev.nano.Tensor;

/** {@code 1 / (1 + exp(−x))} elementwise. */
public class Sigmoid extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.sigmoid();
    }
}
