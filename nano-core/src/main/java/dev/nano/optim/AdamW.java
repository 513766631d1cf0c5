package dev.nano.optim;

import dev.nano.Checks;
import dev.nano.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW: Adam with decoupled weight decay. Instead of adding {@code weight_decay·p} to the
 * gradient (where Adam's normalization would rescale it), each step first shrinks the parameter,
 * {@code p = p·(1 - lr·weight_decay)}, then takes the plain Adam step. As in PyTorch 2.7+, it is
 * {@link Adam} with {@code decoupled_weight_decay} on (both run {@code AdamBase}) and a default weight_decay of 1e-2.
 *
 * <pre>{@code
 * AdamW opt = AdamW.builder(params).lr(1e-3).weightDecay(0.05).build();
 * }</pre>
 *
 * Defaults as in PyTorch: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 1e-2,
 * amsgrad false, maximize false.
 */
public final class AdamW extends AdamBase {

    private AdamW(List<ParamGroup> groups, Map<String, Object> defaults) {
        super(groups, defaults);
    }

    /**
     * {@code torch.optim.AdamW(params)}: a builder with PyTorch's defaults (lr 1e-3, betas (0.9, 0.999), eps 1e-8,
     * weight decay 1e-2).
     * @param params the parameters to optimise, in one group
     * @return a new builder
     */
    public static Builder builder(List<Tensor> params) {
        return new Builder(singleGroup(Checks.notNull("AdamW.builder", "params", params)));
    }

    /**
     * {@code torch.optim.AdamW(params)} for parameters given one by one.
     * @param params the parameters to optimise, in one group
     * @return a new builder
     */
    public static Builder builder(Tensor... params) {
        return builder(Arrays.asList(Checks.notNull("AdamW.builder", "params", params)));
    }

    /**
     * {@code torch.optim.AdamW(groups)}: per-group hyperparameters.
     * @param groups the parameter groups; the builder's values are their defaults
     * @return a new builder
     */
    public static Builder builder(ParamGroup... groups) {
        return new Builder(Arrays.asList(Checks.notNull("AdamW.builder", "params", groups)));
    }

    /** Set what differs from PyTorch's defaults, then {@link #build()}. */
    public static final class Builder {
        private final List<ParamGroup> groups;
        private final Map<String, Object> defaults = new LinkedHashMap<>();

        private Builder(List<ParamGroup> groups) {
            this.groups = groups;
            defaults.put("lr", 1e-3);
            defaults.put("betas", List.of(0.9, 0.999));
            defaults.put("eps", 1e-8);
            defaults.put("weight_decay", 1e-2);
            defaults.put("amsgrad", false);
            defaults.put("maximize", false);
            defaults.put("decoupled_weight_decay", true);
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
         * Decay rates of the first and second moment averages (default 0.9, 0.999).
         * @param beta1 the first moment's decay
         * @param beta2 the second moment's decay
         * @return this builder
         */
        public Builder betas(double beta1, double beta2) {
            defaults.put("betas", List.of(beta1, beta2));
            return this;
        }

        /**
         * Added to √v̂ in the denominator for stability (default 1e-8).
         * @param eps the term
         * @return this builder
         */
        public Builder eps(double eps) {
            defaults.put("eps", eps);
            return this;
        }

        /**
         * The decoupled decay rate: each step multiplies p by {@code 1 - lr·weightDecay}.
         * @param weightDecay the decay rate (default 1e-2)
         * @return this builder
         */
        public Builder weightDecay(double weightDecay) {
            defaults.put("weight_decay", weightDecay);
            return this;
        }

        /**
         * The AMSGrad variant: the running maximum of v replaces v in the denominator.
         * @param amsgrad true for AMSGrad
         * @return this builder
         */
        public Builder amsgrad(boolean amsgrad) {
            defaults.put("amsgrad", amsgrad);
            return this;
        }

        /**
         * Gradient ascent: PyTorch's {@code maximize=True}.
         * @param maximize true ascends the objective
         * @return this builder
         */
        public Builder maximize(boolean maximize) {
            defaults.put("maximize", maximize);
            return this;
        }

        /**
         * Builds the optimizer with the values set so far.
         * @return a new optimizer
         */
        public AdamW build() {
            return new AdamW(groups, defaults);
        }
    }
}
