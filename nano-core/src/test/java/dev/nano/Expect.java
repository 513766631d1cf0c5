package dev.nano;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Assertions against hand-derived expected values, at the project's default tolerance
 * (|actual − expected| ≤ 1e-12 + 1e-10·|expected|). NaN matches only NaN; ±inf only the same inf.
 */
public final class Expect {
    public static final double RTOL = 1e-10;
    public static final double ATOL = 1e-12;

    private Expect() {
    }

    public static void values(Tensor actual, int[] shape, double... expected) {
        assertArrayEquals(shape, actual.shape(), () -> "shape: expected " + Arrays.toString(shape) + " but was "
                + Arrays.toString(actual.shape()));
        values(actual.data(), expected);
    }

    public static void values(double[] actual, double... expected) {
        if (actual.length != expected.length) {
            fail("expected " + expected.length + " values " + Arrays.toString(expected) + " but got " + actual.length
                    + ": " + Arrays.toString(actual));
        }
        for (int i = 0; i < expected.length; i++) {
            if (!close(actual[i], expected[i])) {
                fail("element " + i + ": expected " + expected[i] + " but was " + actual[i] + " (all: expected "
                        + Arrays.toString(expected) + ", got " + Arrays.toString(actual) + ")");
            }
        }
    }

    public static boolean close(double actual, double expected) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return actual == expected;
        }
        return Math.abs(actual - expected) <= ATOL + RTOL * Math.abs(expected);
    }
}
