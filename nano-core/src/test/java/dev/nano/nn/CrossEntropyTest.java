package dev.nano.nn;

import dev.nano.Expect;
import dev.nano.GradCheck;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CrossEntropyTest {

    private static Tensor targets(long... t) {
        return Nano.longTensor(t, t.length);
    }

    /** log-softmax of one row, by hand. */
    private static double[] logSoftmax(double... x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(v - m);
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - m - Math.log(sum);
        }
        return out;
    }

    @Test
    void classIndicesGiveMinusTheLogProbability() {
        Expect.values(F.crossEntropy(Nano.zeros(1, 3), targets(1)), new int[0], Math.log(3));
        double[] lp0 = logSoftmax(1, 2, 3);
        double[] lp1 = logSoftmax(0, -1, 2);
        Tensor x = Nano.tensor(new double[][] {{1, 2, 3}, {0, -1, 2}}).requiresGrad(true);
        Tensor loss = F.crossEntropy(x, targets(2, 0));
        Expect.values(loss, new int[0], -(lp0[2] + lp1[0]) / 2);
        Expect.values(F.crossEntropy(x, targets(2, 0), "none"), new int[] {2}, -lp0[2], -lp1[0]);
        loss.backward();
        // (softmax − onehot) / N
        double[] expected = new double[6];
        for (int c = 0; c < 3; c++) {
            expected[c] = (Math.exp(lp0[c]) - (c == 2 ? 1 : 0)) / 2;
            expected[3 + c] = (Math.exp(lp1[c]) - (c == 0 ? 1 : 0)) / 2;
        }
        Expect.values(x.grad(), new int[] {2, 3}, expected);
        Expect.values(F.crossEntropy(Nano.tensor(1, 2, 3), Nano.longTensor(new long[] {0})), new int[0], -lp0[0]);
    }

    @Test
    void weightsAndIgnoredTargetsFollowNll() {
        double[] lp0 = logSoftmax(1, 2, 3);
        double[] lp1 = logSoftmax(0, -1, 2);
        Tensor x = Nano.tensor(new double[][] {{1, 2, 3}, {0, -1, 2}});
        Tensor w = Nano.tensor(1, 2, 4);
        Expect.values(F.crossEntropy(x, targets(2, 0), w, -100, "mean", 0), new int[0],
                -(4 * lp0[2] + lp1[0]) / 5);
        Expect.values(F.crossEntropy(x, targets(2, -100)), new int[0], -lp0[2]);
        Expect.values(F.crossEntropy(x, targets(-100, -100)), new int[0], Double.NaN);
    }

    @Test
    void labelSmoothingMixesInTheUniformDistribution() {
        double eps = 0.2;
        double[] lp0 = logSoftmax(1, 2, 3);
        double[] lp1 = logSoftmax(0, -1, 2);
        Tensor x = Nano.tensor(new double[][] {{1, 2, 3}, {0, -1, 2}});
        // Per sample: −Σ_c q_c·logp_c with q = (1 − ε)·onehot + ε/C.
        double l0 = 0;
        double l1 = 0;
        for (int c = 0; c < 3; c++) {
            l0 -= ((c == 2 ? 1 - eps : 0) + eps / 3) * lp0[c];
            l1 -= ((c == 0 ? 1 - eps : 0) + eps / 3) * lp1[c];
        }
        Expect.values(F.crossEntropy(x, targets(2, 0), null, -100, "none", eps), new int[] {2}, l0, l1);
        Expect.values(F.crossEntropy(x, targets(2, 0), null, -100, "mean", eps), new int[0], (l0 + l1) / 2);
        Expect.values(F.crossEntropy(x, targets(2, 0), null, -100, "sum", eps), new int[0], l0 + l1);
        Expect.values(F.crossEntropy(x, targets(2, -100), null, -100, "none", eps), new int[] {2}, l0, 0);
        Expect.values(F.crossEntropy(x, targets(2, -100), null, -100, "mean", eps), new int[0], l0);
        // Weighted: both terms weighted by class, the mean divides by the kept targets' weights.
        Tensor w = Nano.tensor(1, 2, 4);
        double s0 = 0;
        double s1 = 0;
        for (int c = 0; c < 3; c++) {
            s0 -= w.data()[c] * lp0[c];
            s1 -= w.data()[c] * lp1[c];
        }
        double nll = -(4 * lp0[2] + lp1[0]) / 5;
        Expect.values(F.crossEntropy(x, targets(2, 0), w, -100, "mean", eps), new int[0],
                (1 - eps) * nll + eps / 3 * (s0 + s1) / 5);
        Expect.values(F.crossEntropy(x, targets(-100, -100), w, -100, "mean", eps), new int[0], Double.NaN);
        // A negative smoothing is plain cross entropy; uniform logits lose log C whatever the smoothing.
        Expect.values(F.crossEntropy(x, targets(2, 0), null, -100, "mean", -0.5), new int[0],
                -(lp0[2] + lp1[0]) / 2);
        Expect.values(F.crossEntropy(Nano.zeros(2, 3), targets(2, 0), null, -100, "mean", 0.7), new int[0],
                Math.log(3));
    }

    @Test
    void probabilityTargetsDivideTheMeanBySamplesNotWeights() {
        double[] lp0 = logSoftmax(1, 2, 3);
        double[] lp1 = logSoftmax(0, -1, 2);
        Tensor x = Nano.tensor(new double[][] {{1, 2, 3}, {0, -1, 2}});
        Tensor p = Nano.tensor(new double[][] {{0.2, 0.3, 0.5}, {1, 0, 0}});
        double l0 = -(0.2 * lp0[0] + 0.3 * lp0[1] + 0.5 * lp0[2]);
        double l1 = -lp1[0];
        Expect.values(F.crossEntropy(x, p, "none"), new int[] {2}, l0, l1);
        Expect.values(F.crossEntropy(x, p), new int[0], (l0 + l1) / 2);
        Expect.values(F.crossEntropy(x, p, "sum"), new int[0], l0 + l1);
        Tensor w = Nano.tensor(1, 2, 4);
        double w0 = -(0.2 * lp0[0] + 2 * 0.3 * lp0[1] + 4 * 0.5 * lp0[2]);
        Expect.values(F.crossEntropy(x, p, w, -100, "mean", 0), new int[0], (w0 + l1) / 2);
        Expect.values(F.crossEntropy(Nano.zeros(0, 3), Nano.zeros(0, 3)), new int[0], Double.NaN);
        Expect.values(F.crossEntropy(Nano.zeros(0, 3), Nano.zeros(0, 3), w, -100, "mean", 0), new int[0], Double.NaN);
        double[] lp = logSoftmax(1, 2, 3);
        Expect.values(F.crossEntropy(Nano.tensor(1, 2, 3), Nano.tensor(0, 0, 1), w, -100, "none", 0.3), new int[0],
                -(0.1 * lp[0] + 2 * 0.1 * lp[1] + 4 * 0.8 * lp[2]));
    }

    @Test
    void rejectsWhatPyTorchRejects() {
        Tensor x = Nano.zeros(2, 3);
        assertEquals("Expected floating point type for target with class probabilities, got Long",
                assertThrows(IllegalArgumentException.class, () -> F.crossEntropy(x, Nano.longTensor(new long[6], 2, 3)))
                        .getMessage());
        assertEquals("ignore_index is not supported for floating point target", assertThrows(
                IllegalArgumentException.class, () -> F.crossEntropy(x, Nano.zeros(2, 3), null, 0, "mean", 0))
                .getMessage());
        assertEquals("label_smoothing must be between 0.0 and 1.0. Got: 1.5", assertThrows(
                IllegalArgumentException.class, () -> F.crossEntropy(x, targets(0, 1), null, -100, "mean", 1.5))
                .getMessage());
        assertEquals("label_smoothing must be between 0.0 and 1.0. Got: 2", assertThrows(
                IllegalArgumentException.class, () -> F.crossEntropy(x, Nano.zeros(2, 3), null, -100, "mean", 2))
                .getMessage());
        assertEquals("cross_entropy: weight tensor should be defined either for all 3 classes or no classes but got "
                + "weight tensor of shape: [2]", assertThrows(IllegalArgumentException.class,
                        () -> F.crossEntropy(x, Nano.zeros(2, 3), Nano.ones(2), -100, "mean", 0)).getMessage());
        assertEquals("Target 3 is out of bounds.", assertThrows(IndexOutOfBoundsException.class,
                () -> F.crossEntropy(x, targets(0, 3), null, -100, "mean", 0.1)).getMessage());
        assertEquals("expected scalar type Long but found Double", assertThrows(IllegalArgumentException.class,
                () -> F.crossEntropy(x, Nano.tensor(0, 1))).getMessage());
        assertEquals("mean2 is not a valid value for reduction", assertThrows(IllegalArgumentException.class,
                () -> F.crossEntropy(x, targets(0, 1), "mean2")).getMessage());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor w = Nano.tensor(0.5, 2, 1.5, 1);
        for (String r : new String[] {"mean", "sum", "none"}) {
            GradCheck.check("ce " + r, in -> F.crossEntropy(in[0], targets(3, 0, -100, 2), w, -100, r, 0),
                    GradCheck.uniform(1, -2, 2, 4, 4));
            GradCheck.check("ce smoothing " + r, in -> F.crossEntropy(in[0], targets(3, 0, -100, 2), w, -100, r, 0.2),
                    GradCheck.uniform(2, -2, 2, 4, 4));
            GradCheck.check("ce smoothing 3-D " + r, in -> F.crossEntropy(in[0],
                    Nano.longTensor(new long[] {0, 3, 1, 1}, 2, 2), null, -100, r, 0.1),
                    GradCheck.uniform(3, -2, 2, 2, 4, 2));
            GradCheck.check("ce probabilities " + r, in -> F.crossEntropy(in[0], in[1], in[2], -100, r, 0.1),
                    GradCheck.uniform(4, -2, 2, 3, 4), GradCheck.uniform(5, 0, 1, 3, 4), GradCheck.uniform(6, 0.5, 2, 4));
            GradCheck.check("ce probabilities 1-D " + r, in -> F.crossEntropy(in[0], in[1], null, -100, r, 0),
                    GradCheck.uniform(7, -2, 2, 4), GradCheck.uniform(8, 0, 1, 4));
        }
    }
}
