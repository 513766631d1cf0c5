package dev.nano.oracle.value;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A looser tolerance needs its written reason, whichever way it is made; a tolerance in ulps counts
 * them on its scale and compares the sign of zero (values built by hand from Math.nextUp and Math.ulp).
 */
class ToleranceTest {

    @Test
    void theConstructorRefusesALooserToleranceWithoutAReason() {
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(1e-6, 1e-12, null));
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(1e-10, 1e-9, null));
        assertThrows(IllegalArgumentException.class, () -> Tolerance.looser(1e-6, 1e-12, null));
        assertDoesNotThrow(() -> new Tolerance(1e-10, 0, null), "stricter than the default needs no reason");
    }

    @Test
    void aReasonIsNeverBlank() {
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(1e-6, 1e-12, "  "));
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(1e-10, 1e-12, ""));
        assertThrows(IllegalArgumentException.class, () -> Tolerance.looser(1e-6, 1e-12, " "));
    }

    @Test
    void aToleranceInUlpsOfTheValueAllowsExactlyThatMany() {
        Tolerance t = Tolerance.ulps(2, Tolerance.Scale.VALUE, "two ulps");
        double e = 0.7;
        assertTrue(t.accepts(Math.nextUp(Math.nextUp(e)), e, 3.0));
        assertFalse(t.accepts(Math.nextUp(Math.nextUp(Math.nextUp(e))), e, 3.0));
        assertTrue(t.accepts(1e-300 + 2 * Math.ulp(1e-300), 1e-300, 3.0), "counted in the value's own last place");
        assertFalse(t.accepts(1e-300 + 3 * Math.ulp(1e-300), 1e-300, 3.0));
        assertEquals(3.0, t.inUlpsOf(3 * Math.ulp(e), e, 3.0));
    }

    @Test
    void aToleranceInUlpsOfTheTensorCountsInItsLargestValue() {
        Tolerance t = Tolerance.ulps(4, Tolerance.Scale.TENSOR, "a sum's rounding lives on the terms' scale");
        assertTrue(t.accepts(4 * Math.ulp(8.0), 0.0, 8.0), "a sum that cancels to 0 may be 4 ulps of 8 away");
        assertFalse(t.accepts(5 * Math.ulp(8.0), 0.0, 8.0));
    }

    @Test
    void aFloorCountsUlpsOfAtLeastThatMagnitude() {
        Tolerance t = Tolerance.ulps(8, Tolerance.Scale.VALUE, "a difference of terms near 1").atLeastUlpsOf(1);
        assertTrue(t.accepts(-2.3e-15 + 8 * Math.ulp(1.0), -2.3e-15, 0.0));
        assertFalse(t.accepts(-2.3e-15 + 9 * Math.ulp(1.0), -2.3e-15, 0.0));
        assertTrue(t.accepts(Math.nextUp(5.0), 5.0, 5.0), "above the floor, the value's own ulps");
        assertFalse(t.accepts(5.0 + 9 * Math.ulp(5.0), 5.0, 5.0));
    }

    @Test
    void aZeroOfTheWrongSignFailsAToleranceInUlpsUnlessItsReasonSaysWhy() {
        Tolerance t = Tolerance.ulps(4, Tolerance.Scale.TENSOR, "derived");
        assertFalse(t.accepts(0.0, -0.0, 1.0));
        assertFalse(t.accepts(-0.0, 0.0, 1.0));
        assertTrue(t.accepts(-0.0, -0.0, 1.0));
        assertTrue(t.ignoringSignOfZero("a tie broken differently").accepts(0.0, -0.0, 1.0));
        assertTrue(t.ignoringSignOfZero("why").reason().contains("Sign of zero not compared: why"));
        assertTrue(Tolerance.DEFAULT.accepts(0.0, -0.0), "the former default never compared it");
        assertThrows(IllegalArgumentException.class, () -> t.ignoringSignOfZero(" "));
    }

    @Test
    void aChangeOfOnePartIn1e13IsFarOutsideADerivedTolerance() {
        Tolerance t = Tolerance.ulps(8, Tolerance.Scale.VALUE, "derived").atLeastUlpsOf(1);
        double e = 0.8411919906082768; // gelu(1)
        assertFalse(t.accepts(e * (1 + 1e-13), e, e));
        assertTrue(Tolerance.DEFAULT.accepts(e * (1 + 1e-13), e), "which the former default let pass");
    }

    @Test
    void aToleranceInUlpsSaysHowItWasDerived() {
        assertThrows(IllegalArgumentException.class, () -> Tolerance.ulps(2, Tolerance.Scale.VALUE, null));
        assertThrows(IllegalArgumentException.class, () -> Tolerance.ulps(2, null, "no scale"));
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(0, 0, null, 2, Tolerance.Scale.VALUE, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(0, 0, "x", -1, Tolerance.Scale.VALUE, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(0, 0, "x", 2, null, 0, true));
        assertEquals("2 ulps of the tensor's largest value", Tolerance.ulps(2, Tolerance.Scale.TENSOR, "x").describe());
        assertEquals("1 ulp of the value (at least of 1.0), ±0 equal", Tolerance.ulps(1, Tolerance.Scale.VALUE, "x")
                .atLeastUlpsOf(1).ignoringSignOfZero("y").describe());
    }
}
