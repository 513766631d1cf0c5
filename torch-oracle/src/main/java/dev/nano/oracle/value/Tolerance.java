package dev.nano.oracle.value;

import java.util.Locale;

/**
 * How close nano's value must come to PyTorch's. Two forms:
 * <ul>
 *   <li><b>derived, in ulps</b> ({@link #ulps}): {@code |actual − expected| ≤ n · ulp(s)}, where
 *       {@code s} is the expected value itself ({@link Scale#VALUE}: the error of each value in its own
 *       last place, for operators computed elementwise by the same formula) or the largest finite
 *       magnitude of the tensor compared ({@link Scale#TENSOR}: for sums, products of matrices and
 *       normalisations, whose rounding error lives on the scale of the terms, not of a result that
 *       cancels to near 0). Zeros must also carry PyTorch's sign. Each operator's {@code n} and scale
 *       are derived, with the written reason, in {@code dev.nano.oracle.cases.Tolerances};
 *   <li><b>relative and absolute</b> ({@code |actual − expected| ≤ atol + rtol·|expected|}): the
 *       project's former single default ({@link #DEFAULT}, rtol 1e-10, atol 1e-12), still used by
 *       operators whose tolerance has not been derived (the report lists them as a gap) and by cases
 *       that need a looser one, with its reason (sums of ±1e300, whose result depends on the order).
 * </ul>
 * NaN matches only NaN and ±inf only the same inf, in both forms. Anything looser than the default
 * carries its reason, which the report prints.
 *
 * @param rtol       the relative tolerance (0 for a derived one)
 * @param atol       the absolute tolerance (0 for a derived one)
 * @param reason     why it is what it is; null only for a relative tolerance no looser than the default
 * @param ulps       how many ulps of the scale a derived tolerance allows (0 for a relative one)
 * @param scale      whose last place the ulps are counted in; null for a relative tolerance
 * @param floor      the smallest magnitude whose last place counts ({@code ulp(max(scale, floor))}): 0, or 1 for
 *                   operators whose result near 0 is a difference of terms near 1 (gelu's and silu's gradients)
 * @param signOfZero whether a zero must carry PyTorch's sign ({@code -0.0} for {@code -0.0})
 */
public record Tolerance(double rtol, double atol, String reason, double ulps, Scale scale, double floor,
                        boolean signOfZero) {
    private static final double DEFAULT_RTOL = 1e-10;
    private static final double DEFAULT_ATOL = 1e-12;
    /** rtol 1e-10, atol 1e-12: the project's former single default, kept for operators not yet derived. */
    public static final Tolerance DEFAULT = new Tolerance(DEFAULT_RTOL, DEFAULT_ATOL, null);

    /** Whose last place a derived tolerance's ulps are counted in. */
    public enum Scale {
        /** The expected value's own: {@code ulp(expected)}. */
        VALUE("of the value"),
        /** The compared tensor's largest finite magnitude: {@code ulp(max |expected|)}. */
        TENSOR("of the tensor's largest value");

        private final String words;

        Scale(String words) {
            this.words = words;
        }
    }

    /**
     * Refuses what {@link #looser} refuses, so that the constructor is no way around it: a tolerance
     * looser than the default anywhere needs a written reason, a derived one always has its
     * derivation, and a reason, when given, is not blank.
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @param reason why it is what it is, or null for a relative tolerance no looser than the default
     * @param ulps the ulps a derived tolerance allows
     * @param scale whose last place the ulps are counted in, null for a relative tolerance
     * @param floor the smallest magnitude whose last place counts
     * @param signOfZero whether zeros must carry PyTorch's sign
     */
    public Tolerance {
        if (reason != null && reason.isBlank()) {
            throw new IllegalArgumentException("a tolerance's reason must say something, not be blank");
        }
        if ((rtol > DEFAULT_RTOL || atol > DEFAULT_ATOL) && reason == null) {
            throw new IllegalArgumentException("a looser tolerance (rtol " + rtol + ", atol " + atol
                    + ") needs a written reason");
        }
        if (scale != null && reason == null) {
            throw new IllegalArgumentException("a tolerance in ulps says how it was derived");
        }
        if (!(floor >= 0) || scale == null && floor != 0) {
            throw new IllegalArgumentException("a floor (" + floor + ") belongs to a tolerance in ulps and is not negative");
        }
        if (!(ulps >= 0) || scale == null && ulps != 0) {
            throw new IllegalArgumentException("ulps (" + ulps + ") are counted on a scale and not negative");
        }
    }

    /**
     * A relative and absolute tolerance, zeros of either sign equal (the former form).
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @param reason why it is not the default, or null for a tolerance no looser than the default
     */
    public Tolerance(double rtol, double atol, String reason) {
        this(rtol, atol, reason, 0, null, 0, false);
    }

    /**
     * A looser tolerance, which needs a written reason.
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @param reason why the default is too tight
     * @return the tolerance
     */
    public static Tolerance looser(double rtol, double atol, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a looser tolerance needs a written reason");
        }
        return new Tolerance(rtol, atol, reason);
    }

    /**
     * A derived tolerance: {@code n} ulps of the scale, zeros compared with their sign.
     * @param n how many ulps (0: bit for bit)
     * @param scale whose last place
     * @param reason the derivation: the measured spread and the error bound of nano's algorithm
     * @return the tolerance
     */
    public static Tolerance ulps(double n, Scale scale, String reason) {
        if (scale == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a tolerance in ulps needs its scale and its derivation");
        }
        return new Tolerance(0, 0, reason, n, scale, 0, true);
    }

    /**
     * This tolerance with zeros of either sign equal, which needs its reason (appended to the derivation).
     * @param why why the sign of zero cannot be compared
     * @return the tolerance
     */
    public Tolerance ignoringSignOfZero(String why) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("not comparing the sign of zero needs a written reason");
        }
        return new Tolerance(rtol, atol, reason + " Sign of zero not compared: " + why, ulps, scale, floor, false);
    }

    /**
     * This tolerance with its ulps counted in the last place of at least {@code floor}: for results
     * near 0 that are differences of terms of size about {@code floor}, whose rounding error is
     * absolute, not relative. Its reason says so in the derivation.
     * @param floor the smallest magnitude whose last place counts
     * @return the tolerance
     */
    public Tolerance atLeastUlpsOf(double floor) {
        return new Tolerance(rtol, atol, reason, ulps, scale, floor, signOfZero);
    }

    /**
     * Whether this is a derived tolerance in ulps (else the former relative form).
     * @return true for ulps
     */
    public boolean inUlps() {
        return scale != null;
    }

    /**
     * Whether this tolerance is no looser than the default anywhere (a case's stricter or merely
     * documented tolerance, which an operator's derived one may replace).
     * @return true if no looser
     */
    public boolean noLooserThanDefault() {
        return !inUlps() && rtol <= DEFAULT_RTOL && atol <= DEFAULT_ATOL;
    }

    /**
     * The largest error allowed at a finite expected value.
     * @param expected PyTorch's value
     * @param tensorMax the largest finite magnitude in the tensor compared (the {@link Scale#TENSOR} scale)
     * @return the allowed {@code |actual − expected|}
     */
    public double allowed(double expected, double tensorMax) {
        return atol + rtol * Math.abs(expected) + (inUlps() ? ulps * Math.ulp(unit(expected, tensorMax)) : 0);
    }

    /**
     * An error in ulps of this tolerance's scale (of the expected value for a relative tolerance).
     * @param error {@code |actual − expected|}
     * @param expected PyTorch's value
     * @param tensorMax the largest finite magnitude in the tensor compared
     * @return the error in ulps
     */
    public double inUlpsOf(double error, double expected, double tensorMax) {
        return error / Math.ulp(inUlps() ? unit(expected, tensorMax) : expected);
    }

    private double unit(double expected, double tensorMax) {
        double magnitude = scale == Scale.TENSOR ? Math.max(tensorMax, Math.abs(expected)) : Math.abs(expected);
        return Math.max(magnitude, floor);
    }

    /**
     * {@code |actual − expected| <= allowed}, with NaN matching NaN, infinities matching exactly, and,
     * for a derived tolerance, a zero matching only a zero of its sign.
     * @param actual nano's value
     * @param expected PyTorch's value
     * @param tensorMax the largest finite magnitude in the tensor compared
     * @return true if close enough
     */
    public boolean accepts(double actual, double expected, double tensorMax) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return actual == expected;
        }
        if (signOfZero && actual == 0 && expected == 0) {
            return Double.doubleToRawLongBits(actual) == Double.doubleToRawLongBits(expected);
        }
        return Math.abs(actual - expected) <= allowed(expected, tensorMax);
    }

    /**
     * {@link #accepts(double, double, double)} for a value on its own (the tensor's scale is its own).
     * @param actual nano's value
     * @param expected PyTorch's value
     * @return true if close enough
     */
    public boolean accepts(double actual, double expected) {
        return accepts(actual, expected, Math.abs(expected));
    }

    /**
     * The tolerance in words, for failure messages and the report: {@code 4 ulps of the value},
     * {@code rtol 1e-10, atol 1e-12}.
     * @return the words
     */
    public String describe() {
        if (inUlps()) {
            return String.format(Locale.ROOT, "%s ulp%s %s%s%s", ulpsText(), ulps == 1 ? "" : "s", scale.words,
                    floor > 0 ? " (at least of " + floor + ")" : "", signOfZero ? "" : ", ±0 equal");
        }
        return "rtol " + rtol + ", atol " + atol;
    }

    private String ulpsText() {
        return ulps == Math.rint(ulps) ? String.valueOf((long) ulps) : String.valueOf(ulps);
    }
}
