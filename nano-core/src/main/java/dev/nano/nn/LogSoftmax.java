package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;

/** {@code x − log Σ exp(x)} along {@code dim}: the input NLL expects. */
public class LogSoftmax extends Module {
    private final int dim;

    /**
     * {@code nn.LogSoftmax(dim)}: x − logsumexp(x) along {@code dim}.
     * @param dim the dim whose slices become log-probabilities
     */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Nano.logSoftmax(input, dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
