package dev.nano.optim.lr;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.optim.Optimizer;
import dev.nano.optim.ParamGroup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands the schedule from one scheduler to the next at milestone epochs (PyTorch's {@code SequentialLR}):
 * e.g. a {@link LinearLR} warm-up for 5 epochs, then {@link CosineAnnealingLR}. At construction every
 * group's rate goes back to its {@code initial_lr}, the first steps the schedulers took when built are
 * undone, and only the first scheduler steps. At a milestone the next scheduler restarts at its epoch 0
 * (closed form, where it has one).
 */
public final class SequentialLR extends LRScheduler {
    private final List<LRScheduler> schedulers;
    private final int[] milestones;

    /**
     * Starting at epoch 0.
     * @param optimizer the optimizer every scheduler drives
     * @param schedulers at least one; no {@link ReduceLROnPlateau}
     * @param milestones one fewer than the schedulers: the epochs at which the next one takes over
     */
    public SequentialLR(Optimizer optimizer, List<LRScheduler> schedulers, int... milestones) {
        this(optimizer, schedulers, milestones, -1);
    }

    /**
     * Every argument, in the order of PyTorch's constructor.
     * @param optimizer the optimizer every scheduler drives
     * @param schedulers at least one; no {@link ReduceLROnPlateau}
     * @param milestones one fewer than the schedulers: the epochs at which the next one takes over
     * @param lastEpoch -1 to start
     */
    public SequentialLR(Optimizer optimizer, List<LRScheduler> schedulers, int[] milestones, int lastEpoch) {
        super(check(optimizer, schedulers, milestones));
        this.schedulers = List.copyOf(schedulers);
        this.milestones = milestones.clone();
        this.lastEpoch = lastEpoch + 1;
        for (ParamGroup group : optimizer.paramGroups()) {
            group.lr(group.getDouble("initial_lr"));
        }
        undo(this.schedulers);
        this.schedulers.get(0).initialStep();
        rememberGroupLrs();
    }

    private static Optimizer check(Optimizer optimizer, List<LRScheduler> schedulers, int[] milestones) {
        if (optimizer == null) {
            throw new IllegalArgumentException("SequentialLR: optimizer is null; expected an Optimizer");
        }
        SchedulerList.check("SequentialLR", schedulers, optimizer,
                " expects at least one scheduler, but got no scheduler.");
        if (milestones.length != schedulers.size() - 1) {
            throw new IllegalArgumentException("Sequential Schedulers expects number of schedulers provided to be one "
                    + "more than the number of milestone points, but got number of schedulers " + schedulers.size()
                    + " and the number of milestones to be equal to " + milestones.length);
        }
        for (int i = 0; i < optimizer.paramGroups().size(); i++) {
            if (!optimizer.paramGroups().get(i).has("initial_lr")) { // Python: KeyError: 'initial_lr'
                throw new IllegalArgumentException("SequentialLR: param_groups[" + i + "] has no 'initial_lr'");
            }
        }
        return optimizer;
    }

    /** PyTorch's {@code recursive_undo}: every scheduler, nested ones included, back one epoch. */
    private static void undo(List<LRScheduler> schedulers) {
        for (LRScheduler s : schedulers) {
            if (s instanceof SequentialLR seq) {
                undo(seq.schedulers);
            } else if (s instanceof ChainedScheduler chained) {
                undo(chained.schedulers());
            } else {
                s.lastEpoch -= 1;
            }
        }
    }

    /** The next epoch, stepped by the scheduler whose turn it is. */
    @Override
    public void step() {
        lastEpoch += 1;
        int idx = SchedulerList.bisectRight(milestones, lastEpoch);
        LRScheduler scheduler = schedulers.get(idx);
        try {
            if (idx > 0 && milestones[idx - 1] == lastEpoch) {
                scheduler.advance(true);
            } else {
                scheduler.step();
            }
        } catch (RuntimeException e) {
            lastEpoch -= 1;
            throw e;
        }
        rememberGroupLrs();
    }

    /**
     * Not used: the scheduler whose turn it is computes the step.
     * @return the groups' current rates
     */
    @Override
    protected double[] computeLr() {
        return groupValues("lr");
    }

    /**
     * {@code last_epoch}, {@code _last_lr} and the schedulers' states under {@code _schedulers.<i>.}.
     * @return a new map
     */
    @Override
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("last_epoch", Nano.scalar(lastEpoch));
        out.put("_last_lr", Nano.tensor(getLastLr()));
        SchedulerList.save(schedulers, out);
        return out;
    }

    /**
     * Restores {@code last_epoch} and every scheduler's state.
     * @param state a map from {@link #stateDict()}
     */
    @Override
    public void loadStateDict(Map<String, Tensor> state) {
        dev.nano.Checks.notNull("SequentialLR.loadStateDict", "state", state);
        double epoch = StateDicts.number(state, "last_epoch");
        StateDicts.vector(state, "_last_lr", optimizer.paramGroups().size());
        SchedulerList.load(schedulers, state);
        lastEpoch = (int) epoch;
        rememberGroupLrs();
    }
}
