package dev.nano.nn;

import dev.nano.Tensor;

/** Binary cross entropy of probabilities: {@link F#binaryCrossEntropy}. */
public class BCELoss extends Loss {
    private final Tensor weight;

    /** {@code nn.BCELoss()}: no weight, "mean" reduction. */
    public BCELoss() {
        this(null, "mean");
    }

    /**
     * {@code nn.BCELoss(weight, reduction=reduction)}.
     * @param weight weights broadcasting against the input, or null
     * @param reduction "none", "mean" or "sum"
     */
    public BCELoss(Tensor weight, String reduction) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropy(input, target, weight, reduction);
    }
}
