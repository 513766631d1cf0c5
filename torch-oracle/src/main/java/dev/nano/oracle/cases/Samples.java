package dev.nano.oracle.cases;

import dev.nano.Shape;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Building blocks for sample groups. Every random value comes from a generator seeded by the
 * operator name and the case id, so a catalogue produces the same inputs on every run and
 * regeneration is deterministic.
 */
public final class Samples {
    /** Shorthand for {@link Double#NaN} in edge-value lists. */
    public static final double NAN = Double.NaN;
    /** Shorthand for {@link Double#POSITIVE_INFINITY} in edge-value lists. */
    public static final double INF = Double.POSITIVE_INFINITY;

    /** The shapes every elementwise op is checked on. */
    public static final int[][] SHAPES = {{}, {5}, {3, 4}, {2, 3, 4}};
    /** Empty shapes, where PyTorch accepts them. */
    public static final int[][] EMPTY_SHAPES = {{0}, {2, 0, 3}};
    /** Broadcast pairs every binary op is checked on, both directions. */
    public static final int[][][] BROADCAST_PAIRS = {
        {{3, 1}, {1, 4}}, {{1, 4}, {3, 1}},
        {{2, 3, 4}, {4}}, {{4}, {2, 3, 4}},
        {{5, 1, 4, 1}, {3, 1, 1}}, {{3, 1, 1}, {5, 1, 4, 1}},
        {{}, {3, 4}}, {{3, 4}, {}},
        {{1}, {3, 1}}, {{3, 1}, {1}},
        // A column against the full shape: the broadcast operand is neither one element nor the output's
        // trailing dims (added for the mutation score: a nano that took a row-wise fast loop here passed).
        {{3, 1}, {3, 4}}, {{3, 4}, {3, 1}},
    };
    /** The edge values of the oracle issue: zeros of both signs, ±1, huge magnitudes, NaN, ±inf. */
    public static final double[] EDGE_VALUES = {0.0, -0.0, 1.0, -1.0, 1e300, -1e300, 1e-300, NAN, INF, -INF};

    private Samples() {
    }

    /**
     * The generator for one case.
     * @param op the operator's name
     * @param caseId the case's id
     * @return a generator seeded by operator and case
     */
    public static Random rng(String op, String caseId) {
        return new Random((op + "/" + caseId).hashCode() * 0x9E3779B97F4A7C15L);
    }

    /**
     * {@code n} values uniform in [lo, hi).
     * @param random the case's generator
     * @param n how many values
     * @param lo the smallest magnitude (inclusive)
     * @param hi the largest magnitude (exclusive)
     * @return the values
     */
    public static double[] uniform(Random random, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * random.nextDouble();
        }
        return v;
    }

    /**
     * A float64 leaf with values uniform in [lo, hi).
     * @param random the case's generator
     * @param lo the smallest magnitude (inclusive)
     * @param hi the largest magnitude (exclusive)
     * @param shape the input's shape
     * @return the input
     */
    public static Input leaf(Random random, double lo, double hi, int... shape) {
        return Input.of(shape, uniform(random, Shape.numel(shape), lo, hi));
    }

    /**
     * Like {@link #leaf} but with a random sign, magnitudes in [lo, hi) (keeps away from 0).
     * @param random the case's generator
     * @param lo the smallest magnitude (inclusive)
     * @param hi the largest magnitude (exclusive)
     * @param shape the input's shape
     * @return the input
     */
    public static Input signedLeaf(Random random, double lo, double hi, int... shape) {
        double[] v = uniform(random, Shape.numel(shape), lo, hi);
        for (int i = 0; i < v.length; i++) {
            if (random.nextBoolean()) {
                v[i] = -v[i];
            }
        }
        return Input.of(shape, v);
    }

    /**
     * A 1-D leaf holding exactly these values.
     * @param values the values
     * @return the input
     */
    public static Input values(double... values) {
        return Input.of(new int[] {values.length}, values);
    }

    /**
     * The kinds of evidence a case gives, as a set (for {@code Sample}'s constructor).
     * @param kinds the kinds
     * @return a new mutable set
     */
    public static Set<Kind> kinds(Kind... kinds) {
        EnumSet<Kind> set = EnumSet.noneOf(Kind.class);
        set.addAll(List.of(kinds));
        return set;
    }

    /** How random inputs of an op are drawn: uniform in [lo, hi), optionally with random signs. */
    public record Domain(double lo, double hi, boolean signed) {
        /**
         * Uniform in [lo, hi), signs as drawn.
         * @param lo the smallest magnitude (inclusive)
         * @param hi the largest magnitude (exclusive)
         * @return the domain
         */
        public static Domain of(double lo, double hi) {
            return new Domain(lo, hi, false);
        }

        /**
         * Magnitudes uniform in [lo, hi), each with a random sign.
         * @param lo the smallest magnitude (inclusive)
         * @param hi the largest magnitude (exclusive)
         * @return the domain
         */
        public static Domain signed(double lo, double hi) {
            return new Domain(lo, hi, true);
        }

        /**
         * A float64 leaf that requires grad, drawn from this domain.
         * @param random the case's generator
         * @param shape the input's shape
         * @return the input
         */
        public Input draw(Random random, int... shape) {
            return signed ? signedLeaf(random, lo, hi, shape) : leaf(random, lo, hi, shape);
        }
    }

    /**
     * The standard group of a unary op: the four shapes, the empty shapes, one case with all the
     * edge values, and one per listed kink (the exact point where the derivative is chosen).
     * @param op the operator's name
     * @param domain how random inputs are drawn
     * @param edgeValues the values of the edge case
     * @param kinks points where the derivative is a choice (e.g. 0 for relu), or an empty array
     * @return the samples
     */
    public static List<Sample> unary(String op, Domain domain, double[] edgeValues, double[] kinks) {
        List<Sample> out = new ArrayList<>();
        for (int[] shape : SHAPES) {
            String id = Input.shapeText(shape);
            out.add(Sample.of(id, kinds(), Attrs.none(), domain.draw(rng(op, id), shape)));
        }
        for (int[] shape : EMPTY_SHAPES) {
            String id = Input.shapeText(shape);
            out.add(Sample.of(id, kinds(), Attrs.none(), domain.draw(rng(op, id), shape)));
        }
        if (edgeValues != null && edgeValues.length > 0) {
            out.add(Sample.of("edge", kinds(Kind.EDGE), Attrs.none(), values(edgeValues)));
        }
        if (kinks != null) {
            for (double k : kinks) {
                out.add(Sample.of("at " + k, kinds(Kind.NONDIFF), Attrs.none(), values(k)));
            }
        }
        return out;
    }

    /**
     * Tensor∘tensor over the standard shapes (same shape) and every broadcast pair.
     * @param op the operator's name
     * @param a the first input's domain
     * @param b the second input's domain
     * @return the samples
     */
    public static List<Sample> binary(String op, Domain a, Domain b) {
        List<Sample> out = new ArrayList<>();
        for (int[] shape : SHAPES) {
            String id = Input.shapeText(shape) + "|" + Input.shapeText(shape);
            Random r = rng(op, id);
            out.add(Sample.of(id, kinds(), Attrs.none(), a.draw(r, shape), b.draw(r, shape)));
        }
        for (int[][] pair : BROADCAST_PAIRS) {
            String id = Input.shapeText(pair[0]) + "|" + Input.shapeText(pair[1]);
            Random r = rng(op, id);
            out.add(Sample.of(id, kinds(Kind.BROADCAST), Attrs.none(), a.draw(r, pair[0]), b.draw(r, pair[1])));
        }
        for (int[] shape : EMPTY_SHAPES) {
            String id = Input.shapeText(shape) + "|" + Input.shapeText(shape);
            Random r = rng(op, id);
            out.add(Sample.of(id, kinds(), Attrs.none(), a.draw(r, shape), b.draw(r, shape)));
        }
        String id = "(2,0,3)|(1,3)";
        Random r = rng(op, id);
        out.add(Sample.of(id, kinds(Kind.BROADCAST), Attrs.none(), a.draw(r, 2, 0, 3), b.draw(r, 1, 3)));
        return out;
    }

    /**
     * Every pair from {@code values} on both sides, as a (n,1) column against a (n,) row.
     * @param id the case id
     * @param values the edge values
     * @param requiresGrad whether the inputs require grad (false where PyTorch's backward is undefined)
     * @return the sample
     */
    public static Sample edgeProduct(String id, double[] values, boolean requiresGrad) {
        int n = values.length;
        return Sample.of(id, kinds(Kind.EDGE, Kind.BROADCAST), Attrs.none(),
                new Input(new int[] {n, 1}, dev.nano.DType.FLOAT64, values.clone(), requiresGrad),
                new Input(new int[] {n}, dev.nano.DType.FLOAT64, values.clone(), requiresGrad));
    }

    /**
     * A broadcast mismatch, which PyTorch and nano must both reject with the same words.
     * @param op the operator's name
     * @param inputsCount how many inputs the op takes (the mismatch is between the first two)
     * @return the sample
     */
    public static Sample broadcastMismatch(String op, int inputsCount) {
        Random r = rng(op, "mismatch");
        Input a = leaf(r, 0.5, 1.5, 2, 3);
        Input b = leaf(r, 0.5, 1.5, 2, 4);
        List<Input> inputs = new ArrayList<>(List.of(a, b));
        while (inputs.size() < inputsCount) {
            inputs.add(leaf(r, 0.5, 1.5, 2, 3));
        }
        return new Sample("(2,3)|(2,4) mismatch", kinds(), inputs, Attrs.none(),
                "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1", null);
    }
}
