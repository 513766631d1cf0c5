package dev.nano.oracle.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * The value pool of the fuzzer, by class: ordinary values, small integers and halves (ties, kinks and
 * the exponents pow special-cases), zeros of both signs, tiny and huge magnitudes, NaN and ±inf.
 * Ordinary values come first, so that jqwik shrinks towards them.
 */
final class Values {
    private Values() {
    }

    static Arbitrary<Double> floats(boolean orderDependent) {
        Arbitrary<Double> ordinary = Arbitraries.doubles().between(-3, 3).ofScale(6);
        Arbitrary<Double> ties = Arbitraries.of(-3.0, -2.0, -1.5, -1.0, -0.5, 0.5, 1.0, 1.5, 2.0, 3.0, 0.25, -0.25);
        Arbitrary<Double> zeros = Arbitraries.of(0.0, -0.0);
        Arbitrary<Double> tiny = Arbitraries.of(1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MIN_NORMAL, 1e-10, -1e-10);
        Arbitrary<Double> huge = Arbitraries.of(1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE, 1e20, -1e20,
                710.0, -746.0, 40.0, -40.0);
        Arbitrary<Double> nonFinite = Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        if (orderDependent) { // see FuzzPlan.ORDER_DEPENDENT: no huge and no tiny magnitudes
            return Arbitraries.frequencyOf(Tuple.of(12, ordinary), Tuple.of(4, ties), Tuple.of(2, zeros),
                    Tuple.of(1, nonFinite));
        }
        return Arbitraries.frequencyOf(Tuple.of(10, ordinary), Tuple.of(4, ties), Tuple.of(2, zeros),
                Tuple.of(2, tiny), Tuple.of(2, huge), Tuple.of(2, nonFinite));
    }
}
