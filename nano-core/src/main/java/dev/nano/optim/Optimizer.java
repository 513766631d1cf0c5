package dev.nano.optim;

import dev.nano.DType;
import dev.nano.Nano;
import dev.nano.PythonFloat;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.GradMode;

import java.util.ArrayList;
import java.util.Arrays;
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
 * A new algorithm extends this class and implements {@link #update(ParamGroup)}; its builder extends
 * {@link OptimizerBuilder}, declaring PyTorch's defaults in the order of PyTorch's constructor and adding a
 * one-line typed setter per hyperparameter of its own.
 */
public abstract class Optimizer {
    private static final System.Logger LOG = System.getLogger(Optimizer.class.getName());

    private final Map<String, Object> defaults;
    private final List<ParamGroup> paramGroups = new ArrayList<>();
    /** Keyed by the parameter object itself, as PyTorch keys {@code optimizer.state} by tensor. */
    private final Map<Tensor, Map<String, Tensor>> state = new IdentityHashMap<>();
    /** How many times {@link #step(Supplier)} has run: an LR scheduler warns when it steps first. */
    private long stepCount;

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

    /**
     * Adds a group (for example parameters unfrozen during fine-tuning); missing values come from the defaults.
     * @param group the new group; its parameters must not already be in another group
     */
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

    /**
     * The groups, in order; change a group's values (e.g. {@code lr}) to affect the next step.
     * @return a read-only list of the live groups
     */
    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(paramGroups);
    }

    /**
     * How many times {@code step()} has run. PyTorch's LR schedulers wrap {@code optimizer.step} to
     * notice whether it ran ({@code optimizer._opt_called}); nano's schedulers read this count instead.
     * @return the number of calls to {@code step()}, counted as each call begins
     */
    public long stepCount() {
        return stepCount;
    }

    /**
     * The algorithm's hyperparameters as given at construction (PyTorch's {@code optimizer.defaults}).
     * @return a read-only map
     */
    public Map<String, Object> defaults() {
        return defaults;
    }

    /**
     * The state of one parameter by PyTorch's names (empty until its first step, except Adagrad's).
     * The map is read-only; the tensors are the live state, updated in place by each step.
     * @param param one of the optimizer's parameters
     * @return a read-only map from state name ({@code momentum_buffer}, {@code exp_avg}, {@code step}) to tensor
     */
    public Map<String, Tensor> state(Tensor param) {
        Map<String, Tensor> s = state.get(param);
        return s == null ? Map.of() : Collections.unmodifiableMap(s);
    }

    /**
     * The state of {@code param} for an algorithm to fill and update (created empty on first use).
     * @param param one of the optimizer's parameters
     * @return the live, mutable state map
     */
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
     * @param closure recomputes the loss and its gradients (LBFGS-style), or null
     * @return the closure's loss, or null
     */
    public final Tensor step(Supplier<Tensor> closure) {
        stepCount++; // before anything can fail, as PyTorch's wrapper sets _opt_called before calling step
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
     * @param group the group to update
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
     * @param setToNone true (PyTorch's default) makes the grads null
     */
    public void zeroGrad(boolean setToNone) {
        for (ParamGroup group : paramGroups) {
            for (Tensor p : group.params()) {
                p.zeroGrad(setToNone);
            }
        }
    }

    // ---------------------------------------------------------------- state dict

    /**
     * The optimizer's state as one flat map of tensors, so that it can be saved with
     * {@code SafeTensors.save} next to the model. PyTorch's {@code optimizer.state_dict()} is a
     * nested dict, {@code {"state": {0: {"momentum_buffer": …, "step": …}}, "param_groups": [{"lr":
     * 0.1, …, "params": [0, 1]}]}}; its keys are flattened with dots, as
     * {@code torch.distributed.checkpoint} flattens them:
     * <ul>
     *   <li>{@code state.<i>.<name>}: parameter {@code i}'s state (parameters numbered across groups
     *       in order, as PyTorch numbers them), e.g. {@code state.0.momentum_buffer};</li>
     *   <li>{@code param_groups.<g>.<hyperparameter>}: a number as a 0-d float64 tensor, a boolean
     *       as a 0-d bool tensor, a pair ({@code betas}) as a 2-element float64 tensor;</li>
     *   <li>{@code param_groups.<g>.params}: the group's parameter numbers, int64.</li>
     * </ul>
     * State tensors are copies.
     * @return a new map from flattened key to tensor
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        int index = 0;
        for (int g = 0; g < paramGroups.size(); g++) {
            ParamGroup group = paramGroups.get(g);
            for (Map.Entry<String, Object> option : group.options().entrySet()) {
                out.put("param_groups." + g + "." + option.getKey(), optionTensor(option.getValue()));
            }
            long[] numbers = new long[group.params().size()];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = index + i;
            }
            out.put("param_groups." + g + ".params", Nano.longTensor(numbers, numbers.length));
            index += numbers.length;
        }
        List<Tensor> params = allParams();
        for (int i = 0; i < params.size(); i++) {
            for (Map.Entry<String, Tensor> s : state(params.get(i)).entrySet()) {
                out.put("state." + i + "." + s.getKey(), Nano.clone(s.getValue().detach()));
            }
        }
        return out;
    }

    /**
     * Restores what {@link #stateDict()} gave, into an optimizer built the same way over the
     * same parameters (PyTorch's {@code load_state_dict}): the groups' hyperparameters and every
     * parameter's state. Everything is checked first — the number of groups and their sizes, that
     * every key is known, every hyperparameter present with its kind, every state tensor shaped
     * like its parameter — and on any error nothing changes.
     * @param stateDict a map from {@link #stateDict()} or {@code SafeTensors.load}
     */
    public void loadStateDict(Map<String, Tensor> stateDict) {
        List<String> problems = new ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        int groupsGiven = 0;
        while (stateDict.containsKey("param_groups." + groupsGiven + ".params")) {
            groupsGiven++;
        }
        if (groupsGiven != paramGroups.size()) {
            throw new IllegalArgumentException("loaded state dict has a different number of parameter groups ("
                    + groupsGiven + ", the optimizer has " + paramGroups.size() + ")");
        }
        for (int g = 0; g < paramGroups.size(); g++) {
            String prefix = "param_groups." + g + ".";
            used.add(prefix + "params");
            if (stateDict.get(prefix + "params").numel() != paramGroups.get(g).params().size()) {
                throw new IllegalArgumentException("loaded state dict contains a parameter group that doesn't match "
                        + "the size of optimizer's group (group " + g + ": " + stateDict.get(prefix + "params").numel()
                        + " parameters, the optimizer's has " + paramGroups.get(g).params().size() + ")");
            }
            for (Map.Entry<String, Object> option : paramGroups.get(g).options().entrySet()) {
                String key = prefix + option.getKey();
                used.add(key);
                Tensor given = stateDict.get(key);
                Tensor expected = optionTensor(option.getValue());
                if (given == null) {
                    problems.add("missing " + key);
                } else if (given.dtype() != expected.dtype() || !Arrays.equals(given.shape(), expected.shape())) {
                    problems.add(key + " is a " + given.dtype().torchName() + " tensor of shape "
                            + Shape.toString(given.shape()) + ", expected " + expected.dtype().torchName()
                            + " of shape " + Shape.toString(expected.shape()));
                }
            }
        }
        List<Tensor> params = allParams();
        Map<Tensor, Map<String, Tensor>> loaded = new IdentityHashMap<>();
        for (Map.Entry<String, Tensor> e : stateDict.entrySet()) {
            String[] parts = e.getKey().split("\\.", 3);
            if (used.contains(e.getKey())) {
                continue;
            }
            if (parts.length != 3 || !parts[0].equals("state") || !parts[1].matches("\\d{1,9}")
                    || Integer.parseInt(parts[1]) >= params.size()) {
                problems.add("unexpected key " + e.getKey());
                continue;
            }
            Tensor param = params.get(Integer.parseInt(parts[1]));
            boolean shapeOk = parts[2].equals("step") ? e.getValue().dim() == 0
                    : Arrays.equals(e.getValue().shape(), param.shape());
            if (!shapeOk || e.getValue().dtype() != DType.FLOAT64) {
                problems.add(e.getKey() + " is a " + e.getValue().dtype().torchName() + " tensor of shape "
                        + Shape.toString(e.getValue().shape()) + ", but parameter " + parts[1] + " has shape "
                        + Shape.toString(param.shape()));
                continue;
            }
            loaded.computeIfAbsent(param, k -> new LinkedHashMap<>()).put(parts[2], Nano.clone(e.getValue().detach()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading the optimizer's state_dict:\n\t"
                    + String.join("\n\t", problems));
        }
        for (int g = 0; g < paramGroups.size(); g++) {
            ParamGroup group = paramGroups.get(g);
            for (Map.Entry<String, Object> option : group.options().entrySet()) {
                double[] v = stateDict.get("param_groups." + g + "." + option.getKey()).data();
                if (option.getValue() instanceof Double) {
                    group.set(option.getKey(), v[0]);
                } else if (option.getValue() instanceof Boolean) {
                    group.set(option.getKey(), v[0] != 0);
                } else {
                    group.set(option.getKey(), v[0], v[1]);
                }
            }
        }
        state.clear();
        state.putAll(loaded);
    }

    private List<Tensor> allParams() {
        List<Tensor> params = new ArrayList<>();
        paramGroups.forEach(g -> params.addAll(g.params()));
        return params;
    }

    /** A hyperparameter as a tensor: number → 0-d float64, boolean → 0-d bool, pair → (2) float64. */
    private static Tensor optionTensor(Object value) {
        if (value instanceof Double d) {
            return Nano.scalar(d);
        }
        if (value instanceof Boolean b) {
            return Nano.boolTensor(new boolean[] {b});
        }
        List<?> pair = (List<?>) value;
        return Nano.tensor((Double) pair.get(0), (Double) pair.get(1));
    }

    /**
     * PyTorch's {@code if not 0.0 <= value: raise ValueError(message + value)}: written as
     * {@code !(0 <= x)} rather than {@code x < 0} so that NaN is rejected too.
     *
     * @param message the start of the error message, e.g. {@code "Invalid learning rate: "}
     * @param value   the hyperparameter's value, appended as Python prints a float
     * @throws IllegalArgumentException if {@code value} is negative or NaN
     */
    protected static void requireNonNegative(String message, double value) {
        if (!(0.0 <= value)) {
            throw new IllegalArgumentException(message + PythonFloat.repr(value));
        }
    }

    // ---------------------------------------------------------------- helpers for the algorithms

    /**
     * The step counter, a 0-d tensor, is incremented and its new value returned (PyTorch's {@code step_t += 1}).
     * @param state the parameter's state, holding a {@code step} tensor
     * @return the new step count
     */
    protected static double incrementStep(Map<String, Tensor> state) {
        double[] step = state.computeIfAbsent("step", k -> Nano.scalar(0.0)).data();
        step[0] += 1;
        return step[0];
    }

    /**
     * A state tensor of zeros shaped like {@code param}, created the first time it is asked for.
     * @param state the parameter's state
     * @param name the state's name, e.g. {@code momentum_buffer}
     * @param param the parameter it shadows
     * @return the state tensor's live storage
     */
    protected static double[] zerosState(Map<String, Tensor> state, String name, Tensor param) {
        return state.computeIfAbsent(name, k -> Nano.zerosLike(param)).data();
    }

    /**
     * {@code torch.lerp(start, end, weight)} for one element, exactly as ATen computes it: from the
     * nearer end, so that weight 0 gives {@code start} and weight 1 gives {@code end} exactly.
     * @param start the value at weight 0
     * @param end the value at weight 1
     * @param weight where between them
     * @return {@code start + weight·(end − start)}, rounded as ATen rounds it
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
