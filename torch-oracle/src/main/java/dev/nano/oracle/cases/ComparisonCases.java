package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import dev.nano.Nano;
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
 * lt le gt ge eq ne: tensor against tensor (broadcasting), tensor against a scalar on either side,
 * the edge-value product {0, 1, -1, inf, -inf, NaN}², and ties. Results are bool; no gradients.
 */
final class ComparisonCases {
    private ComparisonCases() {
    }

    private static final double[] EDGES = {0, 1, -1, INF, -INF, NAN};
    private static final String NO_GRAD = "comparisons return bool tensors, which have no gradient";

    private record Cmp(String name, BiFunction<Tensor, Tensor, Tensor> nanoTT, BiFunction<Tensor, Double, Tensor> nanoTS,
                       BiFunction<Double, Tensor, Tensor> nanoST, BiFunction<NDArray, NDArray, NDArray> torchTT,
                       BiFunction<NDArray, Double, NDArray> torchTS, String mirror) {
    }

    static List<OpInfo> entries() {
        List<Cmp> ops = List.of(
                new Cmp("lt", Tensor::lt, Tensor::lt, Nano::lt, tt("lt"), ts("lt"), "gt"),
                new Cmp("le", Tensor::le, Tensor::le, Nano::le, tt("le"), ts("le"), "ge"),
                new Cmp("gt", Tensor::gt, Tensor::gt, Nano::gt, tt("gt"), ts("gt"), "lt"),
                new Cmp("ge", Tensor::ge, Tensor::ge, Nano::ge, tt("ge"), ts("ge"), "le"),
                new Cmp("eq", Tensor::eq, Tensor::eq, Nano::eq, tt("eq"), ts("eq"), "eq"),
                new Cmp("ne", Tensor::ne, Tensor::ne, Nano::ne, tt("ne"), ts("ne"), "ne"));
        List<OpInfo> out = new ArrayList<>();
        for (Cmp op : ops) {
            out.add(entry(op, ops));
        }
        return out;
    }

    private static OpInfo entry(Cmp op, List<Cmp> all) {
        List<Sample> samples = new ArrayList<>();
        // Small integers so that ties (equal values) are frequent.
        for (Sample s : Samples.binary(op.name, Domain.signed(0, 3), Domain.signed(0, 3))) {
            samples.add(constants(roundInputs(s)));
        }
        samples.add(constants(Samples.edgeProduct("edge product", EDGES, false)));
        Random r = Samples.rng(op.name, "scalars");
        for (double s : new double[] {1.0, 0.0, NAN, INF, -INF}) {
            Input t = Input.constant(new int[] {2, 3}, round(Samples.uniform(r, 6, -2, 2)));
            samples.add(Sample.of("t vs " + s, kinds(Kind.SCALAR), Attrs.of("form", "ts").with("scalar", s), t));
            samples.add(Sample.of(s + " vs t", kinds(Kind.SCALAR), Attrs.of("form", "st").with("scalar", s), t));
        }
        samples.add(Sample.of("edges vs 0-d", kinds(Kind.EDGE, Kind.BROADCAST), Attrs.none(),
                Input.constant(new int[] {6}, EDGES), Input.constant(new int[] {}, NAN)));
        samples.add(constants(Samples.broadcastMismatch(op.name, 2)));
        // s∘t is computed by PyTorch as the mirrored comparison t∘s (Python's reflected operator).
        Cmp mirror = all.stream().filter(c -> c.name.equals(op.mirror)).findFirst().orElseThrow();
        return OpInfo.builder(op.name, "ops")
                .fuzz(FuzzRule.elementwise())
                .oracle(Oracle.kernel("aten::" + op.name + ".Tensor, aten::" + op.name + ".Scalar (s∘t: the mirrored "
                        + op.mirror + ".Scalar, as Python reflects it)", Oracle.TORCHSCRIPT))
                .notDifferentiable(NO_GRAD)
                .nano((in, a) -> switch (a.getString("form", "tt")) {
                    case "ts" -> op.nanoTS.apply(in[0], a.getDouble("scalar"));
                    case "st" -> op.nanoST.apply(a.getDouble("scalar"), in[0]);
                    default -> op.nanoTT.apply(in[0], in[1]);
                })
                .torch((in, a) -> switch (a.getString("form", "tt")) {
                    case "ts" -> op.torchTS.apply(in[0], a.getDouble("scalar"));
                    case "st" -> mirror.torchTS.apply(in[0], a.getDouble("scalar"));
                    default -> op.torchTT.apply(in[0], in[1]);
                })
                .samples(samples)
                .exclude(Kind.DIMS, "elementwise: no dim argument")
                .build();
    }

    /**
     * t∘t through the bridge: {@code aten::<name>.Tensor}. (DJL reaches lt le gt ge eq as the
     * same kernels, but its ne is {@code eq(...).logical_not_()}, a composition.)
     */
    private static BiFunction<NDArray, NDArray, NDArray> tt(String name) {
        AtenKernel k = AtenKernel.of("aten::" + name + ".Tensor", "x: Tensor, y: Tensor", "torch." + name + "(x, y)");
        return k::call;
    }

    /** t∘s with a Python float: {@code aten::<name>.Scalar}, as Python's {@code t < 2.5} dispatches. */
    private static BiFunction<NDArray, Double, NDArray> ts(String name) {
        AtenKernel k = AtenKernel.of("aten::" + name + ".Scalar", "x: Tensor, s: float", "torch." + name + "(x, s)");
        return k::call;
    }

    private static Sample roundInputs(Sample s) {
        List<Input> inputs = new ArrayList<>();
        for (Input in : s.inputs()) {
            inputs.add(new Input(in.shape(), in.dtype(), round(in.values()), in.requiresGrad()));
        }
        return new Sample(s.id(), s.kinds(), inputs, s.attrs(), s.expectError(), s.tolerance());
    }

    private static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.rint(v[i]);
        }
        return r;
    }

    /** Comparisons take no gradient: every input is a constant. */
    private static Sample constants(Sample s) {
        List<Input> inputs = new ArrayList<>();
        for (Input in : s.inputs()) {
            inputs.add(new Input(in.shape(), in.dtype(), in.values(), false));
        }
        return new Sample(s.id(), s.kinds(), inputs, s.attrs(), s.expectError(), s.tolerance());
    }
}
