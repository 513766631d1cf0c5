package dev.nano.oracle.nn;

import java.util.List;

/**
 * Something stateful that one call of an operator cannot show: running statistics over several
 * batches, a model switched between train and eval, a whole training run. Each scenario runs
 * once through nano and once through PyTorch, step by step, in the same order and from the same
 * data; the PyTorch run is recorded in {@code fixtures/nn/scenarios/<name>.json}.
 */
public interface NnScenario {

    /**
     * The fixture file's name (without .json).
     * @return the name
     */
    String name();

    /**
     * Runs the scenario with nano.
     * @param upstreams the upstream gradients of each step
     * @return the steps
     */
    List<Step> runNano(Upstreams upstreams);

    /**
     * Runs the scenario with PyTorch.
     * @param upstreams the upstream gradients of each step
     * @return the steps
     */
    List<Step> runTorch(Upstreams upstreams);

    /**
     * Whether the drift check replays this scenario with live libtorch (under every CPU dispatch); a
     * scenario that says no gives its reason.
     * @return true unless replaying it costs more than the build can pay
     */
    default boolean checkedLive() {
        return true;
    }
}
