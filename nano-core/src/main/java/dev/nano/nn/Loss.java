package dev.nano.nn;

import dev.nano.Tensor;

/**
 * A loss module: {@code forward(input, target)} returns the loss under its {@code reduction}
 * ("mean" by default, "sum" or "none"). The losses are thin wrappers over the functions in
 * {@link F}, holding their options (and class weights, as buffers).
 */
public abstract class Loss extends Module {
    protected final String reduction;

    protected Loss(String reduction) {
        this.reduction = reduction;
    }

    public abstract Tensor forward(Tensor input, Tensor target);

    /** A loss needs a target. */
    @Override
    public Tensor forward(Tensor input) {
        throw new IllegalArgumentException(name() + ".forward() missing 1 required positional argument: 'target'");
    }

    public String reduction() {
        return reduction;
    }
}
