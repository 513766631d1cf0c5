package dev.nano.oracle.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Map;

/** {@code torch.optim.RMSprop} (torch/optim/rmsprop.py) in libtorch operations. */
final class TorchRmsprop extends TorchOptimizer {

    TorchRmsprop(OptimConfig config, NDManager manager, int paramCount) {
        super(config, manager, paramCount);
    }

    @Override
    protected NDArray update(NDArray param, NDArray grad, Map<String, NDArray> state) {
        double lr = config.number("lr");
        double alpha = config.number("alpha");
        double eps = config.number("eps");
        double weightDecay = config.number("weight_decay");
        double momentum = config.number("momentum");
        boolean centered = config.flag("centered");

        if (state.isEmpty()) {                                        // lazy state initialisation
            state.put("step", manager.create(0.0));
            state.put("square_avg", zerosLike(param));
            if (momentum > 0) {
                state.put("momentum_buffer", zerosLike(param));
            }
            if (centered) {
                state.put("grad_avg", zerosLike(param));
            }
        }
        NDArray g = config.flag("maximize") ? grad.neg() : grad;
        incrementStep(state);
        if (weightDecay != 0) {
            g = g.add(param.mul(weightDecay));
        }
        // square_avg.mul_(alpha).addcmul_(g, g, value=1-alpha): self + (value·g)·g
        NDArray squareAvg = state.get("square_avg").mul(alpha).add(g.mul(1 - alpha).mul(g));
        state.put("square_avg", squareAvg);
        NDArray avg;
        if (centered) {
            NDArray gradAvg = lerp(state.get("grad_avg"), g, 1 - alpha);
            state.put("grad_avg", gradAvg);
            avg = squareAvg.add(gradAvg.mul(-1.0).mul(gradAvg)).sqrt(); // addcmul(gavg, gavg, value=-1).sqrt_()
        } else {
            avg = squareAvg.sqrt();
        }
        avg = avg.add(eps);
        if (momentum > 0) {
            NDArray buf = state.get("momentum_buffer").mul(momentum).add(g.div(avg)); // addcdiv_(g, avg)
            state.put("momentum_buffer", buf);
            return param.add(buf.mul(-lr));
        }
        return param.add(g.mul(-lr).div(avg));                        // addcdiv_(g, avg, value=-lr)
    }
}
