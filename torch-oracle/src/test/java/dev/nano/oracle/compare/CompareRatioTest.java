package dev.nano.oracle.compare;

import dev.nano.DType;
import dev.nano.oracle.value.Tolerance;
import dev.nano.oracle.value.Value;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How much of its tolerance a comparison used (the report's err/tol column and margin picture),
 * where the tolerance is 0: the tiny-magnitude cases compare with atol 0, so at an expected 0 the
 * allowed error is 0 and an equal value must count as using none of it, not as 0 / 0.
 */
class CompareRatioTest {
    private static final Tolerance EXACT_AT_ZERO = Tolerance.looser(1e-10, 0, "tiny magnitudes: atol 0");

    private static Compare.Diff compare(double[] expected, double[] actual) {
        Compare.Tracker t = new Compare.Tracker(EXACT_AT_ZERO);
        int[] shape = {expected.length};
        t.values("output 0", new Value(shape, DType.FLOAT64, expected), new Value(shape, DType.FLOAT64, actual));
        return t.result();
    }

    @Test
    void anEqualValueAtAZeroToleranceUsesNoneOfIt() {
        Compare.Diff d = compare(new double[] {0.0, 1e-300, 0.0}, new double[] {0.0, 1e-300, 0.0});
        assertTrue(d.ok());
        assertEquals(0.0, d.maxRatio());
    }

    @Test
    void aZeroToleranceLeftOfAnErrorDoesNotHideIt() {
        // Expected 0 first (ratio 0 / 0 before the fix, which made every later maximum NaN), then 1e-300
        // answered as 0: relative error 1, ratio 1 / 1e-10.
        Compare.Diff d = compare(new double[] {0.0, 1e-300}, new double[] {0.0, 0.0});
        assertFalse(d.ok());
        assertEquals(1e10, d.maxRatio(), 1e10 * 1e-14, "1e-300 / (1e-10 · 1e-300), up to rounding");
    }
}
