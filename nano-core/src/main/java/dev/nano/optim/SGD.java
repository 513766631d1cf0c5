package dev.nano.optim;

import dev.nano.Checks;
import dev.nano.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
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
     * An SGD over these parameters, as one group.
     * @param params the parameters to optimise, in one group
     * @return a new builder with PyTorch's defaults (lr 1e-3, no momentum)
     */
    public static Builder builder(List<Tensor> params) {
        return new Builder(singleGroup(Checks.notNull("SGD.builder", "params", params)));
    }

    /**
     * {@code torch.optim.SGD(params)} for parameters given one by one.
     * @param params the parameters to optimise, in one group
     * @return a new builder
     */
    public static Builder builder(Tensor... params) {
        return builder(Arrays.asList(Checks.notNull("SGD.builder", "params", params)));
    }

    /**
     * An SGD over parameter groups, each of which may override the defaults set on the builder.
     * @param groups the parameter groups; the builder's values are their defaults
     * @return a new builder
     */
    public static Builder builder(ParamGroup... groups) {
        return new Builder(Arrays.asList(Checks.notNull("SGD.builder", "params", groups)));
    }

    /** Set what differs from PyTorch's defaults, then {@link #build()}. */
    public static final class Builder {
        private final List<ParamGroup> groups;
        private final Map<String, Object> defaults = new LinkedHashMap<>();

        private Builder(List<ParamGroup> groups) {
            this.groups = groups;
            defaults.put("lr", 1e-3);
            defaults.put("momentum", 0.0);
            defaults.put("dampening", 0.0);
            defaults.put("weight_decay", 0.0);
            defaults.put("nesterov", false);
            defaults.put("maximize", false);
        }

        /**
         * The step size (default 1e-3).
         * @param lr the learning rate
         * @return this builder
         */
        public Builder lr(double lr) {
            defaults.put("lr", lr);
            return this;
        }

        /**
         * The momentum factor: the step follows {@code buf = momentum·buf + (1 − dampening)·g} (default 0: none).
         * @param momentum the momentum factor
         * @return this builder
         */
        public Builder momentum(double momentum) {
            defaults.put("momentum", momentum);
            return this;
        }

        /**
         * Dampening of the gradient's share of the momentum buffer (default 0).
         * @param dampening the dampening factor
         * @return this builder
         */
        public Builder dampening(double dampening) {
            defaults.put("dampening", dampening);
            return this;
        }

        /**
         * L2 penalty: {@code weightDecay·p} is added to the gradient.
         * @param weightDecay the penalty factor (default 0)
         * @return this builder
         */
        public Builder weightDecay(double weightDecay) {
            defaults.put("weight_decay", weightDecay);
            return this;
        }

        /**
         * Nesterov momentum: the step uses {@code g + momentum·buf} (needs momentum &gt; 0 and zero dampening).
         * @param nesterov true for Nesterov momentum
         * @return this builder
         */
        public Builder nesterov(boolean nesterov) {
            defaults.put("nesterov", nesterov);
            return this;
        }

        /**
         * Ascend instead of descend.
         * @param maximize true ascends the objective
         * @return this builder
         */
        public Builder maximize(boolean maximize) {
            defaults.put("maximize", maximize);
            return this;
        }

        /**
         * Validates (PyTorch's messages) and builds.
         * @return a new optimizer
         */
        public SGD build() {
            return new SGD(groups, defaults);
        }
    }
}
