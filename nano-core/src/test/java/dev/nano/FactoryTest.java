package dev.nano;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactoryTest {

    @Test
    void tensorFromNestedArrays() {
        Expect.values(Nano.tensor(new double[][] {{1, 2, 3}, {4, 5, 6}}), new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        Expect.values(Nano.tensor(new double[][][] {{{1, 2}}, {{3, 4}}}), new int[] {2, 1, 2}, 1, 2, 3, 4);
        Expect.values(Nano.tensor(new double[] {1, 2, 3, 4, 5, 6}, 3, 2), new int[] {3, 2}, 1, 2, 3, 4, 5, 6);
        Expect.values(Nano.scalar(7), new int[0], 7);
        Expect.values(Nano.tensor(new double[0], 2, 0), new int[] {2, 0});
    }

    @Test
    void tensorCopiesItsInput() {
        double[] values = {1, 2};
        Tensor t = Nano.tensor(values, 2);
        values[0] = 99;
        Expect.values(t, new int[] {2}, 1, 2);
    }

    @Test
    void raggedOrWrongSizedInputFails() {
        var e = assertThrows(IllegalArgumentException.class, () -> Nano.tensor(new double[][] {{1, 2}, {3}}));
        assertEquals("tensor: expected sequence of length 2 at dim 1 (got 1)", e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> Nano.tensor(new double[] {1, 2, 3}, 2, 2));
        assertEquals("tensor: 3 values cannot fill a tensor of shape [2, 2] (4 elements)", e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> Nano.zeros(2, -1));
        assertEquals("full: Trying to create tensor with negative dimension -1: [2, -1]", e3.getMessage());
    }

    @Test
    void constantFactories() {
        Expect.values(Nano.zeros(2, 2), new int[] {2, 2}, 0, 0, 0, 0);
        Expect.values(Nano.ones(3), new int[] {3}, 1, 1, 1);
        Expect.values(Nano.full(new int[] {2}, 2.5), new int[] {2}, 2.5, 2.5);
        Tensor like = Nano.tensor(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Expect.values(Nano.zerosLike(like), new int[] {2, 3}, 0, 0, 0, 0, 0, 0);
        Expect.values(Nano.onesLike(like), new int[] {2, 3}, 1, 1, 1, 1, 1, 1);
        Expect.values(Nano.fullLike(like, -1), new int[] {2, 3}, -1, -1, -1, -1, -1, -1);
        Expect.values(Nano.zeros(), new int[0], 0);
    }

    @Test
    void arangeFollowsPyTorchsLengthRule() {
        Expect.values(Nano.arange(5), new int[] {5}, 0, 1, 2, 3, 4);
        Expect.values(Nano.arange(1, 4), new int[] {3}, 1, 2, 3);
        Expect.values(Nano.arange(0, 1, 0.3), new int[] {4}, 0, 0.3, 0.6, 0.8999999999999999);
        Expect.values(Nano.arange(5, 0, -2), new int[] {3}, 5, 3, 1);
        Expect.values(Nano.arange(0), new int[] {0});
        assertEquals("arange: step must be nonzero",
                assertThrows(IllegalArgumentException.class, () -> Nano.arange(0, 1, 0)).getMessage());
        assertEquals("arange: upper bound and larger bound inconsistent with step sign",
                assertThrows(IllegalArgumentException.class, () -> Nano.arange(0, 1, -1)).getMessage());
    }

    /** PyTorch: a NaN step is "not nonzero"; non-finite bounds print as C++ prints doubles. */
    @Test
    void arangeRejectsNonFiniteArguments() {
        assertEquals("arange: step must be nonzero",
                assertThrows(IllegalArgumentException.class, () -> Nano.arange(0, 5, Double.NaN)).getMessage());
        assertEquals("arange: unsupported range: 0 -> inf", assertThrows(IllegalArgumentException.class,
                () -> Nano.arange(0, Double.POSITIVE_INFINITY, 1)).getMessage());
        assertEquals("arange: unsupported range: nan -> 5", assertThrows(IllegalArgumentException.class,
                () -> Nano.arange(Double.NaN, 5, 1)).getMessage());
        assertEquals("arange: unsupported range: 2.5 -> -inf", assertThrows(IllegalArgumentException.class,
                () -> Nano.arange(2.5, Double.NEGATIVE_INFINITY, -1)).getMessage());
        assertEquals("arange: unsupported range: 1e+06 -> nan", assertThrows(IllegalArgumentException.class,
                () -> Nano.arange(1e6, Double.NaN, 1)).getMessage());
        assertEquals("arange: unsupported range: 0.000123457 -> -inf", assertThrows(IllegalArgumentException.class,
                () -> Nano.arange(1.234567e-4, Double.NEGATIVE_INFINITY, -1)).getMessage());
        assertEquals("arange: unsupported range: 1.5e-05 -> inf", assertThrows(IllegalArgumentException.class,
                () -> Nano.arange(1.5e-5, Double.POSITIVE_INFINITY, 1)).getMessage());
    }

    @Test
    void linspaceHitsBothEndsExactly() {
        Expect.values(Nano.linspace(0, 1, 5), new int[] {5}, 0, 0.25, 0.5, 0.75, 1);
        Expect.values(Nano.linspace(-1, 1, 1), new int[] {1}, -1);
        Expect.values(Nano.linspace(0, 1, 0), new int[] {0});
        Tensor l = Nano.linspace(0.1, 0.7, 7);
        assertEquals(0.7, l.data()[6]);
        assertEquals(0.1, l.data()[0]);
        assertEquals("linspace: number of steps must be non-negative",
                assertThrows(IllegalArgumentException.class, () -> Nano.linspace(0, 1, -1)).getMessage());
    }

    @Test
    void eye() {
        Expect.values(Nano.eye(2), new int[] {2, 2}, 1, 0, 0, 1);
        Expect.values(Nano.eye(2, 3), new int[] {2, 3}, 1, 0, 0, 0, 1, 0);
        Expect.values(Nano.eye(0, 3), new int[] {0, 3});
        assertEquals("eye: n must be greater or equal to 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> Nano.eye(-1)).getMessage());
        assertEquals("eye: m must be greater or equal to 0, got -2",
                assertThrows(IllegalArgumentException.class, () -> Nano.eye(2, -2)).getMessage());
    }

    @Test
    void randomFactoriesAreReproducibleFromTheGenerator() {
        assertArrayEquals(Nano.rand(new Random(42), 3, 4).data(), Nano.rand(new Random(42), 3, 4).data());
        assertArrayEquals(Nano.randn(new Random(42), 5).data(), Nano.randn(new Random(42), 5).data());
        assertNotEquals(Nano.randn(new Random(1), 5).data()[0], Nano.randn(new Random(2), 5).data()[0]);
        for (double v : Nano.rand(new Random(7), 1000).data()) {
            assertTrue(v >= 0 && v < 1);
        }
        // Mean and variance of 10,000 standard normals are within 5 standard errors of 0 and 1.
        Tensor n = Nano.randn(new Random(3), 10_000);
        double mean = 0;
        for (double v : n.data()) {
            mean += v;
        }
        mean /= n.numel();
        double var = 0;
        for (double v : n.data()) {
            var += (v - mean) * (v - mean);
        }
        var /= n.numel() - 1;
        assertTrue(Math.abs(mean) < 5 * 0.01, "mean " + mean);
        assertTrue(Math.abs(var - 1) < 5 * 0.0142, "var " + var);
    }

    @Test
    void boolAndLongTensors() {
        Tensor b = Nano.boolTensor(new boolean[] {true, false}, 2);
        assertEquals(DType.BOOL, b.dtype());
        Expect.values(b, new int[] {2}, 1, 0);
        Tensor l = Nano.longTensor(new long[] {3, -1}, 2);
        assertEquals(DType.INT64, l.dtype());
        assertFalse(l.requiresGrad());
    }

    @Test
    void metadata() {
        Tensor t = Nano.zeros(2, 3, 4);
        assertEquals(3, t.dim());
        assertEquals(24, t.numel());
        assertEquals(4, t.size(-1));
        assertEquals(2, t.size(0));
        var e = assertThrows(IndexOutOfBoundsException.class, () -> t.size(3));
        assertEquals("Dimension out of range (expected to be in range of [-3, 2], but got 3)", e.getMessage());
        assertEquals(DType.FLOAT64, t.dtype());
        assertEquals("torch.float64", t.dtype().torchName());
    }
}
