package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.nano.Tensor;
import dev.nano.ValuesIndices;
import dev.nano.oracle.cases.ReductionSamples.Draw;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.nano.oracle.cases.ReductionSamples.dimAttrs;
import static dev.nano.oracle.cases.ReductionSamples.dimsAttrs;
import static dev.nano.oracle.cases.ReductionTorch.pt;
import static dev.nano.oracle.cases.Samples.INF;
import static dev.nano.oracle.cases.Samples.NAN;
import static dev.nano.oracle.cases.Samples.kinds;

/**
 * {@code amax amin max min argmax argmin}. The three differentiable forms split a tie's gradient
 * differently (PyTorch's tools/autograd/derivatives.yaml and torch/csrc/autograd/FunctionsManual.cpp: {@code evenly_distribute_backward},
 * {@code value_selecting_reduction_backward}), which is what the NONDIFF cases pin down:
 * <ul>
 *   <li>{@code amax/amin(dims)}: g/k to each of k tied elements (torch.amax through the
 *       TorchScript bridge: DJL does not reach amax);</li>
 *   <li>{@code max()/min()} (attr form=all): torch's {@code x.max()}, g/k to each tie
 *       ({@code evenly_distribute_backward}), g/k to each NaN when the result is NaN;</li>
 *   <li>{@code max/min(dim, keepdim)} (form=dim): torch's {@code x.max(dim, keepdim)}, values
 *       and indices (first occurrence), all of g to the returned index (through the bridge: DJL
 *       returns only the values of max.dim, and argmax is a different kernel).</li>
 * </ul>
 * Random inputs are distinct values at least 0.2 apart, so smooth cases have no near-ties. The
 * min ops see the negated tie/edge data of the max ops (NaN stays NaN).
 */
final class ExtremaCases {
    private ExtremaCases() {
    }

    private static final AtenKernel AMAX = AtenKernel.of("aten::amax", "x: Tensor, dims: List[int], keepdim: bool",
            "torch.amax(x, dims, keepdim)");
    private static final AtenKernel AMIN = AtenKernel.of("aten::amin", "x: Tensor, dims: List[int], keepdim: bool",
            "torch.amin(x, dims, keepdim)");
    private static final AtenKernel MAX_ALL = AtenKernel.of("aten::max", "x: Tensor", "torch.max(x)");
    private static final AtenKernel MIN_ALL = AtenKernel.of("aten::min", "x: Tensor", "torch.min(x)");
    private static final AtenKernel MAX_VALUES = AtenKernel.of("aten::max.dim", "x: Tensor, dim: int, keepdim: bool",
            "torch.max(x, dim, keepdim)[0]");
    private static final AtenKernel MAX_INDICES = AtenKernel.of("aten::max.dim", "x: Tensor, dim: int, keepdim: bool",
            "torch.max(x, dim, keepdim)[1]");
    private static final AtenKernel MIN_VALUES = AtenKernel.of("aten::min.dim", "x: Tensor, dim: int, keepdim: bool",
            "torch.min(x, dim, keepdim)[0]");
    private static final AtenKernel MIN_INDICES = AtenKernel.of("aten::min.dim", "x: Tensor, dim: int, keepdim: bool",
            "torch.min(x, dim, keepdim)[1]");

    private static final String ONE_INPUT = "one tensor input: nothing to broadcast";
    private static final String NO_SCALAR = "no tensor-scalar form";
    private static final String EMPTY_ALL = "Expected reduction dim to be specified for input.numel() == 0";

    static List<OpInfo> entries() {
        return List.of(
                amax("amax", true), amax("amin", false),
                max("max", true), max("min", false),
                argmax("argmax", true), argmax("argmin", false));
    }

    /** Data written for the max ops; the min ops get it negated. */
    private static double[] signed(boolean max, double... v) {
        double[] out = v.clone();
        if (!max) {
            for (int i = 0; i < out.length; i++) {
                out[i] = -out[i];
            }
        }
        return out;
    }

    private static Input tensor(boolean max, int[] shape, double... v) {
        return Input.of(shape, signed(max, v));
    }

    /** Small integers: a (2,3,4) tensor full of ties. */
    private static Input integers(String op, String id, int[] shape) {
        Random r = Samples.rng(op, id);
        double[] v = Samples.uniform(r, dev.nano.Shape.numel(shape), -2.5, 2.5);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.rint(v[i]);
        }
        return Input.of(shape, v);
    }

    // ---------------------------------------------------------------- amax / amin

    private static OpInfo amax(String op, boolean max) {
        Draw draw = ReductionSamples.spaced();
        List<Sample> s = new ArrayList<>(ReductionSamples.dims(op, draw, true));
        s.addAll(ReductionSamples.emptyNonEmptyGroups(op, draw));
        int[] m34 = {3, 4};
        double[] ties = {2, 1, 2, 0, -1, 2, 0.5, 1, 0, 0, 1, -3};
        s.add(Sample.of("(3,4) ties", kinds(Kind.NONDIFF), Attrs.none(), tensor(max, m34, ties)));
        s.add(Sample.of("(3,4) ties all keepdim", kinds(Kind.NONDIFF, Kind.DIMS), dimsAttrs(new int[0], true),
                tensor(max, m34, ties)));
        double[] rowTies = {1, 3, 3, 0, 5, 0, 5, 5, 2, 2, 2, 2};
        s.add(Sample.of("(3,4) ties dim=1", kinds(Kind.NONDIFF, Kind.DIMS), dimsAttrs(new int[] {1}, false),
                tensor(max, m34, rowTies)));
        s.add(Sample.of("(3,4) ties dim=0 keepdim", kinds(Kind.NONDIFF, Kind.DIMS), dimsAttrs(new int[] {0}, true),
                tensor(max, m34, 1, 3, 0, 4, 1, 3, 4, 4, -1, 3, 4, 2)));
        for (int[] dims : new int[][] {{0, 2}, {-1, 0}, {1}, {}}) {
            String id = ReductionSamples.id(new int[] {2, 3, 4}, dims, dims.length == 1) + " integer ties";
            s.add(Sample.of(id, kinds(Kind.NONDIFF, Kind.DIMS), dimsAttrs(dims, dims.length == 1),
                    integers(op, id, new int[] {2, 3, 4})));
        }
        s.add(Sample.of("(4,) zeros of both signs", kinds(Kind.NONDIFF), Attrs.none(), tensor(max, new int[] {4}, -0.0, 0.0, -1, -2)));
        s.add(Sample.of("(3,4) NaN dim=1", kinds(Kind.EDGE), dimsAttrs(new int[] {1}, false),
                tensor(max, m34, 1, NAN, 3, 0, NAN, NAN, 1, 2, 1, 2, 3, 4)));
        s.add(Sample.of("(5,) NaN", kinds(Kind.EDGE), Attrs.none(), tensor(max, new int[] {5}, 1, NAN, 3, NAN, 2)));
        s.add(Sample.of("(3,4) inf, all -inf dim=-1", kinds(Kind.EDGE, Kind.NONDIFF), dimsAttrs(new int[] {-1}, true),
                tensor(max, m34, INF, 1, INF, 0, -INF, -INF, -INF, -INF, -INF, 1, 2, 3)));
        s.add(Sample.of("(3,4) huge dims={0,1}", kinds(Kind.EDGE), dimsAttrs(new int[] {0, 1}, false),
                tensor(max, m34, 1e300, -1e300, 1e-300, 0, 1, 2, 3, 4, 5, 6, 7, 1e300)));
        s.addAll(ReductionSamples.dimErrors(op, draw));
        s.add(Sample.error("(0,)", EMPTY_ALL, Attrs.none(), Input.of(new int[] {0})));
        s.add(Sample.error("(2,0,3) all keepdim", EMPTY_ALL, dimsAttrs(new int[0], true), Input.of(new int[] {2, 0, 3})));
        s.add(Sample.error("(2,0,3) dim=1", "Expected reduction dim 1 to have non-zero size",
                dimsAttrs(new int[] {1}, false), Input.of(new int[] {2, 0, 3})));
        s.add(Sample.error("(2,0,3) dims={0,1}", "Expected reduction dim 1 to have non-zero size",
                dimsAttrs(new int[] {0, 1}, true), Input.of(new int[] {2, 0, 3})));
        s.addAll(ReductionSamples.beyond64Dims(op));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.alongDims())
                .nano((in, a) -> {
                    if (!a.has("dims")) {
                        return max ? in[0].amax() : in[0].amin();
                    }
                    int[] d = ReductionCases.dims(a);
                    return max ? in[0].amax(d, ReductionCases.keepdim(a)) : in[0].amin(d, ReductionCases.keepdim(a));
                })
                .oracle(Oracle.kernel(max ? "aten::amax" : "aten::amin", Oracle.TORCHSCRIPT))
                .torch((in, a) -> (max ? AMAX : AMIN).call(in[0],
                        a.has("dims") ? ReductionCases.dims(a) : new int[0], ReductionCases.keepdim(a)))
                .samples(s)
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .build();
    }

    // ---------------------------------------------------------------- max / min

    private static OpInfo max(String op, boolean max) {
        Draw draw = ReductionSamples.spaced();
        List<Sample> s = new ArrayList<>();
        addForms(s, op, draw, max);
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.alongDims())
                .oracle(Oracle.kernel(max ? "aten::max, aten::max.dim" : "aten::min, aten::min.dim",
                        Oracle.TORCHSCRIPT))
                .nanoMulti((in, a) -> {
                    if (a.getString("form").equals("all")) {
                        return new Tensor[] {max ? in[0].max() : in[0].min()};
                    }
                    int dim = a.getInt("dim");
                    ValuesIndices vi = max ? in[0].max(dim, a.getBool("keepdim")) : in[0].min(dim, a.getBool("keepdim"));
                    return new Tensor[] {vi.values(), vi.indices()};
                })
                .torchMulti((in, a) -> {
                    if (a.getString("form").equals("all")) {
                        return new NDArray[] {max ? MAX_ALL.call(in[0]) : MIN_ALL.call(in[0])};
                    }
                    int dim = a.getInt("dim");
                    boolean keep = a.getBool("keepdim");
                    // Both outputs of one kernel, max.dim: its values (differentiated) and its indices.
                    return max
                            ? new NDArray[] {MAX_VALUES.call(in[0], dim, keep), MAX_INDICES.call(in[0], dim, keep)}
                            : new NDArray[] {MIN_VALUES.call(in[0], dim, keep), MIN_INDICES.call(in[0], dim, keep)};
                })
                .samples(s)
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .build();
    }

    /** The cases of max/min and argmax/argmin: form=all (x.max()) and form=dim (x.max(dim, keepdim)). */
    private static void addForms(List<Sample> s, String op, Draw draw, boolean max) {
        Attrs all = ReductionSamples.allAttrs("all");
        for (int[] shape : Samples.SHAPES) {
            String id = Input.shapeText(shape);
            s.add(Sample.of(id, kinds(), all, draw.draw(Samples.rng(op, id), shape)));
        }
        s.addAll(ReductionSamples.singleDim(op, draw, "dim", true));
        // Ties: form=all splits (argmax: first), form=dim picks the first index.
        s.add(Sample.of("(5,) ties", kinds(Kind.NONDIFF), all, tensor(max, new int[] {5}, 1, 3, 3, 0, 3)));
        s.add(Sample.of("(3,4) ties", kinds(Kind.NONDIFF), all,
                tensor(max, new int[] {3, 4}, 2, 1, 2, 0, -1, 2, 0.5, 1, 0, 0, 1, -3)));
        s.add(Sample.of("(2,) zeros of both signs", kinds(Kind.NONDIFF), all, tensor(max, new int[] {2}, -0.0, 0.0)));
        s.add(Sample.of("(2,3) ties dim=1", kinds(Kind.NONDIFF, Kind.DIMS), dimAttrs("dim", 1, false),
                tensor(max, new int[] {2, 3}, 1, 3, 3, 5, 0, 5)));
        s.add(Sample.of("(3,4) ties dim=0 keepdim", kinds(Kind.NONDIFF, Kind.DIMS), dimAttrs("dim", 0, true),
                tensor(max, new int[] {3, 4}, 1, 3, 0, 4, 1, 3, 4, 4, -1, 3, 4, 2)));
        s.add(Sample.of("(2,3,4) integer ties dim=-2", kinds(Kind.NONDIFF, Kind.DIMS), dimAttrs("dim", -2, false),
                integers(op, "(2,3,4) integer ties dim=-2", new int[] {2, 3, 4})));
        // NaN wins (the first NaN's index); infinities.
        s.add(Sample.of("(5,) NaN", kinds(Kind.EDGE), all, tensor(max, new int[] {5}, 1, NAN, 3, NAN, 2)));
        s.add(Sample.of("(3,4) NaN dim=1", kinds(Kind.EDGE, Kind.DIMS), dimAttrs("dim", 1, false),
                tensor(max, new int[] {3, 4}, 1, NAN, 3, 0, NAN, NAN, 1, 2, 1, 2, 3, NAN)));
        s.add(Sample.of("(3,) inf ties", kinds(Kind.EDGE, Kind.NONDIFF), all, tensor(max, new int[] {3}, INF, 1, INF)));
        s.add(Sample.of("(3,) all -inf", kinds(Kind.EDGE, Kind.NONDIFF), all, tensor(max, new int[] {3}, -INF, -INF, -INF)));
        s.add(Sample.of("(3,4) inf, all -inf dim=-1 keepdim", kinds(Kind.EDGE, Kind.NONDIFF, Kind.DIMS),
                dimAttrs("dim", -1, true),
                tensor(max, new int[] {3, 4}, INF, 1, INF, 0, -INF, -INF, -INF, -INF, -INF, 1, 2, 3)));
        s.add(Sample.of("(4,) huge", kinds(Kind.EDGE), all, tensor(max, new int[] {4}, 1e300, -1e300, 1e-300, 1e308)));
        // Empty inputs: fine along a non-empty dim, errors otherwise.
        s.add(ReductionSamples.dimCase(op, draw, "dim", new int[] {2, 0, 3}, 0, false));
        s.add(ReductionSamples.dimCase(op, draw, "dim", new int[] {2, 0, 3}, -1, true));
        s.add(Sample.error("(0,)", EMPTY_ALL, all, Input.of(new int[] {0})));
        s.add(Sample.error("(2,0,3)", EMPTY_ALL, all, Input.of(new int[] {2, 0, 3})));
        s.add(Sample.error("(2,0,3) dim=1", "Expected reduction dim 1 to have non-zero size", dimAttrs("dim", 1, false),
                Input.of(new int[] {2, 0, 3})));
        s.add(Sample.error("(2,0,3) dim=-2 keepdim", "Expected reduction dim 1 to have non-zero size",
                dimAttrs("dim", -2, true), Input.of(new int[] {2, 0, 3})));
        s.add(Sample.error("(0,) dim=0", "Expected reduction dim 0 to have non-zero size", dimAttrs("dim", 0, false),
                Input.of(new int[] {0})));
        Random r = Samples.rng(op, "errors");
        Input m = draw.draw(r, new int[] {3, 4});
        s.add(Sample.error("(3,4) dim=2", "Dimension out of range (expected to be in range of [-2, 1], but got 2)",
                dimAttrs("dim", 2, false), m));
        s.add(Sample.error("(3,4) dim=-3", "Dimension out of range (expected to be in range of [-2, 1], but got -3)",
                dimAttrs("dim", -3, true), m));
        s.add(Sample.error("() dim=1", "Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                dimAttrs("dim", 1, false), draw.draw(r, new int[] {})));
    }

    // ---------------------------------------------------------------- argmax / argmin

    private static OpInfo argmax(String op, boolean max) {
        Draw draw = ReductionSamples.spaced();
        List<Sample> s = new ArrayList<>();
        addForms(s, op, draw, max);
        List<Sample> constants = new ArrayList<>();
        for (Sample sample : s) {
            constants.add(ReductionSamples.constants(sample));
        }
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.alongDims())
                .oracle(Oracle.kernel(max ? "aten::argmax" : "aten::argmin", Oracle.DJL))
                .notDifferentiable("returns INT64 indices, which have no gradient (the NONDIFF-tagged cases pin "
                        + "down which index a tie or a NaN gives)")
                .nano((in, a) -> {
                    if (a.getString("form").equals("all")) {
                        return max ? in[0].argmax() : in[0].argmin();
                    }
                    int dim = a.getInt("dim");
                    boolean keep = a.getBool("keepdim");
                    return max ? in[0].argmax(dim, keep) : in[0].argmin(dim, keep);
                })
                .torch((in, a) -> {
                    if (a.getString("form").equals("all")) {
                        return max ? JniUtils.argMax(pt(in[0])) : JniUtils.argMin(pt(in[0]));
                    }
                    int dim = a.getInt("dim");
                    boolean keep = a.getBool("keepdim");
                    return max ? JniUtils.argMax(pt(in[0]), dim, keep) : JniUtils.argMin(pt(in[0]), dim, keep);
                })
                .samples(constants)
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .build();
    }
}
