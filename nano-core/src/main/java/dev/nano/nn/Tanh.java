package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;

/** {@code tanh(x)} elementwise. */
public class Tanh extends Module {
    /** {@code nn.Tanh()}: no parameters. */
    public Tanh() {
    }

    @Override
    public Tensor forward(Tensor input) {
        return Nano.tanh(input);
    }
}
