package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Arguments exactly at the edge of what is allowed. Added for the mutation score
 * (scripts/mutation-score): a bound moved by one survived each of these.
 */
class BoundaryArgumentsTest {

    @Test
    void uniformFromEqualToToFillsWithThatValue() {
        // PyTorch's uniform_ checks from <= to: an empty range [a, a) is allowed and yields a.
        Tensor t = Init.uniform(Nano.zeros(3), 0.5, 0.5, new Random(1));
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, t.data());
    }

    @Test
    void uniformAcceptsTheLargestFiniteBoundsAndRange() {
        // libtorch's uniform_ refuses from or to outside [lowest, max] and to - from > max: the ends are allowed.
        double max = Double.MAX_VALUE;
        assertArrayEquals(new double[] {-max, -max}, Init.uniform(Nano.zeros(2), -max, -max, new Random(1)).data());
        assertArrayEquals(new double[] {max, max}, Init.uniform(Nano.zeros(2), max, max, new Random(1)).data());
        for (double v : Init.uniform(Nano.zeros(4), 0, max, new Random(1)).data()) {
            assertTrue(v >= 0 && v <= max, "value " + v);
        }
    }

    @Test
    void dropoutAcceptsBothEndsOfItsProbabilityRange() {
        // torch.nn.Dropout checks p < 0 or p > 1: 0 and 1 themselves are allowed.
        Tensor x = Nano.tensor(1.0, 2.0);
        assertArrayEquals(new double[] {1, 2}, new Dropout(0.0, new Random(1)).forward(x).data());
        assertArrayEquals(new double[] {0, 0}, new Dropout(1.0, new Random(1)).forward(x).data());
    }

    @Test
    void sequentialIndexesFromMinusSizeToSizeMinusOne() {
        ReLU first = new ReLU();
        Tanh last = new Tanh();
        Sequential seq = new Sequential(first, new Sigmoid(), last);
        assertSame(first, seq.get(-3));
        assertSame(last, seq.get(2));
        var below = assertThrows(IndexOutOfBoundsException.class, () -> seq.get(-4));
        assertEquals("index -4 is out of range", below.getMessage());
        var above = assertThrows(IndexOutOfBoundsException.class, () -> seq.get(3));
        assertEquals("index 3 is out of range", above.getMessage());
    }
}
