package dev.nano.oracle.nn;


import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Tolerance;

import java.util.List;

/**
 * One step of a scenario as one framework computed it: what went in ({@code inputs}, with
 * {@code requiresGrad} set on those whose gradient is reported) and what came out (the outputs,
 * the upstream gradient used and each input's gradient, in {@code result}).
 *
 * @param tolerance how closely the two frameworks must agree on this step
 */
public record Step(String id, List<Input> inputs, Result result, Tolerance tolerance) {

    /**
     * Copies the inputs.
     * @param id the step id
     * @param inputs the inputs
     * @param result the outputs and gradients
     * @param tolerance how closely the frameworks must agree
     */
    public Step {
        inputs = List.copyOf(inputs);
    }

    /**
     * A step at the default tolerance.
     * @param id the step id
     * @param inputs the inputs
     * @param result the outputs and gradients
     * @return the step
     */
    public static Step of(String id, List<Input> inputs, Result result) {
        return new Step(id, inputs, result, Tolerance.DEFAULT);
    }
}
