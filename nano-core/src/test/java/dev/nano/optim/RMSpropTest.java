package dev.nano.optim;

import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.nano.Expect.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RMSprop against values worked out by hand from torch.optim.RMSprop's algorithm. */
class RMSpropTest {
    private static final double EPS = 1e-8;

    private static Tensor param(double... values) {
        return Nano.tensor(values).requiresGrad(true);
    }

    private static void grad(Tensor p, double... values) {
        p.setGrad(Nano.tensor(values, p.shape()));
    }

    @Test
    void defaultsAreTorchs() {
        RMSprop opt = RMSprop.builder(param(1)).build();
        assertEquals(Map.of("lr", 1e-2, "alpha", 0.99, "eps", 1e-8, "weight_decay", 0.0, "momentum", 0.0,
                "centered", false, "maximize", false), opt.defaults());
    }

    @Test
    void epsIsAddedAfterTheSquareRoot() {
        Tensor p = param(1.0);
        RMSprop opt = RMSprop.builder(p).build();
        grad(p, 2);
        opt.step();                                   // v = 0.01·4
        values(opt.state(p).get("square_avg").data(), 0.04);
        values(p.data(), 1 - 0.01 * 2 / (0.2 + EPS));
        grad(p, 1);
        opt.step();                                   // v = 0.99·0.04 + 0.01·1
        double v = 0.99 * 0.04 + 0.01;
        values(opt.state(p).get("square_avg").data(), v);
        values(p.data(), 1 - 0.01 * 2 / (0.2 + EPS) - 0.01 / (Math.sqrt(v) + EPS));
        values(opt.state(p).get("step").data(), 2);
        assertEquals(List.of("step", "square_avg"), List.copyOf(opt.state(p).keySet()));
    }

    @Test
    void centeredSubtractsTheSquaredMeanGradient() {
        Tensor p = param(1.0);
        RMSprop opt = RMSprop.builder(p).lr(0.1).alpha(0.9).centered(true).build();
        grad(p, 2);
        opt.step();                                   // v = 0.1·4, gavg = 0.1·2
        values(opt.state(p).get("grad_avg").data(), 0.2);
        values(p.data(), 1 - 0.1 * 2 / (Math.sqrt(0.4 - 0.04) + EPS));
        assertEquals(List.of("step", "square_avg", "grad_avg"), List.copyOf(opt.state(p).keySet()));
    }

    @Test
    void momentumBufferStartsAtZero() {
        Tensor p = param(0.0);
        RMSprop opt = RMSprop.builder(p).lr(0.1).alpha(0.5).momentum(0.1).build();
        grad(p, 1);
        opt.step();                                   // v = 0.5, buf = 0·0.1 + 1/(sqrt(0.5) + eps)
        double buf1 = 1 / (Math.sqrt(0.5) + EPS);
        values(opt.state(p).get("momentum_buffer").data(), buf1);
        values(p.data(), -0.1 * buf1);
        opt.step();                                   // v = 0.75
        double buf2 = 0.1 * buf1 + 1 / (Math.sqrt(0.75) + EPS);
        values(p.data(), -0.1 * buf1 - 0.1 * buf2);
    }

    @Test
    void weightDecayAndMaximize() {
        Tensor p = param(2.0);
        RMSprop opt = RMSprop.builder(p).lr(0.1).alpha(0.0).weightDecay(0.5).maximize(true).build();
        grad(p, 3);
        opt.step();                                   // g = -3 + 1 = -2, v = 4
        values(p.data(), 2 + 0.1 * 2 / (2 + EPS));
    }

    @Test
    void aNegativeCenteredVarianceGivesNaNAsInPyTorch() {
        // With alpha > 1 (accepted), v - gavg² can go negative; there is no clamp.
        Tensor p = param(1.0);
        RMSprop opt = RMSprop.builder(p).alpha(1.5).centered(true).build();
        grad(p, 1);
        opt.step();
        assertTrue(Double.isNaN(p.data()[0]));
    }

    @Test
    void invalidHyperparametersFailWithPyTorchsMessagesInItsOrder() {
        Tensor p = param(1);
        assertMessage("Invalid learning rate: -0.01", () -> RMSprop.builder(p).lr(-0.01).eps(-1).build());
        assertMessage("Invalid learning rate: nan", () -> RMSprop.builder(p).lr(Double.NaN).build());
        assertMessage("Invalid epsilon value: -1e-08", () -> RMSprop.builder(p).eps(-1e-8).momentum(-1).build());
        assertMessage("Invalid momentum value: -0.9", () -> RMSprop.builder(p).momentum(-0.9).weightDecay(-1).build());
        assertMessage("Invalid weight_decay value: -1.0", () -> RMSprop.builder(p).weightDecay(-1).alpha(-1).build());
        assertMessage("Invalid alpha value: -0.5", () -> RMSprop.builder(p).alpha(-0.5).build());
    }

    private static void assertMessage(String expected, Runnable construction) {
        var e = assertThrows(IllegalArgumentException.class, construction::run);
        assertEquals(expected, e.getMessage());
    }
}
