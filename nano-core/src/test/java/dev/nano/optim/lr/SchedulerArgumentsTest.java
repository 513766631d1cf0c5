package dev.nano.optim.lr;

import dev.nano.Nano;
import dev.nano.optim.Optimizer;
import dev.nano.optim.ParamGroup;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the schedulers family's fixtures do not reach: the closed forms a SequentialLR uses at a milestone
 * (hand-computed: each is {@code base_lr} times the schedule's factor at epoch 0), resuming with
 * {@code last_epoch}, nested sequences, and the arguments Java can pass but Python cannot (null).
 */
class SchedulerArgumentsTest {

    private static Optimizer sgd(double... lrs) {
        return SchedulerStateTest.sgd(lrs);
    }

    /** The rates of {@code steps} steps after construction, construction included. */
    private static double[] run(LRScheduler s, int steps) {
        double[] out = new double[steps + 1];
        out[0] = s.getLastLr()[0];
        for (int k = 1; k <= steps; k++) {
            s.optimizer().step();
            s.step();
            out[k] = s.getLastLr()[0];
        }
        return out;
    }

    @Test
    void atAMilestoneTheNextScheduleStartsFromItsClosedFormAtEpochZero() {
        Optimizer a = sgd(1.0);
        // ExponentialLR(0.5) for epochs 0-2, then StepLR(step 2, gamma 0.1) from its epoch 0: 1, 1, 0.1, 0.1, 0.01
        double[] step = run(new SequentialLR(a, List.of(new ExponentialLR(a, 0.5), new StepLR(a, 2, 0.1, -1)), 3), 7);
        assertArrayEquals(new double[] {1, 0.5, 0.25, 1, 1, 0.1, 0.1, 0.1 * 0.1}, step);
        Optimizer b = sgd(1.0);
        // ConstantLR(0.5, 2) restarts at base·0.5, then its own steps restore the factor at epoch 2
        double[] constant = run(new SequentialLR(b, List.of(new ExponentialLR(b, 0.5), new ConstantLR(b, 0.5, 2, -1)),
                2), 5);
        assertArrayEquals(new double[] {1, 0.5, 0.5, 0.5, 1, 1}, constant);
        Optimizer c = sgd(1.0);
        // LinearLR(0.25 → 1 over 3) restarts at base·0.25
        double[] linear = run(new SequentialLR(c, List.of(new ExponentialLR(c, 0.5), new LinearLR(c, 0.25, 1.0, 3, -1)),
                1), 4);
        assertArrayEquals(new double[] {1, 0.25, 0.5, 0.75, 1.0}, linear, 1e-15);
        Optimizer d = sgd(1.0);
        // CosineAnnealingWarmRestarts has no closed form: its current rate again (T_cur still 0 after the undo)
        double[] restarts = run(new SequentialLR(d, List.of(new ExponentialLR(d, 0.5),
                new CosineAnnealingWarmRestarts(d, 2)), 1), 3);
        assertEquals(1.0, restarts[1]);
        assertEquals(0.5, restarts[2], 1e-15);
        Optimizer e = sgd(1.0);
        SequentialLR zero = new SequentialLR(e, List.of(new ExponentialLR(e, 0.5), new StepLR(e, 0, 0.1, -1)), 1);
        ArithmeticException error = assertThrows(ArithmeticException.class, () -> zero.step());
        assertEquals("StepLR (step_size is 0): integer division or modulo by zero", error.getMessage());
        assertEquals(0, zero.lastEpoch(), "the failed milestone changed nothing");
    }

    @Test
    void nestedSequencesAndChainsSaveAndRefuseAStateOfAnotherShape() {
        Optimizer o = sgd(1.0);
        o.step(); // the inner schedulers step again while the outer one is built: no step-order warning
        ChainedScheduler chain = new ChainedScheduler(List.of(new ExponentialLR(o, 0.5)));
        SequentialLR seq = new SequentialLR(o, List.of(new ExponentialLR(o, 0.5), new ExponentialLR(o, 0.5)), 2);
        SequentialLR outer = new SequentialLR(o, List.of(seq, chain), 3);
        run(outer, 4);
        assertEquals(4, outer.lastEpoch());
        assertEquals(List.of("last_epoch", "_last_lr", "_schedulers.0.last_epoch"),
                outer.stateDict().keySet().stream().limit(3).toList());
        Optimizer p = sgd(1.0);
        SequentialLR other = new SequentialLR(p, List.of(new ExponentialLR(p, 0.5)));
        assertThrows(IllegalArgumentException.class, () -> other.loadStateDict(outer.stateDict()));
        assertEquals(0, other.lastEpoch());
    }

    @Test
    void resumingNeedsInitialLrInEveryGroupAndThenContinues() {
        Optimizer fresh = sgd(0.1, 0.2);
        assertEquals("param 'initial_lr' is not specified in param_groups[0] when resuming an optimizer",
                assertThrows(IllegalArgumentException.class,
                        () -> CyclicLR.builder(fresh, 0.01, 0.1).lastEpoch(5).build()).getMessage());
        assertEquals("param 'initial_lr' is not specified in param_groups[0] when resuming an optimizer",
                assertThrows(IllegalArgumentException.class,
                        () -> OneCycleLR.builder(fresh, 0.1).totalSteps(10).lastEpoch(5).build()).getMessage());
        assertEquals(0.1, fresh.paramGroups().get(0).lr(), "the refused schedulers changed nothing");
        assertTrue(!fresh.paramGroups().get(0).has("initial_lr"));

        Optimizer saved = sgd(0.1, 0.2);
        OneCycleLR first = OneCycleLR.builder(saved, 0.1).totalSteps(10).build();
        run(first, 5);
        OneCycleLR resumed = OneCycleLR.builder(saved, 0.1).totalSteps(10).lastEpoch(4).build();
        assertEquals(first.getLastLr()[0], resumed.getLastLr()[0], 1e-17, "epoch 5 again, from the groups' values");
        OneCycleLR atTheEnd = OneCycleLR.builder(saved, 0.1).totalSteps(10).lastEpoch(9).build();
        assertEquals(10, atTheEnd.lastEpoch());
        assertThrows(IllegalStateException.class, atTheEnd::step);
        assertThrows(IllegalStateException.class, () -> OneCycleLR.builder(saved, 0.1).totalSteps(10).lastEpoch(10)
                .build());
        CyclicLR cyclic = CyclicLR.builder(saved, 0.01, 0.1).stepSizeUp(4).lastEpoch(3).build();
        assertEquals(4, cyclic.lastEpoch());
        assertEquals(0.1, cyclic.getLastLr()[0], 1e-16, "batch 4 is the peak of a 4-up cycle");
    }

    @Test
    void javaNullsAreRefusedNamingTheArgument() {
        Optimizer o = sgd(0.1, 0.2);
        IntToDoubleFunction one = e -> 1.0;
        assertThrows(IllegalArgumentException.class, () -> new LambdaLR(o, (IntToDoubleFunction) null));
        assertThrows(IllegalArgumentException.class, () -> new LambdaLR(null, one));
        assertThrows(IllegalArgumentException.class, () -> new LambdaLR(o, null, -1));
        assertThrows(IllegalArgumentException.class, () -> new MultiplicativeLR(o, Arrays.asList(one, null), -1));
        assertThrows(NullPointerException.class, () -> new StepLR(null, 3));
        assertThrows(IllegalArgumentException.class, () -> new ChainedScheduler(Arrays.asList(new StepLR(o, 2), null)));
        assertThrows(IllegalArgumentException.class, () -> new ChainedScheduler(null));
        assertThrows(IllegalArgumentException.class, () -> new SequentialLR(null, List.of(new StepLR(o, 2))));
        assertThrows(IllegalArgumentException.class, () -> CyclicLR.builder(null, 0.01, 0.1).build());
        assertThrows(IllegalArgumentException.class, () -> OneCycleLR.builder(null, 0.1).totalSteps(5).build());
        assertThrows(IllegalArgumentException.class, () -> ReduceLROnPlateau.builder(null).build());
        assertThrows(NullPointerException.class, () -> new StepLR(o, 2).loadStateDict(null));
        assertEquals("max_lr must have the same length as optimizer.param_groups. max_lr has 1 values, param_groups "
                + "has 2.", assertThrows(IllegalArgumentException.class,
                        () -> OneCycleLR.builder(o, new double[] {0.1}).totalSteps(5).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> OneCycleLR.builder(o, 0.1).totalSteps(5).pctStart(Double.NaN)
                .build());
        assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingWarmRestarts(o, 3).step(Double.NaN));
        assertThrows(ArithmeticException.class, () -> OneCycleLR.builder(o, 0.1).totalSteps(5).divFactors(0, 1e4)
                .build());
    }

    @Test
    void sequentialLrNeedsInitialLrInEveryGroup() {
        Optimizer o = sgd(0.1);
        StepLR step = new StepLR(o, 2);
        o.addParamGroup(ParamGroup.of(Nano.zeros(1).requiresGrad(true)).set("lr", 0.3));
        assertEquals("SequentialLR: param_groups[1] has no 'initial_lr'", assertThrows(IllegalArgumentException.class,
                () -> new SequentialLR(o, List.of(step))).getMessage());
        ReduceLROnPlateau plateau = ReduceLROnPlateau.builder(o).minLr(new double[] {0.0, 0.0}).minLr(0.01).build();
        assertEquals(0, plateau.lastEpoch());
        Optimizer adagradLike = dev.nano.optim.Adagrad.builder(Nano.zeros(1).requiresGrad(true)).lr(0.1).build();
        OneCycleLR noMomentum = OneCycleLR.builder(adagradLike, 0.1).totalSteps(5).cycleMomentum(false).build();
        assertEquals(0.1 / 25, noMomentum.getLastLr()[0], 1e-16);
    }
}
