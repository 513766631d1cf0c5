package dev.nano.nn;

import dev.nano.Tensor;

/** Batch norm over (N, C) or (N, C, L) inputs: one mean and variance per channel C. */
public class BatchNorm1d extends BatchNorm {

    /**
     * eps 1e-5, momentum 0.1, affine, tracking running statistics.
     * @param numFeatures C, the number of channels of an (N, C) or (N, C, L) input
     */
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /**
     * {@code momentum} null: cumulative average.
     * @param numFeatures C, the number of channels of an (N, C) or (N, C, L) input
     * @param eps added to the variance for stability (default 1e-5)
     * @param momentum the running statistics' update weight (default 0.1), or null for a cumulative average
     * @param affine true learns a per-channel weight and bias
     * @param trackRunningStats true keeps running statistics for eval mode
     */
    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        this(numFeatures, eps, momentum, affine, trackRunningStats, true);
    }

    /**
     * {@code bias = false} with {@code affine}: a learned weight and no bias.
     * @param numFeatures C, the number of channels of an (N, C) or (N, C, L) input
     * @param eps added to the variance for stability (default 1e-5)
     * @param momentum the running statistics' update weight (default 0.1), or null for a cumulative average
     * @param affine true learns a per-channel weight and bias
     * @param trackRunningStats true keeps running statistics for eval mode
     * @param bias false leaves out the learned bias
     */
    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats,
                       boolean bias) {
        super(numFeatures, eps, momentum, affine, trackRunningStats, bias);
    }

    @Override
    protected void checkInputDim(Tensor input) {
        if (input.dim() != 2 && input.dim() != 3) {
            throw new IllegalArgumentException("expected 2D or 3D input (got " + input.dim() + "D input)");
        }
    }
}
