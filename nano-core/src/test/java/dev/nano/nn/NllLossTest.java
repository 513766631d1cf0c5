package dev.nano.nn;

import dev.nano.Expect;
import dev.nano.GradCheck;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NllLossTest {
    private static final Tensor LOG_PROBS = Nano.tensor(new double[][] {{-1, -2, -3}, {-0.5, -1.5, -2.5}});

    private static Tensor targets(long... t) {
        return Nano.longTensor(t, t.length);
    }

    @Test
    void theLossIsMinusThePickedValue() {
        Tensor t = targets(2, 0);
        Expect.values(F.nllLoss(LOG_PROBS, t), new int[0], 1.75);
        Expect.values(F.nllLoss(LOG_PROBS, t, "sum"), new int[0], 3.5);
        Expect.values(F.nllLoss(LOG_PROBS, t, "none"), new int[] {2}, 3, 0.5);
    }

    @Test
    void theWeightedMeanDividesByTheTargetsWeights() {
        Tensor w = Nano.tensor(1, 2, 4);
        Expect.values(F.nllLoss(LOG_PROBS, targets(2, 0), w, -100, "mean"), new int[0], 12.5 / 5);
        Expect.values(F.nllLoss(LOG_PROBS, targets(2, 0), w, -100, "none"), new int[] {2}, 12, 0.5);
    }

    @Test
    void ignoredTargetsAddNothingAndLeaveTheDivisor() {
        Expect.values(F.nllLoss(LOG_PROBS, targets(2, -100)), new int[0], 3);
        Expect.values(F.nllLoss(LOG_PROBS, targets(2, -100), null, -100, "none"), new int[] {2}, 3, 0);
        Expect.values(F.nllLoss(LOG_PROBS, targets(2, 1), null, 1, "mean"), new int[0], 3);
        Expect.values(F.nllLoss(LOG_PROBS, targets(-100, -100)), new int[0], Double.NaN);
        Expect.values(F.nllLoss(LOG_PROBS, targets(-100, -100), "sum"), new int[0], 0);
        Expect.values(F.nllLoss(Nano.zeros(0, 3), targets()), new int[0], Double.NaN);
        Expect.values(F.nllLoss(Nano.zeros(0, 3), targets(), "none"), new int[] {0});
    }

    @Test
    void aOneDimensionalInputIsOneSample() {
        Tensor x = Nano.tensor(-1, -2, -3).requiresGrad(true);
        Tensor t = Nano.longTensor(new long[] {1});
        Tensor loss = F.nllLoss(x, t);
        Expect.values(loss, new int[0], 2);
        Expect.values(F.nllLoss(x, t, "none"), new int[0], 2);
        Expect.values(F.nllLoss(x, Nano.longTensor(new long[] {-100})), new int[0], Double.NaN);
        Expect.values(F.nllLoss(x, Nano.longTensor(new long[] {-100}), "none"), new int[0], 0);
        loss.backward();
        Expect.values(x.grad(), new int[] {3}, 0, -1, 0);
    }

    @Test
    void spatialInputsPickAlongDimOne() {
        // (1, 2, 2): one sample, two classes, two positions.
        Tensor x = Nano.tensor(new double[] {-1, -2, -3, -4}, 1, 2, 2);
        Tensor t = Nano.longTensor(new long[] {1, 0}, 1, 2);
        Expect.values(F.nllLoss(x, t, "none"), new int[] {1, 2}, 3, 2);
        Expect.values(F.nllLoss(x, t), new int[0], 2.5);
        Tensor x4 = Nano.tensor(new double[] {-1, -2, -3, -4}, 1, 2, 1, 2);
        Expect.values(F.nllLoss(x4, Nano.longTensor(new long[] {1, 0}, 1, 1, 2), "none"), new int[] {1, 1, 2}, 3, 2);
        assertEquals("NllLoss2DBackward0", F.nllLoss(x4.requiresGrad(true), Nano.longTensor(new long[] {1, 0}, 1, 1, 2))
                .gradFn().name());
        assertEquals("NllLossBackward0", F.nllLoss(LOG_PROBS.detach().requiresGrad(true), targets(0, 1)).gradFn()
                .name());
    }

    @Test
    void rejectsWhatPyTorchRejects() {
        assertEquals("Target 3 is out of bounds.", assertThrows(IndexOutOfBoundsException.class,
                () -> F.nllLoss(LOG_PROBS, targets(0, 3))).getMessage());
        assertEquals("Target -1 is out of bounds.", assertThrows(IndexOutOfBoundsException.class,
                () -> F.nllLoss(LOG_PROBS, targets(-1, 0), "none")).getMessage());
        assertEquals("Expected input batch_size (2) to match target batch_size (3).",
                assertThrows(IllegalArgumentException.class, () -> F.nllLoss(LOG_PROBS, targets(0, 1, 2))).getMessage());
        assertEquals("weight tensor should be defined either for all 3 classes or no classes but got weight tensor of "
                + "shape: [2]", assertThrows(IllegalArgumentException.class,
                        () -> F.nllLoss(LOG_PROBS, targets(0, 1), Nano.ones(2), -100, "mean")).getMessage());
        assertEquals("expected scalar type Long but found Double", assertThrows(IllegalArgumentException.class,
                () -> F.nllLoss(LOG_PROBS, Nano.tensor(0, 1))).getMessage());
        assertEquals("expected scalar type Long but found Bool", assertThrows(IllegalArgumentException.class,
                () -> F.nllLoss(LOG_PROBS, Nano.boolTensor(new boolean[] {true, false}, 2))).getMessage());
        assertEquals("Expected 1 or more dimensions (got 0)", assertThrows(IllegalArgumentException.class,
                () -> F.nllLoss(Nano.scalar(1), Nano.longTensor(new long[] {0}))).getMessage());
        assertEquals("Dimension specified as 0 but tensor has no dimensions", assertThrows(
                IllegalArgumentException.class, () -> F.nllLoss(LOG_PROBS, Nano.longTensor(new long[] {0})))
                .getMessage());
        assertEquals("0D or 1D target tensor expected, multi-target not supported",
                assertThrows(IllegalArgumentException.class,
                        () -> F.nllLoss(LOG_PROBS, Nano.longTensor(new long[] {0, 1, 0, 1}, 2, 2))).getMessage());
        assertEquals("size mismatch (got input: [3], target: [1])", assertThrows(IllegalArgumentException.class,
                () -> F.nllLoss(Nano.ones(3), Nano.longTensor(new long[] {0}, 1))).getMessage());
        // libtorch 2.7 silently reads target[0] here; later releases (and nano) reject it.
        assertEquals("Expected target to be 0D when input is 1D, but got target.dim =1",
                assertThrows(IllegalArgumentException.class, () -> F.nllLoss(Nano.ones(3), targets(0, 1, 2)))
                        .getMessage());
        assertEquals("Expected target size [2, 4], got [2, 3]", assertThrows(IllegalArgumentException.class,
                () -> F.nllLoss(Nano.ones(2, 3, 4), Nano.longTensor(new long[6], 2, 3))).getMessage());
        assertEquals("only batches of spatial targets supported (3D tensors) but got targets of dimension: 2",
                assertThrows(IllegalArgumentException.class,
                        () -> F.nllLoss(Nano.ones(2, 3, 2, 2), Nano.longTensor(new long[4], 2, 2))).getMessage());
        assertEquals("size mismatch (got input: [2, 3, 2, 2] , target: [2, 2, 3]",
                assertThrows(IllegalArgumentException.class,
                        () -> F.nllLoss(Nano.ones(2, 3, 2, 2), Nano.longTensor(new long[12], 2, 2, 3))).getMessage());
        assertEquals("weight tensor should be defined either for all or no classes",
                assertThrows(IllegalArgumentException.class, () -> F.nllLoss(Nano.ones(2, 3, 4),
                        Nano.longTensor(new long[8], 2, 4), Nano.ones(2), -100, "mean")).getMessage());
        Tensor w = Nano.ones(3).requiresGrad(true);
        assertEquals("The function 'nll_loss_forward' is not differentiable with respect to argument 'weight'. This "
                + "input cannot have requires_grad True.", assertThrows(IllegalArgumentException.class,
                        () -> F.nllLoss(LOG_PROBS, targets(0, 1), w, -100, "mean")).getMessage());
        try (var g = Nano.noGrad()) {
            Expect.values(F.nllLoss(LOG_PROBS, targets(0, 1), w, -100, "sum"), new int[0], 2.5);
        }
        assertEquals("sum2 is not a valid value for reduction", assertThrows(IllegalArgumentException.class,
                () -> F.nllLoss(LOG_PROBS, targets(0, 1), "sum2")).getMessage());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor w = Nano.tensor(0.5, 2, 1.5);
        for (String r : new String[] {"mean", "sum", "none"}) {
            GradCheck.check("nll 2-D " + r, in -> F.nllLoss(in[0], targets(2, -100, 0, 1), w, -100, r),
                    GradCheck.uniform(1, -3, 0, 4, 3));
            GradCheck.check("nll 3-D " + r, in -> F.nllLoss(in[0], Nano.longTensor(new long[] {0, 2, 1, 1}, 2, 2), w,
                    -100, r), GradCheck.uniform(2, -3, 0, 2, 3, 2));
            GradCheck.check("nll 4-D " + r, in -> F.nllLoss(in[0], Nano.longTensor(new long[] {0, 2, 1, -100}, 1, 2, 2),
                    null, -100, r), GradCheck.uniform(3, -3, 0, 1, 3, 2, 2));
            GradCheck.check("nll 1-D " + r, in -> F.nllLoss(in[0], Nano.longTensor(new long[] {1}), w, -100, r),
                    GradCheck.uniform(4, -3, 0, 3));
        }
    }
}
