package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;

/** {@code 1 / (1 + exp(−x))} elementwise. */
public class Sigmoid extends Module {
    /** {@code nn.Sigmoid()}: no parameters. */
    public Sigmoid() {
    }

    @Override
    public Tensor forward(Tensor input) {
        return Nano.sigmoid(input);
    }
}
