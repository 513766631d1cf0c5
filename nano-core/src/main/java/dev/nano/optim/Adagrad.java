package dev.nano.optim;

import dev.nano.Nano;
import dev.nano.Tensor;

import java.util.List;
import java.util.Map;

/**
 * Adagrad: each element's step shrinks with the sum of its squared gradients so far. PyTorch's
 * {@code torch.optim.Adagrad}, step for step, with the learning rate decayed as
 * {@code lr / (1 + (t - 1)·lr_decay)}.
 *
 * <pre>{@code
 * Adagrad opt = Adagrad.builder(params).lr(0.1).build();
 * }</pre>
 *
 * Defaults as in PyTorch: lr 1e-2, lr_decay 0, weight_decay 0, initial_accumulator_value 0,
 * eps 1e-10, maximize false. State: {@code step} and {@code sum}, created for every parameter when
 * the optimizer is built (not at the first step, unlike the other optimizers).
 */
public final class Adagrad extends Optimizer {

    private Adagrad(List<ParamGroup> groups, Map<String, Object> defaults) {
        super(groups, checkHyperparameters(defaults));
        for (ParamGroup group : paramGroups()) {
            for (Tensor p : group.params()) {
                initState(p);
            }
        }
    }

    /**
     * {@code step = 0} and {@code sum} filled with the <em>optimizer's</em> initial_accumulator_value:
     * PyTorch uses the constructor's value even for a group that sets its own.
     */
    private void initState(Tensor p) {
        Map<String, Tensor> state = stateOf(p);
        state.put("step", Nano.scalar(0.0));
        state.put("sum", Nano.fullLike(p, (Double) defaults().get("initial_accumulator_value")));
    }

    private static Map<String, Object> checkHyperparameters(Map<String, Object> h) {
        double lr = (Double) h.get("lr");
        double lrDecay = (Double) h.get("lr_decay");
        double weightDecay = (Double) h.get("weight_decay");
        double initial = (Double) h.get("initial_accumulator_value");
        double eps = (Double) h.get("eps");
        requireNonNegative("Invalid learning rate: ", lr);
        requireNonNegative("Invalid lr_decay value: ", lrDecay);
        requireNonNegative("Invalid weight_decay value: ", weightDecay);
        requireNonNegative("Invalid initial_accumulator_value value: ", initial);
        requireNonNegative("Invalid epsilon value: ", eps);
        return h;
    }

    @Override
    protected void update(ParamGroup group) {
        double lr = group.lr();
        double lrDecay = group.getDouble("lr_decay");
        double weightDecay = group.getDouble("weight_decay");
        double eps = group.getDouble("eps");
        boolean maximize = group.getBoolean("maximize");

        for (Tensor p : group.params()) {
            if (p.grad() == null) {
                continue;
            }
            double[] param = p.data();
            double[] grad = p.grad().data();
            Map<String, Tensor> state = stateOf(p);
            if (state.isEmpty()) {
                initState(p); // a parameter added later with addParamGroup
            }
            double t = incrementStep(state);
            double clr = lr / (1 + (t - 1) * lrDecay); // the first step uses lr itself
            double[] sum = state.get("sum").data();

            for (int i = 0; i < param.length; i++) {
                double g = maximize ? -grad[i] : grad[i];
                if (weightDecay != 0) {
                    g = g + weightDecay * param[i];
                }
                sum[i] = sum[i] + g * g;
                double std = Math.sqrt(sum[i]) + eps;
                param[i] = param[i] + (-clr) * g / std;
            }
        }
    }

    // ---------------------------------------------------------------- construction

    /**
     * {@code torch.optim.Adagrad(params)}: a builder with PyTorch's defaults (lr 1e-2, eps 1e-10).
     * @param params the parameters to optimise, in one group
     * @return a new builder
     */
    public static Builder builder(List<Tensor> params) {
        return new Builder(OptimizerBuilder.asOneGroup("Adagrad", params));
    }

    /**
     * {@code torch.optim.Adagrad(params)} for parameters given one by one.
     * @param params the parameters to optimise, in one group
     * @return a new builder
     */
    public static Builder builder(Tensor... params) {
        return new Builder(OptimizerBuilder.asOneGroup("Adagrad", params));
    }

    /**
     * {@code torch.optim.Adagrad(groups)}: per-group hyperparameters, the builder's values as their defaults.
     * @param groups the parameter groups
     * @return a new builder
     */
    public static Builder builder(ParamGroup... groups) {
        return new Builder(OptimizerBuilder.asGroups("Adagrad", groups));
    }

    /** Set what differs from PyTorch's defaults, then {@link #build()}. */
    public static final class Builder extends OptimizerBuilder<Builder, Adagrad> {
        private Builder(List<ParamGroup> groups) {
            super("Adagrad", groups);
            declare("lr", 1e-2);
            declare("lr_decay", 0.0);
            declare("weight_decay", 0.0);
            declare("initial_accumulator_value", 0.0);
            declare("eps", 1e-10);
            declare("maximize", false);
        }

        /**
         * Step t uses {@code lr / (1 + (t - 1)·lrDecay)}.
         * @param lrDecay the decay (default 0)
         * @return this builder
         */
        public Builder lrDecay(double lrDecay) {
            return set("lr_decay", lrDecay);
        }

        /**
         * Where the sum of squared gradients starts.
         * @param value the initial value of every element (default 0)
         * @return this builder
         */
        public Builder initialAccumulatorValue(double value) {
            return set("initial_accumulator_value", value);
        }

        /**
         * Added to the denominator √sum for stability (default 1e-10).
         * @param eps the term
         * @return this builder
         */
        public Builder eps(double eps) {
            return set("eps", eps);
        }

        @Override
        public Adagrad build() {
            return new Adagrad(groups(), defaults());
        }
    }
}
