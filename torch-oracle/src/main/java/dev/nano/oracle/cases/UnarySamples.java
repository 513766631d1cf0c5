package dev.nano.oracle.cases;

import dev.nano.Shape;
import dev.nano.oracle.cases.Samples.Domain;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;
import dev.nano.oracle.value.Tolerance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static dev.nano.oracle.cases.Samples.kinds;

/**
 * The sample group shared by the elementwise unary ops of {@link UnaryCases} and
 * {@link ActivationCases}: the standard shapes, a wide-range tensor, every edge value both
 * inside one tensor and alone, and the kinks.
 *
 * <p>Why edge values appear several times: PyTorch's CPU kernels run the first elements of a
 * float64 tensor through a vectorised loop and the remainder through the scalar C++ lambda, and
 * how many depends on libtorch's CPU dispatch: {@code floor(n/8)·8} under {@code default} and
 * {@code avx2} (two vectors per step), {@code floor(n/16)·16} under {@code avx512}. The two paths
 * are separate code and can differ at NaN and ±inf (e.g. elu's backward, see
 * {@link ActivationCases}). So:
 * <ul>
 *   <li>"edges" (15 values) has its first 8 in vector lanes under default/avx2 and none under
 *       avx512; "edges reversed" the other way round. Where a kernel answers differently, the
 *       fixture records each dispatch's answer ("kernel-dependent");</li>
 *   <li>"edges x32" repeats them to 32 elements: every value in vector lanes under every dispatch;</li>
 *   <li>each "x=v" case is a lone 0-d element: the scalar path under every dispatch.</li>
 * </ul>
 */
final class UnarySamples {
    private UnarySamples() {
    }

    /** Kinks and boundaries are avoided by this much in smooth cases (finite differences use h ≈ 1e-6). */
    static final double CLEARANCE = 5e-3;

    /**
     * @param prefix  prepended to every case id ("" for the default variant, e.g. "slope=0.2 " otherwise)
     * @param attrs   a fresh Attrs per sample (the variant's attributes)
     * @param domain  where smooth random inputs are drawn
     * @param wide    a wider smooth range for one larger tensor, or null
     * @param edges   edge values (EDGE), or null
     * @param singles whether each edge value also gets its own 0-d case
     * @param kinks   points where PyTorch picks a (sub)gradient (NONDIFF), or null
     */
    static List<Sample> group(String op, String prefix, Supplier<Attrs> attrs, Domain domain, Domain wide,
                              double[] edges, boolean singles, double[] kinks) {
        List<Sample> out = new ArrayList<>();
        for (int[] shape : Samples.SHAPES) {
            String id = prefix + Input.shapeText(shape);
            out.add(Sample.of(id, kinds(), attrs.get(), away(domain.draw(Samples.rng(op, id), shape), kinks)));
        }
        for (int[] shape : Samples.EMPTY_SHAPES) {
            String id = prefix + Input.shapeText(shape);
            out.add(Sample.of(id, kinds(), attrs.get(), domain.draw(Samples.rng(op, id), shape)));
        }
        if (wide != null) {
            String id = prefix + "wide (4,5)";
            out.add(Sample.of(id, kinds(), attrs.get(), away(wide.draw(Samples.rng(op, id), 4, 5), kinks)));
        }
        if (edges != null) {
            out.add(Sample.of(prefix + "edges", kinds(Kind.EDGE), attrs.get(), Samples.values(edges)));
            // Reversed, the values that sat in the scalar tail (±inf, the op's own edges) land in
            // vector lanes and vice versa.
            double[] reversed = new double[edges.length];
            for (int i = 0; i < edges.length; i++) {
                reversed[i] = edges[edges.length - 1 - i];
            }
            out.add(Sample.of(prefix + "edges reversed", kinds(Kind.EDGE), attrs.get(), Samples.values(reversed)));
            // 32 = 2·16: vectorised under every dispatch, so the vector kernels' answers are checked on every CPU.
            out.add(Sample.of(prefix + "edges x32", kinds(Kind.EDGE), attrs.get(), cycled(new int[] {32}, edges)));
            if (singles) {
                for (double v : edges) {
                    out.add(Sample.of(prefix + "x=" + fmt(v), kinds(Kind.EDGE), attrs.get(),
                            Input.of(new int[] {}, v)));
                }
            }
        }
        if (kinks != null) {
            for (double k : kinks) {
                out.add(Sample.of(prefix + "at " + fmt(k), kinds(Kind.NONDIFF), attrs.get(), Samples.values(k)));
                // The same point in vector lanes and in the scalar tail (9 = 8 + 1 under default/avx2;
                // all scalar under avx512, where the lone 0-d case above also runs).
                double[] nine = new double[9];
                java.util.Arrays.fill(nine, k);
                out.add(Sample.of(prefix + "at " + fmt(k) + " x9", kinds(Kind.NONDIFF), attrs.get(),
                        Samples.values(nine)));
            }
        }
        return out;
    }

    /**
     * The stricter tolerance of the tiny-magnitude samples: rtol as usual, atol 0.
     * Near 0 an op like expm1, log1p, sin, tanh, silu or sqrt returns about c·x (or x^p): with the
     * default atol (1e-12) a result of 0 for x = 1e-300 would pass, so these cases compare
     * relatively only, and an implementation that computes exp(x) - 1 fails them.
     */
    static final Tolerance TINY = new Tolerance(Tolerance.DEFAULT.rtol(), 0,
            "stricter, not looser: atol 0 so that 0 for a tiny result fails (relative comparison only)");

    /**
     * Tiny-magnitude samples compared with {@link #TINY}: the values together (cycled to 32, in
     * vector lanes under every dispatch) and each alone (a 0-d tensor, the scalar path).
     *
     * @param prefix prepended to every case id
     * @param attrs  a fresh Attrs per sample
     * @param values the tiny inputs
     * @return the samples
     */
    static List<Sample> tiny(String prefix, Supplier<Attrs> attrs, double... values) {
        List<Sample> out = new ArrayList<>();
        if (values.length == 0) {
            return out;
        }
        out.add(Sample.of(prefix + "tiny x32", kinds(Kind.EDGE), attrs.get(), cycled(new int[] {32}, values))
                .withTolerance(TINY));
        for (double v : values) {
            out.add(Sample.of(prefix + "tiny x=" + fmt(v), kinds(Kind.EDGE), attrs.get(), Input.of(new int[] {}, v))
                    .withTolerance(TINY));
        }
        return out;
    }

    /** Moves random values that fall within {@link #CLEARANCE} of a kink out of its way. */
    static Input away(Input in, double[] kinks) {
        if (kinks == null || kinks.length == 0) {
            return in;
        }
        double[] v = in.values().clone();
        for (int i = 0; i < v.length; i++) {
            for (double k : kinks) {
                if (Math.abs(v[i] - k) < CLEARANCE) {
                    v[i] = k + (v[i] >= k ? 2 : -2) * CLEARANCE;
                }
            }
        }
        return new Input(in.shape(), in.dtype(), v, in.requiresGrad());
    }

    /** An Input of the given shape holding {@code values} cycled to fill it. */
    static Input cycled(int[] shape, double... values) {
        double[] v = new double[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i % values.length];
        }
        return Input.of(shape, v);
    }

    /** Readable numbers for case ids: 0, -0.0, 1, 0.5, 1.0E300, nan, inf, -inf. */
    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * The same case with its inputs as constants: the forward is still compared, the gradient not.
     * For the few points where PyTorch's own scalar and vector kernels disagree about the gradient.
     */
    static Sample forwardOnly(Sample s, String reason) {
        List<Input> inputs = new ArrayList<>();
        for (Input in : s.inputs()) {
            inputs.add(new Input(in.shape(), in.dtype(), in.values(), false));
        }
        // The default tolerance, carrying the reason, so the report lists this case as a documented deviation.
        Tolerance documented = new Tolerance(Tolerance.DEFAULT.rtol(), Tolerance.DEFAULT.atol(),
                "gradient not compared: " + reason);
        return new Sample(s.id(), s.kinds(), inputs, s.attrs(), s.expectError(), documented);
    }

    /** {@code base} followed by {@code more}. */
    static double[] concat(double[] base, double... more) {
        double[] out = new double[base.length + more.length];
        System.arraycopy(base, 0, out, 0, base.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }
}
