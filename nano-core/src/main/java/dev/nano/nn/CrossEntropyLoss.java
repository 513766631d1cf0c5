package dev.nano.nn;

import dev.nano.Tensor;

/** Log-softmax and NLL in one, with class indices or class probabilities: {@link F#crossEntropy}. */
public class CrossEntropyLoss extends Loss {
    private final Tensor weight;
    private final int ignoreIndex;
    private final double labelSmoothing;

    /** {@code nn.CrossEntropyLoss()}: no class weights, ignore index −100, "mean", no label smoothing. */
    public CrossEntropyLoss() {
        this(null, F.DEFAULT_IGNORE_INDEX, "mean", 0.0);
    }

    /**
     * {@code weight}: one per class, or null; {@code labelSmoothing} in [0, 1].
     * @param weight one weight per class, or null
     * @param ignoreIndex a target class that contributes nothing
     * @param reduction "none", "mean" or "sum"
     * @param labelSmoothing the share of each target spread over all classes, in [0, 1]
     */
    public CrossEntropyLoss(Tensor weight, int ignoreIndex, String reduction, double labelSmoothing) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
        this.labelSmoothing = labelSmoothing;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.crossEntropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
    }
}
