package dev.nano.oracle.optim;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One configuration of the grid: an optimizer and the hyperparameters it sets, under PyTorch's
 * names ({@code lr}, {@code momentum}, {@code weight_decay}, …), each a {@code Double} or a
 * {@code Boolean}. Everything it does not set takes PyTorch's default ({@link OptimGrid#pytorchDefault}).
 * Named like {@code sgd[momentum=0.9,dampening=0.5]}, {@code adam[weight_decay=0.1,amsgrad]}.
 */
public record OptimConfig(String optimizer, Map<String, Object> hyperparameters) {

    /**
     * Copies the hyperparameters.
     * @param optimizer the optimizer's name, e.g. "sgd"
     * @param hyperparameters the values that differ from PyTorch's defaults
     */
    public OptimConfig {
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    }

    /**
     * {@code of("sgd", "momentum", 0.9, "nesterov", true)}.
     * @param optimizer the optimizer's name
     * @param namesAndValues alternating names and values
     * @return the configuration
     */
    public static OptimConfig of(String optimizer, Object... namesAndValues) {
        Map<String, Object> h = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            h.put((String) namesAndValues[i], value instanceof Number n ? (Object) n.doubleValue() : value);
        }
        return new OptimConfig(optimizer, h);
    }

    /**
     * The case id, e.g. {@code sgd[momentum=0.9,nesterov=true]}.
     * @return the id
     */
    public String id() {
        if (hyperparameters.isEmpty()) {
            return optimizer + "[default]";
        }
        StringJoiner parts = new StringJoiner(",", optimizer + "[", "]");
        hyperparameters.forEach((name, value) -> parts.add(value instanceof Boolean b
                ? (b ? name : name + "=false")
                : name + "=" + BigDecimal.valueOf((Double) value).stripTrailingZeros().toPlainString()));
        return parts.toString();
    }

    /**
     * The value this configuration runs with: its own, else PyTorch's default.
     * @param name the hyperparameter
     * @return the value
     */
    public double number(String name) {
        Object v = hyperparameters.containsKey(name) ? hyperparameters.get(name)
                : OptimGrid.pytorchDefault(optimizer, name);
        return (Double) v;
    }

    /**
     * A boolean hyperparameter: its own value, else PyTorch's default.
     * @param name the hyperparameter
     * @return the value
     */
    public boolean flag(String name) {
        Object v = hyperparameters.containsKey(name) ? hyperparameters.get(name)
                : OptimGrid.pytorchDefault(optimizer, name);
        return (Boolean) v;
    }

    @Override
    public String toString() {
        return id();
    }
}
