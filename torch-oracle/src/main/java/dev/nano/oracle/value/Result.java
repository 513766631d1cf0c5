package dev.nano.oracle.value;

import java.util.List;

/**
 * What one framework computed for one case: the outputs, the upstream gradient used, each
 * input's gradient (null for inputs that do not require grad), or the error message.
 */
public record Result(List<Value> outputs, Value upstream, List<Value> grads, String error) {

    /**
     * A run that failed with {@code message}.
     * @param message the exception's message
     * @return the result
     */
    public static Result failure(String message) {
        return new Result(List.of(), null, List.of(), message == null ? "(no message)" : message);
    }

    /**
     * Whether the run threw.
     * @return true for an error result
     */
    public boolean failed() {
        return error != null;
    }
}
