package dev.nano;

import dev.nano.nn.F;
import org.junit.jupiter.api.Test;

/**
 * The broadcasts that run without an index map (a one-element operand, a trailing row, on either
 * side) and those that still use one, with values and gradients worked out by hand.
 */
class BroadcastFastPathTest {

    @Test
    void aRowOnTheLeftBroadcastsOverTheRowsOnTheRight() {
        Tensor row = Nano.tensor(new double[] {1, 2}, 1, 2).requiresGrad(true); // leading 1 is dropped
        Tensor m = Nano.tensor(new double[] {10, 20, 30, 40}, 2, 2).requiresGrad(true);
        Tensor y = row.mul(m); // [[10, 40], [30, 80]]
        Expect.values(y, new int[] {2, 2}, 10, 40, 30, 80);
        y.backward(Nano.tensor(new double[] {1, 2, 3, 4}, 2, 2));
        Expect.values(row.grad(), new int[] {1, 2}, 1 * 10 + 3 * 30, 2 * 20 + 4 * 40);
        Expect.values(m.grad(), new int[] {2, 2}, 1, 4, 3, 8);
    }

    @Test
    void aOneElementTensorOnTheLeftScalesEveryElement() {
        Tensor s = Nano.tensor(new double[] {3}, 1).requiresGrad(true);
        Tensor x = Nano.tensor(1, 2, 4).requiresGrad(true);
        Tensor y = s.div(x); // [3, 1.5, 0.75]
        Expect.values(y, new int[] {3}, 3, 1.5, 0.75);
        y.backward(Nano.tensor(1, 1, 1));
        Expect.values(s.grad(), new int[] {1}, 1 + 0.5 + 0.25);
        Expect.values(x.grad(), new int[] {3}, -3, -0.75, -0.1875);
    }

    @Test
    void aOneElementTensorOnTheRightMultipliesEveryElement() {
        Tensor x = Nano.tensor(1, 2, 4).requiresGrad(true);
        Tensor s = Nano.scalar(-2).requiresGrad(true);
        Tensor y = x.mul(s);
        y.backward(Nano.tensor(1, 10, 100));
        Expect.values(x.grad(), new int[] {3}, -2, -2 * 10, -2 * 100);
        Expect.values(s.grad(), new int[0], 1 + 20 + 400);
    }

    @Test
    void aColumnAgainstARowStillGoesThroughTheIndexMaps() {
        Tensor col = Nano.tensor(new double[] {1, 2}, 2, 1).requiresGrad(true);
        Tensor row = Nano.tensor(new double[] {10, 20, 30}, 3).requiresGrad(true);
        Tensor y = col.mul(row); // (2, 3)
        Expect.values(y, new int[] {2, 3}, 10, 20, 30, 20, 40, 60);
        y.backward(Nano.onesLike(y));
        Expect.values(col.grad(), new int[] {2, 1}, 60, 60);
        Expect.values(row.grad(), new int[] {3}, 3, 3, 3);
    }

    // Added for the mutation score (scripts/mutation-score): the same with the row on the left, where only
    // the left operand is a trailing shape of the result and the right one is not the full result.
    @Test
    void aRowAgainstAColumnStillGoesThroughTheIndexMaps() {
        Tensor row = Nano.tensor(new double[] {10, 20, 30}, 3);
        Tensor col = Nano.tensor(new double[] {1, 2}, 2, 1);
        Expect.values(row.sub(col), new int[] {2, 3}, 9, 19, 29, 8, 18, 28);
    }

    @Test
    void anEmptyOperandIsNotARow() {
        Tensor a = Nano.zeros(2, 0).requiresGrad(true);
        Tensor b = Nano.zeros(0).requiresGrad(true);
        Tensor y = a.add(b);
        Expect.values(y, new int[] {2, 0});
        y.sum().backward();
        Expect.values(a.grad(), new int[] {2, 0});
        Expect.values(b.grad(), new int[] {0});
    }

    @Test
    void aMatrixProductWithOnlyTheLeftFactorRequiringGrad() {
        Tensor a = Nano.tensor(new double[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
        Tensor b = Nano.tensor(new double[] {5, 6, 7, 8}, 2, 2);
        a.matmul(b).sum().backward(); // dA = ones · Bᵀ: row sums of B in every row
        Expect.values(a.grad(), new int[] {2, 2}, 11, 15, 11, 15);
    }

    @Test
    void linearAddsABiasThatIsNotAPlainRowByExpandingIt() {
        Tensor x = Nano.tensor(new double[] {1, 2, 3, 4}, 2, 2);
        Tensor w = Nano.tensor(new double[] {1, -1}, 2); // 1-D weight: the output is (2,)
        Expect.values(F.linear(x, w, Nano.scalar(10)), new int[] {2}, 9, 9);
        Tensor w2 = Nano.tensor(new double[] {1, 0, 0, 1}, 2, 2);
        Expect.values(F.linear(x, w2, Nano.tensor(new double[] {5, 6}, 1, 2)), new int[] {2, 2}, 6, 8, 8, 10);
        Expect.values(F.linear(x, w2, Nano.tensor(new double[] {5}, 1)), new int[] {2, 2}, 6, 7, 8, 9);
    }
}
