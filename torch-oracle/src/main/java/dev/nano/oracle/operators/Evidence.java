package dev.nano.oracle.operators;

import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;
import dev.nano.oracle.value.Value;

import java.util.EnumSet;
import java.util.Set;

/** Which kinds of evidence a case gives its operator. */
public final class Evidence {
    private Evidence() {
    }

    /**
     * The kinds a sample provides: its declared kinds, FORWARD for every non-error case, BACKWARD
     * when it is differentiated, GRADCHECK when the finite-difference check applies to it.
     * @param op the operator
     * @param sample the case
     * @return the kinds
     */
    public static Set<Kind> of(OpInfo op, Sample sample) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        kinds.addAll(sample.kinds());
        if (sample.isError()) {
            return kinds;
        }
        kinds.add(Kind.FORWARD);
        boolean differentiated = op.differentiable() && sample.inputs().stream().anyMatch(Input::requiresGrad);
        if (differentiated) {
            kinds.add(Kind.BACKWARD);
            // The upstream's values do not matter for applicability, only that backward runs.
            Value placeholder = new Value(new int[0], dev.nano.DType.FLOAT64, new double[] {1});
            if (FiniteDifferences.applies(op, sample, sample.inputs(), placeholder)) {
                kinds.add(Kind.GRADCHECK);
            }
        }
        return kinds;
    }
}
