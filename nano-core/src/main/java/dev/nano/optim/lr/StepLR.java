package dev.nano.optim.lr;

import dev.nano.optim.Optimizer;

/**
 * Multiplies each group's learning rate by {@code gamma} every {@code stepSize} epochs (PyTorch's {@code StepLR}).
 */
public final class StepLR extends LRScheduler {
    private final int stepSize;
    private final double gamma;

    /**
     * {@code gamma} 0.1, starting at epoch 0.
     * @param optimizer the optimizer
     * @param stepSize the period of the decay, in epochs
     */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1, -1);
    }

    /**
     * Every argument, in the order of PyTorch's constructor.
     * @param optimizer the optimizer
     * @param stepSize the period of the decay, in epochs (0 fails at epoch 1 with Python's
     *                 "integer modulo by zero", as in PyTorch)
     * @param gamma the factor
     * @param lastEpoch -1 to start, or the epoch a resumed run last finished
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lr = groupValues("lr");
        if (lastEpoch == 0 || PythonMath.mod(lastEpoch, stepSize, "StepLR (step_size is 0)") != 0) {
            return lr;
        }
        for (int i = 0; i < lr.length; i++) {
            lr[i] *= gamma;
        }
        return lr;
    }

    @Override
    protected double[] closedFormLr() {
        if (stepSize == 0) {
            throw new ArithmeticException("StepLR (step_size is 0): integer division or modulo by zero");
        }
        double[] out = new double[baseLrs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLrs[i] * Math.pow(gamma, Math.floorDiv(lastEpoch, stepSize));
        }
        return out;
    }
}
