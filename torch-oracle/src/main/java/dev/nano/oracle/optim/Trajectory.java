package dev.nano.oracle.optim;

import dev.nano.oracle.value.Value;

import java.util.List;
import java.util.Map;

/**
 * What a run records after every step: the gradients the step used (null where a parameter had
 * none), every parameter, and every parameter's state by PyTorch's names (the step counter as a
 * 0-d tensor).
 */
public record Trajectory(List<Step> steps) {

    /**
     * One step: the gradients applied, the parameters after it, and each parameter's state.
     * @param grads the gradients
     * @param params the parameters after the step
     * @param state each parameter's state by PyTorch's names
     */
    public record Step(List<Value> grads, List<Value> params, List<Map<String, Value>> state) {
    }
}
