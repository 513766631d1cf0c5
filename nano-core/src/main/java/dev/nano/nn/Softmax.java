package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;

/** {@code exp(x) / Σ exp(x)} along {@code dim}. */
public class Softmax extends Module {
    private final int dim;

    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Nano.softmax(input, dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
