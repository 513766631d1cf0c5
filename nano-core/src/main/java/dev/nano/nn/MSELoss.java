package dev.nano.nn;

import dev.nano.Tensor;

/** Mean squared error: {@link F#mseLoss}. */
public class MSELoss extends Loss {

    /** {@code nn.MSELoss()}: the mean of (input − target)². */
    public MSELoss() {
        this("mean");
    }

    /**
     * {@code nn.MSELoss(reduction=reduction)}.
     * @param reduction "none", "mean" or "sum"
     */
    public MSELoss(String reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.mseLoss(input, target, reduction);
    }
}
