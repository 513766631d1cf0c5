package dev.nano.oracle.rng;

import java.util.List;
import java.util.Locale;

/**
 * Comparison of drawn streams: bit for bit, except where a written reason allows a few ulps.
 * {@code randn} and {@code normal_} go through log, sin and cos, where glibc (libtorch) and Java's
 * {@link Math} may round the same argument to neighbouring doubles; {@code normal_} and
 * {@code uniform_} with bounds other than [0, 1) end in {@code a·b + c}, which libtorch's AVX2 and
 * AVX-512 kernels fuse into one rounding and its default kernel rounds twice (the fixtures hold
 * the default kernel's answers, the drift tests run under every dispatch). Those calls may differ
 * by at most {@value #ULP_SLACK} ulps of the largest magnitude involved; everything else must be
 * identical. The report counts the values that are identical either way.
 */
final class RngComparison {
    /** Observed: at most 2 ulps from log/sin/cos and from the fused multiply-add, 64 where mean + z·std cancels. */
    static final double ULP_SLACK = 8;

    /**
     * One case in the report.
     * @param rngCase the case
     * @param values  how many values PyTorch drew
     * @param exact   how many values are PyTorch's bit for bit
     * @param problem what differs beyond what is allowed, or null
     */
    record Row(RngCase rngCase, int values, int exact, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private RngComparison() {
    }

    /**
     * @param c       the case
     * @param torch   PyTorch's values per call
     * @param other   the values to check, per call
     * @param whose   "nano" or "live libtorch", for the message
     * @return null when every value is bit for bit PyTorch's, else the first difference and the largest in ulps
     */
    static String diff(RngCase c, List<double[]> torch, List<double[]> other, String whose) {
        for (int k = 0; k < torch.size(); k++) {
            double[] expected = torch.get(k);
            double[] actual = other.get(k);
            if (expected.length != actual.length) {
                return c + ": " + c.calls().get(k) + " drew " + actual.length + " values in " + whose + ", PyTorch "
                        + expected.length;
            }
            RngCall call = c.calls().get(k);
            int first = -1;
            int differing = 0;
            long maxUlps = 0;
            for (int i = 0; i < expected.length; i++) {
                if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])
                        && !(call.roundingMayDiffer() && Math.abs(expected[i] - actual[i])
                        <= ULP_SLACK * Math.ulp(call.magnitude(expected[i])))) {
                    differing++;
                    first = first < 0 ? i : first;
                    maxUlps = Math.max(maxUlps, Math.abs(Double.doubleToLongBits(expected[i])
                            - Double.doubleToLongBits(actual[i])));
                }
            }
            if (first >= 0) {
                return String.format(Locale.ROOT, "%s: %s: %d of %d values differ in %s (largest %d ulps); first at "
                                + "[%d]: PyTorch %s, %s %s", c, c.calls().get(k), differing, expected.length, whose,
                        maxUlps, first, expected[first], whose, actual[first]);
            }
        }
        return null;
    }

    /**
     * @param torch PyTorch's values per call
     * @param other the values to check, per call
     * @return how many values are identical, bit for bit
     */
    static int identical(List<double[]> torch, List<double[]> other) {
        int same = 0;
        for (int k = 0; k < torch.size(); k++) {
            double[] expected = torch.get(k);
            double[] actual = other.get(k);
            for (int i = 0; i < Math.min(expected.length, actual.length); i++) {
                same += Double.doubleToLongBits(expected[i]) == Double.doubleToLongBits(actual[i]) ? 1 : 0;
            }
        }
        return same;
    }
}
