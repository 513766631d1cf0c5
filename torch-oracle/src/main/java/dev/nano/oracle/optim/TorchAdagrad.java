package dev.nano.oracle.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.List;
import java.util.Map;

/** {@code torch.optim.Adagrad} (torch/optim/adagrad.py) in libtorch operations. */
final class TorchAdagrad extends TorchOptimizer {

    /** Adagrad creates its state in {@code __init__}, for every parameter. */
    TorchAdagrad(OptimConfig config, NDManager manager, List<NDArray> params) {
        super(config, manager, params.size());
        for (int i = 0; i < params.size(); i++) {
            Map<String, NDArray> state = state(i);
            state.put("step", manager.create(0.0));
            // full_like(p, initial_accumulator_value), as 0 + value (exact)
            state.put("sum", zerosLike(params.get(i)).add(config.number("initial_accumulator_value")));
        }
    }

    @Override
    protected NDArray update(NDArray param, NDArray grad, Map<String, NDArray> state) {
        double lr = config.number("lr");
        double lrDecay = config.number("lr_decay");
        double weightDecay = config.number("weight_decay");
        double eps = config.number("eps");

        double step = incrementStep(state);
        NDArray g = config.flag("maximize") ? grad.neg() : grad;
        if (weightDecay != 0) {
            g = g.add(param.mul(weightDecay));
        }
        double clr = lr / (1 + (step - 1) * lrDecay);
        NDArray sum = state.get("sum").add(g.mul(g));                 // addcmul_(g, g, value=1)
        state.put("sum", sum);
        NDArray std = sum.sqrt().add(eps);
        return param.add(g.mul(-clr).div(std));                       // addcdiv_(g, std, value=-clr)
    }
}
