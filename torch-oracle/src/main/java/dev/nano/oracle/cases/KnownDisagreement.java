package dev.nano.oracle.cases;

import java.util.Objects;

/**
 * A disagreement between nano and PyTorch that the fuzzer meets and that is not a nano bug, with
 * its reason: a case it matches counts as known (the survey lists it as such) instead of failing.
 * Each reason names what would remove it.
 *
 * @param reason  why it is not a nano bug
 * @param matches which disagreements belong to it
 */
public record KnownDisagreement(String reason, Matcher matches) {

    /** Which (case, problem) pairs belong to a known disagreement. */
    @FunctionalInterface
    public interface Matcher {
        /**
         * Whether this disagreement is the known one.
         * @param sample  the fuzzed case
         * @param problem what differs, as the fuzzer words it ("nano differs from PyTorch: ...",
         *                "PyTorch raised ... but nano succeeded", "PyTorch succeeded but nano failed: ...")
         * @return true if it belongs to this class
         */
        boolean test(Sample sample, String problem);
    }

    /**
     * Requires a reason.
     *
     * @param reason  why it is not a nano bug
     * @param matches which disagreements belong to it
     */
    public KnownDisagreement {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a known disagreement needs a reason");
        }
        Objects.requireNonNull(matches, "matches");
    }
}
