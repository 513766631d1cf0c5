package dev.nano.optim.lr;

import dev.nano.optim.Optimizer;
import dev.nano.optim.ParamGroup;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Cycles each group's learning rate between {@code baseLr} and {@code maxLr} in triangles of
 * {@code stepSizeUp + stepSizeDown} batches, and the momentum inversely between {@code maxMomentum}
 * and {@code baseMomentum} (Smith's cyclical learning rates; PyTorch's {@code CyclicLR}). Step it after
 * every batch. Built with {@link #builder(Optimizer, double, double)}; PyTorch's defaults:
 * {@code step_size_up} 2000, {@code mode} "triangular", {@code gamma} 1, {@code cycle_momentum} true,
 * momentum between 0.8 and 0.9.
 */
public final class CyclicLR extends LRScheduler {
    private final double[] maxLrs;
    private final double totalSize;
    private final double stepRatio;
    private final DoubleUnaryOperator scaleFn;
    private final boolean scaleByCycle;
    private final boolean cycleMomentum;
    private final boolean useBeta1;
    private final double[] baseMomentums;
    private final double[] maxMomentums;

    private CyclicLR(Builder b, Checked c) {
        super(c.optimizer, b.lastEpoch);
        this.maxLrs = c.maxLrs;
        this.totalSize = c.totalSize;
        this.stepRatio = c.stepRatio;
        this.scaleFn = c.scaleFn;
        this.scaleByCycle = c.scaleByCycle;
        this.cycleMomentum = b.cycleMomentum;
        this.useBeta1 = c.useBeta1;
        this.baseMomentums = c.baseMomentums;
        this.maxMomentums = c.maxMomentums;
        initialStep();
        // As in PyTorch, the constructor's step used the groups' initial_lr; from now on, base_lr.
        this.baseLrs = c.baseLrs;
    }

    /**
     * A builder with PyTorch's defaults.
     * @param optimizer the optimizer
     * @param baseLr the lower rate of every group
     * @param maxLr the upper rate of every group
     * @return a builder
     */
    public static Builder builder(Optimizer optimizer, double baseLr, double maxLr) {
        return new Builder(optimizer, new double[] {baseLr}, new double[] {maxLr}, false);
    }

    /**
     * A builder with one lower and one upper rate per group.
     * @param optimizer the optimizer
     * @param baseLrs the lower rate of each group
     * @param maxLrs the upper rate of each group
     * @return a builder
     */
    public static Builder builder(Optimizer optimizer, double[] baseLrs, double[] maxLrs) {
        return new Builder(optimizer, baseLrs.clone(), maxLrs.clone(), true);
    }

    @Override
    protected double[] computeLr() {
        double cycle = Math.floor(1 + lastEpoch / totalSize);
        double x = 1.0 + lastEpoch / totalSize - cycle;
        double scaleFactor = x <= stepRatio ? PythonMath.div(x, stepRatio, "CyclicLR (step_size_up is 0)")
                : PythonMath.div(x - 1, stepRatio - 1, "CyclicLR (step_size_down is 0)");
        double scale = scaleFn.applyAsDouble(scaleByCycle ? cycle : lastEpoch);
        double[] lrs = new double[baseLrs.length];
        for (int i = 0; i < lrs.length; i++) {
            double baseHeight = (maxLrs[i] - baseLrs[i]) * scaleFactor;
            lrs[i] = baseLrs[i] + baseHeight * scale;
        }
        if (cycleMomentum) {
            List<ParamGroup> groups = optimizer.paramGroups();
            for (int i = 0; i < Math.min(groups.size(), baseMomentums.length); i++) {
                double baseHeight = (maxMomentums[i] - baseMomentums[i]) * scaleFactor;
                Cycles.setMomentum(groups.get(i), maxMomentums[i] - baseHeight * scale, useBeta1);
            }
        }
        return lrs;
    }

    /** The arguments after PyTorch's checks, in PyTorch's order, before anything changes. */
    private static final class Checked {
        Optimizer optimizer;
        double[] baseLrs;
        double[] maxLrs;
        double totalSize;
        double stepRatio;
        DoubleUnaryOperator scaleFn;
        boolean scaleByCycle;
        boolean useBeta1;
        double[] baseMomentums;
        double[] maxMomentums;

        Checked(Builder b) {
            if (b.optimizer == null) {
                throw new IllegalArgumentException("CyclicLR: optimizer is null; expected an Optimizer");
            }
            optimizer = b.optimizer;
            baseLrs = Cycles.perGroup("base_lr", optimizer, b.baseLr, b.perGroupLrs);
            maxLrs = Cycles.perGroup("max_lr", optimizer, b.maxLr, b.perGroupLrs);
            double up = b.stepSizeUp;
            double down = b.stepSizeDown == null ? up : b.stepSizeDown;
            totalSize = up + down;
            stepRatio = PythonMath.div(up, totalSize, "CyclicLR (step_size_up + step_size_down is 0)");
            if (b.scaleFn != null) {
                scaleFn = b.scaleFn;
                scaleByCycle = "cycle".equals(b.scaleMode); // anything else reads the batch number, as in PyTorch
            } else {
                switch (b.mode) {
                    case "triangular" -> scaleFn = x -> 1.0;
                    case "triangular2" -> scaleFn = x -> 1 / Math.pow(2.0, x - 1);
                    case "exp_range" -> scaleFn = x -> Math.pow(b.gamma, x);
                    default -> throw new IllegalArgumentException("mode is invalid and scale_fn is None");
                }
                scaleByCycle = !"exp_range".equals(b.mode);
            }
            if (b.cycleMomentum) {
                useBeta1 = Cycles.usesBeta1(optimizer);
                baseMomentums = Cycles.perGroup("base_momentum", optimizer, b.baseMomentum, false);
                maxMomentums = Cycles.perGroup("max_momentum", optimizer, b.maxMomentum, false);
            }
        }
    }

    /** CyclicLR's arguments, PyTorch's defaults until set. */
    public static final class Builder {
        private final Optimizer optimizer;
        private final double[] baseLr;
        private final double[] maxLr;
        private final boolean perGroupLrs;
        private int stepSizeUp = 2000;
        private Integer stepSizeDown;
        private String mode = "triangular";
        private double gamma = 1.0;
        private DoubleUnaryOperator scaleFn;
        private String scaleMode = "cycle";
        private boolean cycleMomentum = true;
        private double[] baseMomentum = {0.8};
        private double[] maxMomentum = {0.9};
        private int lastEpoch = -1;

        private Builder(Optimizer optimizer, double[] baseLr, double[] maxLr, boolean perGroupLrs) {
            this.optimizer = optimizer;
            this.perGroupLrs = perGroupLrs;
            this.baseLr = baseLr;
            this.maxLr = maxLr;
        }

        /**
         * Batches in the rising half of a cycle (default 2000).
         * @param stepSizeUp batches in the rising half of a cycle (default 2000)
         * @return this builder
         */
        public Builder stepSizeUp(int stepSizeUp) {
            this.stepSizeUp = stepSizeUp;
            return this;
        }

        /**
         * Batches in the falling half (default: {@code stepSizeUp}).
         * @param stepSizeDown batches in the falling half (default: {@code stepSizeUp})
         * @return this builder
         */
        public Builder stepSizeDown(int stepSizeDown) {
            this.stepSizeDown = stepSizeDown;
            return this;
        }

        /**
         * "triangular", "triangular2" (amplitude halved each cycle) or "exp_range".
         * @param mode "triangular", "triangular2" (amplitude halved each cycle) or "exp_range"
         *             ({@code gamma^batch}); ignored when a scale function is given
         * @return this builder
         */
        public Builder mode(String mode) {
            this.mode = mode;
            return this;
        }

        /**
         * The base of "exp_range" (default 1).
         * @param gamma the base of "exp_range" (default 1)
         * @return this builder
         */
        public Builder gamma(double gamma) {
            this.gamma = gamma;
            return this;
        }

        /**
         * A custom amplitude scale in [0, 1], replacing the mode.
         * @param scaleFn the scale of a cycle number or a batch number
         * @param scaleMode "cycle" (the scale reads the cycle number) or "iterations" (the batch number)
         * @return this builder
         */
        public Builder scaleFn(DoubleUnaryOperator scaleFn, String scaleMode) {
            this.scaleFn = scaleFn;
            this.scaleMode = scaleMode;
            return this;
        }

        /**
         * Whether the momentum cycles inversely to the rate (default true).
         * @param cycleMomentum whether the momentum cycles inversely to the rate (default true)
         * @return this builder
         */
        public Builder cycleMomentum(boolean cycleMomentum) {
            this.cycleMomentum = cycleMomentum;
            return this;
        }

        /**
         * The momentum at the peak rate (default 0.8).
         * @param baseMomentum the momentum at the peak rate (default 0.8)
         * @param maxMomentum the momentum at the base rate (default 0.9)
         * @return this builder
         */
        public Builder momentum(double baseMomentum, double maxMomentum) {
            this.baseMomentum = new double[] {baseMomentum};
            this.maxMomentum = new double[] {maxMomentum};
            return this;
        }

        /**
         * The last batch of a resumed run (default -1: start).
         * @param lastEpoch the last batch of a resumed run (default -1: start)
         * @return this builder
         */
        public Builder lastEpoch(int lastEpoch) {
            this.lastEpoch = lastEpoch;
            return this;
        }

        /**
         * Checks every argument, then sets each group's rate to its base rate (and momentum to its
         * maximum) when starting, and takes the first step.
         * @return the scheduler
         */
        public CyclicLR build() {
            Checked c = new Checked(this);
            if (lastEpoch != -1) {
                for (int i = 0; i < optimizer.paramGroups().size(); i++) {
                    if (!optimizer.paramGroups().get(i).has("initial_lr")) {
                        throw new IllegalArgumentException("param 'initial_lr' is not specified in param_groups["
                                + i + "] when resuming an optimizer");
                    }
                }
            } else {
                List<ParamGroup> groups = optimizer.paramGroups();
                for (int i = 0; i < groups.size(); i++) {
                    groups.get(i).lr(c.baseLrs[i]);
                    if (cycleMomentum) {
                        Cycles.setMomentum(groups.get(i), c.maxMomentums[i], c.useBeta1);
                        groups.get(i).set("max_momentum", c.maxMomentums[i]).set("base_momentum", c.baseMomentums[i]);
                    }
                }
            }
            return new CyclicLR(this, c);
        }
    }
}
