package dev.nano.optim.lr;

import dev.nano.optim.Optimizer;

/**
 * Moves each group's learning rate linearly from {@code startFactor · lr} to {@code endFactor · lr}
 * over {@code totalIters} epochs (PyTorch's {@code LinearLR}). Chainable: each step multiplies the
 * current rate by the ratio of successive factors.
 */
public final class LinearLR extends LRScheduler {
    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    /**
     * PyTorch's defaults: from 1/3 to 1 over 5 epochs.
     * @param optimizer the optimizer
     */
    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5, -1);
    }

    /**
     * Every argument, in the order of PyTorch's constructor.
     * @param optimizer the optimizer
     * @param startFactor in (0, 1]
     * @param endFactor in [0, 1]
     * @param totalIters the epochs the change takes
     * @param lastEpoch -1 to start, or the epoch a resumed run last finished
     */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters, int lastEpoch) {
        super(checkFactors(optimizer, startFactor, endFactor), lastEpoch);
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        initialStep();
    }

    private static Optimizer checkFactors(Optimizer optimizer, double startFactor, double endFactor) {
        if (startFactor > 1.0 || startFactor <= 0) {
            throw new IllegalArgumentException(
                    "Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
        }
        if (endFactor > 1.0 || endFactor < 0) {
            throw new IllegalArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
        }
        return optimizer;
    }

    @Override
    protected double[] computeLr() {
        double[] lr = groupValues("lr");
        if (lastEpoch == 0) {
            for (int i = 0; i < lr.length; i++) {
                lr[i] *= startFactor;
            }
            return lr;
        }
        if (isInitial || lastEpoch > totalIters) {
            return lr;
        }
        double ratio = 1.0 + PythonMath.div(endFactor - startFactor,
                totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor), "LinearLR");
        for (int i = 0; i < lr.length; i++) {
            lr[i] *= ratio;
        }
        return lr;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = new double[baseLrs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLrs[i] * (startFactor + PythonMath.div((endFactor - startFactor)
                    * Math.min(totalIters, lastEpoch), totalIters, "LinearLR (total_iters is 0)"));
        }
        return out;
    }
}
