package dev.nano.oracle.cases;

import dev.nano.Nano;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.nano.oracle.cases.MovementSupport.draw;
import static dev.nano.oracle.cases.MovementSupport.drawAll;
import static dev.nano.oracle.cases.MovementSupport.edges;
import static dev.nano.oracle.cases.Samples.NAN;
import static dev.nano.oracle.cases.Samples.kinds;

/**
 * {@code indexSelect maskedSelect nonzero scatter scatterAdd indexAdd indexCopy indexFill}, each
 * through PyTorch's own kernel on the TorchScript bridge. Duplicate indices are cases of their own
 * (tagged NONDIFF: which write survives is a choice): what libtorch 2.7.1's CPU kernels answered,
 * recorded in the fixtures, is that scatter and index_copy keep the last write in row-major order
 * of the index, and scatter_add / index_add add every duplicate; the gradient of an overwritten
 * source element is still {@code grad.gather(dim, index)} (PyTorch's formula, not the "true"
 * derivative, which is why finite differences are not asked of duplicate cases).
 */
final class ScatterCases {
    private ScatterCases() {
    }

    private static final AtenKernel INDEX_SELECT = AtenKernel.of("aten::index_select",
            "x: Tensor, dim: int, index: Tensor", "torch.index_select(x, dim, index)");
    private static final AtenKernel MASKED_SELECT = AtenKernel.of("aten::masked_select", "x: Tensor, mask: Tensor",
            "torch.masked_select(x, mask)");
    private static final AtenKernel NONZERO = AtenKernel.of("aten::nonzero", "x: Tensor", "torch.nonzero(x)");
    private static final AtenKernel SCATTER = AtenKernel.of("aten::scatter.src",
            "x: Tensor, dim: int, index: Tensor, src: Tensor", "torch.scatter(x, dim, index, src)");
    private static final AtenKernel SCATTER_VALUE = AtenKernel.of("aten::scatter.value",
            "x: Tensor, dim: int, index: Tensor, value: float", "torch.scatter(x, dim, index, value)");
    private static final AtenKernel SCATTER_ADD = AtenKernel.of("aten::scatter_add",
            "x: Tensor, dim: int, index: Tensor, src: Tensor", "torch.scatter_add(x, dim, index, src)");
    private static final AtenKernel INDEX_ADD = AtenKernel.of("aten::index_add",
            "x: Tensor, dim: int, index: Tensor, source: Tensor, alpha: float",
            "torch.index_add(x, dim, index, source, alpha=alpha)");
    private static final AtenKernel INDEX_COPY = AtenKernel.of("aten::index_copy",
            "x: Tensor, dim: int, index: Tensor, source: Tensor", "torch.index_copy(x, dim, index, source)");
    private static final AtenKernel INDEX_FILL = AtenKernel.of("aten::index_fill.int_Scalar",
            "x: Tensor, dim: int, index: Tensor, value: float", "torch.index_fill(x, dim, index, value)");

    private static final String NO_SCALAR = "no scalar operand";
    private static final String TEMPLATE = "the index is tied to the input's shape and sizes";
    private static final String DUPLICATES = "duplicate indices: which write survives (or the order of the sums)";

    static List<OpInfo> entries() {
        return List.of(indexSelect(), maskedSelect(), nonzero(), scatter(), scatterAdd(), indexAdd(), indexCopy(),
                indexFill());
    }

    private static Input longs(int[] shape, double... v) {
        return Input.int64(shape, v);
    }

    private static int[] ints(int... v) {
        return v;
    }

    /** Random positions in [0, size). */
    private static Input positions(String op, String id, int size, int... shape) {
        Random r = Samples.rng(op, id + "/index");
        double[] v = new double[dev.nano.Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(Math.max(size, 1));
        }
        return Input.int64(shape, v);
    }

    /** Distinct random positions in [0, size) (a permutation's first n), so that no write is overwritten. */
    private static Input distinctPositions(String op, String id, int size, int n) {
        Random r = Samples.rng(op, id + "/index");
        double[] all = new double[size];
        for (int i = 0; i < size; i++) {
            all[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Input.int64(new int[] {n}, java.util.Arrays.copyOf(all, n));
    }

    private static Attrs dim(int d) {
        return Attrs.of("dim", d);
    }

    // ---------------------------------------------------------------- indexSelect, maskedSelect, nonzero

    private static OpInfo indexSelect() {
        String op = "indexSelect";
        List<Sample> s = new ArrayList<>();
        Object[][] forms = {
            {ints(5), 0, ints(3)}, {ints(5), -1, ints(7)}, {ints(3, 4), 0, ints(2)}, {ints(3, 4), 1, ints(6)},
            {ints(3, 4), -2, ints()}, {ints(2, 3, 4), 1, ints(4)}, {ints(2, 3, 4), 2, ints(2)},
            {ints(), 0, ints(1)}, {ints(), -1, ints()}, {ints(3, 4), 1, ints(0)}, {ints(2, 0, 3), 2, ints(4)},
            {ints(0), 0, ints(0)},
        };
        for (Object[] f : forms) {
            int[] shape = (int[]) f[0];
            int d = (Integer) f[1];
            int[] is = (int[]) f[2];
            int size = shape.length == 0 ? 1 : shape[Math.floorMod(d, shape.length)];
            String id = Input.shapeText(shape) + " dim " + d + " index " + Input.shapeText(is);
            s.add(Sample.of(id, kinds(Kind.DIMS), dim(d), draw(op, id, shape), positions(op, id, size, is)));
        }
        s.add(Sample.of("(3,4) dim 1 index [3,3,0,3]", kinds(Kind.DIMS, Kind.EDGE), dim(1), draw(op, "repeat", 3, 4),
                longs(ints(4), 3, 3, 0, 3)));
        s.add(Sample.of("edge values dim 1", kinds(Kind.EDGE, Kind.DIMS), dim(1), edges(),
                longs(ints(6), 4, 0, 1, 2, 3, 3)));
        // aten checks on two paths, each in its own words: dim 1 or an empty input (of more than one dim), and the
        // general loop (as libtorch 2.7.1 answered).
        s.add(Sample.error("(3,4) dim 1 index 4", "INDICES element is out of DATA bounds, id=4 axis_dim=4", dim(1),
                draw(op, "e1", 3, 4), longs(ints(2), 0, 4)));
        s.add(Sample.error("(2,3,4) dim 2 index 4", "index out of range in self", dim(2), draw(op, "e7", 2, 3, 4),
                longs(ints(2), 0, 4)));
        s.add(Sample.error("(5,) dim 0 index 5", "index out of range in self", dim(0), draw(op, "e8", 5),
                longs(ints(1), 5)));
        s.add(Sample.error("(2,0,3) dim 2 index 3", "INDICES element is out of DATA bounds, id=3 axis_dim=3", dim(2),
                Input.of(ints(2, 0, 3)), longs(ints(1), 3)));
        s.add(Sample.error("(2,3,4) dim 1 index 3", "INDICES element is out of DATA bounds, id=3 axis_dim=3", dim(1),
                draw(op, "e9", 2, 3, 4), longs(ints(2), 3, 0)));
        s.add(Sample.error("(3,4) dim 0 index -1", "index out of range in self", dim(0), draw(op, "e2", 3, 4),
                longs(ints(2), 0, -1)));
        s.add(Sample.error("(3,4) index (2,2)", "index_select(): Index is supposed to be a vector", dim(0),
                draw(op, "e3", 3, 4), longs(ints(2, 2), 0, 1, 1, 0)));
        s.add(Sample.error("(3,4) float index", "index_select(): Expected dtype int32 or int64 for index", dim(0),
                draw(op, "e4", 3, 4), Input.constant(ints(2), 0, 1)));
        s.add(Sample.error("() index (2,)", "index_select(): Index to scalar can have only 1 value, got 2 value(s)",
                dim(0), draw(op, "e5"), longs(ints(2), 0, 0)));
        s.add(Sample.error("(3,4) dim 2", "Dimension out of range (expected to be in range of [-2, 1], but got 2)",
                dim(2), draw(op, "e6", 3, 4), longs(ints(1), 0)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes(TEMPLATE))
                .nano((in, a) -> Nano.indexSelect(in[0], a.getInt("dim"), in[1]))
                .torchKernel(INDEX_SELECT, (in, a) -> INDEX_SELECT.call(in[0], a.getInt("dim"), in[1]))
                .samples(s)
                .exclude(Kind.BROADCAST, "the index is a vector of positions, not broadcast")
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, "copies elements: linear; a repeated position sums its gradients (an EDGE case)")
                .build();
    }

    private static OpInfo maskedSelect() {
        String op = "maskedSelect";
        List<Sample> s = new ArrayList<>();
        int[][][] forms = {
            {{5}, {5}}, {{3, 4}, {3, 4}}, {{3, 4}, {4}}, {{3, 1}, {3, 4}}, {{4}, {3, 4}}, {{2, 3, 4}, {3, 1}},
            {{}, {}}, {{}, {3}}, {{3, 4}, {}}, {{0}, {0}}, {{2, 0, 3}, {3}}, {{3, 4}, {0, 1, 4}},
        };
        for (int[][] f : forms) {
            String id = Input.shapeText(f[0]) + " mask " + Input.shapeText(f[1]);
            Random r = Samples.rng(op, id + "/mask");
            double[] m = new double[dev.nano.Shape.numel(f[1])];
            for (int i = 0; i < m.length; i++) {
                m[i] = r.nextBoolean() ? 1 : 0;
            }
            boolean broadcast = !java.util.Arrays.equals(f[0], f[1]);
            s.add(Sample.of(id, broadcast ? kinds(Kind.BROADCAST) : kinds(), Attrs.none(), draw(op, id, f[0]),
                    Input.bool(f[1], m)));
        }
        s.add(Sample.of("edge values", kinds(Kind.EDGE), Attrs.none(), edges(),
                Input.bool(ints(2, 5), 1, 1, 0, 1, 1, 0, 1, 1, 1, 1)));
        s.add(Sample.error("(3,4) float mask", "masked_select: expected BoolTensor for mask", Attrs.none(),
                draw(op, "e1", 3, 4), Input.constant(ints(3, 4), new double[12])));
        s.add(Sample.error("(3,4) mask (3,)", "The size of tensor a (3) must match the size of tensor b (4) at "
                + "non-singleton dimension 1", Attrs.none(), draw(op, "e2", 3, 4), Input.bool(ints(3), 1, 0, 1)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.elementwise())
                .nano((in, a) -> Nano.maskedSelect(in[0], in[1]))
                .torchKernel(MASKED_SELECT, (in, a) -> MASKED_SELECT.call(in[0], in[1]))
                .samples(s)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.DIMS, "no dim argument")
                .exclude(Kind.NONDIFF, "copies elements: linear, no kinks or ties")
                .build();
    }

    private static OpInfo nonzero() {
        String op = "nonzero";
        List<Sample> s = new ArrayList<>();
        int[][] shapes = {{}, {5}, {3, 4}, {2, 3, 4}, {0}, {2, 0, 3}, {1, 1}};
        for (int[] shape : shapes) {
            String id = Input.shapeText(shape);
            Random r = Samples.rng(op, id);
            double[] v = new double[dev.nano.Shape.numel(shape)];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextBoolean() ? 0 : r.nextInt(5) - 2;
            }
            s.add(Sample.of(id, kinds(), Attrs.none(), Input.constant(shape, v)));
        }
        s.add(Sample.of("() zero", kinds(), Attrs.none(), Input.constant(ints(), 0)));
        s.add(Sample.of("edge values", kinds(Kind.EDGE), Attrs.none(),
                Input.constant(ints(2, 5), Samples.EDGE_VALUES.clone())));
        s.add(Sample.of("int64 (2,3)", kinds(), Attrs.none(), longs(ints(2, 3), 0, 3, 0, -1, 0, 0)));
        s.add(Sample.of("bool (4,)", kinds(), Attrs.none(), Input.bool(ints(4), 1, 0, 0, 1)));
        s.add(Sample.of("(2,2) all NaN", kinds(Kind.EDGE), Attrs.none(), Input.constant(ints(2, 2), NAN, NAN, 0, NAN)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.elementwise())
                .notDifferentiable("returns INT64 coordinates, which have no gradient")
                .nano((in, a) -> Nano.nonzero(in[0]))
                .torchKernel(NONZERO, (in, a) -> NONZERO.call(in[0]))
                .samples(s)
                .exclude(Kind.BROADCAST, "one tensor input: nothing to broadcast")
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.DIMS, "no dim argument")
                .exclude(Kind.ERROR, "accepts every tensor")
                .build();
    }

    // ---------------------------------------------------------------- scatter, scatterAdd

    /** The scatter-shaped cases: (dim, x shape, index shape, src shape). */
    private static final Object[][] SCATTER_FORMS = {
        {0, ints(5), ints(3), ints(3)}, {-1, ints(5), ints(4), ints(6)}, {0, ints(3, 4), ints(2, 4), ints(2, 4)},
        {1, ints(3, 4), ints(3, 2), ints(3, 3)}, {-2, ints(3, 4), ints(2, 3), ints(2, 4)},
        {1, ints(2, 3, 4), ints(2, 2, 4), ints(2, 3, 4)}, {2, ints(2, 3, 4), ints(1, 3, 3), ints(2, 3, 4)},
        {0, ints(), ints(), ints()}, {0, ints(3, 4), ints(0, 4), ints(2, 4)}, {1, ints(2, 0, 3), ints(2, 0, 3),
            ints(2, 0, 3)},
    };

    private static List<Sample> scatterSamples(String op, boolean withValue) {
        List<Sample> s = new ArrayList<>();
        for (Object[] f : SCATTER_FORMS) {
            int d = (Integer) f[0];
            int[] xs = (int[]) f[1];
            int[] is = (int[]) f[2];
            int[] ss = (int[]) f[3];
            int size = xs.length == 0 ? 1 : xs[Math.floorMod(d, xs.length)];
            String id = Input.shapeText(xs) + " dim " + d + " index " + Input.shapeText(is);
            Input[] xsrc = drawAll(op, id, xs, ss);
            if (!java.util.Arrays.equals(is, ss)) {
                // PyTorch's backward returns src's gradient in the index's shape, which autograd refuses when src
                // is larger ("returned an invalid gradient"): src is a constant there, x still differentiated.
                xsrc[1] = Input.constant(ss, xsrc[1].values());
            }
            // Distinct positions along each line, so that no write is overwritten (duplicates: their own cases).
            Input index = lineDistinct(op, id, size, is, Math.floorMod(d, Math.max(is.length, 1)));
            s.add(Sample.of(id, kinds(Kind.DIMS), dim(d), xsrc[0], index, xsrc[1]));
        }
        // Duplicates along a line: scatter keeps the last write, scatter_add adds them all.
        s.add(Sample.of("(3,4) dim 1 duplicate indices", kinds(Kind.NONDIFF, Kind.DIMS), dim(1),
                draw(op, "dup x", 3, 4), longs(ints(3, 3), 1, 1, 1, 0, 3, 0, 2, 2, 3), draw(op, "dup src", 3, 3)));
        s.add(Sample.of("(4,) dim 0 every index 2", kinds(Kind.NONDIFF), dim(0), draw(op, "all x", 4),
                longs(ints(5), 2, 2, 2, 2, 2), draw(op, "all src", 5)));
        s.add(Sample.error("(3,4) dim 0 negative index", "index -1 is out of bounds for dimension 0 with size 3",
                dim(0), draw(op, "neg x", 3, 4), longs(ints(1, 4), -1, 0, -3, 2), draw(op, "neg src", 1, 4)));
        s.add(Sample.of("edge values dim 1", kinds(Kind.EDGE, Kind.DIMS), dim(1), edges(),
                longs(ints(2, 3), 4, 0, 2, 1, 3, 0), Input.of(ints(2, 3), NAN, -0.0, Samples.INF, 1e300, -1e-300, -1)));
        s.add(Sample.error("(3,4) dim 1 index 4", "index 4 is out of bounds for dimension 1 with size 4", dim(1),
                draw(op, "e1 x", 3, 4), longs(ints(1, 2), 0, 4), draw(op, "e1 src", 1, 2)));
        s.add(Sample.error("(3,4) float index", "Expected dtype int64 for index", dim(1),
                draw(op, "e2 x", 3, 4), Input.constant(ints(1, 2), 0, 1), draw(op, "e2 src", 1, 2)));
        s.add(Sample.error("(3,4) index (2,)", "Index tensor must have the same number of dimensions as self tensor",
                dim(1), draw(op, "e3 x", 3, 4), longs(ints(2), 0, 1), draw(op, "e3 src", 1, 2)));
        s.add(Sample.error("(3,4) index (4,2)", "Expected index [4, 2] to be no larger than self [3, 4] apart from "
                + "dimension 1 and to be no larger size than src [4, 2]", dim(1), draw(op, "e4 x", 3, 4),
                longs(ints(4, 2), 0, 1, 0, 1, 0, 1, 0, 1), draw(op, "e4 src", 4, 2)));
        s.add(Sample.error("(3,4) index larger than src", "Expected index [2, 3] to be no larger than self [3, 4] "
                + "apart from dimension 1 and to be no larger size than src [2, 2]", dim(1), draw(op, "e5 x", 3, 4),
                longs(ints(2, 3), 0, 1, 2, 0, 1, 2), draw(op, "e5 src", 2, 2)));
        s.add(Sample.error("(3,4) dim 2", "Dimension out of range (expected to be in range of [-2, 1], but got 2)",
                dim(2), draw(op, "e6 x", 3, 4), longs(ints(1, 1), 0), draw(op, "e6 src", 1, 1)));
        return s;
    }

    /** Per line along dim, distinct positions (the first of a shuffled 0..size-1); size must cover the line. */
    private static Input lineDistinct(String op, String id, int size, int[] shape, int dim) {
        Random r = Samples.rng(op, id + "/index");
        int[] s = shape.length == 0 ? new int[] {1} : shape;
        double[] v = new double[dev.nano.Shape.numel(shape)];
        int inner = 1;
        for (int d = dim + 1; d < s.length; d++) {
            inner *= s[d];
        }
        int len = s[dim];
        int outer = len == 0 ? 0 : v.length / (len * inner);
        int[] perm = new int[size];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                for (int i = 0; i < size; i++) {
                    perm[i] = i;
                }
                for (int i = size - 1; i > 0; i--) {
                    int j = r.nextInt(i + 1);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                }
                for (int k = 0; k < len; k++) {
                    v[(o * len + k) * inner + in] = perm[k];
                }
            }
        }
        return Input.int64(shape, v);
    }

    private static OpInfo scatter() {
        String op = "scatter";
        List<Sample> s = scatterSamples(op, true);
        // The value form: torch.scatter(x, dim, index, value).
        s.add(Sample.of("(3,4) dim 1 value 2.5", kinds(Kind.SCALAR, Kind.DIMS), dim(1).with("value", 2.5),
                draw(op, "value x", 3, 4), longs(ints(2, 2), 0, 3, 1, 1)));
        s.add(Sample.of("(5,) dim 0 value NaN", kinds(Kind.SCALAR, Kind.EDGE), dim(0).with("value", NAN),
                draw(op, "nan x", 5), longs(ints(2), 4, 0)));
        s.add(Sample.of("() dim 0 value -inf", kinds(Kind.SCALAR, Kind.EDGE), dim(0).with("value",
                Double.NEGATIVE_INFINITY), draw(op, "inf x"), longs(ints(), 0)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes(TEMPLATE))
                .nano((in, a) -> a.has("value") ? Nano.scatter(in[0], a.getInt("dim"), in[1], a.getDouble("value"))
                        : Nano.scatter(in[0], a.getInt("dim"), in[1], in[2]))
                .oracle(Oracle.kernel("aten::scatter.src, aten::scatter.value", Oracle.TORCHSCRIPT))
                .torch((in, a) -> a.has("value") ? SCATTER_VALUE.call(in[0], a.getInt("dim"), in[1], a.getDouble("value"))
                        : SCATTER.call(in[0], a.getInt("dim"), in[1], in[2]))
                .samples(s)
                .exclude(Kind.BROADCAST, "the index is no larger than self and src, never broadcast")
                .build();
    }

    private static OpInfo scatterAdd() {
        String op = "scatterAdd";
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes(TEMPLATE).orderDependent())
                .nano((in, a) -> Nano.scatterAdd(in[0], a.getInt("dim"), in[1], in[2]))
                .torchKernel(SCATTER_ADD, (in, a) -> SCATTER_ADD.call(in[0], a.getInt("dim"), in[1], in[2]))
                .samples(scatterSamples(op, false))
                .exclude(Kind.BROADCAST, "the index is no larger than self and src, never broadcast")
                .exclude(Kind.SCALAR, NO_SCALAR)
                .build();
    }

    // ---------------------------------------------------------------- indexAdd, indexCopy, indexFill

    /** (dim, x shape, number of indices): the source has x's shape with that many positions along dim. */
    private static final Object[][] INDEX_FORMS = {
        {0, ints(5), 3}, {-1, ints(5), 5}, {0, ints(3, 4), 2}, {1, ints(3, 4), 3}, {-2, ints(3, 4), 1},
        {1, ints(2, 3, 4), 2}, {2, ints(2, 3, 4), 4}, {1, ints(3, 4), 0}, {1, ints(2, 0, 3), 0},
    };

    private static List<Sample> indexSamples(String op, boolean withSource, boolean negativeIndices) {
        List<Sample> s = new ArrayList<>();
        for (Object[] f : INDEX_FORMS) {
            int d = (Integer) f[0];
            int[] xs = (int[]) f[1];
            int n = (Integer) f[2];
            int wrapped = Math.floorMod(d, xs.length);
            int[] ss = xs.clone();
            ss[wrapped] = n;
            String id = Input.shapeText(xs) + " dim " + d + " " + n + " indices";
            Input index = distinctPositions(op, id, xs[wrapped], n);
            s.add(withSource ? Sample.of(id, kinds(Kind.DIMS), dim(d), draw(op, id, xs), index, draw(op, id + " s", ss))
                    : Sample.of(id, kinds(Kind.DIMS), dim(d).with("value", -1.5), draw(op, id, xs), index));
        }
        Input x0 = draw(op, "0-d x");
        s.add(withSource ? Sample.of("() dim 0", kinds(), dim(0), x0, longs(ints(1), 0), draw(op, "0-d s"))
                : Sample.of("() dim 0", kinds(Kind.SCALAR), dim(0).with("value", 4.0), x0, longs(ints(), 0)));
        Input dx = draw(op, "dup x", 3, 4);
        Input dup = longs(ints(3), 2, 0, 2);
        s.add(withSource ? Sample.of("(3,4) dim 0 duplicate indices", kinds(Kind.NONDIFF, Kind.DIMS), dim(0), dx, dup,
                draw(op, "dup s", 3, 4))
                : Sample.of("(3,4) dim 0 duplicate indices", kinds(Kind.NONDIFF, Kind.DIMS), dim(0).with("value", 0.5),
                        dx, dup));
        if (negativeIndices) {
            s.add(Sample.of("(3,4) dim 1 negative index", kinds(Kind.DIMS), dim(1).with("value", 2.0),
                    draw(op, "neg x", 3, 4), longs(ints(2), -4, 2)));
        }
        s.add(withSource ? Sample.of("edge values dim 1", kinds(Kind.EDGE, Kind.DIMS), dim(1), edges(),
                longs(ints(2), 4, 1), Input.of(ints(2, 2), NAN, Samples.INF, -0.0, 1e300))
                : Sample.of("edge values dim 1 value NaN", kinds(Kind.EDGE, Kind.DIMS, Kind.SCALAR),
                        dim(1).with("value", NAN), edges(), longs(ints(2), 4, 1)));
        return s;
    }

    private static OpInfo indexAdd() {
        String op = "indexAdd";
        List<Sample> s = new ArrayList<>();
        for (Sample sample : indexSamples(op, true, false)) {
            s.add(new Sample(sample.id(), sample.kinds(), sample.inputs(), sample.attrs().with("alpha", 1.0), null,
                    null));
        }
        s.add(Sample.of("(3,4) dim 1 alpha -2.5", kinds(Kind.SCALAR, Kind.DIMS), dim(1).with("alpha", -2.5),
                draw(op, "alpha x", 3, 4), longs(ints(2), 3, 0), draw(op, "alpha s", 3, 2)));
        s.add(Sample.error("(3,4) index 3", "index 3 is out of bounds for dimension 0 with size 3",
                dim(0).with("alpha", 1.0), draw(op, "e1 x", 3, 4), longs(ints(1), 3), draw(op, "e1 s", 1, 4)));
        s.add(Sample.error("(3,4) index -1", "index -1 is out of bounds for dimension 0 with size 3",
                dim(0).with("alpha", 1.0),
                draw(op, "e0 x", 3, 4), longs(ints(1), -1), draw(op, "e0 s", 1, 4)));
        s.add(Sample.error("(3,4) 2 indices 3 slices", "index_add_(): Number of indices (2) should be equal to "
                + "source.size(dim): (3), for dim: 0", dim(0).with("alpha", 1.0), draw(op, "e2 x", 3, 4), longs(ints(2), 0, 1),
                draw(op, "e2 s", 3, 4)));
        s.add(Sample.error("(3,4) index (1,1)", "index_add_(): Index is supposed to be a vector",
                dim(0).with("alpha", 1.0), draw(op, "e3 x", 3, 4), longs(ints(1, 1), 0), draw(op, "e3 s", 1, 4)));
        s.add(Sample.error("(3,4) float index", "index_add_(): Expected dtype int32/int64 for index",
                dim(0).with("alpha", 1.0), draw(op, "e4 x", 3, 4), Input.constant(ints(1), 0), draw(op, "e4 s", 1, 4)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes(TEMPLATE).orderDependent())
                .nano((in, a) -> Nano.indexAdd(in[0], a.getInt("dim"), in[1], in[2], a.getDouble("alpha")))
                .torchKernel(INDEX_ADD, (in, a) -> INDEX_ADD.call(in[0], a.getInt("dim"), in[1], in[2],
                        a.getDouble("alpha")))
                .samples(s)
                .exclude(Kind.BROADCAST, "the source has self's shape but along dim, never broadcast")
                .build();
    }

    private static OpInfo indexCopy() {
        String op = "indexCopy";
        List<Sample> s = indexSamples(op, true, false);
        s.add(Sample.error("(3,4) index 3", "index_copy_(): index 3 is out of bounds for dimension 0 with size 3",
                dim(0), draw(op, "e1 x", 3, 4), longs(ints(1), 3), draw(op, "e1 s", 1, 4)));
        s.add(Sample.error("(3,4) index -1", "index_copy_(): index -1 is out of bounds for dimension 0 with size 3",
                dim(0), draw(op, "e0 x", 3, 4), longs(ints(1), -1), draw(op, "e0 s", 1, 4)));
        s.add(Sample.error("(3,4) 2 indices 3 slices", "index_copy_(): Number of indices (2) should be equal to "
                + "source.size(dim) (3)", dim(0), draw(op, "e2 x", 3, 4), longs(ints(2), 0, 1), draw(op, "e2 s", 3, 4)));
        s.add(Sample.error("(3,4) index (1,1)", "index_copy_(): Index should have dimension 1 or 0 (got 2)", dim(0),
                draw(op, "e3 x", 3, 4), longs(ints(1, 1), 0), draw(op, "e3 s", 1, 4)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes(TEMPLATE))
                .nano((in, a) -> Nano.indexCopy(in[0], a.getInt("dim"), in[1], in[2]))
                .torchKernel(INDEX_COPY, (in, a) -> INDEX_COPY.call(in[0], a.getInt("dim"), in[1], in[2]))
                .samples(s)
                .exclude(Kind.BROADCAST, "the source has self's shape but along dim, never broadcast")
                .exclude(Kind.SCALAR, NO_SCALAR)
                .build();
    }

    private static OpInfo indexFill() {
        String op = "indexFill";
        List<Sample> s = indexSamples(op, false, true);
        s.add(Sample.error("(3,4) index 3", "index 3 is out of bounds for dimension 0 with size 3",
                dim(0).with("value", 1.0), draw(op, "e1 x", 3, 4), longs(ints(1), 3)));
        s.add(Sample.error("(3,4) float index", "index_fill_(): Expected dtype int64 for index.",
                dim(0).with("value", 1.0), draw(op, "e2 x", 3, 4), Input.constant(ints(1), 0)));
        s.add(Sample.error("(3,4) index (1,1)", "Index has to be a vector/scalar", dim(0).with("value", 1.0),
                draw(op, "e3 x", 3, 4), longs(ints(1, 1), 0)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes(TEMPLATE))
                .nano((in, a) -> Nano.indexFill(in[0], a.getInt("dim"), in[1], a.getDouble("value")))
                .torchKernel(INDEX_FILL, (in, a) -> INDEX_FILL.call(in[0], a.getInt("dim"), in[1], a.getDouble("value")))
                .samples(s)
                .exclude(Kind.BROADCAST, "one tensor input besides the index: nothing to broadcast")
                .build();
    }
}
