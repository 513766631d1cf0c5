package dev.nano.optim.lr;

import dev.nano.optim.Optimizer;
import dev.nano.optim.ParamGroup;

/** What CyclicLR and OneCycleLR share: per-group arguments and cycling the momentum (or Adam's beta1). */
final class Cycles {
    private Cycles() {
    }

    /**
     * PyTorch's {@code _format_param}: one value for every group, or one per group.
     * @param name the argument, for the message
     * @param list whether the user gave a list (checked against the groups) or one value (repeated)
     */
    static double[] perGroup(String name, Optimizer optimizer, double[] values, boolean list) {
        int groups = optimizer.paramGroups().size();
        if (!list) {
            double[] out = new double[groups];
            java.util.Arrays.fill(out, values[0]);
            return out;
        }
        if (values.length != groups) {
            throw new IllegalArgumentException(name + " must have the same length as optimizer.param_groups. " + name
                    + " has " + values.length + " values, param_groups has " + groups + ".");
        }
        return values.clone();
    }

    /** Whether the optimizer's momentum is Adam's {@code betas[0]} (else SGD's or RMSprop's {@code momentum}). */
    static boolean usesBeta1(Optimizer optimizer) {
        if (!optimizer.defaults().containsKey("momentum") && !optimizer.defaults().containsKey("betas")) {
            throw new IllegalArgumentException(
                    "optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
        }
        return optimizer.defaults().containsKey("betas");
    }

    /** Sets a group's momentum, or the first of its betas. */
    static void setMomentum(ParamGroup group, double momentum, boolean beta1) {
        if (beta1) {
            group.set("betas", momentum, group.getPair("betas")[1]);
        } else {
            group.set("momentum", momentum);
        }
    }
}
