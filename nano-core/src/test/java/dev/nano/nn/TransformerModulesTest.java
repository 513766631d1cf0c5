package dev.nano.nn;

import dev.nano.Expect;
import dev.nano.GradCheck;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Embedding, ModuleList, MultiheadAttention and TransformerEncoderLayer: PyTorch's state-dict keys,
 * shapes, zeroed rows and biases, reprs and messages; the two attention paths agreeing; batch_first
 * being a transpose; gradients against finite differences. (Their values against libtorch are in
 * torch-oracle's TransformerModulesDriftTest.)
 */
class TransformerModulesTest {

    @Test
    void embeddingZeroesItsPaddingRowAndLooksUpRows() {
        Embedding e = new Embedding(5, 3, -2, Nano.generator(1));
        assertEquals(3, e.paddingIdx());
        assertArrayEquals(new double[] {0, 0, 0}, java.util.Arrays.copyOfRange(e.weight().data(), 9, 12));
        assertEquals("Embedding(5, 3, padding_idx=3)", e.toString());
        assertEquals(List.of("weight"), List.copyOf(e.stateDict().keySet()));
        Tensor out = e.forward(Nano.longTensor(new long[] {3, 1}, 2));
        assertArrayEquals(java.util.Arrays.copyOfRange(e.weight().data(), 3, 6),
                java.util.Arrays.copyOfRange(out.data(), 3, 6));
        out.sum().backward();
        Expect.values(java.util.Arrays.copyOfRange(e.weight().grad().data(), 9, 12), 0, 0, 0);
        assertEquals("Embedding(4, 2)", new Embedding(4, 2).toString());
        assertNull(new Embedding(4, 2).paddingIdx());
        assertEquals("Padding_idx must be within num_embeddings", assertThrows(IllegalArgumentException.class,
                () -> new Embedding(4, 2, 4, Nano.generator(1))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Embedding(4, 2, -5, Nano.generator(1)));
    }

    @Test
    void moduleListHoldsModulesUnderTheirPositions() {
        ModuleList list = new ModuleList(new Linear(2, 3, true, Nano.generator(1))).append(new ReLU());
        assertEquals(2, list.size());
        assertSame(list.children().get(1), list.get(-1));
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(list.stateDict().keySet()));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(2));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(-3));
        assertEquals("Module [ModuleList] is missing the required \"forward\" function",
                assertThrows(UnsupportedOperationException.class, () -> list.forward(Nano.zeros(2))).getMessage());
    }

    private static MultiheadAttention mha(boolean bias, boolean batchFirst) {
        return new MultiheadAttention(4, 2, 0.0, bias, batchFirst, Nano.generator(3));
    }

    @Test
    void multiheadAttentionHasPyTorchsParametersAndZeroBiases() {
        MultiheadAttention m = mha(true, false);
        assertEquals(List.of("in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"),
                List.copyOf(m.stateDict().keySet()));
        assertArrayEquals(new int[] {12, 4}, m.inProjWeight().shape());
        Expect.values(m.inProjBias(), new int[] {12}, new double[12]);
        Expect.values(m.outProj().bias(), new int[] {4}, new double[4]);
        double bound = Math.sqrt(6.0 / (4 + 12)); // xavier_uniform_ on (3E, E)
        for (double w : m.inProjWeight().data()) {
            assertTrue(Math.abs(w) <= bound);
        }
        assertEquals(List.of("in_proj_weight", "out_proj.weight"), List.copyOf(mha(false, false).stateDict()
                .keySet()));
        assertNull(mha(false, false).inProjBias());
        assertTrue(mha(false, true).batchFirst());
        assertEquals("MultiheadAttention(\n  (out_proj): Linear(in_features=4, out_features=4, bias=True)\n)",
                m.toString());
        assertEquals("embed_dim must be divisible by num_heads", assertThrows(IllegalArgumentException.class,
                () -> new MultiheadAttention(5, 2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MultiheadAttention(0, 2));
        assertThrows(IllegalArgumentException.class, () -> new MultiheadAttention(4, 0));
    }

    @Test
    void bothAttentionPathsAgreeAndBatchFirstIsATranspose() {
        MultiheadAttention m = mha(true, false);
        Tensor x = GradCheck.uniform(5, -1, 1, 3, 2, 4); // (L, N, E)
        Tensor mask = Nano.boolTensor(new boolean[] {false, true, false, false, false, true, false, false, false},
                3, 3);
        Tensor kpm = Nano.boolTensor(new boolean[] {false, false, true, false, false, false}, 2, 3);
        MultiheadAttention.Output withWeights = m.forward(x, x, x, kpm, true, mask, true);
        MultiheadAttention.Output without = m.forward(x, x, x, kpm, false, mask, true);
        assertNull(without.weights());
        assertArrayEquals(new int[] {2, 3, 3}, withWeights.weights().shape());
        for (int i = 0; i < x.numel(); i++) {
            assertEquals(withWeights.output().data()[i], without.output().data()[i], 1e-12);
        }
        assertArrayEquals(new int[] {2, 2, 3, 3}, m.forward(x, x, x, null, true, null, false).weights().shape());
        // a float mask of 0 / -inf is the bool mask
        Tensor floatMask = Nano.zeros(3, 3).maskedFill(mask, Double.NEGATIVE_INFINITY);
        Expect.values(m.forward(x, x, x, null, false, floatMask, true).output(), new int[] {3, 2, 4},
                m.forward(x, x, x, null, false, mask, true).output().data());
        MultiheadAttention first = mha(true, true);
        Tensor xb = x.transpose(0, 1);
        Expect.values(first.forward(xb), new int[] {2, 3, 4}, m.forward(x).transpose(0, 1).data());
        Tensor kv = GradCheck.uniform(6, -1, 1, 5, 2, 4);
        Tensor v = GradCheck.uniform(7, -1, 1, 5, 2, 4);
        assertArrayEquals(new int[] {3, 2, 4}, m.forward(x, kv, kv, null, false, null, true).output().shape());
        assertArrayEquals(new int[] {3, 2, 4}, m.forward(x, kv, v, null, true, null, true).output().shape());
        assertArrayEquals(new int[] {2, 3, 4}, first.forward(xb, kv.transpose(0, 1), v.transpose(0, 1), null, false,
                null, true).output().shape());
        assertArrayEquals(new int[] {2, 3, 4}, first.forward(xb, kv.transpose(0, 1), kv.transpose(0, 1), null,
                false, Nano.zeros(4, 3, 5), true).output().shape());
        assertArrayEquals(new int[] {3, 2, 4}, mha(false, false).forward(x, kv, v, null, false, Nano.zeros(3, 5),
                true).output().shape());
    }

    @Test
    void multiheadAttentionGradientsMatchFiniteDifferences() {
        MultiheadAttention m = mha(true, false);
        Tensor mask = Nano.tensor(new double[] {0, -1, 0.5, 0, 0, Double.NEGATIVE_INFINITY}, 2, 3);
        GradCheck.check("mha need_weights", in -> m.forward(in[0], in[1], in[1], null, true, mask, true).output(),
                GradCheck.uniform(8, -1, 1, 2, 2, 4), GradCheck.uniform(9, -1, 1, 3, 2, 4));
        GradCheck.check("mha sdpa path", in -> m.forward(in[0], in[0], in[0], null, false, null, true).output(),
                GradCheck.uniform(10, -1, 1, 3, 2, 4));
    }

    @Test
    void multiheadAttentionRefusesWhatPyTorchRefuses() {
        MultiheadAttention m = mha(true, false);
        Tensor x = Nano.zeros(3, 2, 4);
        assertEquals("was expecting embedding dimension of 4, but got 5", assertThrows(
                IllegalArgumentException.class, () -> m.forward(Nano.zeros(3, 2, 5))).getMessage());
        assertEquals("key shape torch.Size([3, 2, 4]) does not match value shape torch.Size([4, 2, 4])",
                assertThrows(IllegalArgumentException.class, () -> m.forward(x, x, Nano.zeros(4, 2, 4), null, false,
                        null, true)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.forward(x, x, Nano.zeros(3, 1, 4), null, false, null,
                true));
        assertEquals("The shape of the 2D attn_mask is torch.Size([2, 3]), but should be (3, 3).", assertThrows(
                IllegalArgumentException.class, () -> m.forward(x, x, x, null, false, Nano.zeros(2, 3), true))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.forward(x, x, x, null, false, Nano.zeros(3, 2), true));
        assertEquals("The shape of the 3D attn_mask is torch.Size([2, 3, 3]), but should be (4, 3, 3).",
                assertThrows(IllegalArgumentException.class, () -> m.forward(x, x, x, null, false,
                        Nano.zeros(2, 3, 3), true)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.forward(x, x, x, null, false, Nano.zeros(4, 2, 3), true));
        assertThrows(IllegalArgumentException.class, () -> m.forward(x, x, x, null, false, Nano.zeros(4, 3, 2), true));
        assertEquals("attn_mask's dimension 4 is not supported", assertThrows(IllegalArgumentException.class,
                () -> m.forward(x, x, x, null, false, Nano.zeros(1, 4, 3, 3), true)).getMessage());
        assertEquals("expecting key_padding_mask shape of (2, 3), but got torch.Size([3, 2])", assertThrows(
                IllegalArgumentException.class, () -> m.forward(x, x, x, Nano.zeros(3, 2), false, null, true))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.forward(x, x, x, Nano.zeros(2), false, null, true));
        assertThrows(IllegalArgumentException.class, () -> m.forward(x, x, x, Nano.zeros(2, 4), false, null, true));
        assertEquals("only bool and floating types of attn_mask are supported", assertThrows(
                IllegalArgumentException.class, () -> m.forward(x, x, x, null, false,
                        Nano.longTensor(new long[9], 3, 3), true)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.forward(Nano.zeros(2, 4)));
        assertThrows(IllegalArgumentException.class, () -> m.forward(x, Nano.zeros(2, 4), x, null, false, null,
                true));
        assertThrows(IllegalArgumentException.class, () -> m.forward(x, x, Nano.zeros(2, 4), null, false, null,
                true));
    }

    @Test
    void transformerEncoderLayerIsPyTorchsInBothNormOrders() {
        TransformerEncoderLayer post = new TransformerEncoderLayer(4, 2, 8, 0.0, "relu", 1e-5, false, false, true,
                Nano.generator(4));
        assertEquals(List.of("self_attn.in_proj_weight", "self_attn.in_proj_bias", "self_attn.out_proj.weight",
                "self_attn.out_proj.bias", "linear1.weight", "linear1.bias", "linear2.weight", "linear2.bias",
                "norm1.weight", "norm1.bias", "norm2.weight", "norm2.bias"), List.copyOf(post.stateDict().keySet()));
        assertTrue(!post.normFirst());
        assertSame(post.children().get(0), post.selfAttn());
        TransformerEncoderLayer pre = new TransformerEncoderLayer(4, 2, 8, 0.0, "gelu", 1e-5, true, true, true,
                Nano.generator(4));
        assertTrue(pre.normFirst());
        Tensor x = GradCheck.uniform(11, -1, 1, 3, 2, 4);
        assertArrayEquals(new int[] {3, 2, 4}, post.forward(x).shape());
        Tensor mask = Nano.boolTensor(new boolean[] {false, true, true, false, false, true, false, false, false}, 3,
                3);
        assertArrayEquals(new int[] {2, 3, 4}, pre.forward(x.transpose(0, 1), mask, null).shape());
        GradCheck.check("encoder layer post-norm relu", in -> post.forward(in[0], mask, null),
                GradCheck.uniform(12, -1, 1, 3, 2, 4));
        GradCheck.check("encoder layer pre-norm gelu", in -> pre.forward(in[0], null,
                Nano.boolTensor(new boolean[] {false, false, true, false, false, false}, 2, 3)),
                GradCheck.uniform(13, -1, 1, 2, 3, 4));
        assertArrayEquals(new int[] {2048}, new TransformerEncoderLayer(4, 2).stateDict().get("linear1.bias").shape());
        assertEquals("activation should be relu/gelu, not tanh", assertThrows(IllegalArgumentException.class,
                () -> new TransformerEncoderLayer(4, 2, 8, 0.0, "tanh", 1e-5, false, false, true, Nano.generator(1)))
                .getMessage());
        TransformerEncoderLayer dropping = new TransformerEncoderLayer(4, 2, 8, 0.5, "relu", 1e-5, false, false, true,
                Nano.generator(4));
        assertArrayEquals(new int[] {3, 2, 4}, dropping.forward(x).shape());
        dropping.eval();
        Expect.values(dropping.forward(x), new int[] {3, 2, 4}, dropping.forward(x).data());
    }
}
