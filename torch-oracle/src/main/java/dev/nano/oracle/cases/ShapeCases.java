package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;

import static dev.nano.oracle.cases.MovementSupport.draw;
import static dev.nano.oracle.cases.MovementSupport.edges;
import static dev.nano.oracle.cases.MovementSupport.error;
import static dev.nano.oracle.cases.MovementSupport.list;
import static dev.nano.oracle.cases.MovementSupport.sample;
import static dev.nano.oracle.cases.Samples.kinds;

/**
 * The movement ops that repeat, reverse, shift, split or reorder elements: repeat tile
 * repeatInterleave flip roll unbind movedim diag diagonal unflatten broadcastTo expandAs meshgrid.
 * Every torch side is PyTorch's own kernel through the TorchScript bridge (DJL reaches none of
 * them exactly). Like the other movement ops they compute no new values, so the edge cases check
 * that NaN, ±inf and -0.0 pass through unchanged, and the gradient is the upstream gradient sent
 * back along the same index map (summed where an element was copied more than once).
 *
 * <p>unbind and meshgrid return several tensors. Each is compared, and the first output — the
 * one differentiated — is those tensors stacked ({@code torch.stack} on both sides), so that one
 * random upstream gradient reaches every piece and every input.
 */
final class ShapeCases {
    private ShapeCases() {
    }

    private static final String DIM_RANGE_2 = "Dimension out of range (expected to be in range of [-2, 1], but got ";
    private static final String DIM_RANGE_3 = "Dimension out of range (expected to be in range of [-3, 2], but got ";
    private static final String NO_DIMS_OF_0D = " but tensor has no dimensions";

    private static final AtenKernel REPEAT = AtenKernel.of("aten::repeat", "x: Tensor, repeats: List[int]",
            "x.repeat(repeats)");
    private static final AtenKernel TILE = AtenKernel.of("aten::tile", "x: Tensor, dims: List[int]",
            "torch.tile(x, dims)");
    private static final AtenKernel INTERLEAVE = AtenKernel.of("aten::repeat_interleave.self_int",
            "x: Tensor, repeats: int, dim: int", "torch.repeat_interleave(x, repeats, dim)");
    private static final AtenKernel INTERLEAVE_FLAT = AtenKernel.of("aten::repeat_interleave.self_int",
            "x: Tensor, repeats: int", "torch.repeat_interleave(x, repeats)");
    private static final AtenKernel INTERLEAVE_TENSOR = AtenKernel.of("aten::repeat_interleave.self_Tensor",
            "x: Tensor, repeats: Tensor, dim: int", "torch.repeat_interleave(x, repeats, dim)");
    private static final AtenKernel INTERLEAVE_TENSOR_FLAT = AtenKernel.of("aten::repeat_interleave.self_Tensor",
            "x: Tensor, repeats: Tensor", "torch.repeat_interleave(x, repeats)");
    private static final AtenKernel FLIP = AtenKernel.of("aten::flip", "x: Tensor, dims: List[int]",
            "torch.flip(x, dims)");
    private static final AtenKernel ROLL = AtenKernel.of("aten::roll", "x: Tensor, shifts: List[int], dims: List[int]",
            "torch.roll(x, shifts, dims)");
    private static final AtenKernel UNBIND_STACKED = AtenKernel.of("aten::unbind.int", "x: Tensor, dim: int",
            "torch.stack(torch.unbind(x, dim), dim)");
    private static final AtenKernel UNBIND_PIECE = AtenKernel.of("aten::unbind.int", "x: Tensor, dim: int, i: int",
            "torch.unbind(x, dim)[i]");
    private static final AtenKernel MOVEDIM = AtenKernel.of("aten::movedim.intlist",
            "x: Tensor, source: List[int], destination: List[int]", "torch.movedim(x, source, destination)");
    private static final AtenKernel DIAG = AtenKernel.of("aten::diag", "x: Tensor, diagonal: int",
            "torch.diag(x, diagonal)");
    private static final AtenKernel DIAGONAL = AtenKernel.of("aten::diagonal",
            "x: Tensor, offset: int, dim1: int, dim2: int", "torch.diagonal(x, offset, dim1, dim2)");
    private static final AtenKernel UNFLATTEN = AtenKernel.of("aten::unflatten.int",
            "x: Tensor, dim: int, sizes: List[int]", "torch.unflatten(x, dim, sizes)");
    private static final AtenKernel BROADCAST_TO = AtenKernel.of("aten::broadcast_to", "x: Tensor, size: List[int]",
            "torch.broadcast_to(x, size)");
    private static final AtenKernel EXPAND_AS = AtenKernel.of("aten::expand_as", "x: Tensor, other: Tensor",
            "x.expand_as(other)");
    private static final AtenKernel[] MESHGRID_STACKED = {
        AtenKernel.of("aten::meshgrid.indexing", "a: Tensor, indexing: str",
                "torch.stack(torch.meshgrid([a], indexing=indexing), 0)"),
        AtenKernel.of("aten::meshgrid.indexing", "a: Tensor, b: Tensor, indexing: str",
                "torch.stack(torch.meshgrid([a, b], indexing=indexing), 0)"),
        AtenKernel.of("aten::meshgrid.indexing", "a: Tensor, b: Tensor, c: Tensor, indexing: str",
                "torch.stack(torch.meshgrid([a, b, c], indexing=indexing), 0)"),
    };
    private static final AtenKernel[] MESHGRID_PIECE = {
        AtenKernel.of("aten::meshgrid.indexing", "a: Tensor, indexing: str, i: int",
                "torch.meshgrid([a], indexing=indexing)[i]"),
        AtenKernel.of("aten::meshgrid.indexing", "a: Tensor, b: Tensor, indexing: str, i: int",
                "torch.meshgrid([a, b], indexing=indexing)[i]"),
        AtenKernel.of("aten::meshgrid.indexing", "a: Tensor, b: Tensor, c: Tensor, indexing: str, i: int",
                "torch.meshgrid([a, b, c], indexing=indexing)[i]"),
    };

    static List<OpInfo> entries() {
        return List.of(repeat(), tile(), repeatInterleave(), flip(), roll(), unbind(), movedim(), diag(),
                diagonal(), unflatten(), broadcastTo(), expandAs(), meshgrid());
    }

    private static OpInfo.Builder single(String name) {
        return OpInfo.builder(name, "ops")
                .exclude(Kind.BROADCAST, MovementCases.ONE_INPUT)
                .exclude(Kind.SCALAR, MovementCases.NO_SCALAR)
                .exclude(Kind.NONDIFF, MovementCases.NO_KINKS);
    }

    /** One case per (shape, int-list attribute) form, named {@code (3,4) [2,1]}. */
    private static List<Sample> listForms(String op, String key, Object[][] forms, java.util.Set<Kind> kinds) {
        List<Sample> s = new ArrayList<>();
        for (Object[] f : forms) {
            int[] shape = (int[]) f[0];
            int[] values = (int[]) f[1];
            String id = Input.shapeText(shape) + " " + list(values);
            s.add(sample(op, id, kinds, Attrs.of(key, values), shape));
        }
        return s;
    }

    private static int[] ints(int... v) {
        return v;
    }

    // ---------------------------------------------------------------- repeat, tile

    private static OpInfo repeat() {
        String op = "repeat";
        Object[][] forms = {
            {ints(), ints()}, {ints(), ints(3)}, {ints(), ints(2, 3)},
            {ints(5), ints(2)}, {ints(5), ints(1)}, {ints(5), ints(2, 3)}, {ints(5), ints(0)},
            {ints(3, 4), ints(2, 3)}, {ints(3, 4), ints(1, 1)}, {ints(3, 4), ints(2, 1, 2)},
            {ints(3, 4), ints(0, 2)}, {ints(2, 3, 4), ints(1, 2, 1)}, {ints(2, 3, 4), ints(2, 1, 1, 2)},
            {ints(0), ints(3)}, {ints(2, 0, 3), ints(1, 2, 2)}, {ints(2, 0, 3), ints(2, 2, 1, 1)},
        };
        List<Sample> s = listForms(op, "repeats", forms, kinds());
        s.add(Sample.of("edge values [2,1]", kinds(Kind.EDGE), Attrs.of("repeats", ints(2, 1)), edges()));
        s.add(error(op, "(3,4) [2]", "Number of dimensions of repeat dims can not be smaller than number of"
                + " dimensions of tensor", Attrs.of("repeats", ints(2)), 3, 4));
        s.add(error(op, "(3,) [-1,2]", "Trying to create tensor with negative dimension -1: [-1, 6]",
                Attrs.of("repeats", ints(-1, 2)), 3));
        s.add(error(op, "(3,) [0,-1]", "Trying to create tensor with negative dimension -3: [0, -3]",
                Attrs.of("repeats", ints(0, -1)), 3));
        return single(op)
                .fuzz(FuzzRule.templateShapes("there must be at least as many repeats as the input has dims"))
                .nano((in, a) -> Nano.repeat(in[0], a.getInts("repeats")))
                .torchKernel(REPEAT, (in, a) -> REPEAT.call(in[0], a.getInts("repeats")))
                .samples(s)
                .exclude(Kind.DIMS, "takes a count per dim, not a dim; extra leading counts are covered by forward"
                        + " cases")
                .build();
    }

    private static OpInfo tile() {
        String op = "tile";
        Object[][] forms = {
            {ints(), ints()}, {ints(), ints(3)}, {ints(5), ints()}, {ints(5), ints(2)}, {ints(5), ints(2, 3)},
            {ints(3, 4), ints(2)}, {ints(3, 4), ints(2, 3)}, {ints(3, 4), ints(2, 1, 2)},
            {ints(2, 3, 4), ints(3)}, {ints(2, 3, 4), ints(2, 1)}, {ints(2, 3, 4), ints(1, 2, 1, 2)},
            {ints(0), ints(3)}, {ints(2, 0, 3), ints(2)}, {ints(3, 4), ints(0)},
        };
        List<Sample> s = listForms(op, "dims", forms, kinds());
        s.add(Sample.of("edge values [2]", kinds(Kind.EDGE), Attrs.of("dims", ints(2)), edges()));
        s.add(error(op, "(3,) [-1]", "Trying to create tensor with negative dimension -3: [-3]",
                Attrs.of("dims", ints(-1)), 3));
        s.add(error(op, "(2,3) [2,-2]", "Trying to create tensor with negative dimension -6: [4, -6]",
                Attrs.of("dims", ints(2, -2)), 2, 3));
        return single(op)
                .fuzz(FuzzRule.templateShapes("the counts are tied to the input's rank"))
                .nano((in, a) -> Nano.tile(in[0], a.getInts("dims")))
                .torchKernel(TILE, (in, a) -> TILE.call(in[0], a.getInts("dims")))
                .samples(s)
                .exclude(Kind.DIMS, "takes a count per trailing dim, not a dim; fewer counts than dims are covered by"
                        + " forward cases")
                .build();
    }

    // ---------------------------------------------------------------- repeatInterleave

    /**
     * Four forms: a count (attribute {@code repeats}) or an int64 tensor of counts (input 1), each with a
     * dim or without (the input flattened).
     */
    private static OpInfo repeatInterleave() {
        String op = "repeatInterleave";
        List<Sample> s = new ArrayList<>();
        Object[][] intForms = {
            {ints(5), 2, null}, {ints(3, 4), 2, null}, {ints(), 3, null}, {ints(3, 4), 0, null},
            {ints(5), 3, 0}, {ints(5), 2, -1}, {ints(3, 4), 2, 0}, {ints(3, 4), 3, 1}, {ints(3, 4), 1, -1},
            {ints(2, 3, 4), 2, 1}, {ints(2, 3, 4), 2, -3}, {ints(3, 4), 0, 1},
            {ints(0), 2, 0}, {ints(2, 0, 3), 2, 1}, {ints(2, 0, 3), 3, 2}, {ints(2, 0, 3), 2, null},
        };
        for (Object[] f : intForms) {
            int[] shape = (int[]) f[0];
            Integer dim = (Integer) f[2];
            String id = Input.shapeText(shape) + " repeats " + f[1] + (dim == null ? "" : " dim " + dim);
            Attrs attrs = Attrs.of("repeats", f[1]);
            if (dim != null) {
                attrs.with("dim", dim);
            }
            s.add(sample(op, id, dim == null ? kinds() : kinds(Kind.DIMS), attrs, shape));
        }
        Object[][] tensorForms = {
            {ints(3, 4), ints(4), new double[] {1, 0, 3, 2}, 1}, {ints(3, 4), ints(3), new double[] {2, 1, 0}, 0},
            {ints(3, 4), ints(3), new double[] {0, 2, 1}, -2}, {ints(3, 4), ints(), new double[] {2}, 1},
            {ints(3, 4), ints(1), new double[] {3}, 0}, {ints(5), ints(5), new double[] {1, 2, 0, 1, 3}, null},
            {ints(2, 3), ints(6), new double[] {0, 1, 2, 0, 1, 2}, null}, {ints(2, 3), ints(), new double[] {2}, null},
            {ints(2, 3, 4), ints(3), new double[] {2, 0, 1}, 1}, {ints(3, 4), ints(4), new double[] {0, 0, 0, 0}, 1},
            {ints(2, 0, 3), ints(3), new double[] {1, 2, 1}, -1}, {ints(2, 0, 3), ints(0), new double[] {}, 1},
        };
        for (Object[] f : tensorForms) {
            int[] shape = (int[]) f[0];
            Integer dim = (Integer) f[3];
            double[] counts = (double[]) f[2];
            String id = Input.shapeText(shape) + " repeats tensor " + Input.shapeText((int[]) f[1]) + " "
                    + java.util.Arrays.toString(counts).replace(".0", "").replace(" ", "")
                    + (dim == null ? "" : " dim " + dim);
            Attrs attrs = dim == null ? Attrs.none() : Attrs.of("dim", dim);
            s.add(Sample.of(id, dim == null ? kinds() : kinds(Kind.DIMS), attrs, draw(op, id, shape),
                    Input.int64((int[]) f[1], (double[]) f[2])));
        }
        s.add(Sample.of("edge values repeats 2 dim 1", kinds(Kind.EDGE, Kind.DIMS),
                Attrs.of("repeats", 2).with("dim", 1), edges()));
        s.add(Sample.of("edge values repeats tensor dim 0", kinds(Kind.EDGE, Kind.DIMS), Attrs.of("dim", 0), edges(),
                Input.int64(new int[] {2}, 3, 1)));
        s.add(error(op, "(3,4) repeats -1 dim 0", "Repeats must be non-negative",
                Attrs.of("repeats", -1).with("dim", 0), 3, 4));
        s.add(error(op, "(3,4) repeats 2 dim 2", DIM_RANGE_2 + "2)", Attrs.of("repeats", 2).with("dim", 2), 3, 4));
        // aten inserts the copies' dim at dim + 1 (unsqueeze), which a 0-d tensor does not have.
        s.add(error(op, "() repeats 2 dim 0", "Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                Attrs.of("repeats", 2).with("dim", 0)));
        s.add(error(op, "() repeats 2 dim -1", "Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                Attrs.of("repeats", 2).with("dim", -1)));
        s.add(Sample.error("() repeats tensor dim 0", "Dimension specified as 0" + NO_DIMS_OF_0D, Attrs.of("dim", 0),
                draw(op, "() repeats tensor dim 0"), Input.int64(new int[] {}, 2)));
        s.add(Sample.error("(3,4) repeats tensor (2,) dim 1", "repeats must have the same size as input along dim,"
                + " but got repeats.size(0) = 2 and input.size(1) = 4", Attrs.of("dim", 1),
                draw(op, "(3,4) repeats tensor (2,) dim 1", 3, 4), Input.int64(new int[] {2}, 1, 2)));
        s.add(Sample.error("(3,4) repeats tensor (1,2) dim 1", "repeats must be 0-dim or 1-dim tensor",
                Attrs.of("dim", 1), draw(op, "(3,4) repeats tensor (1,2) dim 1", 3, 4),
                Input.int64(new int[] {1, 2}, 1, 2)));
        s.add(Sample.error("(3,4) repeats tensor negative dim 0", "repeats can not be negative", Attrs.of("dim", 0),
                draw(op, "(3,4) repeats tensor negative dim 0", 3, 4), Input.int64(new int[] {3}, 1, -1, 2)));
        s.add(Sample.error("(3,4) repeats float tensor dim 0", "\"repeat_interleave_cpu\" not implemented for 'Double'",
                Attrs.of("dim", 0), draw(op, "(3,4) repeats float tensor dim 0", 3, 4),
                Input.constant(new int[] {3}, 1, 1, 2)));
        return single(op)
                .fuzz(FuzzRule.templateShapes("the counts tensor is tied to the input's size along the dim"))
                .nano((in, a) -> interleave(in, a))
                .oracle(Oracle.kernel("aten::repeat_interleave.self_int, aten::repeat_interleave.self_Tensor",
                        Oracle.TORCHSCRIPT))
                .torch((in, a) -> {
                    boolean dim = a.has("dim");
                    if (a.has("repeats")) {
                        int r = a.getInt("repeats");
                        return dim ? INTERLEAVE.call(in[0], r, a.getInt("dim")) : INTERLEAVE_FLAT.call(in[0], r);
                    }
                    return dim ? INTERLEAVE_TENSOR.call(in[0], in[1], a.getInt("dim"))
                            : INTERLEAVE_TENSOR_FLAT.call(in[0], in[1]);
                })
                .samples(s)
                .build();
    }

    private static Tensor interleave(Tensor[] in, Attrs a) {
        boolean dim = a.has("dim");
        if (a.has("repeats")) {
            int r = a.getInt("repeats");
            return dim ? Nano.repeatInterleave(in[0], r, a.getInt("dim")) : Nano.repeatInterleave(in[0], r);
        }
        return dim ? Nano.repeatInterleave(in[0], in[1], a.getInt("dim")) : Nano.repeatInterleave(in[0], in[1]);
    }

    // ---------------------------------------------------------------- flip, roll

    private static OpInfo flip() {
        String op = "flip";
        Object[][] forms = {
            {ints(), ints()}, {ints(), ints(0)}, {ints(), ints(-1)},
            {ints(5), ints(0)}, {ints(5), ints(-1)}, {ints(5), ints()},
            {ints(3, 4), ints(0)}, {ints(3, 4), ints(1)}, {ints(3, 4), ints(0, 1)}, {ints(3, 4), ints(-1, -2)},
            {ints(2, 3, 4), ints(1)}, {ints(2, 3, 4), ints(0, 2)}, {ints(2, 3, 4), ints(-1, 0, 1)},
            {ints(0), ints(0)}, {ints(2, 0, 3), ints(1, 2)}, {ints(2, 0, 3), ints(0)},
        };
        List<Sample> s = listForms(op, "dims", forms, kinds(Kind.DIMS));
        s.add(Sample.of("edge values [0,1]", kinds(Kind.EDGE, Kind.DIMS), Attrs.of("dims", ints(0, 1)), edges()));
        s.add(error(op, "(3,4) [0,-2]", "dim 0 appears multiple times in the list of dims",
                Attrs.of("dims", ints(0, -2)), 3, 4));
        s.add(error(op, "(3,4) [2]", DIM_RANGE_2 + "2)", Attrs.of("dims", ints(2)), 3, 4));
        s.add(error(op, "() [1]", "Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                Attrs.of("dims", ints(1))));
        return single(op)
                .fuzz(FuzzRule.alongDims())
                .nano((in, a) -> Nano.flip(in[0], a.getInts("dims")))
                .torchKernel(FLIP, (in, a) -> FLIP.call(in[0], a.getInts("dims")))
                .samples(s)
                .build();
    }

    private static OpInfo roll() {
        String op = "roll";
        Object[][] forms = {
            {ints(5), ints(2), ints(0)}, {ints(5), ints(-1), ints(-1)}, {ints(5), ints(7), ints(0)},
            {ints(5), ints(-12), ints(0)}, {ints(5), ints(0), ints(0)}, {ints(5), ints(2), ints()},
            {ints(3, 4), ints(1), ints(0)}, {ints(3, 4), ints(-3), ints(1)}, {ints(3, 4), ints(5), ints()},
            {ints(3, 4), ints(1, 2), ints(0, 1)}, {ints(3, 4), ints(2, 1), ints(-1, -1)},
            {ints(2, 3, 4), ints(1, -1), ints(2, 0)}, {ints(2, 3, 4), ints(4), ints(1)},
            {ints(), ints(3), ints()}, {ints(0), ints(2), ints(0)}, {ints(2, 0, 3), ints(1, 1), ints(0, 2)},
            // An empty tensor comes back as a copy before any dim is looked at (aten's roll).
            {ints(2, 0, 3), ints(1), ints(5)},
        };
        List<Sample> s = new ArrayList<>();
        for (Object[] f : forms) {
            int[] shape = (int[]) f[0];
            int[] shifts = (int[]) f[1];
            int[] dims = (int[]) f[2];
            String id = Input.shapeText(shape) + " shifts " + list(shifts) + " dims " + list(dims);
            s.add(sample(op, id, dims.length == 0 ? kinds() : kinds(Kind.DIMS),
                    Attrs.of("shifts", shifts).with("dims", dims), shape));
        }
        s.add(Sample.of("edge values shifts [1,-2] dims [0,1]", kinds(Kind.EDGE, Kind.DIMS),
                Attrs.of("shifts", ints(1, -2)).with("dims", ints(0, 1)), edges()));
        s.add(error(op, "(3,4) shifts [] dims []", "`shifts` required",
                Attrs.of("shifts", ints()).with("dims", ints()), 3, 4));
        s.add(error(op, "(3,4) shifts [1,2] dims [0]", "shifts and dimensions must align. shifts: 2, dims:1",
                Attrs.of("shifts", ints(1, 2)).with("dims", ints(0)), 3, 4));
        s.add(error(op, "(3,4) shifts [1,2] dims []", "shifts and dimensions must align. shifts: 2, dims:0",
                Attrs.of("shifts", ints(1, 2)).with("dims", ints()), 3, 4));
        s.add(error(op, "(3,4) shifts [1] dims [2]", DIM_RANGE_2 + "2)",
                Attrs.of("shifts", ints(1)).with("dims", ints(2)), 3, 4));
        s.add(error(op, "() shifts [1] dims [0]", "Dimension specified as 0" + NO_DIMS_OF_0D,
                Attrs.of("shifts", ints(1)).with("dims", ints(0))));
        return single(op)
                .fuzz(FuzzRule.templateShapes("one shift per dim, tied to the input's rank"))
                .nano((in, a) -> Nano.roll(in[0], a.getInts("shifts"), a.getInts("dims")))
                .torchKernel(ROLL, (in, a) -> ROLL.call(in[0], a.getInts("shifts"), a.getInts("dims")))
                .samples(s)
                .build();
    }

    // ---------------------------------------------------------------- unbind, movedim

    private static OpInfo unbind() {
        String op = "unbind";
        int[][] forms = {
            {5, 0}, {5, -1}, {3, 4, 0}, {3, 4, 1}, {3, 4, -1}, {3, 4, -2}, {2, 3, 4, 1}, {2, 3, 4, 2},
            {2, 3, 4, -3}, {1, 4, 0}, {2, 0, 3, 0}, {2, 0, 3, 2},
        };
        List<Sample> s = new ArrayList<>();
        for (int[] f : forms) {
            int[] shape = java.util.Arrays.copyOf(f, f.length - 1);
            int dim = f[f.length - 1];
            String id = Input.shapeText(shape) + " dim " + dim;
            s.add(sample(op, id, kinds(Kind.DIMS), Attrs.of("dim", dim), shape));
        }
        s.add(Sample.of("edge values dim 1", kinds(Kind.EDGE, Kind.DIMS), Attrs.of("dim", 1), edges()));
        s.add(error(op, "(3,4) dim 2", DIM_RANGE_2 + "2)", Attrs.of("dim", 2), 3, 4));
        s.add(error(op, "() dim 0", "Dimension specified as 0" + NO_DIMS_OF_0D, Attrs.of("dim", 0)));
        return single(op)
                .fuzz(FuzzRule.templateShapes("a dim of size 0 gives no pieces, which torch.stack refuses"))
                .nanoMulti((in, a) -> stackedThenPieces(Nano.unbind(in[0], a.getInt("dim")), a.getInt("dim")))
                .oracle(Oracle.kernel("aten::unbind.int", Oracle.TORCHSCRIPT))
                .torchMulti((in, a) -> {
                    int dim = a.getInt("dim");
                    NDArray stacked = UNBIND_STACKED.call(in[0], dim);
                    int pieces = (int) in[0].getShape().get(Math.floorMod(dim, in[0].getShape().dimension()));
                    NDArray[] out = new NDArray[1 + pieces];
                    out[0] = stacked;
                    for (int i = 0; i < pieces; i++) {
                        out[1 + i] = UNBIND_PIECE.call(in[0], dim, i);
                    }
                    return out;
                })
                .samples(s)
                .build();
    }

    /** The pieces stacked along {@code dim} (differentiated), then each piece. */
    private static Tensor[] stackedThenPieces(Tensor[] pieces, int dim) {
        Tensor[] out = new Tensor[1 + pieces.length];
        out[0] = Nano.stack(pieces, dim);
        System.arraycopy(pieces, 0, out, 1, pieces.length);
        return out;
    }

    private static OpInfo movedim() {
        String op = "movedim";
        int[][][] forms = {
            {{}, {0}, {0}}, {{}, {-1}, {0}}, {{5}, {0}, {-1}},
            {{3, 4}, {0}, {1}}, {{3, 4}, {1}, {0}}, {{3, 4}, {0, 1}, {1, 0}}, {{3, 4}, {-1}, {-1}},
            {{2, 3, 4}, {0}, {2}}, {{2, 3, 4}, {2}, {0}}, {{2, 3, 4}, {0, 1}, {2, 0}}, {{2, 3, 4}, {-1, 0}, {0, -1}},
            {{2, 3, 4, 5}, {1, 3}, {0, 1}}, {{2, 3, 4, 5}, {0, 2}, {3, 1}}, {{2, 3, 4}, {}, {}},
            {{0}, {0}, {0}}, {{2, 0, 3}, {1}, {2}}, {{2, 0, 3}, {2, 0}, {0, 1}},
        };
        List<Sample> s = new ArrayList<>();
        for (int[][] f : forms) {
            String id = Input.shapeText(f[0]) + " " + list(f[1]) + "->" + list(f[2]);
            s.add(sample(op, id, kinds(Kind.DIMS), Attrs.of("source", f[1]).with("destination", f[2]), f[0]));
        }
        s.add(Sample.of("edge values [0]->[1]", kinds(Kind.EDGE, Kind.DIMS),
                Attrs.of("source", ints(0)).with("destination", ints(1)), edges()));
        s.add(error(op, "(2,3) [0,1]->[0]", "movedim: Invalid source or destination dims: source ([0, 1] dims) should"
                + " contain the same number of dims as destination ([0] dims)",
                Attrs.of("source", ints(0, 1)).with("destination", ints(0)), 2, 3));
        s.add(error(op, "(2,3) [0,-2]->[0,1]", "movedim: repeated dim in `source` ([0, -2])",
                Attrs.of("source", ints(0, -2)).with("destination", ints(0, 1)), 2, 3));
        s.add(error(op, "(2,3) [0,1]->[1,-1]", "movedim: repeated dim in `destination` ([1, -1])",
                Attrs.of("source", ints(0, 1)).with("destination", ints(1, -1)), 2, 3));
        s.add(error(op, "(2,3) [2]->[0]", DIM_RANGE_2 + "2)",
                Attrs.of("source", ints(2)).with("destination", ints(0)), 2, 3));
        return single(op)
                .fuzz(FuzzRule.templateShapes("source and destination are tied to the input's rank"))
                .nano((in, a) -> Nano.movedim(in[0], a.getInts("source"), a.getInts("destination")))
                .torchKernel(MOVEDIM, (in, a) -> MOVEDIM.call(in[0], a.getInts("source"), a.getInts("destination")))
                .samples(s)
                .build();
    }

    // ---------------------------------------------------------------- diag, diagonal

    private static OpInfo diag() {
        String op = "diag";
        int[][] forms = {
            {5, 0}, {5, 1}, {5, -2}, {1, 0}, {3, 4, 0}, {3, 4, 1}, {3, 4, -1}, {3, 4, 3}, {3, 4, 5}, {3, 4, -4},
            {4, 3, 2}, {0, 0}, {0, 2}, {0, 3, 0}, {3, 0, -1},
        };
        List<Sample> s = new ArrayList<>();
        for (int[] f : forms) {
            int[] shape = java.util.Arrays.copyOf(f, f.length - 1);
            int diagonal = f[f.length - 1];
            String id = Input.shapeText(shape) + " diagonal " + diagonal;
            s.add(sample(op, id, kinds(), Attrs.of("diagonal", diagonal), shape));
        }
        s.add(Sample.of("edge values (2,5) diagonal 1", kinds(Kind.EDGE), Attrs.of("diagonal", 1), edges()));
        s.add(Sample.of("edge values (10,) diagonal -1", kinds(Kind.EDGE), Attrs.of("diagonal", -1),
                Input.of(new int[] {10}, Samples.EDGE_VALUES.clone())));
        s.add(Sample.of("int64 (3,) diagonal 0", kinds(), Attrs.of("diagonal", 0), Input.int64(new int[] {3}, 4, -1, 7)));
        s.add(error(op, "() diagonal 0", "diag(): Supports 1D or 2D tensors. Got 0D", Attrs.of("diagonal", 0)));
        s.add(error(op, "(2,3,4) diagonal 0", "diag(): Supports 1D or 2D tensors. Got 3D", Attrs.of("diagonal", 0),
                2, 3, 4));
        return single(op)
                .fuzz(FuzzRule.templateShapes("only 1-D and 2-D inputs are accepted"))
                .nano((in, a) -> Nano.diag(in[0], a.getInt("diagonal")))
                .torchKernel(DIAG, (in, a) -> DIAG.call(in[0], a.getInt("diagonal")))
                .samples(s)
                .exclude(Kind.DIMS, "takes a diagonal's offset, not a dim (diagonal's dims are diagonal's cases)")
                .exclude(Kind.ZERO_DIM, "a 0-d input is an error: the 0-d evidence is the error case '() diagonal 0'")
                .build();
    }

    private static OpInfo diagonal() {
        String op = "diagonal";
        int[][][] forms = {
            {{3, 4}, {0, 0, 1}}, {{3, 4}, {1, 0, 1}}, {{3, 4}, {-1, 0, 1}}, {{3, 4}, {0, 1, 0}}, {{3, 4}, {2, -1, -2}},
            {{3, 4}, {4, 0, 1}}, {{3, 4}, {-3, 0, 1}}, {{3, 4}, {-7, 0, 1}},
            {{2, 3, 4}, {0, 1, 2}}, {{2, 3, 4}, {1, 0, 2}}, {{2, 3, 4}, {-1, 2, 0}}, {{2, 3, 4}, {0, -1, -3}},
            {{2, 3, 4, 5}, {1, 1, 3}}, {{2, 3, 4, 5}, {0, 3, 0}},
            {{0, 3}, {0, 0, 1}}, {{2, 0, 3}, {0, 0, 2}}, {{2, 0, 3}, {1, 1, 2}},
        };
        List<Sample> s = new ArrayList<>();
        for (int[][] f : forms) {
            String id = Input.shapeText(f[0]) + " offset " + f[1][0] + " dims " + f[1][1] + "," + f[1][2];
            s.add(sample(op, id, kinds(Kind.DIMS), Attrs.of("offset", f[1][0]).with("dim1", f[1][1])
                    .with("dim2", f[1][2]), f[0]));
        }
        s.add(Sample.of("edge values offset 1", kinds(Kind.EDGE, Kind.DIMS),
                Attrs.of("offset", 1).with("dim1", 0).with("dim2", 1), edges()));
        s.add(error(op, "(3,4) dims 1,-1", "diagonal dimensions cannot be identical 1, -1",
                Attrs.of("offset", 0).with("dim1", 1).with("dim2", -1), 3, 4));
        s.add(error(op, "(3,4) dims 0,2", DIM_RANGE_2 + "2)", Attrs.of("offset", 0).with("dim1", 0).with("dim2", 2),
                3, 4));
        s.add(error(op, "(5,) dims 0,1", "Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                Attrs.of("offset", 0).with("dim1", 0).with("dim2", 1), 5));
        s.add(error(op, "() dims 0,1", "Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                Attrs.of("offset", 0).with("dim1", 0).with("dim2", 1)));
        return single(op)
                .fuzz(FuzzRule.alongDims(java.util.Set.of("dim1", "dim2")))
                .nano((in, a) -> Nano.diagonal(in[0], a.getInt("offset"), a.getInt("dim1"), a.getInt("dim2")))
                .torchKernel(DIAGONAL, (in, a) -> DIAGONAL.call(in[0], a.getInt("offset"), a.getInt("dim1"),
                        a.getInt("dim2")))
                .samples(s)
                .build();
    }

    // ---------------------------------------------------------------- unflatten, broadcastTo, expandAs

    private static OpInfo unflatten() {
        String op = "unflatten";
        Object[][] forms = {
            {ints(6), 0, ints(2, 3)}, {ints(6), -1, ints(3, -1)}, {ints(6), 0, ints(6)}, {ints(6), 0, ints(1, 6, 1)},
            {ints(3, 4), 1, ints(2, 2)}, {ints(3, 4), 0, ints(3, 1)}, {ints(3, 4), -1, ints(-1, 2)},
            {ints(2, 12, 3), 1, ints(2, 3, 2)}, {ints(2, 12, 3), -2, ints(4, -1)},
            {ints(0), 0, ints(0, 5)}, {ints(2, 0, 3), 1, ints(0, 4)}, {ints(2, 0, 3), 2, ints(3, 1)},
        };
        List<Sample> s = new ArrayList<>();
        for (Object[] f : forms) {
            int[] shape = (int[]) f[0];
            int dim = (Integer) f[1];
            int[] sizes = (int[]) f[2];
            String id = Input.shapeText(shape) + " dim " + dim + " " + list(sizes);
            s.add(sample(op, id, kinds(Kind.DIMS), Attrs.of("dim", dim).with("sizes", sizes), shape));
        }
        s.add(Sample.of("edge values dim 1 [5,1]", kinds(Kind.EDGE, Kind.DIMS),
                Attrs.of("dim", 1).with("sizes", ints(5, 1)), edges()));
        s.add(error(op, "(2,6) dim 1 []", "unflatten: sizes must be non-empty",
                Attrs.of("dim", 1).with("sizes", ints()), 2, 6));
        s.add(error(op, "(2,6) dim 1 [4,2]", "unflatten: Provided sizes [4, 2] don't multiply up to the size of dim 1"
                + " (6) in the input tensor", Attrs.of("dim", 1).with("sizes", ints(4, 2)), 2, 6));
        s.add(error(op, "(2,6) dim -1 [-1,5]", "unflatten: Provided sizes [-1, 5] don't multiply up to the size of"
                + " dim 1 (6) in the input tensor", Attrs.of("dim", -1).with("sizes", ints(-1, 5)), 2, 6));
        s.add(error(op, "(2,6) dim 1 [-1,-1]", "unflatten got an unexpected error:\nonly one dimension can be inferred",
                Attrs.of("dim", 1).with("sizes", ints(-1, -1)), 2, 6));
        s.add(error(op, "(2,6) dim 2 [2,3]", DIM_RANGE_2 + "2)", Attrs.of("dim", 2).with("sizes", ints(2, 3)), 2, 6));
        s.add(error(op, "() dim 0 [1]", "Dimension specified as 0" + NO_DIMS_OF_0D,
                Attrs.of("dim", 0).with("sizes", ints(1))));
        return single(op)
                .fuzz(FuzzRule.templateShapes("the new sizes are tied to the size of the dim"))
                .nano((in, a) -> Nano.unflatten(in[0], a.getInt("dim"), a.getInts("sizes")))
                .torchKernel(UNFLATTEN, (in, a) -> UNFLATTEN.call(in[0], a.getInt("dim"), a.getInts("sizes")))
                .samples(s)
                .build();
    }

    private static OpInfo broadcastTo() {
        String op = "broadcastTo";
        Object[][] forms = {
            {ints(), ints(3)}, {ints(), ints()}, {ints(1), ints(2, 4)}, {ints(5), ints(3, 5)}, {ints(5), ints(-1)},
            {ints(3, 1), ints(3, 4)}, {ints(3, 1), ints(2, -1, 4)}, {ints(1, 4), ints(3, 4)},
            {ints(2, 1, 4), ints(2, 3, 4)}, {ints(0), ints(2, 0)}, {ints(1), ints(0)}, {ints(2, 0, 3), ints(4, 2, 0, 3)},
        };
        List<Sample> s = listForms(op, "size", forms, kinds());
        s.add(Sample.of("edge values (2,5)->[2,2,5]", kinds(Kind.EDGE), Attrs.of("size", ints(2, 2, 5)), edges()));
        s.add(error(op, "(3,4) [3,5]", "The expanded size of the tensor (5) must match the existing size (4) at"
                + " non-singleton dimension 1.  Target sizes: [3, 5].  Tensor sizes: [3, 4]",
                Attrs.of("size", ints(3, 5)), 3, 4));
        s.add(error(op, "(3,4) [4]", "expand(CPUDoubleType{[3, 4]}, size=[4]): the number of sizes provided (1)"
                + " must be greater or equal to the number of dimensions in the tensor (2)",
                Attrs.of("size", ints(4)), 3, 4));
        s.add(error(op, "(3,4) [-1,3,4]", "The expanded size of the tensor (-1) isn't allowed in a leading,"
                + " non-existing dimension 0", Attrs.of("size", ints(-1, 3, 4)), 3, 4));
        return single(op)
                .fuzz(FuzzRule.templateShapes("the target sizes are tied to the input's shape"))
                .nano((in, a) -> Nano.broadcastTo(in[0], a.getInts("size")))
                .torchKernel(BROADCAST_TO, (in, a) -> BROADCAST_TO.call(in[0], a.getInts("size")))
                .samples(s)
                .exclude(Kind.DIMS, "takes target sizes, not a dim; -1 (keep the size) is covered by forward cases")
                .build();
    }

    private static OpInfo expandAs() {
        String op = "expandAs";
        int[][][] forms = {
            {{}, {3}}, {{}, {}}, {{1}, {2, 4}}, {{5}, {3, 5}}, {{3, 1}, {3, 4}}, {{3, 1}, {2, 3, 4}},
            {{1, 4}, {3, 4}}, {{2, 1, 4}, {2, 3, 4}}, {{0}, {2, 0}}, {{1}, {0}}, {{2, 0, 3}, {4, 2, 0, 3}},
        };
        List<Sample> s = new ArrayList<>();
        for (int[][] f : forms) {
            String id = Input.shapeText(f[0]) + " as " + Input.shapeText(f[1]);
            s.add(Sample.of(id, kinds(), Attrs.none(), draw(op, id, f[0]), other(op, id, f[1])));
        }
        s.add(Sample.of("edge values (2,5) as (3,2,5)", kinds(Kind.EDGE), Attrs.none(), edges(),
                other(op, "edge", new int[] {3, 2, 5})));
        s.add(Sample.of("(3,1) as int64 (3,4)", kinds(), Attrs.none(), draw(op, "(3,1) as int64", 3, 1),
                Input.int64(new int[] {3, 4}, new double[12])));
        s.add(Sample.error("(3,4) as (3,5)", "The expanded size of the tensor (5) must match the existing size (4) at"
                + " non-singleton dimension 1.  Target sizes: [3, 5].  Tensor sizes: [3, 4]", Attrs.none(),
                draw(op, "(3,4) as (3,5)", 3, 4), other(op, "(3,5)", new int[] {3, 5})));
        s.add(Sample.error("(3,4) as (4,)", "expand(CPUDoubleType{[3, 4]}, size=[4]): the number of sizes provided (1)"
                + " must be greater or equal to the number of dimensions in the tensor (2)", Attrs.none(),
                draw(op, "(3,4) as (4,)", 3, 4), other(op, "(4,)", new int[] {4})));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the other tensor's shape must be one the input expands to"))
                .nano((in, a) -> Nano.expandAs(in[0], in[1]))
                .torchKernel(EXPAND_AS, (in, a) -> EXPAND_AS.call(in[0], in[1]))
                .samples(s)
                .exclude(Kind.BROADCAST, "the input is broadcast to the other tensor's shape in every case; the other"
                        + " tensor's values are not read, so there is no broadcast pair")
                .exclude(Kind.SCALAR, MovementCases.NO_SCALAR)
                .exclude(Kind.NONDIFF, MovementCases.NO_KINKS)
                .exclude(Kind.DIMS, "no dim argument")
                .build();
    }

    /** The shape-giving tensor of expandAs: a constant, since its values are not read and it has no gradient. */
    private static Input other(String op, String id, int[] shape) {
        Input drawn = draw(op, id + "/other", shape);
        return Input.constant(shape, drawn.values());
    }

    // ---------------------------------------------------------------- meshgrid

    private static OpInfo meshgrid() {
        String op = "meshgrid";
        Object[][] forms = {
            {"ij", new int[][] {{3}, {4}}}, {"xy", new int[][] {{3}, {4}}}, {"ij", new int[][] {{5}}},
            {"xy", new int[][] {{5}}}, {"ij", new int[][] {{2}, {3}, {4}}}, {"xy", new int[][] {{2}, {3}, {4}}},
            {"ij", new int[][] {{}, {4}}}, {"xy", new int[][] {{3}, {}}}, {"ij", new int[][] {{}}},
            {"xy", new int[][] {{}, {}, {2}}}, {"ij", new int[][] {{0}, {3}}}, {"xy", new int[][] {{2}, {0}}},
            {"ij", new int[][] {{1}, {3}}},
        };
        List<Sample> s = new ArrayList<>();
        for (Object[] f : forms) {
            String indexing = (String) f[0];
            int[][] shapes = (int[][]) f[1];
            StringBuilder id = new StringBuilder(indexing);
            for (int[] shape : shapes) {
                id.append(' ').append(Input.shapeText(shape));
            }
            s.add(Sample.of(id.toString(), kinds(), Attrs.of("indexing", indexing),
                    MovementSupport.drawAll(op, id.toString(), shapes)));
        }
        s.add(Sample.of("edge values ij (10,) (2,)", kinds(Kind.EDGE), Attrs.of("indexing", "ij"),
                Input.of(new int[] {10}, Samples.EDGE_VALUES.clone()), Input.of(new int[] {2}, -0.0, Samples.NAN)));
        s.add(Sample.error("ij (3,) (2,2)", "torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: ",
                Attrs.of("indexing", "ij"), MovementSupport.drawAll(op, "ij (3,) (2,2)", new int[] {3}, new int[] {2, 2})));
        s.add(Sample.error("ab (3,) (2,)", "torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: ab",
                Attrs.of("indexing", "ab"), MovementSupport.drawAll(op, "ab (3,) (2,)", new int[] {3}, new int[] {2})));
        s.add(Sample.error("ij (3,) int64 (2,)", "meshgrid expects all tensors to have the same dtype",
                Attrs.of("indexing", "ij"), draw(op, "ij (3,) int64 (2,)", 3), Input.int64(new int[] {2}, 1, 2)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("only 0-d and 1-D inputs are accepted"))
                .nanoMulti((in, a) -> {
                    Tensor[] grids = Nano.meshgrid(a.getString("indexing"), in);
                    Tensor[] out = new Tensor[1 + grids.length];
                    out[0] = Nano.stack(grids, 0);
                    System.arraycopy(grids, 0, out, 1, grids.length);
                    return out;
                })
                .oracle(Oracle.kernel("aten::meshgrid.indexing", Oracle.TORCHSCRIPT))
                .torchMulti((in, a) -> {
                    String indexing = a.getString("indexing");
                    NDArray[] out = new NDArray[1 + in.length];
                    out[0] = MESHGRID_STACKED[in.length - 1].call(grid(in, indexing, null));
                    for (int i = 0; i < in.length; i++) {
                        out[1 + i] = MESHGRID_PIECE[in.length - 1].call(grid(in, indexing, i));
                    }
                    return out;
                })
                .samples(s)
                .exclude(Kind.BROADCAST, "the inputs are 0-d or 1-D coordinate vectors, never broadcast against each"
                        + " other")
                .exclude(Kind.SCALAR, MovementCases.NO_SCALAR)
                .exclude(Kind.NONDIFF, MovementCases.NO_KINKS)
                .exclude(Kind.DIMS, "no dim argument; the indexing ('ij', 'xy') is in every case")
                .build();
    }

    /** The bridge method's arguments: the tensors, the indexing, and the grid's position if one is picked. */
    private static Object[] grid(NDArray[] in, String indexing, Integer i) {
        Object[] args = new Object[in.length + (i == null ? 1 : 2)];
        System.arraycopy(in, 0, args, 0, in.length);
        args[in.length] = indexing;
        if (i != null) {
            args[in.length + 1] = i;
        }
        return args;
    }
}
