package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

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
final class BinaryCrossEntropyFunction extends Function {
    /** aten's {@code constexpr float EPSILON = 1e-12;}, widened to double. */
    static final double EPSILON = (double) 1e-12f;

    private final double[] weight;
    private final Reduction reduction;

    /** {@code weight}: null, or already expanded to the input's shape. */
    BinaryCrossEntropyFunction(Tensor weight, Reduction reduction) {
        this.weight = weight == null ? null : weight.toDoubleArray();
        this.reduction = reduction;
    }

    @Override
    public String name() {
        return "BinaryCrossEntropyBackward0";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        double[] x = inputs[0].data();
        double[] t = inputs[1].data();
        double[] loss = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= 0 && x[i] <= 1)) {
                throw new IllegalArgumentException("all elements of input should be between 0 and 1");
            }
            if (!(t[i] >= 0 && t[i] <= 1)) {
                throw new IllegalArgumentException("all elements of target should be between 0 and 1");
            }
            loss[i] = (t[i] - 1) * Math.max(Math.log1p(-x[i]), -100) - t[i] * Math.max(Math.log(x[i]), -100);
            if (weight != null) {
                loss[i] *= weight[i];
            }
        }
        ctx.saveForBackward(inputs[0], inputs[1]);
        return LossReduction.reduce(loss, inputs[0].shape(), reduction);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor[] saved = ctx.savedTensors();
        double[] x = saved[0].data();
        double[] t = saved[1].data();
        double[] dx = new double[x.length];
        double[] dt = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double g = LossReduction.upstream(gradOutput, i, reduction);
            dx[i] = g * (x[i] - t[i]) / Math.max((1 - x[i]) * x[i], EPSILON);
            dt[i] = -Math.log(x[i] / (1 - x[i])) * g;
            if (weight != null) {
                dx[i] *= weight[i];
                dt[i] *= weight[i];
            }
            if (reduction == Reduction.MEAN) {
                dx[i] /= x.length;
                dt[i] /= x.length;
            }
        }
        return new Tensor[] {new Tensor(dx, saved[0].shape(), DType.FLOAT64),
            new Tensor(dt, saved[1].shape(), DType.FLOAT64)};
    }
}
