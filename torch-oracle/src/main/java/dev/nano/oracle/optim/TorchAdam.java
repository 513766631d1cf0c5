package dev.nano.oracle.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Map;

/** {@code torch.optim.Adam} and {@code AdamW} (torch/optim/adam.py and torch/optim/adamw.py) in libtorch operations. */
final class TorchAdam extends TorchOptimizer {
    private final boolean decoupledWeightDecay;

    TorchAdam(OptimConfig config, NDManager manager, int paramCount, boolean decoupledWeightDecay) {
        super(config, manager, paramCount);
        this.decoupledWeightDecay = decoupledWeightDecay;
    }

    @Override
    protected NDArray update(NDArray param, NDArray grad, Map<String, NDArray> state) {
        double lr = config.number("lr");
        double beta1 = config.number("beta1");
        double beta2 = config.number("beta2");
        double eps = config.number("eps");
        double weightDecay = config.number("weight_decay");
        boolean amsgrad = config.flag("amsgrad");

        if (state.isEmpty()) {
            state.put("step", manager.create(0.0));
            state.put("exp_avg", zerosLike(param));
            state.put("exp_avg_sq", zerosLike(param));
            if (amsgrad) {
                state.put("max_exp_avg_sq", zerosLike(param));
            }
        }
        NDArray g = config.flag("maximize") ? grad.neg() : grad;
        double step = incrementStep(state);
        if (weightDecay != 0) {
            if (decoupledWeightDecay) {
                param = param.mul(1 - lr * weightDecay);              // param.mul_(1 - lr·wd), first
            } else {
                g = g.add(param.mul(weightDecay));
            }
        }
        NDArray expAvg = lerp(state.get("exp_avg"), g, 1 - beta1);
        NDArray expAvgSq = state.get("exp_avg_sq").mul(beta2).add(g.mul(1 - beta2).mul(g));
        state.put("exp_avg", expAvg);
        state.put("exp_avg_sq", expAvgSq);

        double biasCorrection1 = 1 - pythonPow(beta1, step);
        double biasCorrection2 = 1 - pythonPow(beta2, step);
        double stepSize = lr / biasCorrection1;
        double biasCorrection2Sqrt = pythonPow(biasCorrection2, 0.5);

        NDArray denom;
        if (amsgrad) {
            NDArray max = state.get("max_exp_avg_sq").maximum(expAvgSq); // torch.maximum(..., out=max_exp_avg_sq)
            state.put("max_exp_avg_sq", max);
            denom = max.sqrt().div(biasCorrection2Sqrt).add(eps);
        } else {
            denom = expAvgSq.sqrt().div(biasCorrection2Sqrt).add(eps);
        }
        return param.add(expAvg.mul(-stepSize).div(denom));           // addcdiv_(exp_avg, denom, value=-step_size)
    }
}
