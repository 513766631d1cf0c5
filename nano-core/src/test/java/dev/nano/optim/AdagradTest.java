package dev.nano.optim;

import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.nano.Expect.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Adagrad against values worked out by hand from torch.optim.Adagrad's algorithm. */
class AdagradTest {
    private static final double EPS = 1e-10;

    private static Tensor param(double... values) {
        return Nano.tensor(values).requiresGrad(true);
    }

    private static void grad(Tensor p, double... values) {
        p.setGrad(Nano.tensor(values, p.shape()));
    }

    @Test
    void defaultsAreTorchs() {
        Adagrad opt = Adagrad.builder(param(1)).build();
        assertEquals(Map.of("lr", 1e-2, "lr_decay", 0.0, "weight_decay", 0.0, "initial_accumulator_value", 0.0,
                "eps", 1e-10, "maximize", false), opt.defaults());
    }

    @Test
    void stateIsCreatedWhenTheOptimizerIsBuilt() {
        Tensor p = param(1, 2);
        Adagrad opt = Adagrad.builder(p).initialAccumulatorValue(0.25).build();
        assertEquals(List.of("step", "sum"), List.copyOf(opt.state(p).keySet()));
        values(opt.state(p).get("step").data(), 0);
        values(opt.state(p).get("sum").data(), 0.25, 0.25);
        opt.step();                                   // no grad: skipped, the count stays 0
        values(opt.state(p).get("step").data(), 0);
    }

    @Test
    void stepDividesByTheRootOfTheSumOfSquares() {
        Tensor p = param(1.0);
        Adagrad opt = Adagrad.builder(p).build();
        grad(p, 2);
        opt.step();
        values(opt.state(p).get("sum").data(), 4);
        values(p.data(), 1 - 0.01 * 2 / (2 + EPS));
        grad(p, 1);
        opt.step();
        values(opt.state(p).get("sum").data(), 5);
        values(p.data(), 1 - 0.01 * 2 / (2 + EPS) - 0.01 / (Math.sqrt(5) + EPS));
        values(opt.state(p).get("step").data(), 2);
    }

    @Test
    void lrDecayUsesTheStepCount() {
        Tensor p = param(0.0);
        Adagrad opt = Adagrad.builder(p).lr(0.1).lrDecay(0.5).initialAccumulatorValue(0.1).build();
        grad(p, 1);
        opt.step();                                   // clr = 0.1, sum = 1.1
        values(p.data(), -0.1 / (Math.sqrt(1.1) + EPS));
        opt.step();                                   // clr = 0.1 / 1.5, sum = 2.1
        values(p.data(), -0.1 / (Math.sqrt(1.1) + EPS) - 0.1 / 1.5 / (Math.sqrt(2.1) + EPS));
    }

    @Test
    void weightDecayAndMaximize() {
        Tensor p = param(2.0);
        Adagrad opt = Adagrad.builder(p).lr(0.1).weightDecay(0.5).maximize(true).build();
        grad(p, 3);
        opt.step();                                   // g = -3 + 1 = -2, sum = 4
        values(p.data(), 2 + 0.1 * 2 / (2 + EPS));
    }

    @Test
    void theAccumulatorAlwaysStartsAtTheOptimizersValue() {
        // The spec's example: constructor 0.1, a group added later with 5.0, gradient 1 -> sum 1.1.
        Tensor a = param(1.0);
        Tensor b = param(1.0);
        Tensor c = param(1.0);
        Adagrad opt = Adagrad.builder(ParamGroup.of(a), ParamGroup.of(c).set("initial_accumulator_value", 7.0))
                .initialAccumulatorValue(0.1).build();
        values(opt.state(c).get("sum").data(), 0.1); // a group's own value is ignored at construction too
        opt.addParamGroup(ParamGroup.of(b).set("initial_accumulator_value", 5.0));
        assertEquals(Map.of(), opt.state(b), "added later: created at its first step");
        grad(b, 1);
        opt.step();
        values(opt.state(b).get("sum").data(), 1.1);
        values(opt.state(b).get("step").data(), 1);
    }

    @Test
    void invalidHyperparametersFailWithPyTorchsMessagesInItsOrder() {
        Tensor p = param(1);
        assertMessage("Invalid learning rate: -1.0", () -> Adagrad.builder(p).lr(-1).lrDecay(-1).build());
        assertMessage("Invalid lr_decay value: -0.5", () -> Adagrad.builder(p).lrDecay(-0.5).weightDecay(-1).build());
        assertMessage("Invalid weight_decay value: -0.1",
                () -> Adagrad.builder(p).weightDecay(-0.1).initialAccumulatorValue(-1).build());
        assertMessage("Invalid initial_accumulator_value value: -0.1",
                () -> Adagrad.builder(p).initialAccumulatorValue(-0.1).eps(-1).build());
        assertMessage("Invalid epsilon value: -1e-10", () -> Adagrad.builder(p).eps(-1e-10).build());
    }

    private static void assertMessage(String expected, Runnable construction) {
        var e = assertThrows(IllegalArgumentException.class, construction::run);
        assertEquals(expected, e.getMessage());
    }
}
