package dev.nano.oracle.value;

/**
 * {@code |actual − expected| ≤ atol + rtol·|expected|}; NaN matches only NaN and ±inf only the same
 * inf. Anything looser than the default carries its reason, which the report prints.
 */
public record Tolerance(double rtol, double atol, String reason) {
    private static final double DEFAULT_RTOL = 1e-10;
    private static final double DEFAULT_ATOL = 1e-12;
    /** rtol 1e-10, atol 1e-12: the project's default. */
    public static final Tolerance DEFAULT = new Tolerance(DEFAULT_RTOL, DEFAULT_ATOL, null);

    /**
     * Refuses what {@link #looser} refuses, so that the constructor is no way around it: a tolerance
     * looser than the default anywhere needs a written reason, and a reason, when given, is not blank.
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @param reason why it is not the default, or null for a tolerance no looser than the default
     */
    public Tolerance {
        if (reason != null && reason.isBlank()) {
            throw new IllegalArgumentException("a tolerance's reason must say something, not be blank");
        }
        if ((rtol > DEFAULT_RTOL || atol > DEFAULT_ATOL) && reason == null) {
            throw new IllegalArgumentException("a looser tolerance (rtol " + rtol + ", atol " + atol
                    + ") needs a written reason");
        }
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
     * {@code |actual − expected| <= atol + rtol·|expected|}, with NaN matching NaN and infinities matching exactly.
     * @param actual nano's value
     * @param expected PyTorch's value
     * @return true if close enough
     */
    public boolean accepts(double actual, double expected) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return actual == expected;
        }
        return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
    }
}
