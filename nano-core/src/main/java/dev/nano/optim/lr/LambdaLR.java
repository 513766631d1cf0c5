package dev.nano.optim.lr;

import dev.nano.optim.Optimizer;

import java.util.Collections;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Sets each group's learning rate to its initial rate times a function of the epoch:
 * {@code lr = initial_lr · lambda(epoch)} (PyTorch's {@code LambdaLR}).
 *
 * <pre>{@code
 * new LambdaLR(opt, epoch -> Math.pow(0.95, epoch));
 * }</pre>
 */
public final class LambdaLR extends LRScheduler {
    private final List<IntToDoubleFunction> lrLambdas;

    /**
     * One function for every group, starting at epoch 0.
     * @param optimizer the optimizer
     * @param lrLambda the factor for an epoch
     */
    public LambdaLR(Optimizer optimizer, IntToDoubleFunction lrLambda) {
        this(optimizer, Lambdas.same(optimizer, lrLambda), -1);
    }

    /**
     * One function per group.
     * @param optimizer the optimizer
     * @param lrLambdas one factor function per parameter group
     * @param lastEpoch -1 to start, or the epoch a resumed run last finished
     */
    public LambdaLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas, int lastEpoch) {
        super(Lambdas.check(optimizer, lrLambdas), lastEpoch);
        this.lrLambdas = List.copyOf(lrLambdas);
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] out = new double[baseLrs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLrs[i] * lrLambdas.get(i).applyAsDouble(lastEpoch);
        }
        return out;
    }

    /** The list-or-single-function argument of LambdaLR and MultiplicativeLR. */
    static final class Lambdas {
        private Lambdas() {
        }

        static List<IntToDoubleFunction> same(Optimizer optimizer, IntToDoubleFunction lrLambda) {
            if (lrLambda == null) {
                throw new IllegalArgumentException("lr_lambda is null; expected a function of the epoch");
            }
            return Collections.nCopies(optimizer == null ? 0 : optimizer.paramGroups().size(), lrLambda);
        }

        /** PyTorch: "Expected {groups} lr_lambdas, but got {n}", before anything else is checked. */
        static Optimizer check(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas) {
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer is null; expected an Optimizer");
            }
            if (lrLambdas == null) {
                throw new IllegalArgumentException("lr_lambda is null; expected a function of the epoch");
            }
            for (IntToDoubleFunction f : lrLambdas) { // not contains(null): List.of refuses to look for null
                if (f == null) {
                    throw new IllegalArgumentException("lr_lambda is null; expected a function of the epoch");
                }
            }
            int groups = optimizer.paramGroups().size();
            if (lrLambdas.size() != groups) {
                throw new IllegalArgumentException("Expected " + groups + " lr_lambdas, but got " + lrLambdas.size());
            }
            return optimizer;
        }
    }
}
