package dev.nano.oracle.lr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;

/**
 * A line-by-line transcription of torch/optim/lr_scheduler.py into Java doubles, the oracle of the
 * schedulers family: PyTorch's schedulers are Python only (libtorch has none), so this is what
 * {@code torch.optim.lr_scheduler} computes, written from the Python and not from nano. Classes keep
 * the Python file's order and names; each method says which Python method it is.
 *
 * <p>Source read: pytorch/pytorch {@code torch/optim/lr_scheduler.py} at commit 008f727e (the newest
 * copy reachable here; it is later than v2.7.1: it has {@code ParamwiseScheduler}, not transcribed, and
 * tests {@code _is_initial} where older versions test {@code last_epoch == 0}, which is the same
 * condition unless a run is resumed with {@code last_epoch != -1}).
 *
 * <p>Python's float arithmetic is IEEE double arithmetic, so every {@code + - * /} here gives Python's
 * bits. {@code math.cos}, {@code math.log} and {@code **} are C's libm in CPython and Java's
 * {@code Math} here; both are within an ulp of the exact value and agree on the values these
 * schedules meet in practice, but that part is not proven bit for bit.
 */
abstract class TorchLrScheduler {
    static final String EPOCH_DEPRECATION_WARNING = "The epoch parameter in `scheduler.step()` was not necessary "
            + "and is being deprecated where possible. Please use `scheduler.step()` to step the scheduler. During "
            + "the deprecation, if epoch is different from None, the closed form is used instead of the new "
            + "chainable form, where available. Please open an issue if you are unable to replicate your use case: "
            + "https://github.com/pytorch/pytorch/issues/new/choose.";
    static final String STEP_ORDER_WARNING = "Detected call of `lr_scheduler.step()` before `optimizer.step()`. "
            + "In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` before "
            + "`lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first value of the "
            + "learning rate schedule. See more details at "
            + "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate";

    PyOptimizer optimizer;
    double[] baseLrs;
    int lastEpoch;
    int stepCount;
    boolean isInitial;
    double[] lastLr;

    /** For the classes whose {@code __init__} does not call {@code LRScheduler.__init__}. */
    TorchLrScheduler() {
    }

    /** {@code _format_param(name, optimizer, param)}; {@code param} null means a scalar {@code scalar}. */
    static double[] formatParam(String name, PyOptimizer optimizer, double[] list, double scalar) {
        if (list != null) {
            if (list.length != optimizer.paramGroups.size()) {
                throw Py.valueError(name + " must have the same length as optimizer.param_groups. " + name + " has "
                        + list.length + " values, param_groups has " + optimizer.paramGroups.size() + ".");
            }
            return list.clone();
        }
        double[] out = new double[optimizer.paramGroups.size()];
        Arrays.fill(out, scalar);
        return out;
    }

    /** {@code LRScheduler.__init__(optimizer, last_epoch)}: called last by each subclass's constructor. */
    final void init(PyOptimizer optimizer, int lastEpoch) {
        this.optimizer = optimizer;
        if (lastEpoch == -1) {
            for (Map<String, Object> group : optimizer.paramGroups) {
                group.putIfAbsent("initial_lr", group.get("lr"));
            }
        } else {
            for (int i = 0; i < optimizer.paramGroups.size(); i++) {
                if (!optimizer.paramGroups.get(i).containsKey("initial_lr")) {
                    throw new Py.Error("KeyError", "\"param 'initial_lr' is not specified in param_groups[" + i
                            + "] when resuming an optimizer\"");
                }
            }
        }
        baseLrs = new double[optimizer.paramGroups.size()];
        for (int i = 0; i < baseLrs.length; i++) {
            baseLrs[i] = optimizer.number(i, "initial_lr");
        }
        this.lastEpoch = lastEpoch;
        initialStep();
    }

    /** {@code _initial_step}. */
    void initialStep() {
        stepCount = 0;
        isInitial = true; // with _initial_mode(self)
        try {
            step();
        } finally {
            isInitial = false;
        }
    }

    double[] getLastLr() {
        return lastLr;
    }

    /** {@code get_lr}: the chainable form. */
    abstract double[] getLr();

    /** {@code _get_closed_form_lr}, or null where the class has none ({@code hasattr} is false). */
    double[] closedFormLr() {
        return null;
    }

    /** {@code step(epoch=None)}. */
    void step() {
        if (stepCount == 1 && !optimizer.optCalled) {
            optimizer.warn(STEP_ORDER_WARNING);
        }
        stepCount += 1;
        updateLr(null);
    }

    /** {@code _update_lr(epoch)}. */
    void updateLr(Integer epoch) {
        double[] values;
        if (epoch == null) {
            lastEpoch += 1;
            values = getLr();
        } else {
            lastEpoch = epoch;
            double[] closed = closedFormLr();
            values = closed != null ? closed : getLr();
        }
        for (int i = 0; i < Math.min(values.length, optimizer.paramGroups.size()); i++) {
            optimizer.paramGroups.get(i).put("lr", values[i]);
        }
        lastLr = groupLrs();
    }

    double[] groupLrs() {
        double[] out = new double[optimizer.paramGroups.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = optimizer.number(i, "lr");
        }
        return out;
    }

    String className() {
        return getClass().getSimpleName();
    }

    // ------------------------------------------------------------------------------------------ LambdaLR

    static final class LambdaLR extends TorchLrScheduler {
        final List<IntToDoubleFunction> lrLambdas;

        LambdaLR(PyOptimizer optimizer, List<IntToDoubleFunction> lrLambda, boolean isList, int lastEpoch) {
            this.optimizer = optimizer;
            if (!isList) {
                lrLambdas = java.util.Collections.nCopies(optimizer.paramGroups.size(), lrLambda.get(0));
            } else {
                if (lrLambda.size() != optimizer.paramGroups.size()) {
                    throw Py.valueError("Expected " + optimizer.paramGroups.size() + " lr_lambdas, but got "
                            + lrLambda.size());
                }
                lrLambdas = List.copyOf(lrLambda);
            }
            init(optimizer, lastEpoch);
        }

        @Override
        double[] getLr() {
            double[] out = new double[baseLrs.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = baseLrs[i] * lrLambdas.get(i).applyAsDouble(lastEpoch);
            }
            return out;
        }
    }

    // ---------------------------------------------------------------------------------- MultiplicativeLR

    static final class MultiplicativeLR extends TorchLrScheduler {
        final List<IntToDoubleFunction> lrLambdas;

        MultiplicativeLR(PyOptimizer optimizer, List<IntToDoubleFunction> lrLambda, boolean isList, int lastEpoch) {
            this.optimizer = optimizer;
            if (!isList) {
                lrLambdas = java.util.Collections.nCopies(optimizer.paramGroups.size(), lrLambda.get(0));
            } else {
                if (lrLambda.size() != optimizer.paramGroups.size()) {
                    throw Py.valueError("Expected " + optimizer.paramGroups.size() + " lr_lambdas, but got "
                            + lrLambda.size());
                }
                lrLambdas = List.copyOf(lrLambda);
            }
            init(optimizer, lastEpoch);
        }

        @Override
        double[] getLr() {
            double[] out = groupLrs();
            if (!isInitial) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = out[i] * lrLambdas.get(i).applyAsDouble(lastEpoch);
                }
            }
            return out;
        }
    }

    // -------------------------------------------------------------------------------------------- StepLR

    static final class StepLR extends TorchLrScheduler {
        final int stepSize;
        final double gamma;

        StepLR(PyOptimizer optimizer, int stepSize, double gamma, int lastEpoch) {
            this.stepSize = stepSize;
            this.gamma = gamma;
            init(optimizer, lastEpoch);
        }

        @Override
        double[] getLr() {
            double[] out = groupLrs();
            if (lastEpoch == 0 || Py.mod(lastEpoch, stepSize) != 0) {
                return out;
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = out[i] * gamma;
            }
            return out;
        }

        @Override
        double[] closedFormLr() {
            double[] out = new double[baseLrs.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = baseLrs[i] * Py.pow(gamma, Py.floordiv(lastEpoch, stepSize));
            }
            return out;
        }
    }

    // --------------------------------------------------------------------------------------- MultiStepLR

    static final class MultiStepLR extends TorchLrScheduler {
        final Map<Integer, Integer> milestones = new java.util.HashMap<>(); // Counter(milestones)
        final double gamma;

        MultiStepLR(PyOptimizer optimizer, int[] milestones, double gamma, int lastEpoch) {
            for (int m : milestones) {
                this.milestones.merge(m, 1, Integer::sum);
            }
            this.gamma = gamma;
            init(optimizer, lastEpoch);
        }

        @Override
        double[] getLr() {
            double[] out = groupLrs();
            if (!milestones.containsKey(lastEpoch)) {
                return out;
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = out[i] * Py.pow(gamma, milestones.get(lastEpoch));
            }
            return out;
        }

        @Override
        double[] closedFormLr() {
            List<Integer> sorted = new ArrayList<>(); // sorted(self.milestones.elements())
            milestones.forEach((m, n) -> {
                for (int k = 0; k < n; k++) {
                    sorted.add(m);
                }
            });
            sorted.sort(null);
            int passed = bisectRight(sorted.stream().mapToInt(Integer::intValue).toArray(), lastEpoch);
            double[] out = new double[baseLrs.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = baseLrs[i] * Py.pow(gamma, passed);
            }
            return out;
        }
    }

    /** {@code bisect.bisect_right}. */
    static int bisectRight(int[] a, int x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (x < a[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    // ---------------------------------------------------------------------------------------- ConstantLR

    static final class ConstantLR extends TorchLrScheduler {
        final double factor;
        final int totalIters;

        ConstantLR(PyOptimizer optimizer, double factor, int totalIters, int lastEpoch) {
            if (factor > 1.0 || factor < 0) {
                throw Py.valueError("Constant multiplicative factor expected to be between 0 and 1.");
            }
            this.factor = factor;
            this.totalIters = totalIters;
            init(optimizer, lastEpoch);
        }

        @Override
        double[] getLr() {
            double[] out = groupLrs();
            if (lastEpoch == 0) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = out[i] * factor;
                }
                return out;
            }
            if (lastEpoch != totalIters) {
                return out;
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = out[i] * Py.div(1.0, factor);
            }
            return out;
        }

        @Override
        double[] closedFormLr() {
            double[] out = new double[baseLrs.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = baseLrs[i] * (factor + (lastEpoch >= totalIters ? 1 : 0) * (1 - factor));
            }
            return out;
        }
    }

    // ------------------------------------------------------------------------------------------ LinearLR

    static final class LinearLR extends TorchLrScheduler {
        final double startFactor;
        final double endFactor;
        final int totalIters;

        LinearLR(PyOptimizer optimizer, double startFactor, double endFactor, int totalIters, int lastEpoch) {
            if (startFactor > 1.0 || startFactor <= 0) {
                throw Py.valueError("Starting multiplicative factor expected to be greater than 0 and less or equal "
                        + "to 1.");
            }
            if (endFactor > 1.0 || endFactor < 0) {
                throw Py.valueError("Ending multiplicative factor expected to be between 0 and 1.");
            }
            this.startFactor = startFactor;
            this.endFactor = endFactor;
            this.totalIters = totalIters;
            init(optimizer, lastEpoch);
        }

        @Override
        double[] getLr() {
            double[] out = groupLrs();
            if (lastEpoch == 0) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = out[i] * startFactor;
                }
                return out;
            }
            if (isInitial || lastEpoch > totalIters) {
                return out;
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = out[i] * (1.0 + Py.div(endFactor - startFactor,
                        totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor)));
            }
            return out;
        }

        @Override
        double[] closedFormLr() {
            double[] out = new double[baseLrs.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = baseLrs[i] * (startFactor
                        + Py.div((endFactor - startFactor) * Math.min(totalIters, lastEpoch), totalIters));
            }
            return out;
        }
    }

    // ------------------------------------------------------------------------------------- ExponentialLR

    static final class ExponentialLR extends TorchLrScheduler {
        final double gamma;

        ExponentialLR(PyOptimizer optimizer, double gamma, int lastEpoch) {
            this.gamma = gamma;
            init(optimizer, lastEpoch);
        }

        @Override
        double[] getLr() {
            double[] out = groupLrs();
            if (isInitial) {
                return out;
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = out[i] * gamma;
            }
            return out;
        }

        @Override
        double[] closedFormLr() {
            double[] out = new double[baseLrs.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = baseLrs[i] * Py.pow(gamma, lastEpoch);
            }
            return out;
        }
    }

    // -------------------------------------------------------------------------------------- SequentialLR

    static final class SequentialLR extends TorchLrScheduler {
        final List<TorchLrScheduler> schedulers;
        final int[] milestones;

        SequentialLR(PyOptimizer optimizer, List<TorchLrScheduler> schedulers, int[] milestones, int lastEpoch) {
            if (schedulers.size() < 1) {
                throw Py.valueError("SequentialLR expects at least one scheduler, but got no scheduler.");
            }
            for (int idx = 0; idx < schedulers.size(); idx++) {
                TorchLrScheduler s = schedulers.get(idx);
                if (s instanceof ReduceLROnPlateau) {
                    throw Py.valueError("SequentialLR does not support `ReduceLROnPlateau` scheduler as it requires "
                            + "additional kwargs to be specified when calling `step`, but got one at index " + idx
                            + " in the given schedulers sequence.");
                }
                if (optimizer != s.optimizer) {
                    throw Py.valueError("SequentialLR expects all schedulers to belong to the same optimizer, but got "
                            + "scheduler " + s.className() + " at index " + idx + " has " + s.optimizer
                            + ", which is different from " + optimizer.className() + ".");
                }
            }
            if (milestones.length != schedulers.size() - 1) {
                throw Py.valueError("Sequential Schedulers expects number of schedulers provided to be one more than "
                        + "the number of milestone points, but got number of schedulers " + schedulers.size()
                        + " and the number of milestones to be equal to " + milestones.length);
            }
            this.schedulers = schedulers;
            this.milestones = milestones;
            this.lastEpoch = lastEpoch + 1;
            this.optimizer = optimizer;
            for (int i = 0; i < optimizer.paramGroups.size(); i++) {
                optimizer.paramGroups.get(i).put("lr", optimizer.number(i, "initial_lr"));
            }
            recursiveUndo(this);
            schedulers.get(0).initialStep();
            lastLr = schedulers.get(0).getLastLr();
        }

        static void recursiveUndo(TorchLrScheduler sched) {
            if (sched instanceof SequentialLR s) {
                s.schedulers.forEach(SequentialLR::recursiveUndo);
            } else if (sched instanceof ChainedScheduler c) {
                c.schedulers.forEach(SequentialLR::recursiveUndo);
            } else {
                sched.lastEpoch -= 1;
            }
        }

        @Override
        void step() {
            lastEpoch += 1;
            int idx = bisectRight(milestones, lastEpoch);
            TorchLrScheduler scheduler = schedulers.get(idx);
            if (idx > 0 && milestones[idx - 1] == lastEpoch) {
                scheduler.updateLr(0);
            } else {
                scheduler.step();
            }
            lastLr = scheduler.getLastLr();
        }

        @Override
        double[] getLr() {
            throw new UnsupportedOperationException("SequentialLR.get_lr is LRScheduler's: NotImplementedError");
        }
    }

    // -------------------------------------------------------------------------------------- PolynomialLR

    static final class PolynomialLR extends TorchLrScheduler {
        final int totalIters;
        final double power;

        PolynomialLR(PyOptimizer optimizer, int totalIters, double power, int lastEpoch) {
            this.totalIters = totalIters;
            this.power = power;
            init(optimizer, lastEpoch);
        }

        @Override
        double[] getLr() {
            double[] out = groupLrs();
            if (isInitial || lastEpoch > totalIters) {
                return out;
            }
            double decayFactor = Py.pow(Py.div(1.0 - Py.truediv(lastEpoch, totalIters),
                    1.0 - Py.truediv(lastEpoch - 1, totalIters)), power);
            for (int i = 0; i < out.length; i++) {
                out[i] = out[i] * decayFactor;
            }
            return out;
        }

        @Override
        double[] closedFormLr() {
            double[] out = new double[baseLrs.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = baseLrs[i] * Py.pow(1.0 - Py.truediv(Math.min(totalIters, lastEpoch), totalIters), power);
            }
            return out;
        }
    }

    // --------------------------------------------------------------------------------- CosineAnnealingLR

    static final class CosineAnnealingLR extends TorchLrScheduler {
        final int tMax;
        final double etaMin;

        CosineAnnealingLR(PyOptimizer optimizer, int tMax, double etaMin, int lastEpoch) {
            this.tMax = tMax;
            this.etaMin = etaMin;
            init(optimizer, lastEpoch);
        }

        @Override
        double[] getLr() {
            double[] out = groupLrs();
            if (isInitial) {
                return out;
            } else if (stepCount == 1 && lastEpoch > 0) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = etaMin + (baseLrs[i] - etaMin) * (1 + Math.cos(Py.div(lastEpoch * Math.PI, tMax))) / 2;
                }
                return out;
            } else if (Py.mod(lastEpoch - 1 - tMax, 2L * tMax) == 0) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = out[i] + (baseLrs[i] - etaMin) * (1 - Math.cos(Py.div(Math.PI, tMax))) / 2;
                }
                return out;
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = Py.div(1 + Math.cos(Py.div(Math.PI * lastEpoch, tMax)),
                        1 + Math.cos(Py.div(Math.PI * (lastEpoch - 1), tMax))) * (out[i] - etaMin) + etaMin;
            }
            return out;
        }

        @Override
        double[] closedFormLr() {
            double[] out = new double[baseLrs.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = etaMin + (baseLrs[i] - etaMin) * (1 + Math.cos(Py.div(Math.PI * lastEpoch, tMax))) / 2;
            }
            return out;
        }
    }

    // ---------------------------------------------------------------------------------- ChainedScheduler

    static final class ChainedScheduler extends TorchLrScheduler {
        final List<TorchLrScheduler> schedulers;

        ChainedScheduler(List<TorchLrScheduler> schedulers, PyOptimizer optimizer) {
            if (schedulers.size() < 1) {
                throw Py.valueError("ChainedScheduler expects at least one scheduler to be chained, but got no "
                        + "scheduler.");
            }
            optimizer = optimizer != null ? optimizer : schedulers.get(0).optimizer;
            for (int idx = 0; idx < schedulers.size(); idx++) {
                TorchLrScheduler s = schedulers.get(idx);
                if (s instanceof ReduceLROnPlateau) {
                    throw Py.valueError("ChainedScheduler does not support `ReduceLROnPlateau` scheduler as it "
                            + "requires additional kwargs to be specified when calling `step`, but got one at index "
                            + idx + " in the given schedulers sequence.");
                }
                if (optimizer != s.optimizer) {
                    throw Py.valueError("ChainedScheduler expects all schedulers to belong to the same optimizer, but "
                            + "got scheduler " + s.className() + " at index " + idx + " has " + s.optimizer
                            + ", which is different from " + optimizer.className() + ".");
                }
            }
            this.schedulers = schedulers;
            this.optimizer = optimizer;
            lastLr = schedulers.get(schedulers.size() - 1).groupLrs();
        }

        @Override
        void step() {
            for (TorchLrScheduler s : schedulers) {
                s.step();
            }
            lastLr = schedulers.get(schedulers.size() - 1).groupLrs();
        }

        @Override
        double[] getLr() {
            throw new UnsupportedOperationException("ChainedScheduler.get_lr is LRScheduler's: NotImplementedError");
        }
    }

    // --------------------------------------------------------------------------------- ReduceLROnPlateau

    static final class ReduceLROnPlateau extends TorchLrScheduler {
        final double factor;
        final Double defaultMinLr;
        double[] minLrs;
        final int patience;
        final int cooldown;
        final double eps;
        String mode;
        double threshold;
        String thresholdMode;
        double modeWorse;
        double best;
        int cooldownCounter;
        int numBadEpochs;

        ReduceLROnPlateau(PyOptimizer optimizer, String mode, double factor, int patience, double threshold,
                          String thresholdMode, int cooldown, double[] minLrList, double minLr, double eps) {
            if (factor >= 1.0) {
                throw Py.valueError("Factor should be < 1.0.");
            }
            this.factor = factor;
            this.optimizer = optimizer;
            if (minLrList != null) {
                if (minLrList.length != optimizer.paramGroups.size()) {
                    throw Py.valueError("expected " + optimizer.paramGroups.size() + " min_lrs, got "
                            + minLrList.length);
                }
                defaultMinLr = null;
                minLrs = minLrList.clone();
            } else {
                defaultMinLr = minLr;
                minLrs = new double[optimizer.paramGroups.size()];
                Arrays.fill(minLrs, minLr);
            }
            this.patience = patience;
            this.cooldown = cooldown;
            this.eps = eps;
            this.lastEpoch = 0;
            this.lastLr = groupLrs();
            initIsBetter(mode, threshold, thresholdMode);
            reset();
        }

        void reset() {
            best = modeWorse;
            cooldownCounter = 0;
            numBadEpochs = 0;
        }

        @Override
        void step() {
            throw new Py.Error("TypeError", "ReduceLROnPlateau.step() missing 1 required positional argument: "
                    + "'metrics'");
        }

        void step(double metrics) {
            double current = metrics;
            int epoch = lastEpoch + 1;
            lastEpoch = epoch;
            if (isBetter(current, best)) {
                best = current;
                numBadEpochs = 0;
            } else {
                numBadEpochs += 1;
            }
            if (cooldownCounter > 0) { // in_cooldown
                cooldownCounter -= 1;
                numBadEpochs = 0;
            }
            if (numBadEpochs > patience) {
                reduceLr();
                cooldownCounter = cooldown;
                numBadEpochs = 0;
            }
            lastLr = groupLrs();
        }

        void reduceLr() {
            if (optimizer.paramGroups.size() != minLrs.length) {
                if (defaultMinLr == null) {
                    throw new Py.Error("RuntimeError", "The number of param groups in the `optimizer` ("
                            + optimizer.paramGroups.size() + ") differs from when `ReduceLROnPlateau` was initialized ("
                            + minLrs.length + "), usually due to a new param group being added to the optimizer. "
                            + "Please modify the `min_lrs` field to match the length of the `optimizer` param groups.");
                }
                minLrs = new double[optimizer.paramGroups.size()];
                Arrays.fill(minLrs, defaultMinLr);
            }
            for (int i = 0; i < optimizer.paramGroups.size(); i++) {
                double oldLr = optimizer.number(i, "lr");
                double newLr = Py.max(oldLr * factor, minLrs[i]);
                if (oldLr - newLr > eps) {
                    optimizer.paramGroups.get(i).put("lr", newLr);
                }
            }
        }

        boolean isBetter(double a, double best) {
            if (mode.equals("min") && thresholdMode.equals("rel")) {
                double relEpsilon = 1.0 - threshold;
                return a < best * relEpsilon;
            } else if (mode.equals("min") && thresholdMode.equals("abs")) {
                return a < best - threshold;
            } else if (mode.equals("max") && thresholdMode.equals("rel")) {
                double relEpsilon = threshold + 1.0;
                return a > best * relEpsilon;
            }
            return a > best + threshold;
        }

        void initIsBetter(String mode, double threshold, String thresholdMode) {
            if (!mode.equals("min") && !mode.equals("max")) {
                throw Py.valueError("mode " + mode + " is unknown!");
            }
            if (!thresholdMode.equals("rel") && !thresholdMode.equals("abs")) {
                throw Py.valueError("threshold mode " + thresholdMode + " is unknown!");
            }
            modeWorse = mode.equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            this.mode = mode;
            this.threshold = threshold;
            this.thresholdMode = thresholdMode;
        }

        @Override
        double[] getLr() {
            throw new UnsupportedOperationException("ReduceLROnPlateau.get_lr is LRScheduler's: NotImplementedError");
        }
    }

    // ------------------------------------------------------------------------------------------ CyclicLR

    static final class CyclicLR extends TorchLrScheduler {
        final double[] maxLrs;
        final double totalSize;
        final double stepRatio;
        final String mode;
        final double gamma;
        final DoubleUnaryOperator scaleFnCustom;
        String scaleMode;
        DoubleUnaryOperator scaleFnRef;
        final boolean cycleMomentum;
        boolean useBeta1;
        double[] baseMomentums;
        double[] maxMomentums;

        /** The keyword arguments; null lists mean the scalar. */
        record Args(double[] baseLrList, double baseLr, double[] maxLrList, double maxLr, int stepSizeUp,
                    Integer stepSizeDown, String mode, double gamma, DoubleUnaryOperator scaleFn, String scaleMode,
                    boolean cycleMomentum, double baseMomentum, double maxMomentum, int lastEpoch) {
        }

        CyclicLR(PyOptimizer optimizer, Args a) {
            this.optimizer = optimizer;
            double[] baseLrs = formatParam("base_lr", optimizer, a.baseLrList(), a.baseLr());
            if (a.lastEpoch() == -1) {
                for (int i = 0; i < baseLrs.length; i++) {
                    optimizer.paramGroups.get(i).put("lr", baseLrs[i]);
                }
            }
            maxLrs = formatParam("max_lr", optimizer, a.maxLrList(), a.maxLr());
            double up = a.stepSizeUp();
            double down = a.stepSizeDown() != null ? a.stepSizeDown() : up;
            totalSize = up + down;
            stepRatio = Py.div(up, totalSize);
            if (!List.of("triangular", "triangular2", "exp_range").contains(a.mode()) && a.scaleFn() == null) {
                throw Py.valueError("mode is invalid and scale_fn is None");
            }
            mode = a.mode();
            gamma = a.gamma();
            scaleFnCustom = a.scaleFn();
            scaleMode = a.scaleMode();
            initScaleFn();
            cycleMomentum = a.cycleMomentum();
            if (cycleMomentum) {
                if (!optimizer.defaults.containsKey("momentum") && !optimizer.defaults.containsKey("betas")) {
                    throw Py.valueError("optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
                }
                useBeta1 = optimizer.defaults.containsKey("betas");
                baseMomentums = formatParam("base_momentum", optimizer, null, a.baseMomentum());
                maxMomentums = formatParam("max_momentum", optimizer, null, a.maxMomentum());
                if (a.lastEpoch() == -1) {
                    for (int i = 0; i < optimizer.paramGroups.size(); i++) {
                        Map<String, Object> group = optimizer.paramGroups.get(i);
                        setMomentum(group, maxMomentums[i], useBeta1);
                        group.put("max_momentum", maxMomentums[i]);
                        group.put("base_momentum", baseMomentums[i]);
                    }
                }
            }
            init(optimizer, a.lastEpoch());
            this.baseLrs = baseLrs;
        }

        void initScaleFn() {
            if (scaleFnCustom != null) {
                return;
            }
            switch (mode) {
                case "triangular" -> {
                    scaleFnRef = x -> 1.0;
                    scaleMode = "cycle";
                }
                case "triangular2" -> {
                    scaleFnRef = x -> 1 / Py.pow(2.0, x - 1);
                    scaleMode = "cycle";
                }
                default -> { // exp_range
                    scaleFnRef = x -> Py.pow(gamma, x);
                    scaleMode = "iterations";
                }
            }
        }

        double scaleFn(double x) {
            return scaleFnCustom != null ? scaleFnCustom.applyAsDouble(x) : scaleFnRef.applyAsDouble(x);
        }

        @Override
        double[] getLr() {
            double cycle = Math.floor(1 + lastEpoch / totalSize);
            double x = 1.0 + lastEpoch / totalSize - cycle;
            double scaleFactor = x <= stepRatio ? Py.div(x, stepRatio) : Py.div(x - 1, stepRatio - 1);
            double[] lrs = new double[baseLrs.length];
            for (int i = 0; i < lrs.length; i++) {
                double baseHeight = (maxLrs[i] - baseLrs[i]) * scaleFactor;
                lrs[i] = scaleMode.equals("cycle") ? baseLrs[i] + baseHeight * scaleFn(cycle)
                        : baseLrs[i] + baseHeight * scaleFn(lastEpoch);
            }
            if (cycleMomentum) {
                double[] momentums = new double[baseMomentums.length];
                for (int i = 0; i < momentums.length; i++) {
                    double baseHeight = (maxMomentums[i] - baseMomentums[i]) * scaleFactor;
                    momentums[i] = scaleMode.equals("cycle") ? maxMomentums[i] - baseHeight * scaleFn(cycle)
                            : maxMomentums[i] - baseHeight * scaleFn(lastEpoch);
                }
                for (int i = 0; i < Math.min(momentums.length, optimizer.paramGroups.size()); i++) {
                    setMomentum(optimizer.paramGroups.get(i), momentums[i], useBeta1);
                }
            }
            return lrs;
        }
    }

    /** {@code group["betas"] = (momentum, *group["betas"][1:])} or {@code group["momentum"] = momentum}. */
    static void setMomentum(Map<String, Object> group, double momentum, boolean useBeta1) {
        if (useBeta1) {
            List<?> betas = (List<?>) group.get("betas");
            group.put("betas", List.of(momentum, (Double) betas.get(1)));
        } else {
            group.put("momentum", momentum);
        }
    }

    // ---------------------------------------------------------------------- CosineAnnealingWarmRestarts

    static final class CosineAnnealingWarmRestarts extends TorchLrScheduler {
        final int t0;
        long tI;
        final int tMult;
        final double etaMin;
        double tCur;

        CosineAnnealingWarmRestarts(PyOptimizer optimizer, int t0, int tMult, double etaMin, int lastEpoch) {
            if (t0 <= 0) {
                throw Py.valueError("Expected positive integer T_0, but got " + t0);
            }
            if (tMult < 1) {
                throw Py.valueError("Expected integer T_mult >= 1, but got " + tMult);
            }
            this.t0 = t0;
            this.tI = t0;
            this.tMult = tMult;
            this.etaMin = etaMin;
            this.tCur = lastEpoch;
            init(optimizer, lastEpoch);
        }

        @Override
        double[] getLr() {
            double[] out = new double[baseLrs.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = etaMin + (baseLrs[i] - etaMin) * (1 + Math.cos(Py.div(Math.PI * tCur, tI))) / 2;
            }
            return out;
        }

        @Override
        void step() {
            step(null);
        }

        void step(Double epoch) {
            if (epoch == null && lastEpoch < 0) {
                epoch = 0.0;
            }
            if (epoch == null) {
                epoch = (double) (lastEpoch + 1);
                tCur = tCur + 1;
                if (tCur >= tI) {
                    tCur = tCur % tI;
                    tI = tI * tMult;
                }
            } else {
                if (epoch < 0) {
                    throw Py.valueError("Expected non-negative epoch, but got " + Py.str(epoch));
                }
                if (epoch >= t0) {
                    if (tMult == 1) {
                        tCur = epoch % t0;
                    } else {
                        int n = (int) (Math.log(epoch / t0 * (tMult - 1) + 1) / Math.log(tMult));
                        long power = 1;
                        for (int k = 0; k < n; k++) {
                            power *= tMult;
                        }
                        tCur = epoch - Py.truediv(t0 * (power - 1), tMult - 1);
                        tI = t0 * power;
                    }
                } else {
                    tI = t0;
                    tCur = epoch;
                }
            }
            lastEpoch = (int) Math.floor(epoch);
            double[] values = getLr();
            for (int i = 0; i < values.length; i++) {
                optimizer.paramGroups.get(i).put("lr", values[i]);
            }
            lastLr = groupLrs();
        }
    }

    // ---------------------------------------------------------------------------------------- OneCycleLR

    static final class OneCycleLR extends TorchLrScheduler {
        record Phase(double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {
        }

        /** The keyword arguments; null means None. */
        record Args(double[] maxLrList, double maxLr, Integer totalSteps, Integer epochs, Integer stepsPerEpoch,
                    double pctStart, String annealStrategy, boolean cycleMomentum, double baseMomentum,
                    double maxMomentum, double divFactor, double finalDivFactor, boolean threePhase, int lastEpoch) {
        }

        final int totalSteps;
        final List<Phase> schedulePhases;
        final String annealFuncType;
        final boolean cycleMomentum;
        boolean useBeta1;

        OneCycleLR(PyOptimizer optimizer, Args a) {
            this.optimizer = optimizer;
            if (a.totalSteps() != null) {
                if (a.totalSteps() <= 0) {
                    throw Py.valueError("Expected positive integer total_steps, but got " + a.totalSteps());
                }
                totalSteps = a.totalSteps();
            } else if (a.epochs() != null && a.stepsPerEpoch() != null) {
                if (a.epochs() <= 0) {
                    throw Py.valueError("Expected positive integer epochs, but got " + a.epochs());
                }
                if (a.stepsPerEpoch() <= 0) {
                    throw Py.valueError("Expected positive integer steps_per_epoch, but got " + a.stepsPerEpoch());
                }
                totalSteps = a.epochs() * a.stepsPerEpoch();
            } else {
                throw Py.valueError("You must define either total_steps OR (epochs AND steps_per_epoch)");
            }
            double pct = a.pctStart();
            if (a.threePhase()) {
                schedulePhases = List.of(
                        new Phase(pct * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                        new Phase(2 * pct * totalSteps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"),
                        new Phase(totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"));
            } else {
                schedulePhases = List.of(
                        new Phase(pct * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                        new Phase(totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"));
            }
            if (pct < 0 || pct > 1) {
                throw Py.valueError("Expected float between 0 and 1 pct_start, but got " + Py.str(pct));
            }
            if (!List.of("cos", "linear").contains(a.annealStrategy())) {
                throw Py.valueError("anneal_strategy must be one of 'cos' or 'linear', instead got "
                        + a.annealStrategy());
            }
            annealFuncType = a.annealStrategy();
            double[] maxLrs = formatParam("max_lr", optimizer, a.maxLrList(), a.maxLr());
            if (a.lastEpoch() == -1) {
                for (int idx = 0; idx < optimizer.paramGroups.size(); idx++) {
                    Map<String, Object> group = optimizer.paramGroups.get(idx);
                    group.put("initial_lr", Py.div(maxLrs[idx], a.divFactor()));
                    group.put("max_lr", maxLrs[idx]);
                    group.put("min_lr", Py.div((Double) group.get("initial_lr"), a.finalDivFactor()));
                }
            }
            cycleMomentum = a.cycleMomentum();
            if (cycleMomentum) {
                if (!optimizer.defaults.containsKey("momentum") && !optimizer.defaults.containsKey("betas")) {
                    throw Py.valueError("optimizer must support momentum or beta1 with `cycle_momentum` option enabled");
                }
                useBeta1 = optimizer.defaults.containsKey("betas");
                double[] maxMomentums = formatParam("max_momentum", optimizer, null, a.maxMomentum());
                double[] baseMomentums = formatParam("base_momentum", optimizer, null, a.baseMomentum());
                if (a.lastEpoch() == -1) {
                    for (int i = 0; i < optimizer.paramGroups.size(); i++) {
                        Map<String, Object> group = optimizer.paramGroups.get(i);
                        setMomentum(group, maxMomentums[i], useBeta1);
                        group.put("max_momentum", maxMomentums[i]);
                        group.put("base_momentum", baseMomentums[i]);
                    }
                }
            }
            init(optimizer, a.lastEpoch());
        }

        double annealFunc(double start, double end, double pct) {
            if (annealFuncType.equals("cos")) {
                double cosOut = Math.cos(Math.PI * pct) + 1;
                return end + (start - end) / 2.0 * cosOut;
            }
            return (end - start) * pct + start;
        }

        @Override
        double[] getLr() {
            int stepNum = lastEpoch;
            if (stepNum > totalSteps) {
                throw Py.valueError("Tried to step " + stepNum + " times. The specified number of total steps is "
                        + totalSteps);
            }
            double[] lrs = new double[optimizer.paramGroups.size()];
            for (int g = 0; g < lrs.length; g++) {
                Map<String, Object> group = optimizer.paramGroups.get(g);
                double startStep = 0.0;
                double computedLr = 0;
                double computedMomentum = 0;
                for (int i = 0; i < schedulePhases.size(); i++) {
                    Phase phase = schedulePhases.get(i);
                    double endStep = phase.endStep();
                    if (stepNum <= endStep || i == schedulePhases.size() - 1) {
                        double pct = Py.div(stepNum - startStep, endStep - startStep);
                        computedLr = annealFunc((Double) group.get(phase.startLr()), (Double) group.get(phase.endLr()),
                                pct);
                        if (cycleMomentum) {
                            computedMomentum = annealFunc((Double) group.get(phase.startMomentum()),
                                    (Double) group.get(phase.endMomentum()), pct);
                        }
                        break;
                    }
                    startStep = phase.endStep();
                }
                lrs[g] = computedLr;
                if (cycleMomentum) {
                    setMomentum(group, computedMomentum, useBeta1);
                }
            }
            return lrs;
        }
    }
}
