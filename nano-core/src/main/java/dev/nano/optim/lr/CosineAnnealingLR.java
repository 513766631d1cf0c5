package dev.nano.optim.lr;

import dev.nano.optim.Optimizer;

/**
 * Anneals each group's learning rate from its initial rate to {@code etaMin} along half a cosine over
 * {@code tMax} epochs, then back up, and so on (PyTorch's {@code CosineAnnealingLR}, SGDR without
 * restarts). Chainable: each step scales {@code lr − etaMin} by the ratio of successive cosines, so
 * the rates drift from the closed form {@code etaMin + (base − etaMin)(1 + cos(π·epoch/tMax))/2} in
 * the last bits, as PyTorch's do.
 */
public final class CosineAnnealingLR extends LRScheduler {
    private final int tMax;
    private final double etaMin;

    /**
     * {@code etaMin} 0, starting at epoch 0.
     * @param optimizer the optimizer
     * @param tMax the epochs of half a period
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0, -1);
    }

    /**
     * Every argument, in the order of PyTorch's constructor.
     * @param optimizer the optimizer
     * @param tMax the epochs of half a period; 0 is accepted and fails at the first step with Python's
     *             "integer modulo by zero", as in PyTorch
     * @param etaMin the lowest rate
     * @param lastEpoch -1 to start, or the epoch a resumed run last finished
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lr = groupValues("lr");
        if (isInitial) {
            return lr;
        }
        if (stepCount == 1 && lastEpoch > 0) {
            return closedFormLr();
        }
        if (PythonMath.mod(lastEpoch - 1 - tMax, 2 * tMax, "CosineAnnealingLR (T_max is 0)") == 0) {
            // The previous rate was etaMin, where the ratio below would divide by zero: add half a step.
            for (int i = 0; i < lr.length; i++) {
                lr[i] = lr[i] + (baseLrs[i] - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
            }
            return lr;
        }
        double ratio = PythonMath.div(1 + Math.cos(Math.PI * lastEpoch / tMax),
                1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax), "CosineAnnealingLR");
        for (int i = 0; i < lr.length; i++) {
            lr[i] = ratio * (lr[i] - etaMin) + etaMin;
        }
        return lr;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = new double[baseLrs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = etaMin + (baseLrs[i] - etaMin)
                    * (1 + Math.cos(PythonMath.div(Math.PI * lastEpoch, tMax, "CosineAnnealingLR (T_max is 0)")))
                    / 2;
        }
        return out;
    }
}
