package dev.nano.nn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch norm reports the settings it was built with (PyTorch's {@code bn.affine},
 * {@code bn.track_running_stats}). Added for the mutation score (scripts/mutation-score): accessors
 * that always answered false survived.
 */
class BatchNormSettingsTest {

    @Test
    void affineAndTrackRunningStatsAreTheConstructorsArguments() {
        BatchNorm1d defaults = new BatchNorm1d(3);
        assertTrue(defaults.affine());
        assertTrue(defaults.trackRunningStats());
        BatchNorm2d neither = new BatchNorm2d(3, 1e-5, 0.1, false, false);
        assertFalse(neither.affine());
        assertFalse(neither.trackRunningStats());
    }
}
