package dev.nano;

import java.util.Random;

/**
 * PyTorch's CPU draws, one function each, from {@code aten/src/ATen/core/DistributionsHelper.h},
 * {@code TransformationHelper.h} and {@code native/cpu/DistributionTemplates.h}: with a
 * {@link Generator} they give libtorch's float64 values bit for bit. A plain {@link Random}
 * keeps the draws nano made before it had PyTorch's generator ({@code nextDouble},
 * {@code nextGaussian}, a Fisher–Yates shuffle from the back), so that code and recorded fixtures
 * built on a {@code new Random(seed)} see the same numbers as before.
 *
 * <p>Two places can differ from libtorch in the last bits: glibc's {@code log}, {@code sin} and
 * {@code cos} (which libtorch calls) and Java's {@link Math} ones are each within an ulp of the
 * truth but not always the same double, so an occasional normal value is an ulp or two off; and
 * libtorch's AVX2/AVX-512 kernels fuse {@code u·(to − from) + from} and {@code z·std + mean} into
 * one rounding where its default kernel (and nano) round twice. Uniform, integer, permutation and
 * Bernoulli draws are exact.
 */
public final class Sampling {
    private static final long MASK_53 = (1L << 53) - 1;
    private static final double TWO_PI = 2.0 * Math.PI;

    private Sampling() {
    }

    /**
     * A 32-bit draw ({@code generator->random()}).
     * @param generator the source
     * @return a value in [0, 2³²)
     */
    public static long random32(Random generator) {
        if (generator instanceof Generator g) {
            return g.random();
        }
        return Integer.toUnsignedLong(generator.nextInt());
    }

    /**
     * A 64-bit draw ({@code generator->random64()}): two 32-bit draws, the first as the high half.
     * @param generator the source
     * @return 64 random bits
     */
    public static long random64(Random generator) {
        long hi = random32(generator);
        long lo = random32(generator);
        return (hi << 32) | lo;
    }

    /**
     * {@code at::uniform_real_distribution<double>(0, 1)}: the low 53 bits of a 64-bit draw times 2⁻⁵³.
     * @param generator the source
     * @return a double in [0, 1)
     */
    public static double uniform(Random generator) {
        if (!(generator instanceof Generator)) {
            return generator.nextDouble();
        }
        return (random64(generator) & MASK_53) * 0x1p-53;
    }

    /**
     * {@code at::uniform_real_distribution<double>(from, to)}: {@code u·(to − from) + from}, in that order of rounding.
     * @param generator the source
     * @param from the lower bound
     * @param to the upper bound
     * @return a double in [from, to)
     */
    public static double uniform(Random generator, double from, double to) {
        // libtorch's default (canonical) CPU kernel rounds the product, then the sum; its AVX2 and
        // AVX-512 builds contract the two into one fused multiply-add, a few ulps apart.
        if (!(generator instanceof Generator)) {
            return from + (to - from) * generator.nextDouble();
        }
        return uniform(generator) * (to - from) + from;
    }

    /**
     * {@code at::normal_distribution<double>(mean, std)}: Box–Muller on two uniforms; the sine half
     * is cached in the generator and returned by the next call (PyTorch's
     * {@code next_double_normal_sample}), so draws come in pairs across calls.
     * @param generator the source
     * @param mean the mean
     * @param std the standard deviation
     * @return {@code z·std + mean}
     */
    public static double normal(Random generator, double mean, double std) {
        if (!(generator instanceof Generator caching)) {
            return generator.nextGaussian() * std + mean;
        }
        double[] cached = new double[1];
        if (caching.takeNextNormal(cached)) {
            return cached[0] * std + mean;
        }
        double u1 = uniform(generator);
        double u2 = uniform(generator);
        double r = Math.sqrt(-2.0 * Math.log1p(-u2));
        double theta = TWO_PI * u1;
        caching.cacheNextNormal(r * Math.sin(theta));
        return r * Math.cos(theta) * std + mean;
    }

    /**
     * {@code normal_(mean, std)} on a contiguous float64 buffer, choosing PyTorch's path by size: fewer than 16
     * elements draw one {@link #normal} each; 16 or more take {@code normal_fill}, which draws all uniforms first,
     * turns each block of 16 into normals (element j with j + 8), and for a size that is not a multiple of 16
     * draws 16 fresh uniforms for the last 16 elements and recomputes them.
     * @param data the buffer to fill
     * @param mean the mean
     * @param std the standard deviation
     * @param generator the source
     */
    public static void normalFill(double[] data, double mean, double std, Random generator) {
        int size = data.length;
        if (size < 16 || !(generator instanceof Generator)) {
            for (int i = 0; i < size; i++) {
                data[i] = normal(generator, mean, std);
            }
            return;
        }
        for (int i = 0; i < size; i++) {
            data[i] = uniform(generator);
        }
        for (int i = 0; i < size - 15; i += 16) {
            normalFill16(data, i, mean, std);
        }
        if (size % 16 != 0) {
            int start = size - 16;
            for (int i = 0; i < 16; i++) {
                data[start + i] = uniform(generator);
            }
            normalFill16(data, start, mean, std);
        }
    }

    /** DistributionTemplates.h normal_fill_16: log, not log1p, of 1 − u; the cosine half first, the sine half at j + 8. */
    private static void normalFill16(double[] data, int offset, double mean, double std) {
        for (int j = offset; j < offset + 8; j++) {
            double u1 = 1 - data[j];
            double u2 = data[j + 8];
            double radius = Math.sqrt(-2 * Math.log(u1));
            double theta = TWO_PI * u2;
            data[j] = radius * Math.cos(theta) * std + mean;
            data[j + 8] = radius * Math.sin(theta) * std + mean;
        }
    }

    /**
     * {@code at::bernoulli_distribution<double>(p)}: a 53-bit uniform below {@code p}.
     * @param generator the source
     * @param p the probability of true
     * @return the draw
     */
    public static boolean bernoulli(Random generator, double p) {
        return uniform(generator) < p;
    }

    /**
     * {@code uniform_int_from_to_distribution(range, base)}: a 32-bit draw (64-bit once the range reaches 2³²)
     * modulo {@code range}, plus {@code base}.
     * @param generator the source
     * @param range the number of values, at least 1
     * @param base the smallest value
     * @return a value in [base, base + range)
     */
    public static long randomFromTo(Random generator, long range, long base) {
        long draw = Long.compareUnsigned(range, 1L << 32) >= 0 ? random64(generator) : random32(generator);
        return Long.remainderUnsigned(draw, range) + base;
    }
}
