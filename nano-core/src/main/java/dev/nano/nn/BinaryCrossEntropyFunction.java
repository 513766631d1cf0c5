package dev.nano.nn;

import dev.nano.Tensor;

/**
 * Binary cross entropy, as aten's {@code binary_cross_entropy_out_cpu} and its backward compute
 * it, weight and reduction included (so the node is BinaryCrossEntropyBackward0, as in PyTorch):
 * <pre>
 *   loss  = w · ((t − 1) · max(log1p(−x), −100) − t · max(log x, −100)),  then mean or sum
 *   dL/dx = g · (x − t) / max((1 − x) · x, EPSILON) · w   (/ numel for "mean")
 *   dL/dt = g · −logit(x) · w = g · −log(x / (1 − x)) · w (/ numel for "mean")
 * </pre>
 * Clamping the logs at −100 keeps the loss finite at x = 0 or 1 (it is 100 there, not inf);
 * clamping the gradient's denominator keeps the gradient finite too. aten declares
 * {@code constexpr float EPSILON = 1e-12}: a <em>float</em>, so the clamp is
 * {@code (double) 1e-12f} = 9.999999960041972e-13, and at x = 0, t = 1 the gradient is
 * −1000000003995.8029, not −1e12. dL/dt is not clamped (it is ±inf at x = 0 or 1).
 *
 * <p>Every input and target value must lie in [0, 1] (NaN does not), else PyTorch's error.
 */
final class BinaryCrossEntropyFunction extends ElementwiseLossFunction {
    /** aten's {@code constexpr float EPSILON = 1e-12;}, widened to double. */
    static final double EPSILON = (double) 1e-12f;

    /** {@code weight}: null, or already expanded to the input's shape. */
    BinaryCrossEntropyFunction(Tensor weight, LossReduction reduction) {
        super(weight, reduction);
    }

    @Override
    public String name() {
        return "BinaryCrossEntropyBackward0";
    }

    @Override
    double loss(int i, double x, double t) {
        if (!(x >= 0 && x <= 1)) {
            throw new IllegalArgumentException("all elements of input should be between 0 and 1");
        }
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("all elements of target should be between 0 and 1");
        }
        return (t - 1) * Math.max(Math.log1p(-x), -100) - t * Math.max(Math.log(x), -100);
    }

    @Override
    double inputGradient(int i, double x, double t, double g) {
        return g * (x - t) / Math.max((1 - x) * x, EPSILON);
    }

    @Override
    double targetGradient(int i, double x, double t, double g) {
        return -Math.log(x / (1 - x)) * g;
    }
}
