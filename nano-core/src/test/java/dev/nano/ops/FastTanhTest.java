package dev.nano.ops;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nano's tanh (a rational function below 2, exp above) against the JDK's StrictMath.tanh
 * (fdlibm), the values PyTorch's fixtures also match.
 */
class FastTanhTest {

    @Test
    void edgeValuesAreExact() {
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(Unary.tanhOf(0.0)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Unary.tanhOf(-0.0)));
        assertTrue(Double.isNaN(Unary.tanhOf(Double.NaN)));
        assertEquals(1.0, Unary.tanhOf(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Unary.tanhOf(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, Unary.tanhOf(1e308));
        assertEquals(-1.0, Unary.tanhOf(-Double.MAX_VALUE));
        assertEquals(Double.MIN_VALUE, Unary.tanhOf(Double.MIN_VALUE));
        assertEquals(-1e-300, Unary.tanhOf(-1e-300));
    }

    @Test
    void withinAFewUlpsOfStrictMathEverywhere() {
        Random r = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double x = switch (i % 3) {
                case 0 -> r.nextGaussian();
                case 1 -> (r.nextDouble() - 0.5) * 50;
                default -> r.nextGaussian() * Math.pow(10, -r.nextInt(300));
            };
            double expected = StrictMath.tanh(x);
            double ulps = Math.abs(Unary.tanhOf(x) - expected) / Math.ulp(expected);
            assertTrue(ulps <= 4, "tanh(" + x + "): " + Unary.tanhOf(x) + " vs " + expected);
        }
    }
}
