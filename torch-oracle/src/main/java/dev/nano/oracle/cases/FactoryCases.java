package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.nano.oracle.cases.MovementSupport.edgeError;
import static dev.nano.oracle.cases.Samples.INF;
import static dev.nano.oracle.cases.Samples.NAN;
import static dev.nano.oracle.cases.Samples.kinds;

/**
 * The deterministic factories: zeros ones full zerosLike onesLike fullLike arange linspace eye.
 * PyTorch's tensors are created on the case's manager (handed to the torch side by the runner),
 * always as float64: every factory goes through the TorchScript bridge with {@code dtype=7}
 * (torch.float64's ScalarType, as torch.jit.save writes it), which also passes arange's and
 * linspace's bounds as doubles (DJL's calls take Java floats) and reaches full_like, which DJL
 * lacks. The {@code *Like} factories take their input as a constant.
 */
final class FactoryCases {
    private FactoryCases() {
    }

    private static final String NO_GRAD = "a factory creates a new leaf: no gradient flows into or out of it";
    private static final String NO_INPUTS = "no tensor inputs: nothing to broadcast";
    private static final String NO_DIMS = "no dim argument";
    private static final String NO_SCALAR = "no scalar operand to combine with a tensor";

    private static final int[][] SHAPES = {{}, {5}, {3, 4}, {2, 3, 4}, {0}, {2, 0, 3}};

    static List<OpInfo> entries() {
        return List.of(constant("zeros", 0.0), constant("ones", 1.0), full(), like("zerosLike", true), like("onesLike", false),
                fullLike(), arange(), linspace(), eye());
    }

    private static final AtenKernel ZEROS = AtenKernel.of("aten::zeros", "shape: List[int]",
            "torch.zeros(shape, dtype=7)");
    private static final AtenKernel ONES = AtenKernel.of("aten::ones", "shape: List[int]",
            "torch.ones(shape, dtype=7)");
    private static final AtenKernel FULL = AtenKernel.of("aten::full", "shape: List[int], value: float",
            "torch.full(shape, value, dtype=7)");
    private static final AtenKernel ZEROS_LIKE = AtenKernel.of("aten::zeros_like", "x: Tensor", "torch.zeros_like(x)");
    private static final AtenKernel ONES_LIKE = AtenKernel.of("aten::ones_like", "x: Tensor", "torch.ones_like(x)");
    private static final AtenKernel FULL_LIKE = AtenKernel.of("aten::full_like", "x: Tensor, value: float",
            "torch.full_like(x, value)");
    private static final AtenKernel ARANGE = AtenKernel.of("aten::arange.start_step",
            "start: float, end: float, step: float", "torch.arange(start, end, step, dtype=7)");
    private static final AtenKernel LINSPACE = AtenKernel.of("aten::linspace",
            "start: float, end: float, steps: int", "torch.linspace(start, end, steps, dtype=7)");
    private static final AtenKernel LINSPACE_TENSORS = AtenKernel.of("aten::linspace.Tensor_Tensor",
            "start: Tensor, end: Tensor, steps: int", "torch.linspace(start, end, steps, dtype=7)");
    private static final AtenKernel EYE = AtenKernel.of("aten::eye.m", "n: int, m: int", "torch.eye(n, m, dtype=7)");

    /** The oracle of a factory reached through the bridge. */
    private static Oracle kernel(AtenKernel k) {
        return Oracle.kernel(k.op(), Oracle.TORCHSCRIPT);
    }

    private static OpInfo.Builder factory(String name) {
        return OpInfo.builder(name, "ops")
                .notDifferentiable(NO_GRAD)
                .exclude(Kind.BROADCAST, NO_INPUTS)
                .exclude(Kind.DIMS, NO_DIMS);
    }

    /** The shape-derived kinds of an output of {@code shape} (a factory case has no input to derive them from). */
    private static Set<Kind> shapeKinds(int[] shape, Kind... more) {
        Set<Kind> k = kinds(more);
        if (shape.length == 0) {
            k.add(Kind.ZERO_DIM);
        }
        if (dev.nano.Shape.numel(shape) == 0) {
            k.add(Kind.EMPTY);
        }
        return k;
    }

    // ---------------------------------------------------------------- zeros, ones, full

    private static OpInfo constant(String op, double value) {
        List<Sample> s = new ArrayList<>();
        for (int[] shape : SHAPES) {
            s.add(Sample.of(Input.shapeText(shape), shapeKinds(shape), Attrs.of("shape", shape)));
        }
        s.add(Sample.of("(1,1,1,1)", kinds(), Attrs.of("shape", new int[] {1, 1, 1, 1})));
        s.add(Sample.error("(-1,3)", "Trying to create tensor with negative dimension -1: [-1, 3]",
                Attrs.of("shape", new int[] {-1, 3})));
        // Sizes below -1 are rejected by DJL's own Shape check before libtorch sees them: not a case here.
        boolean zeros = value == 0.0;
        return factory(op)
                .fuzz(FuzzRule.templateShapes("a factory: no tensor input, the size is an attribute"))
                .nano((in, a) -> zeros ? Nano.zeros(a.getInts("shape")) : Nano.ones(a.getInts("shape")))
                .oracle(kernel(zeros ? ZEROS : ONES))
                .torchFactory((m, a) -> (zeros ? ZEROS : ONES).callIn(m, a.getInts("shape")))
                .samples(s)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.EDGE, "no value argument: the fill value is fixed")
                .build();
    }

    private static OpInfo full() {
        String op = "full";
        List<Sample> s = new ArrayList<>();
        for (int[] shape : SHAPES) {
            s.add(Sample.of(Input.shapeText(shape) + " 2.5", shapeKinds(shape, Kind.SCALAR),
                    Attrs.of("shape", shape).with("value", 2.5)));
        }
        s.add(Sample.of("(3,4) 0.1", kinds(Kind.SCALAR), Attrs.of("shape", new int[] {3, 4}).with("value", 0.1)));
        s.add(Sample.of("(2,) -7", kinds(Kind.SCALAR), Attrs.of("shape", new int[] {2}).with("value", -7.0)));
        for (double v : new double[] {NAN, INF, -INF, -0.0, 0.0, 1e300, -1e-300, Double.MIN_VALUE}) {
            s.add(Sample.of("(2,3) " + v, kinds(Kind.SCALAR, Kind.EDGE), Attrs.of("shape", new int[] {2, 3})
                    .with("value", v)));
        }
        s.add(Sample.of("() NaN", kinds(Kind.SCALAR, Kind.EDGE, Kind.ZERO_DIM), Attrs.of("shape", new int[] {})
                .with("value", NAN)));
        s.add(Sample.error("(-1,3)", "Trying to create tensor with negative dimension -1: [-1, 3]",
                Attrs.of("shape", new int[] {-1, 3}).with("value", 1.0)));
        return factory(op)
                .fuzz(FuzzRule.templateShapes("a factory: no tensor input, the size is an attribute"))
                .nano((in, a) -> Nano.full(a.getInts("shape"), a.getDouble("value")))
                .oracle(kernel(FULL))
                .torchFactory((m, a) -> FULL.callIn(m, a.getInts("shape"), a.getDouble("value")))
                .samples(s)
                .build();
    }

    // ---------------------------------------------------------------- zerosLike, onesLike, fullLike

    private static List<Sample> likeSamples(String op, Attrs attrs) {
        List<Sample> s = new ArrayList<>();
        for (int[] shape : SHAPES) {
            String id = Input.shapeText(shape);
            double[] v = Samples.uniform(Samples.rng(op, id), dev.nano.Shape.numel(shape), -2, 2);
            s.add(Sample.of(id, kinds(), attrs, Input.constant(shape, v)));
        }
        // The input's values do not matter, NaN and inf included.
        s.add(Sample.of("edge values input", kinds(Kind.EDGE), attrs,
                Input.constant(new int[] {2, 5}, Samples.EDGE_VALUES.clone())));
        return s;
    }

    private static OpInfo like(String op, boolean zeros) {
        return factory(op)
                .fuzz(FuzzRule.elementwise())
                .nano((in, a) -> zeros ? Nano.zerosLike(in[0]) : Nano.onesLike(in[0]))
                .oracle(kernel(zeros ? ZEROS_LIKE : ONES_LIKE))
                .torch((in, a) -> (zeros ? ZEROS_LIKE : ONES_LIKE).call(in[0]))
                .samples(likeSamples(op, Attrs.none()))
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.ERROR, "accepts every tensor")
                .build();
    }

    private static OpInfo fullLike() {
        String op = "fullLike";
        List<Sample> s = new ArrayList<>();
        for (Sample base : likeSamples(op, Attrs.of("value", -1.5))) {
            Set<Kind> k = kinds(Kind.SCALAR);
            k.addAll(base.kinds());
            s.add(new Sample(base.id(), k, base.inputs(), base.attrs(), null, null));
        }
        for (double v : new double[] {NAN, INF, -0.0}) {
            s.add(Sample.of("(3,) value " + v, kinds(Kind.SCALAR, Kind.EDGE), Attrs.of("value", v),
                    Input.constant(new int[] {3}, 1, 2, 3)));
        }
        return factory(op)
                .fuzz(FuzzRule.elementwise())
                .nano((in, a) -> Nano.fullLike(in[0], a.getDouble("value")))
                .torchKernel(FULL_LIKE, (in, a) -> FULL_LIKE.call(in[0], a.getDouble("value")))
                .samples(s)
                .exclude(Kind.ERROR, "accepts every tensor")
                .build();
    }

    // ---------------------------------------------------------------- arange, linspace

    private static Attrs range(double start, double end, double step) {
        return Attrs.of("start", start).with("end", end).with("step", step);
    }

    private static OpInfo arange() {
        String op = "arange";
        double[][] forms = {
            {0, 5, 1}, {1, 4, 1}, {0, 2.5, 0.5}, {-3, 3, 1.5}, {5, 0, -1}, {5, 0, -2}, {0, 1, 0.25},
            {1, 2.25, 0.5}, {-2, -5.5, -0.5}, {0, 10, 3}, {0.5, 1, 1}, {0, 0, 1}, {3, 3, -1}, {0, 1e6, 250000},
        };
        List<Sample> s = new ArrayList<>();
        for (double[] f : forms) {
            String id = f[0] + ".." + f[1] + " step " + f[2];
            boolean empty = Math.ceil((f[1] - f[0]) / f[2]) <= 0;
            s.add(Sample.of(id, empty ? kinds(Kind.EMPTY) : kinds(), range(f[0], f[1], f[2])));
        }
        s.add(Sample.error("0..5 step 0", "step must be nonzero", range(0, 5, 0)));
        s.add(Sample.error("0..5 step -1", "upper bound and larger bound inconsistent with step sign",
                range(0, 5, -1)));
        s.add(Sample.error("5..0 step 1", "upper bound and larger bound inconsistent with step sign", range(5, 0, 1)));
        s.add(edgeError("0..5 step NaN", "step must be nonzero", range(0, 5, NAN)));
        s.add(edgeError("0..inf step 1", "unsupported range: 0 -> inf", range(0, INF, 1)));
        s.add(edgeError("NaN..5 step 1", "unsupported range: nan -> 5", range(NAN, 5, 1)));
        return factory(op)
                .fuzz(FuzzRule.templateShapes("a factory: no tensor input, the size is an attribute")
                // A random step of 1e-300 would ask both frameworks for 10^300 elements.
                .keysFixed(Set.of("start", "end", "step")))
                .nano((in, a) -> Nano.arange(a.getDouble("start"), a.getDouble("end"), a.getDouble("step")))
                .oracle(kernel(ARANGE))
                .torchFactory((m, a) -> ARANGE.callIn(m, a.getDouble("start"), a.getDouble("end"), a.getDouble("step")))
                .samples(s)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.ZERO_DIM, "always returns a 1-D tensor")
                .build();
    }

    /** A linspace bound as nano's tensor of rank 0 or 1. */
    private static Tensor bound(double value, int rank) {
        return rank == 0 ? Nano.scalar(value) : Nano.tensor(value);
    }

    /** The same bound as a float64 torch tensor in the case's manager. */
    private static NDArray torchBound(NDManager m, double value, int rank) {
        return rank == 0 ? m.create(value) : m.create(new double[] {value});
    }

    private static OpInfo linspace() {
        String op = "linspace";
        double[][] forms = {
            {0, 1, 5}, {-1, 1, 9}, {2, -2, 5}, {0, 10, 11}, {0, 1, 2}, {3, 3, 1}, {1, 0, 1}, {3, 3, 4},
            {-0.5, 0.5, 3}, {0, 1, 0}, {0, 64, 33},
        };
        List<Sample> s = new ArrayList<>();
        for (double[] f : forms) {
            String id = f[0] + ".." + f[1] + " steps " + (int) f[2];
            s.add(Sample.of(id, f[2] == 0 ? kinds(Kind.EMPTY) : kinds(),
                    Attrs.of("start", f[0]).with("end", f[1]).with("steps", (int) f[2])));
        }
        // Infinite or NaN bounds: short enough (3 steps) that torch's kernel runs element by element,
        // where its formula (start + step·i in the first half, end − step·(steps−1−i) in the second) is nano's.
        double[][] edge = {{0, INF, 3}, {-INF, INF, 3}, {NAN, 1, 3}, {0, INF, 1}};
        for (double[] f : edge) {
            String id = f[0] + ".." + f[1] + " steps " + (int) f[2];
            s.add(Sample.of(id, kinds(Kind.EDGE), Attrs.of("start", f[0]).with("end", f[1]).with("steps", (int) f[2])));
        }
        s.add(Sample.error("0..1 steps -1", "number of steps must be non-negative",
                Attrs.of("start", 0.0).with("end", 1.0).with("steps", -1)));
        // 0-d tensor bounds (aten's linspace.Tensor_Tensor; PyTorch's own sample inputs use them). The case's
        // attributes say the bounds' values and rank ("bounds": 0 or 1); both sides make the tensors from them.
        for (double[] f : new double[][] {{0, 1, 5}, {2, -2, 4}, {-0.5, 0.5, 1}}) {
            String id = "tensor(" + f[0] + ")..tensor(" + f[1] + ") steps " + (int) f[2];
            s.add(Sample.of(id, kinds(), Attrs.of("start", f[0]).with("end", f[1]).with("steps", (int) f[2])
                    .with("bounds", 0)));
        }
        s.add(Sample.error("tensor([0.])..tensor([1.]) steps 3", "linspace only supports 0-dimensional start and "
                + "end tensors, but got start with 1 dimension(s) and end with 1 dimension(s).",
                Attrs.of("start", 0.0).with("end", 1.0).with("steps", 3).with("bounds", 1)));
        return factory(op)
                .fuzz(FuzzRule.templateShapes("a factory: no tensor input, the size is an attribute")
                // A random range would ask for huge steps or NaN ones; the steps count is perturbed.
                .keysFixed(Set.of("start", "end", "step")))
                .nano((in, a) -> a.has("bounds")
                        ? Nano.linspace(bound(a.getDouble("start"), a.getInt("bounds")),
                                bound(a.getDouble("end"), a.getInt("bounds")), a.getInt("steps"))
                        : Nano.linspace(a.getDouble("start"), a.getDouble("end"), a.getInt("steps")))
                .oracle(kernel(LINSPACE))
                .torchFactory((m, a) -> a.has("bounds")
                        ? LINSPACE_TENSORS.callIn(m, torchBound(m, a.getDouble("start"), a.getInt("bounds")),
                                torchBound(m, a.getDouble("end"), a.getInt("bounds")), a.getInt("steps"))
                        : LINSPACE.callIn(m, a.getDouble("start"), a.getDouble("end"), a.getInt("steps")))
                .samples(s)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.ZERO_DIM, "always returns a 1-D tensor")
                .build();
    }

    // ---------------------------------------------------------------- eye

    private static OpInfo eye() {
        String op = "eye";
        int[][] forms = {{3}, {1}, {3, 3}, {2, 4}, {4, 2}, {1, 1}, {1, 5}, {0}, {0, 0}, {0, 3}, {3, 0}};
        List<Sample> s = new ArrayList<>();
        for (int[] f : forms) {
            String id = f.length == 1 ? "n=" + f[0] : "n=" + f[0] + " m=" + f[1];
            Attrs attrs = Attrs.of("n", f[0]);
            if (f.length == 2) {
                attrs.with("m", f[1]);
            }
            int rows = f[0];
            int cols = f.length == 2 ? f[1] : f[0];
            s.add(Sample.of(id, rows * cols == 0 ? kinds(Kind.EMPTY) : kinds(), attrs));
        }
        s.add(Sample.error("n=-1", "n must be greater or equal to 0, got -1", Attrs.of("n", -1)));
        s.add(Sample.error("n=2 m=-2", "m must be greater or equal to 0, got -2", Attrs.of("n", 2).with("m", -2)));
        return factory(op)
                .fuzz(FuzzRule.templateShapes("a factory: no tensor input, the size is an attribute"))
                .nano((in, a) -> a.has("m") ? Nano.eye(a.getInt("n"), a.getInt("m")) : Nano.eye(a.getInt("n")))
                .oracle(kernel(EYE))
                .torchFactory((m, a) -> EYE.callIn(m, a.getInt("n"), a.has("m") ? a.getInt("m") : a.getInt("n")))
                .samples(s)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.ZERO_DIM, "always returns a 2-D tensor")
                .exclude(Kind.EDGE, "integer sizes only: no values to push to the edges (size 0 is the empty case)")
                .build();
    }
}
