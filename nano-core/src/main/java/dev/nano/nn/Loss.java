package dev.nano.nn;

import dev.nano.Tensor;

/**
 * A loss module: {@code forward(input, target)} returns the loss under its {@code reduction}
 * ("mean" by default, "sum" or "none"). The losses are thin wrappers over the functions in
 * {@link F}, holding their options (and class weights, as buffers).
 */
public abstract class Loss extends Module {
    /** "none", "mean" or "sum", PyTorch's {@code reduction} argument. */
    protected final String reduction;

    /**
     * A loss with PyTorch's {@code reduction} argument, which subclasses pass on.
     * @param reduction "none", "mean" or "sum"
     */
    protected Loss(String reduction) {
        this.reduction = reduction;
    }

    /**
     * Computes the loss of {@code input} against {@code target}.
     * @param input the predictions
     * @param target the targets
     * @return a 0-d tensor, or the per-element losses for "none"
     */
    public abstract Tensor forward(Tensor input, Tensor target);

    /** A loss needs a target. */
    @Override
    public Tensor forward(Tensor input) {
        throw new IllegalArgumentException(name() + ".forward() missing 1 required positional argument: 'target'");
    }

    /**
     * {@code loss.reduction}.
     * @return "none", "mean" or "sum"
     */
    public String reduction() {
        return reduction;
    }
}
