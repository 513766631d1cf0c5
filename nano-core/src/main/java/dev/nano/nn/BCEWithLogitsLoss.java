package dev.nano.nn;

import dev.nano.Tensor;

/** Binary cross entropy of logits, stable for any logit: {@link F#binaryCrossEntropyWithLogits}. */
public class BCEWithLogitsLoss extends Loss {
    private final Tensor weight;
    private final Tensor posWeight;

    /** {@code nn.BCEWithLogitsLoss()}: no weight, "mean" reduction, no positive weight. */
    public BCEWithLogitsLoss() {
        this(null, "mean", null);
    }

    /**
     * {@code posWeight}: weight of the positive targets, e.g. one per class; may be null.
     * @param weight weights broadcasting against the loss, or null
     * @param reduction "none", "mean" or "sum"
     * @param posWeight the positive targets' weight, or null
     */
    public BCEWithLogitsLoss(Tensor weight, String reduction, Tensor posWeight) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
        this.posWeight = registerBuffer("pos_weight", posWeight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropyWithLogits(input, target, weight, reduction, posWeight);
    }
}
