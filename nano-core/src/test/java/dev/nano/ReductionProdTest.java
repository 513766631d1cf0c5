package dev.nano;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** prod: the gradient of each factor is the product of the others, also where factors are 0. */
class ReductionProdTest {

    @Test
    void productAndGradientWithoutZeros() {
        Tensor x = Nano.tensor(2, 3, 4).requiresGrad(true);
        Tensor p = Nano.prod(x);
        Expect.values(p, new int[] {}, 24);
        p.backward();
        Expect.values(x.grad(), new int[] {3}, 12, 8, 6);
    }

    @Test
    void oneZeroSendsTheGradientToTheZeroOnly() {
        Tensor x = Nano.tensor(2, 0, 4).requiresGrad(true);
        Tensor p = Nano.prod(x);
        Expect.values(p, new int[] {}, 0);
        p.backward(Nano.scalar(0.5));
        Expect.values(x.grad(), new int[] {3}, 0, 4, 0);
    }

    @Test
    void twoZerosGiveGradientZeroEverywhere() {
        Tensor x = Nano.tensor(0, 3, 0).requiresGrad(true);
        Tensor p = Nano.prod(x);
        Expect.values(p, new int[] {}, 0);
        p.backward();
        Expect.values(x.grad(), new int[] {3}, 0, 0, 0);
    }

    @Test
    void twoZerosBesideAnInfinityStillGiveZeros() {
        // forward 0 * inf = NaN; prod_backward returns zeros_like(input) once two zeros are found
        Tensor x = Nano.tensor(0, Double.POSITIVE_INFINITY, 0).requiresGrad(true);
        Tensor p = Nano.prod(x);
        Expect.values(p, new int[] {}, Double.NaN);
        p.backward();
        Expect.values(x.grad(), new int[] {3}, 0, 0, 0);
    }

    @Test
    void productAlongADim() {
        Tensor x = Nano.tensor(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Expect.values(Nano.prod(x, 1, false), new int[] {2}, 6, 120);
        Expect.values(Nano.prod(x, -2, true), new int[] {1, 3}, 4, 10, 18);
    }

    @Test
    void alongADimEachRowHandlesItsZeros() {
        // row 0 has no zero: [2*3, 1*3, 1*2]; row 1 has one: only the zero gets 4*6
        Tensor x = Nano.tensor(new double[][] {{1, 2, 3}, {4, 0, 6}}).requiresGrad(true);
        Tensor p = Nano.prod(x, 1, true);
        Expect.values(p, new int[] {2, 1}, 6, 0);
        p.backward(Nano.tensor(new double[] {1, 2}, 2, 1));
        Expect.values(x.grad(), new int[] {2, 3}, 6, 3, 2, 0, 48, 0);
    }

    @Test
    void alongADimTwoZerosInAColumn() {
        // column 0 = [0, 0]: both get 0; column 1 = [2, 3]: [3, 2]
        Tensor x = Nano.tensor(new double[][] {{0, 2}, {0, 3}}).requiresGrad(true);
        Tensor p = Nano.prod(x, 0, false);
        Expect.values(p, new int[] {2}, 0, 6);
        p.backward(Nano.tensor(1, 1));
        Expect.values(x.grad(), new int[] {2, 2}, 0, 3, 0, 2);
    }

    @Test
    void emptyProductIsOne() {
        Expect.values(Nano.prod(Nano.zeros(0)), new int[] {}, 1);
        Expect.values(Nano.prod(Nano.zeros(2, 0), 1, false), new int[] {2}, 1, 1);
        Expect.values(Nano.prod(Nano.zeros(0, 2), 1, true), new int[] {0, 1});
    }

    @Test
    void zeroDimInputPassesTheGradientThrough() {
        // prod_backward: input.dim() == 0 -> grad (not grad * result / input, which is NaN at inf)
        Tensor x = Nano.scalar(Double.POSITIVE_INFINITY).requiresGrad(true);
        Tensor p = Nano.prod(x);
        Expect.values(p, new int[] {}, Double.POSITIVE_INFINITY);
        p.backward();
        Expect.values(x.grad(), new int[] {}, 1);

        Tensor y = Nano.scalar(0).requiresGrad(true);
        Tensor q = Nano.prod(y, -1, true);
        Expect.values(q, new int[] {}, 0);
        q.backward(Nano.scalar(3));
        Expect.values(y.grad(), new int[] {}, 3);
    }

    @Test
    void nodeNames() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        assertEquals("ProdBackward0", Nano.prod(x).gradFn().name());
        assertEquals("ProdBackward1", Nano.prod(x, 0, false).gradFn().name());
    }
}
