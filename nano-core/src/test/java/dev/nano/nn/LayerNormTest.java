package dev.nano.nn;

import dev.nano.Expect;
import dev.nano.GradCheck;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LayerNormTest {
    private static final double EPS = 1e-5;

    @Test
    void normalisesEachRowWithTheBiasedVarianceAndEpsInsideTheRoot() {
        // Row [1, 2, 3]: mean 2, biased variance 2/3.
        double s = 1 / Math.sqrt(2.0 / 3 + EPS);
        Tensor x = Nano.tensor(new double[][] {{1, 2, 3}, {3, 2, 1}});
        Expect.values(F.layerNorm(x, new int[] {3}), new int[] {2, 3}, -s, 0, s, s, 0, -s);
        Tensor y = F.layerNorm(x, new int[] {3}, Nano.tensor(1, 2, 3), Nano.tensor(0.5, 0.5, 0.5), EPS);
        Expect.values(y, new int[] {2, 3}, 0.5 - s, 0.5, 0.5 + 3 * s, 0.5 + s, 0.5, 0.5 - 3 * s);
        Expect.values(F.layerNorm(x, new int[] {2, 3}), new int[] {2, 3}, -s, 0, s, s, 0, -s);
    }

    @Test
    void oneElementGivesTheBias() {
        LayerNorm ln = new LayerNorm(1);
        ln.bias().data()[0] = 0.75;
        Expect.values(ln.forward(Nano.tensor(new double[] {5, -3}, 2, 1)), new int[] {2, 1}, 0.75, 0.75);
    }

    @Test
    void theModuleHoldsWeightAndBiasOfTheNormalizedShape() {
        LayerNorm ln = new LayerNorm(3, 4);
        assertArrayEquals(new int[] {3, 4}, ln.weight().shape());
        assertArrayEquals(new int[] {3, 4}, ln.bias().shape());
        assertArrayEquals(new int[] {3, 4}, ln.normalizedShape());
        assertEquals(EPS, ln.eps());
        LayerNorm noBias = new LayerNorm(new int[] {4}, 1e-3, true, false);
        assertNull(noBias.bias());
        assertEquals(1, noBias.parameters().size());
        LayerNorm plain = new LayerNorm(new int[] {4}, 1e-3, false, true);
        assertNull(plain.weight());
        assertEquals(0, plain.parameters().size());
        Tensor x = GradCheck.uniform(1, -1, 1, 2, 4);
        assertArrayEquals(F.layerNorm(x, new int[] {4}, null, null, 1e-3).data(), plain.forward(x).data());
        plain.eval();
        assertArrayEquals(F.layerNorm(x, new int[] {4}, null, null, 1e-3).data(), plain.forward(x).data(),
                "no running statistics: eval computes the same");
    }

    @Test
    void rejectsWhatPyTorchRejects() {
        assertEquals("Given normalized_shape=[4, 5], expected input with shape [*, 4, 5], but got input of "
                + "size[2, 5, 4]", assertThrows(IllegalArgumentException.class,
                        () -> F.layerNorm(Nano.ones(2, 5, 4), new int[] {4, 5})).getMessage());
        assertEquals("Given normalized_shape=[2, 3], expected input with shape [*, 2, 3], but got input of size[3]",
                assertThrows(IllegalArgumentException.class, () -> F.layerNorm(Nano.ones(3), new int[] {2, 3}))
                        .getMessage());
        assertEquals("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, "
                + "but got normalized_shape = []", assertThrows(IllegalArgumentException.class,
                        () -> F.layerNorm(Nano.scalar(1), new int[0])).getMessage());
        assertEquals("Expected weight to be of same shape as normalized_shape, but got weight of shape [3] and "
                + "normalized_shape = [4]", assertThrows(IllegalArgumentException.class,
                        () -> F.layerNorm(Nano.ones(2, 4), new int[] {4}, Nano.ones(3), null, EPS)).getMessage());
        assertEquals("Expected bias to be of same shape as normalized_shape, but got bias of shape [3] and "
                + "normalized_shape = [4]", assertThrows(IllegalArgumentException.class,
                        () -> F.layerNorm(Nano.ones(2, 4), new int[] {4}, null, Nano.ones(3), EPS)).getMessage());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Object[][] cases = {{new int[] {4, 5}, new int[] {5}}, {new int[] {2, 3, 4}, new int[] {3, 4}},
            {new int[] {2, 2, 3, 2}, new int[] {2, 3, 2}}, {new int[] {5}, new int[] {5}}};
        long seed = 1;
        for (Object[] c : cases) {
            int[] xs = (int[]) c[0];
            int[] ns = (int[]) c[1];
            Tensor x = GradCheck.uniform(seed++, -2, 2, xs);
            Tensor w = GradCheck.uniform(seed++, 0.5, 1.5, ns);
            Tensor b = GradCheck.uniform(seed++, -1, 1, ns);
            GradCheck.check("layer norm affine", in -> F.layerNorm(in[0], ns, in[1], in[2], EPS), x, w, b);
            GradCheck.check("layer norm weight only", in -> F.layerNorm(in[0], ns, in[1], null, EPS), x, w);
            GradCheck.check("layer norm no affine", in -> F.layerNorm(in[0], ns), x);
        }
        Tensor empty = Nano.zeros(0, 3).requiresGrad(true);
        Tensor w = Nano.ones(3).requiresGrad(true);
        F.layerNorm(empty, new int[] {3}, w, null, EPS).sum().backward();
        Expect.values(w.grad(), new int[] {3}, 0, 0, 0);
        assertEquals("NativeLayerNormBackward0", F.layerNorm(Nano.ones(2).requiresGrad(true), new int[] {2}).gradFn()
                .name());
    }
}
