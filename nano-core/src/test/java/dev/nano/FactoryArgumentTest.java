package dev.nano;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Factories' edge arguments: empty and ragged blocks, empty ranges, probabilities outside [0, 1]. */
class FactoryArgumentTest {

    @Test
    void blocksOfMatrices() {
        assertArrayEquals(new int[] {0, 0, 0}, Nano.tensor(new double[0][][]).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nano.tensor(new double[][][] {{{1, 2}}, {{1}, {2}}}));
        assertEquals("tensor: expected blocks of shape [1, 2] (got [2, 1] at index 1)", e.getMessage());
    }

    @Test
    void randintRefusesAnEmptyRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nano.randint(3, 3, new Random(0), 2));
        assertEquals("random_ expects 'from' to be less than 'to', but got from=3 >= to=3", e.getMessage());
    }

    @Test
    void bernoulliRefusesAProbabilityOutsideZeroOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nano.bernoulli(Nano.tensor(0.5, 1.5), new Random(0)));
        assertEquals("bernoulli_ expects p to be in [0, 1], but got p=1.5", e.getMessage());
    }
}
