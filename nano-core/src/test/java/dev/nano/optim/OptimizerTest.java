package dev.nano.optim;

import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.nano.Expect.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The machinery every optimizer shares: groups, state, step, zeroGrad, checks (mostly through SGD). */
class OptimizerTest {

    private static Tensor leaf(double... values) {
        return Nano.tensor(values).requiresGrad(true);
    }

    private static Tensor grad(Tensor p, double... values) {
        p.setGrad(Nano.tensor(values, p.shape()));
        return p;
    }

    // ---------------------------------------------------------------- parameters and groups

    @Test
    void anEmptyParameterListFails() {
        var e = assertThrows(IllegalArgumentException.class, () -> SGD.builder(List.of()).build());
        assertEquals("optimizer got an empty parameter list", e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> Adam.builder(new ParamGroup[0]).build());
        assertEquals("optimizer got an empty parameter list", e2.getMessage());
    }

    @Test
    void aBadHyperparameterIsReportedBeforeABadParameterList() {
        // PyTorch: SGD([], lr=-1) raises "Invalid learning rate", not "empty parameter list".
        var e = assertThrows(IllegalArgumentException.class, () -> SGD.builder(List.of()).lr(-1).build());
        assertEquals("Invalid learning rate: -1.0", e.getMessage());
    }

    @Test
    void anEmptyGroupAmongGroupsIsAccepted() {
        SGD opt = SGD.builder(ParamGroup.of()).build();
        assertEquals(1, opt.paramGroups().size());
        opt.step(); // nothing to do
    }

    @Test
    void aNullParameterOrGroupFails() {
        List<Tensor> withNull = new ArrayList<>(List.of(leaf(1)));
        withNull.add(null);
        var e = assertThrows(IllegalArgumentException.class, () -> SGD.builder(withNull).build());
        assertEquals("optimizer can only optimize Tensors, but one of the params is NoneType", e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> SGD.builder((ParamGroup) null).build());
        assertEquals("a parameter group is null", e2.getMessage());
    }

    @Test
    void aNonLeafFailsUnlessItRetainsItsGrad() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2.0);
        var e = assertThrows(IllegalArgumentException.class, () -> SGD.builder(y).build());
        assertEquals("can't optimize a non-leaf Tensor", e.getMessage());
        y.retainGrad();
        SGD.builder(y).build(); // accepted, as in PyTorch
    }

    @Test
    void aParameterInTwoGroupsFails() {
        Tensor a = leaf(1);
        Tensor b = leaf(2);
        var e = assertThrows(IllegalArgumentException.class,
                () -> SGD.builder(ParamGroup.of(a, b), ParamGroup.of(b)).build());
        assertEquals("some parameters appear in more than one parameter group", e.getMessage());

        SGD opt = SGD.builder(a).build();
        var e2 = assertThrows(IllegalArgumentException.class, () -> opt.addParamGroup(ParamGroup.of(b, a)));
        assertEquals("some parameters appear in more than one parameter group", e2.getMessage());
        assertEquals(1, opt.paramGroups().size(), "a rejected group is not kept");
    }

    @Test
    void aDuplicateWithinOneGroupOnlyWarnsAndIsUpdatedOncePerOccurrence() {
        Tensor a = grad(leaf(1.0), 1.0);
        // The warning goes to the java.util.logging logger behind System.Logger; it is caught here (and
        // so not printed into the build's output) and checked, PyTorch's wording included.
        Logger log = Logger.getLogger(Optimizer.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean useParentHandlers = log.getUseParentHandlers();
        log.addHandler(capture);
        log.setUseParentHandlers(false);
        SGD opt;
        try {
            opt = SGD.builder(ParamGroup.of(a, a)).lr(0.5).build();
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(useParentHandlers);
        }
        assertEquals(1, records.size(), "one warning");
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertEquals("optimizer contains a parameter group with duplicate parameters; in future, this will cause "
                + "an error; see github.com/pytorch/pytorch/issues/40967 for more information",
                records.get(0).getMessage());
        opt.step();
        values(a.data(), 0.0); // 1 - 0.5·1 - 0.5·1, as PyTorch does
    }

    @Test
    void groupValuesOverrideTheDefaultsAndTheRestAreFilledIn() {
        Tensor w = leaf(1);
        Tensor b = leaf(2);
        SGD opt = SGD.builder(ParamGroup.of(w), ParamGroup.of(b).set("lr", 0.5).set("nesterov", true))
                .lr(0.1).momentum(0.9).build();
        ParamGroup g0 = opt.paramGroups().get(0);
        ParamGroup g1 = opt.paramGroups().get(1);
        assertEquals(0.1, g0.lr());
        assertEquals(0.5, g1.lr());
        assertEquals(0.9, g1.getDouble("momentum"));
        assertTrue(g1.getBoolean("nesterov"));
        assertFalse(g0.getBoolean("nesterov"));
        assertEquals(List.of(w), g0.params());
        assertEquals(0.1, opt.defaults().get("lr"));
        // Group values are not validated, as in PyTorch (only the constructor's arguments are).
        SGD.builder(ParamGroup.of(leaf(1)).set("lr", -1.0)).build();
    }

    @Test
    void theUsersGroupIsNotChangedByTheOptimizer() {
        ParamGroup mine = ParamGroup.of(leaf(1)).set("lr", 0.5);
        SGD opt = SGD.builder(mine).momentum(0.9).build();
        assertFalse(mine.has("momentum"));
        opt.paramGroups().get(0).lr(0.25);
        assertEquals(0.5, mine.lr());
    }

    @Test
    void aGroupValueOfTheWrongKindFails() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SGD.builder(ParamGroup.of(leaf(1)).set("lr", true)).build());
        assertEquals("parameter group sets 'lr' to a boolean True, but the optimizer expects a number (default 0.001)",
                e.getMessage());
    }

    @Test
    void addParamGroupFillsDefaultsAndTheNewGroupIsStepped() {
        Tensor a = grad(leaf(1), 1);
        Tensor b = grad(leaf(1), 1);
        SGD opt = SGD.builder(a).lr(0.1).build();
        opt.addParamGroup(ParamGroup.of(b).set("lr", 0.2));
        assertEquals(0.0, opt.paramGroups().get(1).getDouble("momentum"));
        opt.step();
        values(a.data(), 0.9);
        values(b.data(), 0.8);
    }

    @Test
    void unmodifiableViews() {
        Tensor a = grad(leaf(1), 1);
        Adam opt = Adam.builder(a).build();
        opt.step();
        assertThrows(UnsupportedOperationException.class, () -> opt.paramGroups().clear());
        assertThrows(UnsupportedOperationException.class, () -> opt.defaults().put("lr", 1.0));
        assertThrows(UnsupportedOperationException.class, () -> opt.state(a).clear());
        assertThrows(UnsupportedOperationException.class, () -> opt.paramGroups().get(0).params().clear());
        assertThrows(UnsupportedOperationException.class, () -> opt.paramGroups().get(0).options().clear());
    }

    // ---------------------------------------------------------------- step

    @Test
    void stepRunsWithoutRecordingAGraph() {
        Tensor a = leaf(1, 2);
        a.mul(a).sum().backward();
        SGD opt = SGD.builder(a).lr(0.1).build();
        opt.step();
        assertTrue(a.isLeaf());
        assertNull(a.gradFn());
        assertTrue(a.requiresGrad());
        values(a.data(), 0.8, 1.6);
        assertTrue(Nano.isGradEnabled(), "grad mode restored after the step");
    }

    @Test
    void theClosureRunsWithGradModeOnAndItsLossIsReturned() {
        Tensor a = leaf(3);
        SGD opt = SGD.builder(a).lr(0.1).build();
        Tensor loss;
        try (var g = Nano.noGrad()) {
            loss = opt.step(() -> {
                assertTrue(Nano.isGradEnabled());
                opt.zeroGrad();
                Tensor l = a.mul(a).sum();
                l.backward();
                return l;
            });
            assertFalse(Nano.isGradEnabled());
        }
        values(loss.data(), 9.0);
        values(a.data(), 3 - 0.1 * 6);
        assertNull(opt.step(null));
    }

    @Test
    void aParameterWithoutGradIsSkippedEntirely() {
        Tensor a = leaf(1.0);
        Tensor b = grad(leaf(1.0), 0.5);
        SGD opt = SGD.builder(a, b).lr(0.1).momentum(0.9).weightDecay(0.5).build();
        opt.step();
        values(a.data(), 1.0);                  // no weight decay either
        assertTrue(opt.state(a).isEmpty());     // no buffer
        values(b.data(), 1 - 0.1 * (0.5 + 0.5 * 1.0));
        assertEquals(Map.of(), opt.state(leaf(9)), "an unknown tensor has empty state");
    }

    @Test
    void aZeroGradientIsNotSkipped() {
        Tensor a = grad(leaf(2.0), 0.0);
        SGD opt = SGD.builder(a).lr(0.1).momentum(0.9).weightDecay(0.5).build();
        opt.step();
        values(a.data(), 2 - 0.1 * (0.5 * 2));
        values(opt.state(a).get("momentum_buffer").data(), 1.0);
    }

    @Test
    void changingAGroupsLrTakesEffectAtTheNextStep() {
        Tensor a = grad(leaf(1.0), 1.0);
        SGD opt = SGD.builder(a).lr(0.1).build();
        opt.step();
        values(a.data(), 0.9);
        opt.paramGroups().get(0).lr(0.5);
        opt.step();
        values(a.data(), 0.4);
        opt.paramGroups().get(0).set("maximize", true);
        opt.step();
        values(a.data(), 0.9);
    }

    @Test
    void aFailedStepChangesNothing() {
        Tensor a = grad(leaf(1.0), 1.0);
        Tensor b = leaf(5.0);
        // A float64 parameter cannot be given a bool gradient at all (PyTorch refuses it too) ...
        var refused = assertThrows(IllegalArgumentException.class,
                () -> b.setGrad(Nano.boolTensor(new boolean[] {true}, 1)));
        assertEquals("assigned grad has data of a different type: expected torch.float64, got torch.bool",
                refused.getMessage());
        // ... but an int64 tensor can carry an int64 one, and the optimizer refuses to update it.
        Tensor ints = Nano.longTensor(new long[] {1, 2}, 2);
        ints.setGrad(Nano.longTensor(new long[] {1, 1}, 2));
        Adam opt = Adam.builder(a, ints).build();
        var e = assertThrows(IllegalStateException.class, opt::step);
        assertEquals("optimizers update float64 parameters with float64 gradients, but a parameter of shape [2] "
                + "is torch.int64 with a torch.int64 gradient", e.getMessage());
        values(a.data(), 1.0);
        values(ints.data(), 1, 2);
        assertTrue(opt.state(a).isEmpty());
    }

    @Test
    void aFailedConstructionChangesNothing() {
        Tensor a = grad(leaf(1.0, 2.0), 0.5, 0.5);
        Tensor b = leaf(3.0);
        assertThrows(IllegalArgumentException.class,
                () -> Adagrad.builder(ParamGroup.of(a), ParamGroup.of(b, a)).initialAccumulatorValue(0.1).build());
        assertThrows(IllegalArgumentException.class, () -> Adagrad.builder(a).lr(-1).build());
        values(a.data(), 1.0, 2.0);
        values(a.grad().data(), 0.5, 0.5);
        values(b.data(), 3.0);
        assertNull(b.grad());
    }

    @Test
    void stepCountersArePerParameter() {
        // torch/optim/adam.py counts state['step'] per parameter, only in steps where it has a grad:
        // two steps with only a having a grad, a third with both -> a.step 3, b.step 1.
        Tensor a = leaf(1.0);
        Tensor b = leaf(1.0);
        Adam opt = Adam.builder(a, b).build();
        grad(a, 1.0);
        opt.step();
        opt.step();
        grad(b, 1.0);
        opt.step();
        values(opt.state(a).get("step").data(), 3.0);
        values(opt.state(b).get("step").data(), 1.0);
        assertArrayEquals(new int[0], opt.state(a).get("step").shape());
    }

    // ---------------------------------------------------------------- zeroGrad

    @Test
    void zeroGradSetsGradsToNullByDefault() {
        Tensor a = grad(leaf(1, 2), 3, 4);
        Tensor b = leaf(1);
        SGD opt = SGD.builder(a, b).build();
        opt.zeroGrad();
        assertNull(a.grad());
        assertNull(b.grad());
    }

    @Test
    void zeroGradFalseZerosInPlaceAndDetaches() {
        Tensor a = grad(leaf(1, 2), 3, 4);
        Tensor before = a.grad();
        before.requiresGrad(true);
        Tensor x = leaf(5.0);
        Tensor b = leaf(1.0);
        b.setGrad(x.mul(2.0)); // a grad that is itself part of a graph
        SGD opt = SGD.builder(a, b, leaf(7)).build();
        opt.zeroGrad(false);
        assertSame(before, a.grad(), "zeroed in place");
        values(a.grad().data(), 0, 0);
        assertFalse(a.grad().requiresGrad());
        assertTrue(b.grad().isLeaf(), "detached");
        values(b.grad().data(), 0);
    }

    // ---------------------------------------------------------------- printing and lerp

    @Test
    void printsLikePyTorch() {
        SGD opt = SGD.builder(ParamGroup.of(leaf(1)), ParamGroup.of(leaf(2)).set("lr", 1e-8)).momentum(0.9).build();
        assertEquals("SGD (\n"
                + "Parameter Group 0\n"
                + "    dampening: 0.0\n"
                + "    lr: 0.001\n"
                + "    maximize: False\n"
                + "    momentum: 0.9\n"
                + "    nesterov: False\n"
                + "    weight_decay: 0.0\n"
                + "\n"
                + "Parameter Group 1\n"
                + "    dampening: 0.0\n"
                + "    lr: 1e-08\n"
                + "    maximize: False\n"
                + "    momentum: 0.9\n"
                + "    nesterov: False\n"
                + "    weight_decay: 0.0\n"
                + ")", opt.toString());
        assertTrue(Adam.builder(leaf(1)).build().toString().contains("    betas: (0.9, 0.999)\n"));
    }

    @Test
    void lerpTakesTheNearerEnd() {
        assertEquals(1.0, Optimizer.lerp(1.0, 3.0, 0.0));
        assertEquals(3.0, Optimizer.lerp(1.0, 3.0, 1.0));
        assertEquals(1.5, Optimizer.lerp(1.0, 3.0, 0.25));
        assertEquals(2.5, Optimizer.lerp(1.0, 3.0, 0.75));
        // w = 1 - 0.9 is below 0.5: start + w·(end - start)
        double w = 1 - 0.9;
        assertEquals(0.2 + w * (1.7 - 0.2), Optimizer.lerp(0.2, 1.7, w));
        assertEquals(1.7 - (1.7 - 0.2) * (1 - 0.6), Optimizer.lerp(0.2, 1.7, 0.6));
        assertTrue(Double.isNaN(Optimizer.lerp(Double.NaN, 1, 0.1)));
        assertEquals(Arrays.toString(new double[] {2.0}), Arrays.toString(new double[] {Optimizer.lerp(2, 2, 0.3)}));
    }
}
