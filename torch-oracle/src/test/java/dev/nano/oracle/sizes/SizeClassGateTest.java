package dev.nano.oracle.sizes;

import dev.nano.ops.SizeClasses;
import dev.nano.oracle.fixtures.FixtureStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The gate of issue 21: every threshold nano's kernels have ({@link SizeClasses#ALL}, read from the
 * code the kernels use) has a size case below, at and above it, for every family whose kernels take
 * it, measured from the cases' shapes ({@link SizeMeasures}); and every size case has PyTorch's answer
 * in the fixtures.
 */
class SizeClassGateTest {

    @Test
    void everyThresholdHasACaseBelowAtAndAboveItInEveryFamilyThatTakesIt() {
        List<String> gaps = new ArrayList<>();
        for (SizeClasses.Threshold t : SizeClasses.ALL) {
            for (String family : t.families()) {
                boolean below = false;
                boolean at = false;
                boolean above = false;
                for (SizeCase c : SizeCases.all()) {
                    if (!c.family().equals(family)) {
                        continue;
                    }
                    for (long v : SizeMeasures.of(c).getOrDefault(t.measure(), List.of())) {
                        below |= v < t.value();
                        at |= v == t.value();
                        above |= v > t.value();
                    }
                }
                if (!(below && at && above)) {
                    gaps.add(t.name() + " (" + t.measure() + " " + t.value() + ") in " + family + ": no case"
                            + (below ? "" : " below") + (at ? "" : " at") + (above ? "" : " above"));
                }
            }
        }
        if (!gaps.isEmpty()) {
            fail(gaps.size() + " thresholds of dev.nano.ops.SizeClasses lack a size case (add one to SizeCases):\n  "
                    + String.join("\n  ", gaps));
        }
    }

    @Test
    void everyFamilyOfTheSizeCasesTakesSomeThreshold() {
        Set<String> families = new HashSet<>();
        SizeClasses.ALL.forEach(t -> families.addAll(t.families()));
        for (SizeCase c : SizeCases.all()) {
            assertTrue(families.contains(c.family()), c + ": family " + c.family() + " takes no threshold");
        }
    }

    @Test
    void theThresholdsAreTheOnesTheKernelsUse() {
        // The kernels read these constants (ElementwiseUnary.GRAIN, SumKernels.CHUNK, MatrixKernel's and
        // VectorKernels' constants); the gate above is only as good as this list.
        Set<Long> values = new HashSet<>();
        SizeClasses.ALL.forEach(t -> values.add(t.value()));
        assertTrue(values.containsAll(List.of((long) SizeClasses.PARALLEL_GRAIN, (long) SizeClasses.SUM_CHUNK,
                (long) SizeClasses.SUM_LANES, (long) SizeClasses.MATRIX_MIN_PACKED_COLS,
                SizeClasses.MATRIX_MIN_PARALLEL_WORK, (long) SizeClasses.MATRIX_ROWS_PER_CHUNK,
                (long) SizeClasses.MATRIX_INNER_UNROLL, (long) SizeClasses.VECTOR_MATRIX_ROWS,
                (long) SizeClasses.VECTOR_INNER_BLOCK)));
    }

    @Test
    void everySizeCaseHasItsFixtureAndNoFixtureLacksItsCase() {
        FixtureStore store = FixtureStore.locate();
        List<String> problems = new ArrayList<>();
        for (String op : SizeCases.operators()) {
            Map<String, SizeFixtures.Recorded> recorded = SizeFixtures.read(store, SizeFixtures.path(store, op));
            Set<String> ids = new HashSet<>();
            for (SizeCase c : SizeCases.all()) {
                if (c.op().equals(op)) {
                    ids.add(c.id());
                    if (!recorded.containsKey(c.id())) {
                        problems.add(c + ": no fixture");
                    }
                }
            }
            recorded.keySet().stream().filter(id -> !ids.contains(id))
                    .forEach(id -> problems.add(op + "[" + id + "]: in the fixtures, no longer a size case"));
        }
        assertEquals(List.of(), problems, "run " + FixtureStore.REGENERATE);
    }

    @Test
    void theCompactStorageKeepsEveryValueExactly() {
        assertEquals("I8", SizeFixtures.CompactSafeTensors.dtypeOf(new double[] {-128, 127, 0}));
        assertEquals("I16", SizeFixtures.CompactSafeTensors.dtypeOf(new double[] {-129, 3}));
        assertEquals("I32", SizeFixtures.CompactSafeTensors.dtypeOf(new double[] {40000, 3}));
        assertEquals("F32", SizeFixtures.CompactSafeTensors.dtypeOf(new double[] {0.5, -0.0}));
        assertEquals("F32", SizeFixtures.CompactSafeTensors.dtypeOf(new double[] {1, Double.POSITIVE_INFINITY}));
        assertEquals("F64", SizeFixtures.CompactSafeTensors.dtypeOf(new double[] {0.1}));
        assertEquals("F64", SizeFixtures.CompactSafeTensors.dtypeOf(new double[] {(1L << 40) + 1}));
    }
}
