package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;

/** {@code max(x, 0)} elementwise (gradient 0 at 0, as PyTorch). */
public class ReLU extends Module {
    /** {@code nn.ReLU()}: no parameters. */
    public ReLU() {
    }

    @Override
    public Tensor forward(Tensor input) {
        return Nano.relu(input);
    }
}
