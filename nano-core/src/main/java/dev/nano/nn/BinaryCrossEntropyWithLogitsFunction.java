package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * Binary cross entropy on logits, element by element, as aten's
 * {@code binary_cross_entropy_with_logits} and its two backward formulas compute it:
 * <pre>
 *   logσ(x) = min(x, 0) − log1p(exp(−|x|))              (never exp of a large positive number)
 *   loss    = (1 − t) · x − logσ(x) · (1 + (pw − 1) · t)
 *   dL/dx   = g · ((pw·t + 1 − t) · σ(x) − pw·t)         (= g · (σ(x) − t) without pw)
 *   dL/dt   = g · (logσ(−x) − pw · logσ(x))               (= g · −x without pw)
 * </pre>
 * {@code pw} is the positive weight, already expanded to the input's shape (or absent).
 */
final class BinaryCrossEntropyWithLogitsFunction extends Function {
    private final double[] posWeight;

    BinaryCrossEntropyWithLogitsFunction(Tensor posWeight) {
        this.posWeight = posWeight == null ? null : posWeight.toDoubleArray();
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
        }
        ctx.saveForBackward(inputs[0], inputs[1]);
        return new Tensor(loss, inputs[0].shape(), DType.FLOAT64);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor[] saved = ctx.savedTensors();
        double[] x = saved[0].data();
        double[] t = saved[1].data();
        double[] g = gradOutput.data();
        double[] dx = new double[x.length];
        double[] dt = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double sigmoid = 1 / (1 + Math.exp(-x[i]));
            if (posWeight == null) {
                dx[i] = (sigmoid - t[i]) * g[i];
                dt[i] = -x[i] * g[i];
            } else {
                double pwt = posWeight[i] * t[i];
                dx[i] = ((pwt + 1 - t[i]) * sigmoid - pwt) * g[i];
                dt[i] = (logSigmoid(-x[i]) - logSigmoid(x[i]) * posWeight[i]) * g[i];
            }
        }
        return new Tensor[] {new Tensor(dx, saved[0].shape(), DType.FLOAT64),
            new Tensor(dt, saved[1].shape(), DType.FLOAT64)};
    }
}
