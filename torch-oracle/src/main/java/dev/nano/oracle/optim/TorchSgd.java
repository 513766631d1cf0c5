package dev.nano.oracle.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Map;

/** {@code torch.optim.SGD} (torch/optim/sgd.py) in libtorch operations. */
final class TorchSgd extends TorchOptimizer {

    TorchSgd(OptimConfig config, NDManager manager, int paramCount) {
        super(config, manager, paramCount);
    }

    @Override
    protected NDArray update(NDArray param, NDArray grad, Map<String, NDArray> state) {
        double lr = config.number("lr");
        double momentum = config.number("momentum");
        double dampening = config.number("dampening");
        double weightDecay = config.number("weight_decay");

        NDArray g = config.flag("maximize") ? grad.neg() : grad;
        if (weightDecay != 0) {
            g = g.add(param.mul(weightDecay));                        // grad.add(param, alpha=wd)
        }
        if (momentum != 0) {
            NDArray buf = state.get("momentum_buffer");
            if (buf == null) {
                buf = g.duplicate();                                  // clone(grad).detach(): no dampening
            } else {
                buf = buf.mul(momentum).add(g.mul(1 - dampening));    // buf.mul_(m).add_(g, alpha=1-d)
            }
            state.put("momentum_buffer", buf);
            g = config.flag("nesterov") ? g.add(buf.mul(momentum)) : buf;
        }
        return param.add(g.mul(-lr));                                 // param.add_(g, alpha=-lr)
    }
}
