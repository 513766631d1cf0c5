package dev.nano.optim.lr;

import dev.nano.optim.Optimizer;

import java.util.Arrays;

/**
 * Multiplies each group's learning rate by {@code gamma} at each milestone epoch; a milestone listed
 * twice multiplies by {@code gamma²} (PyTorch keeps the milestones in a {@code Counter}).
 */
public final class MultiStepLR extends LRScheduler {
    private final int[] milestones;
    private final double gamma;

    /**
     * {@code gamma} 0.1, starting at epoch 0.
     * @param optimizer the optimizer
     * @param milestones the epochs at which the rate decays
     */
    public MultiStepLR(Optimizer optimizer, int... milestones) {
        this(optimizer, milestones, 0.1, -1);
    }

    /**
     * Every argument, in the order of PyTorch's constructor.
     * @param optimizer the optimizer
     * @param milestones the epochs at which the rate decays, in any order
     * @param gamma the factor
     * @param lastEpoch -1 to start, or the epoch a resumed run last finished
     */
    public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.milestones = milestones.clone();
        Arrays.sort(this.milestones);
        this.gamma = gamma;
        initialStep();
    }

    /** How often {@code epoch} is a milestone ({@code self.milestones[epoch]}). */
    private int count(int epoch) {
        int n = 0;
        for (int m : milestones) {
            n += m == epoch ? 1 : 0;
        }
        return n;
    }

    @Override
    protected double[] computeLr() {
        double[] lr = groupValues("lr");
        int times = count(lastEpoch);
        if (times > 0) {
            for (int i = 0; i < lr.length; i++) {
                lr[i] *= Math.pow(gamma, times);
            }
        }
        return lr;
    }

    @Override
    protected double[] closedFormLr() {
        int passed = 0; // bisect_right(sorted milestones, last_epoch)
        for (int m : milestones) {
            passed += m <= lastEpoch ? 1 : 0;
        }
        double[] out = new double[baseLrs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLrs[i] * Math.pow(gamma, passed);
        }
        return out;
    }
}
