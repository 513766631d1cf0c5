package dev.nano.nn;

import dev.nano.Tensor;

/** Mean squared error: {@link F#mseLoss}. */
public class MSELoss extends Loss {

    public MSELoss() {
        this("mean");
    }

    public MSELoss(String reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.mseLoss(input, target, reduction);
    }
}
