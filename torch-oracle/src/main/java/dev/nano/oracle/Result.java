package dev.nano.oracle;

import java.util.List;

/**
 * What one framework computed for one case: the outputs, the upstream gradient used, each
 * input's gradient (null for inputs that do not require grad), or the error message.
 */
public record Result(List<Value> outputs, Value upstream, List<Value> grads, String error) {

    public static Result failure(String message) {
        return new Result(List.of(), null, List.of(), message == null ? "(no message)" : message);
    }

    public boolean failed() {
        return error != null;
    }
}
