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

    /**
     * {@code nn.Flatten(start_dim, end_dim)}: merges the dims from {@code startDim} to {@code endDim} (PyTorch's
     * defaults 1, −1).
     * @param startDim the first dim merged
     * @param endDim the last dim merged (inclusive)
     */
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
