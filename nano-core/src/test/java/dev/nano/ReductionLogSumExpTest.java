package dev.nano;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** logsumexp: stable values, infinities, empty groups; gradient exp(x - result). */
class ReductionLogSumExpTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NAN = Double.NaN;

    @Test
    void valueAndGradientAreTheSoftmaxWeights() {
        // log(1 + 3) = log 4; weights 1/4 and 3/4
        Tensor x = Nano.tensor(0, Math.log(3)).requiresGrad(true);
        Tensor l = Nano.logsumexp(x, new int[] {0}, false);
        Expect.values(l, new int[] {}, Math.log(4));
        l.backward(Nano.scalar(2));
        Expect.values(x.grad(), new int[] {2}, 0.5, 1.5);
    }

    @Test
    void largeValuesDoNotOverflow() {
        Expect.values(Nano.logsumexp(Nano.tensor(1000, 1000), new int[0], false), new int[] {}, 1000 + Math.log(2));
        Expect.values(Nano.logsumexp(Nano.tensor(-1000, -1000), new int[0], false), new int[] {},
                -1000 + Math.log(2));
    }

    @Test
    void minusInfinityEntriesContributeNothing() {
        Tensor x = Nano.tensor(Double.NEGATIVE_INFINITY, 0).requiresGrad(true);
        Tensor l = Nano.logsumexp(x, new int[0], false);
        Expect.values(l, new int[] {}, 0);
        l.backward();
        Expect.values(x.grad(), new int[] {2}, 0, 1);
    }

    @Test
    void allMinusInfinityGivesMinusInfinity() {
        // the max -inf is replaced by 0, so log(0) + 0 = -inf; the gradient exp(-inf - (-inf)) is NaN
        Tensor x = Nano.tensor(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY).requiresGrad(true);
        Tensor l = Nano.logsumexp(x, new int[0], false);
        Expect.values(l, new int[] {}, Double.NEGATIVE_INFINITY);
        l.backward();
        Expect.values(x.grad(), new int[] {2}, NAN, NAN);
    }

    @Test
    void plusInfinityGivesPlusInfinity() {
        Tensor x = Nano.tensor(1, INF).requiresGrad(true);
        Tensor l = Nano.logsumexp(x, new int[0], false);
        Expect.values(l, new int[] {}, INF);
        l.backward();
        Expect.values(x.grad(), new int[] {2}, 0, NAN);
    }

    @Test
    void nanPropagates() {
        Expect.values(Nano.logsumexp(Nano.tensor(1, NAN, 2), new int[0], false), new int[] {}, NAN);
    }

    @Test
    void alongADimWithKeepdim() {
        Tensor x = Nano.tensor(new double[][] {{0, Math.log(3)}, {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}});
        Expect.values(Nano.logsumexp(x, new int[] {1}, true), new int[] {2, 1}, Math.log(4), Double.NEGATIVE_INFINITY);
        Expect.values(Nano.logsumexp(x, new int[] {-2}, false), new int[] {2}, 0, Math.log(3));
    }

    @Test
    void overSeveralDims() {
        // four zeros per group: log 4
        Expect.values(Nano.logsumexp(Nano.zeros(2, 3, 2), new int[] {0, 2}, false), new int[] {3}, Math.log(4),
                Math.log(4), Math.log(4));
    }

    @Test
    void emptyGroupsGiveMinusInfinity() {
        Expect.values(Nano.logsumexp(Nano.zeros(0), new int[0], false), new int[] {}, Double.NEGATIVE_INFINITY);
        Expect.values(Nano.logsumexp(Nano.zeros(2, 0), new int[] {1}, false), new int[] {2}, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
    }

    @Test
    void zeroDimInput() {
        Tensor x = Nano.scalar(2.5).requiresGrad(true);
        Tensor l = Nano.logsumexp(x, new int[] {0}, false);
        Expect.values(l, new int[] {}, 2.5);
        l.backward();
        Expect.values(x.grad(), new int[] {}, 1);
    }

    @Test
    void nodeName() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        assertEquals("LogsumexpBackward0", Nano.logsumexp(x, new int[] {0}, false).gradFn().name());
    }
}
