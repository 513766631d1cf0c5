package dev.nano.oracle.cases;

import ai.djl.pytorch.jni.JniUtils;
import dev.nano.Nano;
import dev.nano.Shape;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.nano.oracle.cases.MovementSupport.drawAll;
import static dev.nano.oracle.cases.MovementSupport.pt;
import static dev.nano.oracle.cases.Samples.INF;
import static dev.nano.oracle.cases.Samples.NAN;
import static dev.nano.oracle.cases.Samples.kinds;

/** matmul mm dot t. */
final class LinAlgCases {
    private LinAlgCases() {
    }

    private static final String NO_KINKS = "bilinear (a sum of products): smooth everywhere, no kinks or ties";
    private static final String NO_SCALAR = "no scalar operand";
    private static final String NO_DIMS = "no dim argument: the contracted dims are fixed by the ranks";

    static List<OpInfo> entries() {
        return List.of(matmul(), mm(), dot(), t());
    }

    private static final AtenKernel MM = AtenKernel.of("aten::mm", "x: Tensor, y: Tensor", "torch.mm(x, y)");
    private static final AtenKernel T = AtenKernel.of("aten::t", "x: Tensor", "torch.t(x)");

    private static Sample pair(String op, Set<Kind> kinds, int[] a, int[] b) {
        String id = Input.shapeText(a) + "@" + Input.shapeText(b);
        return Sample.of(id, kinds, Attrs.none(), drawAll(op, id, a, b));
    }

    private static Sample pairError(String op, String keyPhrase, int[] a, int[] b) {
        String id = Input.shapeText(a) + "@" + Input.shapeText(b);
        return Sample.error(id, keyPhrase, Attrs.none(), drawAll(op, id, a, b));
    }

    /**
     * Operands of two dtypes: PyTorch's dot, mv, mm and bmm each refuse them in their own words, where
     * nano's dtype rule alone would read the int64 or bool operand as numbers. Found from outside
     * ({@code longTensor(1, 2) @ tensor(1.0, 2.0)} computed silently).
     */
    private static Sample mixedDtypes(String keyPhrase, Input a, Input b) {
        String id = a.dtype().torchName().substring(6) + Input.shapeText(a.shape()) + "@"
                + b.dtype().torchName().substring(6) + Input.shapeText(b.shape());
        return Sample.error(id, keyPhrase, Attrs.none(), a, b);
    }

    private static Input longs(int... shape) {
        double[] v = new double[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + 1;
        }
        return Input.int64(shape, v);
    }

    private static Input doubles(int... shape) {
        double[] v = new double[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.5 * (i + 1);
        }
        return Input.of(shape, v);
    }

    /** Values where products overflow, vanish, meet NaN, or are inf·0 (= NaN). */
    private static Sample edgeProduct(String id) {
        return Sample.of(id, kinds(Kind.EDGE), Attrs.none(),
                Input.of(new int[] {3, 3}, 1, INF, 0, -0.0, 1e300, 2, NAN, 1, -1),
                Input.of(new int[] {3, 2}, 2, 0, 1e300, -1, -0.0, INF));
    }

    private static int[] s(int... shape) {
        return shape;
    }

    // ---------------------------------------------------------------- matmul

    private static OpInfo matmul() {
        String op = "matmul";
        List<Sample> c = new ArrayList<>();
        // The 1-D·1-D product is a 0-d tensor.
        c.add(pair(op, kinds(Kind.ZERO_DIM), s(4), s(4)));
        c.add(pair(op, kinds(Kind.ZERO_DIM), s(1), s(1)));
        c.add(pair(op, kinds(), s(3, 4), s(4)));
        c.add(pair(op, kinds(), s(4), s(4, 3)));
        c.add(pair(op, kinds(), s(3, 4), s(4, 5)));
        c.add(pair(op, kinds(), s(1, 4), s(4, 1)));
        c.add(pair(op, kinds(), s(5, 1), s(1, 3)));
        c.add(pair(op, kinds(), s(2, 3, 4), s(2, 4, 5)));
        c.add(pair(op, kinds(), s(2, 3, 4), s(4)));
        c.add(pair(op, kinds(), s(2, 2, 3, 4), s(2, 2, 4, 2)));
        // Batch dims broadcast (a missing or size-1 batch dim on either side).
        c.add(pair(op, kinds(Kind.BROADCAST), s(2, 1, 3, 4), s(5, 4, 2)));
        c.add(pair(op, kinds(Kind.BROADCAST), s(5, 4, 2), s(2, 1, 2, 3)));
        c.add(pair(op, kinds(Kind.BROADCAST), s(3), s(2, 3, 4)));
        c.add(pair(op, kinds(Kind.BROADCAST), s(2, 3, 4), s(4, 5)));
        c.add(pair(op, kinds(Kind.BROADCAST), s(3, 4), s(2, 4, 5)));
        c.add(pair(op, kinds(Kind.BROADCAST), s(1, 3, 4), s(2, 4, 5)));
        c.add(pair(op, kinds(Kind.BROADCAST), s(2, 3, 4), s(1, 4, 5)));
        c.add(pair(op, kinds(Kind.BROADCAST), s(3, 1, 2, 4), s(1, 2, 4, 3)));
        c.add(pair(op, kinds(Kind.BROADCAST), s(4), s(2, 2, 4, 3)));
        c.add(pair(op, kinds(Kind.BROADCAST), s(2, 2, 3, 4), s(4)));
        // Empty: an empty inner dim gives zeros; an empty outer or batch dim gives an empty result.
        c.add(pair(op, kinds(), s(3, 0), s(0, 4)));
        c.add(pair(op, kinds(Kind.ZERO_DIM), s(0), s(0)));
        c.add(pair(op, kinds(), s(0, 4), s(4, 3)));
        c.add(pair(op, kinds(), s(3, 4), s(4, 0)));
        c.add(pair(op, kinds(), s(0), s(0, 3)));
        c.add(pair(op, kinds(), s(2, 3, 0), s(0, 4)));
        c.add(pair(op, kinds(), s(2, 0, 3), s(3, 4)));
        c.add(pair(op, kinds(Kind.BROADCAST), s(0, 3, 4), s(2, 1, 4, 5)));
        c.add(edgeProduct("edge values (3,3)@(3,2)"));
        c.add(Sample.of("edge values (3,)@(3,)", kinds(Kind.EDGE, Kind.ZERO_DIM), Attrs.none(),
                Input.of(new int[] {3}, INF, 0, 1e300), Input.of(new int[] {3}, 1, 5, 1e300)));
        c.add(pairError(op, "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", s(2, 3), s(4, 5)));
        c.add(pairError(op, "mat1 and mat2 shapes cannot be multiplied (1x3 and 4x5)", s(3), s(4, 5)));
        c.add(pairError(op, "inconsistent tensor size, expected tensor [3] and src [4] to have the same number of"
                + " elements, but got 3 and 4 elements respectively", s(3), s(4)));
        c.add(pairError(op, "size mismatch, got input (2), mat (2x3), vec (4)", s(2, 3), s(4)));
        c.add(pairError(op, "Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 4].",
                s(2, 2, 3), s(2, 4, 5)));
        c.add(pairError(op, "mat1 and mat2 shapes cannot be multiplied (4x3 and 4x5)", s(2, 2, 3), s(4, 5)));
        c.add(pairError(op, "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension"
                + " 0", s(2, 3, 4), s(3, 4, 5)));
        // Added for the mutation score (scripts/mutation-score): a batch of 1 on one side, the other batched, and
        // the inner sizes disagreeing. PyTorch folds the batch-1 operand that requires grad into a matrix, so the
        // message is mm's, with the folded shapes; the route that does not fold names batch2 instead.
        c.add(pairError(op, "mat1 and mat2 shapes cannot be multiplied (10x4 and 3x2)", s(1, 2, 3), s(2, 4, 5)));
        c.add(pairError(op, "mat1 and mat2 shapes cannot be multiplied (4x3 and 4x5)", s(2, 2, 3), s(1, 4, 5)));
        // A 2-D a that does not require grad times a batch of one-row matrices: PyTorch's should_fold does not fold
        // for a 2-D first operand, so the error is bmm's; a nano that folded (as for a 1-D a) named mm's shapes.
        c.add(Sample.error("(2,3) constant @ (2,1,5)", "Expected size for first two dimensions of batch2 tensor to be: "
                + "[2, 3] but got: [2, 1].", Attrs.none(), Input.constant(s(2, 3), 1, 2, 3, 4, 5, 6),
                Input.of(s(2, 1, 5), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)));
        // A 1-D a that does not require grad times a batch: PyTorch folds bᵀ into one matrix (an mv, whose message
        // names the folded shape) only when that is free, i.e. b has one row per matrix or is empty; otherwise the
        // error is bmm's. A nano that folded always, or never, names the other op's shapes in one of these.
        c.add(Sample.error("(3,) constant @ (2,4,5)", "Expected size for first two dimensions of batch2 tensor to be: "
                + "[2, 3] but got: [2, 4].", Attrs.none(), Input.constant(s(3), 1, 2, 3),
                MovementSupport.draw(op, "(3,) constant @ (2,4,5)", 2, 4, 5)));
        c.add(Sample.error("(3,) constant @ (2,1,5)", "size mismatch, got input (10), mat (10x1), vec (3)",
                Attrs.none(), Input.constant(s(3), 1, 2, 3),
                MovementSupport.draw(op, "(3,) constant @ (2,1,5)", 2, 1, 5)));
        c.add(Sample.error("(3,) constant @ (2,0,5)", "size mismatch, got input (10), mat (10x0), vec (3)",
                Attrs.none(), Input.constant(s(3), 1, 2, 3), Input.of(s(2, 0, 5))));
        c.add(pairError(op, "both arguments to matmul need to be at least 1D, but they are 0D and 1D", s(), s(3)));
        c.add(pairError(op, "both arguments to matmul need to be at least 1D, but they are 2D and 0D", s(2, 3), s()));
        // matmul's route decides the words: dot, mv, mm, bmm, or mm after folding the batch into rows.
        c.add(mixedDtypes("dot : expected both vectors to have same dtype, but found Long and Double", longs(2),
                doubles(2)));
        c.add(mixedDtypes("dot : expected both vectors to have same dtype, but found Bool and Double",
                Input.bool(s(2), 1, 0), doubles(2)));
        c.add(mixedDtypes("expected scalar type Double but found Long", doubles(2, 2), longs(2)));
        c.add(mixedDtypes("expected m1 and m2 to have the same dtype, but got: long int != double", longs(2, 2),
                doubles(2, 2)));
        c.add(mixedDtypes("expected m1 and m2 to have the same dtype, but got: long int != double", longs(2),
                doubles(2, 2)));
        c.add(mixedDtypes("expected scalar type Long but found Double", longs(2, 2, 2), doubles(2, 2, 2)));
        c.add(mixedDtypes("expected m1 and m2 to have the same dtype, but got: double != long int", doubles(2, 2, 2),
                longs(2, 2)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the inner sizes of the two operands must match").orderDependent())
                .nano((in, a) -> Nano.matmul(in[0], in[1]))
                .oracle(Oracle.kernel("aten::matmul", Oracle.DJL))
                .torch((in, a) -> JniUtils.matmul(pt(in[0]), pt(in[1])))
                .samples(c)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, NO_KINKS)
                .exclude(Kind.DIMS, NO_DIMS)
                .build();
    }

    // ---------------------------------------------------------------- mm

    /** torch.mm through the TorchScript bridge (DJL has no mm; its matmul accepts other ranks). */
    private static OpInfo mm() {
        String op = "mm";
        List<Sample> c = new ArrayList<>();
        int[][][] pairs = {
            {{3, 4}, {4, 5}}, {{1, 4}, {4, 1}}, {{5, 1}, {1, 3}}, {{1, 1}, {1, 1}}, {{2, 7}, {7, 3}},
            {{4, 4}, {4, 4}}, {{6, 2}, {2, 6}}, {{3, 5}, {5, 2}}, {{1, 7}, {7, 3}}, {{10, 1}, {1, 10}},
            {{8, 8}, {8, 8}}, {{2, 16}, {16, 1}}, {{17, 33}, {33, 9}}, {{5, 3}, {3, 1}},
            {{3, 0}, {0, 4}}, {{0, 4}, {4, 3}}, {{3, 4}, {4, 0}}, {{0, 0}, {0, 0}}, {{1, 0}, {0, 1}},
        };
        for (int[][] p : pairs) {
            c.add(pair(op, kinds(), p[0], p[1]));
        }
        c.add(edgeProduct("edge values (3,3)@(3,2)"));
        c.add(Sample.of("edge values NaN row, inf column", kinds(Kind.EDGE), Attrs.none(),
                Input.of(new int[] {2, 2}, NAN, 1, 0, 2), Input.of(new int[] {2, 2}, INF, 1, -INF, 0)));
        c.add(pairError(op, "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", s(2, 3), s(4, 5)));
        c.add(pairError(op, "mat1 and mat2 shapes cannot be multiplied (3x1 and 3x1)", s(3, 1), s(3, 1)));
        c.add(pairError(op, "mat1 and mat2 shapes cannot be multiplied (1x4 and 3x1)", s(1, 4), s(3, 1)));
        c.add(pairError(op, "mat1 and mat2 shapes cannot be multiplied (0x2 and 0x2)", s(0, 2), s(0, 2)));
        c.add(pairError(op, "self must be a matrix", s(), s(3, 4)));
        c.add(pairError(op, "self must be a matrix", s(4), s(4, 2)));
        c.add(pairError(op, "mat2 must be a matrix", s(3, 4), s(4)));
        c.add(pairError(op, "self must be a matrix", s(2, 3, 4), s(4, 2)));
        c.add(mixedDtypes("expected m1 and m2 to have the same dtype, but got: long int != double", longs(2, 2),
                doubles(2, 2)));
        c.add(mixedDtypes("expected m1 and m2 to have the same dtype, but got: double != bool", doubles(2, 2),
                Input.bool(s(2, 2), 1, 0, 0, 1)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the inner sizes of the two matrices must match").orderDependent())
                .nano((in, a) -> Nano.mm(in[0], in[1]))
                .torchKernel(MM, (in, a) -> MM.call(in[0], in[1]))
                .samples(c)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, NO_KINKS)
                .exclude(Kind.DIMS, NO_DIMS)
                .exclude(Kind.BROADCAST, "mm takes two matrices and does not broadcast")
                .build();
    }

    // ---------------------------------------------------------------- dot

    /** DJL's dot calls libtorch's {@code at::dot} when the first operand is 1-D (all cases here). */
    private static OpInfo dot() {
        String op = "dot";
        List<Sample> c = new ArrayList<>();
        for (int n : new int[] {5, 1, 2, 3, 4, 8, 17, 64, 100}) {
            // The result is a 0-d tensor.
            c.add(pair(op, kinds(Kind.ZERO_DIM), s(n), s(n)));
        }
        c.add(pair(op, kinds(Kind.ZERO_DIM), s(0), s(0)));
        c.add(Sample.of("edge values", kinds(Kind.EDGE, Kind.ZERO_DIM), Attrs.none(),
                Input.of(new int[] {10}, Samples.EDGE_VALUES.clone()),
                Input.of(new int[] {10}, 1, 2, -0.0, 0.5, 1, 1, 0, 0, 0, 0)));
        c.add(Sample.of("edge values inf-inf", kinds(Kind.EDGE, Kind.ZERO_DIM), Attrs.none(),
                Input.of(new int[] {2}, INF, INF), Input.of(new int[] {2}, 1, -1)));
        c.add(Sample.of("edge values overflow", kinds(Kind.EDGE, Kind.ZERO_DIM), Attrs.none(),
                Input.of(new int[] {2}, 1e300, -1e300), Input.of(new int[] {2}, 1e10, 1e10)));
        c.add(Sample.of("edge values NaN", kinds(Kind.EDGE, Kind.ZERO_DIM), Attrs.none(),
                Input.of(new int[] {3}, NAN, 1, 2), Input.of(new int[] {3}, 0, 1, 2)));
        c.add(Sample.of("edge values inf times 0", kinds(Kind.EDGE, Kind.ZERO_DIM), Attrs.none(),
                Input.of(new int[] {3}, INF, 1, 2), Input.of(new int[] {3}, 0, 1, 2)));
        c.add(Sample.of("edge values negative zeros", kinds(Kind.EDGE, Kind.ZERO_DIM), Attrs.none(),
                Input.of(new int[] {2}, -0.0, 0.0), Input.of(new int[] {2}, 1, -1)));
        c.add(pairError(op, "inconsistent tensor size, expected tensor [3] and src [4] to have the same number of"
                + " elements, but got 3 and 4 elements respectively", s(3), s(4)));
        c.add(pairError(op, "inconsistent tensor size, expected tensor [0] and src [1] to have the same number of"
                + " elements, but got 0 and 1 elements respectively", s(0), s(1)));
        c.add(pairError(op, "1D tensors expected, but got 1D and 2D tensors", s(3), s(3, 3)));
        c.add(pairError(op, "1D tensors expected, but got 1D and 0D tensors", s(3), s()));
        c.add(mixedDtypes("dot : expected both vectors to have same dtype, but found Long and Double", longs(2),
                doubles(2)));
        c.add(mixedDtypes("dot : expected both vectors to have same dtype, but found Double and Bool", doubles(2),
                Input.bool(s(2), 1, 0)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the two vectors must have one length").orderDependent())
                .nano((in, a) -> Nano.dot(in[0], in[1]))
                .oracle(Oracle.kernel("aten::dot", Oracle.DJL))
                .torch((in, a) -> JniUtils.dot(pt(in[0]), pt(in[1])))
                .samples(c)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, NO_KINKS)
                .exclude(Kind.DIMS, NO_DIMS)
                .exclude(Kind.BROADCAST, "dot takes two 1-D tensors of the same length and does not broadcast")
                .build();
    }

    // ---------------------------------------------------------------- t

    /** torch.t through the TorchScript bridge (DJL has no t(); its transpose() is a permute). */
    private static OpInfo t() {
        String op = "t";
        List<Sample> c = new ArrayList<>();
        int[][] shapes = {{}, {1}, {5}, {3, 4}, {2, 3}, {7, 2}, {1, 4}, {4, 1}, {1, 1}, {6, 6}, {0}, {2, 0}, {0, 3},
            {0, 0}};
        for (int[] shape : shapes) {
            String id = Input.shapeText(shape);
            c.add(Sample.of(id, kinds(), Attrs.none(), MovementSupport.draw(op, id, shape)));
        }
        c.add(Sample.of("edge values", kinds(Kind.EDGE), Attrs.none(), MovementSupport.edges()));
        c.add(Sample.of("edge values (10,)", kinds(Kind.EDGE), Attrs.none(),
                Input.of(new int[] {10}, Samples.EDGE_VALUES.clone())));
        c.add(Sample.of("edge values 0-d NaN", kinds(Kind.EDGE), Attrs.none(), Input.of(new int[] {}, NAN)));
        c.add(Sample.error("(2,3,4)", "t() expects a tensor with <= 2 dimensions, but self is 3D", Attrs.none(),
                MovementSupport.draw(op, "(2,3,4)", new int[] {2, 3, 4})));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.elementwise())
                .nano((in, a) -> Nano.t(in[0]))
                .torchKernel(T, (in, a) -> T.call(in[0]))
                .samples(c)
                .exclude(Kind.BROADCAST, MovementCases.ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, MovementCases.NO_KINKS)
                .exclude(Kind.DIMS, "no dim argument")
                .build();
    }
}
