package dev.nano.oracle.operators;

import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.compare.Compare;
import dev.nano.oracle.value.Kind;

import java.util.List;

/**
 * The outcome of one catalogue case ({@link ParityCase#check()}). {@code diff} is nano against the
 * fixture (null when the fixture is stale and nothing was compared); {@code gradcheckPassed} is null
 * when finite differences do not apply; {@code problem} says what failed, null when the case passed.
 *
 * @param sample          the case
 * @param diff            nano against PyTorch's recorded answer, or null
 * @param gradcheckPassed whether finite differences agreed, or null when they do not apply
 * @param problem         what failed, or null
 */
public record Outcome(Sample sample, Compare.Diff diff, Boolean gradcheckPassed, String problem) {
    /**
     * A case counted as passing without running it (the row of an operator whose cases were not run).
     * @param sample the case
     * @return the outcome
     */
    public static Outcome passing(Sample sample) {
        return new Outcome(sample, new Compare.Diff(List.of(), 0, 0, "", ""), true, null);
    }

    /**
     * Whether everything about this case matched.
     * @return true if the case passed
     */
    public boolean passed() {
        return problem == null;
    }

    /**
     * Whether this case proved the given kind of evidence. A failure marks only the evidence it
     * concerns: the forward (outputs) for the forward and the input properties (broadcast,
     * scalar, 0-d, empty, edge values, dims), the input gradients for backward, finite
     * differences for gradcheck, both for kinks/ties (which are about the chosen subgradient),
     * and the whole comparison for errors. The failing case itself is listed with its message.
     * @param kind a kind of evidence
     * @return whether this case proved it
     */
    public boolean proves(Kind kind) {
        if (diff == null) {
            return false;
        }
        return switch (kind) {
            case GRADCHECK -> !Boolean.FALSE.equals(gradcheckPassed);
            case BACKWARD -> diff.gradientsOk();
            case NONDIFF -> diff.outputsOk() && diff.gradientsOk();
            case ERROR -> diff.ok();
            default -> diff.outputsOk();
        };
    }
}
