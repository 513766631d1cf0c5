package dev.nano;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-place forms add_, mul_, copy_, fill_ and zero_: values (hand-derived, exact in binary),
 * the version counter, PyTorch's refusals (a leaf that requires grad, an operand that would grow
 * the tensor, a float result into an integer tensor) and the graph PyTorch records for them.
 */
class InPlaceTest {

    @Test
    void addWritesIntoTheSameStorageAndMovesTheVersionOn() {
        Tensor x = Nano.tensor(1, 2, 3);
        double[] storage = x.data();
        assertSame(x, x.add_(Nano.tensor(10, 20, 30)));
        assertSame(storage, x.data());
        Expect.values(x, new int[] {3}, 11, 22, 33);
        assertEquals(1, x.version());
        x.add_(0.5);
        Expect.values(x, new int[] {3}, 11.5, 22.5, 33.5);
        x.add_(Nano.tensor(1, 2, 3), -2.0);
        Expect.values(x, new int[] {3}, 9.5, 18.5, 27.5);
        assertEquals(3, x.version());
    }

    @Test
    void otherOperandsBroadcastIntoTheWrittenShape() {
        Tensor x = Nano.tensor(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        x.mul_(Nano.tensor(1, 10, 100));
        Expect.values(x, new int[] {2, 3}, 1, 20, 300, 4, 50, 600);
        x.add_(Nano.tensor(new double[] {1, 2}, 2, 1));
        Expect.values(x, new int[] {2, 3}, 2, 21, 301, 6, 52, 602);
        x.mul_(0.5);
        Expect.values(x, new int[] {2, 3}, 1, 10.5, 150.5, 3, 26, 301);
        x.add_(x);
        Expect.values(x, new int[] {2, 3}, 2, 21, 301, 6, 52, 602);
    }

    @Test
    void largeTensorsTakeTheParallelPathAndStayExact() {
        int n = 100_000;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
            b[i] = 2 * i;
        }
        Tensor x = Nano.tensor(a, n);
        x.add_(Nano.tensor(b, n));
        for (int i = 0; i < n; i++) {
            assertEquals(3.0 * i, x.data()[i], "element " + i);
        }
    }

    @Test
    void anOperandThatWouldGrowTheTensorIsRefusedAndNothingChanges() {
        Tensor x = Nano.tensor(1, 2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> x.add_(Nano.ones(2, 3)));
        assertEquals("add_: output with shape [3] doesn't match the broadcast shape [2, 3]", e.getMessage());
        Expect.values(x, new int[] {3}, 1, 2, 3);
        assertEquals(0, x.version());
        assertThrows(IllegalArgumentException.class, () -> x.mul_(Nano.ones(2)));
        assertThrows(IllegalArgumentException.class, () -> x.copy_(Nano.ones(4, 1)));
        assertEquals(0, x.version());
    }

    @Test
    void aLeafThatRequiresGradIsWrittenOnlyWithGradModeOff() {
        Tensor w = Nano.tensor(1, 2).requiresGrad(true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.add_(1.0));
        assertEquals("add_: a leaf Variable that requires grad is being used in an in-place operation.",
            e.getMessage());
        assertThrows(IllegalStateException.class, () -> w.zero_());
        assertThrows(IllegalStateException.class, () -> w.copy_(Nano.tensor(5, 6)));
        Expect.values(w, new int[] {2}, 1, 2);
        try (var g = Nano.noGrad()) {
            w.add_(Nano.tensor(0.5, 0.5), -2.0); // the optimizer's update
        }
        Expect.values(w, new int[] {2}, 0, 1);
        assertTrue(w.isLeaf());
        assertNull(w.gradFn());
    }

    @Test
    void aFloatResultIsNotWrittenIntoAnIntegerTensor() {
        Tensor counts = Nano.longTensor(new long[] {1, 2}, 2);
        assertEquals("add_: result type Double can't be cast to the desired output type Long",
            assertThrows(IllegalArgumentException.class, () -> counts.add_(Nano.tensor(0.5, 0.5))).getMessage());
        assertEquals("mul_: result type Float can't be cast to the desired output type Long",
            assertThrows(IllegalArgumentException.class, () -> counts.mul_(2.0)).getMessage());
        assertEquals("add_: nano computes in float64 and writes only float64 tensors, got a torch.int64 tensor; "
                + "convert it with toFloat64() first",
            assertThrows(IllegalArgumentException.class, () -> counts.add_(counts)).getMessage());
        Tensor mask = Nano.boolTensor(new boolean[] {true}, 1);
        assertEquals("mul_: result type Double can't be cast to the desired output type Bool",
            assertThrows(IllegalArgumentException.class, () -> mask.mul_(Nano.tensor(2.0))).getMessage());
        assertEquals(0, counts.version());
    }

    @Test
    void writingANonLeafRebasesItsHistoryAsPyTorchDoes() {
        // x = 2a; x += b; x *= c; loss = sum(x) = sum((2a + b)·c): dL/da = 2c, dL/db = c, dL/dc = 2a + b
        Tensor a = Nano.tensor(1, 2).requiresGrad(true);
        Tensor b = Nano.tensor(3, 5).requiresGrad(true);
        Tensor c = Nano.tensor(7, 11).requiresGrad(true);
        Tensor x = a.mul(2.0);
        x.add_(b);
        assertEquals("AddBackward0", x.gradFn().name());
        x.mul_(c);
        assertEquals("MulBackward0", x.gradFn().name());
        assertFalse(x.isLeaf());
        Expect.values(x, new int[] {2}, 35, 99);
        x.sum().backward();
        Expect.values(a.grad(), new int[] {2}, 14, 22);
        Expect.values(b.grad(), new int[] {2}, 7, 11);
        Expect.values(c.grad(), new int[] {2}, 5, 9);
    }

    @Test
    void aTensorThatDidNotRequireGradJoinsTheGraphThroughItsOperand() {
        Tensor x = Nano.tensor(1, 2);
        Tensor b = Nano.tensor(3, 4).requiresGrad(true);
        x.mul_(b); // x = x·b: dL/db = old x
        assertTrue(x.requiresGrad());
        assertEquals("MulBackward0", x.gradFn().name());
        x.sum().backward();
        Expect.values(b.grad(), new int[] {2}, 1, 2);
    }

    @Test
    void addWithAlphaIsOneNodeWhoseOtherGradientIsScaled() {
        Tensor a = Nano.tensor(1, 2).requiresGrad(true);
        Tensor b = Nano.tensor(3, 4).requiresGrad(true);
        Tensor y = a.add(b, 0.5);
        assertEquals("AddBackward0", y.gradFn().name());
        Expect.values(y, new int[] {2}, 2.5, 4);
        Tensor z = a.sub(b, 0.5);
        assertEquals("SubBackward0", z.gradFn().name());
        y.add(z).sum().backward();
        Expect.values(a.grad(), new int[] {2}, 2, 2);
        Expect.values(b.grad(), new int[] {2}, 0, 0);
    }

    @Test
    void aWriteToASavedTensorMakesBackwardRefuse() {
        Tensor a = Nano.tensor(1, 2).requiresGrad(true);
        Tensor x = a.mul(1.0);
        Tensor y = x.mul(x); // saves x
        x.add_(1.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertTrue(e.getMessage().startsWith("one of the variables needed for gradient computation has been "
                + "modified by an inplace operation"), e.getMessage());
    }

    @Test
    void copyBroadcastsAndConvertsToTheWrittenDtype() {
        Tensor x = Nano.zeros(2, 3);
        x.copy_(Nano.tensor(1.5, -2.5, 3));
        Expect.values(x, new int[] {2, 3}, 1.5, -2.5, 3, 1.5, -2.5, 3);
        Tensor counts = Nano.longTensor(new long[] {0, 0, 0}, 3);
        counts.copy_(Nano.tensor(2.7, -2.7, 0.2));
        assertArrayEquals(new double[] {2, -2, 0}, counts.data());
        assertEquals(DType.INT64, counts.dtype());
        Tensor mask = Nano.boolTensor(new boolean[] {false, false, false}, 3);
        mask.copy_(Nano.tensor(0, -0.5, Double.NaN));
        assertArrayEquals(new double[] {0, 1, 1}, mask.data());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> counts.copy_(Nano.tensor(1, Double.POSITIVE_INFINITY, 3)));
        assertTrue(e.getMessage().startsWith("cannot convert Infinity to torch.int64"), e.getMessage());
        Tensor same = Nano.zeros(2);
        same.copy_(Nano.tensor(4, 5));
        Expect.values(same, new int[] {2}, 4, 5);
    }

    @Test
    void copySendsTheGradientToTheSourceAndZerosToTheOverwrittenHistory() {
        Tensor a = Nano.tensor(new double[] {1, 2, 3, 4, 5, 6}, 2, 3).requiresGrad(true);
        Tensor s = Nano.tensor(7, 8, 9).requiresGrad(true);
        Tensor x = a.mul(2.0);
        x.copy_(s);
        assertEquals("CopyBackwards", x.gradFn().name());
        Expect.values(x, new int[] {2, 3}, 7, 8, 9, 7, 8, 9);
        x.mul(Nano.tensor(1, 2, 3)).sum().backward();
        Expect.values(s.grad(), new int[] {3}, 2, 4, 6);
        Expect.values(a.grad(), new int[] {2, 3}, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void fillAndZeroReplaceEveryValueAndPassZerosBack() {
        Tensor x = Nano.tensor(1, 2, 3);
        x.fill_(2.5);
        Expect.values(x, new int[] {3}, 2.5, 2.5, 2.5);
        x.zero_();
        Expect.values(x, new int[] {3}, 0, 0, 0);
        assertEquals(2, x.version());
        Tensor counts = Nano.longTensor(new long[] {5}, 1);
        counts.fill_(-3.9);
        assertArrayEquals(new double[] {-3}, counts.data());

        Tensor a = Nano.tensor(1, 2).requiresGrad(true);
        Tensor y = a.mul(3.0);
        y.fill_(4.0);
        assertEquals("FillBackward0", y.gradFn().name());
        Tensor z = a.mul(3.0);
        z.zero_();
        assertEquals("ZeroBackward0", z.gradFn().name());
        y.add(z).sum().backward();
        Expect.values(y, new int[] {2}, 4, 4);
        Expect.values(a.grad(), new int[] {2}, 0, 0);
    }

    @Test
    void nullOperandsAreNamed() {
        Tensor x = Nano.tensor(1.0);
        assertEquals("add_: argument 'other' must not be null",
            assertThrows(NullPointerException.class, () -> x.add_((Tensor) null)).getMessage());
        assertEquals("copy_: argument 'src' must not be null",
            assertThrows(NullPointerException.class, () -> x.copy_(null)).getMessage());
    }
}
