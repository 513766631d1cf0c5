package dev.nano.optim.lr;

import dev.nano.Checks;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.optim.Optimizer;
import dev.nano.optim.ParamGroup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every learning-rate scheduler shares, after PyTorch's {@code torch.optim.lr_scheduler.LRScheduler}
 * (torch/optim/lr_scheduler.py): it remembers each group's starting rate ({@code initial_lr}), counts epochs
 * in {@code last_epoch}, and on each {@link #step()} writes a new {@code lr} into every parameter group.
 *
 * <pre>{@code
 * var opt = SGD.builder(model.parameters()).lr(0.1).build();
 * var sched = new StepLR(opt, 30, 0.1);
 * for (int epoch = 0; epoch < 100; epoch++) {
 *     train(opt);          // calls opt.step()
 *     sched.step();        // after the optimizer, as PyTorch 1.1 and later expect
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Construction</b> takes the first step (epoch 0), as PyTorch's {@code _initial_step} does.
 *       With {@code lastEpoch == -1} each group's {@code lr} is copied to {@code initial_lr} unless the
 *       group already has one; any other {@code lastEpoch} resumes a run and needs {@code initial_lr}
 *       in every group.</li>
 *   <li><b>Chainable form.</b> {@code step()} computes the new rate from the group's current rate
 *       ({@code lr · gamma}, not {@code base_lr · gamma^epoch}), as PyTorch's {@code get_lr()} does. The
 *       two differ in the last bits after many steps; nano matches {@code step()}, and other code that
 *       changes a group's {@code lr} between steps composes with the schedule.</li>
 *   <li><b>Warnings</b> go through {@link System.Logger} (java.util.logging by default), with PyTorch's
 *       wording: stepping the scheduler before the optimizer has ever stepped.</li>
 * </ul>
 *
 * A schedule is one subclass implementing {@link #computeLr()}; it calls {@link #initialStep()} as
 * the last line of its constructor (Java initialises a subclass's fields after this constructor runs, so
 * the first step cannot be taken here).
 */
public abstract class LRScheduler {
    private static final System.Logger LOG = System.getLogger(LRScheduler.class.getName());

    /** The optimizer whose groups' {@code lr} this scheduler sets. */
    protected final Optimizer optimizer;
    /** Each group's {@code initial_lr}: the rate the schedule starts from (PyTorch's {@code base_lrs}). */
    protected double[] baseLrs;
    /** The epoch (or batch) of the rate last set; -1 before the first step (PyTorch's {@code last_epoch}). */
    protected int lastEpoch;
    /** How many times {@code step()} has run, the initial step included (PyTorch's {@code _step_count}). */
    protected int stepCount;
    /** True only during the constructor's first step (PyTorch's {@code _is_initial}). */
    protected boolean isInitial;
    private double[] lastLr;

    /**
     * Attaches to {@code optimizer}; PyTorch's {@code LRScheduler.__init__} up to its initial step.
     * @param optimizer the optimizer whose learning rates are scheduled
     * @param lastEpoch -1 to start, or the epoch a resumed run last finished
     */
    protected LRScheduler(Optimizer optimizer, int lastEpoch) {
        this.optimizer = Checks.notNull(getClass().getSimpleName(), "optimizer", optimizer);
        List<ParamGroup> groups = optimizer.paramGroups();
        if (lastEpoch != -1) {
            for (int i = 0; i < groups.size(); i++) {
                if (!groups.get(i).has("initial_lr")) {
                    throw new IllegalArgumentException("param 'initial_lr' is not specified in param_groups[" + i
                            + "] when resuming an optimizer");
                }
            }
        } else {
            for (ParamGroup group : groups) {
                if (!group.has("initial_lr")) { // Python's group.setdefault("initial_lr", group["lr"])
                    group.set("initial_lr", group.lr());
                }
            }
        }
        this.baseLrs = groupValues("initial_lr");
        this.lastEpoch = lastEpoch;
    }

    /**
     * For the schedulers that do not call {@code LRScheduler.__init__} in PyTorch (ChainedScheduler,
     * SequentialLR, ReduceLROnPlateau): no {@code initial_lr}, no initial step.
     */
    LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        this.baseLrs = new double[0];
        rememberGroupLrs();
    }

    /** PyTorch's {@code _initial_step}: the step the constructor takes, without the warnings. */
    protected final void initialStep() {
        stepCount = 0;
        isInitial = true;
        try {
            step();
        } finally {
            isInitial = false;
        }
    }

    /**
     * The learning rates of the next epoch, one per group, from the groups' current rates (PyTorch's
     * {@code get_lr()}, the chainable form). Called with {@link #lastEpoch} already advanced; must not
     * change anything, so that a failure leaves the scheduler as it was.
     * @return one rate per parameter group
     */
    protected abstract double[] computeLr();

    /**
     * The learning rates of {@link #lastEpoch} computed from {@link #baseLrs} alone (PyTorch's
     * {@code _get_closed_form_lr}); {@code SequentialLR} uses it at a milestone. Schedules without a
     * closed form use the chainable one.
     * @return one rate per parameter group
     */
    protected double[] closedFormLr() {
        return computeLr();
    }

    /** Advances one epoch and sets every group's learning rate; call it after {@code optimizer.step()}. */
    public void step() {
        if (stepCount == 1 && optimizer.stepCount() == 0) {
            LOG.log(System.Logger.Level.WARNING, "Detected call of `lr_scheduler.step()` before `optimizer.step()`. "
                    + "In PyTorch 1.1.0 and later, you should call them in the opposite order: `optimizer.step()` "
                    + "before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping the first "
                    + "value of the learning rate schedule. See more details at "
                    + "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate");
        }
        stepCount++; // before the rates are computed: CosineAnnealingLR reads it
        try {
            advance(false);
        } catch (RuntimeException e) {
            stepCount--;
            throw e;
        }
    }

    /**
     * PyTorch's {@code _update_lr}: moves to the next epoch (chainable form) or to {@code epoch} 0 (closed
     * form, {@code closedForm} true) and writes the rates. The new rates are computed before anything
     * changes, so a schedule that fails (a division by zero) leaves the scheduler and the groups as they were.
     * @param closedForm false: {@code lastEpoch + 1}, chainable; true: epoch 0, closed form
     */
    final void advance(boolean closedForm) {
        int previous = lastEpoch;
        lastEpoch = closedForm ? 0 : lastEpoch + 1;
        double[] values;
        try {
            values = closedForm ? closedFormLr() : computeLr();
        } catch (RuntimeException e) {
            lastEpoch = previous;
            throw e;
        }
        setGroupLrs(values);
    }

    /**
     * Writes one rate into each group and remembers them as the last rates.
     * @param values one rate per group
     */
    protected final void setGroupLrs(double[] values) {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < Math.min(groups.size(), values.length); i++) { // Python's zip
            groups.get(i).lr(values[i]);
        }
        rememberGroupLrs();
    }

    /** The groups' current rates become {@link #getLastLr()}. */
    protected final void rememberGroupLrs() {
        lastLr = groupValues("lr");
    }

    /**
     * Every group's value of one hyperparameter.
     * @param name e.g. {@code lr}
     * @return one value per group
     */
    protected final double[] groupValues(String name) {
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] out = new double[groups.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = groups.get(i).getDouble(name);
        }
        return out;
    }

    /**
     * The learning rates the last step set, one per group (PyTorch's {@code get_last_lr()}).
     * @return a new array
     */
    public double[] getLastLr() {
        return lastLr.clone();
    }

    /**
     * The optimizer this scheduler drives.
     * @return the optimizer
     */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * The epoch of the rates last set (PyTorch's {@code last_epoch}).
     * @return -1 before the first step, else the epoch
     */
    public int lastEpoch() {
        return lastEpoch;
    }

    // ---------------------------------------------------------------- state dict

    /**
     * The scheduler's progress as a flat map of tensors, to save next to the optimizer's
     * ({@code SafeTensors.save}): PyTorch's {@code state_dict()} keys {@code base_lrs}, {@code last_epoch},
     * {@code _step_count}, {@code _last_lr}, and the schedule's own counters. The hyperparameters are
     * not included: a scheduler is rebuilt with the same arguments and then loaded, as the optimizer is.
     * @return a new map from key to tensor
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("base_lrs", Nano.tensor(baseLrs.clone()));
        out.put("last_epoch", Nano.scalar(lastEpoch));
        out.put("_step_count", Nano.scalar(stepCount));
        out.put("_last_lr", Nano.tensor(lastLr.clone()));
        saveState(out);
        return out;
    }

    /**
     * Restores what {@link #stateDict()} gave (PyTorch's {@code load_state_dict}). Every key is checked
     * first; on an error nothing changes.
     * @param state a map from {@link #stateDict()}
     */
    public void loadStateDict(Map<String, Tensor> state) {
        Checks.notNull(getClass().getSimpleName() + ".loadStateDict", "state", state);
        int groups = optimizer.paramGroups().size();
        double[] base = StateDicts.vector(state, "base_lrs", groups);
        double epoch = StateDicts.number(state, "last_epoch");
        double steps = StateDicts.number(state, "_step_count");
        double[] last = StateDicts.vector(state, "_last_lr", groups);
        checkState(state);
        baseLrs = base;
        lastEpoch = (int) epoch;
        stepCount = (int) steps;
        lastLr = last;
        loadState(state);
    }

    /**
     * Adds the schedule's own counters to {@code out}.
     * @param out the state dict being built
     */
    protected void saveState(Map<String, Tensor> out) {
    }

    /**
     * Checks the schedule's own keys in {@code state} before anything is loaded.
     * @param state the state dict being loaded
     */
    protected void checkState(Map<String, Tensor> state) {
    }

    /**
     * Loads the schedule's own counters (already checked by {@link #checkState}).
     * @param state the state dict being loaded
     */
    protected void loadState(Map<String, Tensor> state) {
    }

    /**
     * The name of the schedule as PyTorch prints it.
     * @return e.g. {@code StepLR}
     */
    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
