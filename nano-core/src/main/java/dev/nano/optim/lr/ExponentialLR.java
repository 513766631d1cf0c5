package dev.nano.optim.lr;

import dev.nano.optim.Optimizer;

/** Multiplies each group's learning rate by {@code gamma} every epoch (PyTorch's {@code ExponentialLR}). */
public final class ExponentialLR extends LRScheduler {
    private final double gamma;

    /**
     * Starting at epoch 0.
     * @param optimizer the optimizer
     * @param gamma the factor
     */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        this(optimizer, gamma, -1);
    }

    /**
     * Every argument, in the order of PyTorch's constructor.
     * @param optimizer the optimizer
     * @param gamma the factor
     * @param lastEpoch -1 to start, or the epoch a resumed run last finished
     */
    public ExponentialLR(Optimizer optimizer, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lr = groupValues("lr");
        if (!isInitial) { // a resumed run must not take one more decay in the constructor
            for (int i = 0; i < lr.length; i++) {
                lr[i] *= gamma;
            }
        }
        return lr;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = new double[baseLrs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLrs[i] * Math.pow(gamma, lastEpoch);
        }
        return out;
    }
}
