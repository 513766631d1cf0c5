package dev.nano.nn;

import dev.nano.Expect;
import dev.nano.GradCheck;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearTest {

    @Test
    void weightAndBiasAreUniformWithinOneOverRootIn() {
        Linear layer = new Linear(16, 400, true, new Random(3));
        double bound = 1 / Math.sqrt(16);
        for (Tensor p : layer.parameters()) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (double v : p.data()) {
                assertTrue(v >= -bound && v < bound, v + " outside ±" + bound);
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            // 6400 (400) draws: the extremes come within a few percent of the bounds, the mean near 0.
            assertTrue(min < -0.95 * bound && max > 0.95 * bound, "min " + min + ", max " + max);
            double sd = bound / Math.sqrt(3) / Math.sqrt(p.numel());
            assertTrue(Math.abs(sum / p.numel()) < 5 * sd, "mean " + sum / p.numel());
        }
        assertArrayEquals(new int[] {400, 16}, layer.weight().shape());
        assertArrayEquals(new int[] {400}, layer.bias().shape());
        assertEquals(16, layer.inFeatures());
        assertEquals(400, layer.outFeatures());
    }

    @Test
    void theSameSeedGivesTheSameWeights() {
        Linear a = new Linear(5, 3, true, new Random(9));
        Linear b = new Linear(5, 3, true, new Random(9));
        assertArrayEquals(a.weight().data(), b.weight().data());
        assertArrayEquals(a.bias().data(), b.bias().data());
        Nano.manualSeed(42);
        Linear c = new Linear(5, 3);
        Nano.manualSeed(42);
        Linear d = new Linear(5, 3);
        assertArrayEquals(c.weight().data(), d.weight().data());
        Linear e = new Linear(5, 3);
        assertNotEquals(d.weight().data()[0], e.weight().data()[0], "the default generator moves on");
    }

    @Test
    void noInputFeaturesGivesAZeroBias() {
        Linear layer = new Linear(0, 3, true, new Random(1));
        assertArrayEquals(new double[] {0, 0, 0}, layer.bias().data());
        Expect.values(layer.forward(Nano.zeros(2, 0)), new int[] {2, 3}, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void computesXTimesWeightTransposedPlusBias() {
        Tensor x = Nano.tensor(new double[][] {{1, 2}, {3, -1}});
        Tensor w = Nano.tensor(new double[][] {{1, 0}, {2, 1}, {-1, 1}});
        Tensor b = Nano.tensor(0.5, -1, 0);
        Expect.values(F.linear(x, w, b), new int[] {2, 3}, 1.5, 3, 1, 3.5, 4, -4);
        Expect.values(F.linear(x, w), new int[] {2, 3}, 1, 4, 1, 3, 5, -4);
        Expect.values(F.linear(Nano.tensor(1, 2), w, b), new int[] {3}, 1.5, 3, 1);
        Expect.values(F.linear(Nano.zeros(2, 2, 2), w, b), new int[] {2, 2, 3}, 0.5, -1, 0, 0.5, -1, 0, 0.5, -1, 0,
                0.5, -1, 0);
        Linear layer = new Linear(2, 3, true, new Random(0));
        System.arraycopy(w.data(), 0, layer.weight().data(), 0, 6);
        System.arraycopy(b.data(), 0, layer.bias().data(), 0, 3);
        Expect.values(layer.forward(x), new int[] {2, 3}, 1.5, 3, 1, 3.5, 4, -4);
    }

    @Test
    void rejectsWhatPyTorchRejects() {
        Tensor w = Nano.ones(5, 3);
        assertEquals("both arguments to linear need to be at least 1D, but they are 0D and 2D",
                assertThrows(IllegalArgumentException.class, () -> F.linear(Nano.scalar(1), w)).getMessage());
        assertEquals("The expanded size of the tensor (5) must match the existing size (4) at non-singleton dimension 1."
                + "  Target sizes: [2, 5].  Tensor sizes: [4]", assertThrows(IllegalArgumentException.class,
                        () -> F.linear(Nano.ones(2, 3), w, Nano.ones(4))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> F.linear(Nano.ones(2, 4), w)).getMessage()
                .contains("mat1 and mat2 shapes cannot be multiplied (2x4 and 3x5)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Linear(-1, 3)).getMessage()
                .contains("Trying to create tensor with negative dimension -1"));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        GradCheck.check("linear 2-D", in -> F.linear(in[0], in[1], in[2]), GradCheck.uniform(1, -1, 1, 4, 3),
                GradCheck.uniform(2, -1, 1, 5, 3), GradCheck.uniform(3, -1, 1, 5));
        GradCheck.check("linear 3-D", in -> F.linear(in[0], in[1], in[2]), GradCheck.uniform(4, -1, 1, 2, 4, 3),
                GradCheck.uniform(5, -1, 1, 5, 3), GradCheck.uniform(6, -1, 1, 5));
        GradCheck.check("linear 1-D, no bias", in -> F.linear(in[0], in[1]), GradCheck.uniform(7, -1, 1, 3),
                GradCheck.uniform(8, -1, 1, 5, 3));
    }
}
