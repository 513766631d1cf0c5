package dev.nano.oracle.lr;

import dev.nano.optim.Optimizer;
import dev.nano.optim.lr.LRScheduler;

import java.util.function.Function;
import java.util.function.IntToDoubleFunction;

/**
 * One scheduler configuration, built twice from the same arguments: by the transcription of
 * torch/optim/lr_scheduler.py ({@link TorchLrScheduler}) and by nano. Each run builds the scheduler
 * on a fresh optimizer and takes {@code steps} steps, each {@code optimizer.step()} then
 * {@code scheduler.step()} (or {@code step(metric)}, {@code step(epoch)}).
 *
 * @param id               the fixture case id, e.g. {@code StepLR(step_size=30, gamma=0.1)}
 * @param scheduler        the scheduler's class name, for {@code -Dop=}
 * @param optimizer        the optimizer's parameter groups and class
 * @param steps            how many scheduler steps after construction
 * @param torch            builds the transcription's scheduler
 * @param nano             builds nano's
 * @param metric           ReduceLROnPlateau's metric at step k (1-based), else null
 * @param epoch            the explicit epoch given at step k (CosineAnnealingWarmRestarts.step(epoch)), else null
 * @param optimizerFrom    the first step at which the optimizer steps too (1 normally; later to see the warning)
 * @param errorKeyPhrase   for an error whose Python text names things nano prints differently (an optimizer's
 *                         repr): the part nano's message must contain; null for the whole text
 */
record LrCase(String id, String scheduler, OptimizerSpec optimizer, int steps,
              Function<PyOptimizer, TorchLrScheduler> torch, Function<Optimizer, LRScheduler> nano,
              IntToDoubleFunction metric, IntToDoubleFunction epoch, int optimizerFrom, String errorKeyPhrase) {

    /** The optimizer a case runs on: its class, one learning rate per group, SGD's momentum. */
    record OptimizerSpec(PyOptimizer.Kind kind, double[] lrs, double momentum) {
        PyOptimizer python() {
            return new PyOptimizer(kind, lrs, momentum);
        }
    }

    @Override
    public String toString() {
        return "schedulers[" + id + "]";
    }
}
