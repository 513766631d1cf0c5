package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Expect;
import dev.nano.GradCheck;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * F.embedding, F.scaledDotProductAttention and F.oneHot: values against the definitions written out as
 * plain loops (or PyTorch's printed numbers where said), gradients against finite differences, and
 * PyTorch's messages for bad arguments.
 */
class AttentionTest {
    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    // ---------------------------------------------------------------- embedding

    @Test
    void embeddingPicksRowsAndThePaddingRowGetsNoGradient() {
        Tensor w = Nano.tensor(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 4, 2).requiresGrad(true);
        Tensor idx = Nano.longTensor(new long[] {0, 3, 1, 3}, 2, 2);
        Tensor out = F.embedding(idx, w, 3);
        Expect.values(out, new int[] {2, 2, 2}, 1, 2, 7, 8, 3, 4, 7, 8);
        out.backward(Nano.tensor(new double[] {1, 1, 2, 2, 3, 3, 4, 4}, 2, 2, 2));
        Expect.values(w.grad(), new int[] {4, 2}, 1, 1, 3, 3, 0, 0, 0, 0);
        assertEquals("EmbeddingBackward0", out.gradFn().name());
        Tensor w2 = Nano.tensor(new double[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
        F.embedding(Nano.longTensor(new long[] {1, 1, 0}, 3), w2, -1).sum().backward();
        Expect.values(w2.grad(), new int[] {2, 2}, 1, 1, 0, 0); // -1 is row 1, counted from the end
        GradCheck.check("embedding", in -> F.embedding(Nano.longTensor(new long[] {2, 0, 2, 1}, 4), in[0]),
                GradCheck.uniform(1, -1, 1, 3, 4));
        assertArrayEquals(new int[] {0, 4}, F.embedding(Nano.longTensor(new long[0], 0), Nano.zeros(3, 4)).shape());
        Expect.values(F.embedding(Nano.longTensor(new long[] {1}, 1), Nano.tensor(new double[] {5, 6}, 2, 1), 0),
                new int[] {1, 1}, 6);
    }

    @Test
    void embeddingRefusesWhatPyTorchRefuses() {
        Tensor w = Nano.zeros(4, 2);
        assertEquals("index out of range in self", assertThrows(IndexOutOfBoundsException.class,
                () -> F.embedding(Nano.longTensor(new long[] {0, 4}, 2), w)).getMessage());
        assertEquals("index out of range in self", assertThrows(IndexOutOfBoundsException.class,
                () -> F.embedding(Nano.longTensor(new long[] {-1}, 1), w)).getMessage());
        assertEquals("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; "
                + "but got CPUDoubleType instead (while checking arguments for embedding)",
                assertThrows(IllegalArgumentException.class, () -> F.embedding(Nano.tensor(0, 1), w)).getMessage());
        assertEquals("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; "
                + "but got CPUBoolType instead (while checking arguments for embedding)",
                assertThrows(IllegalArgumentException.class, () -> F.embedding(Nano.boolTensor(new boolean[] {true},
                        1), w)).getMessage());
        assertEquals("'weight' must be 2-D", assertThrows(IllegalArgumentException.class,
                () -> F.embedding(Nano.longTensor(new long[] {0}, 1), Nano.zeros(4))).getMessage());
        assertEquals("Padding_idx must be within num_embeddings", assertThrows(IllegalArgumentException.class,
                () -> F.embedding(Nano.longTensor(new long[] {0}, 1), w, 4)).getMessage());
        assertEquals("Padding_idx must be within num_embeddings", assertThrows(IllegalArgumentException.class,
                () -> F.embedding(Nano.longTensor(new long[] {0}, 1), w, -5)).getMessage());
    }

    // ---------------------------------------------------------------- one_hot

    @Test
    void oneHotPutsAOneAtEachIndex() {
        Tensor t = F.oneHot(Nano.longTensor(new long[] {0, 3, 1, 3}, 2, 2));
        assertEquals(DType.INT64, t.dtype());
        Expect.values(t.toFloat64(), new int[] {2, 2, 4}, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1);
        Expect.values(F.oneHot(Nano.longTensor(new long[] {2}, 1), 4).toFloat64(), new int[] {1, 4}, 0, 0, 1, 0);
        assertArrayEquals(new int[] {0, 3}, F.oneHot(Nano.longTensor(new long[0], 0), 3).shape());
        assertEquals("Can not infer total number of classes from empty tensor.", assertThrows(
                IllegalArgumentException.class, () -> F.oneHot(Nano.longTensor(new long[0], 0))).getMessage());
        assertEquals("Class values must be non-negative.", assertThrows(IllegalArgumentException.class,
                () -> F.oneHot(Nano.longTensor(new long[] {-1}, 1))).getMessage());
        assertEquals("Class values must be smaller than num_classes.", assertThrows(IllegalArgumentException.class,
                () -> F.oneHot(Nano.longTensor(new long[] {3}, 1), 3)).getMessage());
        assertEquals("one_hot is only applicable to index tensor of type LongTensor.", assertThrows(
                IllegalArgumentException.class, () -> F.oneHot(Nano.tensor(1.0))).getMessage());
    }

    // ---------------------------------------------------------------- scaled dot-product attention

    /** softmax(scale · q kᵀ + mask) v for one (L, E), (S, E), (S, Ev) triple, in plain loops. */
    private static double[] direct(double[] q, double[] k, double[] v, double[] mask, int l, int s, int e, int ev,
                                   double scale) {
        double[] out = new double[l * ev];
        for (int i = 0; i < l; i++) {
            double[] w = new double[s];
            double max = NEG_INF;
            for (int j = 0; j < s; j++) {
                double dot = 0;
                for (int c = 0; c < e; c++) {
                    dot += q[i * e + c] * k[j * e + c];
                }
                w[j] = dot * scale + (mask == null ? 0 : mask[i * s + j]);
                max = Math.max(max, w[j]);
            }
            double sum = 0;
            for (int j = 0; j < s; j++) {
                w[j] = max == NEG_INF ? 0 : Math.exp(w[j] - max);
                sum += w[j];
            }
            for (int j = 0; j < s; j++) {
                for (int c = 0; c < ev; c++) {
                    out[i * ev + c] += sum == 0 ? 0 : w[j] / sum * v[j * ev + c];
                }
            }
        }
        return out;
    }

    @Test
    void attentionMatchesTheDefinitionWithAFloatMaskAndAScale() {
        Tensor q = GradCheck.uniform(1, -1, 1, 3, 4);
        Tensor k = GradCheck.uniform(2, -1, 1, 5, 4);
        Tensor v = GradCheck.uniform(3, -1, 1, 5, 2);
        Tensor m = GradCheck.uniform(4, -1, 1, 3, 5);
        Tensor out = F.scaledDotProductAttention(q, k, v, m, 0.0, false, 0.7);
        double[] expected = direct(q.data(), k.data(), v.data(), m.data(), 3, 5, 4, 2, 0.7);
        assertArrayEquals(new int[] {3, 2}, out.shape());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], out.data()[i], 1e-12);
        }
        Tensor plain = F.scaledDotProductAttention(q, k, v);
        double[] unscaled = direct(q.data(), k.data(), v.data(), null, 3, 5, 4, 2, 0.5);
        for (int i = 0; i < unscaled.length; i++) {
            assertEquals(unscaled[i], plain.data()[i], 1e-12);
        }
    }

    /** libtorch 2.7.1's answer (printed from torch.scaled_dot_product_attention, float64, 3-D: math backend). */
    @Test
    void aFullyMaskedRowGivesZerosAsLibtorchDoes() {
        Tensor q = Nano.tensor(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, 1, 3, 2).requiresGrad(true);
        Tensor k = Nano.tensor(new double[] {0.3, -0.2, 0.1, 0.7, 0.5, 0.2}, 1, 3, 2);
        Tensor v = Nano.tensor(new double[] {1, 2, 3, 4, 5, 6}, 1, 3, 2);
        Tensor mask = Nano.boolTensor(new boolean[] {false, false, false, true, false, true, true, true, true}, 3, 3);
        Tensor out = F.scaledDotProductAttention(q, k, v, mask, 0.0, false, null);
        Expect.values(out, new int[] {1, 3, 2}, 0.0, 0.0, 3.1552505294995554, 4.155250529499555, 3.1494626571621875,
                4.1494626571621875);
        out.sum().backward();
        Expect.values(q.grad(), new int[] {1, 3, 2}, 0.0, 0.0, 0.28113839231031174, 0.5622767846206236,
                0.19890496777491543, 0.29467651894184355);
        Tensor minusInf = Nano.tensor(new double[] {0, 0, 0, NEG_INF, 0, NEG_INF, NEG_INF, NEG_INF, NEG_INF}, 3, 3);
        Expect.values(F.scaledDotProductAttention(q, k, v, minusInf, 0.0, false, null), new int[] {1, 3, 2},
                3.0458937508313935, 4.045893750831393, 3.0, 4.0, 0.0, 0.0);
    }

    @Test
    void causalAttentionIsAlignedTopLeftWhenTheLengthsDiffer() {
        Tensor q = Nano.tensor(new double[] {0.1, 0.2, 0.3, 0.4}, 1, 2, 2);
        Tensor kv = Nano.tensor(new double[] {0.3, -0.2, 0.1, 0.7, 0.5, 0.2}, 1, 3, 2);
        Tensor v = Nano.tensor(new double[] {1, 2, 3, 4, 5, 6}, 1, 3, 2);
        // libtorch 2.7.1: query 0 sees key 0 only, query 1 keys 0 and 1
        Expect.values(F.scaledDotProductAttention(q, kv, v, null, 0.0, true, null), new int[] {1, 2, 2}, 1.0, 2.0,
                2.1056700513643176, 3.1056700513643176);
        Expect.values(F.scaledDotProductAttention(kv, q, q, null, 0.0, true, null), new int[] {1, 3, 2}, 0.1, 0.2,
                0.20565082798512707, 0.3056508279851271, 0.2049457091320634, 0.3049457091320634);
    }

    /** Found by the fuzzer: libtorch 2.7.1 (math and flash alike) gives NaN here, the masked score being 0 · inf. */
    @Test
    void aNaNScoreStaysNaNUnderTheCausalMask() {
        double inf = Double.POSITIVE_INFINITY;
        Tensor q = Nano.tensor(new double[] {0, 0, 0, 1, 1, 1}, 1, 2, 3);
        Tensor k = Nano.tensor(new double[] {0, 0, 0, 0, 0, inf, 1, 0, 0}, 1, 3, 3);
        Tensor v = Nano.tensor(new double[] {1, 0, 0}, 1, 3, 1);
        Expect.values(F.scaledDotProductAttention(q, k, v, null, 0.0, true, null), new int[] {1, 2, 1}, Double.NaN,
                Double.NaN);
    }

    @Test
    void attentionGradientsMatchFiniteDifferences() {
        GradCheck.check("sdpa float mask, broadcast batch", in -> F.scaledDotProductAttention(in[0], in[1], in[2],
                        in[3], 0.0, false, null), GradCheck.uniform(5, -1, 1, 2, 1, 3, 4),
                GradCheck.uniform(6, -1, 1, 1, 2, 5, 4), GradCheck.uniform(7, -1, 1, 2, 2, 5, 3),
                GradCheck.uniform(8, -1, 1, 3, 5));
        GradCheck.check("sdpa causal", in -> F.scaledDotProductAttention(in[0], in[1], in[2], null, 0.0, true, 0.3),
                GradCheck.uniform(9, -1, 1, 2, 4, 3), GradCheck.uniform(10, -1, 1, 2, 4, 3),
                GradCheck.uniform(11, -1, 1, 2, 4, 2));
        Tensor bool = Nano.boolTensor(new boolean[] {true, false, false, false, true, true}, 2, 3);
        GradCheck.check("sdpa bool mask with a fully masked row", in -> F.scaledDotProductAttention(in[0], in[1],
                        in[2], bool, 0.0, false, null), GradCheck.uniform(12, -1, 1, 2, 2),
                GradCheck.uniform(13, -1, 1, 3, 2), GradCheck.uniform(14, -1, 1, 3, 2));
    }

    @Test
    void attentionDropoutZeroesWeightsFromTheGivenGenerator() {
        Tensor q = GradCheck.uniform(1, -1, 1, 2, 8, 4);
        Tensor v = GradCheck.uniform(2, -1, 1, 2, 8, 3);
        Tensor a = F.scaledDotProductAttention(q, q, v, null, 0.5, false, null, Nano.generator(3));
        Tensor b = F.scaledDotProductAttention(q, q, v, null, 0.5, false, null, Nano.generator(3));
        assertArrayEquals(a.data(), b.data());
        Tensor none = F.scaledDotProductAttention(q, q, v, null, -0.5, false, null); // no dropout for p <= 0
        Expect.values(none, new int[] {2, 8, 3}, F.scaledDotProductAttention(q, q, v).data());
        Expect.values(F.scaledDotProductAttention(q, q, v, null, 1.0, false, null), new int[] {2, 8, 3},
                new double[48]);
    }

    @Test
    void attentionRefusesWhatPyTorchRefuses() {
        Tensor q = Nano.zeros(1, 3, 2);
        Tensor bool = Nano.boolTensor(new boolean[9], 3, 3);
        assertEquals("Expected query, key, and value to have the same dtype, but got query.dtype: double key.dtype: "
                + "long int and value.dtype: double instead.", assertThrows(IllegalArgumentException.class,
                    () -> F.scaledDotProductAttention(q, Nano.longTensor(new long[6], 1, 3, 2), q)).getMessage());
        assertEquals("Expected query, key, and value to have the same dtype, but got query.dtype: double key.dtype: "
                + "double and value.dtype: bool instead.", assertThrows(IllegalArgumentException.class,
                    () -> F.scaledDotProductAttention(q, q, Nano.boolTensor(new boolean[6], 1, 3, 2))).getMessage());
        assertEquals("Expected query, key, and value to all be  at least 2 dimensional, but got query.dim: 1 key.dim: 3"
                + " and value.dim: 3 instead.", assertThrows(IllegalArgumentException.class,
                    () -> F.scaledDotProductAttention(Nano.zeros(2), q, q)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> F.scaledDotProductAttention(q, Nano.zeros(2), q));
        assertThrows(IllegalArgumentException.class, () -> F.scaledDotProductAttention(q, q, Nano.zeros(2)));
        assertEquals("Expected attn_mask dtype to be bool or float or to match query dtype, but got attn_mask.dtype: "
                + "long int and  query.dtype: double instead.", assertThrows(IllegalArgumentException.class,
                    () -> F.scaledDotProductAttention(q, q, q, Nano.longTensor(new long[9], 3, 3), 0, false, null))
                .getMessage());
        assertEquals("_scaled_dot_product_attention: Explicit attn_mask should not be set when is_causal=True",
                assertThrows(IllegalArgumentException.class, () -> F.scaledDotProductAttention(q, q, q, bool, 0, true,
                        null)).getMessage());
        assertEquals("Expected size for first two dimensions of batch2 tensor to be: [1, 2] but got: [1, 1].",
                assertThrows(IllegalArgumentException.class, () -> F.scaledDotProductAttention(q, Nano.zeros(1, 3, 1),
                        q)).getMessage());
        assertEquals("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1",
                assertThrows(IllegalArgumentException.class, () -> F.scaledDotProductAttention(q, q, q,
                        Nano.zeros(2, 3), 0, false, null)).getMessage());
        assertEquals("output with shape [1, 3, 3] doesn't match the broadcast shape [2, 1, 3, 3]",
                assertThrows(IllegalArgumentException.class, () -> F.scaledDotProductAttention(q, q, q,
                        Nano.zeros(2, 1, 3, 3), 0, false, null)).getMessage());
        assertEquals("dropout probability has to be between 0 and 1, but got 1.5",
                assertThrows(IllegalArgumentException.class, () -> F.scaledDotProductAttention(q, q, q, null, 1.5,
                        false, null)).getMessage());
        assertNull(F.scaledDotProductAttention(q, q, q).gradFn());
    }
}
