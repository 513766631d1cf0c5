package dev.nano.oracle.lr;

import dev.nano.optim.Optimizer;
import dev.nano.optim.lr.ChainedScheduler;
import dev.nano.optim.lr.ConstantLR;
import dev.nano.optim.lr.CosineAnnealingLR;
import dev.nano.optim.lr.CosineAnnealingWarmRestarts;
import dev.nano.optim.lr.CyclicLR;
import dev.nano.optim.lr.ExponentialLR;
import dev.nano.optim.lr.LRScheduler;
import dev.nano.optim.lr.LambdaLR;
import dev.nano.optim.lr.LinearLR;
import dev.nano.optim.lr.MultiStepLR;
import dev.nano.optim.lr.MultiplicativeLR;
import dev.nano.optim.lr.OneCycleLR;
import dev.nano.optim.lr.PolynomialLR;
import dev.nano.optim.lr.ReduceLROnPlateau;
import dev.nano.optim.lr.SequentialLR;
import dev.nano.optim.lr.StepLR;
import dev.nano.oracle.lr.LrCase.OptimizerSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;

/**
 * The scheduler configurations: every schedule with PyTorch's defaults and with odd arguments
 * (several groups, a milestone listed twice, periods of 1, rates that rise), runs long enough to wrap
 * around ({@value #STEPS} steps or more), and the arguments PyTorch rejects, each with its message.
 */
final class LrCases {
    static final int STEPS = 120;

    private LrCases() {
    }

    private static final List<LrCase> ALL = build();

    static List<LrCase> all() {
        return ALL;
    }

    private static OptimizerSpec sgd(double... lrs) {
        return new OptimizerSpec(PyOptimizer.Kind.SGD, lrs, 0.0);
    }

    private static OptimizerSpec sgdMomentum(double... lrs) {
        return new OptimizerSpec(PyOptimizer.Kind.SGD, lrs, 0.9);
    }

    private static OptimizerSpec adam(double... lrs) {
        return new OptimizerSpec(PyOptimizer.Kind.ADAM, lrs, 0.0);
    }

    private static OptimizerSpec adagrad(double... lrs) {
        return new OptimizerSpec(PyOptimizer.Kind.ADAGRAD, lrs, 0.0);
    }

    /** Collects the cases in the order of lr_scheduler.py. */
    private static final class Builder {
        final List<LrCase> cases = new ArrayList<>();

        void add(String id, OptimizerSpec opt, Function<PyOptimizer, TorchLrScheduler> torch,
                 Function<Optimizer, LRScheduler> nano) {
            add(id, opt, STEPS, torch, nano);
        }

        void add(String id, OptimizerSpec opt, int steps, Function<PyOptimizer, TorchLrScheduler> torch,
                 Function<Optimizer, LRScheduler> nano) {
            cases.add(new LrCase(id, id.substring(0, id.indexOf('(')), opt, steps, torch, nano, null, null, 1, null));
        }

        void add(LrCase c) {
            cases.add(c);
        }
    }

    private static List<LrCase> build() {
        Builder b = new Builder();
        IntToDoubleFunction pow95 = e -> Math.pow(0.95, e);
        IntToDoubleFunction every30 = e -> Math.floorDiv(e, 30);
        IntToDoubleFunction const95 = e -> 0.95;
        IntToDoubleFunction wobble = e -> e % 2 == 0 ? 1.1 : 0.9;

        // LambdaLR
        b.add("LambdaLR(lr_lambda=lambda e: 0.95 ** e)", sgd(0.05),
                o -> new TorchLrScheduler.LambdaLR(o, List.of(pow95), false, -1), o -> new LambdaLR(o, pow95));
        b.add("LambdaLR(lr_lambda=[lambda e: e // 30, lambda e: 0.95 ** e]) two groups", sgd(0.05, 0.2),
                o -> new TorchLrScheduler.LambdaLR(o, List.of(every30, pow95), true, -1),
                o -> new LambdaLR(o, List.of(every30, pow95), -1));
        b.add("LambdaLR(lr_lambda=[one function]) two groups", sgd(0.05, 0.2),
                o -> new TorchLrScheduler.LambdaLR(o, List.of(pow95), true, -1),
                o -> new LambdaLR(o, List.of(pow95), -1));
        // MultiplicativeLR
        b.add("MultiplicativeLR(lr_lambda=lambda e: 0.95)", sgd(0.05),
                o -> new TorchLrScheduler.MultiplicativeLR(o, List.of(const95), false, -1),
                o -> new MultiplicativeLR(o, const95));
        b.add("MultiplicativeLR(lr_lambda=[1.1 or 0.9 by parity, 0.95]) two groups", sgd(0.1, 1e-3),
                o -> new TorchLrScheduler.MultiplicativeLR(o, List.of(wobble, const95), true, -1),
                o -> new MultiplicativeLR(o, List.of(wobble, const95), -1));
        b.add("MultiplicativeLR(lr_lambda=[three functions]) two groups", sgd(0.1, 1e-3),
                o -> new TorchLrScheduler.MultiplicativeLR(o, List.of(wobble, const95, pow95), true, -1),
                o -> new MultiplicativeLR(o, List.of(wobble, const95, pow95), -1));
        // StepLR
        b.add("StepLR(step_size=30, gamma=0.1)", sgd(0.05),
                o -> new TorchLrScheduler.StepLR(o, 30, 0.1, -1), o -> new StepLR(o, 30));
        b.add("StepLR(step_size=7, gamma=0.5) two groups", sgd(0.1, 0.3),
                o -> new TorchLrScheduler.StepLR(o, 7, 0.5, -1), o -> new StepLR(o, 7, 0.5, -1));
        b.add("StepLR(step_size=1, gamma=0.97)", adam(1e-3),
                o -> new TorchLrScheduler.StepLR(o, 1, 0.97, -1), o -> new StepLR(o, 1, 0.97, -1));
        b.add("StepLR(step_size=10, gamma=1.5) rising", sgd(1e-4),
                o -> new TorchLrScheduler.StepLR(o, 10, 1.5, -1), o -> new StepLR(o, 10, 1.5, -1));
        b.add("StepLR(step_size=0)", sgd(0.1),
                o -> new TorchLrScheduler.StepLR(o, 0, 0.1, -1), o -> new StepLR(o, 0, 0.1, -1));
        b.add("StepLR(step_size=5, last_epoch=3) without initial_lr", sgd(0.1),
                o -> new TorchLrScheduler.StepLR(o, 5, 0.1, 3), o -> new StepLR(o, 5, 0.1, 3));
        // MultiStepLR
        b.add("MultiStepLR(milestones=[30, 80], gamma=0.1)", sgd(0.05),
                o -> new TorchLrScheduler.MultiStepLR(o, new int[] {30, 80}, 0.1, -1),
                o -> new MultiStepLR(o, 30, 80));
        b.add("MultiStepLR(milestones=[10, 10, 50], gamma=0.3) repeated milestone", sgd(0.2, 0.02),
                o -> new TorchLrScheduler.MultiStepLR(o, new int[] {10, 10, 50}, 0.3, -1),
                o -> new MultiStepLR(o, new int[] {10, 10, 50}, 0.3, -1));
        b.add("MultiStepLR(milestones=[90, 5, 40], gamma=0.5) unsorted", adam(3e-4),
                o -> new TorchLrScheduler.MultiStepLR(o, new int[] {90, 5, 40}, 0.5, -1),
                o -> new MultiStepLR(o, new int[] {90, 5, 40}, 0.5, -1));
        // ConstantLR
        b.add("ConstantLR()", sgd(0.05),
                o -> new TorchLrScheduler.ConstantLR(o, 1.0 / 3, 5, -1), o -> new ConstantLR(o));
        b.add("ConstantLR(factor=0.5, total_iters=40) two groups", sgd(0.05, 0.5),
                o -> new TorchLrScheduler.ConstantLR(o, 0.5, 40, -1), o -> new ConstantLR(o, 0.5, 40, -1));
        b.add("ConstantLR(factor=0.0, total_iters=10)", sgd(0.05),
                o -> new TorchLrScheduler.ConstantLR(o, 0.0, 10, -1), o -> new ConstantLR(o, 0.0, 10, -1));
        b.add("ConstantLR(factor=1.5)", sgd(0.05),
                o -> new TorchLrScheduler.ConstantLR(o, 1.5, 5, -1), o -> new ConstantLR(o, 1.5, 5, -1));
        b.add("ConstantLR(factor=-0.1)", sgd(0.05),
                o -> new TorchLrScheduler.ConstantLR(o, -0.1, 5, -1), o -> new ConstantLR(o, -0.1, 5, -1));
        // LinearLR
        b.add("LinearLR()", sgd(0.05),
                o -> new TorchLrScheduler.LinearLR(o, 1.0 / 3, 1.0, 5, -1), o -> new LinearLR(o));
        b.add("LinearLR(start_factor=0.05, total_iters=40)", sgd(0.05, 0.001),
                o -> new TorchLrScheduler.LinearLR(o, 0.05, 1.0, 40, -1), o -> new LinearLR(o, 0.05, 1.0, 40, -1));
        b.add("LinearLR(start_factor=1.0, end_factor=0.1, total_iters=100) decay", adam(1e-3),
                o -> new TorchLrScheduler.LinearLR(o, 1.0, 0.1, 100, -1), o -> new LinearLR(o, 1.0, 0.1, 100, -1));
        b.add("LinearLR(start_factor=0.7, end_factor=0.0, total_iters=120) to zero", sgd(0.3),
                o -> new TorchLrScheduler.LinearLR(o, 0.7, 0.0, 120, -1), o -> new LinearLR(o, 0.7, 0.0, 120, -1));
        b.add("LinearLR(total_iters=0)", sgd(0.05),
                o -> new TorchLrScheduler.LinearLR(o, 0.5, 1.0, 0, -1), o -> new LinearLR(o, 0.5, 1.0, 0, -1));
        b.add("LinearLR(start_factor=0)", sgd(0.05),
                o -> new TorchLrScheduler.LinearLR(o, 0.0, 1.0, 5, -1), o -> new LinearLR(o, 0.0, 1.0, 5, -1));
        b.add("LinearLR(end_factor=1.5)", sgd(0.05),
                o -> new TorchLrScheduler.LinearLR(o, 0.5, 1.5, 5, -1), o -> new LinearLR(o, 0.5, 1.5, 5, -1));
        // ExponentialLR
        b.add("ExponentialLR(gamma=0.95)", sgd(0.05),
                o -> new TorchLrScheduler.ExponentialLR(o, 0.95, -1), o -> new ExponentialLR(o, 0.95));
        b.add("ExponentialLR(gamma=0.999) two groups", adam(1e-3, 1e-2),
                o -> new TorchLrScheduler.ExponentialLR(o, 0.999, -1), o -> new ExponentialLR(o, 0.999, -1));
        b.add("ExponentialLR(gamma=1.0)", sgd(0.1),
                o -> new TorchLrScheduler.ExponentialLR(o, 1.0, -1), o -> new ExponentialLR(o, 1.0, -1));
        b.add("ExponentialLR(gamma=0.5) underflows", sgd(1.0), 1100,
                o -> new TorchLrScheduler.ExponentialLR(o, 0.5, -1), o -> new ExponentialLR(o, 0.5, -1));
        // SequentialLR
        b.add("SequentialLR([ConstantLR(factor=0.1, total_iters=20), ExponentialLR(gamma=0.9)], milestones=[20])",
                sgd(0.05),
                o -> new TorchLrScheduler.SequentialLR(o, List.of(new TorchLrScheduler.ConstantLR(o, 0.1, 20, -1),
                        new TorchLrScheduler.ExponentialLR(o, 0.9, -1)), new int[] {20}, -1),
                o -> new SequentialLR(o, List.of(new ConstantLR(o, 0.1, 20, -1), new ExponentialLR(o, 0.9)), 20));
        b.add("SequentialLR([LinearLR(start_factor=0.1, total_iters=10), CosineAnnealingLR(T_max=110)], "
                        + "milestones=[10]) warm-up then cosine", sgd(0.1, 0.01),
                o -> new TorchLrScheduler.SequentialLR(o, List.of(new TorchLrScheduler.LinearLR(o, 0.1, 1.0, 10, -1),
                        new TorchLrScheduler.CosineAnnealingLR(o, 110, 0.0, -1)), new int[] {10}, -1),
                o -> new SequentialLR(o, List.of(new LinearLR(o, 0.1, 1.0, 10, -1), new CosineAnnealingLR(o, 110)), 10));
        b.add("SequentialLR([StepLR(step_size=3), MultiStepLR(milestones=[5, 15]), PolynomialLR(total_iters=50)], "
                        + "milestones=[10, 40])", sgd(0.5),
                o -> new TorchLrScheduler.SequentialLR(o, List.of(new TorchLrScheduler.StepLR(o, 3, 0.1, -1),
                        new TorchLrScheduler.MultiStepLR(o, new int[] {5, 15}, 0.1, -1),
                        new TorchLrScheduler.PolynomialLR(o, 50, 1.0, -1)), new int[] {10, 40}, -1),
                o -> new SequentialLR(o, List.of(new StepLR(o, 3), new MultiStepLR(o, 5, 15),
                        new PolynomialLR(o, 50, 1.0, -1)), 10, 40));
        b.add("SequentialLR([ExponentialLR(gamma=0.9)], milestones=[5]) one milestone too many", sgd(0.05),
                o -> new TorchLrScheduler.SequentialLR(o, List.of(new TorchLrScheduler.ExponentialLR(o, 0.9, -1)),
                        new int[] {5}, -1),
                o -> new SequentialLR(o, List.of(new ExponentialLR(o, 0.9)), 5));
        b.add("SequentialLR([], milestones=[])", sgd(0.05),
                o -> new TorchLrScheduler.SequentialLR(o, List.of(), new int[0], -1),
                o -> new SequentialLR(o, List.of()));
        // PolynomialLR
        b.add("PolynomialLR()", sgd(0.05),
                o -> new TorchLrScheduler.PolynomialLR(o, 5, 1.0, -1), o -> new PolynomialLR(o));
        b.add("PolynomialLR(total_iters=50, power=0.9)", sgd(0.05, 0.5),
                o -> new TorchLrScheduler.PolynomialLR(o, 50, 0.9, -1), o -> new PolynomialLR(o, 50, 0.9, -1));
        b.add("PolynomialLR(total_iters=110, power=2.0)", adam(1e-3),
                o -> new TorchLrScheduler.PolynomialLR(o, 110, 2.0, -1), o -> new PolynomialLR(o, 110, 2.0, -1));
        b.add("PolynomialLR(total_iters=0)", sgd(0.05),
                o -> new TorchLrScheduler.PolynomialLR(o, 0, 1.0, -1), o -> new PolynomialLR(o, 0, 1.0, -1));
        // CosineAnnealingLR
        b.add("CosineAnnealingLR(T_max=100)", sgd(0.05),
                o -> new TorchLrScheduler.CosineAnnealingLR(o, 100, 0.0, -1), o -> new CosineAnnealingLR(o, 100));
        b.add("CosineAnnealingLR(T_max=10, eta_min=0.001) several periods", sgd(0.1, 0.05),
                o -> new TorchLrScheduler.CosineAnnealingLR(o, 10, 0.001, -1),
                o -> new CosineAnnealingLR(o, 10, 0.001, -1));
        b.add("CosineAnnealingLR(T_max=1)", sgd(0.1),
                o -> new TorchLrScheduler.CosineAnnealingLR(o, 1, 0.0, -1), o -> new CosineAnnealingLR(o, 1));
        b.add("CosineAnnealingLR(T_max=7, eta_min=0.2) eta_min above one group's lr", sgd(0.1, 0.9),
                o -> new TorchLrScheduler.CosineAnnealingLR(o, 7, 0.2, -1), o -> new CosineAnnealingLR(o, 7, 0.2, -1));
        b.add("CosineAnnealingLR(T_max=1000) long", adam(3e-4), 1000,
                o -> new TorchLrScheduler.CosineAnnealingLR(o, 1000, 0.0, -1), o -> new CosineAnnealingLR(o, 1000));
        b.add("CosineAnnealingLR(T_max=0)", sgd(0.1),
                o -> new TorchLrScheduler.CosineAnnealingLR(o, 0, 0.0, -1), o -> new CosineAnnealingLR(o, 0));
        // ChainedScheduler
        b.add("ChainedScheduler([ConstantLR(factor=0.1, total_iters=20), ExponentialLR(gamma=0.9)])", sgd(0.05),
                o -> new TorchLrScheduler.ChainedScheduler(List.of(new TorchLrScheduler.ConstantLR(o, 0.1, 20, -1),
                        new TorchLrScheduler.ExponentialLR(o, 0.9, -1)), null),
                o -> new ChainedScheduler(List.of(new ConstantLR(o, 0.1, 20, -1), new ExponentialLR(o, 0.9))));
        b.add("ChainedScheduler([LinearLR(start_factor=0.2, total_iters=8), StepLR(step_size=25, gamma=0.5), "
                        + "CosineAnnealingLR(T_max=40)]) two groups", sgd(0.1, 0.01),
                o -> new TorchLrScheduler.ChainedScheduler(List.of(new TorchLrScheduler.LinearLR(o, 0.2, 1.0, 8, -1),
                        new TorchLrScheduler.StepLR(o, 25, 0.5, -1),
                        new TorchLrScheduler.CosineAnnealingLR(o, 40, 0.0, -1)), o),
                o -> new ChainedScheduler(List.of(new LinearLR(o, 0.2, 1.0, 8, -1), new StepLR(o, 25, 0.5, -1),
                        new CosineAnnealingLR(o, 40)), o));
        b.add("ChainedScheduler([])", sgd(0.05),
                o -> new TorchLrScheduler.ChainedScheduler(List.of(), o), o -> new ChainedScheduler(List.of(), o));
        b.add(new LrCase("ChainedScheduler([StepLR(opt), StepLR(other optimizer)])", "ChainedScheduler", sgd(0.05),
                STEPS,
                o -> new TorchLrScheduler.ChainedScheduler(List.of(new TorchLrScheduler.StepLR(o, 5, 0.1, -1),
                        new TorchLrScheduler.StepLR(sgd(0.05).python(), 5, 0.1, -1)), null),
                o -> new ChainedScheduler(List.of(new StepLR(o, 5),
                        new StepLR(LrRun.nanoOptimizer(sgd(0.05)), 5))),
                null, null, 1, "ChainedScheduler expects all schedulers to belong to the same optimizer, but got "
                + "scheduler StepLR at index 1 has "));
        b.add("ChainedScheduler([ReduceLROnPlateau])", sgd(0.05),
                o -> new TorchLrScheduler.ChainedScheduler(List.of(new TorchLrScheduler.ReduceLROnPlateau(o, "min",
                        0.1, 10, 1e-4, "rel", 0, null, 0, 1e-8)), o),
                o -> new ChainedScheduler(List.of(ReduceLROnPlateau.builder(o).build()), o));
        // ReduceLROnPlateau
        plateau(b);
        // CyclicLR
        cyclic(b);
        // CosineAnnealingWarmRestarts
        warmRestarts(b);
        // OneCycleLR
        oneCycle(b);
        // The base class: resuming, and the step-order warning
        b.add("ExponentialLR(gamma=0.9, last_epoch=10) resumed with initial_lr", sgd(0.05),
                o -> {
                    o.paramGroups.get(0).put("initial_lr", 0.1);
                    return new TorchLrScheduler.ExponentialLR(o, 0.9, 10);
                },
                o -> {
                    o.paramGroups().get(0).set("initial_lr", 0.1);
                    return new ExponentialLR(o, 0.9, 10);
                });
        b.add("CosineAnnealingLR(T_max=50, last_epoch=20) resumed with initial_lr", sgd(0.05),
                o -> {
                    o.paramGroups.get(0).put("initial_lr", 0.1);
                    return new TorchLrScheduler.CosineAnnealingLR(o, 50, 0.0, 20);
                },
                o -> {
                    o.paramGroups().get(0).set("initial_lr", 0.1);
                    return new CosineAnnealingLR(o, 50, 0.0, 20);
                });
        b.add("ExponentialLR(gamma=0.9, last_epoch=0) second group without initial_lr", sgd(0.05, 0.1),
                o -> {
                    o.paramGroups.get(0).put("initial_lr", 0.1);
                    return new TorchLrScheduler.ExponentialLR(o, 0.9, 0);
                },
                o -> {
                    o.paramGroups().get(0).set("initial_lr", 0.1);
                    return new ExponentialLR(o, 0.9, 0);
                });
        b.add(new LrCase("StepLR(step_size=2) stepped 3 times before the optimizer", "StepLR", sgd(0.1), STEPS,
                o -> new TorchLrScheduler.StepLR(o, 2, 0.5, -1), o -> new StepLR(o, 2, 0.5, -1), null, null, 4, null));
        b.add(new LrCase("SequentialLR([ConstantLR, ExponentialLR], milestones=[3]) stepped before the optimizer",
                "SequentialLR", sgd(0.1), STEPS,
                o -> new TorchLrScheduler.SequentialLR(o, List.of(new TorchLrScheduler.ConstantLR(o, 0.5, 5, -1),
                        new TorchLrScheduler.ExponentialLR(o, 0.9, -1)), new int[] {3}, -1),
                o -> new SequentialLR(o, List.of(new ConstantLR(o, 0.5, 5, -1), new ExponentialLR(o, 0.9)), 3),
                null, null, 10, null));
        return List.copyOf(b.cases);
    }

    private static void plateau(Builder b) {
        IntToDoubleFunction fallsThenFlat = k -> k < 30 ? 1.0 / k : 1.0 / 30 + 1e-6 * (k % 3);
        IntToDoubleFunction noisy = k -> Math.sin(k * 0.7) + 0.01 * k;
        IntToDoubleFunction risesThenFlat = k -> k < 50 ? k : 50;
        b.add(new LrCase("ReduceLROnPlateau(patience=5) falling then flat loss", "ReduceLROnPlateau", sgd(0.1), STEPS,
                o -> new TorchLrScheduler.ReduceLROnPlateau(o, "min", 0.1, 5, 1e-4, "rel", 0, null, 0, 1e-8),
                o -> ReduceLROnPlateau.builder(o).patience(5).build(), fallsThenFlat, null, 1, null));
        b.add(new LrCase("ReduceLROnPlateau(factor=0.5, patience=2, cooldown=3, min_lr=[1e-3, 0.0], "
                + "threshold_mode='abs', threshold=0.01) noisy loss, two groups", "ReduceLROnPlateau", sgd(0.1, 0.05),
                STEPS,
                o -> new TorchLrScheduler.ReduceLROnPlateau(o, "min", 0.5, 2, 0.01, "abs", 3, new double[] {1e-3, 0.0},
                        0, 1e-8),
                o -> ReduceLROnPlateau.builder(o).factor(0.5).patience(2).cooldown(3).minLr(new double[] {1e-3, 0.0})
                        .threshold(0.01, "abs").build(), noisy, null, 1, null));
        b.add(new LrCase("ReduceLROnPlateau(mode='max', patience=0, min_lr=1e-4) rising then flat accuracy",
                "ReduceLROnPlateau", adam(1e-2), STEPS,
                o -> new TorchLrScheduler.ReduceLROnPlateau(o, "max", 0.1, 0, 1e-4, "rel", 0, null, 1e-4, 1e-8),
                o -> ReduceLROnPlateau.builder(o).mode("max").patience(0).minLr(1e-4).build(), risesThenFlat, null, 1,
                null));
        b.add(new LrCase("ReduceLROnPlateau(mode='max', threshold_mode='abs', eps=0.01) NaN metrics",
                "ReduceLROnPlateau", sgd(0.1), STEPS,
                o -> new TorchLrScheduler.ReduceLROnPlateau(o, "max", 0.1, 3, 1e-4, "abs", 0, null, 0, 0.01),
                o -> ReduceLROnPlateau.builder(o).mode("max").threshold(1e-4, "abs").patience(3).eps(0.01).build(),
                k -> k % 7 == 0 ? k : Double.NaN, null, 1, null));
        b.add("ReduceLROnPlateau(factor=1.0)", sgd(0.1),
                o -> new TorchLrScheduler.ReduceLROnPlateau(o, "min", 1.0, 10, 1e-4, "rel", 0, null, 0, 1e-8),
                o -> ReduceLROnPlateau.builder(o).factor(1.0).build());
        b.add("ReduceLROnPlateau(mode='avg')", sgd(0.1),
                o -> new TorchLrScheduler.ReduceLROnPlateau(o, "avg", 0.1, 10, 1e-4, "rel", 0, null, 0, 1e-8),
                o -> ReduceLROnPlateau.builder(o).mode("avg").build());
        b.add("ReduceLROnPlateau(threshold_mode='relative')", sgd(0.1),
                o -> new TorchLrScheduler.ReduceLROnPlateau(o, "min", 0.1, 10, 1e-4, "relative", 0, null, 0, 1e-8),
                o -> ReduceLROnPlateau.builder(o).threshold(1e-4, "relative").build());
        b.add("ReduceLROnPlateau(min_lr=[0.0]) two groups", sgd(0.1, 0.2),
                o -> new TorchLrScheduler.ReduceLROnPlateau(o, "min", 0.1, 10, 1e-4, "rel", 0, new double[] {0.0}, 0,
                        1e-8),
                o -> ReduceLROnPlateau.builder(o).minLr(new double[] {0.0}).build());
    }

    private static TorchLrScheduler.CyclicLR.Args cyclicArgs(double baseLr, double maxLr, int up, Integer down,
                                                             String mode, double gamma, boolean cycleMomentum) {
        return new TorchLrScheduler.CyclicLR.Args(null, baseLr, null, maxLr, up, down, mode, gamma, null, "cycle",
                cycleMomentum, 0.8, 0.9, -1);
    }

    private static void cyclic(Builder b) {
        b.add("CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=10)", sgdMomentum(0.05),
                o -> new TorchLrScheduler.CyclicLR(o, cyclicArgs(0.01, 0.1, 10, null, "triangular", 1.0, true)),
                o -> CyclicLR.builder(o, 0.01, 0.1).stepSizeUp(10).build());
        b.add("CyclicLR(base_lr=0.001, max_lr=0.006, step_size_up=5, step_size_down=15, mode='triangular2')",
                sgdMomentum(0.05),
                o -> new TorchLrScheduler.CyclicLR(o, cyclicArgs(0.001, 0.006, 5, 15, "triangular2", 1.0, true)),
                o -> CyclicLR.builder(o, 0.001, 0.006).stepSizeUp(5).stepSizeDown(15).mode("triangular2").build());
        b.add("CyclicLR(base_lr=1e-4, max_lr=1e-2, step_size_up=8, mode='exp_range', gamma=0.99) Adam", adam(1e-3),
                o -> new TorchLrScheduler.CyclicLR(o, cyclicArgs(1e-4, 1e-2, 8, null, "exp_range", 0.99, true)),
                o -> CyclicLR.builder(o, 1e-4, 1e-2).stepSizeUp(8).mode("exp_range").gamma(0.99).build());
        b.add("CyclicLR(base_lr=[0.01, 0.001], max_lr=[0.1, 0.05], step_size_up=7, cycle_momentum=False) Adagrad",
                adagrad(0.1, 0.1),
                o -> new TorchLrScheduler.CyclicLR(o, new TorchLrScheduler.CyclicLR.Args(new double[] {0.01, 0.001},
                        0, new double[] {0.1, 0.05}, 0, 7, null, "triangular", 1.0, null, "cycle", false, 0.8, 0.9, -1)),
                o -> CyclicLR.builder(o, new double[] {0.01, 0.001}, new double[] {0.1, 0.05}).stepSizeUp(7)
                        .cycleMomentum(false).build());
        java.util.function.DoubleUnaryOperator decay = x -> 1 / (1 + 0.05 * x);
        b.add("CyclicLR(base_lr=0.01, max_lr=0.2, step_size_up=6, step_size_down=3, scale_fn=lambda x: "
                + "1 / (1 + 0.05 x), scale_mode='iterations')", sgdMomentum(0.05),
                o -> new TorchLrScheduler.CyclicLR(o, new TorchLrScheduler.CyclicLR.Args(null, 0.01, null, 0.2, 6, 3,
                        "triangular", 1.0, decay, "iterations", true, 0.8, 0.9, -1)),
                o -> CyclicLR.builder(o, 0.01, 0.2).stepSizeUp(6).stepSizeDown(3).scaleFn(decay, "iterations").build());
        b.add("CyclicLR(step_size_up=1, step_size_down=0)", sgdMomentum(0.05),
                o -> new TorchLrScheduler.CyclicLR(o, cyclicArgs(0.01, 0.1, 1, 0, "triangular", 1.0, true)),
                o -> CyclicLR.builder(o, 0.01, 0.1).stepSizeUp(1).stepSizeDown(0).build());
        b.add("CyclicLR(step_size_up=0, step_size_down=0)", sgdMomentum(0.05),
                o -> new TorchLrScheduler.CyclicLR(o, cyclicArgs(0.01, 0.1, 0, 0, "triangular", 1.0, true)),
                o -> CyclicLR.builder(o, 0.01, 0.1).stepSizeUp(0).stepSizeDown(0).build());
        b.add("CyclicLR(mode='sawtooth')", sgdMomentum(0.05),
                o -> new TorchLrScheduler.CyclicLR(o, cyclicArgs(0.01, 0.1, 10, null, "sawtooth", 1.0, true)),
                o -> CyclicLR.builder(o, 0.01, 0.1).stepSizeUp(10).mode("sawtooth").build());
        b.add("CyclicLR(cycle_momentum=True) Adagrad", adagrad(0.1),
                o -> new TorchLrScheduler.CyclicLR(o, cyclicArgs(0.01, 0.1, 10, null, "triangular", 1.0, true)),
                o -> CyclicLR.builder(o, 0.01, 0.1).stepSizeUp(10).build());
        b.add("CyclicLR(base_lr=[0.01, 0.02, 0.03]) two groups", sgdMomentum(0.05, 0.05),
                o -> new TorchLrScheduler.CyclicLR(o, new TorchLrScheduler.CyclicLR.Args(
                        new double[] {0.01, 0.02, 0.03}, 0, new double[] {0.1, 0.1}, 0, 10, null, "triangular", 1.0,
                        null, "cycle", true, 0.8, 0.9, -1)),
                o -> CyclicLR.builder(o, new double[] {0.01, 0.02, 0.03}, new double[] {0.1, 0.1}).stepSizeUp(10)
                        .build());
    }

    private static void warmRestarts(Builder b) {
        b.add("CosineAnnealingWarmRestarts(T_0=10)", sgd(0.05),
                o -> new TorchLrScheduler.CosineAnnealingWarmRestarts(o, 10, 1, 0.0, -1),
                o -> new CosineAnnealingWarmRestarts(o, 10));
        b.add("CosineAnnealingWarmRestarts(T_0=5, T_mult=2, eta_min=1e-4) two groups", sgd(0.05, 0.5),
                o -> new TorchLrScheduler.CosineAnnealingWarmRestarts(o, 5, 2, 1e-4, -1),
                o -> new CosineAnnealingWarmRestarts(o, 5, 2, 1e-4, -1));
        b.add("CosineAnnealingWarmRestarts(T_0=1)", sgd(0.05),
                o -> new TorchLrScheduler.CosineAnnealingWarmRestarts(o, 1, 1, 0.0, -1),
                o -> new CosineAnnealingWarmRestarts(o, 1));
        b.add(new LrCase("CosineAnnealingWarmRestarts(T_0=3, T_mult=3).step(epoch + i / 7) per batch",
                "CosineAnnealingWarmRestarts", adam(1e-3), 140,
                o -> new TorchLrScheduler.CosineAnnealingWarmRestarts(o, 3, 3, 0.0, -1),
                o -> new CosineAnnealingWarmRestarts(o, 3, 3, 0.0, -1), null, k -> (k / 7) + (k % 7) / 7.0, 1, null));
        b.add(new LrCase("CosineAnnealingWarmRestarts(T_0=4).step(epoch) jumping, then step(-1)",
                "CosineAnnealingWarmRestarts", sgd(0.1), 101,
                o -> new TorchLrScheduler.CosineAnnealingWarmRestarts(o, 4, 1, 0.01, -1),
                o -> new CosineAnnealingWarmRestarts(o, 4, 1, 0.01, -1), null, k -> k <= 100 ? (k * 37) % 23 + 0.5 : -1,
                1, null));
        b.add("CosineAnnealingWarmRestarts(T_0=0)", sgd(0.05),
                o -> new TorchLrScheduler.CosineAnnealingWarmRestarts(o, 0, 1, 0.0, -1),
                o -> new CosineAnnealingWarmRestarts(o, 0));
        b.add("CosineAnnealingWarmRestarts(T_0=10, T_mult=0)", sgd(0.05),
                o -> new TorchLrScheduler.CosineAnnealingWarmRestarts(o, 10, 0, 0.0, -1),
                o -> new CosineAnnealingWarmRestarts(o, 10, 0, 0.0, -1));
    }

    private static TorchLrScheduler.OneCycleLR.Args oneCycleArgs(double maxLr, Integer totalSteps, double pctStart,
                                                                 String anneal, boolean threePhase) {
        return new TorchLrScheduler.OneCycleLR.Args(null, maxLr, totalSteps, null, null, pctStart, anneal, true, 0.85,
                0.95, 25.0, 1e4, threePhase, -1);
    }

    private static void oneCycle(Builder b) {
        b.add("OneCycleLR(max_lr=0.1, total_steps=120)", sgdMomentum(0.05),
                o -> new TorchLrScheduler.OneCycleLR(o, oneCycleArgs(0.1, 120, 0.3, "cos", false)),
                o -> OneCycleLR.builder(o, 0.1).totalSteps(120).build());
        b.add("OneCycleLR(max_lr=0.01, total_steps=120, three_phase=True, anneal_strategy='linear')",
                sgdMomentum(0.05),
                o -> new TorchLrScheduler.OneCycleLR(o, oneCycleArgs(0.01, 120, 0.3, "linear", true)),
                o -> OneCycleLR.builder(o, 0.01).totalSteps(120).threePhase(true).annealStrategy("linear").build());
        b.add("OneCycleLR(max_lr=3e-3, epochs=12, steps_per_epoch=10, pct_start=0.25, div_factor=10, "
                        + "final_div_factor=100, three_phase=True) Adam", adam(1e-3),
                o -> new TorchLrScheduler.OneCycleLR(o, new TorchLrScheduler.OneCycleLR.Args(null, 3e-3, null, 12, 10,
                        0.25, "cos", true, 0.85, 0.95, 10.0, 100.0, true, -1)),
                o -> OneCycleLR.builder(o, 3e-3).epochs(12, 10).pctStart(0.25).divFactors(10, 100).threePhase(true)
                        .build());
        b.add("OneCycleLR(max_lr=[0.1, 0.01], total_steps=120, cycle_momentum=False, base_momentum=0.8, "
                        + "max_momentum=0.9) Adagrad two groups", adagrad(0.1, 0.1),
                o -> new TorchLrScheduler.OneCycleLR(o, new TorchLrScheduler.OneCycleLR.Args(new double[] {0.1, 0.01},
                        0, 120, null, null, 0.3, "cos", false, 0.8, 0.9, 25.0, 1e4, false, -1)),
                o -> OneCycleLR.builder(o, new double[] {0.1, 0.01}).totalSteps(120).cycleMomentum(false)
                        .momentum(0.8, 0.9).build());
        b.add("OneCycleLR(max_lr=0.1, total_steps=119) stepped past the end", sgdMomentum(0.05),
                o -> new TorchLrScheduler.OneCycleLR(o, oneCycleArgs(0.1, 119, 0.3, "cos", false)),
                o -> OneCycleLR.builder(o, 0.1).totalSteps(119).build());
        b.add("OneCycleLR(max_lr=0.1, total_steps=10, pct_start=0.1) a phase of no steps", sgdMomentum(0.05),
                o -> new TorchLrScheduler.OneCycleLR(o, oneCycleArgs(0.1, 10, 0.1, "cos", false)),
                o -> OneCycleLR.builder(o, 0.1).totalSteps(10).pctStart(0.1).build());
        b.add("OneCycleLR(max_lr=0.1, total_steps=120, pct_start=1.0)", sgdMomentum(0.05),
                o -> new TorchLrScheduler.OneCycleLR(o, oneCycleArgs(0.1, 120, 1.0, "cos", false)),
                o -> OneCycleLR.builder(o, 0.1).totalSteps(120).pctStart(1.0).build());
        b.add("OneCycleLR(max_lr=0.1)", sgdMomentum(0.05),
                o -> new TorchLrScheduler.OneCycleLR(o, oneCycleArgs(0.1, null, 0.3, "cos", false)),
                o -> OneCycleLR.builder(o, 0.1).build());
        b.add("OneCycleLR(max_lr=0.1, total_steps=0)", sgdMomentum(0.05),
                o -> new TorchLrScheduler.OneCycleLR(o, oneCycleArgs(0.1, 0, 0.3, "cos", false)),
                o -> OneCycleLR.builder(o, 0.1).totalSteps(0).build());
        b.add("OneCycleLR(max_lr=0.1, epochs=0, steps_per_epoch=10)", sgdMomentum(0.05),
                o -> new TorchLrScheduler.OneCycleLR(o, new TorchLrScheduler.OneCycleLR.Args(null, 0.1, null, 0, 10,
                        0.3, "cos", true, 0.85, 0.95, 25.0, 1e4, false, -1)),
                o -> OneCycleLR.builder(o, 0.1).epochs(0, 10).build());
        b.add("OneCycleLR(max_lr=0.1, epochs=10, steps_per_epoch=-1)", sgdMomentum(0.05),
                o -> new TorchLrScheduler.OneCycleLR(o, new TorchLrScheduler.OneCycleLR.Args(null, 0.1, null, 10, -1,
                        0.3, "cos", true, 0.85, 0.95, 25.0, 1e4, false, -1)),
                o -> OneCycleLR.builder(o, 0.1).epochs(10, -1).build());
        b.add("OneCycleLR(max_lr=0.1, total_steps=100, pct_start=1.5)", sgdMomentum(0.05),
                o -> new TorchLrScheduler.OneCycleLR(o, oneCycleArgs(0.1, 100, 1.5, "cos", false)),
                o -> OneCycleLR.builder(o, 0.1).totalSteps(100).pctStart(1.5).build());
        b.add("OneCycleLR(max_lr=0.1, total_steps=100, anneal_strategy='exp')", sgdMomentum(0.05),
                o -> new TorchLrScheduler.OneCycleLR(o, oneCycleArgs(0.1, 100, 0.3, "exp", false)),
                o -> OneCycleLR.builder(o, 0.1).totalSteps(100).annealStrategy("exp").build());
        b.add("OneCycleLR(max_lr=0.1, total_steps=100) Adagrad with cycle_momentum", adagrad(0.1),
                o -> new TorchLrScheduler.OneCycleLR(o, oneCycleArgs(0.1, 100, 0.3, "cos", false)),
                o -> OneCycleLR.builder(o, 0.1).totalSteps(100).build());
        b.add("OneCycleLR(max_lr=[0.1, 0.2, 0.3], total_steps=100) two groups", sgdMomentum(0.05, 0.05),
                o -> new TorchLrScheduler.OneCycleLR(o, new TorchLrScheduler.OneCycleLR.Args(
                        new double[] {0.1, 0.2, 0.3}, 0, 100, null, null, 0.3, "cos", true, 0.85, 0.95, 25.0, 1e4,
                        false, -1)),
                o -> OneCycleLR.builder(o, new double[] {0.1, 0.2, 0.3}).totalSteps(100).build());
    }
}
