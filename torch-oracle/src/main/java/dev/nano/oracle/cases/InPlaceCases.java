package dev.nano.oracle.cases;

import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.nano.oracle.cases.Samples.kinds;

/**
 * The in-place writes that have no out-of-place operator to borrow their cases from: {@code copy_},
 * {@code fill_} and {@code zero_} ({@code add_} and {@code mul_} are checked on add's and mul's own
 * cases, {@link OpInfo#inplace()}). Both sides write into a clone of the case's first input, as
 * PyTorch's OpInfo tests run an in-place variant, so the gradient of that input is the one that
 * flows through the clone: zeros for the overwritten values, as CopyBackwards and FillBackward0 send.
 */
final class InPlaceCases {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static final AtenKernel COPY = AtenKernel.of("aten::copy_", "x: Tensor, src: Tensor",
            "torch.clone(x).copy_(src)");
    private static final AtenKernel FILL = AtenKernel.of("aten::fill_.Scalar", "x: Tensor, value: float",
            "torch.clone(x).fill_(value)");
    private static final AtenKernel ZERO = AtenKernel.of("aten::zero_", "x: Tensor", "torch.clone(x).zero_()");

    private static final String NO_DIMS = "no dim argument";
    private static final String FLAT = "the written values do not depend on the old ones: no kinks or ties";

    private InPlaceCases() {
    }

    static List<OpInfo> entries() {
        return List.of(copy(), fill(), zero());
    }

    private static OpInfo copy() {
        String op = "copy_";
        List<Sample> s = new ArrayList<>();
        int[][][] shapes = {{{3}, {3}}, {{2, 3}, {2, 3}}, {{2, 3}, {3}}, {{2, 3}, {2, 1}}, {{4, 2, 3}, {2, 1}},
            {{2, 2}, {}}, {{}, {}}, {{0, 3}, {3}}, {{0}, {0}}};
        for (int[][] sh : shapes) {
            String id = Input.shapeText(sh[0]) + "<-" + Input.shapeText(sh[1]);
            Random r = Samples.rng(op, id);
            s.add(Sample.of(id, shapeKinds(sh[0], sh[1]), Attrs.none(),
                    Samples.signedLeaf(r, 0.1, 2, sh[0]), Samples.signedLeaf(r, 0.1, 2, sh[1])));
        }
        s.add(Sample.of("edge values", kinds(Kind.EDGE), Attrs.none(), Samples.values(1, 2, 3, 4, 5, 6),
                Samples.values(NAN, INF, -INF, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE)));
        // Into int64 and bool: PyTorch's conversions (toward zero; anything non-zero, NaN too, is true).
        s.add(Sample.of("float into int64", kinds(Kind.EDGE, Kind.NONDIFF), Attrs.none(),
                Input.int64(new int[] {5}, 0, 0, 0, 0, 0), Input.constant(new int[] {5}, 2.7, -2.7, 0.2, -0.0, 1e15)));
        s.add(Sample.of("float into bool", kinds(Kind.EDGE, Kind.NONDIFF), Attrs.none(),
                Input.bool(new int[] {4}, 0, 0, 1, 1), Input.constant(new int[] {4}, 0.0, -0.5, NAN, -0.0)));
        Random r = Samples.rng(op, "grow");
        s.add(Sample.error("(3,)<-(2,3) grows", "output with shape [3] doesn't match the broadcast shape [2, 3]",
                Attrs.none(), Samples.signedLeaf(r, 0.1, 2, 3), Samples.signedLeaf(r, 0.1, 2, 2, 3)));
        s.add(Sample.error("(3,)<-(4,) mismatch", "The size of tensor a (3) must match the size of tensor b (4)",
                Attrs.none(), Samples.signedLeaf(r, 0.1, 2, 3), Samples.signedLeaf(r, 0.1, 2, 4)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("src broadcasts into the written tensor's shape and never grows it, "
                        + "so the fuzzer keeps each sample's pair of shapes"))
                .nano((in, a) -> in[0].cloneTensor().copy_(in[1]))
                .torchKernel(COPY, (in, a) -> COPY.call(in[0], in[1]))
                .samples(s)
                .exclude(Kind.SCALAR, "src is a tensor; a number is fill_")
                .exclude(Kind.DIMS, NO_DIMS)
                .build();
    }

    /** The kinds of evidence a pair of shapes gives: broadcast when they differ, 0-d, empty. */
    private static java.util.Set<Kind> shapeKinds(int[]... shapes) {
        java.util.Set<Kind> kinds = java.util.EnumSet.noneOf(Kind.class);
        for (int[] shape : shapes) {
            if (shape.length == 0) {
                kinds.add(Kind.ZERO_DIM);
            }
            if (java.util.Arrays.stream(shape).anyMatch(d -> d == 0)) {
                kinds.add(Kind.EMPTY);
            }
            if (!java.util.Arrays.equals(shape, shapes[0])) {
                kinds.add(Kind.BROADCAST);
            }
        }
        return kinds;
    }

    private static OpInfo fill() {
        String op = "fill_";
        List<Sample> s = new ArrayList<>();
        double[] values = {2.5, -0.0, NAN, INF, -INF};
        for (double v : values) {
            for (int[] shape : new int[][] {{2, 3}, {}, {0, 2}}) {
                String id = Input.shapeText(shape) + " value=" + v;
                Random r = Samples.rng(op, id);
                java.util.Set<Kind> kinds = shapeKinds(shape);
                kinds.add(Kind.SCALAR);
                if (v != 2.5) {
                    kinds.add(Kind.EDGE);
                }
                s.add(Sample.of(id, kinds,
                        Attrs.of("value", v), Samples.signedLeaf(r, 0.1, 2, shape)));
            }
        }
        s.add(Sample.of("int64 value=-3.9", kinds(Kind.EDGE, Kind.NONDIFF), Attrs.of("value", -3.9),
                Input.int64(new int[] {3}, 1, 2, 3)));
        s.add(Sample.of("bool value=0.5", kinds(Kind.EDGE, Kind.NONDIFF), Attrs.of("value", 0.5),
                Input.bool(new int[] {2}, 0, 0)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.elementwise())
                .nano((in, a) -> in[0].cloneTensor().fill_(a.getDouble("value")))
                .torchKernel(FILL, (in, a) -> FILL.call(in[0], a.getDouble("value")))
                .samples(s)
                .exclude(Kind.BROADCAST, "one tensor input")
                .exclude(Kind.DIMS, NO_DIMS)
                .exclude(Kind.ERROR, "accepts every tensor and every number")
                .build();
    }

    private static OpInfo zero() {
        String op = "zero_";
        List<Sample> s = new ArrayList<>();
        for (int[] shape : new int[][] {{3}, {2, 3}, {}, {0, 3}, {2, 1, 2}}) {
            String id = Input.shapeText(shape);
            s.add(Sample.of(id, shapeKinds(shape), Attrs.none(),
                    Samples.signedLeaf(Samples.rng(op, id), 0.1, 2, shape)));
        }
        s.add(Sample.of("edge values", kinds(Kind.EDGE), Attrs.none(),
                Samples.values(NAN, INF, -INF, -0.0, Double.MIN_VALUE)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.elementwise())
                .nano((in, a) -> in[0].cloneTensor().zero_())
                .torchKernel(ZERO, (in, a) -> ZERO.call(in[0]))
                .samples(s)
                .exclude(Kind.BROADCAST, "one tensor input")
                .exclude(Kind.SCALAR, "no number argument")
                .exclude(Kind.DIMS, NO_DIMS)
                .exclude(Kind.NONDIFF, FLAT)
                .exclude(Kind.ERROR, "accepts every tensor")
                .build();
    }
}
