package dev.nano.oracle.fuzz;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.fuzz.FuzzPlan.ShapeRule;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The jqwik arbitraries of fuzzed cases. Every part is drawn from a jqwik arbitrary (operator,
 * template, shapes, values, attributes), so that jqwik can shrink a failing case part by part:
 * towards the first operator, the first template, rank 0, small sizes and ordinary values.
 */
final class CaseArbitraries {
    private CaseArbitraries() {
    }

    /** Shapes are kept small so that thousands of cases run in seconds: at most this many elements. */
    private static final int MAX_NUMEL = 256;

    /**
     * Every catalogue operator that has a sample meant to succeed (the templates), or only those the
     * system property {@code fuzz.op} names (comma-separated), to shrink one operator's failure.
     */
    static Arbitrary<FuzzCase> cases() {
        List<String> only = List.of(System.getProperty("fuzz.op", "").split(",")).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<OpInfo> ops = Catalogue.all().stream().filter(op -> !templates(op).isEmpty())
                .filter(op -> only.isEmpty() || only.contains(op.name())).toList();
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("fuzz.op=" + only + " names no catalogue operator with samples");
        }
        return Arbitraries.of(ops).flatMap(CaseArbitraries::forOp);
    }

    static Arbitrary<FuzzCase> forOp(OpInfo op) {
        return Arbitraries.of(templates(op)).flatMap(t -> forTemplate(op, t));
    }

    private static List<Sample> templates(OpInfo op) {
        return op.samples().stream().filter(s -> !s.isError()).toList();
    }

    private static Arbitrary<FuzzCase> forTemplate(OpInfo op, Sample t) {
        return shapes(op, t).flatMap(shapes -> Combinators.combine(attrs(op, t, shapes), inputs(op, t, shapes),
                Arbitraries.longs()).as((attrs, inputs, seed) -> new FuzzCase(op,
                new Sample("fuzz", t.kinds(), inputs, attrs, null, t.tolerance()), seed)));
    }

    // ------------------------------------------------------------------ shapes

    private static Arbitrary<List<int[]>> shapes(OpInfo op, Sample t) {
        int n = t.inputs().size();
        List<int[]> template = t.inputs().stream().map(Input::shape).toList();
        ShapeRule rule = n == 0 ? ShapeRule.TEMPLATE : FuzzPlan.shapeRule(op.name());
        Arbitrary<List<int[]>> drawn = switch (rule) {
            case TEMPLATE -> Arbitraries.just(template);
            case DIMS, SAME -> shape().map(s -> repeat(s, n));
            case BROADCAST -> shape().flatMap(base -> {
                List<Arbitrary<int[]>> each = new ArrayList<>();
                each.add(Arbitraries.just(base));
                for (int i = 1; i < n; i++) {
                    each.add(broadcastPartner(base));
                }
                return Combinators.combine(each).as(l -> l);
            });
        };
        // Now and then the template's own shapes, which the catalogue knows to be interesting.
        return rule == ShapeRule.TEMPLATE ? drawn : Arbitraries.frequencyOf(Tuple.of(4, drawn),
                Tuple.of(1, Arbitraries.just(template)));
    }

    /** Rank 0–5, sizes 0–7 (mostly 1–3), at most {@link #MAX_NUMEL} elements. */
    static Arbitrary<int[]> shape() {
        Arbitrary<Integer> size = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(1, 3)),
                Tuple.of(1, Arbitraries.just(0)), Tuple.of(2, Arbitraries.integers().between(4, 7)));
        return size.list().ofMinSize(0).ofMaxSize(5)
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .filter(s -> Shape.numel(s) <= MAX_NUMEL);
    }

    /**
     * A shape that broadcasts against {@code base}: base itself, base with leading dims dropped, base
     * with some sizes set to 1, or (rarely) an unrelated shape, which must then fail on both sides.
     */
    private static Arbitrary<int[]> broadcastPartner(int[] base) {
        Arbitrary<int[]> same = Arbitraries.just(base);
        Arbitrary<int[]> dropped = Arbitraries.integers().between(0, base.length)
                .map(k -> Arrays.copyOfRange(base, k, base.length));
        Arbitrary<int[]> ones = Arbitraries.of(true, false).list().ofSize(base.length).map(mask -> {
            int[] s = base.clone();
            for (int i = 0; i < s.length; i++) {
                if (mask.get(i)) {
                    s[i] = 1;
                }
            }
            return s;
        });
        int room = 5 - base.length;
        Arbitrary<int[]> extraOnes = room == 0 ? same : Arbitraries.integers().between(1, room).map(k -> {
            int[] s = new int[base.length + k];
            Arrays.fill(s, 1);
            System.arraycopy(base, 0, s, k, base.length);
            return s;
        });
        return Arbitraries.frequencyOf(Tuple.of(4, same), Tuple.of(2, dropped), Tuple.of(3, ones),
                Tuple.of(1, extraOnes), Tuple.of(1, shape()));
    }

    private static List<int[]> repeat(int[] s, int n) {
        List<int[]> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(s);
        }
        return l;
    }

    // ------------------------------------------------------------------ values

    private static Arbitrary<List<Input>> inputs(OpInfo op, Sample t, List<int[]> shapes) {
        List<Arbitrary<Input>> each = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            each.add(input(op, t.inputs().get(i), shapes.get(i)));
        }
        return Combinators.combine(each).as(l -> l);
    }

    private static Arbitrary<Input> input(OpInfo op, Input template, int[] shape) {
        int n = Shape.numel(shape);
        Arbitrary<Double> element = switch (template.dtype()) {
            case BOOL -> Arbitraries.of(0.0, 1.0);
            case INT64 -> integers(template);
            default -> Values.floats(FuzzPlan.orderDependent(op.name()));
        };
        return element.list().ofSize(n).map(l -> new Input(shape, template.dtype(),
                l.stream().mapToDouble(Double::doubleValue).toArray(), template.requiresGrad()));
    }

    /**
     * Integer inputs (indices, class targets) come from the template's own range widened by one on
     * each side: mostly valid, sometimes one out of range, which must then fail on both sides.
     */
    private static Arbitrary<Double> integers(Input template) {
        double lo = Arrays.stream(template.values()).min().orElse(0) - 1;
        double hi = Arrays.stream(template.values()).max().orElse(0) + 1;
        return Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.integers().between((int) lo + 1, (int) hi - 1)
                .map(Integer::doubleValue)), Tuple.of(1, Arbitraries.of(lo, hi)));
    }

    // ------------------------------------------------------------------ attributes

    /**
     * The template's attributes, each perturbed now and then: dims redrawn for the rank of input 0
     * (always when the shapes were drawn), booleans flipped, doubles drawn from the value pool,
     * other integers and int arrays moved by a little. Strings are kept (they select the form of the
     * call, e.g. tensor∘scalar, which the inputs follow).
     */
    private static Arbitrary<Attrs> attrs(OpInfo op, Sample t, List<int[]> shapes) {
        Map<String, Object> map = t.attrs().asMap();
        if (map.isEmpty() || FuzzPlan.attributesFixed(op.name())) {
            return Arbitraries.just(t.attrs());
        }
        int rank = shapes.isEmpty() ? 0 : shapes.get(0).length;
        boolean redrawn = !shapes.isEmpty() && FuzzPlan.shapeRule(op.name()) != ShapeRule.TEMPLATE;
        List<String> keys = new ArrayList<>(map.keySet());
        List<Arbitrary<Object>> values = new ArrayList<>();
        for (String key : keys) {
            values.add(attr(op.name(), key, map.get(key), rank, redrawn));
        }
        return Combinators.combine(values).as(vs -> {
            Attrs a = Attrs.none();
            for (int i = 0; i < keys.size(); i++) {
                a.with(keys.get(i), vs.get(i));
            }
            return a;
        });
    }

    private static Arbitrary<Object> attr(String op, String key, Object v, int rank, boolean shapesDrawn) {
        Arbitrary<Object> keep = Arbitraries.just(v);
        Arbitrary<Object> changed;
        if (FuzzPlan.isDimKey(op, key) && (v instanceof Integer || v instanceof int[])) {
            changed = v instanceof Integer ? dim(rank).map(d -> d) : dims(rank).map(d -> d);
            if (shapesDrawn) {
                return changed;
            }
        } else if (FuzzPlan.FIXED_KEYS.contains(key) || v == null || v instanceof String) {
            return keep;
        } else if (v instanceof Boolean) {
            changed = Arbitraries.of(true, false).map(b -> b);
        } else if (v instanceof Double) {
            changed = Values.floats(false).map(d -> d);
        } else if (v instanceof Integer i) {
            changed = Arbitraries.integers().between(-2, 2).map(d -> i + d);
        } else if (v instanceof int[] ints) {
            changed = Arbitraries.integers().between(-1, 1).list().ofSize(ints.length).map(d -> {
                int[] out = ints.clone();
                for (int k = 0; k < out.length; k++) {
                    out[k] += d.get(k);
                }
                return out;
            });
        } else {
            return keep;
        }
        return Arbitraries.frequencyOf(Tuple.of(3, keep), Tuple.of(1, changed));
    }

    /** A dim for a tensor of this rank: mostly in range (negative forms too), sometimes just outside. */
    private static Arbitrary<Integer> dim(int rank) {
        int r = Math.max(rank, 1);
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(-r, r - 1)),
                Tuple.of(1, Arbitraries.of(-r - 1, r)));
    }

    /** A list of dims: a subset in random order and form, occasionally with a repeat or out of range. */
    private static Arbitrary<int[]> dims(int rank) {
        int r = Math.max(rank, 1);
        Arbitrary<int[]> subset = Arbitraries.integers().between(0, r - 1).set().ofMaxSize(r)
                .flatMap(set -> Arbitraries.of(true, false).list().ofSize(set.size()).map(neg -> {
                    int[] out = new int[set.size()];
                    int k = 0;
                    for (int d : new TreeSet<>(set)) {
                        out[k] = neg.get(k) ? d - r : d;
                        k++;
                    }
                    return out;
                }));
        return Arbitraries.frequencyOf(Tuple.of(8, subset),
                Tuple.of(1, dim(rank).list().ofMinSize(1).ofMaxSize(3).map(l ->
                        l.stream().mapToInt(Integer::intValue).toArray())));
    }
}
