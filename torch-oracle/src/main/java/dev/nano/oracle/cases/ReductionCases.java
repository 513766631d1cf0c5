package dev.nano.oracle.cases;

import ai.djl.pytorch.jni.JniUtils;
import dev.nano.oracle.cases.ReductionSamples.Draw;
import dev.nano.oracle.cases.Samples.Domain;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;
import dev.nano.oracle.value.Tolerance;

import java.util.ArrayList;
import java.util.List;

import static dev.nano.oracle.cases.ReductionSamples.dimsAttrs;
import static dev.nano.oracle.cases.ReductionSamples.matrix;
import static dev.nano.oracle.cases.ReductionTorch.longs;
import static dev.nano.oracle.cases.ReductionTorch.pt;
import static dev.nano.oracle.cases.Samples.INF;
import static dev.nano.oracle.cases.Samples.NAN;
import static dev.nano.oracle.cases.Samples.kinds;

/**
 * The reductions {@code sum mean var std prod logsumexp}; with {@link ExtremaCases}
 * ({@code amax amin max min argmax argmin}) and {@link SoftmaxCases} ({@code softmax logSoftmax})
 * the whole family of nano's {@code Reductions}. sum and prod are DJL's calls (its JNI calls
 * {@code Tensor::sum()/sum(dims, keepdim)/prod()/prod(dim, keepdim)}); mean over several dims,
 * var/std with a correction and logsumexp DJL does not reach, so every form of those goes
 * through the TorchScript bridge ({@link AtenKernel}).
 */
final class ReductionCases {
    private ReductionCases() {
    }

    private static final AtenKernel MEAN_ALL = AtenKernel.of("aten::mean", "x: Tensor", "torch.mean(x)");
    private static final AtenKernel MEAN = AtenKernel.of("aten::mean.dim", "x: Tensor, dims: List[int], keepdim: bool",
            "torch.mean(x, dims, keepdim)");
    private static final String CORRECTED = "x: Tensor, dims: List[int], correction: float, keepdim: bool";
    private static final AtenKernel VAR = AtenKernel.of("aten::var.correction", CORRECTED,
            "torch.var(x, dims, correction=correction, keepdim=keepdim)");
    private static final AtenKernel STD = AtenKernel.of("aten::std.correction", CORRECTED,
            "torch.std(x, dims, correction=correction, keepdim=keepdim)");
    private static final String UNNAMED = "x: Tensor, correction: float, keepdim: bool";
    private static final AtenKernel VAR_ALL = AtenKernel.of("aten::var.correction", UNNAMED,
            "torch.var(x, None, correction=correction, keepdim=keepdim)");
    private static final AtenKernel STD_ALL = AtenKernel.of("aten::std.correction", UNNAMED,
            "torch.std(x, None, correction=correction, keepdim=keepdim)");
    private static final AtenKernel LOGSUMEXP = AtenKernel.of("aten::logsumexp",
            "x: Tensor, dims: List[int], keepdim: bool", "torch.logsumexp(x, dims, keepdim)");

    private static final String ONE_INPUT = "one tensor input: nothing to broadcast";
    private static final String NO_SCALAR = "no tensor-scalar form";
    private static final Domain SIGNED = Domain.signed(0.1, 2);

    static List<OpInfo> entries() {
        List<OpInfo> out = new ArrayList<>();
        out.add(sum());
        out.add(mean());
        out.add(variance("var", false));
        out.add(variance("std", true));
        out.add(prod());
        out.add(logsumexp());
        out.addAll(ExtremaCases.entries());
        out.addAll(SoftmaxCases.entries());
        return out;
    }

    /** {@code dims}, or every dim of {@code x} when it is empty (nano's "reduce everything"). */
    static int[] everyDimIfEmpty(int[] dims, ai.djl.ndarray.NDArray x) {
        if (dims.length > 0) {
            return dims;
        }
        int[] all = new int[x.getShape().dimension()];
        for (int d = 0; d < all.length; d++) {
            all[d] = d;
        }
        return all;
    }

    static int[] dims(Attrs a) {
        return a.getInts("dims");
    }

    static boolean keepdim(Attrs a) {
        return a.has("keepdim") && a.getBool("keepdim");
    }

    // ---------------------------------------------------------------- sum

    private static OpInfo sum() {
        String op = "sum";
        Draw draw = ReductionSamples.domain(SIGNED);
        List<Sample> s = new ArrayList<>(ReductionSamples.dims(op, draw, true));
        s.addAll(ReductionSamples.emptyDims(op, draw, true));
        s.add(Sample.of("(3,4) NaN, inf, inf-inf dim=1", kinds(Kind.EDGE), dimsAttrs(new int[] {1}, false),
                matrix(new double[] {1, NAN, 2, 3}, new double[] {INF, 1, -2, 0.5},
                        new double[] {INF, -INF, 1, 2})));
        s.add(Sample.of("(3,4) -inf, overflow, huge", kinds(Kind.EDGE), dimsAttrs(new int[] {-1}, true),
                matrix(new double[] {-INF, 1, 2, 3}, new double[] {1e308, 1e308, 1, 2},
                        new double[] {1e300, 1e-300, 2e300, -0.0})));
        s.add(Sample.of("(4,) zeros of both signs", kinds(Kind.EDGE), Attrs.none(), Samples.values(-0.0, -0.0, 0.0, -0.0)));
        s.addAll(cancellation());
        s.addAll(ReductionSamples.dimErrors(op, draw));
        // A repeated dim and one out of range: aten's structured reductions wrap every dim before they
        // look for repeats, so the range error wins (var/std look dim by dim). Found by scripts/fuzz.
        s.add(Sample.error("() dims={-1,-1,1}",
                "Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                dimsAttrs(new int[] {-1, -1, 1}, false), Input.of(new int[] {}, -0.5)));
        s.add(Sample.error("(3,4) dims={0,0,2}",
                "Dimension out of range (expected to be in range of [-2, 1], but got 2)",
                dimsAttrs(new int[] {0, 0, 2}, true),
                draw.draw(Samples.rng(op, "(3,4) dims={0,0,2}"), new int[] {3, 4})));
        s.addAll(ReductionSamples.beyond64Dims(op));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.alongDims().orderDependent())
                .oracle(Oracle.kernel("aten::sum, aten::sum.dim_IntList", Oracle.DJL))
                .nano((in, a) -> a.has("dims") ? in[0].sum(dims(a), keepdim(a)) : in[0].sum())
                .torch((in, a) -> a.has("dims")
                        ? JniUtils.sum(pt(in[0]), longs(dims(a)), keepdim(a))
                        : JniUtils.sum(pt(in[0])))
                .samples(s)
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, "linear: no kinks or ties")
                .build();
    }

    /**
     * Sums under heavy cancellation: ±1e300 next to ordinary values. The result depends on the
     * order of the additions (1e300 + 1 rounds to 1e300). aten's CPU sum (SumKernel.cpp,
     * vectorized_inner_sum / row_sum / multi_row_sum) reads a contiguous row as vectors of 4
     * doubles (8 under avx512), spreads the vectors over 4 interleaved accumulators (ilp_factor),
     * each a cascade of levels of at least 16 elements, and finally adds the scalar tail and then
     * each vector lane to the result in order. So the order depends on the vector width, i.e. on
     * the CPU dispatch: for (1e300, 1, -1e300, 1, 2, 1e300, -1e300, 3) the 4-wide lanes hold
     * (1e300, 1e300, -2e300, 4) and the sum is 4; summed left to right it is 3 (the exact sum is 8).
     * nano adds left to right (its own documented order); reproducing aten's order would tie nano
     * to one vector width. These cases are marked order-dependent: compared with an atol of a few
     * ulps of the largest magnitude, with the reason in the report. What they still check: no
     * overflow to ±inf and no NaN where PyTorch has neither, the sign and the rough size.
     */
    private static List<Sample> cancellation() {
        Tolerance orderDependent = Tolerance.looser(1e-10, 8 * Math.ulp(1e300), "order-dependent: a sum of ±1e300 "
                + "and ordinary values depends on the order of additions, which in aten's cascade_sum depends on the "
                + "CPU's vector width; nano adds left to right (atol: 8 ulps of 1e300)");
        return List.of(
                Sample.of("(8,) heavy cancellation", kinds(Kind.EDGE), Attrs.none(),
                        Samples.values(1e300, 1, -1e300, 1, 2, 1e300, -1e300, 3)).withTolerance(orderDependent),
                Sample.of("(2,5) heavy cancellation dim=1", kinds(Kind.EDGE), dimsAttrs(new int[] {1}, false),
                        matrix(new double[] {1e300, 0.5, -1e300, 0.25, 1}, new double[] {-2, 1e300, 3, -1e300, 4}))
                        .withTolerance(orderDependent));
    }

    // ---------------------------------------------------------------- mean

    /** {@code mean()} and {@code mean(dims, keepdim)}: torch.mean through the bridge (DJL has one dim only). */
    private static OpInfo mean() {
        String op = "mean";
        Draw draw = ReductionSamples.domain(SIGNED);
        List<Sample> s = new ArrayList<>(ReductionSamples.dims(op, draw, true));
        s.addAll(ReductionSamples.emptyDims(op, draw, true));
        s.add(Sample.of("(3,4) NaN, inf, inf-inf dim=1", kinds(Kind.EDGE), dimsAttrs(new int[] {1}, false),
                matrix(new double[] {1, NAN, 2, 3}, new double[] {INF, 1, -2, 0.5},
                        new double[] {INF, -INF, 1, 2})));
        s.add(Sample.of("(3,4) -inf, overflow, huge dims={0,1}", kinds(Kind.EDGE), dimsAttrs(new int[] {0, 1}, false),
                matrix(new double[] {1, 1, 2, 3}, new double[] {1e308, 1e308, 1, 2},
                        new double[] {1e300, 1e-300, 2e300, -0.0})));
        s.add(Sample.of("(3,4) -inf, overflow, huge dim=-1", kinds(Kind.EDGE), dimsAttrs(new int[] {-1}, true),
                matrix(new double[] {-INF, 1, 2, 3}, new double[] {1e308, 1e308, 1, 2},
                        new double[] {1e300, 1e-300, 2e300, -0.0})));
        s.addAll(ReductionSamples.dimErrors(op, draw));
        s.addAll(ReductionSamples.beyond64Dims(op));
        // aten's mean infers no output dtype for an integer or bool input (nano once gave its generic
        // dtype message here). Found from outside: longTensor(...).mean().
        String noDtype = "mean(): could not infer output dtype. Input dtype must be either a floating point or "
                + "complex dtype. Got: ";
        s.add(Sample.error("int64 (2,)", noDtype + "Long", Attrs.none(), Input.int64(new int[] {2}, 2, 3)));
        s.add(Sample.error("bool (2,)", noDtype + "Bool", Attrs.none(), Input.bool(new int[] {2}, 1, 0)));
        s.add(Sample.error("int64 (2,2) dim=0", noDtype + "Long", dimsAttrs(new int[] {0}, false),
                Input.int64(new int[] {2, 2}, 1, 2, 3, 4)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.alongDims().orderDependent())
                .nano((in, a) -> a.has("dims") ? in[0].mean(dims(a), keepdim(a)) : in[0].mean())
                .oracle(Oracle.kernel("aten::mean, aten::mean.dim", Oracle.TORCHSCRIPT))
                .torch((in, a) -> a.has("dims") ? MEAN.call(in[0], dims(a), keepdim(a)) : MEAN_ALL.call(in[0]))
                .samples(s)
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, "linear: no kinks or ties")
                .build();
    }

    // ---------------------------------------------------------------- var / std

    /**
     * {@code var/std}: no dims attribute is nano's {@code x.var()} (correction 1, torch's
     * {@code dim=None}); otherwise {@code x.var(dims, correction, keepdim)} with correction 1
     * unless given, where an empty dims list is also torch's {@code dim=None} (nano's convention;
     * the difference from naming every dim shows only when N <= correction, see the cases).
     */
    private static OpInfo variance(String op, boolean std) {
        Draw draw = ReductionSamples.domain(SIGNED);
        List<Sample> s = new ArrayList<>();
        for (Sample sample : ReductionSamples.dims(op, draw, true)) {
            // A 0-d input is one element: N - 1 = 0, so var is NaN (and so is its gradient).
            s.add(sample.inputs().get(0).shape().length == 0 ? ReductionSamples.withKind(sample, Kind.EDGE) : sample);
        }
        for (double c : new double[] {0.0, 2.0, 0.5}) {
            for (int[] dims : new int[][] {{}, {1}, {0, 2}}) {
                int[] shape = dims.length == 0 ? new int[] {3, 4} : new int[] {2, 3, 4};
                String id = ReductionSamples.id(shape, dims, dims.length == 2) + " correction=" + c;
                s.add(Sample.of(id, kinds(Kind.DIMS), corrected(dims, c, dims.length == 2),
                        draw.draw(Samples.rng(op, id), shape)));
            }
        }
        s.addAll(ReductionSamples.emptyDims(op, draw, true));
        // N <= correction: the forward divides by max(0, N - c) = 0; the backward is aten's
        // special case (dim=None / 0-d) or the unclamped formula (dims named).
        Input five = Samples.values(0.3, -1.2, 0.9, 1.7, -0.4);
        s.add(Sample.of("() correction=1", kinds(Kind.EDGE), Attrs.none(), Input.of(new int[] {}, 0.7)));
        s.add(Sample.of("() dim=0 correction=0", kinds(Kind.EDGE), corrected(new int[] {0}, 0.0, false),
                Input.of(new int[] {}, 0.7)));
        s.add(Sample.of("(1,) correction=1", kinds(Kind.EDGE), Attrs.none(), Samples.values(0.7)));
        s.add(Sample.of("(1,) dim=0 correction=1", kinds(Kind.EDGE), corrected(new int[] {0}, 1.0, false),
                Samples.values(0.7)));
        s.add(Sample.of("(5,) all correction=5", kinds(Kind.EDGE), corrected(new int[] {}, 5.0, false), five));
        s.add(Sample.of("(5,) all correction=6", kinds(Kind.EDGE), corrected(new int[] {}, 6.0, true), five));
        s.add(Sample.of("(5,) dim=0 correction=5", kinds(Kind.EDGE), corrected(new int[] {0}, 5.0, false), five));
        s.add(Sample.of("(5,) dim=-1 correction=7", kinds(Kind.EDGE), corrected(new int[] {-1}, 7.0, true), five));
        s.add(Sample.of("(3,) element at the mean, all correction=3", kinds(Kind.EDGE),
                corrected(new int[] {}, 3.0, false), Samples.values(1, 2, 3)));
        s.add(Sample.of("(3,) element at the mean, dim=0 correction=3", kinds(Kind.EDGE),
                corrected(new int[] {0}, 3.0, false), Samples.values(1, 2, 3)));
        s.add(Sample.of("(3,4) dim=1 correction=4", kinds(Kind.EDGE), corrected(new int[] {1}, 4.0, false),
                draw.draw(Samples.rng(op, "(3,4) dim=1 correction=4"), new int[] {3, 4})));
        s.add(Sample.of("(3,4) dims={0,1} correction=12", kinds(Kind.EDGE), corrected(new int[] {0, 1}, 12.0, false),
                draw.draw(Samples.rng(op, "(3,4) correction=12"), new int[] {3, 4})));
        s.add(Sample.of("(3,4) all correction=12", kinds(Kind.EDGE), corrected(new int[] {}, 12.0, false),
                draw.draw(Samples.rng(op, "(3,4) correction=12"), new int[] {3, 4})));
        // A NaN correction: aten divides by std::max(0.0, N - NaN) = 0 in the full reduction and by 0 in the
        // Welford path (N > NaN is false), so the result is inf, not NaN. Found by scripts/fuzz.
        Sample nanCorrection = Sample.of("(1,4) all correction=NaN", kinds(Kind.EDGE),
                corrected(new int[] {}, NAN, true), matrix(new double[] {0.003449, 2.0, -2.709977, -0.0}));
        s.add(std ? nanCorrection : UnarySamples.forwardOnly(nanCorrection, "var's torch side is composed and "
                + "differentiates max(0, N - NaN) = 0 to -inf; aten's var_backward has dof = N - NaN, not <= 0, so "
                + "(2 / NaN) · g · (x - mean) = NaN, as nano"));
        s.add(Sample.of("(2,4) dim=1 correction=NaN", kinds(Kind.EDGE), corrected(new int[] {1}, NAN, false),
                matrix(new double[] {0.003449, 2.0, -2.709977, -0.0}, new double[] {1, 1, 1, 1})));
        // Constant groups: var 0 with gradient 0; std 0 with gradient masked to 0 (std_backward in PyTorch's
        // torch/csrc/autograd/FunctionsManual.cpp).
        Kind constantKind = std ? Kind.NONDIFF : Kind.EDGE;
        s.add(Sample.of("(3,4) constant row dim=1", kinds(constantKind), corrected(new int[] {1}, 1.0, false),
                matrix(new double[] {1.5, 1.5, 1.5, 1.5}, new double[] {0.5, -1, 2, 0.25},
                        new double[] {-2, -2, -2, -2})));
        s.add(Sample.of("(4,) constant", kinds(constantKind), Attrs.none(), Samples.values(1.5, 1.5, 1.5, 1.5)));
        s.add(Sample.of("(3,4) NaN, inf dim=1", kinds(Kind.EDGE), corrected(new int[] {1}, 1.0, false),
                matrix(new double[] {1, NAN, 2, 3}, new double[] {INF, 1, -2, 0.5},
                        new double[] {0.5, -1, 2, 0.25})));
        s.add(Sample.of("(5,) -inf", kinds(Kind.EDGE), Attrs.none(), Samples.values(0.5, -INF, 1, 2, 3)));
        s.addAll(ReductionSamples.dimErrors(op, draw));
        OpInfo.Builder builder = OpInfo.builder(op, "ops");
        builder.fuzz(FuzzRule.alongDims().orderDependent());
        if (!std) {
            builder.exclude(Kind.NONDIFF, "a polynomial in x: no kinks or ties (constant groups and N <= correction "
                    + "are EDGE cases)");
        }
        return builder
                .nano((in, a) -> {
                    if (!a.has("dims")) {
                        return std ? in[0].std() : in[0].var();
                    }
                    double c = a.has("correction") ? a.getDouble("correction") : 1.0;
                    return std ? in[0].std(dims(a), c, keepdim(a)) : in[0].var(dims(a), c, keepdim(a));
                })
                .oracle(Oracle.kernel(std ? "aten::std.correction" : "aten::var.correction", Oracle.TORCHSCRIPT))
                .torch((in, a) -> {
                    // No dims, or an empty list: torch's dim=None (nano's convention).
                    double c = a.has("correction") ? a.getDouble("correction") : 1.0;
                    if (a.has("dims") && dims(a).length > 0) {
                        return (std ? STD : VAR).call(in[0], dims(a), c, keepdim(a));
                    }
                    return (std ? STD_ALL : VAR_ALL).call(in[0], c, keepdim(a));
                })
                .samples(s)
                .nativeWarning(op + "(): degrees of freedom is <= 0", ReductionCases::degreesOfFreedomAtMostZero)
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR + " (correction is a parameter, not an operand)")
                .build();
    }

    /**
     * aten's warn_invalid_degrees_of_freedom (aten/src/ATen/native/ReduceOps.cpp): var and std warn
     * when the reduction factor (input numel / output numel, 0 for an empty output) minus the
     * correction is <= 0 — the N <= correction cases, 0-d and empty inputs among them. A NaN
     * correction compares false, so it does not warn; nor does a case refused before the kernel runs.
     */
    private static boolean degreesOfFreedomAtMostZero(Sample sample) {
        if (sample.isError()) {
            return false;
        }
        Attrs a = sample.attrs();
        int[] shape = sample.inputs().get(0).shape();
        double correction = a.has("correction") ? a.getDouble("correction") : 1.0;
        int[] named = a.has("dims") ? dims(a) : new int[0];
        boolean[] reduced = new boolean[Math.max(shape.length, 1)];
        for (int d : named) {
            reduced[dev.nano.Shape.wrapDim(d, shape.length)] = true;
        }
        long outNumel = 1;
        for (int d = 0; d < shape.length; d++) {
            outNumel *= named.length == 0 || reduced[d] ? 1 : shape[d];
        }
        long factor = outNumel == 0 ? 0 : dev.nano.Shape.numel(shape) / outNumel;
        return factor - correction <= 0;
    }

    private static Attrs corrected(int[] dims, double correction, boolean keepdim) {
        return dimsAttrs(dims, keepdim).with("correction", correction);
    }

    // ---------------------------------------------------------------- prod

    /** {@code prod()} and {@code prod(dim, keepdim)}: torch's own, through DJL. */
    private static OpInfo prod() {
        String op = "prod";
        Draw draw = ReductionSamples.domain(Domain.signed(0.5, 1.5));
        List<Sample> s = new ArrayList<>();
        for (int[] shape : Samples.SHAPES) {
            String id = Input.shapeText(shape);
            s.add(Sample.of(id, kinds(), Attrs.none(), draw.draw(Samples.rng(op, id), shape)));
        }
        s.addAll(ReductionSamples.singleDim(op, draw, null, true));
        s.add(Sample.of("(0,)", kinds(), Attrs.none(), draw.draw(Samples.rng(op, "(0,)"), new int[] {0})));
        s.add(Sample.of("(2,0,3)", kinds(), Attrs.none(), draw.draw(Samples.rng(op, "(2,0,3)"), new int[] {2, 0, 3})));
        s.add(ReductionSamples.dimCase(op, draw, null, new int[] {0}, 0, true));
        s.add(ReductionSamples.dimCase(op, draw, null, new int[] {2, 0, 3}, 1, false));
        s.add(ReductionSamples.dimCase(op, draw, null, new int[] {2, 0, 3}, 0, true));
        s.add(ReductionSamples.dimCase(op, draw, null, new int[] {2, 0, 3}, -1, false));
        // Zeros: the gradient switches from result / x to exclusive products (prod_backward).
        s.add(Sample.of("one zero", kinds(Kind.EDGE), Attrs.none(), Samples.values(1.5, 0, -2, 0.5, 3)));
        s.add(Sample.of("two zeros", kinds(Kind.EDGE), Attrs.none(), Samples.values(1.5, 0, -2, 0.0, 3)));
        s.add(Sample.of("-0.0", kinds(Kind.EDGE), Attrs.none(), Samples.values(1.5, -0.0, -2)));
        s.add(Sample.of("(3,4) one zero", kinds(Kind.EDGE), Attrs.none(),
                matrix(new double[] {1.5, 0.5, -2, 0.7}, new double[] {0.5, -1, 0, 0.25},
                        new double[] {-2, 1.1, 0.9, 1.3})));
        s.add(Sample.of("(3,4) zeros per row dim=1", kinds(Kind.EDGE), ReductionSamples.dimAttrs(null, 1, false),
                matrix(new double[] {1.5, 0.5, -2, 0.7}, new double[] {0.5, 0, -1, 0.25},
                        new double[] {0, 1.1, 0.0, 1.3})));
        s.add(Sample.of("(3,4) zeros per column dim=0 keepdim", kinds(Kind.EDGE), ReductionSamples.dimAttrs(null, 0, true),
                matrix(new double[] {1.5, 0.0, -2, 0.7}, new double[] {0.5, 1.2, -1, 0.0},
                        new double[] {-0.0, 1.1, 0.3, 0.0})));
        s.add(Sample.of("inf", kinds(Kind.EDGE), Attrs.none(), Samples.values(1.5, INF, -2)));
        s.add(Sample.of("zero and inf", kinds(Kind.EDGE), Attrs.none(), Samples.values(1.5, 0, INF, -2)));
        // Added for the mutation score (scripts/mutation-score): along a dim with an inf and no zero anywhere,
        // PyTorch's gradient is result / x (inf / inf = NaN at the inf), not the exclusive product; a nano that
        // always took the zero-safe path survived.
        s.add(Sample.of("(2,3) inf, no zero dim=1", kinds(Kind.EDGE), ReductionSamples.dimAttrs(null, 1, false),
                matrix(new double[] {1.5, INF, -2}, new double[] {0.5, 3, 1.25})));
        s.add(Sample.of("NaN", kinds(Kind.EDGE), Attrs.none(), Samples.values(1.5, NAN, -2)));
        s.add(Sample.of("overflow", kinds(Kind.EDGE), Attrs.none(), Samples.values(1e200, 1e200, 0.5)));
        // Two zeros beside an infinity: the exclusive products would be 0 * inf = NaN, but
        // prod_backward returns zeros when two or more elements are 0 (full reduction only).
        s.add(Sample.of("two zeros and inf", kinds(Kind.EDGE, Kind.NONDIFF), Attrs.none(),
                Samples.values(0, 2, 0.0, INF)));
        s.add(Sample.of("two zeros and inf dim=0", kinds(Kind.EDGE, Kind.NONDIFF), ReductionSamples.dimAttrs(null, 0, false),
                Samples.values(0, 2, 0.0, INF)));
        Input m = draw.draw(Samples.rng(op, "errors"), new int[] {3, 4});
        s.add(Sample.error("(3,4) dim=2", "Dimension out of range (expected to be in range of [-2, 1], but got 2)",
                ReductionSamples.dimAttrs(null, 2, false), m));
        s.add(Sample.error("(3,4) dim=-3", "Dimension out of range (expected to be in range of [-2, 1], but got -3)",
                ReductionSamples.dimAttrs(null, -3, false), m));
        s.add(Sample.error("() dim=1", "Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                ReductionSamples.dimAttrs(null, 1, false), draw.draw(Samples.rng(op, "errors"), new int[] {})));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.alongDims().orderDependent())
                .oracle(Oracle.kernel("aten::prod, aten::prod.dim_int", Oracle.DJL))
                .nano((in, a) -> a.has("dim") ? in[0].prod(a.getInt("dim"), keepdim(a)) : in[0].prod())
                .torch((in, a) -> a.has("dim")
                        ? JniUtils.prod(pt(in[0]), a.getInt("dim"), keepdim(a))
                        : JniUtils.prod(pt(in[0])))
                .samples(s)
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .build();
    }

    // ---------------------------------------------------------------- logsumexp

    /** torch.logsumexp through the bridge (DJL has no logsumexp). */
    private static OpInfo logsumexp() {
        String op = "logsumexp";
        Draw draw = ReductionSamples.domain(SIGNED);
        List<Sample> s = new ArrayList<>(ReductionSamples.dims(op, draw, false));
        s.addAll(ReductionSamples.emptyDims(op, draw, false));
        s.add(Sample.of("(4,3) -inf, all -inf, +inf, NaN dim=1", kinds(Kind.EDGE), dimsAttrs(new int[] {1}, false),
                matrix(new double[] {-INF, 1, 2}, new double[] {-INF, -INF, -INF}, new double[] {INF, 1, -2},
                        new double[] {0.5, NAN, 1})));
        s.add(Sample.of("(3,3) large magnitudes dim=-1", kinds(Kind.EDGE), dimsAttrs(new int[] {-1}, true),
                matrix(new double[] {1000, -1000, 0}, new double[] {1000, 1000, 999}, new double[] {-1e300, -1e300, -1000})));
        s.add(Sample.of("(2,3) large magnitudes all", kinds(Kind.EDGE), dimsAttrs(new int[] {}, false),
                matrix(new double[] {700, 710, -5}, new double[] {705, 0, 1})));
        s.add(Sample.of("(2,2,2) all -inf in one group dims={0,2}", kinds(Kind.EDGE), dimsAttrs(new int[] {0, 2}, false),
                Input.of(new int[] {2, 2, 2}, -INF, -INF, 0.5, 1, -INF, -INF, 2, -1)));
        s.add(Sample.of("(3,) ties", kinds(Kind.EDGE), dimsAttrs(new int[] {0}, false), Samples.values(1.5, 1.5, 1.5)));
        s.addAll(ReductionSamples.dimErrors(op, draw));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.alongDims().orderDependent())
                .nano((in, a) -> in[0].logsumexp(dims(a), keepdim(a)))
                // nano's empty dims list means every dim; PyTorch's is spelled out. (torch.logsumexp(x,
                // dim=[]) itself raises in 2.7.1 without keepdim, "output with shape [] doesn't match
                // the broadcast shape [1]": logsumexp_out_impl adds the keepdim-shaped max in place.)
                .torchKernel(LOGSUMEXP, (in, a) -> LOGSUMEXP.call(in[0], everyDimIfEmpty(dims(a), in[0]), keepdim(a)))
                .samples(s)
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, "smooth everywhere: the max shift is not differentiated through (ties in it do "
                        + "not matter; see the ties case under EDGE)")
                .build();
    }
}
