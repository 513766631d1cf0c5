package dev.nano.nn;

import dev.nano.Tensor;

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
final class BinaryCrossEntropyWithLogitsFunction extends ElementwiseLossFunction {
    private final double[] posWeight;

    BinaryCrossEntropyWithLogitsFunction(Tensor weight, Tensor posWeight, LossReduction reduction) {
        super(weight, reduction);
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
    double loss(int i, double x, double t) {
        double ls = logSigmoid(x);
        if (posWeight != null) {
            ls *= (posWeight[i] - 1) * t + 1;
        }
        return (1 - t) * x - ls;
    }

    @Override
    double inputGradient(int i, double x, double t, double g) {
        double sigmoid = 1 / (1 + Math.exp(-x));
        if (posWeight == null) {
            return (sigmoid - t) * g;
        }
        double pwt = posWeight[i] * t;
        return ((pwt + 1 - t) * sigmoid - pwt) * g;
    }

    @Override
    double targetGradient(int i, double x, double t, double g) {
        return posWeight == null ? -x * g : (logSigmoid(-x) - logSigmoid(x) * posWeight[i]) * g;
    }
}
