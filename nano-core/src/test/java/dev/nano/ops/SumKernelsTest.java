package dev.nano.ops;

import dev.nano.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Sums of small integers are exact in any order, so the kernels' reordered sums can be checked
 * exactly against sums worked out by hand or in closed form.
 */
class SumKernelsTest {

    @AfterEach
    void restoreThreads() {
        Parallel.setNumThreads(Runtime.getRuntime().availableProcessors());
    }

    @ParameterizedTest(name = "shape {0}, reduced {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
        "2,3; 0,1; ROWS",       // everything
        "2,3; 0,0; ROWS",       // nothing reduced: one element per row
        "2,3; 1,0; COLUMNS",
        "1,2,3; 0,1,0; COLUMNS", // a size-1 dim before does not matter
        "2,1,3; 1,1,0; COLUMNS",
        "2,3,4; 0,1,0; GENERAL",
        "2,3,4; 1,0,1; GENERAL",
    })
    void classifiesWhereTheReducedDimsAre(String shape, String reduced, SumKernels.Kind kind) {
        assertEquals(kind, SumKernels.kindOf(ints(shape), flags(reduced)));
    }

    @Test
    void sumToAddsOverTheLeadingAndSizeOneDims() {
        // A gradient of shape (2,3): to (3,) adds the rows; to (2,1) the columns; to () everything.
        double[] g = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(new double[] {5, 7, 9}, SumKernels.sumTo(g, new int[] {2, 3}, new int[] {3}));
        assertArrayEquals(new double[] {6, 15}, SumKernels.sumTo(g, new int[] {2, 3}, new int[] {2, 1}));
        assertArrayEquals(new double[] {21}, SumKernels.sumTo(g, new int[] {2, 3}, new int[] {}));
        assertArrayEquals(new double[] {5, 7, 9}, SumKernels.sumTo(g, new int[] {2, 3}, new int[] {1, 3}));
        assertSame(g, SumKernels.sumTo(g, new int[] {2, 3}, new int[] {2, 3}), "equal shapes: nothing to add");
    }

    @Test
    void sumsEachKindOfLayout() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}; // shape (2, 3, 2)
        int[] shape = {2, 3, 2};
        assertArrayEquals(new double[] {78}, SumKernels.sum(x, shape, new boolean[] {true, true, true}));
        assertArrayEquals(new double[] {21, 57}, SumKernels.sum(x, shape, new boolean[] {false, true, true}));
        assertArrayEquals(new double[] {8, 10, 12, 14, 16, 18}, SumKernels.sum(x, shape,
                new boolean[] {true, false, false}));
        assertArrayEquals(new double[] {9, 12, 27, 30}, SumKernels.sum(x, shape, new boolean[] {false, true, false}));
        assertArrayEquals(new double[] {0, 0, 0}, SumKernels.sum(new double[0], new int[] {3, 0},
                new boolean[] {false, true}));
        assertArrayEquals(new double[0], SumKernels.sum(new double[0], new int[] {0, 3},
                new boolean[] {false, true}));
        assertArrayEquals(new double[] {5}, SumKernels.sum(new double[] {5}, new int[0], new boolean[0]));
    }

    @Test
    void longRunsAreSummedInFixedChunksWhateverTheThreadCount() {
        int n = 3 * SumKernels.CHUNK + 7;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 1000;
        }
        double expected = 0;
        for (int i = 0; i < n; i++) {
            expected += i % 1000; // exact: every partial sum is an integer below 2^53
        }
        for (int threads : new int[] {1, 2}) {
            Parallel.setNumThreads(threads);
            assertArrayEquals(new double[] {expected}, SumKernels.sum(x, new int[] {n}, new boolean[] {true}));
            double[] twice = new double[2 * n];
            System.arraycopy(x, 0, twice, 0, n);
            System.arraycopy(x, 0, twice, n, n);
            assertArrayEquals(new double[] {expected, expected}, SumKernels.sum(twice, new int[] {2, n},
                    new boolean[] {false, true}));
        }
    }

    @Test
    void manyRowsRunInChunksWithTheSameResults() {
        int rows = 3000;
        int width = 30; // rows * width is beyond one chunk
        double[] x = new double[rows * width];
        double[] expected = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                x[r * width + j] = r + j;
            }
            expected[r] = width * r + width * (width - 1) / 2.0;
        }
        for (int threads : new int[] {1, 2}) {
            Parallel.setNumThreads(threads);
            assertArrayEquals(expected, SumKernels.sum(x, new int[] {rows, width}, new boolean[] {false, true}));
        }
    }

    @Test
    void aRunIsSummedInSixteenLanesThenATreeThenTheTail() {
        // Values of very different sizes, so that another order would give other bits.
        java.util.Random random = new java.util.Random(11);
        for (int n : new int[] {0, 5, 16, 37, 1000}) {
            double[] x = new double[n + 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian() * Math.pow(10, random.nextInt(17));
            }
            int from = 3;
            double[] lane = new double[16];
            int full = n / 16 * 16;
            for (int i = 0; i < full; i++) {
                lane[i % 16] += x[from + i];
            }
            for (int width = 8; width >= 1; width /= 2) { // (s0 + s1) + (s2 + s3) ... as a balanced tree
                for (int j = 0; j < width; j++) {
                    lane[j] = lane[2 * j] + lane[2 * j + 1];
                }
            }
            double expected = lane[0];
            for (int i = full; i < n; i++) {
                expected += x[from + i];
            }
            assertEquals(Double.doubleToRawLongBits(expected),
                    Double.doubleToRawLongBits(SumKernels.sumRun(x, from, from + n)), "n = " + n);
        }
    }

    // Added for the mutation score (scripts/mutation-score): the test above sums whole numbers, which
    // every order adds exactly, so a sumLong that summed a long run in one piece survived. With values
    // of very different sizes only the documented order — each CHUNK summed by sumRun, the chunk sums
    // then added in order — gives these bits.
    @Test
    void longRunsAddTheirChunkSumsInOrder() {
        int n = 3 * SumKernels.CHUNK + 7;
        java.util.Random random = new java.util.Random(12);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian() * Math.pow(10, random.nextInt(17));
        }
        double expected = 0;
        for (int from = 0; from < n; from += SumKernels.CHUNK) {
            expected += SumKernels.sumRun(x, from, Math.min(n, from + SumKernels.CHUNK));
        }
        assertNotEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(SumKernels.sumRun(x, 0, n)),
                "the values must tell the two orders apart");
        for (int threads : new int[] {1, 2}) {
            Parallel.setNumThreads(threads);
            assertEquals(Double.doubleToRawLongBits(expected),
                    Double.doubleToRawLongBits(SumKernels.sum(x, new int[] {n}, new boolean[] {true})[0]));
        }
    }

    private static int[] ints(String csv) {
        return java.util.Arrays.stream(csv.trim().split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    }

    private static boolean[] flags(String csv) {
        int[] v = ints(csv);
        boolean[] f = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = v[i] != 0;
        }
        return f;
    }
}
