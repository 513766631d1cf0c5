package dev.nano.optim.lr;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.optim.Adam;
import dev.nano.optim.Optimizer;
import dev.nano.optim.ParamGroup;
import dev.nano.optim.SGD;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Saving and resuming schedulers: a scheduler rebuilt on a fresh optimizer and loaded from a state dict
 * continues exactly where the saved one was (the rates the uninterrupted run gives, which the schedulers
 * family checks against PyTorch's transcription), and a bad state dict changes nothing. The values here
 * are the uninterrupted run's, so these tests need no oracle of their own.
 */
class SchedulerStateTest {

    static Optimizer sgd(double... lrs) {
        ParamGroup[] groups = new ParamGroup[lrs.length];
        for (int i = 0; i < lrs.length; i++) {
            groups[i] = ParamGroup.of(Nano.zeros(1).requiresGrad(true)).set("lr", lrs[i]);
        }
        return SGD.builder(groups).lr(lrs[0]).momentum(0.9).build();
    }

    /** Runs {@code total} steps straight, and {@code split} steps, save, rebuild, load, the rest. */
    private static void resumesExactly(java.util.function.Function<Optimizer, LRScheduler> build, int split,
                                       int total) {
        Optimizer straightOpt = sgd(0.1, 0.02);
        LRScheduler straight = build.apply(straightOpt);
        double[][] expected = new double[total + 1][];
        expected[0] = straight.getLastLr();
        for (int k = 1; k <= total; k++) {
            straightOpt.step();
            straight.step();
            expected[k] = straight.getLastLr();
        }
        Optimizer firstOpt = sgd(0.1, 0.02);
        LRScheduler first = build.apply(firstOpt);
        for (int k = 1; k <= split; k++) {
            firstOpt.step();
            first.step();
        }
        Map<String, Tensor> optState = firstOpt.stateDict();
        Map<String, Tensor> schedState = first.stateDict();
        Optimizer secondOpt = sgd(0.1, 0.02);
        LRScheduler second = build.apply(secondOpt);
        secondOpt.loadStateDict(optState);
        second.loadStateDict(schedState);
        assertArrayEquals(expected[split], second.getLastLr(), second + " after loading");
        for (int k = split + 1; k <= total; k++) {
            secondOpt.step();
            second.step();
            assertArrayEquals(expected[k], second.getLastLr(), second + " at step " + k);
        }
    }

    @Test
    void everyChainableScheduleResumesWhereItWasSaved() {
        resumesExactly(o -> new StepLR(o, 7, 0.5, -1), 10, 30);
        resumesExactly(o -> new CosineAnnealingLR(o, 9, 0.001, -1), 13, 40);
        resumesExactly(o -> new CosineAnnealingWarmRestarts(o, 3, 2, 0.0, -1), 11, 40);
        resumesExactly(o -> CyclicLR.builder(o, 0.01, 0.1).stepSizeUp(4).build(), 9, 30);
        resumesExactly(o -> OneCycleLR.builder(o, 0.1).totalSteps(30).build(), 12, 30);
        resumesExactly(o -> new ChainedScheduler(List.of(new ConstantLR(o, 0.5, 4, -1), new ExponentialLR(o, 0.9))),
                2, 20);
        resumesExactly(o -> new SequentialLR(o, List.of(new LinearLR(o, 0.2, 1.0, 4, -1), new ExponentialLR(o, 0.8)),
                5), 7, 20);
    }

    @Test
    void reduceLrOnPlateauResumesItsCounters() {
        double[] metrics = {5, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3};
        Optimizer a = sgd(0.1);
        ReduceLROnPlateau straight = ReduceLROnPlateau.builder(a).patience(1).cooldown(1).build();
        Optimizer b = sgd(0.1);
        ReduceLROnPlateau first = ReduceLROnPlateau.builder(b).patience(1).cooldown(1).build();
        for (int k = 0; k < 4; k++) {
            straight.step(metrics[k]);
            first.step(metrics[k]);
        }
        Optimizer c = sgd(0.1);
        ReduceLROnPlateau second = ReduceLROnPlateau.builder(c).patience(1).cooldown(1).build();
        c.loadStateDict(b.stateDict());
        second.loadStateDict(first.stateDict());
        assertEquals(straight.best(), second.best());
        assertEquals(straight.numBadEpochs(), second.numBadEpochs());
        assertEquals(straight.lastEpoch(), second.lastEpoch());
        for (int k = 4; k < metrics.length; k++) {
            straight.step(metrics[k]);
            second.step(metrics[k]);
            assertArrayEquals(straight.getLastLr(), second.getLastLr(), "step " + k);
        }
        // 5 best, 4 best, 4 bad, 4 bad: 0.01 (cooldown 1); 4 in cooldown; 3 best, 3 bad, 3 bad: 0.001; 3 in
        // cooldown; 3 bad, 3 bad: 0.0001, each rate the previous one times 0.1
        assertArrayEquals(new double[] {0.1 * 0.1 * 0.1 * 0.1}, straight.getLastLr(), 1e-18);
    }

    @Test
    void aBadStateDictIsRefusedWithTheKeyAndChangesNothing() {
        Optimizer o = sgd(0.1, 0.02);
        StepLR s = new StepLR(o, 2);
        o.step();
        s.step();
        Map<String, Tensor> good = s.stateDict();
        assertEquals(List.of("base_lrs", "last_epoch", "_step_count", "_last_lr"), List.copyOf(good.keySet()));

        Map<String, Tensor> missing = new HashMap<>(good);
        missing.remove("last_epoch");
        assertEquals("scheduler state dict has no 'last_epoch'",
                assertThrows(IllegalArgumentException.class, () -> s.loadStateDict(missing)).getMessage());
        Map<String, Tensor> wrongSize = new HashMap<>(good);
        wrongSize.put("base_lrs", Nano.tensor(0.1));
        assertEquals("scheduler state dict: 'base_lrs' has shape [1], expected [2] (one value per parameter group)",
                assertThrows(IllegalArgumentException.class, () -> s.loadStateDict(wrongSize)).getMessage());
        Map<String, Tensor> notScalar = new HashMap<>(good);
        notScalar.put("_step_count", Nano.tensor(1.0, 2.0));
        assertEquals("scheduler state dict: '_step_count' has shape [2], expected a 0-d tensor",
                assertThrows(IllegalArgumentException.class, () -> s.loadStateDict(notScalar)).getMessage());
        assertEquals(1, s.lastEpoch());
        assertArrayEquals(new double[] {0.1, 0.02}, s.getLastLr());

        CosineAnnealingWarmRestarts w = new CosineAnnealingWarmRestarts(o, 3);
        Map<String, Tensor> noTi = new HashMap<>(w.stateDict());
        noTi.remove("T_i");
        assertThrows(IllegalArgumentException.class, () -> w.loadStateDict(noTi));
        assertEquals(0, w.lastEpoch());
    }

    @Test
    void aChainThatFailsToLoadPutsBackTheSchedulersAlreadyLoaded() {
        Optimizer o = sgd(0.1);
        StepLR a = new StepLR(o, 2);
        CosineAnnealingWarmRestarts b = new CosineAnnealingWarmRestarts(o, 4);
        ChainedScheduler chain = new ChainedScheduler(List.of(a, b));
        o.step();
        chain.step();
        Map<String, Tensor> state = new HashMap<>(chain.stateDict());
        state.put("_schedulers.0.last_epoch", Nano.scalar(7));
        state.remove("_schedulers.1.T_cur");
        assertThrows(IllegalArgumentException.class, () -> chain.loadStateDict(state));
        assertEquals(1, a.lastEpoch(), "the first scheduler was loaded, then put back");
        assertEquals(chain.optimizer(), o);
        assertEquals("ChainedScheduler", chain.toString());
    }

    @Test
    void reduceLrOnPlateauNeedsTheMetric() {
        Optimizer o = sgd(0.1);
        ReduceLROnPlateau r = ReduceLROnPlateau.builder(o).build();
        assertEquals("ReduceLROnPlateau.step() missing 1 required positional argument: 'metrics'",
                assertThrows(UnsupportedOperationException.class, r::step).getMessage());
        assertThrows(UnsupportedOperationException.class, r::computeLr);
        assertEquals(Double.POSITIVE_INFINITY, r.best());
        assertEquals(Double.NEGATIVE_INFINITY, ReduceLROnPlateau.builder(o).mode("max").build().best());
    }

    @Test
    void aGroupAddedLaterIsCoveredByTheSingleMinLrButNotByAList() {
        Tensor extra = Nano.zeros(1).requiresGrad(true);
        Optimizer o = sgd(0.1);
        ReduceLROnPlateau single = ReduceLROnPlateau.builder(o).patience(0).minLr(0.05).build();
        o.addParamGroup(ParamGroup.of(extra).set("lr", 1.0));
        single.step(1.0);
        single.step(2.0); // bad epoch beyond patience 0: both groups reduced, floored at 0.05
        assertArrayEquals(new double[] {0.05, 0.1}, single.getLastLr(), 1e-17);

        Optimizer p = sgd(0.1);
        ReduceLROnPlateau list = ReduceLROnPlateau.builder(p).patience(0).minLr(new double[] {0.0}).build();
        p.addParamGroup(ParamGroup.of(Nano.zeros(1).requiresGrad(true)).set("lr", 1.0));
        list.step(1.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> list.step(2.0));
        assertEquals("The number of param groups in the `optimizer` (2) differs from when `ReduceLROnPlateau` was "
                + "initialized (1), usually due to a new param group being added to the optimizer. Please modify the "
                + "`min_lrs` field to match the length of the `optimizer` param groups.", e.getMessage());
        assertEquals(1, list.lastEpoch(), "the failed step changed nothing");
        assertEquals(0, list.numBadEpochs());
    }

    @Test
    void adamsBeta1CyclesAndItsBeta2IsKept() {
        Adam opt = Adam.builder(Nano.zeros(1).requiresGrad(true)).lr(1e-3).betas(0.9, 0.99).build();
        OneCycleLR s = OneCycleLR.builder(opt, 0.01).totalSteps(10).build();
        assertArrayEquals(new double[] {0.95, 0.99}, opt.paramGroups().get(0).getPair("betas"));
        assertEquals(0.01 / 25, opt.paramGroups().get(0).getDouble("initial_lr"));
        assertEquals(0.01 / 25 / 1e4, opt.paramGroups().get(0).getDouble("min_lr"));
        opt.step();
        s.step();
        assertEquals(0.99, opt.paramGroups().get(0).getPair("betas")[1]);
    }
}
