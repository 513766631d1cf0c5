package dev.nano.nn;

import dev.nano.Tensor;

/** Binary cross entropy of probabilities: {@link F#binaryCrossEntropy}. */
public class BCELoss extends Loss {
    private final Tensor weight;

    public BCELoss() {
        this(null, "mean");
    }

    public BCELoss(Tensor weight, String reduction) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropy(input, target, weight, reduction);
    }
}
