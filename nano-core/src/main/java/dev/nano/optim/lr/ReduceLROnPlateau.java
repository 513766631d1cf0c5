package dev.nano.optim.lr;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.optim.Optimizer;
import dev.nano.optim.ParamGroup;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Divides each group's learning rate by {@code 1/factor} when a metric has stopped improving for
 * {@code patience} epochs (PyTorch's {@code ReduceLROnPlateau}). Step it with the metric:
 * {@code sched.step(validationLoss)}; the no-argument {@link #step()} fails, as PyTorch's does.
 * Built with {@link #builder(Optimizer)}; PyTorch's defaults: mode "min", factor 0.1, patience 10,
 * threshold 1e-4 "rel", cooldown 0, min_lr 0, eps 1e-8.
 */
public final class ReduceLROnPlateau extends LRScheduler {
    private final boolean minimize;
    private final boolean relative;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final int cooldown;
    private final Double defaultMinLr;
    private double[] minLrs;
    private final double eps;
    private double best;
    private int numBadEpochs;
    private int cooldownCounter;

    private ReduceLROnPlateau(Builder b) {
        super(b.optimizer);
        this.factor = b.factor;
        this.minimize = "min".equals(b.mode);
        this.relative = "rel".equals(b.thresholdMode);
        this.patience = b.patience;
        this.threshold = b.threshold;
        this.cooldown = b.cooldown;
        this.eps = b.eps;
        int groups = optimizer.paramGroups().size();
        if (b.minLrs != null) {
            this.defaultMinLr = null;
            this.minLrs = b.minLrs.clone();
        } else {
            this.defaultMinLr = b.minLr;
            this.minLrs = new double[groups];
            Arrays.fill(minLrs, b.minLr);
        }
        this.lastEpoch = 0;
        this.best = modeWorse();
    }

    /**
     * A builder with PyTorch's defaults.
     * @param optimizer the optimizer
     * @return a builder
     */
    public static Builder builder(Optimizer optimizer) {
        return new Builder(optimizer);
    }

    private double modeWorse() {
        return minimize ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /**
     * Always fails: this scheduler needs the metric.
     * @throws UnsupportedOperationException always
     */
    @Override
    public void step() {
        throw new UnsupportedOperationException("ReduceLROnPlateau.step() missing 1 required positional argument: "
                + "'metrics'");
    }

    /**
     * Never called: {@link #step(double)} sets the rates.
     * @return nothing; always throws
     */
    @Override
    protected double[] computeLr() {
        throw new UnsupportedOperationException("ReduceLROnPlateau has no schedule of its own; step(metrics) sets it");
    }

    /**
     * One epoch's metric: counts a bad epoch unless it improves on the best by the threshold, and
     * reduces every group's rate once more than {@code patience} bad epochs have passed.
     * @param metrics the monitored value, e.g. the validation loss
     */
    public void step(double metrics) {
        // The counters are worked out in locals and kept only if the reduction (which can fail) succeeds.
        double newBest = best;
        int bad = numBadEpochs + 1;
        if (isBetter(metrics, best)) {
            newBest = metrics;
            bad = 0;
        }
        int counter = cooldownCounter;
        if (counter > 0) {
            counter--;
            bad = 0; // bad epochs in cooldown do not count
        }
        if (bad > patience) {
            reduceLr();
            counter = cooldown;
            bad = 0;
        }
        lastEpoch = lastEpoch + 1;
        best = newBest;
        numBadEpochs = bad;
        cooldownCounter = counter;
        rememberGroupLrs();
    }

    private void reduceLr() {
        List<ParamGroup> groups = optimizer.paramGroups();
        if (groups.size() != minLrs.length && defaultMinLr == null) {
            throw new IllegalStateException("The number of param groups in the `optimizer` (" + groups.size()
                    + ") differs from when `ReduceLROnPlateau` was initialized (" + minLrs.length + "), usually due "
                    + "to a new param group being added to the optimizer. Please modify the `min_lrs` field to match "
                    + "the length of the `optimizer` param groups.");
        }
        if (groups.size() != minLrs.length) { // a group was added: the single default min_lr covers it
            minLrs = new double[groups.size()];
            Arrays.fill(minLrs, defaultMinLr);
        }
        for (int i = 0; i < groups.size(); i++) {
            double oldLr = groups.get(i).lr();
            double newLr = PythonMath.max(oldLr * factor, minLrs[i]);
            if (oldLr - newLr > eps) {
                groups.get(i).lr(newLr);
            }
        }
    }

    private boolean isBetter(double a, double best) {
        if (minimize) {
            return relative ? a < best * (1.0 - threshold) : a < best - threshold;
        }
        return relative ? a > best * (threshold + 1.0) : a > best + threshold;
    }

    /**
     * The best metric so far (PyTorch's {@code best}).
     * @return +inf (min mode) or -inf (max mode) before the first step
     */
    public double best() {
        return best;
    }

    /**
     * Bad epochs since the last improvement or reduction (PyTorch's {@code num_bad_epochs}).
     * @return the count
     */
    public int numBadEpochs() {
        return numBadEpochs;
    }

    @Override
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new java.util.LinkedHashMap<>();
        out.put("last_epoch", Nano.scalar(lastEpoch));
        out.put("best", Nano.scalar(best));
        out.put("num_bad_epochs", Nano.scalar(numBadEpochs));
        out.put("cooldown_counter", Nano.scalar(cooldownCounter));
        out.put("min_lrs", Nano.tensor(minLrs.clone()));
        out.put("_last_lr", Nano.tensor(getLastLr()));
        return out;
    }

    @Override
    public void loadStateDict(Map<String, Tensor> state) {
        dev.nano.Checks.notNull("ReduceLROnPlateau.loadStateDict", "state", state);
        double epoch = StateDicts.number(state, "last_epoch");
        double b = StateDicts.number(state, "best");
        double bad = StateDicts.number(state, "num_bad_epochs");
        double counter = StateDicts.number(state, "cooldown_counter");
        double[] mins = StateDicts.vector(state, "min_lrs", state.containsKey("min_lrs") ? state.get("min_lrs").numel()
                : 0);
        StateDicts.vector(state, "_last_lr", optimizer.paramGroups().size());
        lastEpoch = (int) epoch;
        best = b;
        numBadEpochs = (int) bad;
        cooldownCounter = (int) counter;
        minLrs = mins;
        rememberGroupLrs();
    }

    /** ReduceLROnPlateau's arguments, PyTorch's defaults until set. */
    public static final class Builder {
        private final Optimizer optimizer;
        private String mode = "min";
        private double factor = 0.1;
        private int patience = 10;
        private double threshold = 1e-4;
        private String thresholdMode = "rel";
        private int cooldown;
        private double minLr;
        private double[] minLrs;
        private double eps = 1e-8;

        private Builder(Optimizer optimizer) {
            this.optimizer = optimizer;
        }

        /**
         * "min" (default: the metric should fall) or "max".
         * @param mode "min" (default: the metric should fall) or "max"
         * @return this builder
         */
        public Builder mode(String mode) {
            this.mode = mode;
            return this;
        }

        /**
         * The new rate is {@code lr · factor}, below 1 (default 0.1).
         * @param factor the new rate is {@code lr · factor}, below 1 (default 0.1)
         * @return this builder
         */
        public Builder factor(double factor) {
            this.factor = factor;
            return this;
        }

        /**
         * Bad epochs tolerated before a reduction (default 10).
         * @param patience bad epochs tolerated before a reduction (default 10)
         * @return this builder
         */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        /**
         * How much better counts as better (default 1e-4).
         * @param threshold how much better counts as better (default 1e-4)
         * @param thresholdMode "rel" (default: relative to the best) or "abs"
         * @return this builder
         */
        public Builder threshold(double threshold, String thresholdMode) {
            this.threshold = threshold;
            this.thresholdMode = thresholdMode;
            return this;
        }

        /**
         * Epochs after a reduction during which bad epochs do not count (default 0).
         * @param cooldown epochs after a reduction during which bad epochs do not count (default 0)
         * @return this builder
         */
        public Builder cooldown(int cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        /**
         * The lowest rate of every group (default 0).
         * @param minLr the lowest rate of every group (default 0)
         * @return this builder
         */
        public Builder minLr(double minLr) {
            this.minLr = minLr;
            this.minLrs = null;
            return this;
        }

        /**
         * The lowest rate of each group.
         * @param minLrs the lowest rate of each group
         * @return this builder
         */
        public Builder minLr(double[] minLrs) {
            this.minLrs = minLrs.clone();
            return this;
        }

        /**
         * A reduction smaller than this is skipped (default 1e-8).
         * @param eps a reduction smaller than this is skipped (default 1e-8)
         * @return this builder
         */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /**
         * Checks the arguments in PyTorch's order.
         * @return the scheduler
         */
        public ReduceLROnPlateau build() {
            if (factor >= 1.0) {
                throw new IllegalArgumentException("Factor should be < 1.0.");
            }
            if (optimizer == null) {
                throw new IllegalArgumentException("ReduceLROnPlateau: optimizer is null; expected an Optimizer");
            }
            int groups = optimizer.paramGroups().size();
            if (minLrs != null && minLrs.length != groups) {
                throw new IllegalArgumentException("expected " + groups + " min_lrs, got " + minLrs.length);
            }
            if (!"min".equals(mode) && !"max".equals(mode)) {
                throw new IllegalArgumentException("mode " + mode + " is unknown!");
            }
            if (!"rel".equals(thresholdMode) && !"abs".equals(thresholdMode)) {
                throw new IllegalArgumentException("threshold mode " + thresholdMode + " is unknown!");
            }
            return new ReduceLROnPlateau(this);
        }
    }
}
