package dev.nano;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * var and std with a correction, by hand. For x = [1, 2, 3, 4]: mean 2.5, squared deviations
 * 2.25 + 0.25 + 0.25 + 2.25 = 5, so var = 5 / (4 - correction) and
 * d var / dx = 2 (x - mean) / (4 - correction).
 */
class ReductionVarStdTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NAN = Double.NaN;

    private static Tensor oneToFour() {
        return Nano.tensor(1, 2, 3, 4).requiresGrad(true);
    }

    @Test
    void unbiasedVarianceAndGradient() {
        Tensor x = oneToFour();
        Tensor v = Nano.var(x, new int[0], 1, false);
        Expect.values(v, new int[] {}, 5 / 3.0);
        v.backward();
        Expect.values(x.grad(), new int[] {4}, -1, -1 / 3.0, 1 / 3.0, 1);
    }

    @Test
    void biasedVarianceAndGradient() {
        Tensor x = oneToFour();
        Tensor v = Nano.var(x, new int[0], 0, false);
        Expect.values(v, new int[] {}, 1.25);
        v.backward();
        Expect.values(x.grad(), new int[] {4}, -0.75, -0.25, 0.25, 0.75);
    }

    @Test
    void fractionalCorrection() {
        Expect.values(Nano.var(oneToFour(), new int[0], 1.5, false), new int[] {}, 2);
    }

    @Test
    void stdAndGradient() {
        // d std = d var / (2 std) = (x - mean) / (N std) with correction 0
        Tensor x = oneToFour();
        Tensor s = Nano.std(x, new int[0], 0, false);
        double std = Math.sqrt(1.25);
        Expect.values(s, new int[] {}, std);
        s.backward();
        Expect.values(x.grad(), new int[] {4}, -1.5 / (4 * std), -0.5 / (4 * std), 0.5 / (4 * std), 1.5 / (4 * std));
    }

    @Test
    void varianceAlongADim() {
        // rows [1, 2, 3] and [4, 6, 8]: means 2 and 6, squared deviations 2 and 8
        Tensor x = Nano.tensor(new double[][] {{1, 2, 3}, {4, 6, 8}}).requiresGrad(true);
        Tensor v = Nano.var(x, new int[] {1}, 1, true);
        Expect.values(v, new int[] {2, 1}, 1, 4);
        v.backward(Nano.tensor(new double[] {1, 2}, 2, 1));
        // 2 (x - mean) / (3 - 1) * g
        Expect.values(x.grad(), new int[] {2, 3}, -1, 0, 1, -4, 0, 4);
        Expect.values(Nano.var(x, new int[] {0}, 0, false), new int[] {3}, 2.25, 4, 6.25);
        Expect.values(Nano.std(x, new int[] {-1}, 1, false), new int[] {2}, 1, 2);
    }

    @Test
    void varianceOverTwoDims() {
        // x[i][j][k] = 4i + 2j + k; over dims {0, 2}: groups {0, 1, 4, 5} and {2, 3, 6, 7},
        // each with squared deviations 6.25 + 2.25 + 2.25 + 6.25 = 17
        Tensor x = Nano.tensor(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, 2, 2, 2);
        Expect.values(Nano.var(x, new int[] {0, 2}, 1, false), new int[] {2}, 17 / 3.0, 17 / 3.0);
        Expect.values(Nano.var(x, new int[] {-1, 0}, 0, true), new int[] {1, 2, 1}, 4.25, 4.25);
    }

    @Test
    void stdOfAConstantHasGradientZero() {
        Tensor x = Nano.tensor(2, 2, 2).requiresGrad(true);
        Tensor s = Nano.std(x);
        Expect.values(s, new int[] {}, 0);
        s.backward();
        Expect.values(x.grad(), new int[] {3}, 0, 0, 0);
    }

    @Test
    void stdOfAConstantRowHasGradientZeroInThatRowOnly() {
        // row 1 = [1, 3]: std sqrt(2); d std = g / (2 std) * 2 (x - 2) / (2 - 1)
        Tensor x = Nano.tensor(new double[][] {{5, 5}, {1, 3}}).requiresGrad(true);
        Tensor s = Nano.std(x, new int[] {1}, 1, false);
        Expect.values(s, new int[] {2}, 0, Math.sqrt(2));
        s.backward(Nano.tensor(1, 1));
        Expect.values(x.grad(), new int[] {2, 2}, 0, 0, -1 / Math.sqrt(2), 1 / Math.sqrt(2));
    }

    @Test
    void oneElementWithCorrectionOneIsNaN() {
        // 0 / max(0, 1 - 1) = 0/0; var_backward: x == mean, so NaN (inf * 0)
        Tensor x = Nano.tensor(7).requiresGrad(true);
        Tensor v = Nano.var(x);
        Expect.values(v, new int[] {}, NAN);
        v.backward();
        Expect.values(x.grad(), new int[] {1}, NAN);
    }

    @Test
    void correctionEqualToNGivesInfWhereValuesDiffer() {
        // var = 2 / max(0, 2 - 2) = inf; var_backward (no dims, dof <= 0): g * (x == mean ? NaN : inf)
        Tensor x = Nano.tensor(1, 3).requiresGrad(true);
        Tensor v = Nano.var(x, new int[0], 2, false);
        Expect.values(v, new int[] {}, INF);
        v.backward(Nano.scalar(-1));
        Expect.values(x.grad(), new int[] {2}, -INF, -INF);

        Tensor same = Nano.tensor(2, 2).requiresGrad(true);
        Tensor w = Nano.var(same, new int[0], 3, false);
        Expect.values(w, new int[] {}, NAN);
        w.backward();
        Expect.values(same.grad(), new int[] {2}, NAN, NAN);
    }

    @Test
    void namedDimsWithNoDegreesOfFreedomApplyTheFormulaAsIs() {
        // groups of one element, correction 1: 0/0 = NaN; backward 2/(1-1) * g * (x - mean) = inf * 0 = NaN
        Tensor x = Nano.tensor(new double[] {1, 3}, 2, 1).requiresGrad(true);
        Tensor v = Nano.var(x, new int[] {1}, 1, false);
        Expect.values(v, new int[] {2}, NAN, NAN);
        v.backward(Nano.tensor(1, 1));
        Expect.values(x.grad(), new int[] {2, 1}, NAN, NAN);
    }

    @Test
    void zeroDimInput() {
        Tensor x = Nano.scalar(5).requiresGrad(true);
        Tensor v = Nano.var(x, new int[] {0}, 0, false);
        Expect.values(v, new int[] {}, 0);
        v.backward();
        Expect.values(x.grad(), new int[] {}, 0);
    }

    @Test
    void emptyInputsGiveNaN() {
        Expect.values(Nano.var(Nano.zeros(0)), new int[] {}, NAN);
        Expect.values(Nano.std(Nano.zeros(2, 0), new int[] {1}, 0, false), new int[] {2}, NAN, NAN);
        Expect.values(Nano.var(Nano.zeros(0, 2), new int[] {1}, 1, false), new int[] {0});
    }

    @Test
    void nodeNames() {
        Tensor x = oneToFour();
        assertEquals("VarBackward0", Nano.var(x).gradFn().name());
        assertEquals("StdBackward0", Nano.std(x).gradFn().name());
    }
}
