package dev.nano.nn;

import dev.nano.Tensor;

/** Batch norm over (N, C, H, W) inputs: one mean and variance per channel C. */
public class BatchNorm2d extends BatchNorm {

    /** eps 1e-5, momentum 0.1, affine, tracking running statistics. */
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /** {@code momentum} null: cumulative average. */
    public BatchNorm2d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        this(numFeatures, eps, momentum, affine, trackRunningStats, true);
    }

    public BatchNorm2d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats,
                       boolean bias) {
        super(numFeatures, eps, momentum, affine, trackRunningStats, bias);
    }

    @Override
    protected void checkInputDim(Tensor input) {
        if (input.dim() != 4) {
            throw new IllegalArgumentException("expected 4D input (got " + input.dim() + "D input)");
        }
    }
}
