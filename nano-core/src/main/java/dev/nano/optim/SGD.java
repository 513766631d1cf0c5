package dev.nano.optim;

import dev.nano.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and weight
 * decay: PyTorch's {@code torch.optim.SGD}, step for step.
 *
 * <pre>{@code
 * SGD opt = SGD.builder(params).lr(0.1).momentum(0.9).build();
 * }</pre>
 *
 * Defaults as in PyTorch: lr 1e-3, momentum 0, dampening 0, weight_decay 0, nesterov false,
 * maximize false. State: {@code momentum_buffer}, only when momentum is not 0.
 */
public final class SGD extends Optimizer {

    private SGD(List<ParamGroup> groups, Map<String, Object> defaults) {
        super(groups, checkHyperparameters(defaults));
    }

    /** PyTorch's checks and messages, in its order, before the parameters are looked at. */
    private static Map<String, Object> checkHyperparameters(Map<String, Object> h) {
        double lr = (Double) h.get("lr");
        double momentum = (Double) h.get("momentum");
        double dampening = (Double) h.get("dampening");
        double weightDecay = (Double) h.get("weight_decay");
        boolean nesterov = (Boolean) h.get("nesterov");
        // torch.optim.SGD tests "x < 0.0", which lets NaN through to NaN parameters; nano refuses
        // NaN here too, with the same messages, like the other optimizers' "not 0.0 <= x".
        requireNonNegative("Invalid learning rate: ", lr);
        requireNonNegative("Invalid momentum value: ", momentum);
        requireNonNegative("Invalid weight_decay value: ", weightDecay);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
        return h;
    }

    @Override
    protected void update(ParamGroup group) {
        double lr = group.lr();
        double momentum = group.getDouble("momentum");
        double dampening = group.getDouble("dampening");
        double weightDecay = group.getDouble("weight_decay");
        boolean nesterov = group.getBoolean("nesterov");
        boolean maximize = group.getBoolean("maximize");

        for (Tensor p : group.params()) {
            if (p.grad() == null) {
                continue;
            }
            double[] param = p.data();
            double[] grad = p.grad().data();
            double[] buf = null;
            boolean firstStep = false;
            if (momentum != 0) {
                Map<String, Tensor> state = stateOf(p);
                firstStep = !state.containsKey("momentum_buffer");
                buf = zerosState(state, "momentum_buffer", p);
            }
            for (int i = 0; i < param.length; i++) {
                double g = maximize ? -grad[i] : grad[i];           // p.grad itself is never changed
                if (weightDecay != 0) {
                    g = g + weightDecay * param[i];
                }
                if (momentum != 0) {
                    // The first buffer is the gradient itself: no momentum, no dampening.
                    buf[i] = firstStep ? g : buf[i] * momentum + (1 - dampening) * g;
                    g = nesterov ? g + momentum * buf[i] : buf[i];
                }
                param[i] = param[i] + (-lr) * g;
            }
        }
    }

    // ---------------------------------------------------------------- construction

    /**
     * {@code torch.optim.SGD(params)}: a builder with PyTorch's defaults (lr 1e-3, no momentum).
     * @param params the parameters to optimise, in one group
     * @return a new builder
     */
    public static Builder builder(List<Tensor> params) {
        return new Builder(OptimizerBuilder.asOneGroup("SGD", params));
    }

    /**
     * {@code torch.optim.SGD(params)} for parameters given one by one.
     * @param params the parameters to optimise, in one group
     * @return a new builder
     */
    public static Builder builder(Tensor... params) {
        return new Builder(OptimizerBuilder.asOneGroup("SGD", params));
    }

    /**
     * {@code torch.optim.SGD(groups)}: per-group hyperparameters, the builder's values as their defaults.
     * @param groups the parameter groups
     * @return a new builder
     */
    public static Builder builder(ParamGroup... groups) {
        return new Builder(OptimizerBuilder.asGroups("SGD", groups));
    }

    /** Set what differs from PyTorch's defaults, then {@link #build()}. */
    public static final class Builder extends OptimizerBuilder<Builder, SGD> {
        private Builder(List<ParamGroup> groups) {
            super("SGD", groups);
            declare("lr", 1e-3);
            declare("momentum", 0.0);
            declare("dampening", 0.0);
            declare("weight_decay", 0.0);
            declare("nesterov", false);
            declare("maximize", false);
        }

        /**
         * The momentum factor: the step follows {@code buf = momentum·buf + (1 − dampening)·g} (default 0: none).
         * @param momentum the momentum factor
         * @return this builder
         */
        public Builder momentum(double momentum) {
            return set("momentum", momentum);
        }

        /**
         * Dampening of the gradient's share of the momentum buffer (default 0).
         * @param dampening the dampening factor
         * @return this builder
         */
        public Builder dampening(double dampening) {
            return set("dampening", dampening);
        }

        /**
         * Nesterov momentum: the step uses {@code g + momentum·buf} (needs momentum &gt; 0 and zero dampening).
         * @param nesterov true for Nesterov momentum
         * @return this builder
         */
        public Builder nesterov(boolean nesterov) {
            return set("nesterov", nesterov);
        }

        @Override
        public SGD build() {
            return new SGD(groups(), defaults());
        }
    }
}
