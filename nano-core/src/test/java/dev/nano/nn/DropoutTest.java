package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Expect;
import dev.nano.GradCheck;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DropoutTest {

    @Test
    void aProbabilityOutsideZeroToOneFailsWithPyTorchsMessage() {
        Tensor x = Nano.ones(3);
        assertEquals("dropout probability has to be between 0 and 1, but got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5)).getMessage());
        assertEquals("dropout probability has to be between 0 and 1, but got -0.1",
                assertThrows(IllegalArgumentException.class, () -> F.dropout(x, -0.1, false)).getMessage());
        assertEquals("dropout probability has to be between 0 and 1, but got nan",
                assertThrows(IllegalArgumentException.class, () -> F.dropout(x, Double.NaN)).getMessage());
        assertEquals("dropout probability has to be between 0 and 1, but got 2.0",
                assertThrows(IllegalArgumentException.class, () -> F.dropoutWithMask(x, x, 2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> F.dropoutMask(new int[] {3}, -1, new Random(1)));
    }

    @Test
    void evalModeZeroProbabilityAndEmptyInputsReturnTheInputItself() {
        Tensor x = GradCheck.uniform(1, -1, 1, 3, 4);
        Dropout dropout = new Dropout(0.5);
        dropout.eval();
        assertSame(x, dropout.forward(x));
        assertSame(x, F.dropout(x, 0.5, false));
        assertSame(x, F.dropout(x, 0.0, true, new Random(1)));
        Tensor empty = Nano.zeros(0, 4);
        assertSame(empty, F.dropout(empty, 0.5));
        assertEquals(0.5, new Dropout().p());
    }

    @Test
    void probabilityOneGivesZerosTimesTheInput() {
        Tensor x = Nano.tensor(1, -2, Double.POSITIVE_INFINITY, Double.NaN).requiresGrad(true);
        Tensor y = F.dropout(x, 1.0, true, new Random(1));
        Expect.values(y, new int[] {4}, 0, -0.0, Double.NaN, Double.NaN);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(y.data()[1]));
        y.backward(Nano.tensor(1, 2, 3, 4));
        Expect.values(x.grad(), new int[] {4}, 0, 0, 0, 0);
        Expect.values(F.dropoutWithMask(Nano.tensor(2, 3), Nano.ones(2), 1.0), new int[] {2}, 0, 0);
    }

    @Test
    void keptElementsAreScaledByTheRoundedReciprocal() {
        double p = 0.1;
        double scale = 1.0 / (1 - p);
        Tensor x = GradCheck.uniform(3, -5, 5, 2000);
        Tensor mask = Nano.ones(2000);
        Tensor y = F.dropoutWithMask(x, mask, p);
        int differ = 0;
        for (int i = 0; i < x.numel(); i++) {
            assertEquals(Double.doubleToRawLongBits(x.data()[i] * scale), Double.doubleToRawLongBits(y.data()[i]));
            if (x.data()[i] * scale != x.data()[i] / (1 - p)) {
                differ++;
            }
        }
        assertTrue(differ > 0, "x·(1/(1−p)) and x/(1−p) differ somewhere; PyTorch computes the first");
    }

    @Test
    void aMaskDecidesWhatIsKeptAndTheGradientFollowsIt() {
        Tensor x = Nano.tensor(1, 2, 3, 4).requiresGrad(true);
        Tensor mask = Nano.boolTensor(new boolean[] {true, false, true, false}, 4);
        Tensor y = F.dropoutWithMask(x, mask, 0.5);
        Expect.values(y, new int[] {4}, 2, 0, 6, 0);
        y.backward(Nano.tensor(1, 1, 0.5, 1));
        Expect.values(x.grad(), new int[] {4}, 2, 0, 1, 0);
        Tensor rows = F.dropoutWithMask(Nano.ones(2, 3), Nano.tensor(new double[] {1, 0}, 2, 1), 0.25);
        Expect.values(rows, new int[] {2, 3}, 4.0 / 3, 4.0 / 3, 4.0 / 3, 0, 0, 0);
        GradCheck.check("dropout with a mask", in -> F.dropoutWithMask(in[0], mask, 0.3),
                GradCheck.uniform(4, -1, 1, 4));
    }

    @Test
    void theKeptFractionIsOneMinusPWithinFourStandardErrors() {
        int n = 100_000;
        for (double p : new double[] {0.2, 0.5, 0.8}) {
            Tensor y = F.dropout(Nano.ones(n), p, true, new Random(17));
            int kept = 0;
            for (double v : y.data()) {
                if (v != 0) {
                    kept++;
                    assertEquals(1.0 / (1 - p), v);
                }
            }
            double standardError = Math.sqrt(p * (1 - p) / n);
            assertEquals(1 - p, (double) kept / n, 4 * standardError, "p = " + p);
        }
        Tensor mask = F.dropoutMask(new int[] {2, 3}, 0.5, new Random(1));
        assertEquals(DType.BOOL, mask.dtype());
        assertArrayEquals(new int[] {2, 3}, mask.shape());
    }

    @Test
    void aSeededGeneratorRepeatsTheMasks() {
        Tensor x = GradCheck.uniform(5, 1, 2, 50);
        assertArrayEquals(F.dropout(x, 0.5, true, new Random(3)).data(), F.dropout(x, 0.5, true, new Random(3)).data());
        Dropout a = new Dropout(0.5, new Random(8));
        Dropout b = new Dropout(0.5, new Random(8));
        assertArrayEquals(a.forward(x).data(), b.forward(x).data());
        assertArrayEquals(a.forward(x).data(), b.forward(x).data(), "and keeps repeating them call after call");
        Nano.manualSeed(5);
        Tensor first = new Dropout(0.5).forward(x);
        Tensor alsoFirst = F.dropout(x, 0.5);
        Nano.manualSeed(5);
        assertArrayEquals(first.data(), new Dropout(0.5).forward(x).data());
        assertArrayEquals(alsoFirst.data(), F.dropout(x, 0.5, true).data());
        assertNotSame(first, x);
    }
}
