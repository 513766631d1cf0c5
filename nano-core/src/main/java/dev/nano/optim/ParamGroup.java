package dev.nano.optim;

import dev.nano.Checks;
import dev.nano.PythonFloat;
import dev.nano.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters that share hyperparameters: one entry of PyTorch's {@code optimizer.param_groups}.
 *
 * <p>Hyperparameters are kept under PyTorch's names ({@code "lr"}, {@code "momentum"},
 * {@code "weight_decay"}, {@code "betas"}, …). A group built by the user holds only the values it
 * overrides; when the optimizer takes the group it fills in every other value from its defaults.
 * The optimizer reads the values again at every {@code step()}, so changing one between steps
 * (as a learning-rate schedule does) takes effect at the next step:
 *
 * <pre>{@code
 * var opt = SGD.builder(ParamGroup.of(w), ParamGroup.of(b).set("lr", 0.1)).lr(0.01).build();
 * opt.paramGroups().get(0).lr(0.005);   // w's learning rate from the next step on
 * }</pre>
 *
 * <p>A value is a number, a boolean, or a pair of numbers ({@code betas}); a value cannot change
 * kind once set, so a step never meets a hyperparameter it cannot read.
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final Map<String, Object> options = new LinkedHashMap<>();

    private ParamGroup(List<Tensor> params) {
        this.params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    /**
     * A group of these parameters, with no hyperparameters of its own yet.
     * @param params the parameters
     * @return a new group
     */
    public static ParamGroup of(Tensor... params) {
        return of(Arrays.asList(Checks.notNull("ParamGroup.of", "params", params)));
    }

    /**
     * A group of these parameters (the list is copied), with no hyperparameters of its own yet.
     * @param params the parameters
     * @return a new group
     */
    public static ParamGroup of(List<Tensor> params) {
        Checks.notNull("ParamGroup.of", "params", params);
        return new ParamGroup(params);
    }

    /**
     * The group's parameters, in order.
     * @return a read-only list
     */
    public List<Tensor> params() {
        return params;
    }

    // ---------------------------------------------------------------- setting values

    /**
     * Sets a numeric hyperparameter, e.g. {@code set("lr", 0.1)}.
     * @param name the hyperparameter's PyTorch name ({@code lr}, {@code momentum}, {@code betas}, …)
     * @param value the value
     * @return this group, for chaining
     */
    public ParamGroup set(String name, double value) {
        return put(name, notNaN(name, value));
    }

    /**
     * Sets a boolean hyperparameter, e.g. {@code set("nesterov", true)}.
     * @param name the hyperparameter's PyTorch name ({@code lr}, {@code momentum}, {@code betas}, …)
     * @param value the value
     * @return this group, for chaining
     */
    public ParamGroup set(String name, boolean value) {
        return put(name, value);
    }

    /**
     * Sets a pair, PyTorch's tuple, e.g. {@code set("betas", 0.9, 0.99)}.
     * @param name the hyperparameter's PyTorch name ({@code lr}, {@code momentum}, {@code betas}, …)
     * @param first the tuple's first value
     * @param second the tuple's second value
     * @return this group, for chaining
     */
    public ParamGroup set(String name, double first, double second) {
        return put(name, List.of(notNaN(name, first), notNaN(name, second)));
    }

    /**
     * PyTorch checks the optimizer's defaults but never a group's own values, so a NaN learning
     * rate set on a group (an LR schedule gone wrong) would silently turn every parameter into NaN.
     * nano refuses NaN here, before anything is stored.
     */
    private static double notNaN(String name, double value) {
        return Checks.notNaN("ParamGroup.set", "hyperparameter '" + name + "'", value);
    }

    /**
     * The learning rate.
     * @return the group's {@code lr}
     */
    public double lr() {
        return getDouble("lr");
    }

    /**
     * Changes the learning rate; the next {@code step()} uses it (how LR schedules work).
     * @param lr the new learning rate
     * @return this group, for chaining
     */
    public ParamGroup lr(double lr) {
        return set("lr", lr);
    }

    private ParamGroup put(String name, Object value) {
        Checks.notNull("ParamGroup.set", "name", name);
        Object old = options.get(name);
        if (old != null && kind(old) != kind(value)) {
            throw new IllegalArgumentException("hyperparameter '" + name + "' holds " + kind(old) + " " + show(old)
                    + " and cannot be set to " + kind(value) + " " + show(value));
        }
        options.put(name, value);
        return this;
    }

    /** Fills in a value the group does not set itself (Python's {@code group.setdefault}). */
    void setDefault(String name, Object value) {
        if (!options.containsKey(name)) {
            options.put(name, value);
        } else if (kind(options.get(name)) != kind(value)) {
            throw new IllegalArgumentException("parameter group sets '" + name + "' to " + kind(options.get(name))
                    + " " + show(options.get(name)) + ", but the optimizer expects " + kind(value) + " (default "
                    + show(value) + ")");
        }
    }

    /** A group with the same parameters and a copy of the values. */
    ParamGroup copy() {
        ParamGroup copy = new ParamGroup(params);
        copy.options.putAll(options);
        return copy;
    }

    // ---------------------------------------------------------------- reading values

    /**
     * Whether the group holds a value named {@code name}.
     * @param name the hyperparameter's PyTorch name ({@code lr}, {@code momentum}, {@code betas}, …)
     * @return true if the group holds it
     */
    public boolean has(String name) {
        return options.containsKey(name);
    }

    /**
     * A numeric hyperparameter; fails, naming it, if the group has none or it is not a number.
     * @param name the hyperparameter's PyTorch name ({@code lr}, {@code momentum}, {@code betas}, …)
     * @return the value
     */
    public double getDouble(String name) {
        return (Double) require(name, Kind.NUMBER);
    }

    /**
     * A boolean hyperparameter such as {@code nesterov}.
     * @param name the hyperparameter's PyTorch name ({@code lr}, {@code momentum}, {@code betas}, …)
     * @return the value
     */
    public boolean getBoolean(String name) {
        return (Boolean) require(name, Kind.BOOLEAN);
    }

    /**
     * A pair such as {@code betas}, as a new two-element array.
     * @param name the hyperparameter's PyTorch name ({@code lr}, {@code momentum}, {@code betas}, …)
     * @return {@code [first, second]}
     */
    public double[] getPair(String name) {
        List<?> pair = (List<?>) require(name, Kind.PAIR);
        return new double[] {(Double) pair.get(0), (Double) pair.get(1)};
    }

    /**
     * Every value by name (read-only): {@code Double}, {@code Boolean}, or a {@code List<Double>} pair.
     * @return a read-only map
     */
    public Map<String, Object> options() {
        return Collections.unmodifiableMap(options);
    }

    private Object require(String name, Kind kind) {
        Object value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("parameter group has no hyperparameter '" + name + "'");
        }
        if (kind(value) != kind) {
            throw new IllegalArgumentException("hyperparameter '" + name + "' is " + kind(value) + " " + show(value)
                    + ", not " + kind);
        }
        return value;
    }

    // ---------------------------------------------------------------- kinds of value

    enum Kind {
        NUMBER("a number"), BOOLEAN("a boolean"), PAIR("a pair");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static Kind kind(Object value) {
        return value instanceof Double ? Kind.NUMBER : value instanceof Boolean ? Kind.BOOLEAN : Kind.PAIR;
    }

    /** A value as Python prints it: {@code 0.001}, {@code True}, {@code (0.9, 0.999)}. */
    static String show(Object value) {
        if (value instanceof Double d) {
            return PythonFloat.repr(d);
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        List<?> pair = (List<?>) value;
        return "(" + PythonFloat.repr((Double) pair.get(0)) + ", " + PythonFloat.repr((Double) pair.get(1)) + ")";
    }
}
