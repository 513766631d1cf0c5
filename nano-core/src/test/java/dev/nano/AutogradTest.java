package dev.nano;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine on small graphs whose gradients are derived by hand. */
class AutogradTest {

    @Test
    void aValueUsedTwiceReceivesBothContributions() {
        Tensor x = Nano.scalar(3).requiresGrad(true);
        Tensor y = x.mul(x).add(x); // y = x² + x, dy/dx = 2x + 1 = 7
        y.backward();
        Expect.values(x.grad(), new int[0], 7);
    }

    @Test
    void aDiamondSumsBothPaths() {
        Tensor x = Nano.scalar(3).requiresGrad(true);
        Tensor a = x.mul(2);
        Tensor b = x.add(1);
        Tensor c = a.mul(b); // c = 2x(x+1), dc/dx = 4x + 2 = 14
        c.backward();
        Expect.values(c, new int[0], 24);
        Expect.values(x.grad(), new int[0], 14);
    }

    @Test
    void gradientsAccumulateOverTwoBackwardCalls() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        Tensor y = x.mul(x).sum(); // dy/dx = 2x
        y.backward(null, true);
        Expect.values(x.grad(), new int[] {2}, 2, 4);
        y.backward();
        Expect.values(x.grad(), new int[] {2}, 4, 8);
        x.zeroGrad();
        assertNull(x.grad());
        x.mul(3).sum().backward();
        Expect.values(x.grad(), new int[] {2}, 3, 3);
    }

    @Test
    void upstreamGradientIsMultipliedIn() {
        Tensor x = Nano.tensor(1, 2, 3).requiresGrad(true);
        Tensor y = x.mul(x); // dy/dx = 2x
        y.backward(Nano.tensor(0.5, -1, 2));
        Expect.values(x.grad(), new int[] {3}, 1, -4, 12);
    }

    /** z = x(3,1)·y(1,4)·2 + s(4), backward with arange(12).view(3,4): each gradient summed to its input's shape. */
    @Test
    void broadcastGradientsAreSummedBackToEachInputShape() {
        Tensor x = Nano.ones(3, 1).requiresGrad(true);
        Tensor y = Nano.ones(1, 4).requiresGrad(true);
        Tensor s = Nano.zeros(4).requiresGrad(true);
        Tensor z = x.mul(y).mul(2).add(s);
        z.backward(Nano.tensor(Nano.arange(12).data(), 3, 4));
        Expect.values(x.grad(), new int[] {3, 1}, 12, 44, 76);
        Expect.values(y.grad(), new int[] {1, 4}, 24, 30, 36, 42);
        Expect.values(s.grad(), new int[] {4}, 12, 15, 18, 21);
    }

    @Test
    void zeroDimInputGetsTheSumOfItsBroadcastGradient() {
        Tensor s = Nano.scalar(2).requiresGrad(true);
        Tensor x = Nano.tensor(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        s.mul(x).backward(Nano.onesLike(x));
        Expect.values(s.grad(), new int[0], 21);
    }

    @Test
    void requiresGradPropagatesOnlyFromInputsThatRequireIt() {
        Tensor a = Nano.tensor(1, 2).requiresGrad(true);
        Tensor b = Nano.tensor(3, 4);
        Tensor c = a.add(b);
        assertTrue(c.requiresGrad());
        assertFalse(c.isLeaf());
        assertEquals("AddBackward0", c.gradFn().name());
        Tensor d = b.mul(b);
        assertFalse(d.requiresGrad());
        assertTrue(d.isLeaf());
        assertNull(d.gradFn());
    }

    @Test
    void onlyLeavesKeepGradUnlessRetainGradIsCalled() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        Tensor h = x.mul(3);
        Tensor k = x.mul(4).retainGrad();
        h.add(k).sum().backward();
        assertNull(h.grad());
        Expect.values(k.grad(), new int[] {2}, 1, 1);
        Expect.values(x.grad(), new int[] {2}, 7, 7);
    }

    @Test
    void backwardOnALeafSeedsItsGradient() {
        Tensor x = Nano.scalar(5).requiresGrad(true);
        x.backward();
        Expect.values(x.grad(), new int[0], 1);
    }

    @Test
    void inputsThatDoNotRequireGradGetNone() {
        Tensor a = Nano.tensor(1, 2).requiresGrad(true);
        Tensor b = Nano.tensor(3, 4);
        a.mul(b).sum().backward();
        Expect.values(a.grad(), new int[] {2}, 3, 4);
        assertNull(b.grad());
    }

    @Test
    void detachCutsTheGraphAndSharesValues() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        Tensor y = x.mul(2);
        Tensor d = y.detach();
        assertFalse(d.requiresGrad());
        assertTrue(d.isLeaf());
        assertSame(y.data(), d.data());
        // d is a constant: the gradient through d.mul(x) is d only.
        d.mul(x).sum().backward();
        Expect.values(x.grad(), new int[] {2}, 2, 4);
    }

    @Test
    void longChainsDoNotOverflowTheStack() {
        Tensor x = Nano.scalar(1).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 20_000; i++) {
            y = y.add(1);
        }
        y.backward();
        Expect.values(x.grad(), new int[0], 1);
    }

    // ------------------------------------------------------------------ errors

    @Test
    void backwardOnANonScalarWithoutGradientFails() {
        Tensor y = Nano.tensor(1, 2).requiresGrad(true).mul(2);
        var e = assertThrows(IllegalStateException.class, y::backward);
        assertEquals("grad can be implicitly created only for scalar outputs", e.getMessage());
    }

    @Test
    void backwardWithoutRequiresGradFails() {
        var e = assertThrows(IllegalStateException.class, () -> Nano.scalar(1).backward());
        assertEquals("element 0 of tensors does not require grad and does not have a grad_fn", e.getMessage());
    }

    @Test
    void backwardGradientOfTheWrongShapeFails() {
        Tensor y = Nano.tensor(1, 2, 3).requiresGrad(true).mul(2);
        var e = assertThrows(IllegalArgumentException.class, () -> y.backward(Nano.tensor(1, 2)));
        assertEquals("Mismatch in shape: grad_output[0] has a shape of [2] and output[0] has a shape of [3].",
                e.getMessage());
    }

    @Test
    void secondBackwardThroughAFreedGraphFails() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        Tensor y = x.mul(x).sum();
        y.backward();
        var e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().startsWith("Trying to backward through the graph a second time"), e.getMessage());
    }

    @Test
    void nodesThatSaveNothingCanBeWalkedAgain() {
        // As in PyTorch: AddBackward0 and NegBackward0 save no tensors, so a second backward through them works.
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        Tensor h = x.add(Nano.tensor(3, 4)).neg().sub(1);
        h.sum().backward();
        h.mul(2).sum().backward();
        Expect.values(x.grad(), new int[] {2}, -3, -3);
    }

    @Test
    void aSavedTensorModifiedInPlaceIsRefused() {
        // PyTorch: "one of the variables needed for gradient computation has been modified by an inplace operation".
        Tensor w = Nano.tensor(1, 2).requiresGrad(true);
        Tensor loss = w.mul(w).sum();
        loss.backward(null, true);
        w.data()[0] = 5; // what an optimizer step does, and says so:
        w.markModifiedInPlace();
        assertEquals(1, w.version());
        var e = assertThrows(IllegalStateException.class, loss::backward);
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace "
                + "operation: [torch.DoubleTensor [2]] is at version 1; expected version 0 instead. (It was saved by "
                + "MulBackward0.)", e.getMessage());
    }

    @Test
    void detachedTensorsShareTheVersionCounter() {
        Tensor w = Nano.tensor(1, 2).requiresGrad(true);
        Tensor d = w.detach();
        Tensor x = Nano.tensor(3, 4).requiresGrad(true);
        Tensor y = d.mul(x).sum();
        w.markModifiedInPlace();
        assertEquals(1, d.version());
        assertThrows(IllegalStateException.class, y::backward);
    }

    @Test
    void zeroGradKeepingTheTensorZerosItInPlaceAndCutsItFromTheGraph() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        x.mul(3).sum().backward();
        Tensor grad = x.grad();
        x.zeroGrad(false);
        assertSame(grad, x.grad());
        Expect.values(x.grad(), new int[] {2}, 0, 0);
        assertEquals(1, grad.version());
        x.zeroGrad(true);
        assertNull(x.grad());
        x.zeroGrad(false); // nothing to zero: stays null
        assertNull(x.grad());
        Tensor nonLeafGrad = Nano.tensor(1, 1).requiresGrad(true).mul(2);
        x.setGrad(nonLeafGrad);
        x.zeroGrad(false);
        assertTrue(x.grad().isLeaf(), "a gradient that is part of a graph is detached before zeroing");
        Expect.values(x.grad(), new int[] {2}, 0, 0);
    }

    @Test
    void boolAndIntTensorsCannotRequireGrad() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Nano.boolTensor(new boolean[] {true}, 1).requiresGrad(true));
        assertTrue(e.getMessage().startsWith("only Tensors of floating point dtype can require gradients"));
        assertThrows(IllegalArgumentException.class, () -> Nano.longTensor(new long[] {1}, 1).requiresGrad(true));
    }

    @Test
    void requiresGradOfANonLeafCannotChange() {
        Tensor y = Nano.tensor(1, 2).requiresGrad(true).mul(2);
        var e = assertThrows(IllegalStateException.class, () -> y.requiresGrad(false));
        assertTrue(e.getMessage().startsWith("you can only change requires_grad flags of leaf variables."));
    }

    @Test
    void retainGradNeedsRequiresGrad() {
        var e = assertThrows(IllegalStateException.class, () -> Nano.tensor(1).retainGrad());
        assertEquals("can't retain_grad on Tensor that has requires_grad=False", e.getMessage());
    }

    @Test
    void itemNeedsExactlyOneElement() {
        var e = assertThrows(IllegalStateException.class, () -> Nano.tensor(1, 2).item());
        assertEquals("a Tensor with 2 elements cannot be converted to Scalar", e.getMessage());
        assertEquals(4.0, Nano.tensor(new double[] {4}, 1, 1).item());
    }

    @Test
    void setGradChecksTheShape() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        var e = assertThrows(IllegalArgumentException.class, () -> x.setGrad(Nano.tensor(1, 2, 3)));
        assertEquals("assigned grad has data of a different size: expected [2], got [3]", e.getMessage());
        x.setGrad(Nano.tensor(5, 6));
        Expect.values(x.grad(), new int[] {2}, 5, 6);
    }
}
