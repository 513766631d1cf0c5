package dev.nano.ops;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The size classes are the kernels' own thresholds, each listed once with the families that take it. */
class SizeClassesTest {

    @Test
    void theKernelsUseTheListedThresholds() {
        assertEquals(SizeClasses.PARALLEL_GRAIN, ElementwiseUnary.GRAIN);
        assertEquals(SizeClasses.SUM_CHUNK, SumKernels.CHUNK);
        assertEquals(SizeClasses.MATRIX_MIN_PACKED_COLS, MatrixKernel.MIN_PACKED_COLS);
        assertEquals(SizeClasses.MATRIX_MIN_PARALLEL_WORK, MatrixKernel.MIN_PARALLEL_WORK);
        assertEquals(SizeClasses.MATRIX_ROWS_PER_CHUNK, MatrixKernel.ROWS_PER_CHUNK);
    }

    @Test
    void everyThresholdIsNamedOncePositiveAndTakenBySomeFamily() {
        Set<String> names = new HashSet<>();
        for (SizeClasses.Threshold t : SizeClasses.ALL) {
            assertTrue(names.add(t.name()), t.name() + " listed twice");
            assertTrue(t.value() > 0, t.name());
            assertTrue(!t.families().isEmpty(), t.name());
            assertTrue(!t.why().isEmpty(), t.name());
        }
        // plain thresholds (8), and per vector width a panel and a sum-lane threshold, then rows and inner block
        assertEquals(8 + 2 * SizeClasses.VECTOR_LANES.size() + 2, SizeClasses.ALL.size());
        assertTrue(names.contains("vector matrix panel, W=8"));
    }

    @Test
    void aThresholdKeepsItsOwnCopyOfTheFamilies() {
        List<String> families = new java.util.ArrayList<>(List.of("matmul"));
        SizeClasses.Threshold t = new SizeClasses.Threshold("t", 1, SizeClasses.Measure.MATRIX_COLS, families, "why");
        families.add("linear");
        assertEquals(List.of("matmul"), t.families());
        assertThrows(UnsupportedOperationException.class, () -> t.families().add("x"));
    }
}
