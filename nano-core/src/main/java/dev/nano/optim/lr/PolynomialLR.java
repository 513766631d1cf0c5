package dev.nano.optim.lr;

import dev.nano.optim.Optimizer;

/**
 * Decays each group's learning rate to 0 over {@code totalIters} epochs as
 * {@code (1 − epoch/totalIters)^power} (PyTorch's {@code PolynomialLR}); chainable, as the ratio of
 * successive factors.
 */
public final class PolynomialLR extends LRScheduler {
    private final int totalIters;
    private final double power;

    /**
     * PyTorch's defaults: linear, over 5 epochs.
     * @param optimizer the optimizer
     */
    public PolynomialLR(Optimizer optimizer) {
        this(optimizer, 5, 1.0, -1);
    }

    /**
     * Every argument, in the order of PyTorch's constructor.
     * @param optimizer the optimizer
     * @param totalIters the epochs of the decay
     * @param power the polynomial's power
     * @param lastEpoch -1 to start, or the epoch a resumed run last finished
     */
    public PolynomialLR(Optimizer optimizer, int totalIters, double power, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.totalIters = totalIters;
        this.power = power;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lr = groupValues("lr");
        if (isInitial || lastEpoch > totalIters) {
            return lr;
        }
        String where = "PolynomialLR (total_iters is 0)";
        double decay = Math.pow(PythonMath.div(1.0 - PythonMath.div(lastEpoch, totalIters, where),
                1.0 - PythonMath.div(lastEpoch - 1, totalIters, where), "PolynomialLR"), power);
        for (int i = 0; i < lr.length; i++) {
            lr[i] *= decay;
        }
        return lr;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = new double[baseLrs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLrs[i] * Math.pow(1.0 - PythonMath.div(Math.min(totalIters, lastEpoch), totalIters,
                    "PolynomialLR (total_iters is 0)"), power);
        }
        return out;
    }
}
