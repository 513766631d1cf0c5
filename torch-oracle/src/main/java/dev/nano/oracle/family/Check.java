package dev.nano.oracle.family;

import java.util.function.Supplier;

/**
 * One named check of one case, run by a test or by {@code DriftCheck}: {@code elu[edges]},
 * {@code adam(lr=0.01) quadratic}, {@code batchnorm-running-stats[step 3]}.
 *
 * @param name    the case, so that a failure reads like a sentence
 * @param problem runs the check: what differs, or null when it passes
 */
public record Check(String name, Supplier<String> problem) {

    /**
     * Runs the check.
     * @return what differs, or null when it passes
     */
    public String run() {
        return problem.get();
    }

    @Override
    public String toString() {
        return name;
    }
}
