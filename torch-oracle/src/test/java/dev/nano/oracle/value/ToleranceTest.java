package dev.nano.oracle.value;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A looser tolerance needs its written reason, whichever way it is made. */
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
}
