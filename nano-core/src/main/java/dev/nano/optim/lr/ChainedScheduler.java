package dev.nano.optim.lr;

import dev.nano.Tensor;
import dev.nano.optim.Optimizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Steps several chainable schedulers together, each multiplying into the rate the previous one set
 * (PyTorch's {@code ChainedScheduler}): e.g. a {@link ConstantLR} warm-up and an {@link ExponentialLR}
 * decay at once. The schedulers have already taken their first steps when they were built.
 */
public final class ChainedScheduler extends LRScheduler {
    private final List<LRScheduler> schedulers;

    /**
     * Chains schedulers of one optimizer.
     * @param schedulers at least one; no {@link ReduceLROnPlateau}
     */
    public ChainedScheduler(List<LRScheduler> schedulers) {
        this(schedulers, null);
    }

    /**
     * At least one; no {@link ReduceLROnPlateau}; all on {@code optimizer}.
     * @param schedulers at least one; no {@link ReduceLROnPlateau}; all on {@code optimizer}
     * @param optimizer the optimizer, or null for the first scheduler's
     */
    public ChainedScheduler(List<LRScheduler> schedulers, Optimizer optimizer) {
        super(SchedulerList.check("ChainedScheduler", schedulers, optimizer,
                " expects at least one scheduler to be chained, but got no scheduler.").get(0).optimizer());
        this.schedulers = List.copyOf(schedulers);
    }

    /** The chained schedulers, in order. */
    List<LRScheduler> schedulers() {
        return schedulers;
    }

    /** Steps every scheduler, in order. */
    @Override
    public void step() {
        for (LRScheduler s : schedulers) {
            s.step();
        }
        rememberGroupLrs();
    }

    /**
     * Not used: each chained scheduler computes its own step.
     * @return the groups' current rates
     */
    @Override
    protected double[] computeLr() {
        return groupValues("lr");
    }

    /**
     * The chained schedulers' states, under {@code _schedulers.<i>.}, and {@code _last_lr}.
     * @return a new map
     */
    @Override
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("_last_lr", dev.nano.Nano.tensor(getLastLr()));
        SchedulerList.save(schedulers, out);
        return out;
    }

    /**
     * Restores every chained scheduler's state.
     * @param state a map from {@link #stateDict()}
     */
    @Override
    public void loadStateDict(Map<String, Tensor> state) {
        dev.nano.Checks.notNull("ChainedScheduler.loadStateDict", "state", state);
        StateDicts.vector(state, "_last_lr", optimizer.paramGroups().size());
        SchedulerList.load(schedulers, state);
        rememberGroupLrs();
    }
}
