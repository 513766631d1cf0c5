package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * Binary cross entropy on logits, as aten's {@code binary_cross_entropy_with_logits} and its two
 * backward formulas compute it, weight and reduction included:
 * <pre>
 *   logσ(x) = min(x, 0) − log1p(exp(−|x|))              (never exp of a large positive number)
 *   loss    = w · ((1 − t) · x − logσ(x) · (1 + (pw − 1) · t)),  then mean or sum
 *   dL/dx   = g · ((pw·t + 1 − t) · σ(x) − pw·t) · w      (= g · (σ(x) − t) · w without pw)
 *   dL/dt   = g · (logσ(−x) − pw · logσ(x)) · w            (= g · −x · w without pw)
 * </pre>
 * and both gradients are divided by the element count for "mean". {@code pw} (the positive
 * weight) and {@code w} arrive expanded to the input's shape, or null.
 */
final class BinaryCrossEntropyWithLogitsFunction extends Function {
    private final double[] weight;
    private final double[] posWeight;
    private final Reduction reduction;

    BinaryCrossEntropyWithLogitsFunction(Tensor weight, Tensor posWeight, Reduction reduction) {
        this.weight = weight == null ? null : weight.toDoubleArray();
        this.posWeight = posWeight == null ? null : posWeight.toDoubleArray();
        this.reduction = reduction;
    }

    @Override
    public String name() {
        return "BinaryCrossEntropyWithLogitsBackward0";
    }

    static double logSigmoid(double x) {
        return Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        double[] x = inputs[0].data();
        double[] t = inputs[1].data();
        double[] loss = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double ls = logSigmoid(x[i]);
            if (posWeight != null) {
                ls *= (posWeight[i] - 1) * t[i] + 1;
            }
            loss[i] = (1 - t[i]) * x[i] - ls;
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
            double sigmoid = 1 / (1 + Math.exp(-x[i]));
            if (posWeight == null) {
                dx[i] = (sigmoid - t[i]) * g;
                dt[i] = -x[i] * g;
            } else {
                double pwt = posWeight[i] * t[i];
                dx[i] = ((pwt + 1 - t[i]) * sigmoid - pwt) * g;
                dt[i] = (logSigmoid(-x[i]) - logSigmoid(x[i]) * posWeight[i]) * g;
            }
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
