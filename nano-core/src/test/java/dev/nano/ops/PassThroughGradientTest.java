package dev.nano.ops;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * add and sub hand the upstream gradient on as it is where their local derivative is 1; their
 * written-out derivatives must agree with that claim, or the shortcut would compute the wrong thing.
 */
class PassThroughGradientTest {

    @Test
    void addPassesBothGradientsThroughBecauseBothDerivativesAreOne() {
        Arithmetic.Add add = new Arithmetic.Add();
        assertTrue(add.passesGradientThrough(true));
        assertTrue(add.passesGradientThrough(false));
        for (double g : new double[] {-2.5, 0.0, 3.0, Double.NaN}) {
            assertEquals(g, add.gradA(g, 7, 11, 18));
            assertEquals(g, add.gradB(g, 7, 11, 18));
        }
    }

    @Test
    void subPassesOnlyTheFirstGradientThrough() {
        Arithmetic.Sub sub = new Arithmetic.Sub();
        assertTrue(sub.passesGradientThrough(true));
        assertFalse(sub.passesGradientThrough(false));
        assertEquals(-2.5, sub.gradA(-2.5, 7, 11, -4));
        assertEquals(2.5, sub.gradB(-2.5, 7, 11, -4));
    }

    @Test
    void otherOpsComputeTheirGradients() {
        assertFalse(new Arithmetic.Mul().passesGradientThrough(true));
        assertFalse(new Arithmetic.Mul().passesGradientThrough(false));
    }
}
