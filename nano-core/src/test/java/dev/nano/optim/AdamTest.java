package dev.nano.optim;

import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.nano.Expect.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Adam and AdamW against the textbook form of torch.optim.Adam's algorithm, worked out by hand. */
class AdamTest {
    private static final double EPS = 1e-8;

    private static Tensor param(double... values) {
        return Nano.tensor(values).requiresGrad(true);
    }

    private static void grad(Tensor p, double... values) {
        p.setGrad(Nano.tensor(values, p.shape()));
    }

    /** One textbook Adam step on one element: returns {p, m, v}. */
    private static double[] textbook(double p, double m, double v, double g, int t, double lr, double b1, double b2) {
        m = b1 * m + (1 - b1) * g;
        v = b2 * v + (1 - b2) * g * g;
        double mHat = m / (1 - Math.pow(b1, t));
        double vHat = v / (1 - Math.pow(b2, t));
        return new double[] {p - lr * mHat / (Math.sqrt(vHat) + EPS), m, v};
    }

    @Test
    void defaultsAreTorchs() {
        Adam adam = Adam.builder(param(1)).build();
        assertEquals(Map.of("lr", 1e-3, "betas", List.of(0.9, 0.999), "eps", 1e-8, "weight_decay", 0.0,
                "amsgrad", false, "maximize", false, "decoupled_weight_decay", false), adam.defaults());
        AdamW adamw = AdamW.builder(param(1)).build();
        assertEquals(Map.of("lr", 1e-3, "betas", List.of(0.9, 0.999), "eps", 1e-8, "weight_decay", 1e-2,
                "amsgrad", false, "maximize", false, "decoupled_weight_decay", true), adamw.defaults());
    }

    @Test
    void threeStepsMatchTheTextbookForm() {
        Tensor p = param(0.5, -1.0);
        Adam opt = Adam.builder(p).lr(0.01).build();
        double[][] grads = {{1.0, -0.5}, {0.25, 0.0}, {-2.0, 3.0}};
        double[][] expected = {{0.5, 0, 0}, {-1.0, 0, 0}};
        for (int t = 1; t <= 3; t++) {
            grad(p, grads[t - 1]);
            opt.step();
            for (int i = 0; i < 2; i++) {
                expected[i] = textbook(expected[i][0], expected[i][1], expected[i][2], grads[t - 1][i], t, 0.01, 0.9,
                        0.999);
            }
            values(p.data(), expected[0][0], expected[1][0]);
            values(opt.state(p).get("exp_avg").data(), expected[0][1], expected[1][1]);
            values(opt.state(p).get("exp_avg_sq").data(), expected[0][2], expected[1][2]);
            values(opt.state(p).get("step").data(), t);
        }
        assertEquals(List.of("step", "exp_avg", "exp_avg_sq"), List.copyOf(opt.state(p).keySet()));
    }

    @Test
    void theFirstStepMovesByAboutLrWhateverTheGradientsScale() {
        Tensor p = param(0, 0);
        Adam opt = Adam.builder(p).lr(0.1).build();
        grad(p, 1e-3, -1e3);
        opt.step();
        values(p.data(), -0.1 * 1e-3 / (1e-3 + EPS), 0.1 * 1e3 / (1e3 + EPS));
    }

    @Test
    void amsgradDividesByTheLargestSecondMomentSoFar() {
        Tensor p = param(0.0);
        Adam opt = Adam.builder(p).lr(0.1).amsgrad(true).build();
        grad(p, 1);
        opt.step();
        grad(p, 0);                                   // v falls to 0.999·0.001; the max stays 0.001
        opt.step();
        values(opt.state(p).get("exp_avg_sq").data(), 0.999 * 0.001);
        values(opt.state(p).get("max_exp_avg_sq").data(), 0.001);
        double m = 0.9 * 0.1;
        double firstStep = -0.1 * 1 / (1 + EPS);
        double bc2 = 1 - 0.999 * 0.999;
        values(p.data(), firstStep - 0.1 / (1 - 0.81) * m / (Math.sqrt(0.001) / Math.sqrt(bc2) + EPS));
        assertEquals(List.of("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"), List.copyOf(opt.state(p).keySet()));
    }

    @Test
    void adamAddsWeightDecayToTheGradientAfterMaximize() {
        Tensor p = param(2.0);
        Adam opt = Adam.builder(p).lr(0.1).weightDecay(0.5).maximize(true).build();
        grad(p, 3);
        opt.step();                                   // g = -3 + 0.5·2 = -2
        values(opt.state(p).get("exp_avg").data(), 0.1 * -2.0);
        values(p.data(), 2 + 0.1 * 2 / (2 + EPS));
    }

    @Test
    void adamWDecaysTheParameterFirstAndKeepsDecayOutOfTheMoments() {
        Tensor p = param(2.0);
        AdamW opt = AdamW.builder(p).lr(0.1).weightDecay(0.5).build();
        grad(p, 3);
        opt.step();                                   // p = 2·(1 - 0.05) = 1.9, then the Adam step on g = 3
        values(opt.state(p).get("exp_avg").data(), 0.3);
        values(p.data(), 1.9 - 0.1 * 3 / (3 + EPS));
        // The same algorithm as Adam with decoupledWeightDecay(true).
        Tensor q = param(2.0);
        grad(q, 3);
        Adam.builder(q).lr(0.1).weightDecay(0.5).decoupledWeightDecay(true).build().step();
        values(q.data(), p.data()[0]);
    }

    @Test
    void adamWBuilderSetsEveryOption() {
        Tensor p = param(1.0);
        AdamW opt = AdamW.builder(List.of(p)).lr(0.5).betas(0.5, 0.75).eps(0.0).weightDecay(0.0).amsgrad(true)
                .maximize(true).build();
        grad(p, 1);
        opt.step();                                   // g = -1: m = -0.5, v = 0.25, bias-corrected -1 and 1
        values(p.data(), 1.5);
        assertEquals(1, AdamW.builder(ParamGroup.of(p)).build().paramGroups().size());
    }

    @Test
    void boundaryValuesPyTorchAccepts() {
        Tensor p = param(1.0);
        grad(p, 1);
        Adam.builder(p).lr(0).betas(0.0, 0.0).eps(0).build().step();
        values(p.data(), 1.0);
    }

    @Test
    void invalidHyperparametersFailWithPyTorchsMessagesInItsOrder() {
        Tensor p = param(1);
        assertMessage("Invalid learning rate: -0.001", () -> Adam.builder(p).lr(-1e-3).eps(-1).build());
        assertMessage("Invalid learning rate: nan", () -> AdamW.builder(p).lr(Double.NaN).build());
        assertMessage("Invalid epsilon value: -1e-08", () -> Adam.builder(p).eps(-1e-8).betas(1, 1).build());
        assertMessage("Invalid beta parameter at index 0: 1.0", () -> Adam.builder(p).betas(1.0, 2.0).build());
        assertMessage("Invalid beta parameter at index 0: -0.1", () -> AdamW.builder(p).betas(-0.1, 0.9).build());
        assertMessage("Invalid beta parameter at index 1: 1.0",
                () -> Adam.builder(p).betas(0.9, 1.0).weightDecay(-1).build());
        assertMessage("Invalid beta parameter at index 1: nan", () -> AdamW.builder(p).betas(0.9, Double.NaN).build());
        assertMessage("Invalid weight_decay value: -0.01", () -> AdamW.builder(p).weightDecay(-0.01).build());
        assertMessage("Invalid weight_decay value: -1.0", () -> Adam.builder(p).weightDecay(-1).build());
    }

    private static void assertMessage(String expected, Runnable construction) {
        var e = assertThrows(IllegalArgumentException.class, construction::run);
        assertEquals(expected, e.getMessage());
    }
}
