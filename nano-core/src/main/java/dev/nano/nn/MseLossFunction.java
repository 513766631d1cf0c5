package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * Mean squared error, as aten's {@code mse_loss} and {@code mse_loss_backward} compute it, on an
 * input and target of the same shape (F.mse_loss broadcasts them first):
 * <pre>
 *   loss  = (x − t)²,  then mean or sum
 *   dL/dx = norm · (x − t) · g,   dL/dt = norm · (t − x) · g,   norm = 2/numel for "mean", else 2
 * </pre>
 */
final class MseLossFunction extends Function {
    private final Reduction reduction;

    MseLossFunction(Reduction reduction) {
        this.reduction = reduction;
    }

    @Override
    public String name() {
        return "MseLossBackward0";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        double[] x = inputs[0].data();
        double[] t = inputs[1].data();
        double[] loss = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - t[i];
            loss[i] = d * d;
        }
        ctx.saveForBackward(inputs[0], inputs[1]);
        return LossReduction.reduce(loss, inputs[0].shape(), reduction);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor[] saved = ctx.savedTensors();
        double[] x = saved[0].data();
        double[] t = saved[1].data();
        double norm = reduction == Reduction.MEAN ? 2.0 / x.length : 2.0;
        double[] dx = new double[x.length];
        double[] dt = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double g = LossReduction.upstream(gradOutput, i, reduction);
            dx[i] = norm * (x[i] - t[i]) * g;
            dt[i] = norm * (t[i] - x[i]) * g;
        }
        return new Tensor[] {new Tensor(dx, saved[0].shape(), DType.FLOAT64),
            new Tensor(dt, saved[1].shape(), DType.FLOAT64)};
    }
}
