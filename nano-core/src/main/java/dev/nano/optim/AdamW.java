package dev.nano.optim;

import dev.nano.Tensor;

import java.util.List;
import java.util.Map;

/**
 * AdamW: Adam with decoupled weight decay. Instead of adding {@code weight_decay·p} to the
 * gradient (where Adam's normalization would rescale it), each step first shrinks the parameter,
 * {@code p = p·(1 - lr·weight_decay)}, then takes the plain Adam step. As in PyTorch 2.7+, it is
 * {@link Adam} with {@code decoupled_weight_decay} on and a default weight_decay of 1e-2: both run
 * {@code AdamBase}'s step, and their builders share {@link AdamBuilder}.
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
     * {@code torch.optim.AdamW(params)}: a builder with PyTorch's defaults (lr 1e-3, betas (0.9, 0.999),
     * eps 1e-8, weight decay 1e-2).
     * @param params the parameters to optimise, in one group
     * @return a new builder
     */
    public static Builder builder(List<Tensor> params) {
        return new Builder(OptimizerBuilder.asOneGroup("AdamW", params));
    }

    /**
     * {@code torch.optim.AdamW(params)} for parameters given one by one.
     * @param params the parameters to optimise, in one group
     * @return a new builder
     */
    public static Builder builder(Tensor... params) {
        return new Builder(OptimizerBuilder.asOneGroup("AdamW", params));
    }

    /**
     * {@code torch.optim.AdamW(groups)}: per-group hyperparameters, the builder's values as their defaults.
     * @param groups the parameter groups
     * @return a new builder
     */
    public static Builder builder(ParamGroup... groups) {
        return new Builder(OptimizerBuilder.asGroups("AdamW", groups));
    }

    /** Set what differs from PyTorch's defaults, then {@link #build()}. */
    public static final class Builder extends AdamBuilder<Builder, AdamW> {
        private Builder(List<ParamGroup> groups) {
            super("AdamW", groups, 1e-2);
            declareFixed("decoupled_weight_decay", true); // AdamW.__init__ passes it to Adam's, takes no argument
        }

        @Override
        public AdamW build() {
            return new AdamW(groups(), defaults());
        }
    }
}
