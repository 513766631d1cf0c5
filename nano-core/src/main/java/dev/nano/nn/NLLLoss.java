package dev.nano.nn;

import dev.nano.Tensor;

/** Negative log-likelihood of log-probabilities: {@link F#nllLoss}. */
public class NLLLoss extends Loss {
    private final Tensor weight;
    private final int ignoreIndex;

    /** {@code nn.NLLLoss()}: no class weights, ignore index −100, "mean". */
    public NLLLoss() {
        this(null, F.DEFAULT_IGNORE_INDEX, "mean");
    }

    /**
     * {@code weight}: one per class, or null.
     * @param weight one weight per class, or null
     * @param ignoreIndex a target class that contributes nothing
     * @param reduction "none", "mean" or "sum"
     */
    public NLLLoss(Tensor weight, int ignoreIndex, String reduction) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.nllLoss(input, target, weight, ignoreIndex, reduction);
    }
}
