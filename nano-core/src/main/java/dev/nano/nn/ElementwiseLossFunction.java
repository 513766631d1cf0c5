package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * A loss that pairs each input element with the target element of the same index and reduces inside its
 * node, as aten's {@code mse_loss}, {@code binary_cross_entropy} and {@code binary_cross_entropy_with_logits}
 * do. What they share lives here; a subclass holds only its two formulas, the loss of one element and its two
 * derivatives:
 * <pre>
 *   forward:  loss_i = w_i · loss(x_i, t_i), then {@link LossReduction#reduce}
 *   backward: dL/dx_i = w_i · inputGradient(x_i, t_i, g_i),  dL/dt_i = w_i · targetGradient(x_i, t_i, g_i),
 *             each divided by the count for "mean" (unless the formula folds that in, as mse_loss's does)
 * </pre>
 * where {@code g_i} is the upstream gradient of element i ({@link LossReduction#upstream}) and {@code w}
 * the optional weight, already expanded to the input's shape.
 */
abstract class ElementwiseLossFunction extends Function {
    private final double[] weight;
    /** "none", "mean" or "sum". */
    final LossReduction reduction;

    /** {@code weight}: null, or already expanded to the input's shape. */
    ElementwiseLossFunction(Tensor weight, LossReduction reduction) {
        this.weight = weight == null ? null : weight.toDoubleArray();
        this.reduction = reduction;
    }

    /** The unweighted loss of element {@code i}: input {@code x}, target {@code t}. */
    abstract double loss(int i, double x, double t);

    /** The unweighted dL/dx of element {@code i} for upstream gradient {@code g}. */
    abstract double inputGradient(int i, double x, double t, double g);

    /** The unweighted dL/dt of element {@code i} for upstream gradient {@code g}. */
    abstract double targetGradient(int i, double x, double t, double g);

    /**
     * Whether "mean" divides each weighted gradient by the count after the formula (aten's binary cross
     * entropy backwards), rather than inside it (mse_loss_backward's {@code norm = 2/numel}).
     */
    boolean meanDividesAfterwards() {
        return true;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        double[] x = inputs[0].data();
        double[] t = inputs[1].data();
        double[] loss = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            loss[i] = loss(i, x[i], t[i]);
            if (weight != null) {
                loss[i] *= weight[i];
            }
        }
        ctx.saveForBackward(inputs[0], inputs[1]);
        return reduction.reduce(loss, inputs[0].shape());
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor[] saved = ctx.savedTensors();
        double[] x = saved[0].data();
        double[] t = saved[1].data();
        double[] dx = new double[x.length];
        double[] dt = new double[x.length];
        boolean divide = reduction == LossReduction.MEAN && meanDividesAfterwards();
        for (int i = 0; i < x.length; i++) {
            double g = reduction.upstream(gradOutput, i);
            dx[i] = inputGradient(i, x[i], t[i], g);
            dt[i] = targetGradient(i, x[i], t[i], g);
            if (weight != null) {
                dx[i] *= weight[i];
                dt[i] *= weight[i];
            }
            if (divide) {
                dx[i] /= x.length;
                dt[i] /= x.length;
            }
        }
        return new Tensor[] {new Tensor(dx, saved[0].shape(), DType.FLOAT64),
            new Tensor(dt, saved[1].shape(), DType.FLOAT64)};
    }
}
