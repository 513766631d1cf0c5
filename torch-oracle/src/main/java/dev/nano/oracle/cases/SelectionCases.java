package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.nano.DType;
import dev.nano.Nano;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.oracle.cases.Samples.Domain;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import static dev.nano.oracle.cases.Samples.INF;
import static dev.nano.oracle.cases.Samples.NAN;
import static dev.nano.oracle.cases.Samples.kinds;

/**
 * The ops that pick one of several values elementwise: {@code clamp} (scalar and tensor bounds,
 * both or one side), {@code maximum}, {@code minimum} and {@code where}. Their gradients route the
 * upstream gradient to whichever input was picked; the cases concentrate on the points where
 * PyTorch has to choose (its backward formulas in tools/autograd/derivatives.yaml and
 * torch/csrc/autograd/FunctionsManual.cpp): x exactly at a bound, crossed bounds, ties, NaN.
 */
final class SelectionCases {
    private SelectionCases() {
    }

    static List<OpInfo> entries() {
        return List.of(clamp(), extremum("maximum", Tensor::maximum, NDArray::maximum),
                extremum("minimum", Tensor::minimum, NDArray::minimum), where());
    }

    // ---------------------------------------------------------------- clamp

    /**
     * Attributes: {@code form} "scalar" with optional Double {@code min}/{@code max} (a missing key
     * is None), or {@code form} "tensor" with {@code bounds} "both", "min" or "max": the inputs are
     * then x followed by the given bound tensors.
     */
    private static OpInfo clamp() {
        List<Sample> s = new ArrayList<>();
        Domain x = Domain.signed(0.1, 1.5);
        // Scalar bounds, both given: the standard shapes with bounds ±0.5, x kept off the bounds.
        double[] bounds = {-0.5, 0.5};
        for (int[] shape : Samples.SHAPES) {
            String id = "[-0.5,0.5] " + Input.shapeText(shape);
            s.add(Sample.of(id, kinds(Kind.SCALAR), scalarBounds(-0.5, 0.5),
                    UnarySamples.away(x.draw(Samples.rng("clamp", id), shape), bounds)));
        }
        for (int[] shape : Samples.EMPTY_SHAPES) {
            String id = "[-0.5,0.5] " + Input.shapeText(shape);
            s.add(Sample.of(id, kinds(Kind.SCALAR), scalarBounds(-0.5, 0.5), x.draw(Samples.rng("clamp", id), shape)));
        }
        // One side only: torch.clamp(x, min=m) with max None, and the other way round.
        String id = "min=0 (3,4)";
        s.add(Sample.of(id, kinds(Kind.SCALAR), scalarBounds(0.0, null),
                UnarySamples.away(x.draw(Samples.rng("clamp", id), 3, 4), new double[] {0})));
        id = "max=0.25 (2,3,4)";
        s.add(Sample.of(id, kinds(Kind.SCALAR), scalarBounds(null, 0.25),
                UnarySamples.away(x.draw(Samples.rng("clamp", id), 2, 3, 4), new double[] {0.25})));
        id = "min=-1 ()";
        s.add(Sample.of(id, kinds(Kind.SCALAR), scalarBounds(-1.0, null), Input.of(new int[] {}, -0.3)));
        id = "max=-1 (0,)";
        s.add(Sample.of(id, kinds(Kind.SCALAR), scalarBounds(null, -1.0), x.draw(Samples.rng("clamp", id), 0)));
        // Exactly at the bounds: gradient 1 (inclusive, clamp_backward in FunctionsManual.cpp); also in vector
        // lanes (12 elements).
        s.add(Sample.of("at the bounds", kinds(Kind.SCALAR, Kind.NONDIFF), scalarBounds(-0.5, 0.5),
                Samples.values(-0.5, 0.5, -0.5, 0.5, 0.0, -0.6, 0.6, -0.5, 0.5, -0.5, 0.5, 0.5)));
        s.add(Sample.of("min=0 at 0", kinds(Kind.SCALAR, Kind.NONDIFF), scalarBounds(0.0, null),
                Samples.values(0.0, -0.0, 0.0, 1.0, -1.0, 0.0, 0.0, 0.0, 0.0)));
        s.add(Sample.of("max=0.25 at 0.25", kinds(Kind.SCALAR, Kind.NONDIFF), scalarBounds(null, 0.25),
                Samples.values(0.25, 0.25, 1.0, -1.0, 0.25)));
        // min > max: the output is max everywhere and no gradient flows (both conditions cannot hold).
        s.add(Sample.of("[1,0] min > max", kinds(Kind.SCALAR, Kind.NONDIFF), scalarBounds(1.0, 0.0),
                Samples.values(-1, 0, 0.5, 1, 2, 0.25, -0.25, 3, 1.5)));
        // min == max: only x equal to the bound gets the gradient.
        s.add(Sample.of("[0.5,0.5] min == max", kinds(Kind.SCALAR, Kind.NONDIFF), scalarBounds(0.5, 0.5),
                Samples.values(0.5, 0.4, 0.6, 0.5, -1)));
        s.add(Sample.of("[-1,1] edges", kinds(Kind.SCALAR, Kind.EDGE), scalarBounds(-1.0, 1.0),
                Samples.values(Samples.EDGE_VALUES)));
        s.add(Sample.of("[-inf,inf] edges", kinds(Kind.SCALAR, Kind.EDGE), scalarBounds(-INF, INF),
                Samples.values(Samples.EDGE_VALUES)));
        s.add(Sample.of("[0,inf] edges", kinds(Kind.SCALAR, Kind.EDGE), scalarBounds(0.0, INF),
                Samples.values(Samples.EDGE_VALUES)));
        s.add(Sample.of("[nan,1] all NaN", kinds(Kind.SCALAR, Kind.EDGE), scalarBounds(NAN, 1.0),
                Samples.values(-2, 0, 0.5, 2, NAN)));
        s.add(Sample.of("[-1,nan] all NaN", kinds(Kind.SCALAR, Kind.EDGE), scalarBounds(-1.0, NAN),
                Samples.values(-2, 0, 0.5, 2, INF)));
        s.add(Sample.of("min=nan one-sided", kinds(Kind.SCALAR, Kind.EDGE), scalarBounds(NAN, null),
                Samples.values(-2, 0, 0.5, 2, INF)));
        s.add(Sample.of("max=nan one-sided", kinds(Kind.SCALAR, Kind.EDGE), scalarBounds(null, NAN),
                Samples.values(-2, 0, 0.5, 2, -INF)));
        s.add(Sample.of("[1e300,inf] huge", kinds(Kind.SCALAR, Kind.EDGE), scalarBounds(1e300, INF),
                Samples.values(1e300, -1e300, INF, 1e301, 0)));

        s.addAll(clampOneSideSamples());
        s.addAll(clampTensorSamples());
        return OpInfo.builder("clamp", "ops")
                .fuzz(FuzzRule.elementwise())
                .aliases("clampMin", "clampMax")
                .knownDisagreement("PyTorch 2.7.1's clamp.Tensor backward raises \"output with shape [x's shape] "
                        + "doesn't match the broadcast shape [...]\" when x is smaller than the broadcast shape of x, min "
                        + "and max (clamp_backward_min_max combines its masks with an in-place logical_and_); nano returns "
                        + "the gradients reduced to each input's shape instead. The catalogue records this deviation "
                        + "(CLAMP_BACKWARD_RAISES: those samples are forward-only); the fuzzer draws the same cases with "
                        + "gradients", (c, p) -> "tensor".equals(c.attrs().getString("form", ""))
                        && "both".equals(c.attrs().getString("bounds", ""))
                        && p.startsWith("PyTorch raised \"output with shape [")
                        && p.contains("doesn't match the broadcast shape"))
                .oracle(Oracle.kernel("aten::clamp, aten::clamp.Tensor, aten::clamp_min, aten::clamp_max",
                        Oracle.TORCHSCRIPT))
                .nano(SelectionCases::nanoClamp)
                .torch(SelectionCases::torchClamp)
                .samples(s)
                .exclude(Kind.DIMS, "elementwise: no dim argument")
                .build();
    }

    /**
     * Found through the kernel (the old composition recorded gradients here): PyTorch 2.7.1's own
     * clamp.Tensor backward raises when x is smaller than the broadcast shape of x, min and max,
     * e.g. for x (3,1), min (1,4), max () "output with shape [3, 1] doesn't match the broadcast
     * shape [3, 4]" (clamp_backward_min_max combines masks in place: logical_and_ into a mask of
     * x's shape). The forward is PyTorch's; nano's gradients (each reduced to its input's shape)
     * have nothing to be compared with. Where x already has the broadcast shape, or only one bound
     * is given, PyTorch's backward succeeds and is compared.
     */
    private static final String CLAMP_BACKWARD_RAISES = "PyTorch 2.7.1's clamp.Tensor backward raises \"output with "
            + "shape [x's shape] doesn't match the broadcast shape [...]\" when x is smaller than the broadcast shape "
            + "(an in-place logical_and_ in clamp_backward_min_max); nano returns the reduced gradients instead";

    /**
     * {@code x.clampMin(b)} / {@code x.clampMax(b)}: PyTorch's clamp_min / clamp_max, which fill the
     * output with NaN for a NaN bound (where clamp with one scalar bound ignores it, see above).
     * Attributes: {@code form} "clampMin" or "clampMax", {@code bound}. Found by scripts/fuzz.
     */
    private static List<Sample> clampOneSideSamples() {
        List<Sample> s = new ArrayList<>();
        double[] xs = {-2, -0.5, -0.0, 0.0, 0.5, 2, NAN, INF, -INF, 1e300, -1e300, 0.25};
        for (String form : new String[] {"clampMin", "clampMax"}) {
            for (double bound : new double[] {0.0, -0.0, 0.5, NAN, INF, -INF}) {
                s.add(Sample.of(form + "(" + UnarySamples.fmt(bound) + ") edges", kinds(Kind.SCALAR, Kind.EDGE,
                        Kind.NONDIFF), Attrs.of("form", form).with("bound", bound), Samples.values(xs)));
            }
            String id = form + "(0.25) (3,4)";
            s.add(Sample.of(id, kinds(Kind.SCALAR), Attrs.of("form", form).with("bound", 0.25),
                    UnarySamples.away(Domain.signed(0.1, 1.5).draw(Samples.rng("clamp", id), 3, 4),
                            new double[] {0.25})));
        }
        return s;
    }

    private static Attrs scalarBounds(Double min, Double max) {
        Attrs a = Attrs.of("form", "scalar");
        if (min != null) {
            a.with("min", min);
        }
        if (max != null) {
            a.with("max", max);
        }
        return a;
    }

    /** x kept at least 0.05 from any bound: x in ±[0, 0.9] or ±[1.1, 1.5], bounds near ±1. */
    private static Input clampX(Random r, int... shape) {
        double[] v = new double[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            int band = r.nextInt(3);
            double u = r.nextDouble();
            v[i] = band == 0 ? -1.5 + 0.4 * u : band == 1 ? -0.9 + 1.8 * u : 1.1 + 0.4 * u;
        }
        return Input.of(shape, v);
    }

    private static Input lowBound(Random r, int... shape) {
        return Samples.leaf(r, -1.05, -0.95, shape);
    }

    private static Input highBound(Random r, int... shape) {
        return Samples.leaf(r, 0.95, 1.05, shape);
    }

    private static List<Sample> clampTensorSamples() {
        List<Sample> s = new ArrayList<>();
        for (int[] shape : Samples.SHAPES) {
            String id = "tensor both " + Input.shapeText(shape);
            Random r = Samples.rng("clamp", id);
            s.add(Sample.of(id, kinds(), tensorBounds("both"), clampX(r, shape), lowBound(r, shape),
                    highBound(r, shape)));
        }
        // Broadcasting among x, min and max (each pair of shapes, and the three-way case).
        int[][][] triples = {
            {{3, 4}, {3, 1}, {1, 4}}, {{3, 1}, {1, 4}, {}}, {{2, 3, 4}, {4}, {3, 1}},
            {{}, {3, 1}, {1, 4}}, {{4}, {2, 3, 4}, {}}, {{5, 1, 4, 1}, {3, 1, 1}, {1}},
            {{2, 0, 3}, {1, 3}, {3}},
        };
        for (int[][] t : triples) {
            String id = "tensor both " + Input.shapeText(t[0]) + "|" + Input.shapeText(t[1]) + "|"
                    + Input.shapeText(t[2]);
            Random r = Samples.rng("clamp", id);
            Sample sample = Sample.of(id, kinds(Kind.BROADCAST), tensorBounds("both"), clampX(r, t[0]),
                    lowBound(r, t[1]), highBound(r, t[2]));
            int[] out = Shape.broadcast(Shape.broadcast(t[0], t[1]), t[2]);
            s.add(java.util.Arrays.equals(out, t[0]) ? sample
                    : UnarySamples.forwardOnly(sample, CLAMP_BACKWARD_RAISES));
        }
        for (int[][] pair : new int[][][] {{{3, 4}, {3, 4}}, {{3, 1}, {1, 4}}, {{2, 3, 4}, {4}}, {{}, {3, 4}}}) {
            String id = "tensor min " + Input.shapeText(pair[0]) + "|" + Input.shapeText(pair[1]);
            Random r = Samples.rng("clamp", id);
            s.add(Sample.of(id, kinds(Kind.BROADCAST), tensorBounds("min"), clampX(r, pair[0]),
                    lowBound(r, pair[1])));
            id = "tensor max " + Input.shapeText(pair[1]) + "|" + Input.shapeText(pair[0]);
            r = Samples.rng("clamp", id);
            s.add(Sample.of(id, kinds(Kind.BROADCAST), tensorBounds("max"), clampX(r, pair[1]),
                    highBound(r, pair[0])));
        }
        // x at a bound, bounds equal, bounds crossed (min > max: max wins, min gets no gradient).
        double[] xs = {-1, 1, 0, 0.5, 0.5, 2, -2, 0.5, 0.5, NAN, 0, 0, NAN, 2, -2, INF, -INF, 0.25};
        double[] lo = {-1, -1, 0, 0.5, 1, 1, 1, 0.5, NAN, 0, -1, 1, 1, NAN, -1, -1, -1, 0.25};
        double[] hi = {1, 1, 0, 0.5, 0, 0, 0, 0.5, 1, 1, NAN, -1, 0, 1, NAN, INF, 1, -0.25};
        s.add(Sample.of("tensor both ties and crossings", kinds(Kind.NONDIFF, Kind.EDGE), tensorBounds("both"),
                Input.of(new int[] {18}, xs), Input.of(new int[] {18}, lo), Input.of(new int[] {18}, hi)));
        // The same points reversed: the ones in the kernel's scalar tail move to vector lanes.
        s.add(Sample.of("tensor both ties and crossings reversed", kinds(Kind.NONDIFF, Kind.EDGE),
                tensorBounds("both"), Input.of(new int[] {18}, reverse(xs)), Input.of(new int[] {18}, reverse(lo)),
                Input.of(new int[] {18}, reverse(hi))));
        // Added for the mutation score (scripts/mutation-score): x below and above bounds that are equal. Below,
        // no input gets the gradient (x is not inside, and min < max fails); a nano that gave it to min survived.
        s.add(Sample.of("tensor both x outside min == max", kinds(Kind.NONDIFF, Kind.EDGE), tensorBounds("both"),
                Samples.values(-2, 2, -0.5, 3), Samples.values(0.5, 0.5, 0.25, -1),
                Samples.values(0.5, 0.5, 0.25, -1)));
        s.add(Sample.of("tensor min ties and NaN", kinds(Kind.NONDIFF, Kind.EDGE), tensorBounds("min"),
                Samples.values(0, 1, -1, NAN, 2, INF, -INF, 0.5, 0.5),
                Samples.values(0, 1, 0, 0, NAN, INF, -INF, 0.5, -0.0)));
        s.add(Sample.of("tensor max ties and NaN", kinds(Kind.NONDIFF, Kind.EDGE), tensorBounds("max"),
                Samples.values(0, 1, -1, NAN, 2, INF, -INF, 0.5, -0.0),
                Samples.values(0, 1, 0, 0, NAN, INF, -INF, 0.5, 0.0)));
        s.add(Sample.of("tensor both bounds constant", kinds(), tensorBounds("both"),
                clampX(Samples.rng("clamp", "tensor both bounds constant"), 3, 4),
                Input.constant(new int[] {1, 4}, -1, -0.98, -1.02, -0.97),
                Input.constant(new int[] {3, 1}, 1, 0.97, 1.03)));
        s.add(new Sample("tensor both (2,3)|(2,4)|(2,3) mismatch", kinds(),
                List.of(Input.of(new int[] {2, 3}, 0, 1, 2, 3, 4, 5), Input.of(new int[] {2, 4}, new double[8]),
                        Input.of(new int[] {2, 3}, 1, 1, 1, 1, 1, 1)),
                tensorBounds("both"),
                "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1", null));
        s.add(new Sample("tensor max (2,3)|(3,2) mismatch", kinds(),
                List.of(Input.of(new int[] {2, 3}, 0, 1, 2, 3, 4, 5), Input.of(new int[] {3, 2}, new double[6])),
                tensorBounds("max"),
                "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1", null));
        return s;
    }

    private static double[] reverse(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[v.length - 1 - i];
        }
        return r;
    }

    private static Attrs tensorBounds(String which) {
        return Attrs.of("form", "tensor").with("bounds", which);
    }

    private static Tensor nanoClamp(Tensor[] in, Attrs a) {
        if ("clampMin".equals(a.getString("form"))) {
            return in[0].clampMin(a.getDouble("bound"));
        }
        if ("clampMax".equals(a.getString("form"))) {
            return in[0].clampMax(a.getDouble("bound"));
        }
        if ("scalar".equals(a.getString("form"))) {
            return in[0].clamp(a.getOptionalDouble("min"), a.getOptionalDouble("max"));
        }
        return switch (a.getString("bounds")) {
            case "min" -> in[0].clamp(in[1], null);
            case "max" -> in[0].clamp(null, in[1]);
            default -> in[0].clamp(in[1], in[2]);
        };
    }

    /**
     * torch.clamp through the TorchScript bridge, with Scalar bounds (aten::clamp) or Tensor bounds
     * (aten::clamp.Tensor), each optional as in Python: a missing bound is None, not ±inf (DJL's
     * clip takes both as Numbers and has no Tensor form). Its forward, backward
     * (clamp_backward / clamp_backward_min_max) and broadcast errors are PyTorch's own.
     */
    private static NDArray torchClamp(NDArray[] in, Attrs a) {
        if ("clampMin".equals(a.getString("form"))) {
            return CLAMP_MIN.call(in[0], a.getDouble("bound"));
        }
        if ("clampMax".equals(a.getString("form"))) {
            return CLAMP_MAX.call(in[0], a.getDouble("bound"));
        }
        if ("scalar".equals(a.getString("form"))) {
            Double min = a.getOptionalDouble("min");
            Double max = a.getOptionalDouble("max");
            return CLAMP.call(in[0], min != null ? min : 0.0, min != null, max != null ? max : 0.0, max != null);
        }
        return switch (a.getString("bounds")) {
            case "min" -> CLAMP_TENSOR.call(in[0], in[1], true, in[0], false);
            case "max" -> CLAMP_TENSOR.call(in[0], in[0], false, in[1], true);
            default -> CLAMP_TENSOR.call(in[0], in[1], true, in[2], true);
        };
    }

    private static final AtenKernel CLAMP = clampKernel("aten::clamp", "float");

    private static final AtenKernel CLAMP_MIN = AtenKernel.of("aten::clamp_min", "x: Tensor, bound: float",
            "torch.clamp_min(x, bound)");

    private static final AtenKernel CLAMP_MAX = AtenKernel.of("aten::clamp_max", "x: Tensor, bound: float",
            "torch.clamp_max(x, bound)");

    private static final AtenKernel CLAMP_TENSOR = clampKernel("aten::clamp.Tensor", "Tensor");

    /**
     * torch.clamp(x, min, max) with each bound optional, its bounds of TorchScript type {@code type}
     * ("float": the Scalar overload, "Tensor": the Tensor one). DJL cannot pass None, so each bound
     * travels as a value and a flag and is unpacked to None in the method.
     */
    private static AtenKernel clampKernel(String op, String type) {
        return AtenKernel.withBody(op, "x: Tensor, min: " + type + ", has_min: bool, max: " + type
                + ", has_max: bool", String.join("\n",
                        "    lo = annotate(Optional[" + type + "], None)",
                        "    if has_min:",
                        "      lo = min",
                        "    else:",
                        "      pass",
                        "    hi = annotate(Optional[" + type + "], None)",
                        "    if has_max:",
                        "      hi = max",
                        "    else:",
                        "      pass",
                        "    return torch.clamp(x, lo, hi)"));
    }

    // ---------------------------------------------------------------- maximum / minimum

    private static final double[] EDGES = {0.0, -0.0, 1.0, -1.0, 2.5, 1e300, -1e300, NAN, INF, -INF};

    private static OpInfo extremum(String name, BiFunction<Tensor, Tensor, Tensor> nano,
                                   BiFunction<NDArray, NDArray, NDArray> torch) {
        List<Sample> s = new ArrayList<>();
        // Random values in (-2, 2); two draws tie or come within 1e-3 of each other with
        // negligible probability, and `separated` moves any that do.
        for (Sample sample : Samples.binary(name, Domain.signed(0, 2), Domain.signed(0, 2))) {
            s.add(separated(sample));
        }
        s.add(Samples.edgeProduct("edge product", EDGES, true));
        // Ties split the gradient in halves (maximum/minimum in tools/autograd/derivatives.yaml), here in vector
        // lanes and in the scalar tail.
        s.add(Sample.of("ties", kinds(Kind.NONDIFF), Attrs.none(),
                Samples.values(1, -2, 0, 0, 3.5, -0.0, 1e300, INF, -INF, 7, 1.25),
                Samples.values(1, -2, 0, -0.0, 3.5, 0, 1e300, INF, -INF, 7, 1.25)));
        s.add(Sample.of("tie ()|()", kinds(Kind.NONDIFF), Attrs.none(), Input.of(new int[] {}, 0.75),
                Input.of(new int[] {}, 0.75)));
        // maximum(x, tensor(0.)) at 0: 0.5 to x (contrast relu 0, clamp 1).
        s.add(Sample.of("x vs 0-d zero", kinds(Kind.NONDIFF, Kind.BROADCAST), Attrs.none(),
                Samples.values(0, -1, 1, 0, -0.0, 2, -2, 0, 0.5), Input.of(new int[] {}, 0.0)));
        s.add(Sample.of("ties broadcast (3,1)|(1,3)", kinds(Kind.NONDIFF, Kind.BROADCAST), Attrs.none(),
                Input.of(new int[] {3, 1}, 1, 2, 3), Input.of(new int[] {1, 3}, 1, 2, 3)));
        // NaN on either side: NaN out, and both sides get the whole gradient (no comparison holds).
        s.add(Sample.of("NaN", kinds(Kind.EDGE), Attrs.none(),
                Samples.values(NAN, 1, NAN, -INF, NAN, 0, 2, NAN, 3),
                Samples.values(1, NAN, NAN, NAN, INF, NAN, NAN, -1, 3)));
        s.add(Sample.of("one side constant", kinds(), Attrs.none(),
                Input.of(new int[] {2, 3}, 0.5, -1.5, 2, -0.25, 1.75, 0.1),
                Input.constant(new int[] {3}, 0.3, -0.3, 1)));
        s.add(Samples.broadcastMismatch(name, 2));
        return OpInfo.builder(name, "ops")
                .fuzz(FuzzRule.elementwise())
                // DJL's maximum/minimum call Tensor::max/min(other), aten::max.other, which is
                // at::maximum itself (an alias with the same kernel and autograd formula).
                .oracle(Oracle.kernel("aten::" + name + " (as max.other / min.other)", Oracle.DJL))
                .nano((in, a) -> nano.apply(in[0], in[1]))
                .torch((in, a) -> torch.apply(in[0], in[1]))
                .samples(s)
                .exclude(Kind.SCALAR, "torch.maximum/minimum take two tensors (no Scalar overload) and so does "
                        + "nano; a 0-d tensor on either side is covered by the ()|(3,4) broadcast cases")
                .exclude(Kind.DIMS, "elementwise: no dim argument")
                .build();
    }

    /** Moves b's values away from a's where broadcasting could pair them within 1e-3 (a tie). */
    private static Sample separated(Sample sample) {
        Input a = sample.inputs().get(0);
        Input b = sample.inputs().get(1);
        double[] bv = b.values().clone();
        boolean changed = false;
        for (int j = 0; j < bv.length; j++) {
            for (double av : a.values()) {
                if (Math.abs(av - bv[j]) < 1e-3) {
                    bv[j] += 0.01;
                    changed = true;
                }
            }
        }
        if (!changed) {
            return sample;
        }
        Input nb = new Input(b.shape(), b.dtype(), bv, b.requiresGrad());
        return new Sample(sample.id(), sample.kinds(), List.of(a, nb), sample.attrs(), sample.expectError(),
                sample.tolerance());
    }

    // ---------------------------------------------------------------- where

    /**
     * Attributes: {@code form} "tt" (default; inputs condition, a, b), "ts" (condition, a and the
     * Double {@code scalar} as b), "st" (the scalar as a), or "sqrt leak" (input x only: the
     * composition {@code where(x > 0, sqrt(x), 0)}, whose gradient at x = 0 is NaN because the
     * untaken branch's inf still meets where's 0: where's backward in tools/autograd/derivatives.yaml masks
     * the gradient, it does not skip the branch).
     */
    private static OpInfo where() {
        List<Sample> s = new ArrayList<>();
        Domain d = Domain.signed(0.1, 3);
        for (int[] shape : Samples.SHAPES) {
            String id = Input.shapeText(shape) + "|" + Input.shapeText(shape) + "|" + Input.shapeText(shape);
            Random r = Samples.rng("where", id);
            s.add(Sample.of(id, kinds(), Attrs.none(), condition(r, shape), d.draw(r, shape), d.draw(r, shape)));
        }
        int[][][] triples = {
            {{3, 1}, {1, 4}, {}}, {{}, {3, 4}, {4}}, {{4}, {2, 3, 4}, {3, 1}}, {{2, 3, 4}, {4}, {1}},
            {{3, 4}, {3, 4}, {}}, {{3, 4}, {}, {}}, {{5, 1, 4, 1}, {3, 1, 1}, {1}}, {{1, 4}, {3, 1}, {3, 4}},
            {{2, 0, 3}, {1, 3}, {3}}, {{0}, {0}, {0}}, {{2, 0, 3}, {2, 0, 3}, {2, 0, 3}},
        };
        for (int[][] t : triples) {
            String id = Input.shapeText(t[0]) + "|" + Input.shapeText(t[1]) + "|" + Input.shapeText(t[2]);
            Random r = Samples.rng("where", id);
            boolean broadcast = !(java.util.Arrays.equals(t[0], t[1]) && java.util.Arrays.equals(t[1], t[2]));
            s.add(Sample.of(id, broadcast ? kinds(Kind.BROADCAST) : kinds(), Attrs.none(), condition(r, t[0]),
                    d.draw(r, t[1]), d.draw(r, t[2])));
        }
        for (double scalar : new double[] {0.0, -2.5, NAN}) {
            String id = "cond ? t : " + UnarySamples.fmt(scalar);
            Random r = Samples.rng("where", id);
            s.add(Sample.of(id, scalar != scalar ? kinds(Kind.SCALAR, Kind.EDGE) : kinds(Kind.SCALAR),
                    Attrs.of("form", "ts").with("scalar", scalar), condition(r, 3, 4), d.draw(r, 3, 4)));
            id = "cond ? " + UnarySamples.fmt(scalar) + " : t";
            r = Samples.rng("where", id);
            s.add(Sample.of(id, scalar != scalar ? kinds(Kind.SCALAR, Kind.BROADCAST, Kind.EDGE)
                            : kinds(Kind.SCALAR, Kind.BROADCAST),
                    Attrs.of("form", "st").with("scalar", scalar), condition(r, 2, 3, 4), d.draw(r, 4)));
        }
        // The branch not taken may hold anything: its values never reach the output.
        s.add(Sample.of("edges in both branches", kinds(Kind.EDGE), Attrs.none(),
                Input.bool(new int[] {10}, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0),
                Samples.values(Samples.EDGE_VALUES),
                Samples.values(NAN, INF, -INF, 1e300, -0.0, 0.0, NAN, 1, -1, -1e300)));
        s.add(Sample.of("all true", kinds(), Attrs.none(), Input.bool(new int[] {2, 3}, 1, 1, 1, 1, 1, 1),
                Samples.leaf(Samples.rng("where", "all true"), 0.1, 3, 2, 3), Input.of(new int[] {}, 7.5)));
        s.add(Sample.of("all false", kinds(), Attrs.none(), Input.bool(new int[] {2, 3}, 0, 0, 0, 0, 0, 0),
                Input.of(new int[] {}, 7.5), Samples.leaf(Samples.rng("where", "all false"), 0.1, 3, 2, 3)));
        s.add(Sample.of("a constant", kinds(), Attrs.none(), Input.bool(new int[] {4}, 1, 0, 0, 1),
                Input.constant(new int[] {4}, 1, 2, 3, 4), Samples.values(-1, -2, -3, -4)));
        s.add(Sample.of("sqrt leak at 0", kinds(Kind.NONDIFF, Kind.EDGE), Attrs.of("form", "sqrt leak"),
                Samples.values(0, 1, 4, -1, 2.25, 0, -0.0, 9, 0.01)));
        s.add(Sample.error("float condition", "where expected condition to be a boolean tensor", Attrs.none(),
                Input.constant(new int[] {3}, 1, 0, 1), Samples.values(1, 2, 3), Samples.values(4, 5, 6)));
        s.add(Sample.error("int64 condition", "where expected condition to be a boolean tensor", Attrs.none(),
                Input.int64(new int[] {3}, 1, 0, 1), Samples.values(1, 2, 3), Samples.values(4, 5, 6)));
        s.add(Sample.error("(3,)|(2,)|(2,) mismatch",
                "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0",
                Attrs.none(), Input.bool(new int[] {3}, 1, 0, 1), Samples.values(1, 2), Samples.values(4, 5)));
        s.add(Sample.error("(2,3)|(2,3)|(2,4) mismatch",
                "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
                Attrs.none(), Input.bool(new int[] {2, 3}, 1, 0, 1, 0, 1, 0), Input.of(new int[] {2, 3}, new double[6]),
                Input.of(new int[] {2, 4}, new double[8])));
        return OpInfo.builder("where", "ops")
                .fuzz(FuzzRule.elementwise())
                // The "sqrt leak" form composes gt, sqrt and where on both sides on purpose: it checks
                // where's backward through a NaN branch; the op under test is still where.self.
                .oracle(Oracle.kernel("aten::where.self (DJL), where.ScalarOther / ScalarSelf (TorchScript)",
                        Oracle.DJL))
                .nano(SelectionCases::nanoWhere)
                .torch(SelectionCases::torchWhere)
                .samples(s)
                .exclude(Kind.DIMS, "elementwise: no dim argument")
                .build();
    }

    private static Input condition(Random r, int... shape) {
        double[] v = new double[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextBoolean() ? 1 : 0;
        }
        return new Input(shape, DType.BOOL, v, false);
    }

    private static Tensor nanoWhere(Tensor[] in, Attrs a) {
        return switch (a.getString("form", "tt")) {
            case "ts" -> Nano.where(in[0], in[1], a.getDouble("scalar"));
            case "st" -> Nano.where(in[0], a.getDouble("scalar"), in[1]);
            case "sqrt leak" -> Nano.where(in[0].gt(0.0), in[0].sqrt(), 0.0);
            default -> Nano.where(in[0], in[1], in[2]);
        };
    }

    private static NDArray where(NDArray condition, NDArray a, NDArray b) {
        return JniUtils.where((PtNDArray) condition, (PtNDArray) a, (PtNDArray) b);
    }

    /**
     * torch.where(cond, a, b): JniUtils.where is torch::where itself, broadcasting all three. A
     * Python scalar branch is where.ScalarOther / where.ScalarSelf, through the bridge.
     */
    private static NDArray torchWhere(NDArray[] in, Attrs a) {
        return switch (a.getString("form", "tt")) {
            case "ts" -> WHERE_SCALAR_OTHER.call(in[0], in[1], a.getDouble("scalar"));
            case "st" -> WHERE_SCALAR_SELF.call(in[0], a.getDouble("scalar"), in[1]);
            case "sqrt leak" -> where(in[0].gt(0.0), in[0].sqrt(), in[0].getManager().create(0.0));
            default -> where(in[0], in[1], in[2]);
        };
    }

    private static final AtenKernel WHERE_SCALAR_OTHER = AtenKernel.of("aten::where.ScalarOther",
            "c: Tensor, x: Tensor, s: float", "torch.where(c, x, s)");
    private static final AtenKernel WHERE_SCALAR_SELF = AtenKernel.of("aten::where.ScalarSelf",
            "c: Tensor, s: float, x: Tensor", "torch.where(c, s, x)");
}
