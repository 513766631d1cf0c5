package dev.nano.optim;

import dev.nano.Checks;
import dev.nano.Tensor;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every optimizer's builder shares: the parameter groups, the hyperparameters' defaults under
 * PyTorch's names (in the order of PyTorch's constructor, which is the order of {@code param_groups}
 * and of the state dict), the setters every algorithm has ({@code lr}, {@code weight_decay},
 * {@code maximize}), and setting any hyperparameter by its PyTorch name, as a keyword argument of
 * {@code torch.optim.SGD(params, momentum=0.9)} is set. Each algorithm's own setters
 * ({@code momentum}, {@code betas}, …) are one-line wrappers over {@link #set(String, double)}.
 *
 * <pre>{@code
 * SGD opt = SGD.builder(params).lr(0.1).momentum(0.9).build();
 * SGD same = SGD.builder(params).set("lr", 0.1).set("momentum", 0.9).build();
 * }</pre>
 *
 * The values are checked (with PyTorch's messages) when {@link #build()} builds the optimizer.
 *
 * @param <B> the concrete builder, returned by every setter so that calls chain
 * @param <O> the optimizer it builds
 */
public abstract class OptimizerBuilder<B extends OptimizerBuilder<B, O>, O extends Optimizer> {
    private final String optimizer;
    private final List<ParamGroup> groups;
    private final Map<String, Object> defaults = new LinkedHashMap<>();
    /** Values the algorithm sets itself and takes no argument for (AdamW's {@code decoupled_weight_decay}). */
    private final Set<String> fixed = new HashSet<>();

    /**
     * A builder over {@code groups}; the subclass then declares every hyperparameter with {@link #declare}.
     * @param optimizer PyTorch's class name, for messages ({@code SGD}, {@code AdamW})
     * @param groups the parameter groups
     */
    protected OptimizerBuilder(String optimizer, List<ParamGroup> groups) {
        this.optimizer = optimizer;
        this.groups = groups;
    }

    /**
     * Declares a hyperparameter with PyTorch's default value, in the order of PyTorch's constructor.
     * @param name the hyperparameter's PyTorch name
     * @param value its default: a {@code Double}, a {@code Boolean}, or a {@code List<Double>} pair
     */
    protected final void declare(String name, Object value) {
        defaults.put(name, value);
    }

    /**
     * Declares (or redeclares, keeping its place) a value that PyTorch's constructor sets itself and takes no
     * argument for, so that setting it by name is refused as PyTorch refuses an unknown keyword.
     * @param name the hyperparameter's PyTorch name
     * @param value its fixed value
     */
    protected final void declareFixed(String name, Object value) {
        defaults.put(name, value);
        fixed.add(name);
    }

    // ---------------------------------------------------------------- setting by name

    /**
     * Sets a numeric hyperparameter by its PyTorch name, e.g. {@code set("momentum", 0.9)}.
     * @param name the hyperparameter's PyTorch name
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the optimizer has no such hyperparameter, or it is not a number
     */
    public final B set(String name, double value) {
        return put(name, value);
    }

    /**
     * Sets a boolean hyperparameter by its PyTorch name, e.g. {@code set("nesterov", true)}.
     * @param name the hyperparameter's PyTorch name
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the optimizer has no such hyperparameter, or it is not a boolean
     */
    public final B set(String name, boolean value) {
        return put(name, value);
    }

    /**
     * Sets a pair (PyTorch's tuple) by its name, e.g. {@code set("betas", 0.9, 0.99)}.
     * @param name the hyperparameter's PyTorch name
     * @param first the tuple's first value
     * @param second the tuple's second value
     * @return this builder
     * @throws IllegalArgumentException if the optimizer has no such hyperparameter, or it is not a pair
     */
    public final B set(String name, double first, double second) {
        return put(name, List.of(first, second));
    }

    /** PyTorch's {@code TypeError} for an unknown keyword; a value of another kind than the default is refused too. */
    private B put(String name, Object value) {
        Checks.notNull(optimizer + ".builder().set", "name", name);
        Object old = defaults.get(name);
        if (old == null || fixed.contains(name)) {
            throw new IllegalArgumentException(optimizer + ".__init__() got an unexpected keyword argument '" + name
                    + "'");
        }
        if (ParamGroup.kind(old) != ParamGroup.kind(value)) {
            throw new IllegalArgumentException(optimizer + ": hyperparameter '" + name + "' is " + ParamGroup.kind(old)
                    + " (default " + ParamGroup.show(old) + "), not " + ParamGroup.kind(value) + " "
                    + ParamGroup.show(value));
        }
        defaults.put(name, value);
        @SuppressWarnings("unchecked") // B is this builder's own class, as the type parameter's bound says
        B self = (B) this;
        return self;
    }

    // ---------------------------------------------------------------- what every algorithm has

    /**
     * The step size, PyTorch's {@code lr} (each algorithm's default is in its class comment).
     * @param lr the learning rate
     * @return this builder
     */
    public B lr(double lr) {
        return set("lr", lr);
    }

    /**
     * PyTorch's {@code weight_decay}: an L2 penalty, {@code weightDecay·p} added to the gradient (for
     * {@link AdamW}, decoupled: {@code p} shrunk by {@code lr·weightDecay} before the step).
     * @param weightDecay the decay factor
     * @return this builder
     */
    public B weightDecay(double weightDecay) {
        return set("weight_decay", weightDecay);
    }

    /**
     * Gradient ascent: PyTorch's {@code maximize=True}.
     * @param maximize true ascends the objective instead of descending it
     * @return this builder
     */
    public B maximize(boolean maximize) {
        return set("maximize", maximize);
    }

    // ---------------------------------------------------------------- building

    /**
     * Validates (PyTorch's checks and messages, in its order) and builds the optimizer.
     * @return a new optimizer
     */
    public abstract O build();

    /**
     * The parameter groups, for {@link #build()}.
     * @return the groups given to the builder
     */
    protected final List<ParamGroup> groups() {
        return groups;
    }

    /**
     * Every hyperparameter's value by PyTorch name, for {@link #build()}.
     * @return the live map of values
     */
    protected final Map<String, Object> defaults() {
        return defaults;
    }

    // ---------------------------------------------------------------- the three ways to give parameters

    /** {@code torch.optim.X(params)}: the parameters as one group (an empty list is refused by the optimizer). */
    static List<ParamGroup> asOneGroup(String optimizer, List<Tensor> params) {
        Checks.notNull(optimizer + ".builder", "params", params);
        return params.isEmpty() ? List.of() : List.of(ParamGroup.of(params));
    }

    /** {@code torch.optim.X(params)} for parameters given one by one. */
    static List<ParamGroup> asOneGroup(String optimizer, Tensor... params) {
        return asOneGroup(optimizer, Arrays.asList(Checks.notNull(optimizer + ".builder", "params", params)));
    }

    /** {@code torch.optim.X(groups)}: per-group hyperparameters, the builder's values as their defaults. */
    static List<ParamGroup> asGroups(String optimizer, ParamGroup... groups) {
        return Arrays.asList(Checks.notNull(optimizer + ".builder", "params", groups));
    }
}
