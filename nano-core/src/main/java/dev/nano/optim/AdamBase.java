package dev.nano.optim;

import dev.nano.PythonFloat;
import dev.nano.Tensor;

import java.util.List;
import java.util.Map;

/**
 * The algorithm shared by {@link Adam} and {@link AdamW}, which differ only in their defaults
 * ({@code weight_decay} and {@code decoupled_weight_decay}), as in PyTorch 2.7+ where
 * {@code AdamW} is {@code Adam(..., decoupled_weight_decay=True)}. The single-tensor path, the one
 * PyTorch runs on CPU, in its order of operations.
 */
abstract class AdamBase extends Optimizer {

    AdamBase(List<ParamGroup> groups, Map<String, Object> defaults) {
        super(groups, checkHyperparameters(defaults));
    }

    private static Map<String, Object> checkHyperparameters(Map<String, Object> h) {
        double lr = (Double) h.get("lr");
        double eps = (Double) h.get("eps");
        List<?> betas = (List<?>) h.get("betas");
        double beta1 = (Double) betas.get(0);
        double beta2 = (Double) betas.get(1);
        double weightDecay = (Double) h.get("weight_decay");
        requireNonNegative("Invalid learning rate: ", lr);
        requireNonNegative("Invalid epsilon value: ", eps);
        if (!(0.0 <= beta1 && beta1 < 1.0)) {
            throw new IllegalArgumentException("Invalid beta parameter at index 0: " + PythonFloat.repr(beta1));
        }
        if (!(0.0 <= beta2 && beta2 < 1.0)) {
            throw new IllegalArgumentException("Invalid beta parameter at index 1: " + PythonFloat.repr(beta2));
        }
        requireNonNegative("Invalid weight_decay value: ", weightDecay);
        return h;
    }

    @Override
    protected void update(ParamGroup group) {
        double lr = group.lr();
        double[] betas = group.getPair("betas");
        double beta1 = betas[0];
        double beta2 = betas[1];
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        boolean amsgrad = group.getBoolean("amsgrad");
        boolean maximize = group.getBoolean("maximize");
        boolean decoupled = group.getBoolean("decoupled_weight_decay");

        for (Tensor p : group.params()) {
            if (p.grad() == null) {
                continue;
            }
            double[] param = p.data();
            double[] grad = p.grad().data();
            Map<String, Tensor> state = stateOf(p);
            double t = incrementStep(state); // before the bias corrections: the first step uses t = 1
            double[] expAvg = zerosState(state, "exp_avg", p);
            double[] expAvgSq = zerosState(state, "exp_avg_sq", p);
            double[] maxExpAvgSq = amsgrad ? zerosState(state, "max_exp_avg_sq", p) : null;

            // Scalars, computed once per parameter as Python floats are in PyTorch.
            double biasCorrection1 = 1 - Math.pow(beta1, t);
            double biasCorrection2 = 1 - Math.pow(beta2, t);
            double stepSize = lr / biasCorrection1;
            double biasCorrection2Sqrt = Math.pow(biasCorrection2, 0.5); // Python's "** 0.5", not math.sqrt

            for (int i = 0; i < param.length; i++) {
                double g = maximize ? -grad[i] : grad[i];
                if (weightDecay != 0) {
                    if (decoupled) {
                        param[i] = param[i] * (1 - lr * weightDecay); // AdamW: before the moments see p
                    } else {
                        g = g + weightDecay * param[i];
                    }
                }
                expAvg[i] = lerp(expAvg[i], g, 1 - beta1);
                expAvgSq[i] = expAvgSq[i] * beta2 + (1 - beta2) * g * g;
                double secondMoment = expAvgSq[i];
                if (amsgrad) {
                    // The running maximum of the uncorrected v (Math.max propagates NaN, like torch.maximum).
                    maxExpAvgSq[i] = Math.max(maxExpAvgSq[i], expAvgSq[i]);
                    secondMoment = maxExpAvgSq[i];
                }
                double denom = Math.sqrt(secondMoment) / biasCorrection2Sqrt + eps;
                param[i] = param[i] + (-stepSize) * expAvg[i] / denom;
            }
        }
    }
}
