package dev.nano.ops;

import dev.nano.Parallel;
import dev.nano.ops.MatrixKernel.View;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Vector API kernels, in the same JVM as the plain ones (nano-core's tests start the JVM with
 * {@code --add-modules jdk.incubator.vector} and {@code -Dnano.vector=false}, so every other test
 * runs the plain path and this one calls {@link VectorKernels} directly). References are
 * StrictMath (fdlibm), exact sums, and the textbook matrix product with fused multiply-adds;
 * never the vector code itself.
 */
class VectorKernelsTest {
    private static final VectorKernels VECTOR = new VectorKernels();
    private static final Kernels PLAIN = new Kernels();

    @AfterEach
    void restoreThreadsAndProperties() {
        Parallel.setNumThreads(Runtime.getRuntime().availableProcessors());
        System.clearProperty(VectorSupport.ENABLED_PROPERTY);
        System.clearProperty(VectorSupport.BITS_PROPERTY);
    }

    /** A kernel of the form {@code (x, y, from, to)}. */
    private interface Loop {
        void run(double[] x, double[] y, int from, int to);
    }

    private static double[] apply(Loop loop, double[] x) {
        double[] y = new double[x.length];
        loop.run(x, y, 0, x.length);
        return y;
    }

    private static long ulps(double actual, double expected) {
        if (Double.compare(actual, expected) == 0 || (Double.isNaN(actual) && Double.isNaN(expected))) {
            return 0;
        }
        if (Double.isNaN(actual) || Double.isNaN(expected) || Double.isInfinite(actual) || Double.isInfinite(expected)
                || Math.signum(actual) != Math.signum(expected)) {
            return Long.MAX_VALUE;
        }
        return Math.abs(Double.doubleToLongBits(actual) - Double.doubleToLongBits(expected));
    }

    /** Uniform in [lo, hi), and every fourth value log-uniform in magnitude (tiny to huge). */
    private static double[] sample(long seed, int n, double lo, double hi) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * r.nextDouble();
        }
        return x;
    }

    private static void withinUlps(String name, Loop loop, DoubleUnaryOperator reference, double[] x, long bound) {
        double[] y = apply(loop, x);
        for (int i = 0; i < x.length; i++) {
            double expected = reference.applyAsDouble(x[i]);
            assertTrue(ulps(y[i], expected) <= bound,
                name + "(" + x[i] + ") = " + y[i] + ", StrictMath: " + expected + " (bound " + bound + " ulps)");
        }
    }

    private static final double[] EDGES = {
        0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.MIN_NORMAL, 2.2250738585072004E-308 / 3, Double.MAX_VALUE, -Double.MAX_VALUE, 709.782712893384,
        709.7827128933841, -745.1332191019411, -745.1332191019412, -708.4, -730.5, 1e-300, -1e-300, -1,
        -1.0000000000000002, -0.9999999999999999, 1e-17, -1e-17, 1.9999999999999998, 2, -2, 0.5, 1, 3, 22, -22, 400};

    @Test
    void expIsWithinOneUlpOfStrictMathAndExactAtTheEdges() {
        withinUlps("exp", VECTOR::exp, StrictMath::exp, sample(1, 5_003, -20, 20), 1);
        withinUlps("exp", VECTOR::exp, StrictMath::exp, sample(2, 5_003, -746, 710), 1);
        withinUlps("exp", VECTOR::exp, StrictMath::exp, sample(3, 5_001, -746, -708), 1); // subnormal results
        withinUlps("exp", VECTOR::exp, StrictMath::exp, EDGES, 1);
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 710, -746,
            709.7827128933841, -745.1332191019412, 1e-300};
        assertArrayEquals(new double[] {1, 1, Double.NaN, Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY, 0,
            Double.POSITIVE_INFINITY, 0, 1}, apply(VECTOR::exp, special));
    }

    @Test
    void logAndLog1pAreWithinOneUlpOfStrictMathAndExactAtTheEdges() {
        double[] wide = new double[5_003];
        Random r = new Random(4);
        for (int i = 0; i < wide.length; i++) { // magnitudes from subnormal to huge
            wide[i] = Math.exp(-744 + 1453 * r.nextDouble());
        }
        withinUlps("log", VECTOR::log, StrictMath::log, wide, 1);
        withinUlps("log", VECTOR::log, StrictMath::log, sample(5, 5_003, 0.5, 2), 1);
        withinUlps("log", VECTOR::log, StrictMath::log, EDGES, 1);
        withinUlps("log1p", VECTOR::log1p, StrictMath::log1p, sample(6, 5_003, -0.999, 10), 1);
        withinUlps("log1p", VECTOR::log1p, StrictMath::log1p, wide, 1);
        withinUlps("log1p", VECTOR::log1p, StrictMath::log1p, sample(7, 5_001, -1e-9, 1e-9), 1);
        withinUlps("log1p", VECTOR::log1p, StrictMath::log1p, EDGES, 1);
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NaN, -744.4400719213812},
            apply(VECTOR::log, new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, -1, Double.MIN_VALUE}));
        double[] log1p = apply(VECTOR::log1p, new double[] {-0.0, -1, -2, Double.POSITIVE_INFINITY, 1e-300});
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(log1p[0]));
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, Double.NaN, Double.POSITIVE_INFINITY, 1e-300},
            java.util.Arrays.copyOfRange(log1p, 1, 5));
    }

    @Test
    void tanhIsWithinFourUlpsOfStrictMathAndTheSameAsThePlainPathBelowTwo() {
        withinUlps("tanh", VECTOR::tanh, StrictMath::tanh, sample(8, 5_003, -25, 25), 4);
        withinUlps("tanh", VECTOR::tanh, StrictMath::tanh, EDGES, 4);
        double[] small = sample(9, 10_007, -1.9999, 1.9999);
        assertArrayEquals(apply(PLAIN::tanh, small), apply(VECTOR::tanh, small)); // the same ratio, bit for bit
        double[] y = apply(VECTOR::tanh, new double[] {-0.0, Double.NaN, Double.POSITIVE_INFINITY, -1e308});
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(y[0]));
        assertArrayEquals(new double[] {Double.NaN, 1, -1}, java.util.Arrays.copyOfRange(y, 1, 4));
    }

    /**
     * Every element gets the same bits wherever a piece starts or ends (threads cut arrays into
     * pieces), because the scalar twin that finishes a piece computes what a vector lane does.
     */
    @Test
    void anElementsValueDoesNotDependOnWhereItsPieceStarts() {
        double[] x = sample(10, 4099, -30, 30);
        x[17] = Double.NaN;
        x[300] = Double.NEGATIVE_INFINITY;
        double[] g = sample(11, x.length, -2, 2);
        Loop[] loops = {VECTOR::exp, VECTOR::log, VECTOR::log1p, VECTOR::tanh, VECTOR::sigmoid, VECTOR::silu,
            (a, b, f, t) -> VECTOR.elu(0.7, a, b, f, t), (a, b, f, t) -> VECTOR.softplus(1.5, 20, a, b, f, t),
            (a, b, f, t) -> VECTOR.siluBackward(g, a, b, f, t), (a, b, f, t) -> VECTOR.eluBackward(0.7, g, a, b, f, t),
            (a, b, f, t) -> VECTOR.softplusBackward(1.5, 20, g, a, b, f, t),
            (a, b, f, t) -> VECTOR.scaledExpShifted(0.3, a, b, f, t, 1.25),
            (a, b, f, t) -> VECTOR.logSoftmaxGradient(g, a, b, f, t, 0.75)};
        Random r = new Random(12);
        for (Loop loop : loops) {
            double[] whole = apply(loop, x);
            double[] pieces = new double[x.length];
            for (int from = 0; from < x.length; ) {
                int to = Math.min(x.length, from + 1 + r.nextInt(37));
                loop.run(x, pieces, from, to);
                from = to;
            }
            assertArrayEquals(whole, pieces);
        }
    }

    /**
     * The ops built on exp agree with the plain path (Math.exp) to within a few ulps of their
     * result, specials exactly. The gradients that subtract ({@code g - exp(y)·sum}) or multiply by
     * {@code g} are compared within a few ulps of their largest term instead, as a 1-ulp change in
     * exp moves a difference of two close numbers by that much.
     */
    @Test
    void theOpsBuiltOnExpAgreeWithThePlainPath() {
        double[] x = sample(13, 5_001, -40, 40);
        System.arraycopy(EDGES, 0, x, 0, EDGES.length);
        double[] g = sample(14, x.length, -3, 3);
        g[1] = Double.POSITIVE_INFINITY;
        Loop[][] valuePairs = {
            {VECTOR::sigmoid, PLAIN::sigmoid},
            {VECTOR::silu, PLAIN::silu},
            {(a, b, f, t) -> VECTOR.elu(1.3, a, b, f, t), (a, b, f, t) -> PLAIN.elu(1.3, a, b, f, t)},
            {(a, b, f, t) -> VECTOR.softplus(2, 20, a, b, f, t), (a, b, f, t) -> PLAIN.softplus(2, 20, a, b, f, t)},
            {(a, b, f, t) -> VECTOR.scaledExpShifted(0.5, a, b, f, t, 3),
                (a, b, f, t) -> PLAIN.scaledExpShifted(0.5, a, b, f, t, 3)},
        };
        Loop[][] gradientPairs = {
            {(a, b, f, t) -> VECTOR.siluBackward(g, a, b, f, t), (a, b, f, t) -> PLAIN.siluBackward(g, a, b, f, t)},
            {(a, b, f, t) -> VECTOR.eluBackward(1.3, g, a, b, f, t),
                (a, b, f, t) -> PLAIN.eluBackward(1.3, g, a, b, f, t)},
            {(a, b, f, t) -> VECTOR.softplusBackward(2, 20, g, a, b, f, t),
                (a, b, f, t) -> PLAIN.softplusBackward(2, 20, g, a, b, f, t)},
            {(a, b, f, t) -> VECTOR.logSoftmaxGradient(g, a, b, f, t, 0.25),
                (a, b, f, t) -> PLAIN.logSoftmaxGradient(g, a, b, f, t, 0.25)},
        };
        for (Loop[] pair : valuePairs) {
            agree(x, apply(pair[0], x), apply(pair[1], x), null);
        }
        for (Loop[] pair : gradientPairs) {
            agree(x, apply(pair[0], x), apply(pair[1], x), g);
        }
    }

    /** Within 1e-14 of the plain value, relative to it (and to |g|·(1 + e^x) where given). */
    private static void agree(double[] x, double[] vector, double[] plain, double[] g) {
        for (int i = 0; i < x.length; i++) {
            double scale = Math.abs(plain[i]);
            if (g != null) {
                scale += Math.abs(g[i]) * (1 + Math.exp(Math.min(x[i], 700)));
            }
            boolean close = Double.compare(vector[i], plain[i]) == 0 || Math.abs(vector[i] - plain[i]) <= 1e-14 * scale;
            assertTrue(close, "at x = " + x[i] + ": vector " + vector[i] + ", plain " + plain[i]);
        }
    }

    @Test
    void rowSumsOfExponentialsAreCloseToTheExactSum() {
        double[] x = sample(15, 1003, -5, 5);
        double[] y = new double[x.length];
        double shift = 4.5;
        double sum = VECTOR.expShiftedSum(x, y, 0, x.length, shift);
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            assertTrue(ulps(y[i], StrictMath.exp(x[i] - shift)) <= 1);
            exact = exact.add(new BigDecimal(y[i]));
        }
        assertEquals(exact.doubleValue(), sum, 1e-14 * exact.doubleValue());
        assertEquals(sum, VECTOR.sumExpShifted(x, 0, x.length, shift)); // the same numbers, the same order
    }

    @Test
    void aSumIsWithinTheRoundingBoundOfTheExactSum() {
        for (int n : new int[] {0, 1, 7, 31, 32, 33, 1000, 32_768}) {
            double[] x = sample(16 + n, n, -1, 1);
            BigDecimal exact = BigDecimal.ZERO;
            double absolute = 0;
            for (double v : x) {
                exact = exact.add(new BigDecimal(v));
                absolute += Math.abs(v);
            }
            // Any order of n - 1 additions errs by at most (n - 1)·u·Σ|x| (u = 2^-53).
            double bound = Math.max(n - 1, 0) * 0x1p-53 * absolute;
            assertEquals(exact.doubleValue(), VECTOR.sum(x, 0, n), bound, "n = " + n);
        }
        assertTrue(Double.isNaN(VECTOR.sum(new double[] {1, Double.NaN, 2}, 0, 3)));
        assertEquals(6.0, VECTOR.sum(new double[] {9, 1, 2, 3, 9}, 1, 4));
    }

    @Test
    void theRowMaximumIsThePlainOneBitForBitSignedZerosAndNaNIncluded() {
        Random r = new Random(17);
        for (int n : new int[] {0, 1, 5, 8, 9, 31, 1000}) {
            double[] x = sample(60 + n, n, -9, 9);
            assertEquals(PLAIN.max(x, 0, n), VECTOR.max(x, 0, n), "n = " + n);
            if (n > 3) {
                x[r.nextInt(n)] = Double.NaN;
                assertTrue(Double.isNaN(VECTOR.max(x, 0, n)));
            }
        }
        // -0.0 first, +0.0 later in another lane: the first of equal maxima is kept, as on the plain path.
        double[] zeros = new double[2 * VectorKernels.W + 3];
        java.util.Arrays.fill(zeros, -1);
        zeros[1] = -0.0;
        zeros[VectorKernels.W] = 0.0;
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(VECTOR.max(zeros, 0, zeros.length)));
        zeros[1] = 0.0;
        zeros[VectorKernels.W] = -0.0;
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(VECTOR.max(zeros, 0, zeros.length)));
        double[] infinite = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        assertEquals(Double.NEGATIVE_INFINITY, VECTOR.max(infinite, 0, 2));
    }

    @Test
    void aDotProductIsWithinTheRoundingBoundOfTheExactOne() {
        for (int n : new int[] {0, 3, 16, 17, 1000}) {
            double[] g = sample(70 + n, n, -1, 1);
            double[] y = sample(80 + n, n, -1, 1);
            BigDecimal exact = BigDecimal.ZERO;
            double absolute = 0;
            for (int i = 0; i < n; i++) {
                exact = exact.add(new BigDecimal(g[i]).multiply(new BigDecimal(y[i])));
                absolute += Math.abs(g[i] * y[i]);
            }
            double bound = (n + 1) * 0x1p-53 * absolute;
            assertEquals(exact.doubleValue(), VECTOR.dot(g, y, 0, n), bound, "n = " + n);
        }
    }

    /** Each output element is the textbook sum 0 + l0·r0 + l1·r1 + … with every step a fused multiply-add. */
    private static double[] fusedTextbook(View left, View right, int rows, int inner, int cols) {
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double acc = 0;
                for (int t = 0; t < inner; t++) {
                    acc = Math.fma(left.data()[left.at() + i * left.rowStride() + t * left.colStride()],
                            right.data()[right.at() + t * right.rowStride() + j * right.colStride()], acc);
                }
                out[i * cols + j] = acc;
            }
        }
        return out;
    }

    @Test
    void theMatrixProductIsTheFusedTextbookSumForEveryShapeAndLayout() {
        int[][] shapes = {{1, 1, 40}, {3, 5, 17}, {4, 7, 16}, {9, 13, 35}, {6, 1, 33}, {6, 300, 35}};
        for (int[] s : shapes) {
            int rows = s[0];
            int inner = s[1];
            int cols = s[2];
            double[] a = sample(20 + rows, rows * inner + 3, -1, 1);
            double[] b = sample(30 + cols, inner * cols + 2, -1, 1);
            View[] lefts = {new View(a, 3, inner, 1), new View(a, 3, 1, rows)}; // row-major, and transposed
            View[] rights = {new View(b, 2, cols, 1), new View(b, 2, 1, inner)};
            for (View left : lefts) {
                for (View right : rights) {
                    double[] out = new double[rows * cols + 5];
                    VECTOR.product(left, right, out, 5, rows, inner, cols);
                    assertArrayEquals(fusedTextbook(left, right, rows, inner, cols),
                        java.util.Arrays.copyOfRange(out, 5, out.length), java.util.Arrays.toString(s));
                }
            }
        }
    }

    @Test
    void narrowProductsTakeThePlainPath() {
        int cols = 2 * VectorKernels.W - 1;
        double[] a = sample(40, 6 * 9, -1, 1);
        double[] b = sample(41, 9 * cols, -1, 1);
        double[] vector = new double[6 * cols];
        double[] plain = new double[6 * cols];
        VECTOR.product(new View(a, 0, 9, 1), new View(b, 0, cols, 1), vector, 0, 6, 9, cols);
        PLAIN.product(new View(a, 0, 9, 1), new View(b, 0, cols, 1), plain, 0, 6, 9, cols);
        assertArrayEquals(plain, vector);
    }

    @Test
    void aLargeProductIsTheSameOnOneAndTwoThreads() {
        int n = 97;
        double[] a = sample(50, n * n, -1, 1);
        double[] b = sample(51, n * n, -1, 1);
        double[][] results = new double[2][n * n];
        for (int threads = 1; threads <= 2; threads++) {
            Parallel.setNumThreads(threads);
            VECTOR.product(new View(a, 0, n, 1), new View(b, 0, n, 1), results[threads - 1], 0, n, n, n);
        }
        assertArrayEquals(results[0], results[1]);
        assertArrayEquals(fusedTextbook(new View(a, 0, n, 1), new View(b, 0, n, 1), n, n, n), results[0]);
    }

    @Test
    void thePathIsChosenOnceFromTheModuleAndTheProperty() {
        assertTrue(VectorSupport.moduleAvailable()); // this JVM was started with --add-modules
        assertSame(Kernels.class, Kernels.ACTIVE.getClass()); // and -Dnano.vector=false
        assertEquals(false, VectorSupport.enabled());
        assertEquals("nano: vector kernels off (-Dnano.vector=false)", VectorSupport.status());
        try {
            System.setProperty(VectorSupport.ENABLED_PROPERTY, "true");
            assertSame(VectorKernels.class, VectorSupport.choose().getClass());
            int bits = VectorKernels.W * Double.SIZE;
            assertEquals("nano: vector kernels on (" + VectorSupport.instructionSet(System.getProperty("os.arch"), bits) + ", " + VectorKernels.W
                + " doubles)", VectorSupport.status());
        } finally {
            System.setProperty(VectorSupport.ENABLED_PROPERTY, "false");
            VectorSupport.choose(); // puts the status line back
        }
        assertEquals("nano: vector kernels off (-Dnano.vector=false)", VectorSupport.status());
    }

    @Test
    void thePropertyNarrowsTheVectorsButNeverWidensThem() {
        int preferred = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.vectorBitSize();
        System.setProperty(VectorSupport.BITS_PROPERTY, "128");
        assertEquals(Math.min(128, preferred), VectorKernels.species().vectorBitSize());
        System.setProperty(VectorSupport.BITS_PROPERTY, "512");
        assertEquals(preferred, VectorKernels.species().vectorBitSize());
        System.setProperty(VectorSupport.BITS_PROPERTY, "100");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, VectorKernels::species);
        assertEquals("-Dnano.vector.bits expects 128, 256 or 512, but got 100", e.getMessage());
        System.setProperty(VectorSupport.BITS_PROPERTY, "wide");
        assertThrows(IllegalArgumentException.class, VectorKernels::species);
        assertEquals("AVX2", VectorSupport.instructionSet("amd64", 256));
        assertEquals("AVX-512", VectorSupport.instructionSet("x86_64", 512));
        assertEquals("SSE, 128-bit", VectorSupport.instructionSet("amd64", 128));
        assertEquals("aarch64, 128-bit", VectorSupport.instructionSet("aarch64", 128));
    }
}
