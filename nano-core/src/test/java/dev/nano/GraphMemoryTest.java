package dev.nano;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What backward frees, and where gradients are summed in place instead of in new buffers. */
class GraphMemoryTest {

    @Test
    void aLossKeptAfterBackwardNoLongerHoldsTheIntermediateTensors() {
        Tensor w = Nano.tensor(new double[] {0.5, -1, 2, 0.25}, 2, 2).requiresGrad(true);
        Tensor x = Nano.tensor(new double[] {1, 2, 3, 4}, 2, 2);
        Tensor hidden = x.matmul(w).tanh();
        Tensor loss = hidden.mul(hidden).sum();
        WeakReference<Tensor> intermediate = new WeakReference<>(hidden);
        hidden = null;
        loss.backward();
        List<Tensor> history = new ArrayList<>();
        history.add(loss); // the everyday case: losses kept for a plot
        for (int i = 0; i < 20 && intermediate.get() != null; i++) {
            System.gc();
        }
        assertNull(intermediate.get(), "the kept loss still reaches an intermediate tensor");
        assertEquals("SumBackward0", history.get(0).gradFn().name()); // the node itself stays, released
    }

    @Test
    void aReleasedNodeRefusesToHandOutItsInputs() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        Tensor y = x.mul(x).sum();
        assertEquals(1, y.gradFn().inputs().length);
        y.backward();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.gradFn().inputs());
        assertTrue(e.getMessage().startsWith("Trying to backward through the graph a second time"), e.getMessage());
    }

    @Test
    void aGraphThatSavedNothingCanBeWalkedAgainAfterRelease() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        Tensor y = x.add(x).sub(3).sum(); // no node saves a tensor, as in PyTorch
        Tensor middle = y; // the root stays reachable; its parents are kept as nodes
        y.backward();
        middle.backward();
        Expect.values(x.grad(), new int[] {2}, 4, 4);
    }

    @Test
    void aRetainedGradientStillArrivesAfterTheGraphWasReleased() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        Tensor h = x.add(1).retainGrad();
        Tensor y = h.add(h).sum();
        y.backward();
        y.backward(); // add-only graph: allowed again; h's node kept h because it retains its grad
        Expect.values(h.grad(), new int[] {2}, 4, 4);
        Expect.values(x.grad(), new int[] {2}, 4, 4);
    }

    @Test
    void aLeafGradientAccumulatesInPlaceLikePyTorch() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        x.mul(x).sum().backward();
        Tensor first = x.grad();
        int version = first.version();
        x.mul(3).sum().backward();
        assertSame(first, x.grad()); // grad += new_grad, no new buffer
        Expect.values(x.grad(), new int[] {2}, 5, 7);
        assertEquals(version + 1, first.version());
    }

    @Test
    void aGradientThatIsPartOfAGraphIsNotWrittenInPlace() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        Tensor given = Nano.tensor(10, 20).requiresGrad(true);
        x.setGrad(given);
        x.mul(2).sum().backward();
        assertNotSame(given, x.grad());
        Expect.values(given, new int[] {2}, 10, 20);
        Expect.values(x.grad(), new int[] {2}, 12, 22);
    }

    @Test
    void gradientsFromManyConsumersAreSummedWithoutTouchingTheSeed() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        Tensor h = x.mul(1); // a non-leaf used four times
        Tensor y = h.add(h).add(h.mul(3)).add(h);
        Tensor seed = Nano.tensor(1, 10);
        y.backward(seed);
        Expect.values(x.grad(), new int[] {2}, 6, 60);
        assertArrayEquals(new double[] {1, 10}, seed.data()); // the first contribution is the seed itself
    }

    @Test
    void theFirstGradientOfALeafIsACopyOfWhatTheGraphPassedOn() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        Tensor seed = Nano.tensor(3, 4);
        x.add(1).backward(seed);
        x.add(1).backward(seed);
        assertArrayEquals(new double[] {3, 4}, seed.data());
        Expect.values(x.grad(), new int[] {2}, 6, 8);
    }

    /** f(a, b) = a + b, whose backward returns one and the same new array for both inputs. */
    private static final class SharedGradient extends dev.nano.autograd.Function {
        @Override
        protected Tensor forward(dev.nano.autograd.Context ctx, Tensor... inputs) {
            return inputs[0].add(inputs[1]);
        }

        @Override
        protected Tensor[] backward(dev.nano.autograd.Context ctx, Tensor gradOutput) {
            Tensor g = Nano.tensor(gradOutput.data().clone(), gradOutput.shape());
            return new Tensor[] {g, g};
        }
    }

    /** f(a, c) = a·c with c = 1, whose backward hands back its input tensor c (a misuse, but a possible one). */
    private static final class ReturnsItsInput extends dev.nano.autograd.Function {
        @Override
        protected Tensor forward(dev.nano.autograd.Context ctx, Tensor... inputs) {
            return inputs[0].mul(inputs[1]);
        }

        @Override
        protected Tensor[] backward(dev.nano.autograd.Context ctx, Tensor gradOutput) {
            Tensor[] in = ctx.inputs();
            return new Tensor[] {in[1], null};
        }
    }

    @Test
    void oneArrayReturnedForTwoInputsIsNeverWrittenInPlace() {
        Tensor a = Nano.tensor(1, 2).requiresGrad(true);
        Tensor b = Nano.tensor(3, 4).requiresGrad(true);
        Tensor y = new SharedGradient().apply(a, b);
        y.mul(1).add(y).add(y).sum().backward(); // y collects three contributions
        Expect.values(a.grad(), new int[] {2}, 3, 3);
        Expect.values(b.grad(), new int[] {2}, 3, 3);
        a.zeroGrad();
        b.zeroGrad();
        new SharedGradient().apply(a, b).sum().backward(); // both leaves get the same array first
        a.mul(2).sum().backward();
        Expect.values(a.grad(), new int[] {2}, 3, 3);
        Expect.values(b.grad(), new int[] {2}, 1, 1);
    }

    @Test
    void anInputHandedBackAsAGradientIsNeverWrittenInPlace() {
        Tensor a = Nano.tensor(1, 2).requiresGrad(true);
        Tensor ones = Nano.tensor(1, 1);
        new ReturnsItsInput().apply(a, ones).sum().backward();
        a.mul(5).sum().backward();
        Expect.values(a.grad(), new int[] {2}, 6, 6);
        Expect.values(ones, new int[] {2}, 1, 1);
    }
}
