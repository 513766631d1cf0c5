package dev.nano.oracle.fuzz;

import dev.nano.Shape;
import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.FuzzRule.Shapes;
import dev.nano.oracle.cases.FuzzRule;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Draws fuzzed cases from the catalogue's own samples: an operator, one of its samples that is meant
 * to succeed (the template, which fixes how nano and PyTorch are called, which inputs are indices or
 * masks and which require grad), then fresh shapes, values and attributes as the entry's {@link FuzzRule} allows.
 * A case is a function of its seed alone ({@link #draw(long)}), so a failure can be drawn again.
 */
final class CaseGenerator {
    /** Shapes are kept small so that thousands of cases run in seconds: at most this many elements. */
    static final int MAX_NUMEL = 256;

    private final List<OpInfo> ops;

    private CaseGenerator(List<OpInfo> ops) {
        this.ops = ops;
    }

    /**
     * Every catalogue operator that has a sample meant to succeed, or only those {@code only} names
     * (empty: all), to chase one operator's failure.
     */
    static CaseGenerator over(List<String> only) {
        List<OpInfo> ops = Catalogue.all().stream().filter(op -> !templates(op).isEmpty())
                .filter(op -> op.fuzz().shapes() != FuzzRule.Shapes.NOT_FUZZED) // a written gap (FuzzRule.notFuzzed)
                .filter(op -> only.isEmpty() || only.contains(op.name())).toList();
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("fuzz.op=" + only + " names no catalogue operator with samples");
        }
        return new CaseGenerator(ops);
    }

    /** The case of this seed. */
    FuzzCase draw(long seed) {
        Draw d = new Draw(seed);
        OpInfo op = d.pick(ops);
        Sample t = d.pick(templates(op));
        List<int[]> shapes = shapes(d, op, t);
        Attrs attrs = attrs(d, op, t, shapes);
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            inputs.add(input(d, op, t.inputs().get(i), shapes.get(i)));
        }
        return new FuzzCase(op, new Sample("fuzz", t.kinds(), inputs, attrs, null, t.tolerance()), d.nextLong());
    }

    private static List<Sample> templates(OpInfo op) {
        return op.samples().stream().filter(s -> !s.isError()).toList();
    }

    // ------------------------------------------------------------------ shapes

    private static List<int[]> shapes(Draw d, OpInfo op, Sample t) {
        int n = t.inputs().size();
        List<int[]> template = t.inputs().stream().map(Input::shape).toList();
        Shapes rule = n == 0 ? Shapes.TEMPLATE : op.fuzz().shapes();
        // One case in five keeps the template's own shapes, which the catalogue knows to be interesting.
        if (rule == Shapes.TEMPLATE || d.choose(4, 1) == 1) {
            return template;
        }
        int[] base = shape(d);
        List<int[]> shapes = new ArrayList<>();
        shapes.add(base);
        for (int i = 1; i < n; i++) {
            shapes.add(rule == Shapes.BROADCAST ? broadcastPartner(d, base) : base);
        }
        return shapes;
    }

    /** Rank 0–5, sizes 0–7 (mostly 1–3), at most {@link #MAX_NUMEL} elements. */
    static int[] shape(Draw d) {
        while (true) {
            int[] s = new int[d.between(0, 5)];
            for (int i = 0; i < s.length; i++) {
                s[i] = switch (d.choose(6, 1, 2)) {
                    case 0 -> d.between(1, 3);
                    case 1 -> 0;
                    default -> d.between(4, 7);
                };
            }
            if (Shape.numel(s) <= MAX_NUMEL) {
                return s;
            }
        }
    }

    /**
     * A shape that broadcasts against {@code base}: base itself, base with leading dims dropped, base
     * with some sizes set to 1, base with leading ones added, or (rarely) an unrelated shape, which must
     * then fail on both sides.
     */
    private static int[] broadcastPartner(Draw d, int[] base) {
        switch (d.choose(4, 2, 3, 1, 1)) {
            case 0:
                return base;
            case 1:
                return Arrays.copyOfRange(base, d.between(0, base.length), base.length);
            case 2: {
                int[] s = base.clone();
                for (int i = 0; i < s.length; i++) {
                    if (d.coin()) {
                        s[i] = 1;
                    }
                }
                return s;
            }
            case 3: {
                if (base.length == 5) {
                    return base;
                }
                int k = d.between(1, 5 - base.length);
                int[] s = new int[base.length + k];
                Arrays.fill(s, 1);
                System.arraycopy(base, 0, s, k, base.length);
                return s;
            }
            default:
                return shape(d);
        }
    }

    // ------------------------------------------------------------------ values

    private static Input input(Draw d, OpInfo op, Input template, int[] shape) {
        double[] values = new double[Shape.numel(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (template.dtype()) {
                case BOOL -> d.between(0, 1);
                case INT64 -> integer(d, template);
                default -> FuzzValues.draw(d, op.fuzz().dependsOnOrder());
            };
        }
        return new Input(shape, template.dtype(), values, template.requiresGrad());
    }

    /**
     * Integer inputs (indices, class targets) come from the template's own range widened by one on
     * each side: mostly valid, sometimes one out of range, which must then fail on both sides.
     */
    private static double integer(Draw d, Input template) {
        int lo = (int) Arrays.stream(template.values()).min().orElse(0) - 1;
        int hi = (int) Arrays.stream(template.values()).max().orElse(0) + 1;
        return d.choose(12, 1) == 0 ? d.between(lo + 1, hi - 1) : d.pick(lo, hi);
    }

    // ------------------------------------------------------------------ attributes

    /**
     * The template's attributes, each perturbed now and then: dims redrawn for the rank of input 0
     * (always when the shapes were drawn), booleans flipped, doubles drawn from the value pool,
     * other integers and int arrays moved by a little. Strings are kept (they select the form of the
     * call, e.g. tensor∘scalar, which the inputs follow).
     */
    private static Attrs attrs(Draw d, OpInfo op, Sample t, List<int[]> shapes) {
        Map<String, Object> map = t.attrs().asMap();
        FuzzRule rule = op.fuzz();
        if (map.isEmpty() || rule.fixedAttributes() != null) {
            return t.attrs();
        }
        int rank = shapes.isEmpty() ? 0 : shapes.get(0).length;
        boolean shapesDrawn = !shapes.isEmpty() && rule.shapes() != Shapes.TEMPLATE;
        Attrs a = Attrs.none();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            a.with(e.getKey(), attr(d, rule, e.getKey(), e.getValue(), rank, shapesDrawn));
        }
        return a;
    }

    private static Object attr(Draw d, FuzzRule rule, String key, Object v, int rank, boolean shapesDrawn) {
        boolean dim = rule.dimKeys().contains(key) && (v instanceof Integer || v instanceof int[]);
        if (!dim && (rule.fixedKeys().contains(key) || v == null || v instanceof String)) {
            return v;
        }
        boolean perturb = dim && shapesDrawn || d.choose(3, 1) == 1;
        if (!perturb) {
            return v;
        }
        if (dim) {
            return v instanceof Integer ? dim(d, rank) : dims(d, rank);
        }
        if (v instanceof Boolean) {
            return d.coin();
        }
        if (v instanceof Double) {
            return FuzzValues.draw(d, false);
        }
        if (v instanceof Integer i) {
            return i + d.between(-2, 2);
        }
        if (v instanceof int[] ints) {
            int[] out = ints.clone();
            for (int k = 0; k < out.length; k++) {
                out[k] += d.between(-1, 1);
            }
            return out;
        }
        return v;
    }

    /** A dim for a tensor of this rank: mostly in range (negative forms too), sometimes just outside. */
    private static int dim(Draw d, int rank) {
        int r = Math.max(rank, 1);
        return d.choose(8, 1) == 0 ? d.between(-r, r - 1) : (d.coin() ? -r - 1 : r);
    }

    /** A list of dims: a subset in random order and form, occasionally with a repeat or out of range. */
    private static int[] dims(Draw d, int rank) {
        int r = Math.max(rank, 1);
        if (d.choose(8, 1) == 1) {
            int[] out = new int[d.between(1, 3)];
            for (int k = 0; k < out.length; k++) {
                out[k] = dim(d, rank);
            }
            return out;
        }
        TreeSet<Integer> subset = new TreeSet<>();
        int size = d.between(0, r);
        while (subset.size() < size) {
            subset.add(d.between(0, r - 1));
        }
        int[] out = new int[subset.size()];
        int k = 0;
        for (int dim : subset) {
            out[k++] = d.coin() ? dim - r : dim;
        }
        return out;
    }
}
