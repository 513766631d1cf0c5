package dev.nano.nn;

import dev.nano.Expect;
import dev.nano.GradCheck;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BinaryCrossEntropyTest {

    @Test
    void theLogsAreClampedAtMinusOneHundred() {
        Tensor x = Nano.tensor(0, 1, 0, 0.5, 1);
        Tensor t = Nano.tensor(1, 0, 0, 1, 1);
        Expect.values(F.binaryCrossEntropy(x, t, "none"), new int[] {5}, 100, 100, 0, Math.log(2), 0);
        Expect.values(F.binaryCrossEntropy(x, t), new int[0], (200 + Math.log(2)) / 5);
        Expect.values(F.binaryCrossEntropy(x, t, "sum"), new int[0], 200 + Math.log(2));
        Expect.values(F.binaryCrossEntropy(Nano.zeros(0), Nano.zeros(0)), new int[0], Double.NaN);
    }

    @Test
    void theGradientDenominatorIsClampedAtFloatEpsilon() {
        assertEquals(9.999999960041972e-13, BinaryCrossEntropyFunction.EPSILON);
        Tensor x = Nano.tensor(0, 1, 0.25).requiresGrad(true);
        Tensor t = Nano.tensor(1, 0, 1).requiresGrad(true);
        F.binaryCrossEntropy(x, t, "none").backward(Nano.tensor(1, 1, 2));
        Expect.values(x.grad(), new int[] {3}, -1000000003995.8029, 1000000003995.8029, 2 * -0.75 / (0.75 * 0.25));
        // dL/dt = −logit(x): not clamped.
        Expect.values(t.grad(), new int[] {3}, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                -2 * Math.log(0.25 / 0.75));
        assertEquals("BinaryCrossEntropyBackward0", F.binaryCrossEntropy(x, t).gradFn().name());
    }

    @Test
    void theWeightedMeanDividesByTheNumberOfElements() {
        Tensor x = Nano.tensor(0.5, 0.5);
        Tensor t = Nano.tensor(1, 0);
        Tensor w = Nano.tensor(3, 1);
        Expect.values(F.binaryCrossEntropy(x, t, w, "mean"), new int[0], 4 * Math.log(2) / 2);
        Expect.values(F.binaryCrossEntropy(Nano.full(new int[] {2, 2}, 0.5), Nano.ones(2, 2), w, "none"),
                new int[] {2, 2}, 3 * Math.log(2), Math.log(2), 3 * Math.log(2), Math.log(2));
    }

    @Test
    void rejectsWhatPyTorchRejects() {
        assertEquals("all elements of input should be between 0 and 1", assertThrows(IllegalArgumentException.class,
                () -> F.binaryCrossEntropy(Nano.tensor(0.5, 1.5), Nano.tensor(0, 1))).getMessage());
        assertEquals("all elements of input should be between 0 and 1", assertThrows(IllegalArgumentException.class,
                () -> F.binaryCrossEntropy(Nano.tensor(Double.NaN), Nano.tensor(0))).getMessage());
        assertEquals("all elements of target should be between 0 and 1", assertThrows(IllegalArgumentException.class,
                () -> F.binaryCrossEntropy(Nano.tensor(0.5), Nano.tensor(-1))).getMessage());
        assertEquals("Using a target size (torch.Size([2])) that is different to the input size (torch.Size([3])) is "
                + "deprecated. Please ensure they have the same size.", assertThrows(IllegalArgumentException.class,
                        () -> F.binaryCrossEntropy(Nano.full(new int[] {3}, 0.5), Nano.zeros(2))).getMessage());
        assertEquals("output with shape [4] doesn't match the broadcast shape [2, 4]",
                assertThrows(IllegalArgumentException.class, () -> F.binaryCrossEntropy(Nano.full(new int[] {4}, 0.5),
                        Nano.zeros(4), Nano.ones(2, 4), "mean")).getMessage());
        assertEquals("The size of tensor a (4) must match the size of tensor b (3) at non-singleton dimension 0",
                assertThrows(IllegalArgumentException.class, () -> F.binaryCrossEntropy(Nano.full(new int[] {4}, 0.5),
                        Nano.zeros(4), Nano.ones(3), "mean")).getMessage());
        Tensor w = Nano.ones(2).requiresGrad(true);
        assertEquals("The function 'binary_cross_entropy' is not differentiable with respect to argument 'weight'. "
                + "This input cannot have requires_grad True.", assertThrows(IllegalArgumentException.class,
                        () -> F.binaryCrossEntropy(Nano.tensor(0.5, 0.5), Nano.tensor(0, 1), w, "sum")).getMessage());
        assertEquals("none2 is not a valid value for reduction", assertThrows(IllegalArgumentException.class,
                () -> F.binaryCrossEntropy(Nano.tensor(0.5), Nano.tensor(0), "none2")).getMessage());
    }

    @Test
    void withLogitsIsStableAndWeighsPositives() {
        Tensor x = Nano.tensor(0, 1000, -1000, 0).requiresGrad(true);
        Tensor t = Nano.tensor(1, 0, 1, 1).requiresGrad(true);
        Expect.values(F.binaryCrossEntropyWithLogits(x, t, "none"), new int[] {4}, Math.log(2), 1000, 1000,
                Math.log(2));
        Tensor pw = Nano.tensor(3, 1, 1, 0.5);
        Tensor loss = F.binaryCrossEntropyWithLogits(x, t, null, "none", pw);
        Expect.values(loss, new int[] {4}, 3 * Math.log(2), 1000, 1000, 0.5 * Math.log(2));
        loss.backward(Nano.ones(4));
        // ((pw·t + 1 − t)·σ(x) − pw·t), and log σ(−x) − pw·log σ(x) for the target.
        Expect.values(x.grad(), new int[] {4}, 3 * 0.5 - 3, 1, -1, 0.5 * 0.5 - 0.5);
        Expect.values(t.grad(), new int[] {4}, -Math.log(2) + 3 * Math.log(2), -1000, 1000,
                -Math.log(2) + 0.5 * Math.log(2));
        Expect.values(F.binaryCrossEntropyWithLogits(Nano.tensor(0.0, 0.0), Nano.tensor(1.0, 0.0)), new int[0],
                Math.log(2));
        Expect.values(F.binaryCrossEntropyWithLogits(Nano.tensor(0.0, 0.0), Nano.tensor(1.0, 0.0), Nano.tensor(2, 0),
                "sum", null), new int[0], 2 * Math.log(2));
        Tensor plain = Nano.tensor(2.0).requiresGrad(true);
        Tensor target = Nano.tensor(0.25).requiresGrad(true);
        F.binaryCrossEntropyWithLogits(plain, target).backward();
        Expect.values(plain.grad(), new int[] {1}, 1 / (1 + Math.exp(-2)) - 0.25);
        Expect.values(target.grad(), new int[] {1}, -2);
        assertEquals("BinaryCrossEntropyWithLogitsBackward0", F.binaryCrossEntropyWithLogits(plain, target).gradFn()
                .name());
    }

    @Test
    void withLogitsRejectsWhatPyTorchRejects() {
        assertEquals("Target size (torch.Size([2])) must be the same as input size (torch.Size([3]))",
                assertThrows(IllegalArgumentException.class,
                        () -> F.binaryCrossEntropyWithLogits(Nano.zeros(3), Nano.zeros(2))).getMessage());
        assertEquals("output with shape [4] doesn't match the broadcast shape [2, 4]",
                assertThrows(IllegalArgumentException.class, () -> F.binaryCrossEntropyWithLogits(Nano.zeros(4),
                        Nano.zeros(4), null, "mean", Nano.ones(2, 4))).getMessage());
        assertEquals("output with shape [4] doesn't match the broadcast shape [2, 4]",
                assertThrows(IllegalArgumentException.class, () -> F.binaryCrossEntropyWithLogits(Nano.zeros(4),
                        Nano.zeros(4), Nano.ones(2, 4), "mean", null)).getMessage());
        Tensor w = Nano.ones(2).requiresGrad(true);
        assertEquals("The function 'binary_cross_entropy_with_logits' is not differentiable with respect to argument "
                + "'weight'. This input cannot have requires_grad True.", assertThrows(IllegalArgumentException.class,
                        () -> F.binaryCrossEntropyWithLogits(Nano.zeros(2), Nano.zeros(2), w, "mean", null))
                        .getMessage());
        assertEquals("The function 'binary_cross_entropy_with_logits' is not differentiable with respect to argument "
                + "'pos_weight'. This input cannot have requires_grad True.", assertThrows(
                        IllegalArgumentException.class,
                        () -> F.binaryCrossEntropyWithLogits(Nano.zeros(2), Nano.zeros(2), null, "mean", w))
                        .getMessage());
        assertEquals("x is not a valid value for reduction", assertThrows(IllegalArgumentException.class,
                () -> F.binaryCrossEntropyWithLogits(Nano.zeros(2), Nano.zeros(2), "x")).getMessage());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (String r : new String[] {"mean", "sum", "none"}) {
            GradCheck.check("bce " + r, in -> F.binaryCrossEntropy(in[0], in[1], Nano.tensor(0.5, 2, 1), r),
                    GradCheck.uniform(1, 0.05, 0.95, 2, 3), GradCheck.uniform(2, 0.05, 0.95, 2, 3));
            GradCheck.check("bce with logits " + r, in -> F.binaryCrossEntropyWithLogits(in[0], in[1],
                    Nano.tensor(0.5, 2, 1), r, Nano.tensor(3, 0.5, 1)), GradCheck.uniform(3, -3, 3, 2, 3),
                    GradCheck.uniform(4, 0, 1, 2, 3));
            GradCheck.check("bce with logits, no weights " + r, in -> F.binaryCrossEntropyWithLogits(in[0], in[1], r),
                    GradCheck.uniform(5, -3, 3, 4), GradCheck.uniform(6, 0, 1, 4));
        }
    }
}
