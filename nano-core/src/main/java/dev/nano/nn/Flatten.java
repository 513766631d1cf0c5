package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;

/** Merges dims {@code startDim..endDim} into one; by default everything but the batch dim. */
public class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    /** start 1, end -1: (N, C, H, W) becomes (N, C·H·W). */
    public Flatten() {
        this(1, -1);
    }

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Nano.flatten(input, startDim, endDim);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
