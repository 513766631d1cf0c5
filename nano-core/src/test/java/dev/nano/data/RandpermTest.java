package dev.nano.data;

import dev.nano.DType;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Nano.randperm}: PyTorch's generator cannot be reproduced, so what is checked is what randperm promises. */
class RandpermTest {
    @Test
    void isAnInt64PermutationReproducibleFromTheGeneratorState() {
        Tensor p = Nano.randperm(50, new Random(1));
        assertEquals(DType.INT64, p.dtype());
        assertArrayEquals(new int[] {50}, p.shape());
        double[] sorted = p.data().clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
        assertArrayEquals(p.data(), Nano.randperm(50, new Random(1)).data());
        Random g = new Random(1);
        Nano.randperm(50, g);
        assertTrue(!Arrays.equals(p.data(), Nano.randperm(50, g).data()), "the generator advances");
        assertArrayEquals(new int[] {0}, Nano.randperm(0, new Random(1)).shape());
        assertArrayEquals(new double[] {0}, Nano.randperm(1, new Random(1)).data());
    }

    /** Fisher–Yates gives each of the 3! orders probability 1/6: 60,000 draws, each count within 5 sigma of 10,000. */
    @Test
    void everyOrderIsEquallyLikely() {
        Random g = new Random(5);
        int[] counts = new int[9];
        for (int i = 0; i < 60_000; i++) {
            double[] p = Nano.randperm(3, g).data();
            counts[(int) (p[0] * 3 + p[1])]++;
        }
        int seen = 0;
        for (int c : counts) {
            if (c > 0) {
                seen++;
                assertTrue(Math.abs(c - 10_000) < 5 * Math.sqrt(60_000 * (1 / 6.0) * (5 / 6.0)), Arrays.toString(counts));
            }
        }
        assertEquals(6, seen);
    }

    @Test
    void aNegativeSizeIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Nano.randperm(-1, new Random(1)));
        assertEquals("randperm: n must be non-negative, got -1", e.getMessage());
    }
}
