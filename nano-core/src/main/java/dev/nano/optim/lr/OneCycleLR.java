package dev.nano.optim.lr;

import dev.nano.PythonFloat;
import dev.nano.optim.Optimizer;
import dev.nano.optim.ParamGroup;

import java.util.List;

/**
 * The 1cycle policy (Smith's super-convergence; PyTorch's {@code OneCycleLR}): each group's rate rises
 * from {@code maxLr / divFactor} to {@code maxLr} over the first {@code pctStart} of
 * {@code totalSteps} batches, then falls to {@code initial_lr / finalDivFactor}, while the momentum
 * moves the other way. Step it after every batch; stepping past {@code totalSteps} fails. Not
 * chainable. Built with {@link #builder(Optimizer, double)}; PyTorch's defaults: {@code pct_start} 0.3,
 * cosine annealing, momentum between 0.85 and 0.95, {@code div_factor} 25, {@code final_div_factor} 1e4.
 */
public final class OneCycleLR extends LRScheduler {
    /** One phase: until which step, and which group values it anneals between. */
    private record Phase(double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {
    }

    private final int totalSteps;
    private final List<Phase> phases;
    private final boolean cosine;
    private final boolean cycleMomentum;
    private final boolean useBeta1;

    private OneCycleLR(Builder b, int totalSteps, boolean useBeta1) {
        super(b.optimizer, b.lastEpoch);
        this.totalSteps = totalSteps;
        this.phases = phases(b.threePhase, b.pctStart, totalSteps);
        this.cosine = "cos".equals(b.annealStrategy);
        this.cycleMomentum = b.cycleMomentum;
        this.useBeta1 = useBeta1;
        initialStep();
    }

    private static List<Phase> phases(boolean threePhase, double pctStart, int totalSteps) {
        if (threePhase) {
            return List.of(
                    new Phase(pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                    new Phase(2 * pctStart * totalSteps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"),
                    new Phase(totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"));
        }
        return List.of(
                new Phase(pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                new Phase(totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"));
    }

    /**
     * A builder: give {@code totalSteps}, or {@code epochs} and {@code stepsPerEpoch}.
     * @param optimizer the optimizer
     * @param maxLr the peak rate of every group
     * @return a builder
     */
    public static Builder builder(Optimizer optimizer, double maxLr) {
        return new Builder(optimizer, new double[] {maxLr}, false);
    }

    /**
     * A builder with one peak rate per group.
     * @param optimizer the optimizer
     * @param maxLrs the peak rate of each group
     * @return a builder
     */
    public static Builder builder(Optimizer optimizer, double[] maxLrs) {
        return new Builder(optimizer, maxLrs.clone(), true);
    }

    /** The first phase that ends at or after {@code stepNum}, else the last. */
    private static int phaseOf(List<Phase> phases, int stepNum) {
        for (int i = 0; i < phases.size() - 1; i++) {
            if (stepNum <= phases.get(i).endStep()) {
                return i;
            }
        }
        return phases.size() - 1;
    }

    /** How far through its phase {@code stepNum} is; a phase of no steps divides by zero, as in PyTorch. */
    private static double pct(List<Phase> phases, int phaseIndex, int stepNum) {
        double startStep = phaseIndex == 0 ? 0.0 : phases.get(phaseIndex - 1).endStep();
        return PythonMath.div(stepNum - startStep, phases.get(phaseIndex).endStep() - startStep,
                "OneCycleLR (a phase of no steps, from pct_start and total_steps)");
    }

    private double anneal(double start, double end, double pct) {
        if (cosine) {
            double cosOut = Math.cos(Math.PI * pct) + 1;
            return end + (start - end) / 2.0 * cosOut;
        }
        return (end - start) * pct + start;
    }

    @Override
    protected double[] computeLr() {
        int stepNum = lastEpoch;
        if (stepNum > totalSteps) {
            throw new IllegalStateException("Tried to step " + stepNum + " times. The specified number of total steps is "
                    + totalSteps);
        }
        int phaseIndex = phaseOf(phases, stepNum);
        Phase phase = phases.get(phaseIndex);
        double pct = pct(phases, phaseIndex, stepNum);
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] lrs = new double[groups.size()];
        double[] momentums = new double[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            ParamGroup group = groups.get(g);
            lrs[g] = anneal(group.getDouble(phase.startLr()), group.getDouble(phase.endLr()), pct);
            if (cycleMomentum) {
                momentums[g] = anneal(group.getDouble(phase.startMomentum()), group.getDouble(phase.endMomentum()), pct);
            }
        }
        if (cycleMomentum) { // only once every rate is computed, so that a failure changes nothing
            for (int g = 0; g < groups.size(); g++) {
                Cycles.setMomentum(groups.get(g), momentums[g], useBeta1);
            }
        }
        return lrs;
    }

    /** OneCycleLR's arguments, PyTorch's defaults until set. */
    public static final class Builder {
        private final Optimizer optimizer;
        private final double[] maxLr;
        private final boolean perGroupLrs;
        private Integer totalSteps;
        private Integer epochs;
        private Integer stepsPerEpoch;
        private double pctStart = 0.3;
        private String annealStrategy = "cos";
        private boolean cycleMomentum = true;
        private double baseMomentum = 0.85;
        private double maxMomentum = 0.95;
        private double divFactor = 25.0;
        private double finalDivFactor = 1e4;
        private boolean threePhase;
        private int lastEpoch = -1;

        private Builder(Optimizer optimizer, double[] maxLr, boolean perGroupLrs) {
            this.optimizer = optimizer;
            this.maxLr = maxLr;
            this.perGroupLrs = perGroupLrs;
        }

        /**
         * The batches of the whole cycle.
         * @param totalSteps the batches of the whole cycle
         * @return this builder
         */
        public Builder totalSteps(int totalSteps) {
            this.totalSteps = totalSteps;
            return this;
        }

        /**
         * The cycle's length as {@code epochs · stepsPerEpoch} (used when {@code totalSteps} is not given).
         * @param epochs the epochs
         * @param stepsPerEpoch the batches per epoch
         * @return this builder
         */
        public Builder epochs(int epochs, int stepsPerEpoch) {
            this.epochs = epochs;
            this.stepsPerEpoch = stepsPerEpoch;
            return this;
        }

        /**
         * The fraction of the cycle spent rising, in [0, 1] (default 0.3).
         * @param pctStart the fraction of the cycle spent rising, in [0, 1] (default 0.3)
         * @return this builder
         */
        public Builder pctStart(double pctStart) {
            this.pctStart = pctStart;
            return this;
        }

        /**
         * "cos" (default) or "linear".
         * @param annealStrategy "cos" (default) or "linear"
         * @return this builder
         */
        public Builder annealStrategy(String annealStrategy) {
            this.annealStrategy = annealStrategy;
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
         * The momentum at the peak rate (default 0.85).
         * @param baseMomentum the momentum at the peak rate (default 0.85)
         * @param maxMomentum the momentum at the ends (default 0.95)
         * @return this builder
         */
        public Builder momentum(double baseMomentum, double maxMomentum) {
            this.baseMomentum = baseMomentum;
            this.maxMomentum = maxMomentum;
            return this;
        }

        /**
         * {@code initial_lr = max_lr / divFactor} (default 25).
         * @param divFactor {@code initial_lr = max_lr / divFactor} (default 25)
         * @param finalDivFactor {@code min_lr = initial_lr / finalDivFactor} (default 1e4)
         * @return this builder
         */
        public Builder divFactors(double divFactor, double finalDivFactor) {
            this.divFactor = divFactor;
            this.finalDivFactor = finalDivFactor;
            return this;
        }

        /**
         * True: rise, fall back to the initial rate symmetrically, then anneal to the.
         * @param threePhase true: rise, fall back to the initial rate symmetrically, then anneal to the
         *                   minimum (the original paper); false (default): rise, then anneal to the minimum
         * @return this builder
         */
        public Builder threePhase(boolean threePhase) {
            this.threePhase = threePhase;
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
         * Checks every argument in PyTorch's order, then writes {@code initial_lr}, {@code max_lr},
         * {@code min_lr} (and the momentum bounds) into each group when starting, and takes the first step.
         * @return the scheduler
         */
        public OneCycleLR build() {
            if (optimizer == null) {
                throw new IllegalArgumentException("OneCycleLR: optimizer is null; expected an Optimizer");
            }
            int total;
            if (totalSteps != null) {
                if (totalSteps <= 0) {
                    throw new IllegalArgumentException("Expected positive integer total_steps, but got " + totalSteps);
                }
                total = totalSteps;
            } else if (epochs != null && stepsPerEpoch != null) {
                if (epochs <= 0) {
                    throw new IllegalArgumentException("Expected positive integer epochs, but got " + epochs);
                }
                if (stepsPerEpoch <= 0) {
                    throw new IllegalArgumentException("Expected positive integer steps_per_epoch, but got "
                            + stepsPerEpoch);
                }
                total = Math.multiplyExact(epochs, stepsPerEpoch);
            } else {
                throw new IllegalArgumentException("You must define either total_steps OR (epochs AND steps_per_epoch)");
            }
            if (pctStart < 0 || pctStart > 1 || Double.isNaN(pctStart)) {
                throw new IllegalArgumentException("Expected float between 0 and 1 pct_start, but got "
                        + PythonFloat.repr(pctStart));
            }
            if (!"cos".equals(annealStrategy) && !"linear".equals(annealStrategy)) {
                throw new IllegalArgumentException("anneal_strategy must be one of 'cos' or 'linear', instead got "
                        + annealStrategy);
            }
            double[] maxLrs = Cycles.perGroup("max_lr", optimizer, maxLr, perGroupLrs);
            List<Phase> phases = phases(threePhase, pctStart, total);
            if (lastEpoch + 1 <= total) { // the constructor's step must not fail after the groups are written
                pct(phases, phaseOf(phases, lastEpoch + 1), lastEpoch + 1);
            }
            boolean useBeta1 = cycleMomentum && Cycles.usesBeta1(optimizer);
            List<ParamGroup> groups = optimizer.paramGroups();
            double[] initialLrs = new double[groups.size()];
            double[] minLrs = new double[groups.size()];
            for (int i = 0; i < groups.size(); i++) {
                initialLrs[i] = PythonMath.div(maxLrs[i], divFactor, "OneCycleLR (div_factor is 0)");
                minLrs[i] = PythonMath.div(initialLrs[i], finalDivFactor, "OneCycleLR (final_div_factor is 0)");
            }
            if (lastEpoch != -1) {
                for (int i = 0; i < groups.size(); i++) {
                    if (!groups.get(i).has("initial_lr")) {
                        throw new IllegalArgumentException("param 'initial_lr' is not specified in param_groups["
                                + i + "] when resuming an optimizer");
                    }
                }
            } else {
                for (int i = 0; i < groups.size(); i++) {
                    ParamGroup group = groups.get(i);
                    group.set("initial_lr", initialLrs[i]);
                    group.set("max_lr", maxLrs[i]);
                    group.set("min_lr", minLrs[i]);
                    if (cycleMomentum) {
                        Cycles.setMomentum(group, maxMomentum, useBeta1);
                        group.set("max_momentum", maxMomentum).set("base_momentum", baseMomentum);
                    }
                }
            }
            return new OneCycleLR(this, total, useBeta1);
        }
    }
}
