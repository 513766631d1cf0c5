package dev.nano.optim.lr;

import dev.nano.PythonFloat;
import dev.nano.Tensor;
import dev.nano.optim.Optimizer;

import java.util.Map;

/**
 * Cosine annealing from each group's initial rate to {@code etaMin} over {@code T_i} epochs, then a
 * restart at the initial rate with {@code T_i} multiplied by {@code tMult} (SGDR; PyTorch's
 * {@code CosineAnnealingWarmRestarts}). Not chainable: each rate is the closed form of the epochs since
 * the last restart. {@link #step(double)} accepts fractional epochs, for a step after every batch.
 */
public final class CosineAnnealingWarmRestarts extends LRScheduler {
    private final int t0;
    private final int tMult;
    private final double etaMin;
    private long tI;
    private double tCur;

    /**
     * {@code tMult} 1, {@code etaMin} 0, starting at epoch 0.
     * @param optimizer the optimizer
     * @param t0 the epochs until the first restart
     */
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0) {
        this(optimizer, t0, 1, 0.0, -1);
    }

    /**
     * Every argument, in the order of PyTorch's constructor.
     * @param optimizer the optimizer
     * @param t0 the epochs until the first restart, at least 1
     * @param tMult the factor by which the period grows after a restart, at least 1
     * @param etaMin the lowest rate
     * @param lastEpoch -1 to start, or the epoch a resumed run last finished
     */
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0, int tMult, double etaMin, int lastEpoch) {
        super(check(optimizer, t0, tMult), lastEpoch);
        this.t0 = t0;
        this.tI = t0;
        this.tMult = tMult;
        this.etaMin = etaMin;
        this.tCur = lastEpoch;
        initialStep();
    }

    private static Optimizer check(Optimizer optimizer, int t0, int tMult) {
        if (t0 <= 0) {
            throw new IllegalArgumentException("Expected positive integer T_0, but got " + t0);
        }
        if (tMult < 1) {
            throw new IllegalArgumentException("Expected integer T_mult >= 1, but got " + tMult);
        }
        return optimizer;
    }

    @Override
    protected double[] computeLr() {
        double[] out = new double[baseLrs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = etaMin + (baseLrs[i] - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
        }
        return out;
    }

    /** The next epoch; PyTorch's {@code step()} without an epoch (no warnings: it does not call the base step). */
    @Override
    public void step() {
        if (lastEpoch < 0) {
            goTo(0);
            return;
        }
        tCur = tCur + 1;
        if (tCur >= tI) {
            tCur = tCur % tI;
            tI = tI * tMult;
        }
        lastEpoch = lastEpoch + 1;
        setGroupLrs(computeLr());
    }

    /**
     * Jumps to {@code epoch}, which may be fractional ({@code epoch + i / batches} after batch {@code i}),
     * PyTorch's {@code step(epoch)}.
     * @param epoch a non-negative epoch
     */
    public void step(double epoch) {
        if (!(epoch >= 0)) {
            throw new IllegalArgumentException("Expected non-negative epoch, but got " + PythonFloat.repr(epoch));
        }
        goTo(epoch);
    }

    private void goTo(double epoch) {
        if (epoch >= t0) {
            if (tMult == 1) {
                tCur = epoch % t0;
            } else {
                // n = int(math.log(epoch / T_0 * (T_mult - 1) + 1, T_mult)): Python's two-argument log
                // divides the natural logs.
                int n = (int) (Math.log(epoch / t0 * (tMult - 1) + 1) / Math.log(tMult));
                long power = pow(tMult, n);
                tCur = epoch - (double) (t0 * (power - 1)) / (tMult - 1);
                tI = t0 * power;
            }
        } else {
            tI = t0;
            tCur = epoch;
        }
        lastEpoch = (int) Math.floor(epoch);
        setGroupLrs(computeLr());
    }

    private static long pow(long base, int n) {
        long out = 1;
        for (int i = 0; i < n; i++) {
            out *= base;
        }
        return out;
    }

    @Override
    protected void saveState(Map<String, Tensor> out) {
        out.put("T_i", dev.nano.Nano.scalar(tI));
        out.put("T_cur", dev.nano.Nano.scalar(tCur));
    }

    @Override
    protected void checkState(Map<String, Tensor> state) {
        StateDicts.number(state, "T_i");
        StateDicts.number(state, "T_cur");
    }

    @Override
    protected void loadState(Map<String, Tensor> state) {
        tI = (long) StateDicts.number(state, "T_i");
        tCur = StateDicts.number(state, "T_cur");
    }
}
