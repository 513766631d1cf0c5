package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Expect;
import dev.nano.GradCheck;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchNormTest {
    private static final double EPS = 1e-5;

    /** One channel with values 1 and 3: mean 2, biased variance 1, unbiased variance 2. */
    private static Tensor oneThree() {
        return Nano.tensor(new double[] {1, 3}, 2, 1);
    }

    @Test
    void trainingNormalisesWithTheBiasedVarianceAndTracksTheUnbiasedOne() {
        BatchNorm1d bn = new BatchNorm1d(1);
        double s = 1 / Math.sqrt(1 + EPS);
        Expect.values(bn.forward(oneThree()), new int[] {2, 1}, -s, s);
        Expect.values(bn.runningMean(), new int[] {1}, 0.1 * 2);
        Expect.values(bn.runningVar(), new int[] {1}, 0.1 * 2 + 0.9 * 1);
        assertEquals(1.0, bn.numBatchesTracked().item());
        assertEquals(DType.INT64, bn.numBatchesTracked().dtype());
        assertEquals(0, bn.numBatchesTracked().dim());
    }

    @Test
    void evalUsesTheRunningStatisticsAndLeavesThemAlone() {
        BatchNorm1d bn = new BatchNorm1d(1);
        bn.forward(oneThree());
        bn.eval();
        double mean = 0.2;
        double var = 1.1;
        Tensor y = bn.forward(Nano.tensor(new double[] {5}, 1, 1)); // one value is fine in eval
        Expect.values(y, new int[] {1, 1}, (5 - mean) / Math.sqrt(var + EPS));
        Expect.values(bn.runningMean(), new int[] {1}, mean);
        assertEquals(1.0, bn.numBatchesTracked().item());
    }

    @Test
    void momentumNoneIsTheCumulativeAverage() {
        BatchNorm1d bn = new BatchNorm1d(1, EPS, null, true, true);
        bn.forward(oneThree());                                   // mean 2, unbiased var 2
        bn.forward(Nano.tensor(new double[] {0, 4, 8}, 3, 1));    // mean 4, unbiased var 16
        Expect.values(bn.runningMean(), new int[] {1}, 3);
        Expect.values(bn.runningVar(), new int[] {1}, 9);
        assertEquals(2.0, bn.numBatchesTracked().item());
        assertNull(bn.momentum());
    }

    @Test
    void momentumZeroFreezesTheStatisticsAndOneKeepsTheLastBatch() {
        BatchNorm1d frozen = new BatchNorm1d(1, EPS, 0.0, true, true);
        frozen.forward(oneThree());
        Expect.values(frozen.runningMean(), new int[] {1}, 0);
        Expect.values(frozen.runningVar(), new int[] {1}, 1);
        assertEquals(1.0, frozen.numBatchesTracked().item(), "still counted");
        BatchNorm1d last = new BatchNorm1d(1, EPS, 1.0, true, true);
        last.forward(Nano.tensor(new double[] {0, 4, 8}, 3, 1));
        last.forward(oneThree());
        Expect.values(last.runningMean(), new int[] {1}, 2);
        Expect.values(last.runningVar(), new int[] {1}, 2);
    }

    @Test
    void aConstantChannelGivesTheBias() {
        BatchNorm1d bn = new BatchNorm1d(2);
        bn.bias().data()[0] = 0.25;
        Tensor y = bn.forward(Nano.tensor(new double[][] {{3, 1}, {3, 2}, {3, 6}}));
        assertEquals(0.25, y.data()[0], 1e-12);
        assertEquals(0.25, y.data()[2], 1e-12);
        Expect.values(bn.runningVar(), new int[] {2}, 0.9, 0.1 * 7 + 0.9);
    }

    @Test
    void zeroVarianceAndZeroEpsGiveInvstdZero() {
        // aten's InvStd returns 0, not inf, when both are 0 (nano's eps check, taken from a PyTorch later than
        // the oracle's 2.7.1, forbids eps = 0 in training, so the functional form is reached here with eval's eps and batch statistics).
        Tensor x = Nano.tensor(new double[][] {{2}, {2}});
        Tensor y = new BatchNormFunction(null, null, false, false, true, 0.1, 0.0).apply(x);
        Expect.values(y, new int[] {2, 1}, 0, 0);
    }

    @Test
    void eachRankNormalisesPerChannelOverEveryOtherDim() {
        Tensor x3 = GradCheck.uniform(1, -2, 2, 4, 3, 5);
        Tensor y3 = new BatchNorm1d(3).forward(x3);
        Tensor x4 = GradCheck.uniform(2, -2, 2, 2, 3, 4, 5);
        Tensor y4 = new BatchNorm2d(3).forward(x4);
        for (Tensor y : new Tensor[] {y3, y4}) {
            Tensor mean = y.mean(y.dim() == 3 ? new int[] {0, 2} : new int[] {0, 2, 3}, false);
            Tensor var = y.var(y.dim() == 3 ? new int[] {0, 2} : new int[] {0, 2, 3}, 0.0, false);
            for (int c = 0; c < 3; c++) {
                assertEquals(0, mean.data()[c], 1e-12);
                assertEquals(1, var.data()[c], 1e-4);
            }
        }
    }

    @Test
    void withoutRunningStatisticsEvalUsesTheBatch() {
        BatchNorm1d bn = new BatchNorm1d(1, EPS, 0.1, true, false);
        assertNull(bn.runningMean());
        assertNull(bn.runningVar());
        assertNull(bn.numBatchesTracked());
        bn.eval();
        double s = 1 / Math.sqrt(1 + EPS);
        Expect.values(bn.forward(oneThree()), new int[] {2, 1}, -s, s);
        assertEquals("Expected more than 1 value per channel when training, got input size torch.Size([1, 1])",
                assertThrows(IllegalArgumentException.class, () -> bn.forward(Nano.ones(1, 1))).getMessage(),
                "eval with batch statistics checks the batch too");
        bn.resetRunningStats(); // nothing to reset
        assertEquals(false, bn.trackRunningStats());
    }

    @Test
    void affineOffAndBiasOff() {
        BatchNorm1d plain = new BatchNorm1d(2, EPS, 0.1, false, true);
        assertNull(plain.weight());
        assertNull(plain.bias());
        assertTrue(plain.parameters().isEmpty());
        assertEquals(false, plain.affine());
        BatchNorm1d noBias = new BatchNorm1d(2, EPS, 0.1, true, true, false);
        assertEquals(1, noBias.parameters().size());
        assertNull(noBias.bias());
        BatchNorm2d noBias2d = new BatchNorm2d(2, EPS, 0.1, true, true, false);
        assertSame(noBias2d.weight(), noBias2d.parameters().get(0));
        assertEquals(2, noBias2d.numFeatures());
        assertEquals(EPS, noBias2d.eps());
        Expect.values(noBias.weight(), new int[] {2}, 1, 1);
    }

    @Test
    void resetRunningStatsStartsOver() {
        BatchNorm1d bn = new BatchNorm1d(1);
        bn.forward(oneThree());
        bn.resetRunningStats();
        Expect.values(bn.runningMean(), new int[] {1}, 0);
        Expect.values(bn.runningVar(), new int[] {1}, 1);
        assertEquals(0.0, bn.numBatchesTracked().item());
    }

    @Test
    void inputChecksUsePyTorchsWords() {
        assertEquals("expected 2D or 3D input (got 4D input)", assertThrows(IllegalArgumentException.class,
                () -> new BatchNorm1d(3).forward(Nano.ones(2, 3, 1, 1))).getMessage());
        assertEquals("expected 2D or 3D input (got 1D input)", assertThrows(IllegalArgumentException.class,
                () -> new BatchNorm1d(3).forward(Nano.ones(3))).getMessage());
        assertEquals("expected 4D input (got 3D input)", assertThrows(IllegalArgumentException.class,
                () -> new BatchNorm2d(3).forward(Nano.ones(2, 3, 4))).getMessage());
        for (int[] shape : new int[][] {{1, 3}, {1, 3, 1}}) {
            BatchNorm1d bn = new BatchNorm1d(3);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.forward(Nano.ones(shape)));
            assertTrue(e.getMessage().startsWith("Expected more than 1 value per channel when training, got input size "
                    + "torch.Size(["), e.getMessage());
            // PyTorch counts the batch before F.batch_norm rejects it; nano's failed calls change nothing.
            assertEquals(0.0, bn.numBatchesTracked().item(), "a rejected batch is not counted");
        }
        assertEquals("Expected more than 1 value per channel when training, got input size torch.Size([1, 3, 1, 1])",
                assertThrows(IllegalArgumentException.class, () -> new BatchNorm2d(3).forward(Nano.ones(1, 3, 1, 1)))
                        .getMessage());
        new BatchNorm1d(3).forward(Nano.ones(1, 3, 2)); // one sample, two positions: accepted
        // aten names the input's channel count first: a module for 4 channels given 3 says "3 elements not 4".
        assertEquals("running_mean should contain 3 elements not 4", assertThrows(IllegalArgumentException.class,
                () -> new BatchNorm1d(4).forward(Nano.ones(2, 3))).getMessage());
    }

    @Test
    void functionalChecks() {
        Tensor x = GradCheck.uniform(1, -1, 1, 4, 3);
        Tensor rm = Nano.zeros(3);
        Tensor rv = Nano.ones(3);
        assertEquals("running_mean must be defined in evaluation mode", assertThrows(IllegalArgumentException.class,
                () -> F.batchNorm(x, null, rv, null, null, false, 0.1, EPS)).getMessage());
        assertEquals("running_var must be defined in evaluation mode", assertThrows(IllegalArgumentException.class,
                () -> F.batchNorm(x, rm, null, null, null, false, 0.1, EPS)).getMessage());
        assertEquals("weight should contain 3 elements not 2", assertThrows(IllegalArgumentException.class,
                () -> F.batchNorm(x, rm, rv, Nano.ones(2), null, true, 0.1, EPS)).getMessage());
        assertEquals("bias should contain 3 elements not 4", assertThrows(IllegalArgumentException.class,
                () -> F.batchNorm(x, rm, rv, null, Nano.ones(4), true, 0.1, EPS)).getMessage());
        assertEquals("running_var should contain 3 elements not 1", assertThrows(IllegalArgumentException.class,
                () -> F.batchNorm(x, rm, Nano.ones(1), null, null, true, 0.1, EPS)).getMessage());
        // eps checks taken from a PyTorch later than the oracle's libtorch 2.7.1, which has none.
        assertEquals("batch_norm eps must be positive during training, but got 0.0",
                assertThrows(IllegalArgumentException.class, () -> F.batchNorm(x, rm, rv, null, null, true, 0.1, 0.0))
                        .getMessage());
        assertEquals("batch_norm eps must be non-negative, but got -1e-05",
                assertThrows(IllegalArgumentException.class, () -> F.batchNorm(x, rm, rv, null, null, false, 0.1, -EPS))
                        .getMessage());
        F.batchNorm(x, rm, rv, null, null, false, 0.1, 0.0); // eval accepts eps = 0
        assertEquals("tuple index out of range", assertThrows(IndexOutOfBoundsException.class,
                () -> F.batchNorm(Nano.scalar(1), rm, rv, null, null, true, 0.1, EPS)).getMessage());
        assertEquals("running_mean should contain 0 elements not 3", assertThrows(IllegalArgumentException.class,
                () -> F.batchNorm(Nano.ones(3), rm, rv, null, null, true, 0.1, EPS)).getMessage());
        assertTrue(assertThrows(IndexOutOfBoundsException.class,
                () -> F.batchNorm(Nano.ones(3), null, null, null, null, true, 0.1, EPS)).getMessage()
                .startsWith("Dimension out of range"));
    }

    @Test
    void theFunctionalDefaultIsEval() {
        Tensor x = Nano.tensor(new double[][] {{1, 2}, {3, 4}});
        Tensor y = F.batchNorm(x, Nano.tensor(1, 2), Nano.tensor(4, 1));
        Expect.values(y, new int[] {2, 2}, 0, 0, 2 / Math.sqrt(4 + EPS), 2 / Math.sqrt(1 + EPS));
    }

    @Test
    void anEmptyBatchLeavesTheStatisticsAlone() {
        BatchNorm1d bn = new BatchNorm1d(3);
        Tensor x = Nano.zeros(0, 3).requiresGrad(true);
        Tensor y = bn.forward(x);
        Expect.values(y, new int[] {0, 3});
        Expect.values(bn.runningMean(), new int[] {3}, 0, 0, 0);
        Expect.values(bn.runningVar(), new int[] {3}, 1, 1, 1);
        y.sum().backward();
        Expect.values(bn.weight().grad(), new int[] {3}, 0, 0, 0);
        Expect.values(bn.bias().grad(), new int[] {3}, 0, 0, 0);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (int[] shape : new int[][] {{5, 3}, {4, 3, 2}, {2, 3, 2, 2}}) {
            Tensor x = GradCheck.uniform(shape.length, -2, 2, shape);
            Tensor w = GradCheck.uniform(10, 0.5, 1.5, 3);
            Tensor b = GradCheck.uniform(11, -1, 1, 3);
            GradCheck.check("batch norm training " + shape.length + "-D",
                    in -> F.batchNorm(in[0], null, null, in[1], in[2], true, 0.1, EPS), x, w, b);
            GradCheck.check("batch norm eval " + shape.length + "-D",
                    in -> F.batchNorm(in[0], Nano.tensor(0.5, -0.2, 0.1), Nano.tensor(0.8, 1.5, 2), in[1], in[2],
                            false, 0.1, EPS), x, w, b);
            GradCheck.check("batch norm training, no affine " + shape.length + "-D",
                    in -> F.batchNorm(in[0], null, null, null, null, true, 0.1, EPS), x);
            GradCheck.check("batch norm training, weight only " + shape.length + "-D",
                    in -> F.batchNorm(in[0], null, null, in[1], null, true, 0.1, EPS), x, w);
            GradCheck.check("batch norm eval, bias only " + shape.length + "-D",
                    in -> F.batchNorm(in[0], Nano.tensor(0.5, -0.2, 0.1), Nano.tensor(0.8, 1.5, 2), null, in[1],
                            false, 0.1, EPS), x, b);
        }
        assertEquals("NativeBatchNormBackward0", new BatchNorm1d(2).forward(Nano.ones(2, 2)).gradFn().name());
    }
}
