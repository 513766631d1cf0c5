package dev.nano.optim;

import java.util.List;

/**
 * What {@link Adam.Builder} and {@link AdamW.Builder} share: AdamW is Adam with two defaults changed
 * ({@code weight_decay} 1e-2 instead of 0, {@code decoupled_weight_decay} on), as in PyTorch 2.7, whose
 * {@code AdamW.__init__} calls {@code Adam.__init__} with {@code decoupled_weight_decay=True}.
 *
 * @param <B> the concrete builder, returned by every setter so that calls chain
 * @param <O> the optimizer it builds
 */
public abstract class AdamBuilder<B extends AdamBuilder<B, O>, O extends Optimizer> extends OptimizerBuilder<B, O> {

    /**
     * PyTorch's defaults for Adam: lr 1e-3, betas (0.9, 0.999), eps 1e-8, amsgrad false, maximize false,
     * decoupled_weight_decay false, and the given weight_decay (AdamW's differs).
     */
    AdamBuilder(String optimizer, List<ParamGroup> groups, double weightDecay) {
        super(optimizer, groups);
        declare("lr", 1e-3);
        declare("betas", List.of(0.9, 0.999));
        declare("eps", 1e-8);
        declare("weight_decay", weightDecay);
        declare("amsgrad", false);
        declare("maximize", false);
        declare("decoupled_weight_decay", false);
    }

    /**
     * Decay rates of the first and second moment averages.
     * @param beta1 the first moment's decay (default 0.9)
     * @param beta2 the second moment's decay (default 0.999)
     * @return this builder
     */
    public B betas(double beta1, double beta2) {
        return set("betas", beta1, beta2);
    }

    /**
     * The term added to √v̂ in the denominator, for stability.
     * @param eps the term (default 1e-8)
     * @return this builder
     */
    public B eps(double eps) {
        return set("eps", eps);
    }

    /**
     * The AMSGrad variant: PyTorch's {@code amsgrad=True}, the running maximum of v replaces v in the denominator.
     * @param amsgrad true for AMSGrad
     * @return this builder
     */
    public B amsgrad(boolean amsgrad) {
        return set("amsgrad", amsgrad);
    }
}
