package dev.nano.ops;

/**
 * The error function {@code erf(x) = 2/sqrt(pi) * integral from 0 to x of exp(-t^2) dt}, which
 * Java's {@code Math} lacks. PyTorch computes {@code torch.erf} with C's {@code std::erf}; GELU
 * (the exact form) is built on it too, so nano needs an erf that agrees with the C library to
 * the last bit or two.
 *
 * <p>The algorithm is the classic one from Sun's fdlibm ({@code s_erf.c}, 1993), which glibc and
 * most C libraries have used for decades; its error is below one ulp. The real line is cut
 * into five ranges, each with its own rational approximation:
 * <ol>
 *   <li>{@code |x| < 0.84375}: {@code erf(x) = x + x·R(x²)}, R = P/Q a rational function.</li>
 *   <li>{@code 0.84375 <= |x| < 1.25}: {@code erf(x) = c + P(s)/Q(s)} with {@code s = |x| - 1}
 *       and c = 0.84506291151 rounded to 24 bits (erf is nearly linear here).</li>
 *   <li>{@code 1.25 <= |x| < 1/0.35}: {@code erf(x) = 1 - exp(-x² - 0.5625 + R(1/x²)/S(1/x²)) / x}.</li>
 *   <li>{@code 1/0.35 <= |x| < 6}: the same form with a second pair of polynomials.</li>
 *   <li>{@code |x| >= 6}: {@code erf(x) = ±1} in double precision.</li>
 * </ol>
 * erf is odd, so the work is done on |x| and the sign restored at the end. The ranges are tested
 * on the high 32 bits of the double, exactly as fdlibm does, so that the boundaries fall where
 * they fall in C. The coefficients are fdlibm's.
 */
public final class ErfMath {
    private ErfMath() {
    }

    /** 0.84506291151 rounded to single precision: erf(1) to 24 bits, the base of range 2. */
    private static final double ERX = 8.45062911510467529297e-01;

    // Range 1, |x| < 0.84375: erf(x) = x + x * PP(x²)/QQ(x²).
    /** 2/sqrt(pi) - 1: erf(x) = x + EFX·x for tiny x. */
    private static final double EFX = 1.28379167095512586316e-01;
    private static final double PP0 = 1.28379167095512558561e-01;
    private static final double PP1 = -3.25042107247001499370e-01;
    private static final double PP2 = -2.84817495755985104766e-02;
    private static final double PP3 = -5.77027029648944159157e-03;
    private static final double PP4 = -2.37630166566501626084e-05;
    private static final double QQ1 = 3.97917223959155352819e-01;
    private static final double QQ2 = 6.50222499887672944485e-02;
    private static final double QQ3 = 5.08130628187576562776e-03;
    private static final double QQ4 = 1.32494738004321644526e-04;
    private static final double QQ5 = -3.96022827877536812320e-06;

    // Range 2, 0.84375 <= |x| < 1.25: erf(x) = ERX + PA(s)/QA(s), s = |x| - 1.
    private static final double PA0 = -2.36211856075265944077e-03;
    private static final double PA1 = 4.14856118683748331666e-01;
    private static final double PA2 = -3.72207876035701323847e-01;
    private static final double PA3 = 3.18346619901161753674e-01;
    private static final double PA4 = -1.10894694282396677476e-01;
    private static final double PA5 = 3.54783043256182359371e-02;
    private static final double PA6 = -2.16637559486879084300e-03;
    private static final double QA1 = 1.06420880400844228286e-01;
    private static final double QA2 = 5.40397917702171048937e-01;
    private static final double QA3 = 7.18286544141962662868e-02;
    private static final double QA4 = 1.26171219808761642112e-01;
    private static final double QA5 = 1.36370839120290507362e-02;
    private static final double QA6 = 1.19844998467991074170e-02;

    // Range 3, 1.25 <= |x| < 1/0.35: erfc(x) = exp(-x² - 0.5625 + RA(s)/SA(s)) / x, s = 1/x².
    private static final double RA0 = -9.86494403484714822705e-03;
    private static final double RA1 = -6.93858572707181764372e-01;
    private static final double RA2 = -1.05586262253232909814e+01;
    private static final double RA3 = -6.23753324503260060396e+01;
    private static final double RA4 = -1.62396669462573470355e+02;
    private static final double RA5 = -1.84605092906711035994e+02;
    private static final double RA6 = -8.12874355063065934246e+01;
    private static final double RA7 = -9.81432934416914548592e+00;
    private static final double SA1 = 1.96512716674392571292e+01;
    private static final double SA2 = 1.37657754143519042600e+02;
    private static final double SA3 = 4.34565877475229228821e+02;
    private static final double SA4 = 6.45387271733267880336e+02;
    private static final double SA5 = 4.29008140027567833386e+02;
    private static final double SA6 = 1.08635005541779435134e+02;
    private static final double SA7 = 6.57024977031928170135e+00;
    private static final double SA8 = -6.04244152148580987438e-02;

    // Range 4, 1/0.35 <= |x| < 6: the same form with RB/SB.
    private static final double RB0 = -9.86494292470009928597e-03;
    private static final double RB1 = -7.99283237680523006574e-01;
    private static final double RB2 = -1.77579549177547519889e+01;
    private static final double RB3 = -1.60636384855821916062e+02;
    private static final double RB4 = -6.37566443368389627722e+02;
    private static final double RB5 = -1.02509513161107724954e+03;
    private static final double RB6 = -4.83519191608651397019e+02;
    private static final double SB1 = 3.03380607434824582924e+01;
    private static final double SB2 = 3.25792512996573918826e+02;
    private static final double SB3 = 1.53672958608443695994e+03;
    private static final double SB4 = 3.19985821950859553908e+03;
    private static final double SB5 = 2.55305040643316442583e+03;
    private static final double SB6 = 4.74528541206955367215e+02;
    private static final double SB7 = -2.24409524465858183362e+01;

    // Range boundaries as the high 32 bits of |x| (sign bit cleared).
    private static final int HIGH_0_84375 = 0x3feb0000;
    private static final int HIGH_2_POW_MINUS_28 = 0x3e300000;
    private static final int HIGH_2_POW_MINUS_1015 = 0x00800000;
    private static final int HIGH_1_25 = 0x3ff40000;
    private static final int HIGH_1_OVER_0_35 = 0x4006db6e;
    private static final int HIGH_6 = 0x40180000;
    private static final int HIGH_INF_OR_NAN = 0x7ff00000;

    /**
     * erf(x), within one ulp; erf(±inf) = ±1, erf(NaN) = NaN, erf(-0.0) = -0.0.
     * @param x any double
     * @return erf(x)
     */
    public static double erf(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int high = (int) (bits >>> 32) & 0x7fffffff;
        boolean negative = bits < 0;

        if (high >= HIGH_INF_OR_NAN) {
            return Double.isNaN(x) ? x : (negative ? -1.0 : 1.0);
        }
        if (high < HIGH_0_84375) {
            if (high < HIGH_2_POW_MINUS_28) {
                // erf(x) = x + EFX·x = 2x/sqrt(pi) to double precision. Near the subnormal range
                // glibc scales by 16 first (avoiding a spurious underflow); kept for identical bits.
                if (high < HIGH_2_POW_MINUS_1015) {
                    return 0.0625 * (16.0 * x + (16.0 * EFX) * x);
                }
                return x + EFX * x;
            }
            // The polynomials are evaluated in pairs of terms (Estrin's scheme), in the order
            // glibc uses, so that the result rounds as glibc's does.
            double z = x * x;
            double z2 = z * z;
            double z4 = z2 * z2;
            double r = (PP0 + z * PP1) + z2 * (PP2 + z * PP3) + z4 * PP4;
            double s = (1.0 + z * QQ1) + z2 * (QQ2 + z * QQ3) + z4 * (QQ4 + z * QQ5);
            return x + x * (r / s);
        }
        if (high < HIGH_1_25) {
            double s = Math.abs(x) - 1.0;
            double s2 = s * s;
            double s4 = s2 * s2;
            double s6 = s4 * s2;
            double p = (PA0 + s * PA1) + s2 * (PA2 + s * PA3) + s4 * (PA4 + s * PA5) + s6 * PA6;
            double q = (1.0 + s * QA1) + s2 * (QA2 + s * QA3) + s4 * (QA4 + s * QA5) + s6 * QA6;
            return negative ? -ERX - p / q : ERX + p / q;
        }
        if (high >= HIGH_6) {
            // 1 - erf(6) < 2.2e-17, below half an ulp of 1: erf rounds to ±1 (fdlibm's 1 - tiny).
            return negative ? -1.0 : 1.0;
        }
        double ax = Math.abs(x);
        double s = 1.0 / (ax * ax);
        double s2 = s * s;
        double s4 = s2 * s2;
        double s6 = s4 * s2;
        double r;
        double big;
        if (high < HIGH_1_OVER_0_35) {
            double s8 = s4 * s4;
            r = (RA0 + s * RA1) + s2 * (RA2 + s * RA3) + s4 * (RA4 + s * RA5) + s6 * (RA6 + s * RA7);
            big = (1.0 + s * SA1) + s2 * (SA2 + s * SA3) + s4 * (SA4 + s * SA5) + s6 * (SA6 + s * SA7) + s8 * SA8;
        } else {
            r = (RB0 + s * RB1) + s2 * (RB2 + s * RB3) + s4 * (RB4 + s * RB5) + s6 * RB6;
            big = (1.0 + s * SB1) + s2 * (SB2 + s * SB3) + s4 * (SB4 + s * SB5) + s6 * (SB6 + s * SB7);
        }
        // exp(-x²) is computed as exp(-z²)·exp((z - x)(z + x)) where z is x with its low 32 bits
        // cleared: z² is then exact, so the large part of the exponent carries no rounding error.
        double z = Double.longBitsToDouble(Double.doubleToRawLongBits(ax) & 0xffffffff00000000L);
        double erfc = Math.exp(-z * z - 0.5625) * Math.exp((z - ax) * (z + ax) + r / big);
        return negative ? erfc / ax - 1.0 : 1.0 - erfc / ax;
    }
}
