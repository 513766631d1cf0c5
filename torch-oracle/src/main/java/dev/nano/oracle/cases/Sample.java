package dev.nano.oracle.cases;

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

    public static Sample of(String id, Set<Kind> kinds, Attrs attrs, Input... inputs) {
        return new Sample(id, kinds, List.of(inputs), attrs, null, null);
    }

    public static Sample error(String id, String keyPhrase, Attrs attrs, Input... inputs) {
        return new Sample(id, EnumSet.noneOf(Kind.class), List.of(inputs), attrs, keyPhrase, null);
    }

    public Sample withTolerance(Tolerance tolerance) {
        return new Sample(id, kinds, inputs, attrs, expectError, tolerance);
    }

    public boolean isError() {
        return expectError != null;
    }

    /** The comparison tolerance of this case. */
    public Tolerance effectiveTolerance() {
        return tolerance == null ? Tolerance.DEFAULT : tolerance;
    }
}
