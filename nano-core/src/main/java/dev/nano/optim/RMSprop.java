package dev.nano.optim;

import dev.nano.Tensor;

import java.util.List;
import java.util.Map;

/**
 * RMSprop: divides the gradient by a running root mean square of recent gradients. PyTorch's
 * {@code torch.optim.RMSprop}, step for step: {@code eps} is added <em>after</em> the square root
 * (TensorFlow adds it inside), the centered variant subtracts the squared running mean of the
 * gradient, and the momentum buffer starts at zero (unlike SGD's).
 *
 * <pre>{@code
 * RMSprop opt = RMSprop.builder(params).lr(1e-3).centered(true).build();
 * }</pre>
 *
 * Defaults as in PyTorch: lr 1e-2, alpha 0.99, eps 1e-8, weight_decay 0, momentum 0,
 * centered false, maximize false. State: {@code step}, {@code square_avg}, and
 * {@code momentum_buffer} (momentum > 0) and {@code grad_avg} (centered).
 */
public final class RMSprop extends Optimizer {

    private RMSprop(List<ParamGroup> groups, Map<String, Object> defaults) {
        super(groups, checkHyperparameters(defaults));
    }

    private static Map<String, Object> checkHyperparameters(Map<String, Object> h) {
        double lr = (Double) h.get("lr");
        double eps = (Double) h.get("eps");
        double momentum = (Double) h.get("momentum");
        double weightDecay = (Double) h.get("weight_decay");
        double alpha = (Double) h.get("alpha");
        requireNonNegative("Invalid learning rate: ", lr);
        requireNonNegative("Invalid epsilon value: ", eps);
        requireNonNegative("Invalid momentum value: ", momentum);
        requireNonNegative("Invalid weight_decay value: ", weightDecay);
        requireNonNegative("Invalid alpha value: ", alpha);
        return h;
    }

    @Override
    protected void update(ParamGroup group) {
        double lr = group.lr();
        double alpha = group.getDouble("alpha");
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        double momentum = group.getDouble("momentum");
        boolean centered = group.getBoolean("centered");
        boolean maximize = group.getBoolean("maximize");

        for (Tensor p : group.params()) {
            if (p.grad() == null) {
                continue;
            }
            double[] param = p.data();
            double[] grad = p.grad().data();
            Map<String, Tensor> state = stateOf(p);
            incrementStep(state); // counted, not used in the math
            double[] squareAvg = zerosState(state, "square_avg", p);
            double[] buf = momentum > 0 ? zerosState(state, "momentum_buffer", p) : null;
            double[] gradAvg = centered ? zerosState(state, "grad_avg", p) : null;

            for (int i = 0; i < param.length; i++) {
                double g = maximize ? -grad[i] : grad[i];
                if (weightDecay != 0) {
                    g = g + weightDecay * param[i];
                }
                squareAvg[i] = squareAvg[i] * alpha + (1 - alpha) * g * g;
                double avg;
                if (centered) {
                    gradAvg[i] = lerp(gradAvg[i], g, 1 - alpha);
                    // No clamp: a negative variance estimate gives NaN, as in PyTorch.
                    avg = Math.sqrt(squareAvg[i] - gradAvg[i] * gradAvg[i]);
                } else {
                    avg = Math.sqrt(squareAvg[i]);
                }
                avg = avg + eps;
                if (momentum > 0) {
                    buf[i] = buf[i] * momentum + g / avg;
                    param[i] = param[i] + (-lr) * buf[i];
                } else {
                    param[i] = param[i] + (-lr) * g / avg;
                }
            }
        }
    }

    // ---------------------------------------------------------------- construction

    /**
     * {@code torch.optim.RMSprop(params)}: a builder with PyTorch's defaults (lr 1e-2, alpha 0.99, eps 1e-8).
     * @param params the parameters to optimise, in one group
     * @return a new builder
     */
    public static Builder builder(List<Tensor> params) {
        return new Builder(OptimizerBuilder.asOneGroup("RMSprop", params));
    }

    /**
     * {@code torch.optim.RMSprop(params)} for parameters given one by one.
     * @param params the parameters to optimise, in one group
     * @return a new builder
     */
    public static Builder builder(Tensor... params) {
        return new Builder(OptimizerBuilder.asOneGroup("RMSprop", params));
    }

    /**
     * {@code torch.optim.RMSprop(groups)}: per-group hyperparameters, the builder's values as their defaults.
     * @param groups the parameter groups
     * @return a new builder
     */
    public static Builder builder(ParamGroup... groups) {
        return new Builder(OptimizerBuilder.asGroups("RMSprop", groups));
    }

    /** Set what differs from PyTorch's defaults, then {@link #build()}. */
    public static final class Builder extends OptimizerBuilder<Builder, RMSprop> {
        private Builder(List<ParamGroup> groups) {
            super("RMSprop", groups);
            declare("lr", 1e-2);
            declare("alpha", 0.99);
            declare("eps", 1e-8);
            declare("weight_decay", 0.0);
            declare("momentum", 0.0);
            declare("centered", false);
            declare("maximize", false);
        }

        /**
         * Smoothing constant of the running averages.
         * @param alpha the decay of the average of squared gradients (default 0.99)
         * @return this builder
         */
        public Builder alpha(double alpha) {
            return set("alpha", alpha);
        }

        /**
         * Added to the denominator for stability (default 1e-8).
         * @param eps the term
         * @return this builder
         */
        public Builder eps(double eps) {
            return set("eps", eps);
        }

        /**
         * Momentum applied to the normalised step (default 0: none).
         * @param momentum the momentum factor
         * @return this builder
         */
        public Builder momentum(double momentum) {
            return set("momentum", momentum);
        }

        /**
         * Normalize by an estimate of the gradient's variance instead of its raw second moment.
         * @param centered true for the centred variant
         * @return this builder
         */
        public Builder centered(boolean centered) {
            return set("centered", centered);
        }

        @Override
        public RMSprop build() {
            return new RMSprop(groups(), defaults());
        }
    }
}
