package dev.nano.oracle.fuzz;

/**
 * The value pool of the fuzzer, by class: ordinary values, small integers and halves (ties, kinks and
 * the exponents pow special-cases), zeros of both signs, tiny and huge magnitudes, NaN and ±inf. The
 * shrinker replaces values by the simplest of the pool ({@link #SIMPLEST}).
 */
final class FuzzValues {
    private FuzzValues() {
    }

    static final double[] TIES = {-3.0, -2.0, -1.5, -1.0, -0.5, 0.5, 1.0, 1.5, 2.0, 3.0, 0.25, -0.25};
    static final double[] ZEROS = {0.0, -0.0};
    static final double[] TINY = {1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        1e-10, -1e-10};
    static final double[] HUGE = {1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE, 1e20, -1e20, 710.0, -746.0,
        40.0, -40.0};
    static final double[] NON_FINITE = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    /** What the shrinker tries in place of a value, simplest first. */
    static final double[] SIMPLEST = {0.0, 1.0, -1.0};

    /**
     * One value. {@code orderDependent} operators (see {@link dev.nano.oracle.cases.FuzzRule#orderDependent})
     * get neither
     * huge nor tiny magnitudes.
     */
    static double draw(Draw d, boolean orderDependent) {
        int pool = orderDependent ? d.choose(12, 4, 2, 0, 0, 1) : d.choose(10, 4, 2, 2, 2, 2);
        return switch (pool) {
            case 0 -> d.decimal(-3, 3, 6);
            case 1 -> d.pick(TIES);
            case 2 -> d.pick(ZEROS);
            case 3 -> d.pick(TINY);
            case 4 -> d.pick(HUGE);
            default -> d.pick(NON_FINITE);
        };
    }
}
