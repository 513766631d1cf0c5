package dev.nano.oracle.lr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a {@code torch.optim.Optimizer} that torch/optim/lr_scheduler.py touches, as Python
 * holds it: {@code param_groups} (a list of dicts), {@code defaults} (a dict), the flag that the
 * scheduler's wrapper of {@code optimizer.step} sets ({@code _opt_called}), and the warnings raised
 * through {@code warnings.warn} (recorded as under {@code warnings.simplefilter("always")}).
 */
final class PyOptimizer {
    /** Which torch.optim class: decides which hyperparameters {@code defaults} holds. */
    enum Kind {
        /** SGD: has {@code momentum}. */
        SGD,
        /** Adam: has {@code betas}. */
        ADAM,
        /** Adagrad: neither. */
        ADAGRAD
    }

    final Kind kind;
    final List<Map<String, Object>> paramGroups = new ArrayList<>();
    final Map<String, Object> defaults = new LinkedHashMap<>();
    boolean optCalled;
    final List<String> warnings = new ArrayList<>();

    /**
     * @param kind the optimizer class
     * @param lrs one learning rate per parameter group
     * @param momentum SGD's momentum (ignored by the others)
     */
    PyOptimizer(Kind kind, double[] lrs, double momentum) {
        this.kind = kind;
        defaults.put("lr", lrs[0]);
        switch (kind) {
            case SGD -> defaults.put("momentum", momentum);
            case ADAM -> defaults.put("betas", List.of(0.9, 0.999));
            case ADAGRAD -> defaults.put("lr_decay", 0.0);
        }
        for (double lr : lrs) {
            Map<String, Object> group = new LinkedHashMap<>(defaults);
            group.put("lr", lr);
            paramGroups.add(group);
        }
    }

    /** The wrapped {@code optimizer.step}: only the flag matters to the schedulers. */
    void step() {
        optCalled = true;
    }

    /** {@code warnings.warn(message, UserWarning)}. */
    void warn(String message) {
        warnings.add(message);
    }

    /** {@code self.__class__.__name__}. */
    String className() {
        return switch (kind) {
            case SGD -> "SGD";
            case ADAM -> "Adam";
            case ADAGRAD -> "Adagrad";
        };
    }

    /** {@code Optimizer.__repr__}: the class name, then each group's values sorted by key. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(className()).append(" (");
        for (int i = 0; i < paramGroups.size(); i++) {
            s.append("\nParameter Group ").append(i).append('\n');
            new java.util.TreeMap<>(paramGroups.get(i)).forEach((k, v) -> s.append("    ").append(k).append(": ")
                    .append(v instanceof Double d ? Py.str(d) : v instanceof List<?> l
                            ? "(" + Py.str((Double) l.get(0)) + ", " + Py.str((Double) l.get(1)) + ")" : v)
                    .append('\n'));
        }
        return s.append(')').toString();
    }

    double number(int group, String key) {
        Object v = paramGroups.get(group).get(key);
        if (v == null) {
            throw new Py.Error("KeyError", "'" + key + "'");
        }
        return (Double) v;
    }
}
