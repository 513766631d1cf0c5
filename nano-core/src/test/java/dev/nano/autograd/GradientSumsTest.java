package dev.nano.autograd;

import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Which gradient buffers one backward pass may write in place, case by case. */
class GradientSumsTest {
    private static final Function IDENTITY = new Function() {
        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            return inputs[0];
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            return new Tensor[] {gradOutput};
        }
    };

    private final GradientSums sums = new GradientSums();
    private final Tensor input = Nano.tensor(1, 2);
    private final Tensor output = Nano.tensor(3, 4);
    private final Context node = nodeOf(input, output);

    private static Context nodeOf(Tensor input, Tensor output) {
        Context ctx = new Context(IDENTITY, new Tensor[] {input}, new boolean[] {true});
        ctx.setOutput(output);
        return ctx;
    }

    @Test
    void newArraysAreClaimedAndAddedIntoInPlace() {
        Tensor gradOut = Nano.tensor(0, 0);
        Tensor fresh = Nano.tensor(1, 1);
        sums.claimNew(new Tensor[] {fresh, null}, gradOut, node);
        Tensor other = Nano.tensor(10, 20);
        assertSame(fresh, sums.add(fresh, other)); // the sum is the pass's own
        assertArrayEquals(new double[] {11, 21}, fresh.data());
        assertArrayEquals(new double[] {10, 20}, other.data());
    }

    @Test
    void anOwnGradientArrivingSecondTakesTheSum() {
        Tensor first = Nano.tensor(5, 6); // not claimed: someone else may hold it
        Tensor fresh = Nano.tensor(1, 1);
        sums.claimNew(new Tensor[] {fresh}, Nano.tensor(0, 0), node);
        assertSame(fresh, sums.add(first, fresh));
        assertArrayEquals(new double[] {6, 7}, fresh.data());
        assertArrayEquals(new double[] {5, 6}, first.data());
    }

    @Test
    void twoForeignGradientsMakeAFreshSumThatLaterOnesGoInto() {
        Tensor a = Nano.tensor(1, 2);
        Tensor b = Nano.tensor(3, 4);
        Tensor sum = sums.add(a, b);
        assertNotSame(a, sum);
        assertSame(sum, sums.add(sum, Nano.tensor(10, 10)));
        assertArrayEquals(new double[] {14, 16}, sum.data());
        assertArrayEquals(new double[] {1, 2}, a.data());
        assertArrayEquals(new double[] {3, 4}, b.data());
    }

    @Test
    void theUpstreamGradientTheNodesTensorsAndSharedArraysAreNeverClaimed() {
        Tensor gradOut = Nano.tensor(7, 7);
        Tensor shared = Nano.tensor(1, 1);
        sums.claimNew(new Tensor[] {gradOut, input, output, shared, shared}, gradOut, node);
        for (Tensor t : new Tensor[] {gradOut, input, output, shared}) {
            Tensor other = Nano.tensor(100, 100);
            Tensor sum = sums.add(t, other);
            assertNotSame(t, sum);
            assertNotSame(other, sum);
        }
        assertArrayEquals(new double[] {7, 7}, gradOut.data());
        assertArrayEquals(new double[] {1, 2}, input.data());
        assertArrayEquals(new double[] {3, 4}, output.data());
        assertArrayEquals(new double[] {1, 1}, shared.data());
    }

    @Test
    void aReleasedNodeHasNoTensorsToCompareWith() {
        Context released = nodeOf(input, output);
        released.release();
        Tensor fresh = Nano.tensor(1, 1);
        sums.claimNew(new Tensor[] {fresh}, Nano.tensor(0, 0), released);
        assertSame(fresh, sums.add(fresh, Nano.tensor(1, 1)));
    }

    @Test
    void aLeafAdoptsAnOwnFirstGradientAndCopiesAnyOther() {
        Tensor leaf = Nano.tensor(0, 0).requiresGrad(true);
        Tensor fresh = Nano.tensor(1, 2);
        sums.claimNew(new Tensor[] {fresh}, Nano.tensor(0, 0), node);
        sums.intoLeaf(leaf, fresh);
        assertSame(fresh, leaf.grad());

        Tensor other = Nano.tensor(0, 0).requiresGrad(true);
        Tensor foreign = Nano.tensor(5, 5);
        sums.intoLeaf(other, foreign);
        assertNotSame(foreign, other.grad());
        sums.consumed(fresh); // already handed over: letting go again is harmless
        Tensor second = Nano.tensor(1, 1);
        sums.claimNew(new Tensor[] {second}, Nano.tensor(0, 0), node);
        sums.intoLeaf(other, second); // a leaf that has a gradient adds into it
        assertArrayEquals(new double[] {6, 6}, other.grad().data());
    }
}
