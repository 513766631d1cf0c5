package dev.nano.optim.lr;

import dev.nano.optim.Optimizer;

import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Multiplies each group's learning rate by a function of the epoch at every step:
 * {@code lr = lr · lambda(epoch)} (PyTorch's {@code MultiplicativeLR}).
 */
public final class MultiplicativeLR extends LRScheduler {
    private final List<IntToDoubleFunction> lrLambdas;

    /**
     * One function for every group, starting at epoch 0.
     * @param optimizer the optimizer
     * @param lrLambda the factor for an epoch
     */
    public MultiplicativeLR(Optimizer optimizer, IntToDoubleFunction lrLambda) {
        this(optimizer, LambdaLR.Lambdas.same(optimizer, lrLambda), -1);
    }

    /**
     * One function per group.
     * @param optimizer the optimizer
     * @param lrLambdas one factor function per parameter group
     * @param lastEpoch -1 to start, or the epoch a resumed run last finished
     */
    public MultiplicativeLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas, int lastEpoch) {
        super(LambdaLR.Lambdas.check(optimizer, lrLambdas), lastEpoch);
        this.lrLambdas = List.copyOf(lrLambdas);
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lr = groupValues("lr");
        if (!isInitial) { // the constructor's step keeps the rates
            for (int i = 0; i < lr.length; i++) {
                lr[i] *= lrLambdas.get(i).applyAsDouble(lastEpoch);
            }
        }
        return lr;
    }
}
