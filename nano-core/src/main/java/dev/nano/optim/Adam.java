package dev.nano.optim;

import dev.nano.Checks;
import dev.nano.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam: steps along a running mean of the gradient, divided by the root of a running mean of its
 * square, both corrected for starting at zero. PyTorch's {@code torch.optim.Adam}, step for step
 * (its single-tensor path, the one PyTorch runs on CPU):
 *
 * <pre>
 * m  = lerp(m, g, 1 - beta1)                    first moment
 * v  = v·beta2 + (1 - beta2)·g·g                second moment
 * p -= lr/(1 - beta1^t) · m / (sqrt(v)/(1 - beta2^t)^0.5 + eps)
 * </pre>
 *
 * {@code eps} is added after the bias correction, as in PyTorch (not TensorFlow's "epsilon hat").
 * With {@code amsgrad} the running maximum of v replaces v in the denominator.
 *
 * <pre>{@code
 * Adam opt = Adam.builder(params).lr(1e-3).betas(0.9, 0.999).amsgrad(true).build();
 * }</pre>
 *
 * Defaults as in PyTorch: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0, amsgrad false,
 * maximize false, decoupled_weight_decay false ({@link AdamW} is the decoupled one). State:
 * {@code step}, {@code exp_avg}, {@code exp_avg_sq}, and {@code max_exp_avg_sq} with amsgrad.
 */
public final class Adam extends AdamBase {

    private Adam(List<ParamGroup> groups, Map<String, Object> defaults) {
        super(groups, defaults);
    }

    // ---------------------------------------------------------------- construction

    /**
     * {@code torch.optim.Adam(params)}: starts a builder with PyTorch's defaults (lr 1e-3, betas (0.9, 0.999), eps
     * 1e-8).
     * @param params the parameters to optimise, in one group
     * @return a new builder
     */
    public static Builder builder(List<Tensor> params) {
        return new Builder(singleGroup(Checks.notNull("Adam.builder", "params", params)));
    }

    /**
     * {@code torch.optim.Adam(params)} for parameters given one by one.
     * @param params the parameters to optimise, in one group
     * @return a new builder
     */
    public static Builder builder(Tensor... params) {
        return builder(Arrays.asList(Checks.notNull("Adam.builder", "params", params)));
    }

    /**
     * {@code torch.optim.Adam(groups)}: per-group hyperparameters, the builder's values as defaults.
     * @param groups the parameter groups
     * @return a new builder
     */
    public static Builder builder(ParamGroup... groups) {
        return new Builder(Arrays.asList(Checks.notNull("Adam.builder", "params", groups)));
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
            defaults.put("weight_decay", 0.0);
            defaults.put("amsgrad", false);
            defaults.put("maximize", false);
            defaults.put("decoupled_weight_decay", false);
        }

        /**
         * The step size, PyTorch's {@code lr}.
         * @param lr the learning rate (default 1e-3)
         * @return this builder
         */
        public Builder lr(double lr) {
            defaults.put("lr", lr);
            return this;
        }

        /**
         * Decay rates of the first and second moment averages.
         * @param beta1 the first moment's decay (default 0.9)
         * @param beta2 the second moment's decay (default 0.999)
         * @return this builder
         */
        public Builder betas(double beta1, double beta2) {
            defaults.put("betas", List.of(beta1, beta2));
            return this;
        }

        /**
         * The term added to √v̂ in the denominator.
         * @param eps added to the denominator for stability (default 1e-8)
         * @return this builder
         */
        public Builder eps(double eps) {
            defaults.put("eps", eps);
            return this;
        }

        /**
         * L2 penalty added to the gradient (or, with {@link #decoupledWeightDecay}, AdamW's decay).
         * @param weightDecay the decay factor (default 0)
         * @return this builder
         */
        public Builder weightDecay(double weightDecay) {
            defaults.put("weight_decay", weightDecay);
            return this;
        }

        /**
         * The AMSGrad variant: PyTorch's {@code amsgrad=True}.
         * @param amsgrad true keeps the maximum of past second moments (AMSGrad)
         * @return this builder
         */
        public Builder amsgrad(boolean amsgrad) {
            defaults.put("amsgrad", amsgrad);
            return this;
        }

        /**
         * Gradient ascent: PyTorch's {@code maximize=True}.
         * @param maximize true ascends the objective instead of descending it
         * @return this builder
         */
        public Builder maximize(boolean maximize) {
            defaults.put("maximize", maximize);
            return this;
        }

        /**
         * True makes this {@link AdamW}'s algorithm (PyTorch 2.7's {@code decoupled_weight_decay}).
         * @param decoupled true for AdamW's decoupled decay
         * @return this builder
         */
        public Builder decoupledWeightDecay(boolean decoupled) {
            defaults.put("decoupled_weight_decay", decoupled);
            return this;
        }

        /**
         * Builds the optimizer with the values set so far (the rest are PyTorch's defaults).
         * @return a new optimizer
         */
        public Adam build() {
            return new Adam(groups, defaults);
        }
    }
}
