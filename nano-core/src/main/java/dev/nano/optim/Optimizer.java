package dev.nano.optim;

import dev.nano.DType;
import dev.nano.Nano;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.GradMode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What every optimizer shares, after PyTorch's {@code torch.optim.Optimizer}: parameter groups,
 * per-parameter state, {@code step()} and {@code zeroGrad()}.
 *
 * <pre>{@code
 * for (int i = 0; i < 100; i++) {
 *     opt.zeroGrad();                 // grads back to null
 *     Tensor loss = model(x, w).sub(y).pow(2).mean();
 *     loss.backward();                // fills w.grad()
 *     opt.step();                     // updates w in place
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Groups.</b> Parameters come as one list or as {@link ParamGroup}s. A group's own
 *       hyperparameters override the optimizer's defaults; the rest are filled in from them.</li>
 *   <li><b>State.</b> Kept per parameter under PyTorch's names ({@code momentum_buffer},
 *       {@code exp_avg}, {@code step}, …) and readable with {@link #state(Tensor)}.</li>
 *   <li><b>Step.</b> Runs without recording a graph and updates each parameter's storage in place.
 *       A parameter whose grad is null is skipped entirely: no weight decay, no state, no step
 *       count. A gradient of zeros is not skipped.</li>
 *   <li><b>Validation.</b> Each algorithm checks its hyperparameters first, then this class checks
 *       the parameters, in PyTorch's order and with its messages. Everything that can fail is
 *       checked before anything changes, so a failed construction or step leaves every parameter
 *       and all state as they were.</li>
 * </ul>
 *
 * A new algorithm extends this class and implements {@link #update(ParamGroup)}.
 */
public abstract class Optimizer {
    private static final System.Logger LOG = System.getLogger(Optimizer.class.getName());

    private final Map<String, Object> defaults;
    private final List<ParamGroup> paramGroups = new ArrayList<>();
    /** Keyed by the parameter object itself, as PyTorch keys {@code optimizer.state} by tensor. */
    private final Map<Tensor, Map<String, Tensor>> state = new IdentityHashMap<>();

    /**
     * @param groups   the parameter groups (at least one); a group's values override {@code defaults}
     * @param defaults every hyperparameter of the algorithm under PyTorch's name, already validated
     */
    protected Optimizer(List<ParamGroup> groups, Map<String, Object> defaults) {
        this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
        List<ParamGroup> accepted = new ArrayList<>();
        for (ParamGroup group : groups) {
            accepted.add(prepare(group, accepted));
        }
        paramGroups.addAll(accepted);
    }

    /** One group of all these parameters, or no group for an empty list (which the constructor rejects). */
    static List<ParamGroup> singleGroup(List<Tensor> params) {
        return params.isEmpty() ? List.of() : List.of(ParamGroup.of(params));
    }

    /** Adds a group (for example parameters unfrozen during fine-tuning); missing values come from the defaults. */
    public void addParamGroup(ParamGroup group) {
        paramGroups.add(prepare(group, List.of()));
    }

    /**
     * PyTorch's {@code add_param_group} checks, in its order, on a copy of {@code group} with the
     * defaults filled in. Nothing is kept if a check fails.
     */
    private ParamGroup prepare(ParamGroup group, List<ParamGroup> alsoTaken) {
        if (group == null) {
            throw new IllegalArgumentException("a parameter group is null");
        }
        for (Tensor p : group.params()) {
            if (p == null) {
                throw new IllegalArgumentException(
                        "optimizer can only optimize Tensors, but one of the params is NoneType");
            }
            if (!(p.isLeaf() || p.retainsGrad())) {
                throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
            }
        }
        ParamGroup filled = group.copy();
        defaults.forEach(filled::setDefault);

        Set<Tensor> inThisGroup = Collections.newSetFromMap(new IdentityHashMap<>());
        inThisGroup.addAll(group.params());
        if (inThisGroup.size() < group.params().size()) {
            // PyTorch only warns, and then updates such a parameter once per occurrence.
            LOG.log(System.Logger.Level.WARNING, "optimizer contains a parameter group with duplicate parameters; "
                    + "in future, this will cause an error; see github.com/pytorch/pytorch/issues/40967 for more "
                    + "information");
        }
        List<ParamGroup> taken = new ArrayList<>(paramGroups);
        taken.addAll(alsoTaken);
        for (ParamGroup other : taken) {
            for (Tensor p : other.params()) {
                if (inThisGroup.contains(p)) {
                    throw new IllegalArgumentException("some parameters appear in more than one parameter group");
                }
            }
        }
        return filled;
    }

    // ---------------------------------------------------------------- reading the optimizer

    /** The groups, in order; change a group's values (e.g. {@code lr}) to affect the next step. */
    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(paramGroups);
    }

    /** The algorithm's hyperparameters as given at construction (PyTorch's {@code optimizer.defaults}). */
    public Map<String, Object> defaults() {
        return defaults;
    }

    /**
     * The state of one parameter by PyTorch's names (empty until its first step, except Adagrad's).
     * The map is read-only; the tensors are the live state, updated in place by each step.
     */
    public Map<String, Tensor> state(Tensor param) {
        Map<String, Tensor> s = state.get(param);
        return s == null ? Map.of() : Collections.unmodifiableMap(s);
    }

    /** The state of {@code param} for an algorithm to fill and update (created empty on first use). */
    protected Map<String, Tensor> stateOf(Tensor param) {
        return state.computeIfAbsent(param, k -> new LinkedHashMap<>());
    }

    // ---------------------------------------------------------------- step and zeroGrad

    /** One optimization step over every parameter that has a gradient. */
    public final void step() {
        step(null);
    }

    /**
     * Runs {@code closure} (with grad mode on, so it can compute a loss and call backward), then
     * takes one step. Returns the closure's loss, or null without a closure.
     */
    public final Tensor step(Supplier<Tensor> closure) {
        Tensor loss = null;
        if (closure != null) {
            try (GradMode.Scope ignored = Nano.enableGrad()) {
                loss = closure.get();
            }
        }
        checkGradients();
        try (GradMode.Scope ignored = Nano.noGrad()) {
            for (ParamGroup group : paramGroups) {
                update(group);
                for (Tensor p : group.params()) {
                    if (p.grad() != null) {
                        p.markModifiedInPlace(); // graphs that saved p must not use its new values
                    }
                }
            }
        }
        return loss;
    }

    /**
     * Applies the algorithm to one group: every parameter of {@code group} whose grad is not null,
     * in order, reading the group's hyperparameters afresh. Runs under no-grad after
     * {@link #checkGradients()}, so it cannot meet a gradient it cannot use.
     */
    protected abstract void update(ParamGroup group);

    /** What could make a step fail halfway, checked before any parameter is touched. */
    private void checkGradients() {
        for (ParamGroup group : paramGroups) {
            for (Tensor p : group.params()) {
                Tensor grad = p.grad();
                if (grad != null && (p.dtype() != DType.FLOAT64 || grad.dtype() != DType.FLOAT64)) {
                    throw new IllegalStateException("optimizers update float64 parameters with float64 gradients, "
                            + "but a parameter of shape " + Shape.toString(p.shape()) + " is " + p.dtype().torchName()
                            + " with a " + grad.dtype().torchName() + " gradient");
                }
            }
        }
    }

    /** Clears every parameter's gradient to null, like PyTorch 2's {@code zero_grad()}. */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * {@code setToNone} true: grads become null (the next step skips parameters that get no new
     * gradient). False: existing grads are detached and filled with zeros in place (the next step
     * still updates those parameters, with weight decay and momentum).
     */
    public void zeroGrad(boolean setToNone) {
        for (ParamGroup group : paramGroups) {
            for (Tensor p : group.params()) {
                p.zeroGrad(setToNone);
            }
        }
    }

    /**
     * PyTorch's {@code if not 0.0 <= value: raise ValueError(message + value)}: written as
     * "not 0 <= x" rather than "x < 0" so that NaN is rejected too.
     */
    protected static void requireNonNegative(String message, double value) {
        if (!(0.0 <= value)) {
            throw new IllegalArgumentException(message + PythonFloat.repr(value));
        }
    }

    // ---------------------------------------------------------------- helpers for the algorithms

    /** The step counter, a 0-d tensor, is incremented and its new value returned (PyTorch's {@code step_t += 1}). */
    protected static double incrementStep(Map<String, Tensor> state) {
        double[] step = state.computeIfAbsent("step", k -> Nano.scalar(0.0)).data();
        step[0] += 1;
        return step[0];
    }

    /** A state tensor of zeros shaped like {@code param}, created the first time it is asked for. */
    protected static double[] zerosState(Map<String, Tensor> state, String name, Tensor param) {
        return state.computeIfAbsent(name, k -> Nano.zerosLike(param)).data();
    }

    /**
     * {@code torch.lerp(start, end, weight)} for one element, exactly as ATen computes it: from the
     * nearer end, so that weight 0 gives {@code start} and weight 1 gives {@code end} exactly.
     */
    protected static double lerp(double start, double end, double weight) {
        double diff = end - start;
        return Math.abs(weight) < 0.5 ? start + weight * diff : end - diff * (1 - weight);
    }

    /** Like PyTorch's repr: the class name, then each group's values (sorted by name). */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(getClass().getSimpleName()).append(" (");
        for (int i = 0; i < paramGroups.size(); i++) {
            s.append("\nParameter Group ").append(i).append('\n');
            new TreeMap<>(paramGroups.get(i).options()).forEach((name, value) ->
                    s.append("    ").append(name).append(": ").append(ParamGroup.show(value)).append('\n'));
        }
        return s.append(')').toString();
    }
}
