package dev.nano.oracle.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * torch.optim's algorithms written with PyTorch's own tensor operations (libtorch through DJL),
 * in float64, in exactly the order of {@code torch/optim/*.py}'s {@code _single_tensor_*} functions (the
 * path PyTorch runs on CPU).
 *
 * <p>DJL's own optimizers are not torch.optim (Adam puts eps elsewhere, hyperparameters are
 * rounded to float, SGD folds lr into its buffer, RMSprop and Adagrad are missing), hence this.
 * PyTorch updates its tensors in place ({@code param.add_}, {@code exp_avg.lerp_}); here each
 * operation returns a new array, which replaces the old one as the parameter or the state, with
 * the same values. Scalars that PyTorch computes as Python floats are Java doubles, which round
 * the same way; Python's {@code **} is C's {@code pow}, reproduced by {@link #pythonPow}.
 */
public abstract class TorchOptimizer {
    /** The configuration this optimizer runs. */
    protected final OptimConfig config;
    /** Where the state tensors live. */
    protected final NDManager manager;
    private final List<Map<String, NDArray>> state = new ArrayList<>();

    /**
     * An optimizer of {@code paramCount} parameters, with empty state.
     * @param config the optimizer's configuration
     * @param manager where the state tensors live
     * @param paramCount the number of parameters
     */
    protected TorchOptimizer(OptimConfig config, NDManager manager, int paramCount) {
        this.config = config;
        this.manager = manager;
        for (int i = 0; i < paramCount; i++) {
            state.add(new LinkedHashMap<>());
        }
    }

    /**
     * The torch.optim algorithm of a configuration, with its state on {@code manager}.
     * @param config the optimizer's configuration
     * @param manager where the state tensors live
     * @param params the initial parameters (Adagrad's state is built from them)
     * @return the optimizer
     */
    public static TorchOptimizer create(OptimConfig config, NDManager manager, List<NDArray> params) {
        return switch (config.optimizer()) {
            case "sgd" -> new TorchSgd(config, manager, params.size());
            case "rmsprop" -> new TorchRmsprop(config, manager, params.size());
            case "adagrad" -> new TorchAdagrad(config, manager, params);
            case "adam" -> new TorchAdam(config, manager, params.size(), config.flag("decoupled_weight_decay"));
            case "adamw" -> new TorchAdam(config, manager, params.size(), true);
            default -> throw new IllegalArgumentException("unknown optimizer " + config.optimizer());
        };
    }

    /**
     * One step: {@code params[i]} is replaced by its update; a null {@code grads[i]} skips parameter i.
     * @param params the parameters, replaced in place in the array
     * @param grads the gradients, null where none
     */
    public final void step(NDArray[] params, NDArray[] grads) {
        for (int i = 0; i < params.length; i++) {
            if (grads[i] != null) {
                params[i] = update(params[i], grads[i], state.get(i));
            }
        }
    }

    /**
     * The algorithm for one parameter with a gradient; returns the new parameter.
     * @param param the parameter
     * @param grad its gradient
     * @param state its state, by PyTorch's names
     * @return the new parameter
     */
    protected abstract NDArray update(NDArray param, NDArray grad, Map<String, NDArray> state);

    /**
     * Parameter i's state, by PyTorch's names (live: a long run moves it between managers, see e2e).
     * @param i the parameter's index
     * @return the live state map
     */
    public Map<String, NDArray> state(int i) {
        return state.get(i);
    }

    // ---------------------------------------------------------------- shared pieces

    /**
     * Zeros of {@code p}'s shape and dtype, on this optimizer's manager.
     * @param p the template
     * @return a new array
     */
    protected NDArray zerosLike(NDArray p) {
        return manager.zeros(p.getShape(), DataType.FLOAT64);
    }

    /**
     * The 0-d step counter, created at 0.0 when missing, incremented; returns its new value ({@code _get_value}).
     * @param state the parameter's state
     * @return the new step count
     */
    protected double incrementStep(Map<String, NDArray> state) {
        NDArray previous = state.get("step");
        NDArray step = (previous == null ? manager.create(0.0) : previous).add(1.0);
        state.put("step", step);
        return step.toDoubleArray()[0];
    }

    /**
     * {@code start.lerp_(end, weight)} as ATen computes it ({@code Lerp.h}): from the nearer end.
     * The weight is one scalar, so one branch serves every element.
     * @param start the value at weight 0
     * @param end the value at weight 1
     * @param weight where between them
     * @return the interpolation
     */
    protected static NDArray lerp(NDArray start, NDArray end, double weight) {
        NDArray diff = end.sub(start);
        return Math.abs(weight) < 0.5 ? start.add(diff.mul(weight)) : end.sub(diff.mul(1 - weight));
    }

    /**
     * Python's float {@code base ** exponent}, which is C's {@code pow()}: computed by torch.pow on
     * two 0-d float64 tensors, whose one-element kernel calls the same C {@code pow}. (Java's
     * {@code Math.pow} may differ by an ulp, and {@code bias_correction2 ** 0.5} is not
     * {@code sqrt}.)
     * @param base the base
     * @param exponent the exponent
     * @return {@code base ** exponent}
     */
    protected double pythonPow(double base, double exponent) {
        return manager.create(base).pow(manager.create(exponent)).toDoubleArray()[0];
    }
}
