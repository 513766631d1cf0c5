package dev.nano.nn;

import dev.nano.Expect;
import dev.nano.GradCheck;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MseLossTest {

    @Test
    void reductionsDivideByTheNumberOfElements() {
        Tensor x = Nano.tensor(1, 2, 3).requiresGrad(true);
        Tensor t = Nano.tensor(1, 0, 5);
        Tensor mean = F.mseLoss(x, t);
        Expect.values(mean, new int[0], 8.0 / 3);
        Expect.values(F.mseLoss(x, t, "sum"), new int[0], 8);
        Expect.values(F.mseLoss(x, t, "none"), new int[] {3}, 0, 4, 4);
        assertEquals("MseLossBackward0", mean.gradFn().name());
        mean.backward();
        Expect.values(x.grad(), new int[] {3}, 0, 4.0 / 3, -4.0 / 3);
    }

    @Test
    void inputAndTargetBroadcast() {
        Tensor x = Nano.tensor(new double[] {1, 2}, 2, 1);
        Tensor t = Nano.tensor(0, 3);
        Expect.values(F.mseLoss(x, t, "none"), new int[] {2, 2}, 1, 4, 4, 1);
        Expect.values(F.mseLoss(x, t), new int[0], 2.5);
        assertEquals("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
                assertThrows(IllegalArgumentException.class, () -> F.mseLoss(Nano.ones(2, 3), Nano.ones(2, 4)))
                        .getMessage());
    }

    @Test
    void anEmptyMeanIsNaN() {
        Expect.values(F.mseLoss(Nano.zeros(0), Nano.zeros(0)), new int[0], Double.NaN);
        Expect.values(F.mseLoss(Nano.zeros(0), Nano.zeros(0), "sum"), new int[0], 0);
    }

    @Test
    void weightedMeanDividesByTheSumOfTheWeights() {
        Tensor x = Nano.tensor(1, 2, 3);
        Tensor t = Nano.tensor(1, 0, 5);
        Tensor w = Nano.tensor(1, 2, 0);
        Expect.values(F.mseLoss(x, t, "mean", w), new int[0], 8.0 / 3);
        Expect.values(F.mseLoss(x, t, "sum", w), new int[0], 8);
        Expect.values(F.mseLoss(x, t, "none", w), new int[] {3}, 0, 8, 0);
        assertEquals("Weights and input must have the same size.", assertThrows(IllegalArgumentException.class,
                () -> F.mseLoss(x, t, "mean", Nano.ones(2))).getMessage());
        assertEquals("Invalid reduction mode: avg. Expected one of 'none', 'mean', 'sum'.",
                assertThrows(IllegalArgumentException.class, () -> F.mseLoss(x, t, "avg", w)).getMessage());
    }

    @Test
    void anUnknownReductionFailsAsInPyTorch() {
        assertEquals("avg is not a valid value for reduction", assertThrows(IllegalArgumentException.class,
                () -> F.mseLoss(Nano.ones(2), Nano.ones(2), "avg")).getMessage());
        assertEquals("null is not a valid value for reduction", assertThrows(IllegalArgumentException.class,
                () -> F.mseLoss(Nano.ones(2), Nano.ones(2), null)).getMessage());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (String r : new String[] {"mean", "sum", "none"}) {
            GradCheck.check("mse " + r, in -> F.mseLoss(in[0], in[1], r), GradCheck.uniform(1, -1, 1, 3, 4),
                    GradCheck.uniform(2, -1, 1, 3, 4));
            GradCheck.check("weighted mse " + r, in -> F.mseLoss(in[0], in[1], r, Nano.tensor(0.5, 1, 2)),
                    GradCheck.uniform(3, -1, 1, 3), GradCheck.uniform(4, -1, 1, 3));
        }
        GradCheck.check("mse broadcast", in -> F.mseLoss(in[0], in[1]), GradCheck.uniform(5, -1, 1, 4, 1),
                GradCheck.uniform(6, -1, 1, 4));
    }
}
