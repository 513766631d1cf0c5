package dev.nano.oracle.cases;

import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.nano.Nano;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static dev.nano.oracle.cases.MovementSupport.draw;
import static dev.nano.oracle.cases.MovementSupport.drawAll;
import static dev.nano.oracle.cases.MovementSupport.edges;
import static dev.nano.oracle.cases.MovementSupport.error;
import static dev.nano.oracle.cases.MovementSupport.list;
import static dev.nano.oracle.cases.MovementSupport.longs;
import static dev.nano.oracle.cases.MovementSupport.pt;
import static dev.nano.oracle.cases.MovementSupport.pts;
import static dev.nano.oracle.cases.MovementSupport.sample;
import static dev.nano.oracle.cases.Samples.INF;
import static dev.nano.oracle.cases.Samples.NAN;
import static dev.nano.oracle.cases.Samples.kinds;

/**
 * The movement ops: reshape view flatten squeeze unsqueeze transpose permute expand cat stack
 * narrow select index gather pad clone. They copy elements without computing new values, so
 * every case also checks that NaN, ±inf and -0.0 pass through unchanged (EDGE), and the gradient
 * is the upstream gradient sent back along the same index map (summed where an element was read
 * more than once: expand, gather with repeated indices).
 */
final class MovementCases {
    private MovementCases() {
    }

    static final String ONE_INPUT = "one tensor input: nothing to broadcast";
    static final String NO_SCALAR = "no scalar operand";
    static final String NO_KINKS = "a movement op copies elements (out[i] = x[source[i]]): linear, no kinks or ties";

    private static final String DIM_RANGE_2 = "Dimension out of range (expected to be in range of [-2, 1], but got ";
    private static final String DIM_RANGE_3 = "Dimension out of range (expected to be in range of [-3, 2], but got ";

    static List<OpInfo> entries() {
        return List.of(reshape("reshape", false), reshape("view", true), flatten(), squeeze(), unsqueeze(), transpose(), permute(),
                expand(), cat(), stack(), narrow(), select(), index(), gather(), takeAlongDim(), pad(), cloneOp());
    }

    private static final AtenKernel VIEW = AtenKernel.of("aten::view", "x: Tensor, shape: List[int]", "x.view(shape)");
    private static final AtenKernel SQUEEZE_ALL = AtenKernel.of("aten::squeeze", "x: Tensor", "torch.squeeze(x)");
    private static final AtenKernel SQUEEZE = AtenKernel.of("aten::squeeze.dims", "x: Tensor, dims: List[int]",
            "torch.squeeze(x, dims)");
    private static final AtenKernel NARROW = AtenKernel.of("aten::narrow",
            "x: Tensor, dim: int, start: int, length: int", "torch.narrow(x, dim, start, length)");
    private static final AtenKernel NARROW_TENSOR = AtenKernel.of("aten::narrow.Tensor",
            "x: Tensor, dim: int, start: Tensor, length: int", "torch.narrow(x, dim, start, length)");
    private static final AtenKernel SELECT = AtenKernel.of("aten::select.int", "x: Tensor, dim: int, index: int",
            "torch.select(x, dim, index)");
    private static final AtenKernel CLONE = AtenKernel.of("aten::clone", "x: Tensor", "torch.clone(x)");

    private static Oracle djl(String aten) {
        return Oracle.kernel(aten, Oracle.DJL);
    }

    private static OpInfo.Builder single(String name) {
        return OpInfo.builder(name, "ops")
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, NO_KINKS);
    }

    // ---------------------------------------------------------------- reshape, view

    /** reshape (DJL's Tensor::reshape) and view (through the bridge: DJL has no view). */
    private static OpInfo reshape(String op, boolean view) {
        Object[][] forms = {
            {new int[] {}, new int[] {1}}, {new int[] {}, new int[] {}}, {new int[] {}, new int[] {1, 1, 1}},
            {new int[] {}, new int[] {-1}},
            {new int[] {5}, new int[] {5, 1}}, {new int[] {5}, new int[] {-1}}, {new int[] {5}, new int[] {1, 5, 1}},
            {new int[] {1}, new int[] {}},
            {new int[] {3, 4}, new int[] {4, 3}}, {new int[] {3, 4}, new int[] {12}}, {new int[] {3, 4}, new int[] {2, -1}},
            {new int[] {3, 4}, new int[] {-1, 6}}, {new int[] {3, 4}, new int[] {2, 2, 3}},
            {new int[] {3, 4}, new int[] {3, 4}},
            {new int[] {2, 3, 4}, new int[] {6, 4}}, {new int[] {2, 3, 4}, new int[] {4, -1, 2}},
            {new int[] {2, 3, 4}, new int[] {24}}, {new int[] {2, 3, 4}, new int[] {2, 12}},
            {new int[] {2, 3, 4}, new int[] {-1}}, {new int[] {2, 3, 4}, new int[] {1, 2, 1, 12, 1}},
            {new int[] {0}, new int[] {0, 5}}, {new int[] {0}, new int[] {2, 0}},
            {new int[] {2, 0, 3}, new int[] {0}}, {new int[] {2, 0, 3}, new int[] {3, 0}},
            {new int[] {2, 0, 3}, new int[] {-1, 3}}, {new int[] {2, 0, 3}, new int[] {6, 0, 1}},
        };
        List<Sample> s = new ArrayList<>();
        for (Object[] f : forms) {
            int[] in = (int[]) f[0];
            int[] shape = (int[]) f[1];
            String id = Input.shapeText(in) + "->" + list(shape);
            s.add(sample(op, id, kinds(), Attrs.of("shape", shape), in));
        }
        s.add(Sample.of("edge values (2,5)->[5,2]", kinds(Kind.EDGE), Attrs.of("shape", new int[] {5, 2}), edges()));
        s.add(error(op, "(3,4)->[3,5]", "shape '[3, 5]' is invalid for input of size 12",
                Attrs.of("shape", new int[] {3, 5}), 3, 4));
        s.add(error(op, "(5,)->[2,-1]", "shape '[2, -1]' is invalid for input of size 5",
                Attrs.of("shape", new int[] {2, -1}), 5));
        s.add(error(op, "(3,4)->[-1,-1]", "only one dimension can be inferred",
                Attrs.of("shape", new int[] {-1, -1}), 3, 4));
        s.add(error(op, "(3,4)->[-2,-6]", "invalid shape dimension -2",
                Attrs.of("shape", new int[] {-2, -6}), 3, 4));
        s.add(error(op, "(2,0,3)->[0,-1]", "cannot reshape tensor of 0 elements into shape [0, -1] because the"
                + " unspecified dimension size -1 can be any value and is ambiguous",
                Attrs.of("shape", new int[] {0, -1}), 2, 0, 3));
        s.add(error(op, "()->[2]", "shape '[2]' is invalid for input of size 1", Attrs.of("shape", new int[] {2})));
        return single(op)
                .fuzz(FuzzRule.templateShapes("the target shape is tied to the input's number of elements"))
                .nano((in, a) -> view ? Nano.view(in[0], a.getInts("shape")) : Nano.reshape(in[0], a.getInts("shape")))
                .oracle(view ? Oracle.kernel("aten::view", Oracle.TORCHSCRIPT) : djl("aten::reshape"))
                .torch((in, a) -> view ? VIEW.call(in[0], a.getInts("shape"))
                        : JniUtils.reshape(pt(in[0]), longs(a.getInts("shape"))))
                .samples(s)
                .exclude(Kind.DIMS, "takes a target shape, not a dim; the inferred size -1 is covered by forward cases")
                .build();
    }

    // ---------------------------------------------------------------- flatten

    private static OpInfo flatten() {
        String op = "flatten";
        int[][][] forms = {
            {{2, 3, 4}, {0, -1}}, {{2, 3, 4}, {0, 1}}, {{2, 3, 4}, {1, 2}}, {{2, 3, 4}, {0, 2}},
            {{2, 3, 4}, {-2, -1}}, {{2, 3, 4}, {-3, -2}}, {{2, 3, 4}, {1, 1}}, {{2, 3, 4}, {2, 2}},
            {{2, 3, 4}, {-3, 1}}, {{2, 3, 4}, {0, 0}},
            {{3, 4}, {0, 1}}, {{3, 4}, {0, 0}}, {{3, 4}, {-1, -1}}, {{3, 4}, {-2, -1}}, {{3, 4}, {1, 1}},
            {{5}, {0, 0}}, {{5}, {0, -1}}, {{5}, {-1, -1}},
            {{}, {0, -1}}, {{}, {0, 0}}, {{}, {-1, -1}},
            {{2, 3, 4, 5}, {1, 2}}, {{2, 3, 4, 5}, {1, -1}}, {{2, 3, 4, 5}, {-4, -2}},
            {{0}, {0, 0}}, {{2, 0, 3}, {0, -1}}, {{2, 0, 3}, {1, 2}}, {{2, 0, 3}, {0, 1}},
        };
        List<Sample> s = new ArrayList<>();
        for (int[][] f : forms) {
            String id = Input.shapeText(f[0]) + " " + f[1][0] + ".." + f[1][1];
            s.add(sample(op, id, kinds(Kind.DIMS), Attrs.of("start", f[1][0]).with("end", f[1][1]), f[0]));
        }
        s.add(Sample.of("edge values 0..1", kinds(Kind.EDGE), Attrs.of("start", 0).with("end", 1), edges()));
        s.add(error(op, "(3,4) 1..0", "flatten() has invalid args: start_dim cannot come after end_dim",
                Attrs.of("start", 1).with("end", 0), 3, 4));
        s.add(error(op, "(2,3,4) -1..0", "flatten() has invalid args: start_dim cannot come after end_dim",
                Attrs.of("start", -1).with("end", 0), 2, 3, 4));
        s.add(error(op, "(2,3,4) 0..3", DIM_RANGE_3 + "3)", Attrs.of("start", 0).with("end", 3), 2, 3, 4));
        s.add(error(op, "(3,4) -3..1", DIM_RANGE_2 + "-3)", Attrs.of("start", -3).with("end", 1), 3, 4));
        return single(op)
                .fuzz(FuzzRule.alongDims(Set.of("start", "end")))
                .nano((in, a) -> Nano.flatten(in[0], a.getInt("start"), a.getInt("end")))
                .oracle(djl("aten::flatten.using_ints"))
                .torch((in, a) -> JniUtils.flatten(pt(in[0]), a.getInt("start"), a.getInt("end")))
                .samples(s)
                .build();
    }

    // ---------------------------------------------------------------- squeeze, unsqueeze

    /**
     * squeeze() and squeeze(dim) are torch's own; DJL has no squeeze(dims) with several dims, so
     * that form squeezes one named dim at a time, highest first (dims wrapped here, all valid in
     * these cases). Squeezing a size-1 dim moves no element, so values and gradient are the same.
     */
    private static OpInfo squeeze() {
        String op = "squeeze";
        List<Sample> s = new ArrayList<>();
        int[][] allShapes = {{1, 3, 1, 4}, {2, 1, 3}, {1}, {1, 1}, {}, {5}, {3, 4}, {2, 3, 4}, {0}, {2, 0, 3},
            {1, 0, 1}};
        for (int[] shape : allShapes) {
            String id = Input.shapeText(shape) + " all";
            s.add(sample(op, id, kinds(), Attrs.none(), shape));
        }
        Object[][] dimForms = {
            {new int[] {1, 3, 1, 4}, new int[] {0}}, {new int[] {1, 3, 1, 4}, new int[] {2}},
            {new int[] {1, 3, 1, 4}, new int[] {1}}, {new int[] {1, 3, 1, 4}, new int[] {3}},
            {new int[] {1, 3, 1, 4}, new int[] {-2}}, {new int[] {1, 3, 1, 4}, new int[] {-4}},
            {new int[] {1, 3, 1, 4}, new int[] {-1}},
            {new int[] {2, 1, 3}, new int[] {1}}, {new int[] {2, 1, 3}, new int[] {-2}},
            {new int[] {}, new int[] {0}}, {new int[] {}, new int[] {-1}},
            {new int[] {5}, new int[] {0}}, {new int[] {1}, new int[] {0}}, {new int[] {1}, new int[] {-1}},
            {new int[] {1, 0}, new int[] {0}}, {new int[] {2, 0, 3}, new int[] {1}},
            {new int[] {1, 3, 1, 4}, new int[] {0, 2}}, {new int[] {1, 3, 1, 4}, new int[] {-1, 0}},
            {new int[] {1, 3, 1, 4}, new int[] {2, -4, 1}}, {new int[] {1, 1}, new int[] {0, 1}},
        };
        for (Object[] f : dimForms) {
            int[] shape = (int[]) f[0];
            int[] dims = (int[]) f[1];
            String id = Input.shapeText(shape) + " dims " + list(dims);
            s.add(sample(op, id, kinds(Kind.DIMS), Attrs.of("dims", dims), shape));
        }
        s.add(Sample.of("edge values (1,10)", kinds(Kind.EDGE), Attrs.none(),
                Input.of(new int[] {1, 10}, Samples.EDGE_VALUES.clone())));
        s.add(error(op, "(1,3,1,4) dim 4", "Dimension out of range (expected to be in range of [-4, 3], but got 4)",
                Attrs.of("dims", new int[] {4}), 1, 3, 1, 4));
        s.add(error(op, "(3,4) dim -3", DIM_RANGE_2 + "-3)", Attrs.of("dims", new int[] {-3}), 3, 4));
        s.add(error(op, "() dim 1", "Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                Attrs.of("dims", new int[] {1})));
        return single(op)
                .fuzz(FuzzRule.alongDims())
                .nano((in, a) -> a.has("dims") ? Nano.squeeze(in[0], a.getInts("dims")) : Nano.squeeze(in[0]))
                // squeeze.dims through the bridge: DJL squeezes one dim at a time.
                .oracle(Oracle.kernel("aten::squeeze, aten::squeeze.dims", Oracle.TORCHSCRIPT))
                .torch((in, a) -> a.has("dims") ? SQUEEZE.call(in[0], a.getInts("dims")) : SQUEEZE_ALL.call(in[0]))
                .samples(s)
                .build();
    }

    private static OpInfo unsqueeze() {
        String op = "unsqueeze";
        int[][][] forms = {
            {{}, {0}}, {{}, {-1}},
            {{5}, {0}}, {{5}, {1}}, {{5}, {-1}}, {{5}, {-2}},
            {{3, 4}, {0}}, {{3, 4}, {1}}, {{3, 4}, {2}}, {{3, 4}, {-1}}, {{3, 4}, {-2}}, {{3, 4}, {-3}},
            {{2, 3, 4}, {0}}, {{2, 3, 4}, {1}}, {{2, 3, 4}, {2}}, {{2, 3, 4}, {3}}, {{2, 3, 4}, {-1}},
            {{2, 3, 4}, {-4}}, {{2, 3, 4}, {-2}},
            {{0}, {0}}, {{0}, {1}}, {{2, 0, 3}, {1}}, {{2, 0, 3}, {-1}},
        };
        List<Sample> s = new ArrayList<>();
        for (int[][] f : forms) {
            String id = Input.shapeText(f[0]) + " dim " + f[1][0];
            s.add(sample(op, id, kinds(Kind.DIMS), Attrs.of("dim", f[1][0]), f[0]));
        }
        s.add(Sample.of("edge values dim 1", kinds(Kind.EDGE), Attrs.of("dim", 1), edges()));
        s.add(error(op, "(3,4) dim 3", DIM_RANGE_3 + "3)", Attrs.of("dim", 3), 3, 4));
        s.add(error(op, "(3,4) dim -4", DIM_RANGE_3 + "-4)", Attrs.of("dim", -4), 3, 4));
        s.add(error(op, "() dim 2", "Dimension out of range (expected to be in range of [-1, 0], but got 2)",
                Attrs.of("dim", 2)));
        return single(op)
                .fuzz(FuzzRule.alongDims())
                .nano((in, a) -> Nano.unsqueeze(in[0], a.getInt("dim")))
                .oracle(djl("aten::unsqueeze"))
                .torch((in, a) -> JniUtils.unsqueeze(pt(in[0]), a.getInt("dim")))
                .samples(s)
                .build();
    }

    // ---------------------------------------------------------------- transpose, permute

    private static OpInfo transpose() {
        String op = "transpose";
        int[][][] forms = {
            {{}, {0, 0}}, {{}, {-1, 0}},
            {{5}, {0, 0}}, {{5}, {0, -1}},
            {{3, 4}, {0, 1}}, {{3, 4}, {1, 0}}, {{3, 4}, {-1, -2}}, {{3, 4}, {0, 0}}, {{3, 4}, {-1, 0}},
            {{2, 3, 4}, {0, 1}}, {{2, 3, 4}, {0, 2}}, {{2, 3, 4}, {1, 2}}, {{2, 3, 4}, {-1, 0}},
            {{2, 3, 4}, {-3, -1}}, {{2, 3, 4}, {2, 2}}, {{2, 3, 4}, {2, -2}},
            {{2, 3, 4, 5}, {1, 3}}, {{2, 3, 4, 5}, {0, -1}},
            {{0}, {0, 0}}, {{2, 0, 3}, {0, 1}}, {{2, 0, 3}, {1, 2}}, {{2, 0, 3}, {0, -1}},
        };
        List<Sample> s = new ArrayList<>();
        for (int[][] f : forms) {
            String id = Input.shapeText(f[0]) + " " + f[1][0] + "," + f[1][1];
            s.add(sample(op, id, kinds(Kind.DIMS), Attrs.of("dim0", f[1][0]).with("dim1", f[1][1]), f[0]));
        }
        s.add(Sample.of("edge values 0,1", kinds(Kind.EDGE), Attrs.of("dim0", 0).with("dim1", 1), edges()));
        s.add(error(op, "(3,4) 0,2", DIM_RANGE_2 + "2)", Attrs.of("dim0", 0).with("dim1", 2), 3, 4));
        s.add(error(op, "(3,4) -3,0", DIM_RANGE_2 + "-3)", Attrs.of("dim0", -3).with("dim1", 0), 3, 4));
        s.add(error(op, "(2,3,4) 1,3", DIM_RANGE_3 + "3)", Attrs.of("dim0", 1).with("dim1", 3), 2, 3, 4));
        return single(op)
                .fuzz(FuzzRule.alongDims())
                .nano((in, a) -> Nano.transpose(in[0], a.getInt("dim0"), a.getInt("dim1")))
                .oracle(djl("aten::transpose.int"))
                .torch((in, a) -> JniUtils.transpose(pt(in[0]), a.getInt("dim0"), a.getInt("dim1")))
                .samples(s)
                .build();
    }

    private static OpInfo permute() {
        String op = "permute";
        int[][][] forms = {
            {{}, {}}, {{5}, {0}}, {{5}, {-1}},
            {{3, 4}, {1, 0}}, {{3, 4}, {0, 1}}, {{3, 4}, {-1, 0}}, {{3, 4}, {-1, -2}},
            {{2, 3, 4}, {0, 1, 2}}, {{2, 3, 4}, {0, 2, 1}}, {{2, 3, 4}, {1, 0, 2}}, {{2, 3, 4}, {1, 2, 0}},
            {{2, 3, 4}, {2, 0, 1}}, {{2, 3, 4}, {2, 1, 0}}, {{2, 3, 4}, {-1, -3, -2}}, {{2, 3, 4}, {2, -3, 1}},
            {{2, 3, 4, 5}, {3, 1, 0, 2}}, {{2, 3, 4, 5}, {-1, -2, -3, -4}},
            {{0}, {0}}, {{2, 0, 3}, {2, 0, 1}}, {{2, 0, 3}, {1, 2, 0}},
        };
        List<Sample> s = new ArrayList<>();
        for (int[][] f : forms) {
            String id = Input.shapeText(f[0]) + " " + list(f[1]);
            s.add(sample(op, id, kinds(Kind.DIMS), Attrs.of("dims", f[1]), f[0]));
        }
        s.add(Sample.of("edge values [1,0]", kinds(Kind.EDGE), Attrs.of("dims", new int[] {1, 0}), edges()));
        s.add(error(op, "(2,3,4) [1,0]", "number of dimensions in the tensor input does not match the length of the"
                + " desired ordering of dimensions i.e. input.dim() = 3 is not equal to len(dims) = 2",
                Attrs.of("dims", new int[] {1, 0}), 2, 3, 4));
        s.add(error(op, "(3,4) [0,1,2]", "number of dimensions in the tensor input does not match the length of the"
                + " desired ordering of dimensions i.e. input.dim() = 2 is not equal to len(dims) = 3",
                Attrs.of("dims", new int[] {0, 1, 2}), 3, 4));
        s.add(error(op, "(2,3,4) [0,2,-1]", "duplicate dims are not allowed",
                Attrs.of("dims", new int[] {0, 2, -1}), 2, 3, 4));
        s.add(error(op, "(2,3,4) [3,0,1]", DIM_RANGE_3 + "3)", Attrs.of("dims", new int[] {3, 0, 1}), 2, 3, 4));
        return single(op)
                .fuzz(FuzzRule.templateShapes("the dims are a permutation of the input's rank"))
                .nano((in, a) -> Nano.permute(in[0], a.getInts("dims")))
                .oracle(djl("aten::permute"))
                .torch((in, a) -> JniUtils.permute(pt(in[0]), longs(a.getInts("dims"))))
                .samples(s)
                .build();
    }

    // ---------------------------------------------------------------- expand

    private static OpInfo expand() {
        String op = "expand";
        Object[][] forms = {
            {new int[] {}, new int[] {3}}, {new int[] {}, new int[] {2, 3}}, {new int[] {}, new int[] {}},
            {new int[] {1}, new int[] {5}}, {new int[] {1}, new int[] {-1}},
            {new int[] {5}, new int[] {3, 5}}, {new int[] {5}, new int[] {5}}, {new int[] {5}, new int[] {-1}},
            {new int[] {5}, new int[] {2, -1}},
            {new int[] {3, 1}, new int[] {3, 4}}, {new int[] {3, 1}, new int[] {-1, 4}},
            {new int[] {3, 1}, new int[] {2, 3, 4}}, {new int[] {1, 4}, new int[] {3, 4}},
            {new int[] {1, 1}, new int[] {2, 3}}, {new int[] {3, 4}, new int[] {2, 3, 4}},
            {new int[] {2, 1, 4}, new int[] {2, 3, 4}}, {new int[] {2, 1, 4}, new int[] {5, -1, 3, -1}},
            {new int[] {1, 3, 1}, new int[] {2, 3, 2}},
            {new int[] {0}, new int[] {2, 0}}, {new int[] {1}, new int[] {0}}, {new int[] {2, 1, 3}, new int[] {2, 0, 3}},
            {new int[] {2, 0, 3}, new int[] {4, 2, 0, 3}}, {new int[] {2, 0, 3}, new int[] {-1, -1, -1}},
        };
        List<Sample> s = new ArrayList<>();
        for (Object[] f : forms) {
            int[] in = (int[]) f[0];
            int[] sizes = (int[]) f[1];
            String id = Input.shapeText(in) + "->" + list(sizes);
            s.add(sample(op, id, kinds(), Attrs.of("sizes", sizes), in));
        }
        s.add(Sample.of("edge values (2,5)->[3,2,5]", kinds(Kind.EDGE), Attrs.of("sizes", new int[] {3, 2, 5}),
                edges()));
        s.add(error(op, "(3,4)->[3,5]", "The expanded size of the tensor (5) must match the existing size (4) at"
                + " non-singleton dimension 1.  Target sizes: [3, 5].  Tensor sizes: [3, 4]",
                Attrs.of("sizes", new int[] {3, 5}), 3, 4));
        s.add(error(op, "(3,1)->[2,4,4]", "The expanded size of the tensor (4) must match the existing size (3) at"
                + " non-singleton dimension 1.  Target sizes: [2, 4, 4].  Tensor sizes: [3, 1]",
                Attrs.of("sizes", new int[] {2, 4, 4}), 3, 1));
        s.add(error(op, "(3,4)->[4]", "expand(CPUDoubleType{[3, 4]}, size=[4]): the number of sizes provided (1)"
                + " must be greater or equal to the number of dimensions in the tensor (2)",
                Attrs.of("sizes", new int[] {4}), 3, 4));
        s.add(error(op, "(3,4)->[-1,3,4]", "The expanded size of the tensor (-1) isn't allowed in a leading,"
                + " non-existing dimension 0", Attrs.of("sizes", new int[] {-1, 3, 4}), 3, 4));
        // Added for the mutation score: the message names the tensor's C++ type, which differs for int64 and bool.
        s.add(Sample.error("int64 (2,2)->[2]", "expand(CPULongType{[2, 2]}, size=[2]): the number of sizes provided"
                + " (1) must be greater or equal to the number of dimensions in the tensor (2)",
                Attrs.of("sizes", new int[] {2}), Input.int64(new int[] {2, 2}, 1, -2, 0, 3)));
        s.add(Sample.error("bool (2,2)->[2]", "expand(CPUBoolType{[2, 2]}, size=[2]): the number of sizes provided"
                + " (1) must be greater or equal to the number of dimensions in the tensor (2)",
                Attrs.of("sizes", new int[] {2}), Input.bool(new int[] {2, 2}, 1, 0, 0, 1)));
        // A size below -1 is rejected by DJL's own Shape check before libtorch sees it: not a case here.
        return single(op)
                .fuzz(FuzzRule.templateShapes("the target sizes are tied to the input's shape"))
                .nano((in, a) -> Nano.expand(in[0], a.getInts("sizes")))
                .oracle(djl("aten::expand"))
                .torch((in, a) -> JniUtils.broadcast(pt(in[0]), new Shape(longs(a.getInts("sizes")))))
                .samples(s)
                .exclude(Kind.DIMS, "takes target sizes, not a dim; -1 (keep the size) is covered by forward cases")
                .build();
    }

    // ---------------------------------------------------------------- cat, stack

    private static OpInfo.Builder joining(String name) {
        return OpInfo.builder(name, "ops")
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, NO_KINKS)
                .exclude(Kind.BROADCAST, "joins tensors without broadcasting: the other dims must match exactly"
                        + " (a mismatch is an error case)");
    }

    private static Sample join(String op, String id, Attrs attrs, int[]... shapes) {
        return Sample.of(id, kinds(Kind.DIMS), attrs, drawAll(op, id, shapes));
    }

    private static Sample joinError(String op, String id, String keyPhrase, Attrs attrs, int[]... shapes) {
        return Sample.error(id, keyPhrase, attrs, drawAll(op, id, shapes));
    }

    private static OpInfo cat() {
        String op = "cat";
        List<Sample> s = new ArrayList<>();
        s.add(join(op, "(5,)+(3,) dim 0", Attrs.of("dim", 0), new int[] {5}, new int[] {3}));
        s.add(join(op, "(5,)+(3,) dim -1", Attrs.of("dim", -1), new int[] {5}, new int[] {3}));
        s.add(join(op, "(5,) alone", Attrs.of("dim", 0), new int[] {5}));
        s.add(join(op, "(3,4)+(2,4) dim 0", Attrs.of("dim", 0), new int[] {3, 4}, new int[] {2, 4}));
        s.add(join(op, "(3,4)+(2,4) dim -2", Attrs.of("dim", -2), new int[] {3, 4}, new int[] {2, 4}));
        s.add(join(op, "(3,4)+(3,2) dim 1", Attrs.of("dim", 1), new int[] {3, 4}, new int[] {3, 2}));
        s.add(join(op, "(3,4)+(3,2)+(3,1) dim -1", Attrs.of("dim", -1), new int[] {3, 4}, new int[] {3, 2},
                new int[] {3, 1}));
        s.add(join(op, "(2,3,4)+(1,3,4) dim 0", Attrs.of("dim", 0), new int[] {2, 3, 4}, new int[] {1, 3, 4}));
        s.add(join(op, "(2,3,4)+(2,1,4)+(2,2,4) dim 1", Attrs.of("dim", 1), new int[] {2, 3, 4},
                new int[] {2, 1, 4}, new int[] {2, 2, 4}));
        s.add(join(op, "(2,3,4)+(2,3,2) dim 2", Attrs.of("dim", 2), new int[] {2, 3, 4}, new int[] {2, 3, 2}));
        s.add(join(op, "(2,3,4)+(2,3,4) dim -3", Attrs.of("dim", -3), new int[] {2, 3, 4}, new int[] {2, 3, 4}));
        s.add(join(op, "(2,3,4)+(2,2,4) dim -2", Attrs.of("dim", -2), new int[] {2, 3, 4}, new int[] {2, 2, 4}));
        s.add(join(op, "(0,)+(0,) dim 0", Attrs.of("dim", 0), new int[] {0}, new int[] {0}));
        s.add(join(op, "(0,)+(4,) dim 0", Attrs.of("dim", 0), new int[] {0}, new int[] {4}));
        s.add(join(op, "(2,0,3)+(2,2,3) dim 1", Attrs.of("dim", 1), new int[] {2, 0, 3}, new int[] {2, 2, 3}));
        s.add(join(op, "(2,0,3)+(2,0,3) dim 0", Attrs.of("dim", 0), new int[] {2, 0, 3}, new int[] {2, 0, 3}));
        s.add(join(op, "(3,0)+(3,4) dim 1", Attrs.of("dim", 1), new int[] {3, 0}, new int[] {3, 4}));
        // PyTorch's legacy rule: a 1-D empty tensor is skipped, whatever the rank of the others.
        s.add(join(op, "(3,4)+(0,) dim 0 (legacy skip)", Attrs.of("dim", 0), new int[] {3, 4}, new int[] {0}));
        s.add(join(op, "(0,)+(2,3)+(0,) dim 1 (legacy skip)", Attrs.of("dim", 1), new int[] {0}, new int[] {2, 3},
                new int[] {0}));
        s.add(Sample.of("edge values dim 0", kinds(Kind.EDGE), Attrs.of("dim", 0), edges(),
                Input.of(new int[] {1, 5}, -0.0, NAN, -INF, INF, 0.0)));
        s.add(joinError(op, "(3,4)+(2,5) dim 0", "Sizes of tensors must match except in dimension 0. Expected size 4"
                + " but got size 5 for tensor number 1 in the list.", Attrs.of("dim", 0), new int[] {3, 4},
                new int[] {2, 5}));
        s.add(joinError(op, "(2,3,4)+(2,3,4)+(2,1,4) dim 2", "Sizes of tensors must match except in dimension 2."
                + " Expected size 3 but got size 1 for tensor number 2 in the list.", Attrs.of("dim", 2),
                new int[] {2, 3, 4}, new int[] {2, 3, 4}, new int[] {2, 1, 4}));
        s.add(joinError(op, "(3,4)+(4,) dim 0", "Tensors must have same number of dimensions: got 2 and 1",
                Attrs.of("dim", 0), new int[] {3, 4}, new int[] {4}));
        s.add(joinError(op, "()+() dim 0", "zero-dimensional tensor (at position 0) cannot be concatenated",
                Attrs.of("dim", 0), new int[] {}, new int[] {}));
        s.add(joinError(op, "(3,)+() dim 0", "zero-dimensional tensor (at position 1) cannot be concatenated",
                Attrs.of("dim", 0), new int[] {3}, new int[] {}));
        s.add(joinError(op, "(3,4)+(3,4) dim 2", DIM_RANGE_2 + "2)", Attrs.of("dim", 2), new int[] {3, 4},
                new int[] {3, 4}));
        return joining(op)
                .fuzz(FuzzRule.sameShapes())
                .nano((in, a) -> Nano.cat(in, a.getInt("dim")))
                .oracle(djl("aten::cat"))
                .torch((in, a) -> JniUtils.cat(pts(in), a.getInt("dim")))
                .samples(s)
                .build();
    }

    private static OpInfo stack() {
        String op = "stack";
        List<Sample> s = new ArrayList<>();
        int[][] shapes = {{5}, {3, 4}, {2, 3, 4}};
        for (int[] shape : shapes) {
            for (int dim = -(shape.length + 1); dim <= shape.length; dim++) {
                int count = 2 + Math.floorMod(dim, 2); // 2 or 3 inputs
                int[][] all = new int[count][];
                Arrays.fill(all, shape);
                String id = count + "x" + Input.shapeText(shape) + " dim " + dim;
                s.add(join(op, id, Attrs.of("dim", dim), all));
            }
        }
        s.add(join(op, "3x() dim 0", Attrs.of("dim", 0), new int[] {}, new int[] {}, new int[] {}));
        s.add(join(op, "2x() dim -1", Attrs.of("dim", -1), new int[] {}, new int[] {}));
        s.add(join(op, "1x(3,4) dim 1", Attrs.of("dim", 1), new int[] {3, 4}));
        s.add(join(op, "2x(0,) dim 0", Attrs.of("dim", 0), new int[] {0}, new int[] {0}));
        s.add(join(op, "2x(0,) dim 1", Attrs.of("dim", 1), new int[] {0}, new int[] {0}));
        s.add(join(op, "2x(2,0,3) dim 1", Attrs.of("dim", 1), new int[] {2, 0, 3}, new int[] {2, 0, 3}));
        s.add(join(op, "2x(2,0,3) dim -1", Attrs.of("dim", -1), new int[] {2, 0, 3}, new int[] {2, 0, 3}));
        s.add(Sample.of("edge values dim 1", kinds(Kind.EDGE), Attrs.of("dim", 1), edges(),
                Input.of(new int[] {2, 5}, -0.0, NAN, -INF, INF, 0.0, 1e300, -1e-300, NAN, 1, -1)));
        s.add(joinError(op, "(3,4)+(3,5) dim 0", "stack expects each tensor to be equal size, but got [3, 4] at entry"
                + " 0 and [3, 5] at entry 1", Attrs.of("dim", 0), new int[] {3, 4}, new int[] {3, 5}));
        s.add(joinError(op, "(2,)+(2,)+(3,) dim 0", "stack expects each tensor to be equal size, but got [2] at entry"
                + " 0 and [3] at entry 2", Attrs.of("dim", 0), new int[] {2}, new int[] {2}, new int[] {3}));
        s.add(joinError(op, "(3,4)+(3,4) dim 3", DIM_RANGE_3 + "3)", Attrs.of("dim", 3), new int[] {3, 4},
                new int[] {3, 4}));
        s.add(joinError(op, "(3,4)+(3,4) dim -4", DIM_RANGE_3 + "-4)", Attrs.of("dim", -4), new int[] {3, 4},
                new int[] {3, 4}));
        return joining(op)
                .fuzz(FuzzRule.sameShapes())
                .nano((in, a) -> Nano.stack(in, a.getInt("dim")))
                .oracle(djl("aten::stack"))
                .torch((in, a) -> JniUtils.stack(pts(in), a.getInt("dim")))
                .samples(s)
                .build();
    }

    // ---------------------------------------------------------------- narrow, select, index

    /** torch.narrow through the TorchScript bridge (DJL has no narrow: slice clamps where narrow refuses). */
    private static OpInfo narrow() {
        String op = "narrow";
        int[][][] forms = {
            {{5}, {0, 1, 3}}, {{5}, {0, -3, 2}}, {{5}, {-1, 0, 5}}, {{5}, {0, 5, 0}}, {{5}, {0, -5, 1}},
            {{3, 4}, {0, 1, 2}}, {{3, 4}, {1, 0, 3}}, {{3, 4}, {-1, 2, 2}}, {{3, 4}, {1, -2, 2}},
            {{3, 4}, {-2, 0, 1}}, {{3, 4}, {1, 4, 0}}, {{3, 4}, {0, 0, 3}},
            {{2, 3, 4}, {0, 1, 1}}, {{2, 3, 4}, {1, 1, 2}}, {{2, 3, 4}, {2, 0, 3}}, {{2, 3, 4}, {-1, 3, 1}},
            {{2, 3, 4}, {-3, -2, 2}}, {{2, 3, 4}, {-2, -1, 1}},
            {{0}, {0, 0, 0}}, {{2, 0, 3}, {1, 0, 0}}, {{2, 0, 3}, {2, 1, 2}}, {{2, 0, 3}, {0, 1, 1}},
        };
        List<Sample> s = new ArrayList<>();
        for (int[][] f : forms) {
            String id = Input.shapeText(f[0]) + " dim " + f[1][0] + " from " + f[1][1] + " len " + f[1][2];
            s.add(sample(op, id, kinds(Kind.DIMS), Attrs.of("dim", f[1][0]).with("start", f[1][1])
                    .with("length", f[1][2]), f[0]));
        }
        s.add(Sample.of("edge values dim 1 from 1 len 3", kinds(Kind.EDGE), Attrs.of("dim", 1).with("start", 1)
                .with("length", 3), edges()));
        s.add(error(op, "(3,4) dim 2", DIM_RANGE_2 + "2)", Attrs.of("dim", 2).with("start", 0).with("length", 1),
                3, 4));
        s.add(error(op, "(2,3,4) dim -4", DIM_RANGE_3 + "-4)", Attrs.of("dim", -4).with("start", 0)
                .with("length", 1), 2, 3, 4));
        s.add(error(op, "() dim 0", "cannot be applied to a 0-dim tensor.", Attrs.of("dim", 0).with("start", 0)
                .with("length", 1)));
        // Past the end: narrow's own checks (a slice would clamp).
        s.add(error(op, "(5,) dim 0 from 3 len 3", "start (3) + length (3) exceeds dimension size (5).",
                Attrs.of("dim", 0).with("start", 3).with("length", 3), 5));
        s.add(error(op, "(5,) dim 0 from 6 len 0",
                "start out of range (expected to be in range of [-5, 5], but got 6)",
                Attrs.of("dim", 0).with("start", 6).with("length", 0), 5));
        s.add(error(op, "(3,4) dim 1 from -5 len 1",
                "start out of range (expected to be in range of [-4, 4], but got -5)",
                Attrs.of("dim", 1).with("start", -5).with("length", 1), 3, 4));
        s.add(error(op, "(5,) dim 0 from 1 len -1", "narrow(): length must be non-negative.",
                Attrs.of("dim", 0).with("start", 1).with("length", -1), 5));
        // The start as a 0-d int64 tensor, the second input (aten's narrow.Tensor; PyTorch's own sample
        // inputs use it and nano had no such form). It must be 0-d and integral.
        for (int[] f : new int[][] {{0, 1, 3}, {0, -2, 2}, {1, 2, 2}}) {
            int[] shape = f[0] == 0 ? new int[] {5} : new int[] {3, 4};
            String id = Input.shapeText(shape) + " dim " + f[0] + " from tensor(" + f[1] + ") len " + f[2];
            s.add(Sample.of(id, kinds(Kind.DIMS), Attrs.of("dim", f[0]).with("length", f[2]),
                    MovementSupport.draw(op, id, shape), Input.int64(new int[] {}, f[1])));
        }
        s.add(Sample.error("(5,) dim 0 from tensor([1]) len 2", "start must be an 0-dim integral Tensor.",
                Attrs.of("dim", 0).with("length", 2), MovementSupport.draw(op, "(5,) tensor([1])", 5),
                Input.int64(new int[] {1}, 1)));
        s.add(Sample.error("(5,) dim 0 from tensor(1.) len 2", "start must be an 0-dim integral Tensor.",
                Attrs.of("dim", 0).with("length", 2), MovementSupport.draw(op, "(5,) tensor(1.)", 5),
                Input.constant(new int[] {}, 1.0)));
        return single(op)
                .fuzz(FuzzRule.templateShapes("start and length are tied to the size of the dim"))
                .nano((in, a) -> in.length > 1
                        ? Nano.narrow(in[0], a.getInt("dim"), in[1], a.getInt("length"))
                        : Nano.narrow(in[0], a.getInt("dim"), a.getInt("start"), a.getInt("length")))
                .torchKernel(NARROW, (in, a) -> in.length > 1
                        ? NARROW_TENSOR.call(in[0], a.getInt("dim"), in[1], a.getInt("length"))
                        : NARROW.call(in[0], a.getInt("dim"), a.getInt("start"), a.getInt("length")))
                .samples(s)
                .build();
    }

    /** torch.select through the TorchScript bridge (DJL has no select). */
    private static OpInfo select() {
        String op = "select";
        int[][][] forms = {
            {{5}, {0, 2}}, {{5}, {0, -1}}, {{5}, {-1, 4}}, {{5}, {0, -5}},
            {{3, 4}, {0, 0}}, {{3, 4}, {0, 2}}, {{3, 4}, {1, 3}}, {{3, 4}, {-1, -4}}, {{3, 4}, {-2, 1}},
            {{3, 4}, {1, 0}},
            {{2, 3, 4}, {0, 1}}, {{2, 3, 4}, {1, 2}}, {{2, 3, 4}, {2, 3}}, {{2, 3, 4}, {-1, 0}},
            {{2, 3, 4}, {-3, -1}}, {{2, 3, 4}, {-2, -2}},
            {{2, 0, 3}, {0, 1}}, {{2, 0, 3}, {2, 1}}, {{2, 0, 3}, {-1, -3}}, {{0, 3}, {1, 2}},
        };
        List<Sample> s = new ArrayList<>();
        for (int[][] f : forms) {
            String id = Input.shapeText(f[0]) + " dim " + f[1][0] + " index " + f[1][1];
            s.add(sample(op, id, kinds(Kind.DIMS), Attrs.of("dim", f[1][0]).with("index", f[1][1]), f[0]));
        }
        s.add(Sample.of("edge values dim 0 index 1", kinds(Kind.EDGE), Attrs.of("dim", 0).with("index", 1),
                edges()));
        s.add(error(op, "(3,4) dim 1 index 4",
                "select(): index 4 out of range for tensor of size [3, 4] at dimension 1",
                Attrs.of("dim", 1).with("index", 4), 3, 4));
        s.add(error(op, "(3,4) dim -1 index -5",
                "select(): index -5 out of range for tensor of size [3, 4] at dimension 1",
                Attrs.of("dim", -1).with("index", -5), 3, 4));
        s.add(error(op, "(3,4) dim 0 index 3",
                "select(): index 3 out of range for tensor of size [3, 4] at dimension 0",
                Attrs.of("dim", 0).with("index", 3), 3, 4));
        s.add(error(op, "(2,0,3) dim 1 index 0",
                "select(): index 0 out of range for tensor of size [2, 0, 3] at dimension 1",
                Attrs.of("dim", 1).with("index", 0), 2, 0, 3));
        s.add(error(op, "() dim 0 index 0",
                "select() cannot be applied to a 0-dim tensor.",
                Attrs.of("dim", 0).with("index", 0)));
        return single(op)
                .fuzz(FuzzRule.templateShapes("dim and index are tied to the shape"))
                .nano((in, a) -> Nano.select(in[0], a.getInt("dim"), a.getInt("index")))
                .torchKernel(SELECT, (in, a) -> SELECT.call(in[0], a.getInt("dim"), a.getInt("index")))
                .samples(s)
                .build();
    }

    /** Python slicing {@code x[a:b:c, ...]}: torch's indexing with the same slices (DJL's NDIndex). */
    private static OpInfo index() {
        String op = "index";
        Object[][] forms = {
            {new int[] {5}, "1:4"}, {new int[] {5}, "::2"}, {new int[] {5}, "-3:"}, {new int[] {5}, ":-1"},
            {new int[] {5}, "10:"}, {new int[] {5}, "3:1"}, {new int[] {5}, "1:4:2"}, {new int[] {5}, ":"},
            {new int[] {5}, "-100:100:3"},
            {new int[] {3, 4}, "1:, ::2"}, {new int[] {3, 4}, ":, 1:3"}, {new int[] {3, 4}, "-2:, -3:-1"},
            {new int[] {3, 4}, "0:1"}, {new int[] {3, 4}, "::2, ::3"}, {new int[] {3, 4}, "5:"},
            {new int[] {2, 3, 4}, ":, 1:2, ::3"}, {new int[] {2, 3, 4}, ":1"}, {new int[] {2, 3, 4}, "1:, -2:, 1:-1:2"},
            {new int[] {2, 3, 4}, ":, :, 3:"}, {new int[] {5, 6}, "1:-1:3, ::4"},
            {new int[] {0}, "1:"}, {new int[] {0}, ":"}, {new int[] {2, 0, 3}, ":, :, 1:"},
            {new int[] {2, 0, 3}, "1:, 0:5"},
            // Added for the mutation score (scripts/mutation-score): an end of exactly 0 is the start of the dim,
            // not counted from the end like -1; a nano that added the size to it survived.
            {new int[] {5}, "1:0"},
        };
        List<Sample> s = new ArrayList<>();
        for (Object[] f : forms) {
            int[] shape = (int[]) f[0];
            String slices = (String) f[1];
            String id = Input.shapeText(shape) + " [" + slices + "]";
            // Slicing several dims at once (and the clamping of out-of-range bounds) is the dims evidence.
            s.add(sample(op, id, slices.contains(",") ? kinds(Kind.DIMS) : kinds(), Attrs.of("slices", slices),
                    shape));
        }
        s.add(Sample.of("edge values [:, 1::2]", kinds(Kind.EDGE), Attrs.of("slices", ":, 1::2"), edges()));
        s.add(error(op, "(3,4) [:, :, :]", "too many indices for tensor of dimension 2",
                Attrs.of("slices", ":, :, :"), 3, 4));
        s.add(error(op, "() [:]", "slice() cannot be applied to a 0-dim tensor.", Attrs.of("slices", ":")));
        s.add(error(op, "(5,) [::-1]", "step must be greater than zero", Attrs.of("slices", "::-1"), 5));
        // A zero step is rejected by DJL's NDIndex before libtorch sees it: not a case here.
        s.addAll(AdvancedIndexSamples.all()); // index tensors, lists, masks, None, ...: x.index(Index...)
        return single(op)
                .fuzz(FuzzRule.templateShapes("the slices are tied to the shape"))
                .nano((in, a) -> a.has(AdvancedIndexSamples.ATTR) ? AdvancedIndexSamples.nano(in, a)
                        : Nano.index(in[0], MovementSupport.slices(a.getString("slices"))))
                // DJL's Tensor::index(TensorIndex...) runs at::indexing's applySlicing, the very
                // code Python's x[...] runs: a chain of aten::slice (and select for integers, unsqueeze
                // for None), then aten::index for index tensors and masks.
                .oracle(djl("aten::slice.Tensor, aten::index.Tensor (at::indexing, as Python's x[...])"))
                .torch((in, a) -> a.has(AdvancedIndexSamples.ATTR) ? AdvancedIndexSamples.torch(in, a)
                        : JniUtils.indexAdv(pt(in[0]), new NDIndex(a.getString("slices")),
                        (PtNDManager) in[0].getManager()))
                .samples(s)
                .build();
    }

    // ---------------------------------------------------------------- gather

    private static Input indices(String op, String id, int size, int... shape) {
        java.util.Random r = Samples.rng(op, id + "/index");
        double[] v = new double[dev.nano.Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(size);
        }
        return Input.int64(shape, v);
    }

    private static Sample gatherCase(String op, String id, int dim, int[] xShape, int[] indexShape) {
        int size = xShape.length == 0 ? 1 : xShape[Math.floorMod(dim, xShape.length)];
        return Sample.of(id, kinds(Kind.DIMS), Attrs.of("dim", dim), draw(op, id, xShape),
                indices(op, id, Math.max(size, 1), indexShape));
    }

    private static OpInfo gather() {
        String op = "gather";
        Object[][] forms = {
            {0, new int[] {5}, new int[] {3}}, {-1, new int[] {5}, new int[] {8}},
            {0, new int[] {3, 4}, new int[] {2, 4}}, {1, new int[] {3, 4}, new int[] {3, 2}},
            {-1, new int[] {3, 4}, new int[] {3, 5}}, {-2, new int[] {3, 4}, new int[] {4, 4}},
            {1, new int[] {3, 4}, new int[] {2, 3}}, {0, new int[] {3, 4}, new int[] {1, 1}},
            {0, new int[] {2, 3, 4}, new int[] {2, 3, 4}}, {1, new int[] {2, 3, 4}, new int[] {2, 5, 4}},
            {2, new int[] {2, 3, 4}, new int[] {1, 2, 6}}, {-1, new int[] {2, 3, 4}, new int[] {2, 3, 2}},
            {-3, new int[] {2, 3, 4}, new int[] {3, 1, 2}},
            {0, new int[] {}, new int[] {}}, {-1, new int[] {}, new int[] {}},
            {1, new int[] {3, 4}, new int[] {3, 0}}, {0, new int[] {0}, new int[] {0}},
            {1, new int[] {2, 0, 3}, new int[] {2, 0, 3}}, {0, new int[] {5}, new int[] {0}},
        };
        List<Sample> s = new ArrayList<>();
        for (Object[] f : forms) {
            int dim = (Integer) f[0];
            int[] xs = (int[]) f[1];
            int[] is = (int[]) f[2];
            s.add(gatherCase(op, Input.shapeText(xs) + " dim " + dim + " index " + Input.shapeText(is), dim, xs, is));
        }
        // Every position picks the same element: its gradient is the sum of all the upstream values. Not a
        // tie (the function stays linear, and the finite-difference check of the random cases, which
        // repeat indices too, covers it); tagged EDGE as the extreme of repetition.
        s.add(Sample.of("(3,4) dim 0 all index 2", kinds(Kind.EDGE, Kind.DIMS), Attrs.of("dim", 0),
                draw(op, "(3,4) dim 0 all index 2", 3, 4), Input.int64(new int[] {5, 4}, new double[20])));
        double[] two = new double[20];
        Arrays.fill(two, 2);
        s.add(Sample.of("(3,4) dim 1 all index 2", kinds(Kind.EDGE, Kind.DIMS), Attrs.of("dim", 1),
                draw(op, "(3,4) dim 1 all index 2", 3, 4), Input.int64(new int[] {2, 10}, two)));
        s.add(Sample.of("edge values dim 1", kinds(Kind.EDGE, Kind.DIMS), Attrs.of("dim", 1), edges(),
                Input.int64(new int[] {2, 6}, 4, 3, 2, 1, 0, 0, 0, 1, 2, 3, 4, 4)));
        s.add(Sample.error("(3,4) dim 0 index 3", "index 3 is out of bounds for dimension 0 with size 3",
                Attrs.of("dim", 0), draw(op, "(3,4) dim 0 index 3", 3, 4),
                Input.int64(new int[] {2, 2}, 0, 1, 3, 2)));
        s.add(Sample.error("(3,4) dim 1 index -1", "index -1 is out of bounds for dimension 1 with size 4",
                Attrs.of("dim", 1), draw(op, "(3,4) dim 1 index -1", 3, 4),
                Input.int64(new int[] {3, 1}, 0, -1, 2)));
        s.add(Sample.error("(3,4) index (4,)", "Index tensor must have the same number of dimensions as input tensor",
                Attrs.of("dim", 0), draw(op, "(3,4) index (4,)", 3, 4), Input.int64(new int[] {4}, 0, 1, 2, 0)));
        s.add(Sample.error("(3,4) dim 1 index (4,4)", "Size does not match at dimension 0 expected index [4, 4] to be"
                + " no larger than self [3, 4] apart from dimension 1", Attrs.of("dim", 1),
                draw(op, "(3,4) dim 1 index (4,4)", 3, 4), indices(op, "(4,4)", 4, 4, 4)));
        s.add(Sample.error("(3,4) dim 2", DIM_RANGE_2 + "2)", Attrs.of("dim", 2), draw(op, "(3,4) dim 2", 3, 4),
                indices(op, "(3,4) dim 2", 3, 3, 4)));
        return single(op)
                .fuzz(FuzzRule.templateShapes("the index tensor's shape and values are tied to the input's shape"))
                .nano((in, a) -> Nano.gather(in[0], a.getInt("dim"), in[1]))
                .oracle(djl("aten::gather"))
                .torch((in, a) -> JniUtils.gather(pt(in[0]), pt(in[1]), a.getInt("dim")))
                .samples(s)
                .build();
    }

    // ---------------------------------------------------------------- takeAlongDim

    private static final AtenKernel TAKE_ALONG_DIM = AtenKernel.of("aten::take_along_dim",
            "x: Tensor, i: Tensor, dim: int", "torch.take_along_dim(x, i, dim)");
    private static final AtenKernel TAKE_ALONG_FLAT = AtenKernel.of("aten::take_along_dim",
            "x: Tensor, i: Tensor", "torch.take_along_dim(x, i)");

    /**
     * {@code torch.take_along_dim(x, indices, dim)} (or without dim: positions in the flattened x), through
     * the bridge. Found missing by PyTorch's own sample inputs. The two tensors broadcast in every dim but
     * {@code dim}; an attribute "dim" absent is dim=None.
     */
    private static OpInfo takeAlongDim() {
        String op = "takeAlongDim";
        Object[][] forms = {
            {0, new int[] {5}, new int[] {3}}, {-1, new int[] {3, 4}, new int[] {3, 2}},
            {0, new int[] {3, 4}, new int[] {2, 4}}, {1, new int[] {3, 4}, new int[] {1, 6}},
            {0, new int[] {3, 4}, new int[] {2, 1}}, {2, new int[] {2, 3, 4}, new int[] {1, 3, 2}},
            {1, new int[] {2, 1, 4}, new int[] {2, 5, 1}},
            {1, new int[] {3, 4}, new int[] {3, 0}}, {0, new int[] {2, 0}, new int[] {3, 1}},
        };
        List<Sample> s = new ArrayList<>();
        for (Object[] f : forms) {
            int dim = (Integer) f[0];
            int[] xs = (int[]) f[1];
            int[] is = (int[]) f[2];
            String id = Input.shapeText(xs) + " dim " + dim + " indices " + Input.shapeText(is);
            int size = xs.length == 0 ? 1 : xs[Math.floorMod(dim, xs.length)];
            boolean broadcasts = !Arrays.equals(xs, is);
            s.add(Sample.of(id, broadcasts ? kinds(Kind.DIMS, Kind.BROADCAST) : kinds(Kind.DIMS),
                    Attrs.of("dim", dim), draw(op, id, xs), indices(op, id, Math.max(size, 1), is)));
        }
        for (int[][] f : new int[][][] {{{3, 4}, {5}}, {{5}, {2, 2}}, {{}, {3}}}) {
            String id = Input.shapeText(f[0]) + " flat indices " + Input.shapeText(f[1]);
            s.add(Sample.of(id, kinds(), Attrs.none(), draw(op, id, f[0]),
                    indices(op, id, Math.max(dev.nano.Shape.numel(f[0]), 1), f[1])));
        }
        s.add(Sample.of("edge values dim 1", kinds(Kind.EDGE, Kind.DIMS), Attrs.of("dim", 1), edges(),
                Input.int64(new int[] {2, 6}, 4, 3, 2, 1, 0, 0, 0, 1, 2, 3, 4, 4)));
        s.add(Sample.error("(3,4) indices (4,)", "torch.take_along_dim(): input and indices should have the same "
                + "number of dimensions, but got 2 dimensions for input, and 1 dimensions for indices",
                Attrs.of("dim", 0), draw(op, "(3,4) indices (4,)", 3, 4), Input.int64(new int[] {4}, 0, 1, 2, 0)));
        s.add(Sample.error("(3,4) float indices", "torch.take_along_dim(): dtype of indices should be Long but got "
                + "Double", Attrs.of("dim", 0), draw(op, "(3,4) float indices", 3, 4),
                Input.constant(new int[] {1, 4}, 0, 1, 2, 0)));
        s.add(Sample.error("(3,4) dim 0 index 3", "index 3 is out of bounds for dimension 0 with size 3",
                Attrs.of("dim", 0), draw(op, "(3,4) dim 0 index 3", 3, 4), Input.int64(new int[] {1, 4}, 0, 1, 3, 2)));
        s.add(Sample.error("(3,4) dim 1 indices (2,2)", "The size of tensor a (3) must match the size of tensor b (2) "
                + "at non-singleton dimension 0", Attrs.of("dim", 1), draw(op, "(3,4) dim 1 indices (2,2)", 3, 4),
                Input.int64(new int[] {2, 2}, 0, 1, 2, 3)));
        s.add(Sample.error("(3,4) dim 2", DIM_RANGE_2 + "2)", Attrs.of("dim", 2), draw(op, "(3,4) dim 2", 3, 4),
                indices(op, "(3,4) dim 2", 3, 3, 4)));
        // A 0-d input with a dim: aten asks the 0-d indices for their size at dim (gather would accept it).
        s.add(Sample.error("() dim 0", "Dimension specified as 0 but tensor has no dimensions", Attrs.of("dim", 0),
                draw(op, "() dim 0"), Input.int64(new int[] {}, 0)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the indices' shape and values are tied to the input's shape"))
                .nano((in, a) -> a.has("dim") ? Nano.takeAlongDim(in[0], in[1], a.getInt("dim"))
                        : Nano.takeAlongDim(in[0], in[1]))
                .torchKernel(TAKE_ALONG_DIM, (in, a) -> a.has("dim") ? TAKE_ALONG_DIM.call(in[0], in[1], a.getInt("dim"))
                        : TAKE_ALONG_FLAT.call(in[0], in[1]))
                .samples(s)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.NONDIFF, NO_KINKS)
                .build();
    }

    // ---------------------------------------------------------------- pad

    /** {@code F.pad(x, pad, "constant", value)}: DJL calls libtorch's {@code pad} with the pad list as given. */
    private static OpInfo pad() {
        String op = "pad";
        Object[][] forms = {
            {new int[] {5}, new int[] {1, 2}, 0.0}, {new int[] {5}, new int[] {2, 0}, 0.0},
            {new int[] {5}, new int[] {0, 0}, 0.0}, {new int[] {5}, new int[] {-1, 2}, 0.0},
            {new int[] {5}, new int[] {-2, -1}, 0.0}, {new int[] {4}, new int[] {-2, -2}, 0.0},
            {new int[] {3, 4}, new int[] {1, 1}, 0.0}, {new int[] {3, 4}, new int[] {1, 1, 2, 0}, 0.0},
            {new int[] {3, 4}, new int[] {-1, 1}, 0.0}, {new int[] {3, 4}, new int[] {0, -2, 1, 0}, 0.0},
            {new int[] {3, 4}, new int[] {0, 0, -1, -1}, 0.0}, {new int[] {3, 4}, new int[] {}, 0.0},
            {new int[] {2, 3, 4}, new int[] {1, 1}, 0.0}, {new int[] {2, 3, 4}, new int[] {1, 0, 0, 1}, 0.0},
            {new int[] {2, 3, 4}, new int[] {1, 0, 0, 1, 2, 2}, 0.0}, {new int[] {2, 3, 4}, new int[] {-1, 2, 1, -1, 0, 1}, 0.0},
            {new int[] {}, new int[] {}, 0.0},
            {new int[] {0}, new int[] {2, 3}, 0.0}, {new int[] {2, 0, 3}, new int[] {1, 1, 1, 1}, 0.0},
            {new int[] {3, 4}, new int[] {1, 2, 1, 0}, 2.5}, {new int[] {5}, new int[] {1, 1}, -1.0},
            // Added for the mutation score (scripts/mutation-score): zero padding of an empty dim pads nothing, so
            // constant_pad_nd returns the input instead of refusing the empty dim.
            {new int[] {3, 0}, new int[] {0, 0}, 0.0},
        };
        List<Sample> s = new ArrayList<>();
        for (Object[] f : forms) {
            int[] shape = (int[]) f[0];
            int[] pad = (int[]) f[1];
            double value = (Double) f[2];
            String id = Input.shapeText(shape) + " " + list(pad) + (value == 0.0 ? "" : " value " + value);
            // How many trailing dims the pad list reaches is the dims evidence; a fill value other than 0
            // is the scalar operand.
            var k = value == 0.0 ? kinds(Kind.DIMS) : kinds(Kind.DIMS, Kind.SCALAR);
            s.add(sample(op, id, k, Attrs.of("pad", pad).with("value", value), shape));
        }
        for (double v : new double[] {NAN, INF, -INF, -0.0, 1e300}) {
            String id = "(2,3) [1,1,1,0] value " + v;
            s.add(sample(op, id, kinds(Kind.EDGE, Kind.SCALAR), Attrs.of("pad", new int[] {1, 1, 1, 0}).with("value", v),
                    2, 3));
        }
        s.add(Sample.of("edge values [1,2]", kinds(Kind.EDGE), Attrs.of("pad", new int[] {1, 2}).with("value", 0.0),
                edges()));
        // Added for the mutation score: the fill value takes the tensor's type, as fill_ casts it (2.5 and -2.5
        // truncate to 2 and -2 in int64; in bool any value other than 0 is true).
        for (double v : new double[] {2.5, -2.5}) {
            s.add(Sample.of("int64 (2,2) [1,0,0,1] value " + v, kinds(Kind.SCALAR),
                    Attrs.of("pad", new int[] {1, 0, 0, 1}).with("value", v),
                    Input.int64(new int[] {2, 2}, 1, -2, 0, 3)));
        }
        // fill_ converts the value with c10's checked_convert: int64 refuses NaN, ±inf and values beyond its
        // range (found by scripts/fuzz: nano filled NaN as 0); cropping alone fills nothing and accepts any value;
        // bool takes every value (NaN is true).
        for (double v : new double[] {NAN, INF, -INF, 1e19}) {
            s.add(Sample.error("int64 (2,2) [1,0,0,1] value " + v, "value cannot be converted to type int64_t "
                    + "without overflow", Attrs.of("pad", new int[] {1, 0, 0, 1}).with("value", v),
                    Input.int64(new int[] {2, 2}, 1, -2, 0, 3)));
        }
        s.add(Sample.of("int64 (2,2) [-1,0] value NaN", kinds(Kind.SCALAR, Kind.EDGE),
                Attrs.of("pad", new int[] {-1, 0}).with("value", NAN), Input.int64(new int[] {2, 2}, 1, -2, 0, 3)));
        for (double v : new double[] {0.0, 0.5, -2.0, NAN}) {
            s.add(Sample.of("bool (2,2) [1,0,0,1] value " + v, kinds(Kind.SCALAR),
                    Attrs.of("pad", new int[] {1, 0, 0, 1}).with("value", v),
                    Input.bool(new int[] {2, 2}, 1, 0, 0, 1)));
        }
        s.add(error(op, "(3,4) [1]", "Padding length must be divisible by 2",
                Attrs.of("pad", new int[] {1}).with("value", 0.0), 3, 4));
        s.add(error(op, "(3,4) [1,1,1,1,1,1]", "Padding length should be less than or equal to two times the input"
                + " dimension but got padding length 6 and input of dimension 2",
                Attrs.of("pad", new int[] {1, 1, 1, 1, 1, 1}).with("value", 0.0), 3, 4));
        s.add(error(op, "() [1,1]", "Padding length should be less than or equal to two times the input"
                + " dimension but got padding length 2 and input of dimension 0",
                Attrs.of("pad", new int[] {1, 1}).with("value", 0.0)));
        // Once anything is padded, every padded dim must come out non-empty (constant_pad_nd's check),
        // even a dim that was empty to begin with.
        s.add(error(op, "(2,0,3) [0,0,0,0,1,0]", "The input size 0, plus negative padding 0 and 0 resulted in a"
                + " negative output size, which is invalid. Check dimension 1 of your input.",
                Attrs.of("pad", new int[] {0, 0, 0, 0, 1, 0}).with("value", 0.0), 2, 0, 3));
        s.add(error(op, "(3,4) [1,1,-3,0]", "The input size 3, plus negative padding -3 and 0 resulted in a"
                + " negative output size, which is invalid. Check dimension 0 of your input.",
                Attrs.of("pad", new int[] {1, 1, -3, 0}).with("value", 0.0), 3, 4));
        // Added for the mutation score: the message names the pads of dim 0 of three, pad[4] and pad[5] (the other
        // pads differ from them, so a message naming the wrong ones shows).
        s.add(error(op, "(0,2,3) [1,2,3,0,0,0]", "The input size 0, plus negative padding 0 and 0 resulted in a"
                + " negative output size, which is invalid. Check dimension 0 of your input.",
                Attrs.of("pad", new int[] {1, 2, 3, 0, 0, 0}).with("value", 0.0), 0, 2, 3));
        s.add(error(op, "(4,) [-3,-2]", "narrow(): length must be non-negative.",
                Attrs.of("pad", new int[] {-3, -2}).with("value", 0.0), 4));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the pads are tied to the input's rank"))
                .nano((in, a) -> PadModeCases.isMode(a) ? PadModeCases.nano(in, a)
                        : Nano.pad(in[0], a.getInts("pad"), a.getDouble("value")))
                .oracle(djl("aten::pad (mode 'constant': constant_pad_nd; modes reflect, replicate, circular: "
                        + PadModeCases.PAD.op() + " in the TorchScript bridge)"))
                .torch((in, a) -> PadModeCases.isMode(a) ? PadModeCases.torch(in, a)
                        : JniUtils.pad(pt(in[0]), longs(a.getInts("pad")), a.getDouble("value")))
                .samples(s)
                .samples(PadModeCases.samples())
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.NONDIFF, NO_KINKS)
                .build();
    }

    // ---------------------------------------------------------------- clone

    /**
     * DJL's clone/duplicate runs under NoGradGuard (no graph). libtorch's {@code pad} with an
     * empty pad list returns {@code self.clone()} inside {@code constant_pad_nd}, recorded for
     * autograd with an identity backward: the same values and gradient as {@code clone}.
     */
    private static OpInfo cloneOp() {
        String op = "clone";
        List<Sample> s = new ArrayList<>();
        for (int[] shape : Samples.SHAPES) {
            s.add(sample(op, Input.shapeText(shape), kinds(), Attrs.none(), shape));
        }
        for (int[] shape : Samples.EMPTY_SHAPES) {
            s.add(sample(op, Input.shapeText(shape), kinds(), Attrs.none(), shape));
        }
        int[][] more = {{1}, {1, 1}, {7}, {3, 1, 4}, {4, 3, 2, 1}, {2, 3, 4, 5}, {0, 0}, {1, 0}, {0, 2, 0}};
        for (int[] shape : more) {
            s.add(sample(op, Input.shapeText(shape), kinds(), Attrs.none(), shape));
        }
        s.add(Sample.of("edge values", kinds(Kind.EDGE), Attrs.none(), edges()));
        s.add(Sample.of("edge values all NaN", kinds(Kind.EDGE), Attrs.none(),
                Input.of(new int[] {2, 2}, NAN, NAN, NAN, NAN)));
        s.add(Sample.of("edge values infinities and zeros", kinds(Kind.EDGE), Attrs.none(),
                Input.of(new int[] {3, 2}, INF, -INF, 0.0, -0.0, Double.MAX_VALUE, -Double.MIN_VALUE)));
        s.add(Sample.of("edge values 0-d NaN", kinds(Kind.EDGE), Attrs.none(), Input.of(new int[] {}, NAN)));
        s.add(Sample.of("edge values 0-d -0.0", kinds(Kind.EDGE), Attrs.none(), Input.of(new int[] {}, -0.0)));
        return single(op)
                .aliases("cloneTensor")
                .fuzz(FuzzRule.elementwise())
                .nano((in, a) -> Nano.clone(in[0]))
                .torchKernel(CLONE, (in, a) -> CLONE.call(in[0]))
                .samples(s)
                .exclude(Kind.DIMS, "no dim argument")
                .exclude(Kind.ERROR, "accepts every tensor")
                .build();
    }
}
