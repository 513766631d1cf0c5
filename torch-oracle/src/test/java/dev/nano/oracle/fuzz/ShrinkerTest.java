package dev.nano.oracle.fuzz;

import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The shrinker and the generator on their own, without libtorch: hand-derived expectations. */
class ShrinkerTest {

    private static FuzzCase add(Input a, Input b) {
        Sample s = new Sample("fuzz", EnumSet.noneOf(Kind.class), List.of(a, b), Attrs.none(), null, null);
        return new FuzzCase(Catalogue.byName("add"), s, 1);
    }

    @Test
    void slicesAreTakenAlongAnAxisInRowMajorOrder() {
        Input in = Input.of(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        Input withoutMiddleColumn = Shrinker.removeSlice(in, 1, 1);
        assertArrayEquals(new int[] {2, 2}, withoutMiddleColumn.shape());
        assertArrayEquals(new double[] {1, 3, 4, 6}, withoutMiddleColumn.values());
        Input secondRow = Shrinker.keepSlice(in, 0, 1);
        assertArrayEquals(new int[] {3}, secondRow.shape());
        assertArrayEquals(new double[] {4, 5, 6}, secondRow.values());
        Input lastColumn = Shrinker.keepSlice(in, 1, 2);
        assertArrayEquals(new int[] {2}, lastColumn.shape());
        assertArrayEquals(new double[] {3, 6}, lastColumn.values());
    }

    /** A "bug" that needs a NaN in input 0 somewhere: everything else shrinks away, the NaN stays. */
    @Test
    void shrinksToTheSmallestCaseThatStillFails() {
        FuzzCase big = add(Input.of(new int[] {2, 3}, 2.5, -1.5, Double.NaN, 7, 0.25, 3),
                Input.of(new int[] {3}, 4, 5, 6));
        FuzzCase small = Shrinker.shrink(big, c -> Arrays.stream(c.sample().inputs().get(0).values())
                .anyMatch(Double::isNaN));
        assertArrayEquals(new int[] {}, small.sample().inputs().get(0).shape());
        assertArrayEquals(new double[] {Double.NaN}, small.sample().inputs().get(0).values());
        assertArrayEquals(new int[] {}, small.sample().inputs().get(1).shape(), "partner reduced to 0-d");
        assertArrayEquals(new double[] {0.0}, small.sample().inputs().get(1).values(), "value replaced by 0");
    }

    /** −0.0 is not 0.0 to the shrinker: a case that fails on −0.0 keeps it. */
    @Test
    void keepsTheSignOfZero() {
        FuzzCase c = add(Input.of(new int[] {2}, 3, -0.0), Input.of(new int[] {}, 1));
        FuzzCase small = Shrinker.shrink(c, x -> Arrays.stream(x.sample().inputs().get(0).values())
                .anyMatch(v -> Double.compare(v, -0.0) == 0));
        assertArrayEquals(new double[] {-0.0}, small.sample().inputs().get(0).values());
    }

    @Test
    void aCaseIsAFunctionOfItsSeed() {
        CaseGenerator g = CaseGenerator.over(List.of());
        for (long seed = 0; seed < 200; seed++) {
            assertEquals(g.draw(seed).toString(), g.draw(seed).toString());
        }
        assertNotEquals(g.draw(1).toString(), g.draw(2).toString());
    }

    /** The generator's promises: rank 0–5, sizes 0–7, at most 256 elements, every pool class drawn. */
    @Test
    void drawsShapesAndValuesFromTheWholePool() {
        Draw d = new Draw(7);
        int[] ranks = new int[6];
        int[] sizes = new int[8];
        for (int i = 0; i < 5000; i++) {
            int[] s = CaseGenerator.shape(d);
            ranks[s.length]++;
            int n = 1;
            for (int size : s) {
                sizes[size]++;
                n *= size;
            }
            assertEquals(true, n <= CaseGenerator.MAX_NUMEL, Arrays.toString(s));
        }
        for (int r = 0; r <= 5; r++) {
            assertNotEquals(0, ranks[r], "rank " + r);
        }
        for (int size = 0; size <= 7; size++) {
            assertNotEquals(0, sizes[size], "size " + size);
        }
        boolean nan = false;
        boolean negZero = false;
        boolean huge = false;
        boolean tiny = false;
        for (int i = 0; i < 5000; i++) {
            double v = FuzzValues.draw(d, false);
            nan |= Double.isNaN(v);
            negZero |= Double.compare(v, -0.0) == 0;
            huge |= Math.abs(v) >= 1e300 && Double.isFinite(v);
            tiny |= v != 0 && Math.abs(v) <= 1e-300;
        }
        assertEquals(List.of(true, true, true, true), List.of(nan, negZero, huge, tiny));
        for (int i = 0; i < 5000; i++) {
            double v = FuzzValues.draw(d, true);
            assertEquals(true, Double.isNaN(v) || v == 0 || Double.isInfinite(v) || Math.abs(v) <= 3,
                    "an order-dependent operator drew " + v);
        }
    }
}
