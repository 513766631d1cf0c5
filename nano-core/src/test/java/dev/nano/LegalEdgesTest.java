package dev.nano;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Legal inputs next to the bad ones of {@code BadInputTest}: they must be accepted, and give
 * PyTorch's answer.
 */
class LegalEdgesTest {

    @Test
    void anEmptyTensorIsLegalHoweverLargeItsOtherSizes() {
        Expect.values(Nano.zeros(100000, 100000, 0), new int[] {100000, 100000, 0});
        Expect.values(Nano.zeros(0, 100000, 100000), new int[] {0, 100000, 100000});
        Expect.values(Nano.zeros(0, 100000).matmul(Nano.zeros(100000, 0)), new int[] {0, 0});
        assertEquals(0, Shape.numel(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, 0}));
    }

    @Test
    void sizeArithmeticIsExactUpToTheLimit() {
        assertEquals(46340 * 46341, Checks.numel("eye", 46340, 46341));
        assertEquals(Integer.MAX_VALUE, Checks.numel("x", new int[] {Integer.MAX_VALUE, 1}));
        assertEquals(1, Checks.numel("x", new long[0]));
        var e = assertThrows(IllegalArgumentException.class, () -> Checks.numel("x", 2, -3));
        assertEquals("x: Trying to create tensor with negative dimension -3: [2, -3]", e.getMessage());
        var negative = assertThrows(IllegalArgumentException.class, () -> Shape.numel(new int[] {2, -1}));
        assertEquals("Trying to create tensor with negative dimension -1: [2, -1]", negative.getMessage());
        var nameless = assertThrows(IllegalArgumentException.class, () -> Shape.numel(new int[] {65536, 65536}));
        assertEquals("a tensor of shape [65536, 65536] has more elements than a Java array can hold (2147483647)",
                nameless.getMessage());
    }

    @Test
    void requiresGradTrueOnANonLeafIsANoOpAsInPyTorch() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        Tensor y = x.mul(2.0);
        assertSame(y, y.requiresGrad(true));
        assertFalse(y.isLeaf());
        y.sum().backward();
        Expect.values(x.grad(), new int[] {2}, 2, 2);
    }

    @Test
    void boolAndInt64ValuesNextToAFloat64OperandAreReadAsNumbers() {
        Tensor x = Nano.tensor(1.5, 2.5, 3.5);
        Tensor mask = x.gt(2);
        Expect.values(mask.mul(x), new int[] {3}, 0, 2.5, 3.5);
        Expect.values(mask.mul(2.0), new int[] {3}, 0, 2, 2); // a scalar operand is a float64 one
        Tensor ints = Nano.longTensor(new long[] {1, 2, 3}, 3);
        Expect.values(x.add(ints), new int[] {3}, 2.5, 4.5, 6.5);
        Expect.values(Nano.where(mask, ints, x), new int[] {3}, 1.5, 2, 3);
        assertEquals(DType.FLOAT64, x.add(ints).dtype());
    }

    @Test
    void int64StorageHoldsEveryIntegerWithinTwoToThe53() {
        long max = 1L << 53;
        Tensor t = Nano.longTensor(new long[] {max, -max, 0}, 3);
        assertArrayEquals(new double[] {0x1p53, -0x1p53, 0}, t.data());
        assertEquals(DType.BOOL, new Tensor(new double[] {0, 1, -0.0}, new int[] {3}, DType.BOOL).dtype());
    }

    @Test
    void randomFactoriesTakeTheShapeOrAGeneratorThenTheShape() {
        // The old trap: randn(2, 3) read 2 as a seed. Now it is the shape, as in torch.randn(2, 3).
        assertArrayEquals(new int[] {2, 3}, Nano.randn(2, 3).shape());
        assertArrayEquals(new int[] {2, 3}, Nano.rand(2, 3).shape());
        assertArrayEquals(Nano.randn(new Random(5), 4).data(), Nano.randn(new Random(5), 4).data());
        Nano.manualSeed(11);
        double[] first = Nano.randn(4).data();
        double[] uniform = Nano.rand(3).data();
        Nano.manualSeed(11);
        assertArrayEquals(first, Nano.randn(4).data(), "manualSeed restarts the global generator");
        assertArrayEquals(uniform, Nano.rand(3).data());
        assertNotEquals(first[0], Nano.randn(4).data()[0], "and it moves on between draws");
        for (double v : uniform) {
            assertTrue(v >= 0 && v < 1);
        }
    }

    @Test
    void aFailedBackwardCanBeFollowedByAGoodOne() {
        Tensor w = Nano.tensor(1, 2).requiresGrad(true);
        Tensor bad = w.mul(w).sum();
        w.detach().markModifiedInPlace();
        assertThrows(IllegalStateException.class, bad::backward);
        assertEquals(null, w.grad());
        w.mul(w).sum().backward();
        Expect.values(w.grad(), new int[] {2}, 2, 4);
    }
}
