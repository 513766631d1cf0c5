package dev.nano.optim.lr;

import dev.nano.optim.Optimizer;

/**
 * Multiplies each group's learning rate by {@code factor} until epoch {@code totalIters}, then
 * restores it (PyTorch's {@code ConstantLR}, a warm-up).
 */
public final class ConstantLR extends LRScheduler {
    private final double factor;
    private final int totalIters;

    /**
     * PyTorch's defaults: {@code factor} 1/3 for 5 epochs.
     * @param optimizer the optimizer
     */
    public ConstantLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 5, -1);
    }

    /**
     * Every argument, in the order of PyTorch's constructor.
     * @param optimizer the optimizer
     * @param factor in [0, 1]
     * @param totalIters the epoch at which the factor is removed
     * @param lastEpoch -1 to start, or the epoch a resumed run last finished
     */
    public ConstantLR(Optimizer optimizer, double factor, int totalIters, int lastEpoch) {
        super(checkFactor(optimizer, factor), lastEpoch);
        this.factor = factor;
        this.totalIters = totalIters;
        initialStep();
    }

    private static Optimizer checkFactor(Optimizer optimizer, double factor) {
        if (factor > 1.0 || factor < 0) {
            throw new IllegalArgumentException("Constant multiplicative factor expected to be between 0 and 1.");
        }
        return optimizer;
    }

    @Override
    protected double[] computeLr() {
        double[] lr = groupValues("lr");
        if (lastEpoch == 0) {
            for (int i = 0; i < lr.length; i++) {
                lr[i] *= factor;
            }
        } else if (lastEpoch == totalIters) {
            double undo = PythonMath.div(1.0, factor, "ConstantLR (factor is 0)");
            for (int i = 0; i < lr.length; i++) {
                lr[i] *= undo;
            }
        }
        return lr;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = new double[baseLrs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLrs[i] * (factor + (lastEpoch >= totalIters ? 1.0 : 0.0) * (1 - factor));
        }
        return out;
    }
}
