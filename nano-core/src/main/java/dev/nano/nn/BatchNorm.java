package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.Nano;
import dev.nano.PythonFloat;
import dev.nano.Tensor;

/**
 * What BatchNorm1d and BatchNorm2d share (PyTorch's {@code _BatchNorm}): the parameters, the
 * running statistics, and the choice of which statistics to use.
 *
 * <ul>
 *   <li>{@code affine}: learn a per-channel {@code weight} (ones) and {@code bias} (zeros);
 *       {@code bias = false} (a keyword of a PyTorch later than the oracle's 2.7.1) learns the
 *       weight only.</li>
 *   <li>{@code trackRunningStats}: keep buffers {@code running_mean} (zeros), {@code running_var}
 *       (ones) and {@code num_batches_tracked} (0, int64). Training updates them after each
 *       batch; eval normalises with them. Without them, eval uses the batch's statistics too.</li>
 *   <li>{@code momentum}: the weight of the new batch in the running average; {@code null}
 *       gives the cumulative average (the k-th batch gets weight 1/k).</li>
 * </ul>
 */
public abstract class BatchNorm extends Module {
    private final int numFeatures;
    private final double eps;
    private final Double momentum;
    private final boolean affine;
    private final boolean trackRunningStats;
    private final Tensor weight;
    private final Tensor bias;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final Tensor numBatchesTracked;

    /**
     * The shared constructor of {@link BatchNorm1d} and {@link BatchNorm2d}, with PyTorch's arguments.
     * @param numFeatures C, the number of channels (dim 1 of the input)
     * @param eps added to the variance for stability
     * @param momentum the running statistics' update weight, or null for a cumulative average
     * @param affine true learns a per-channel weight (and bias)
     * @param trackRunningStats true keeps running mean and variance for eval mode
     * @param bias false leaves out the learned bias (with {@code affine})
     */
    protected BatchNorm(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats,
                        boolean bias) {
        // PyTorch checks neither at construction; a NaN here would only surface as NaN outputs later.
        Checks.notNaN(getClass().getSimpleName(), "eps", eps);
        if (momentum != null) {
            Checks.notNaN(getClass().getSimpleName(), "momentum", momentum);
        }
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        this.weight = registerParameter("weight", affine ? Nano.ones(numFeatures) : null);
        this.bias = registerParameter("bias", affine && bias ? Nano.zeros(numFeatures) : null);
        this.runningMean = registerBuffer("running_mean", trackRunningStats ? Nano.zeros(numFeatures) : null);
        this.runningVar = registerBuffer("running_var", trackRunningStats ? Nano.ones(numFeatures) : null);
        this.numBatchesTracked = registerBuffer("num_batches_tracked",
                trackRunningStats ? Nano.longTensor(new long[] {0}) : null);
    }

    /**
     * Rejects inputs of the wrong rank, with PyTorch's message.
     * @param input the input batch
     */
    protected abstract void checkInputDim(Tensor input);

    /** PyTorch's {@code _BatchNorm.forward}, step by step. */
    @Override
    public Tensor forward(Tensor input) {
        Checks.notNull(getClass().getSimpleName(), "input", input);
        checkInputDim(input);
        double factor = momentum == null ? 0.0 : momentum;
        if (training && trackRunningStats) {
            numBatchesTracked.data()[0] += 1; // counted first, as in PyTorch (taken back below on failure)
            factor = momentum == null ? 1.0 / numBatchesTracked.data()[0] : momentum;
        }
        // Training uses the batch's statistics; so does eval when there are no running ones.
        boolean useBatchStatistics = training || runningMean == null;
        boolean passRunning = !training || trackRunningStats;
        try {
            return F.batchNorm(input, passRunning ? runningMean : null, passRunning ? runningVar : null, weight, bias,
                    useBatchStatistics, factor, eps);
        } catch (RuntimeException e) {
            // PyTorch has already counted a batch it then rejects; nano's rule is that a failed call
            // changes no state, so the count is taken back.
            if (training && trackRunningStats) {
                numBatchesTracked.data()[0] -= 1;
            }
            throw e;
        }
    }

    /** Running mean 0, variance 1, no batches counted. */
    public void resetRunningStats() {
        if (trackRunningStats) {
            java.util.Arrays.fill(runningMean.data(), 0.0);
            java.util.Arrays.fill(runningVar.data(), 1.0);
            numBatchesTracked.data()[0] = 0;
        }
    }

    /**
     * {@code bn.num_features}: the number of channels C.
     * @return C
     */
    public int numFeatures() {
        return numFeatures;
    }

    /**
     * {@code bn.eps}: added to the variance for stability.
     * @return eps
     */
    public double eps() {
        return eps;
    }

    /**
     * Null for the cumulative average.
     * @return the momentum, or null
     */
    public Double momentum() {
        return momentum;
    }

    /**
     * {@code bn.affine}: whether a per-channel weight (and bias) is learned.
     * @return true if affine
     */
    public boolean affine() {
        return affine;
    }

    /**
     * {@code bn.track_running_stats}: whether running statistics are kept for eval mode.
     * @return true if tracking
     */
    public boolean trackRunningStats() {
        return trackRunningStats;
    }

    /**
     * Null unless affine.
     * @return the per-channel weight γ, or null
     */
    public Tensor weight() {
        return weight;
    }

    /**
     * Null unless affine (and built with bias).
     * @return the per-channel bias β, or null
     */
    public Tensor bias() {
        return bias;
    }

    /**
     * Null unless tracking running statistics.
     * @return the running mean buffer, or null
     */
    public Tensor runningMean() {
        return runningMean;
    }

    /**
     * {@code bn.running_var}: the running (unbiased) variance, null unless tracking running statistics.
     * @return the running variance buffer, or null
     */
    public Tensor runningVar() {
        return runningVar;
    }

    /**
     * A 0-d int64 tensor counting the training batches seen (null unless tracking).
     * @return the counter, or null
     */
    public Tensor numBatchesTracked() {
        return numBatchesTracked;
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + PythonFloat.repr(eps) + ", momentum="
                + (momentum == null ? "None" : PythonFloat.repr(momentum)) + ", affine=" + py(affine)
                + ", track_running_stats=" + py(trackRunningStats);
    }
}
