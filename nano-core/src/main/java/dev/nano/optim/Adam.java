package dev.nano.optim;

import dev.nano.Tensor;

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
     * {@code torch.optim.Adam(params)}: a builder with PyTorch's defaults (lr 1e-3, betas (0.9, 0.999),
     * eps 1e-8, weight decay 0).
     * @param params the parameters to optimise, in one group
     * @return a new builder
     */
    public static Builder builder(List<Tensor> params) {
        return new Builder(OptimizerBuilder.asOneGroup("Adam", params));
    }

    /**
     * {@code torch.optim.Adam(params)} for parameters given one by one.
     * @param params the parameters to optimise, in one group
     * @return a new builder
     */
    public static Builder builder(Tensor... params) {
        return new Builder(OptimizerBuilder.asOneGroup("Adam", params));
    }

    /**
     * {@code torch.optim.Adam(groups)}: per-group hyperparameters, the builder's values as their defaults.
     * @param groups the parameter groups
     * @return a new builder
     */
    public static Builder builder(ParamGroup... groups) {
        return new Builder(OptimizerBuilder.asGroups("Adam", groups));
    }

    /** Set what differs from PyTorch's defaults, then {@link #build()}. */
    public static final class Builder extends AdamBuilder<Builder, Adam> {
        private Builder(List<ParamGroup> groups) {
            super("Adam", groups, 0.0);
        }

        /**
         * True makes this {@link AdamW}'s algorithm (PyTorch 2.7's {@code decoupled_weight_decay}).
         * @param decoupled true for AdamW's decoupled decay
         * @return this builder
         */
        public Builder decoupledWeightDecay(boolean decoupled) {
            return set("decoupled_weight_decay", decoupled);
        }

        @Override
        public Adam build() {
            return new Adam(groups(), defaults());
        }
    }
}
