package dev.nano.oracle.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The configurations every optimizer is checked with: PyTorch's own test grid
 * ({@code optim_inputs_func_*} in {@code torch/testing/_internal/common_optimizers.py}, the CPU
 * configurations without Tensor learning rates), plus a learning rate of 10 for each optimizer,
 * which amplifies any divergence.
 *
 * <p>PyTorch's defaults are written here again, from the constructors in {@code torch/optim/*.py}, rather than
 * read from nano, so a wrong default in nano shows up as a difference.
 */
public final class OptimGrid {
    /** The optimizers covered. */
    public static final List<String> OPTIMIZERS = List.of("sgd", "adam", "adamw", "adagrad", "rmsprop");

    private static final Map<String, Map<String, Object>> DEFAULTS = Map.of(
            "sgd", Map.of("lr", 1e-3, "momentum", 0.0, "dampening", 0.0, "weight_decay", 0.0,
                    "nesterov", false, "maximize", false),
            "rmsprop", Map.of("lr", 1e-2, "alpha", 0.99, "eps", 1e-8, "weight_decay", 0.0, "momentum", 0.0,
                    "centered", false, "maximize", false),
            "adagrad", Map.of("lr", 1e-2, "lr_decay", 0.0, "weight_decay", 0.0, "initial_accumulator_value", 0.0,
                    "eps", 1e-10, "maximize", false),
            "adam", Map.of("lr", 1e-3, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8, "weight_decay", 0.0,
                    "amsgrad", false, "maximize", false, "decoupled_weight_decay", false),
            "adamw", Map.of("lr", 1e-3, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8, "weight_decay", 1e-2,
                    "amsgrad", false, "maximize", false));

    private static final double HIGH_LR = 10.0;

    private OptimGrid() {
    }

    /**
     * PyTorch's default for a hyperparameter.
     * @param optimizer the optimizer's name
     * @param name the hyperparameter
     * @return the default
     */
    public static Object pytorchDefault(String optimizer, String name) {
        Object v = DEFAULTS.get(optimizer).get(name);
        if (v == null) {
            throw new IllegalArgumentException(optimizer + " has no hyperparameter " + name);
        }
        return v;
    }

    /**
     * Every configuration of every optimizer.
     * @return the configurations
     */
    public static List<OptimConfig> all() {
        List<OptimConfig> all = new ArrayList<>();
        OPTIMIZERS.forEach(o -> all.addAll(of(o)));
        return all;
    }

    /**
     * The configurations of one optimizer.
     * @param optimizer the optimizer's name
     * @return the configurations
     */
    public static List<OptimConfig> of(String optimizer) {
        List<OptimConfig> c = new ArrayList<>();
        switch (optimizer) {
            case "sgd" -> {
                c.add(OptimConfig.of("sgd"));
                c.add(OptimConfig.of("sgd", "lr", 1e-2));
                c.add(OptimConfig.of("sgd", "momentum", 0.9));
                c.add(OptimConfig.of("sgd", "momentum", 0.9, "dampening", 0.5));
                c.add(OptimConfig.of("sgd", "momentum", 0.9, "weight_decay", 0.1));
                c.add(OptimConfig.of("sgd", "momentum", 0.9, "nesterov", true, "weight_decay", 0.1));
                c.add(OptimConfig.of("sgd", "weight_decay", 0.1, "maximize", true));
            }
            case "adam", "adamw" -> { // PyTorch's AdamW grid is Adam's
                c.add(OptimConfig.of(optimizer));
                c.add(OptimConfig.of(optimizer, "lr", 0.01));
                c.add(OptimConfig.of(optimizer, "weight_decay", 0.1));
                c.add(OptimConfig.of(optimizer, "weight_decay", 0.1, "maximize", true));
                c.add(OptimConfig.of(optimizer, "weight_decay", 0.1, "amsgrad", true));
                // Beyond PyTorch's grid: every hyperparameter nano's builder offers is varied once.
                c.add(OptimConfig.of(optimizer, "beta1", 0.8, "beta2", 0.99, "eps", 1e-6));
                if (optimizer.equals("adam")) {
                    c.add(OptimConfig.of("adam", "weight_decay", 0.1, "decoupled_weight_decay", true));
                }
            }
            case "adagrad" -> {
                c.add(OptimConfig.of("adagrad"));
                c.add(OptimConfig.of("adagrad", "weight_decay", 0.1));
                c.add(OptimConfig.of("adagrad", "weight_decay", 0.1, "maximize", true));
                c.add(OptimConfig.of("adagrad", "lr", 0.1));
                c.add(OptimConfig.of("adagrad", "initial_accumulator_value", 0.1, "weight_decay", 0.1));
                c.add(OptimConfig.of("adagrad", "lr", 0.1, "lr_decay", 0.5, "weight_decay", 0.1));
                c.add(OptimConfig.of("adagrad", "eps", 1e-6)); // beyond PyTorch's grid: vary eps once
            }
            case "rmsprop" -> {
                c.add(OptimConfig.of("rmsprop"));
                c.add(OptimConfig.of("rmsprop", "lr", 1e-3));
                c.add(OptimConfig.of("rmsprop", "weight_decay", 0.1));
                c.add(OptimConfig.of("rmsprop", "weight_decay", 0.1, "centered", true));
                c.add(OptimConfig.of("rmsprop", "weight_decay", 0.1, "centered", true, "momentum", 0.1));
                c.add(OptimConfig.of("rmsprop", "weight_decay", 0.1, "centered", true, "momentum", 0.1,
                        "maximize", true));
                c.add(OptimConfig.of("rmsprop", "alpha", 0.9, "eps", 1e-6)); // beyond PyTorch's grid
            }
            default -> throw new IllegalArgumentException("unknown optimizer " + optimizer);
        }
        c.add(OptimConfig.of(optimizer, "lr", HIGH_LR));
        return c;
    }
}
