package dev.nano.oracle.cases;

import dev.nano.Shape;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static dev.nano.oracle.cases.Samples.kinds;

/**
 * Sample groups shared by the reductions. Attributes: {@code dims} (int[]; absent means the
 * no-argument overload, empty means every dim), {@code dim} (Integer, for single-dim ops),
 * {@code keepdim} (Boolean), {@code form} ("all" or "dim" for max/min/argmax/argmin).
 */
final class ReductionSamples {
    private ReductionSamples() {
    }

    /** How an op's random inputs are drawn. */
    @FunctionalInterface
    interface Draw {
        Input draw(Random random, int[] shape);
    }

    static Draw domain(Samples.Domain d) {
        return d::draw;
    }

    /**
     * Distinct values at least 0.2 apart (a shuffled ladder with jitter), so that no two elements
     * tie or come within the finite-difference step of each other: for the extrema.
     */
    static Draw spaced() {
        return (random, shape) -> Input.of(shape, spacedValues(random, Shape.numel(shape)));
    }

    static double[] spacedValues(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i - (n - 1) / 2.0) * 0.3 + 0.1 * random.nextDouble();
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return v;
    }

    /** {@code (3,4) dim=-1 keepdim}, {@code (2,3,4) dims={0,2}}, {@code (3,4) all}, {@code (5,)}. */
    static String id(int[] shape, int[] dims, boolean keepdim) {
        StringBuilder sb = new StringBuilder(Input.shapeText(shape));
        if (dims != null) {
            if (dims.length == 0) {
                sb.append(" all");
            } else if (dims.length == 1) {
                sb.append(" dim=").append(dims[0]);
            } else {
                sb.append(" dims={");
                for (int i = 0; i < dims.length; i++) {
                    sb.append(i > 0 ? "," : "").append(dims[i]);
                }
                sb.append('}');
            }
        }
        return keepdim ? sb.append(" keepdim").toString() : sb.toString();
    }

    static Attrs dimsAttrs(int[] dims, boolean keepdim) {
        return dims == null ? Attrs.none() : Attrs.of("dims", dims).with("keepdim", keepdim);
    }

    static Sample dimsCase(String op, Draw draw, int[] shape, int[] dims, boolean keepdim, Set<Kind> kinds) {
        String id = id(shape, dims, keepdim);
        return Sample.of(id, kinds, dimsAttrs(dims, keepdim), draw.draw(Samples.rng(op, id), shape));
    }

    /**
     * The dims group of a reduction over a list of dims: the no-argument overload on (), (5,),
     * (3,4), (2,3,4) (if it has one; else dims={}), 0-d dims 0 and -1, then on (3,4) and (2,3,4)
     * every dim (keepdim false) and every negative dim (keepdim true), several dims ({0,2},
     * {-1,0}, every dim named) with keepdim both ways, and the full reduction with keepdim.
     */
    static List<Sample> dims(String op, Draw draw, boolean noArgOverload) {
        List<Sample> out = new ArrayList<>();
        int[] none = noArgOverload ? null : new int[0];
        for (int[] shape : Samples.SHAPES) {
            Set<Kind> k = shape.length >= 2 ? kinds(Kind.DIMS) : kinds();
            out.add(dimsCase(op, draw, shape, none, false, k));
        }
        out.add(dimsCase(op, draw, new int[] {}, new int[] {0}, false, kinds(Kind.DIMS)));
        out.add(dimsCase(op, draw, new int[] {}, new int[] {-1}, true, kinds(Kind.DIMS)));
        out.add(dimsCase(op, draw, new int[] {5}, new int[] {0}, false, kinds(Kind.DIMS)));
        out.add(dimsCase(op, draw, new int[] {5}, new int[] {-1}, true, kinds(Kind.DIMS)));
        for (int[] shape : new int[][] {{3, 4}, {2, 3, 4}}) {
            int rank = shape.length;
            out.add(dimsCase(op, draw, shape, new int[0], true, kinds(Kind.DIMS)));
            for (int d = 0; d < rank; d++) {
                out.add(dimsCase(op, draw, shape, new int[] {d}, false, kinds(Kind.DIMS)));
                out.add(dimsCase(op, draw, shape, new int[] {d - rank}, true, kinds(Kind.DIMS)));
            }
            int[][] several = rank == 2
                    ? new int[][] {{0, 1}, {-1, 0}}
                    : new int[][] {{0, 2}, {-1, 0}, {0, 1, 2}};
            for (int[] dims : several) {
                out.add(dimsCase(op, draw, shape, dims, false, kinds(Kind.DIMS)));
                out.add(dimsCase(op, draw, shape, dims, true, kinds(Kind.DIMS)));
            }
        }
        return out;
    }

    /** Reductions of empty inputs that PyTorch accepts (for ops whose empty groups have a value). */
    static List<Sample> emptyDims(String op, Draw draw, boolean noArgOverload) {
        List<Sample> out = new ArrayList<>();
        int[] none = noArgOverload ? null : new int[0];
        out.add(dimsCase(op, draw, new int[] {0}, none, false, kinds()));
        out.add(dimsCase(op, draw, new int[] {0}, new int[] {0}, true, kinds(Kind.DIMS)));
        out.add(dimsCase(op, draw, new int[] {2, 0, 3}, none, false, kinds()));
        out.add(dimsCase(op, draw, new int[] {2, 0, 3}, new int[] {1}, false, kinds(Kind.DIMS)));
        out.add(dimsCase(op, draw, new int[] {2, 0, 3}, new int[] {-2}, true, kinds(Kind.DIMS)));
        out.add(dimsCase(op, draw, new int[] {2, 0, 3}, new int[] {0}, true, kinds(Kind.DIMS)));
        out.add(dimsCase(op, draw, new int[] {2, 0, 3}, new int[] {0, 2}, false, kinds(Kind.DIMS)));
        return out;
    }

    /** Reductions of empty inputs along non-empty dims only (the extrema reject empty groups). */
    static List<Sample> emptyNonEmptyGroups(String op, Draw draw) {
        List<Sample> out = new ArrayList<>();
        out.add(dimsCase(op, draw, new int[] {2, 0, 3}, new int[] {0}, false, kinds(Kind.DIMS)));
        out.add(dimsCase(op, draw, new int[] {2, 0, 3}, new int[] {-1}, true, kinds(Kind.DIMS)));
        out.add(dimsCase(op, draw, new int[] {2, 0, 3}, new int[] {0, 2}, false, kinds(Kind.DIMS)));
        return out;
    }

    /** Bad dim lists: out of range (both signs, and on a 0-d input) and a dim named twice. */
    static List<Sample> dimErrors(String op, Draw draw) {
        List<Sample> out = new ArrayList<>();
        Random r = Samples.rng(op, "errors");
        Input m = draw.draw(r, new int[] {3, 4});
        Input s = draw.draw(r, new int[] {});
        out.add(Sample.error("(3,4) dim=2", "Dimension out of range (expected to be in range of [-2, 1], but got 2)",
                dimsAttrs(new int[] {2}, false), m));
        out.add(Sample.error("(3,4) dims={0,-3}",
                "Dimension out of range (expected to be in range of [-2, 1], but got -3)",
                dimsAttrs(new int[] {0, -3}, false), m));
        out.add(Sample.error("() dim=1", "Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                dimsAttrs(new int[] {1}, false), s));
        out.add(Sample.error("(3,4) dims={0,0}", "dim 0 appears multiple times in the list of dims",
                dimsAttrs(new int[] {0, 0}, false), m));
        out.add(Sample.error("(3,4) dims={1,-1}", "dim 1 appears multiple times in the list of dims",
                dimsAttrs(new int[] {1, -1}, true), m));
        out.add(Sample.error("() dims={0,-1}", "dim 0 appears multiple times in the list of dims",
                dimsAttrs(new int[] {0, -1}, false), s));
        return out;
    }

    /**
     * A tensor of 65 dims (one element): aten keeps the reduced dims in a 64-bit set (make_dim_mask in
     * ReduceOpsUtils.h) and refuses a wider tensor when dims are named; reducing every dim needs no set.
     * Found by PyTorch's own sample inputs (nano accepted 65 dims everywhere).
     */
    static List<Sample> beyond64Dims(String op) {
        int[] shape = new int[65];
        java.util.Arrays.fill(shape, 1);
        return List.of(
                Sample.of("65 dims all", Samples.kinds(Kind.EDGE), Attrs.none(), Input.of(shape, 1.5)),
                Sample.error("65 dims dim=0", "only tensors with up to 64 dims are supported",
                        dimsAttrs(new int[] {0}, false), Input.of(shape, 1.5)));
    }

    /** Single-dim ops: every dim and every negative dim of each standard shape. */
    static List<Sample> singleDim(String op, Draw draw, String form, boolean withKeepdim) {
        List<Sample> out = new ArrayList<>();
        for (int[] shape : Samples.SHAPES) {
            int rank = Math.max(shape.length, 1);
            for (int d = 0; d < rank; d++) {
                out.add(dimCase(op, draw, form, shape, d, false));
                out.add(dimCase(op, draw, form, shape, d - rank, withKeepdim));
            }
        }
        return out;
    }

    static Sample dimCase(String op, Draw draw, String form, int[] shape, int dim, boolean keepdim) {
        return dimCase(op, draw, form, shape, dim, keepdim, kinds(Kind.DIMS));
    }

    static Sample dimCase(String op, Draw draw, String form, int[] shape, int dim, boolean keepdim, Set<Kind> kinds) {
        String id = Input.shapeText(shape) + " dim=" + dim + (keepdim ? " keepdim" : "");
        return Sample.of(id, kinds, dimAttrs(form, dim, keepdim), draw.draw(Samples.rng(op, id), shape));
    }

    static Attrs dimAttrs(String form, int dim, boolean keepdim) {
        Attrs a = form == null ? Attrs.none() : Attrs.of("form", form);
        return a.with("dim", dim).with("keepdim", keepdim);
    }

    static Attrs allAttrs(String form) {
        return form == null ? Attrs.none() : Attrs.of("form", form);
    }

    /** A (rows, cols) float64 leaf from row-major rows. */
    static Input matrix(double[]... rows) {
        int cols = rows[0].length;
        double[] v = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, v, i * cols, cols);
        }
        return Input.of(new int[] {rows.length, cols}, v);
    }

    static Input constant(Input in) {
        return new Input(in.shape(), in.dtype(), in.values(), false);
    }

    /** The same sample with every input a constant (for ops without gradient). */
    static Sample constants(Sample s) {
        List<Input> inputs = new ArrayList<>();
        for (Input in : s.inputs()) {
            inputs.add(constant(in));
        }
        return new Sample(s.id(), s.kinds(), inputs, s.attrs(), s.expectError(), s.tolerance());
    }

    /** The same sample with one more kind. */
    static Sample withKind(Sample s, Kind kind) {
        java.util.EnumSet<Kind> k = java.util.EnumSet.noneOf(Kind.class);
        k.addAll(s.kinds());
        k.add(kind);
        return new Sample(s.id(), k, s.inputs(), s.attrs(), s.expectError(), s.tolerance());
    }
}
