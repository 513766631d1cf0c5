package dev.nano.oracle.cases;

import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;
import dev.nano.oracle.value.Tolerance;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One case of an operator: the inputs, the call's attributes, the kinds of evidence it gives,
 * and, for an error case, the key phrase both PyTorch's and nano's messages must contain.
 *
 * @param tolerance null for the default (rtol 1e-10, atol 1e-12); otherwise a looser one with its reason
 */
public record Sample(String id, Set<Kind> kinds, List<Input> inputs, Attrs attrs, String expectError,
                     Tolerance tolerance) {

    /**
     * Copies the collections and credits the kinds the input shapes give.
     * @param id the case id
     * @param kinds the kinds of evidence declared
     * @param inputs the inputs
     * @param attrs the call's attributes
     * @param expectError the key phrase of an error case, else null
     * @param tolerance null for the default, else a looser one with its reason
     */
    public Sample {
        kinds = kinds.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(kinds);
        inputs = List.copyOf(inputs);
        // Shape-derived kinds are credited automatically.
        for (Input input : inputs) {
            if (input.shape().length == 0) {
                kinds.add(Kind.ZERO_DIM);
            }
            if (input.values().length == 0) {
                kinds.add(Kind.EMPTY);
            }
        }
        if (expectError != null) {
            kinds.add(Kind.ERROR);
        }
    }

    /**
     * A case meant to succeed.
     * @param id the case id, the part between brackets in {@code op[id]}
     * @param kinds the kinds of evidence it gives
     * @param attrs the call's attributes
     * @param inputs the inputs
     * @return the case
     */
    public static Sample of(String id, Set<Kind> kinds, Attrs attrs, Input... inputs) {
        return new Sample(id, kinds, List.of(inputs), attrs, null, null);
    }

    /**
     * A case PyTorch rejects; nano must reject it with {@code keyPhrase} in its message.
     * @param id the case id, the part between brackets in {@code op[id]}
     * @param keyPhrase the words both messages contain
     * @param attrs the call's attributes
     * @param inputs the inputs
     * @return the case
     */
    public static Sample error(String id, String keyPhrase, Attrs attrs, Input... inputs) {
        return new Sample(id, EnumSet.noneOf(Kind.class), List.of(inputs), attrs, keyPhrase, null);
    }

    /**
     * This case with a looser tolerance.
     * @param tolerance the tolerance, with its reason
     * @return a new case
     */
    public Sample withTolerance(Tolerance tolerance) {
        return new Sample(id, kinds, inputs, attrs, expectError, tolerance);
    }

    /**
     * Whether this case expects an error.
     * @return true for an error case
     */
    public boolean isError() {
        return expectError != null;
    }

    /**
     * The comparison tolerance of this case.
     * @return the tolerance
     */
    public Tolerance effectiveTolerance() {
        return tolerance == null ? Tolerance.DEFAULT : tolerance;
    }
}
