package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;

/** {@code exp(x) / Σ exp(x)} along {@code dim}. */
public class Softmax extends Module {
    private final int dim;

    /**
     * {@code nn.Softmax(dim)}: e^x / Σ e^x along {@code dim}.
     * @param dim the dim whose slices sum to 1
     */
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
