package dev.nano.nn;

import dev.nano.Tensor;

/** Batch norm over (N, C) or (N, C, L) inputs: one mean and variance per channel C. */
public class BatchNorm1d extends BatchNorm {

    /** eps 1e-5, momentum 0.1, affine, tracking running statistics. */
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /** {@code momentum} null: cumulative average. */
    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        this(numFeatures, eps, momentum, affine, trackRunningStats, true);
    }

    /** {@code bias = false} with {@code affine}: a learned weight and no bias. */
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
