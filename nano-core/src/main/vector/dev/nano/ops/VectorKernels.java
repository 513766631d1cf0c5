package dev.nano.ops;

import dev.nano.Parallel;
import dev.nano.ops.MatrixKernel.View;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The hot loops of {@link Kernels} written with the Vector API, {@link #W} doubles per instruction
 * (4 with AVX2, 8 with AVX-512). Loaded by name, only when the JVM has the
 * {@code jdk.incubator.vector} module (see {@link VectorSupport}).
 *
 * <p><b>Its own exp, log, log1p and tanh.</b> The Vector API has {@code lanewise(EXP)} and the
 * like, and on x86 HotSpot compiles them to Intel's SVML routines, which are fast and within 1 ulp
 * of {@code Math.exp}. But before a loop is compiled (in the interpreter and the first compiler
 * tier) the same call computes each lane with {@code Math.exp}, so a value could change in its
 * last bit between the first calls of a program and the later ones, and between a run on 1 thread
 * and one on 2 (ParallelTest compares them bit for bit). So this class computes exp, log, log1p
 * and tanh from additions, multiplications, fused multiply-adds, comparisons and bit moves, which
 * give the same bits in every compiler tier and on every CPU, and each has a scalar twin
 * (the same steps on one double, with {@code Math.fma}) for the elements left over after the last
 * whole vector. So an element's value never depends on where a loop or a thread's piece starts.
 * Accuracy, measured over 4·10⁶ random inputs per range and the edges (VectorKernelsTest checks
 * the bounds on fewer): exp, log and log1p within 1 ulp of {@code StrictMath}'s (fdlibm, itself
 * within 1 ulp of the exact value), about 10% of exp's results and 3% of log's differing from it
 * at all; tanh within 4 ulps, as the plain path's tanh; ±0, ±inf, NaN and subnormal inputs and
 * results as {@code Math}'s.
 *
 * <p><b>Summation order.</b> A sum over a run adds {@code x[i]} into lane {@code i mod 4W} of four
 * vector accumulators, adds the accumulators as {@code (a0 + a1) + (a2 + a3)}, the lanes of that
 * by halving ({@code l[i] + l[i + W/2]}, then again), then the tail left to right. Softmax's and
 * logsumexp's sums of exponentials use one accumulator, then the same halving. Both differ from
 * the plain path's order (and depend on the vector width), within the parity suite's tolerance;
 * neither depends on the thread count (runs and chunks are cut as on the plain path).
 *
 * <p><b>Matrix products</b> keep each output element's textbook order ({@code 0 + l[0]·r[0] +
 * l[1]·r[1] + …}, ascending inner index) but add each product with a fused multiply-add (one
 * rounding instead of two), so they differ from the plain path in the last bits; they do not
 * depend on blocking, vector width or thread count.
 */
final class VectorKernels extends Kernels {
    /** The vector shape: the CPU's preferred width, or {@code -Dnano.vector.bits}. */
    static final VectorSpecies<Double> D = species();
    /** Lanes per vector. */
    static final int W = D.length();

    // exp: e^x = 2^k · e^r with k = round(x / ln 2) and |r| ≤ ln 2 / 2.
    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 in two parts (fdlibm's): the first has 21 trailing zero bits, so {@code k · LN2_HI} is exact. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5·2^52: adding it rounds to an integer, which then sits in the low bits of the sum. */
    private static final double SHIFTER = 0x1.8p52;
    private static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    /** exp's input is clamped here: below, e^x rounds to 0; above, to +inf; in between, 2^k splits in two factors. */
    private static final double EXP_LOW = -746;
    private static final double EXP_HIGH = 710;
    /** e^r on |r| ≤ 0.347 by its Taylor series to r^13 (the next term is below 5e-18 relative). */
    private static final double[] EXP_TAYLOR = {
        1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880,
        1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0};

    // log: fdlibm's e_log.c, x = 2^e · m with m in [sqrt(1/2), sqrt(2)).
    private static final long SQRT_HALF_BITS = Double.doubleToRawLongBits(0.70710678118654752440);
    private static final double LG1 = 6.666666666666735130e-01;
    private static final double LG2 = 3.999999999940941908e-01;
    private static final double LG3 = 2.857142874366239149e-01;
    private static final double LG4 = 2.222219843214978396e-01;
    private static final double LG5 = 1.818357216161805012e-01;
    private static final double LG6 = 1.531383769920937332e-01;
    private static final double LG7 = 1.479819860511658591e-01;
    /** 2^54: subnormal inputs are scaled by it into the normal range first. */
    private static final double TWO54 = 0x1p54;

    /** Columns of the right factor per pass of the matrix kernel: two vectors. */
    private static final int PANEL = SizeClasses.VECTOR_MATRIX_PANEL_VECTORS;
    /** Rows of the left factor per pass of the matrix kernel. */
    private static final int ROWS = SizeClasses.VECTOR_MATRIX_ROWS;
    /**
     * Inner indices per pass of the matrix kernel: a panel of {@code right} for that many indices
     * (128 × 16 doubles with AVX-512, 16 KB) stays in the level-1 cache while every row of a chunk
     * uses it. Between passes the accumulators go through {@code out}, which changes no value.
     */
    private static final int INNER_BLOCK = SizeClasses.VECTOR_INNER_BLOCK;

    VectorKernels() {
    }

    /**
     * The lane count, read reflectively by {@link VectorSupport} for its status line. Computed
     * afresh rather than read from {@link #W}: the status line is made while {@link Kernels} is
     * initialised, which can be before this class's own fields are set.
     */
    static int lanes() {
        return species().length();
    }

    static VectorSpecies<Double> species() {
        String bits = System.getProperty(VectorSupport.BITS_PROPERTY);
        if (bits == null) {
            return DoubleVector.SPECIES_PREFERRED;
        }
        int asked;
        try {
            asked = Integer.parseInt(bits.trim());
        } catch (NumberFormatException e) {
            asked = -1;
        }
        if (asked != 128 && asked != 256 && asked != 512) {
            throw new IllegalArgumentException("-D" + VectorSupport.BITS_PROPERTY + " expects 128, 256 or 512, but got "
                    + bits);
        }
        // Never wider than the CPU's own vectors: those would run lane by lane, far slower.
        return asked >= DoubleVector.SPECIES_PREFERRED.vectorBitSize() ? DoubleVector.SPECIES_PREFERRED
                : VectorSpecies.of(double.class, VectorShape.forBitSize(asked));
    }

    // ---------------------------------------------------------------- the math, one vector at a time

    private static DoubleVector c(double v) {
        return DoubleVector.broadcast(D, v);
    }

    /** {@code a·b + c} with one rounding. */
    private static DoubleVector fma(DoubleVector a, DoubleVector b, double c) {
        return a.fma(b, c(c));
    }

    /**
     * e^x in every lane; see {@link #exp(double)} for the steps. Kept under HotSpot's 325-byte
     * limit for inlining a hot method (as every vector method here): a vector passed to or
     * returned from a method that is not inlined becomes an object on the heap, many times slower.
     * (The Horner loop below is unrolled by HotSpot; written out, the method grew past the limit.)
     */
    static DoubleVector exp(DoubleVector x0) {
        DoubleVector x = x0.max(EXP_LOW).min(EXP_HIGH); // NaN stays NaN
        DoubleVector kd = x.fma(LOG2E, SHIFTER);
        DoubleVector k = kd.sub(SHIFTER);
        DoubleVector r = k.fma(c(-LN2_HI), x);
        r = k.fma(c(-LN2_LO), r);
        DoubleVector p = r.fma(EXP_TAYLOR[13], EXP_TAYLOR[12]);
        for (int n = 11; n >= 0; n--) {
            p = fma(p, r, EXP_TAYLOR[n]);
        }
        LongVector kp = kd.reinterpretAsLongs().sub(SHIFTER_BITS - 2048);
        LongVector k1p = kp.lanewise(VectorOperators.LSHR, 1);
        DoubleVector s1 = k1p.sub(1).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector s2 = kp.sub(k1p).sub(1).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return p.mul(s1).mul(s2);
    }

    /**
     * e^x, one double: the scalar twin of {@link #exp(DoubleVector)}, step for step.
     * <ol>
     *   <li>clamp x to [-746, 710] (e^x is 0 or +inf beyond; NaN stays NaN);
     *   <li>k = round(x·log2 e), by adding and subtracting 1.5·2^52;
     *   <li>r = x - k·ln 2 (ln 2 in two parts, each product subtracted with one rounding): |r| ≤ 0.347;
     *   <li>e^r by its Taylor polynomial to degree 13, in Horner form with fused multiply-adds;
     *   <li>times 2^k, built from the bits of k in two factors 2^⌊k/2⌋ · 2^(k-⌊k/2⌋), so that
     *       k from -1077 to 1025 needs no special case: subnormal results are rounded once, at
     *       the second factor, and overflow gives +inf.
     * </ol>
     * The shifts use logical shifts of k + 2048 (always positive), because AVX2 has no arithmetic
     * shift of 64-bit lanes.
     */
    static double exp(double x0) {
        double x = Math.min(Math.max(x0, EXP_LOW), EXP_HIGH);
        double kd = Math.fma(x, LOG2E, SHIFTER);
        double k = kd - SHIFTER;
        double r = Math.fma(k, -LN2_HI, x);
        r = Math.fma(k, -LN2_LO, r);
        double p = Math.fma(r, EXP_TAYLOR[13], EXP_TAYLOR[12]);
        for (int n = 11; n >= 0; n--) {
            p = Math.fma(p, r, EXP_TAYLOR[n]);
        }
        long kp = Double.doubleToRawLongBits(kd) - (SHIFTER_BITS - 2048);
        long k1p = kp >>> 1;
        double s1 = Double.longBitsToDouble((k1p - 1) << 52);
        double s2 = Double.longBitsToDouble((kp - k1p - 1) << 52);
        return p * s1 * s2;
    }

    /**
     * ln x in every lane; see {@link #log(double)}. In three methods, each small enough for HotSpot
     * to inline into the loop that calls it (a method of more than 325 bytes of bytecode is not
     * inlined, and then every vector it takes or returns becomes an object on the heap).
     */
    static DoubleVector log(DoubleVector x0) {
        VectorMask<Double> subnormal = x0.compare(VectorOperators.LT, Double.MIN_NORMAL)
                .and(x0.compare(VectorOperators.GT, 0));
        DoubleVector y = logOfNormal(x0.blend(x0.mul(TWO54), subnormal), c(0).blend(-54, subnormal));
        y = y.blend(Double.NEGATIVE_INFINITY, x0.compare(VectorOperators.EQ, 0));
        y = y.blend(Double.NaN, x0.compare(VectorOperators.LT, 0));
        return y.blend(x0, x0.test(VectorOperators.IS_NAN).or(x0.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY)));
    }

    /** ln x for positive normal x, plus {@code eAdjust}·ln 2. */
    private static DoubleVector logOfNormal(DoubleVector x, DoubleVector eAdjust) {
        LongVector bits = x.reinterpretAsLongs();
        LongVector eBiased = bits.sub(SQRT_HALF_BITS - (1024L << 52)).lanewise(VectorOperators.LSHR, 52);
        DoubleVector m = bits.sub(eBiased.lanewise(VectorOperators.LSHL, 52)).add(1024L << 52).reinterpretAsDoubles();
        DoubleVector e = eBiased.add(SHIFTER_BITS - 1024).reinterpretAsDoubles().sub(SHIFTER).add(eAdjust);
        return logOfMantissa(m.sub(1), e);
    }

    /** fdlibm's {@code e·ln 2 + ln(1 + f)} for f = m - 1, m in [sqrt(1/2), sqrt(2)). */
    private static DoubleVector logOfMantissa(DoubleVector f, DoubleVector e) {
        DoubleVector hfsq = f.mul(0.5).mul(f);
        DoubleVector s = f.div(f.add(2));
        DoubleVector z = s.mul(s);
        DoubleVector w = z.mul(z);
        DoubleVector t1 = w.mul(w.mul(w.mul(LG6).add(LG4)).add(LG2));
        DoubleVector t2 = z.mul(w.mul(w.mul(w.mul(LG7).add(LG5)).add(LG3)).add(LG1));
        DoubleVector big = t2.add(t1);
        return e.mul(LN2_HI).sub(hfsq.sub(s.mul(hfsq.add(big)).add(e.mul(LN2_LO))).sub(f));
    }

    /**
     * ln x, one double, as fdlibm's {@code e_log.c} (within 1 ulp): x = 2^e·m with m in
     * [sqrt(1/2), sqrt(2)), f = m - 1, s = f/(2 + f), ln m = f - (f²/2 - s·(f²/2 + R(s²))) with
     * fdlibm's polynomial R, and e·ln 2 added in two parts. e and m come from the bits of x
     * (subnormals scaled by 2^54 first). 0 gives -inf, negatives NaN, +inf and NaN themselves.
     */
    static double log(double x0) {
        if (!(x0 > 0) || x0 == Double.POSITIVE_INFINITY) {
            return x0 == 0 ? Double.NEGATIVE_INFINITY : x0 < 0 ? Double.NaN : x0;
        }
        boolean subnormal = x0 < Double.MIN_NORMAL;
        double x = subnormal ? x0 * TWO54 : x0;
        double eAdjust = subnormal ? -54 : 0;
        long bits = Double.doubleToRawLongBits(x);
        long eBiased = (bits - (SQRT_HALF_BITS - (1024L << 52))) >>> 52;
        double m = Double.longBitsToDouble(bits - (eBiased << 52) + (1024L << 52));
        double e = Double.longBitsToDouble(eBiased + (SHIFTER_BITS - 1024)) - SHIFTER + eAdjust;
        double f = m - 1;
        double hfsq = f * 0.5 * f;
        double s = f / (f + 2);
        double z = s * s;
        double w = z * z;
        double t1 = w * ((w * ((w * LG6) + LG4)) + LG2);
        double t2 = z * ((w * ((w * ((w * LG7) + LG5)) + LG3)) + LG1);
        double big = t2 + t1;
        return e * LN2_HI - ((hfsq - (s * (hfsq + big) + e * LN2_LO)) - f);
    }

    /** ln(1 + x) in every lane; see {@link #log1p(double)}. */
    static DoubleVector log1p(DoubleVector x) {
        DoubleVector u = x.add(1);
        DoubleVector y = log(u);
        VectorMask<Double> finite = u.compare(VectorOperators.GT, 0)
                .and(u.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
        y = y.blend(y.add(x.sub(u.sub(1)).div(u)), finite);
        return y.blend(x, u.compare(VectorOperators.EQ, 1));
    }

    /**
     * ln(1 + x), one double: u = 1 + x rounds, so ln u is corrected by the rounding error,
     * {@code ln(1 + x) ≈ ln u + (x - (u - 1))/u}; where u is exactly 1, x itself
     * (which also keeps -0.0). u ≤ 0, +inf and NaN take ln u as it is (-inf at x = -1, NaN below).
     */
    static double log1p(double x) {
        double u = x + 1;
        double y = log(u);
        if (u > 0 && u < Double.POSITIVE_INFINITY) {
            y = y + (x - (u - 1)) / u;
        }
        return u == 1 ? x : y;
    }

    /** tanh in every lane; see {@link #tanh(double)}. */
    static DoubleVector tanh(DoubleVector x) {
        DoubleVector ax = x.abs();
        DoubleVector y = x.mul(x);
        DoubleVector p = numerator(y, 4095.0, 2552550.0, 523783260.0, 41247931725.0, 1159525191825.0,
                7905853580625.0);
        DoubleVector q = y.mul(91.0).add(120120.0);
        q = y.mul(q).add(41351310.0);
        q = y.mul(q).add(5237832600.0);
        q = y.mul(q).add(252070693875.0);
        q = y.mul(q).add(3794809718700.0);
        q = y.mul(q).add(7905853580625.0);
        DoubleVector small = x.mul(p).div(q);
        DoubleVector large = c(1).sub(c(2).div(exp(ax.mul(2)).add(1)));
        large = large.blend(large.neg(), x.compare(VectorOperators.LT, 0));
        return small.blend(large, ax.compare(VectorOperators.GE, 2));
    }

    /**
     * The numerator of {@link Unary#tanhOf}'s ratio, {@code a + y·(b + y·(… + y·(first + y)))},
     * unfused as there. (A helper, not written out in {@link #tanh(DoubleVector)}: written out,
     * tanh ran 8× slower, as HotSpot then stopped inlining exp into it.)
     */
    private static DoubleVector numerator(DoubleVector y, double first, double... next) {
        DoubleVector p = y.add(first);
        for (double coefficient : next) {
            p = y.mul(p).add(coefficient);
        }
        return p;
    }

    /**
     * tanh, one double: {@link Unary#tanhOf}'s steps, with this class's exp above 2 (so within a
     * few ulps of the plain path there); below 2 (and NaN) it is {@code tanhOf}'s ratio itself.
     */
    static double tanh(double x) {
        double ax = Math.abs(x);
        return ax >= 2 ? Math.copySign(1 - 2 / (exp(2 * ax) + 1), x) : Unary.tanhOf(x);
    }

    /** The sum of a vector's lanes, by halving: {@code l[i] + l[i + W/2]}, then again, down to one. */
    private static double laneSum(DoubleVector v) {
        double[] lanes = v.toArray();
        for (int half = lanes.length / 2; half >= 1; half /= 2) {
            for (int i = 0; i < half; i++) {
                lanes[i] = lanes[i] + lanes[i + half];
            }
        }
        return lanes[0];
    }

    // ---------------------------------------------------------------- elementwise loops

    @Override
    void exp(double[] x, double[] y, int from, int to) {
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            exp(DoubleVector.fromArray(D, x, i)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = exp(x[i]);
        }
    }

    @Override
    void log(double[] x, double[] y, int from, int to) {
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            log(DoubleVector.fromArray(D, x, i)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = log(x[i]);
        }
    }

    @Override
    void log1p(double[] x, double[] y, int from, int to) {
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            log1p(DoubleVector.fromArray(D, x, i)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = log1p(x[i]);
        }
    }

    @Override
    void tanh(double[] x, double[] y, int from, int to) {
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            tanh(DoubleVector.fromArray(D, x, i)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = tanh(x[i]);
        }
    }

    @Override
    void sigmoid(double[] x, double[] y, int from, int to) {
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            DoubleVector v = DoubleVector.fromArray(D, x, i);
            c(1).div(exp(v.neg()).add(1)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = 1.0 / (1.0 + exp(-x[i]));
        }
    }

    @Override
    void silu(double[] x, double[] y, int from, int to) {
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            DoubleVector v = DoubleVector.fromArray(D, x, i);
            v.div(exp(v.neg()).add(1)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = x[i] / (1.0 + exp(-x[i]));
        }
    }

    @Override
    void siluBackward(double[] g, double[] x, double[] gx, int from, int to) {
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            DoubleVector v = DoubleVector.fromArray(D, x, i);
            DoubleVector s = c(1).div(exp(v.neg()).add(1));
            DoubleVector.fromArray(D, g, i).mul(s).mul(v.mul(c(1).sub(s)).add(1)).intoArray(gx, i);
        }
        for (; i < to; i++) {
            double s = 1.0 / (1.0 + exp(-x[i]));
            gx[i] = g[i] * s * (1 + x[i] * (1 - s));
        }
    }

    @Override
    void elu(double alpha, double[] x, double[] y, int from, int to) {
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            DoubleVector v = DoubleVector.fromArray(D, x, i);
            exp(v).sub(1).mul(alpha).blend(v, v.compare(VectorOperators.GT, 0)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = x[i] > 0 ? x[i] : (exp(x[i]) - 1) * alpha;
        }
    }

    @Override
    void eluBackward(double alpha, double[] g, double[] x, double[] gx, int from, int to) {
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            DoubleVector v = DoubleVector.fromArray(D, x, i);
            DoubleVector gv = DoubleVector.fromArray(D, g, i);
            gv.mul(alpha).mul(exp(v)).blend(gv, v.compare(VectorOperators.GT, 0)).intoArray(gx, i);
        }
        for (; i < to; i++) {
            gx[i] = x[i] > 0 ? g[i] : g[i] * alpha * exp(x[i]);
        }
    }

    @Override
    void softplus(double beta, double threshold, double[] x, double[] y, int from, int to) {
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            DoubleVector v = DoubleVector.fromArray(D, x, i);
            DoubleVector scaled = v.mul(beta);
            log1p(exp(scaled)).div(beta).blend(v, scaled.compare(VectorOperators.GT, threshold)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] = x[i] * beta > threshold ? x[i] : log1p(exp(x[i] * beta)) / beta;
        }
    }

    @Override
    void softplusBackward(double beta, double threshold, double[] g, double[] x, double[] gx, int from, int to) {
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            DoubleVector scaled = DoubleVector.fromArray(D, x, i).mul(beta);
            DoubleVector gv = DoubleVector.fromArray(D, g, i);
            DoubleVector z = exp(scaled);
            gv.mul(z).div(z.add(1)).blend(gv, scaled.compare(VectorOperators.GT, threshold)).intoArray(gx, i);
        }
        for (; i < to; i++) {
            double z = exp(x[i] * beta);
            gx[i] = x[i] * beta > threshold ? g[i] : g[i] * z / (z + 1);
        }
    }

    // ---------------------------------------------------------------- softmax and logsumexp rows

    @Override
    double expShiftedSum(double[] x, double[] y, int from, int to, double shift) {
        DoubleVector acc = c(0);
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            DoubleVector e = exp(DoubleVector.fromArray(D, x, i).sub(shift));
            e.intoArray(y, i);
            acc = acc.add(e);
        }
        double sum = laneSum(acc);
        for (; i < to; i++) {
            y[i] = exp(x[i] - shift);
            sum += y[i];
        }
        return sum;
    }

    /**
     * The row maximum with vector maxima ({@code Math.max}'s rules: NaN wins). Where the maximum
     * is zero, the plain scan decides between 0.0 and -0.0 (it keeps the first of equal maxima,
     * a vector maximum keeps +0.0), so the sign of a zero result is the plain path's.
     */
    @Override
    double max(double[] x, int from, int to) {
        DoubleVector m = c(Double.NEGATIVE_INFINITY);
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            m = m.max(DoubleVector.fromArray(D, x, i));
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double lane : m.toArray()) {
            max = Math.max(max, lane);
        }
        for (; i < to; i++) {
            max = Math.max(max, x[i]);
        }
        return max == 0 ? super.max(x, from, to) : max;
    }

    /** {@code Σ g·y} with fused multiply-adds into two vector accumulators, then their lanes by halving, then the tail. */
    @Override
    double dot(double[] g, double[] y, int from, int to) {
        DoubleVector a0 = c(0);
        DoubleVector a1 = c(0);
        int i = from;
        for (int bound = to - 2 * W; i <= bound; i += 2 * W) {
            a0 = DoubleVector.fromArray(D, g, i).fma(DoubleVector.fromArray(D, y, i), a0);
            a1 = DoubleVector.fromArray(D, g, i + W).fma(DoubleVector.fromArray(D, y, i + W), a1);
        }
        double dot = laneSum(a0.add(a1));
        for (; i < to; i++) {
            dot = Math.fma(g[i], y[i], dot);
        }
        return dot;
    }

    @Override
    double sumExpShifted(double[] x, int from, int to, double shift) {
        DoubleVector acc = c(0);
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            acc = acc.add(exp(DoubleVector.fromArray(D, x, i).sub(shift)));
        }
        double sum = laneSum(acc);
        for (; i < to; i++) {
            sum += exp(x[i] - shift);
        }
        return sum;
    }

    @Override
    void scaledExpShifted(double g, double[] x, double[] gx, int from, int to, double shift) {
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            exp(DoubleVector.fromArray(D, x, i).sub(shift)).mul(g).intoArray(gx, i);
        }
        for (; i < to; i++) {
            gx[i] = g * exp(x[i] - shift);
        }
    }

    @Override
    void logSoftmaxGradient(double[] g, double[] y, double[] gx, int from, int to, double sum) {
        int i = from;
        for (int bound = from + D.loopBound(to - from); i < bound; i += W) {
            DoubleVector e = exp(DoubleVector.fromArray(D, y, i));
            DoubleVector.fromArray(D, g, i).sub(e.mul(sum)).intoArray(gx, i);
        }
        for (; i < to; i++) {
            gx[i] = g[i] - exp(y[i]) * sum;
        }
    }

    // ---------------------------------------------------------------- sums

    @Override
    double sum(double[] x, int from, int to) {
        DoubleVector a0 = c(0);
        DoubleVector a1 = c(0);
        DoubleVector a2 = c(0);
        DoubleVector a3 = c(0);
        int i = from;
        for (int bound = to - 4 * W; i <= bound; i += 4 * W) {
            a0 = a0.add(DoubleVector.fromArray(D, x, i));
            a1 = a1.add(DoubleVector.fromArray(D, x, i + W));
            a2 = a2.add(DoubleVector.fromArray(D, x, i + 2 * W));
            a3 = a3.add(DoubleVector.fromArray(D, x, i + 3 * W));
        }
        double sum = laneSum(a0.add(a1).add(a2.add(a3)));
        for (; i < to; i++) {
            sum += x[i];
        }
        return sum;
    }

    // ---------------------------------------------------------------- matrix product

    /**
     * {@code out = left · right}. The right factor is first copied into one row-major array; then
     * each pass computes a block of 4 output rows × 2 vectors of columns, whose 8 accumulators stay
     * in registers for the whole inner loop: per inner index, 2 loads of {@code right} and 4 of
     * {@code left} feed 8 fused multiply-adds. Output rows are cut into {@link MatrixKernel}'s
     * fixed chunks for the threads; within a chunk, column panels are the outer loop, so a panel
     * of {@code right} is reused by every row of the chunk while it is in cache. The inner index
     * is cut into blocks of {@link #INNER_BLOCK}, each pass continuing from the accumulators the
     * previous one stored, so the order of the additions is unchanged. Columns left over after the last panel are computed one element at a time, with the same fused
     * multiply-adds in the same order. Products narrower than one panel take the plain path.
     */
    @Override
    void product(View left, View right, double[] out, int outAt, int rows, int inner, int cols) {
        if (cols < PANEL * W) {
            super.product(left, right, out, outAt, rows, inner, cols);
            return;
        }
        double[] packed = new double[inner * cols];
        for (int t = 0; t < inner; t++) {
            int at = right.at() + t * right.rowStride();
            if (right.colStride() == 1) {
                System.arraycopy(right.data(), at, packed, t * cols, cols);
            } else {
                for (int j = 0; j < cols; j++) {
                    packed[t * cols + j] = right.data()[at + j * right.colStride()];
                }
            }
        }
        if ((long) rows * inner * cols < MatrixKernel.MIN_PARALLEL_WORK) {
            rowBlock(left, packed, out, outAt, 0, rows, inner, cols);
            return;
        }
        int chunk = MatrixKernel.ROWS_PER_CHUNK;
        Parallel.forEachChunk((rows + chunk - 1) / chunk, c -> rowBlock(left, packed, out, outAt, c * chunk,
                Math.min(rows, (c + 1) * chunk), inner, cols));
    }

    private static void rowBlock(View left, double[] packed, double[] out, int outAt, int from, int to, int inner,
                                 int cols) {
        int panels = cols / (PANEL * W) * (PANEL * W);
        for (int t0 = 0; t0 < inner; t0 += INNER_BLOCK) {
            int t1 = Math.min(inner, t0 + INNER_BLOCK);
            for (int j = 0; j < panels; j += PANEL * W) {
                int i = from;
                for (; i + ROWS <= to; i += ROWS) {
                    fourRows(left, i, packed, j, out, outAt, t0, t1, cols);
                }
                for (; i < to; i++) {
                    oneRow(left, i, packed, j, out, outAt, t0, t1, cols);
                }
            }
        }
        double[] l = left.data();
        for (int i = from; i < to; i++) {
            int li = left.at() + i * left.rowStride();
            for (int j = panels; j < cols; j++) {
                double acc = 0;
                for (int t = 0; t < inner; t++) {
                    acc = Math.fma(l[li + t * left.colStride()], packed[t * cols + j], acc);
                }
                out[outAt + i * cols + j] = acc;
            }
        }
    }

    /** The accumulator's start: 0 for the first inner index, else what the previous pass stored. */
    private static DoubleVector start(double[] out, int at, int t0) {
        return t0 == 0 ? c(0) : DoubleVector.fromArray(D, out, at);
    }

    /** Rows {@code i … i+3}, columns {@code j … j + 2W - 1}, inner indices {@code [t0, t1)} of the product. */
    private static void fourRows(View left, int i, double[] packed, int j, double[] out, int outAt, int t0, int t1,
                                 int cols) {
        double[] l = left.data();
        int ls = left.colStride();
        int l0 = left.at() + i * left.rowStride();
        int l1 = l0 + left.rowStride();
        int l2 = l1 + left.rowStride();
        int l3 = l2 + left.rowStride();
        int o = outAt + i * cols + j;
        DoubleVector c00 = start(out, o, t0);
        DoubleVector c01 = start(out, o + W, t0);
        DoubleVector c10 = start(out, o + cols, t0);
        DoubleVector c11 = start(out, o + cols + W, t0);
        DoubleVector c20 = start(out, o + 2 * cols, t0);
        DoubleVector c21 = start(out, o + 2 * cols + W, t0);
        DoubleVector c30 = start(out, o + 3 * cols, t0);
        DoubleVector c31 = start(out, o + 3 * cols + W, t0);
        for (int t = t0, bt = t0 * cols + j; t < t1; t++, bt += cols) {
            DoubleVector b0 = DoubleVector.fromArray(D, packed, bt);
            DoubleVector b1 = DoubleVector.fromArray(D, packed, bt + W);
            DoubleVector a = c(l[l0 + t * ls]);
            c00 = b0.fma(a, c00);
            c01 = b1.fma(a, c01);
            a = c(l[l1 + t * ls]);
            c10 = b0.fma(a, c10);
            c11 = b1.fma(a, c11);
            a = c(l[l2 + t * ls]);
            c20 = b0.fma(a, c20);
            c21 = b1.fma(a, c21);
            a = c(l[l3 + t * ls]);
            c30 = b0.fma(a, c30);
            c31 = b1.fma(a, c31);
        }
        c00.intoArray(out, o);
        c01.intoArray(out, o + W);
        c10.intoArray(out, o + cols);
        c11.intoArray(out, o + cols + W);
        c20.intoArray(out, o + 2 * cols);
        c21.intoArray(out, o + 2 * cols + W);
        c30.intoArray(out, o + 3 * cols);
        c31.intoArray(out, o + 3 * cols + W);
    }

    /** Row {@code i}, columns {@code j … j + 2W - 1}: {@link #fourRows} for the rows left over. */
    private static void oneRow(View left, int i, double[] packed, int j, double[] out, int outAt, int t0, int t1,
                               int cols) {
        double[] l = left.data();
        int ls = left.colStride();
        int l0 = left.at() + i * left.rowStride();
        int o = outAt + i * cols + j;
        DoubleVector c0 = start(out, o, t0);
        DoubleVector c1 = start(out, o + W, t0);
        for (int t = t0, bt = t0 * cols + j; t < t1; t++, bt += cols) {
            DoubleVector a = c(l[l0 + t * ls]);
            c0 = DoubleVector.fromArray(D, packed, bt).fma(a, c0);
            c1 = DoubleVector.fromArray(D, packed, bt + W).fma(a, c1);
        }
        c0.intoArray(out, o);
        c1.intoArray(out, o + W);
    }
}
