package dev.nano;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * maskedFill, tril/triu, bmm/baddbmm, split/chunk and cumsum: values worked out by hand, gradients
 * against finite differences, and PyTorch's messages for bad arguments (the parity against libtorch
 * itself is in torch-oracle's catalogue).
 */
class AttentionBuildingBlocksTest {

    private static Tensor mask(int[] shape, boolean... values) {
        return Nano.boolTensor(values, shape);
    }

    @Test
    void maskedFillWritesTheValueWhereTheMaskIsTrueAndBroadcastsBothWays() {
        Tensor x = Nano.tensor(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Expect.values(x.maskedFill(mask(new int[] {3}, true, false, true), Double.NEGATIVE_INFINITY), new int[] {2, 3},
                Double.NEGATIVE_INFINITY, 2, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 5,
                Double.NEGATIVE_INFINITY);
        // x broadcasts too: (3,) against a (2, 3) mask
        Expect.values(Nano.tensor(1, 2, 3).maskedFill(mask(new int[] {2, 3}, true, false, false, false, false, true),
                9), new int[] {2, 3}, 9, 2, 3, 1, 2, 9);
        GradCheck.check("maskedFill", in -> in[0].maskedFill(mask(new int[] {2, 1}, true, false), 0.5),
                GradCheck.uniform(1, -1, 1, 2, 3));
        GradCheck.check("maskedFill broadcast x", in -> in[0].maskedFill(mask(new int[] {2, 3}, true, false, false,
                false, true, false), 0.5), GradCheck.uniform(2, -1, 1, 3));
    }

    @Test
    void maskedFillKeepsTheInputsDtype() {
        Tensor longs = Nano.longTensor(new long[] {1, 2, 3}, 3);
        Tensor filled = longs.maskedFill(mask(new int[] {3}, false, true, false), 7.9);
        assertEquals(DType.INT64, filled.dtype());
        Expect.values(filled.toFloat64(), new int[] {3}, 1, 7, 3);
        Tensor bools = mask(new int[] {2}, false, false).maskedFill(mask(new int[] {2}, true, false), 0.5);
        assertEquals(DType.BOOL, bools.dtype());
        Expect.values(bools.toFloat64(), new int[] {2}, 1, 0);
        Expect.values(mask(new int[] {1}, true).maskedFill(mask(new int[] {1}, true), 0).toFloat64(), new int[] {1}, 0);
        assertEquals("MaskedFillBackward0", Nano.tensor(1, 2).requiresGrad(true)
                .maskedFill(mask(new int[] {2}, true, false), 0).gradFn().name());
    }

    @Test
    void maskedFillRefusesWhatPyTorchRefuses() {
        Tensor x = Nano.tensor(1, 2, 3);
        assertEquals("masked_fill_ only supports boolean masks, but got mask with dtype long int",
                assertThrows(IllegalArgumentException.class, () -> x.maskedFill(Nano.longTensor(new long[] {1, 0, 1},
                        3), 0)).getMessage());
        assertEquals("masked_fill_ only supports boolean masks, but got mask with dtype double",
                assertThrows(IllegalArgumentException.class, () -> x.maskedFill(Nano.tensor(1, 0, 1), 0)).getMessage());
        assertEquals("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0",
                assertThrows(IllegalArgumentException.class, () -> x.maskedFill(mask(new int[] {2}, true, false), 0))
                        .getMessage());
        assertEquals("value cannot be converted to type int64_t without overflow",
                assertThrows(IllegalArgumentException.class, () -> Nano.longTensor(new long[] {1}, 1)
                        .maskedFill(mask(new int[] {1}, true), Double.NaN)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Nano.longTensor(new long[] {1}, 1)
                .maskedFill(mask(new int[] {1}, true), Double.POSITIVE_INFINITY));
    }

    @Test
    void trilAndTriuKeepTheirTriangleOfEveryMatrix() {
        Tensor x = Nano.tensor(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 2, 3);
        Expect.values(x.tril(0), new int[] {2, 2, 3}, 1, 0, 0, 4, 5, 0, 7, 0, 0, 10, 11, 0);
        Expect.values(x.triu(0), new int[] {2, 2, 3}, 1, 2, 3, 0, 5, 6, 7, 8, 9, 0, 11, 12);
        Expect.values(x.tril(1), new int[] {2, 2, 3}, 1, 2, 0, 4, 5, 6, 7, 8, 0, 10, 11, 12);
        Expect.values(x.triu(-1), new int[] {2, 2, 3}, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        Expect.values(x.tril(Integer.MIN_VALUE), new int[] {2, 2, 3}, new double[12]);
        Expect.values(x.triu(Integer.MAX_VALUE), new int[] {2, 2, 3}, new double[12]);
        Tensor bools = mask(new int[] {2, 2}, true, true, true, true).tril(0);
        assertEquals(DType.BOOL, bools.dtype());
        Expect.values(bools.toFloat64(), new int[] {2, 2}, 1, 0, 1, 1);
        GradCheck.check("tril", in -> in[0].tril(-1), GradCheck.uniform(3, -1, 1, 2, 3, 4));
        GradCheck.check("triu", in -> in[0].triu(1), GradCheck.uniform(4, -1, 1, 4, 3));
        assertEquals("TrilBackward0", Nano.ones(2, 2).requiresGrad(true).tril(0).gradFn().name());
        assertEquals("TriuBackward0", Nano.ones(2, 2).requiresGrad(true).triu(0).gradFn().name());
        assertEquals("tril: input tensor must have at least 2 dimensions",
                assertThrows(IllegalArgumentException.class, () -> Nano.tensor(1, 2).tril(0)).getMessage());
        assertEquals("triu: input tensor must have at least 2 dimensions",
                assertThrows(IllegalArgumentException.class, () -> Nano.scalar(1).triu(0)).getMessage());
    }

    @Test
    void bmmMultipliesEachPairOfMatrices() {
        Tensor a = Nano.tensor(new double[] {1, 2, 3, 4, 1, 0, 0, 1}, 2, 2, 2);
        Tensor b = Nano.tensor(new double[] {1, 0, 0, 1, 5, 6, 7, 8}, 2, 2, 2);
        Expect.values(a.bmm(b), new int[] {2, 2, 2}, 1, 2, 3, 4, 5, 6, 7, 8);
        GradCheck.check("bmm", in -> in[0].bmm(in[1]), GradCheck.uniform(5, -1, 1, 3, 2, 4),
                GradCheck.uniform(6, -1, 1, 3, 4, 5));
    }

    @Test
    void baddbmmScalesBothTermsAndIgnoresTheInputWhenBetaIsZero() {
        Tensor in = Nano.tensor(new double[] {1, Double.NaN}, 1, 1, 2);
        Tensor b1 = Nano.tensor(new double[] {1, 2}, 1, 1, 2);
        Tensor b2 = Nano.tensor(new double[] {3, 4, 5, 6}, 1, 2, 2);
        // b1 @ b2 = [13, 16]
        Expect.values(in.baddbmm(b1, b2, 0.0, 2.0), new int[] {1, 1, 2}, 26, 32);
        Expect.values(in.baddbmm(b1, b2, 1.0, 1.0), new int[] {1, 1, 2}, 14, Double.NaN);
        Expect.values(Nano.baddbmm(Nano.tensor(10, 20), b1, b2, 0.5, -1), new int[] {1, 1, 2}, -8, -6);
        GradCheck.check("baddbmm", t -> t[0].baddbmm(t[1], t[2], 0.5, -1.5), GradCheck.uniform(7, -1, 1, 3, 1),
                GradCheck.uniform(8, -1, 1, 2, 3, 2), GradCheck.uniform(9, -1, 1, 2, 2, 4));
        GradCheck.check("baddbmm beta 0 alpha 1", t -> t[0].baddbmm(t[1], t[2], 0, 1), GradCheck.uniform(7, -1, 1, 4),
                GradCheck.uniform(8, -1, 1, 2, 3, 2), GradCheck.uniform(9, -1, 1, 2, 2, 4));
        GradCheck.check("baddbmm beta 1", t -> t[0].baddbmm(t[1], t[2], 1, 2), GradCheck.uniform(7, -1, 1, 2, 3, 4),
                GradCheck.uniform(8, -1, 1, 2, 3, 2), GradCheck.uniform(9, -1, 1, 2, 2, 4));
        // The product's gradient first, then alpha (derivatives.yaml): (2 · 0.5) · 1e308, not (2 · 1e308) · 0.5 = inf.
        Tensor big1 = Nano.tensor(new double[] {1}, 1, 1, 1).requiresGrad(true);
        Nano.baddbmm(Nano.zeros(1, 1, 1), big1, Nano.tensor(new double[] {0.5}, 1, 1, 1), 1, 1e308)
                .backward(Nano.tensor(new double[] {2}, 1, 1, 1));
        Expect.values(big1.grad(), new int[] {1, 1, 1}, 1e308);
        Tensor onlyB2 = Nano.ones(1, 1, 1).requiresGrad(true);
        Nano.baddbmm(Nano.zeros(1), Nano.ones(1, 1, 1), onlyB2, 0, 1).sum().backward();
        Expect.values(onlyB2.grad(), new int[] {1, 1, 1}, 1);
        assertEquals("BaddbmmBackward0", Nano.zeros(1, 1, 1).requiresGrad(true)
                .baddbmm(Nano.ones(1, 1, 1), Nano.ones(1, 1, 1), 1, 1).gradFn().name());
    }

    @Test
    void bmmAndBaddbmmRefuseWhatPyTorchRefuses() {
        Tensor x = Nano.ones(2, 3);
        assertEquals("batch1 must be a 3D tensor",
                assertThrows(IllegalArgumentException.class, () -> Nano.bmm(x, x)).getMessage());
        assertEquals("batch2 must be a 3D tensor",
                assertThrows(IllegalArgumentException.class, () -> Nano.bmm(Nano.ones(1, 2, 3), x)).getMessage());
        assertEquals("Expected size for first two dimensions of batch2 tensor to be: [1, 3] but got: [1, 2].",
                assertThrows(IllegalArgumentException.class, () -> Nano.bmm(Nano.ones(1, 2, 3), Nano.ones(1, 2, 3)))
                        .getMessage());
        assertEquals("Expected size for first two dimensions of batch2 tensor to be: [1, 3] but got: [2, 3].",
                assertThrows(IllegalArgumentException.class, () -> Nano.bmm(Nano.ones(1, 2, 3), Nano.ones(2, 3, 2)))
                        .getMessage());
        assertEquals("The expanded size of the tensor (2) must match the existing size (3) at non-singleton dimension"
                + " 2.  Target sizes: [1, 2, 2].  Tensor sizes: [2, 3]", assertThrows(IllegalArgumentException.class,
                    () -> Nano.baddbmm(x, Nano.ones(1, 2, 3), Nano.ones(1, 3, 2), 1, 1)).getMessage());
        assertEquals("batch1 must be a 3D tensor", assertThrows(IllegalArgumentException.class,
                () -> Nano.baddbmm(Nano.ones(1), Nano.ones(2, 3, 4, 5), Nano.ones(1, 3, 2), 1, 1)).getMessage());
    }

    @Test
    void splitCutsIntoPiecesOfOneSizeOrOfTheGivenSizes() {
        Tensor x = Nano.arange(10).reshape(2, 5);
        List<Tensor> pieces = x.split(2, 1);
        assertEquals(3, pieces.size());
        Expect.values(pieces.get(0), new int[] {2, 2}, 0, 1, 5, 6);
        Expect.values(pieces.get(2), new int[] {2, 1}, 4, 9);
        List<Tensor> sized = x.split(new int[] {1, 0, 4}, -1);
        assertEquals(3, sized.size());
        assertArrayEquals(new int[] {2, 0}, sized.get(1).shape());
        Expect.values(sized.get(2), new int[] {2, 4}, 1, 2, 3, 4, 6, 7, 8, 9);
        List<Tensor> empty = Nano.zeros(2, 0).split(0, 1);
        assertEquals(1, empty.size());
        assertEquals(1, Nano.zeros(2, 0).split(3, 1).size());
        GradCheck.check("split piece 1", in -> in[0].split(2, 1).get(1), GradCheck.uniform(10, -1, 1, 3, 5));
        GradCheck.check("split sizes piece 0", in -> in[0].split(new int[] {3, 2}, 0).get(0),
                GradCheck.uniform(11, -1, 1, 5, 2));
    }

    @Test
    void chunkGivesAtMostTheAskedNumberOfPieces() {
        Tensor x = Nano.arange(5);
        List<Tensor> c = x.chunk(4, 0);
        assertEquals(3, c.size()); // ceil(5 / 4) = 2: pieces of 2, 2, 1
        Expect.values(c.get(2), new int[] {1}, 4);
        assertEquals(3, Nano.zeros(0, 2).chunk(3, 0).size()); // an empty dim: `chunks` empty pieces
        assertEquals(1, Nano.arange(3).chunk(1, 0).size());
        GradCheck.check("chunk piece 0", in -> in[0].chunk(2, -1).get(0), GradCheck.uniform(12, -1, 1, 2, 3));
    }

    @Test
    void splitAndChunkRefuseWhatPyTorchRefuses() {
        Tensor x = Nano.ones(2, 3);
        assertEquals("split_size can only be 0 if dimension size is 0, but got dimension size of 3",
                assertThrows(IllegalArgumentException.class, () -> x.split(0, 1)).getMessage());
        assertEquals("split expects split_size be non-negative, but got split_size=-1",
                assertThrows(IllegalArgumentException.class, () -> x.split(-1, 1)).getMessage());
        assertEquals("split_with_sizes expects split_sizes to sum exactly to 3 (input tensor's size at dimension 1), "
                + "but got split_sizes=[2, 2]", assertThrows(IllegalArgumentException.class,
                    () -> x.split(new int[] {2, 2}, 1)).getMessage());
        assertEquals("split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=[2, -1,"
                + " 2]", assertThrows(IllegalArgumentException.class, () -> x.split(new int[] {2, -1, 2}, 1))
                .getMessage());
        assertEquals("Dimension out of range (expected to be in range of [-2, 1], but got 5)",
                assertThrows(IndexOutOfBoundsException.class, () -> x.split(2, 5)).getMessage());
        assertEquals("chunk expects `chunks` to be greater than 0, got: 0",
                assertThrows(IllegalArgumentException.class, () -> x.chunk(0, 1)).getMessage());
        assertEquals("split expects at least a 1-dimensional tensor",
                assertThrows(IllegalArgumentException.class, () -> Nano.scalar(1).split(1, 0)).getMessage());
        assertEquals("split expects at least a 1-dimensional tensor",
                assertThrows(IllegalArgumentException.class, () -> Nano.scalar(1).split(new int[] {1}, 0))
                        .getMessage());
        assertEquals("chunk expects at least a 1-dimensional tensor",
                assertThrows(IllegalArgumentException.class, () -> Nano.scalar(1).chunk(1, 0)).getMessage());
    }

    @Test
    void cumsumAddsInOrderAlongTheDim() {
        Tensor x = Nano.tensor(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Expect.values(x.cumsum(1), new int[] {2, 3}, 1, 3, 6, 4, 9, 15);
        Expect.values(x.cumsum(-2), new int[] {2, 3}, 1, 2, 3, 5, 7, 9);
        Expect.values(Nano.scalar(-2).cumsum(0), new int[] {}, -2);
        assertEquals(0.0, Nano.tensor(-0.0).cumsum(0).item()); // 0 + -0.0 is +0.0, as in aten's accumulator
        Expect.values(Nano.tensor(1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2).cumsum(0), new int[] {4},
                1, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN);
        assertArrayEquals(new int[] {0, 3}, Nano.zeros(0, 3).cumsum(0).shape());
        assertArrayEquals(new int[] {2, 0}, Nano.zeros(2, 0).cumsum(0).shape());
        GradCheck.check("cumsum dim 1", in -> in[0].cumsum(1), GradCheck.uniform(13, -1, 1, 2, 4, 3));
        GradCheck.check("cumsum dim 0", in -> in[0].cumsum(0), GradCheck.uniform(14, -1, 1, 5));
        GradCheck.check("cumsum 0-d", in -> in[0].cumsum(-1), GradCheck.uniform(15, -1, 1));
        assertEquals("CumsumBackward0", Nano.ones(2).requiresGrad(true).cumsum(0).gradFn().name());
        assertEquals("Dimension out of range (expected to be in range of [-2, 1], but got 2)",
                assertThrows(IndexOutOfBoundsException.class, () -> x.cumsum(2)).getMessage());
        assertNull(Nano.ones(2).cumsum(0).gradFn());
    }
}
