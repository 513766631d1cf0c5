package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.oracle.cases.Samples.Domain;
import dev.nano.oracle.nn.TorchFunctional;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import static dev.nano.oracle.cases.Samples.INF;
import static dev.nano.oracle.cases.Samples.NAN;
import static dev.nano.oracle.cases.Samples.kinds;

/**
 * add sub mul div pow (tensor∘tensor with broadcasting, tensor∘scalar, scalar∘tensor) and neg.
 * The attribute {@code form} says which: "tt", "ts" (t∘s) or "st" (s∘t, the right-hand forms
 * {@code rsub rdiv rpow}); {@code scalar} holds the Java double.
 */
final class ArithmeticCases {
    private ArithmeticCases() {
    }

    /** Edge values for the product table: each against each, gradients included. */
    private static final double[] EDGES = {0.0, -0.0, 1.0, -1.0, 2.5, 1e300, -1e300, NAN, INF, -INF};
    private static final double[] SCALARS = {2.5, -1.0, 0.0};

    /** One binary operator as it appears on both sides. */
    private record Binary(String name, BiFunction<Tensor, Tensor, Tensor> nanoTT,
                          BiFunction<Tensor, Double, Tensor> nanoTS, BiFunction<Double, Tensor, Tensor> nanoST,
                          BiFunction<NDArray, NDArray, NDArray> torchTT, BiFunction<NDArray, Double, NDArray> torchTS,
                          BiFunction<Double, NDArray, NDArray> torchST, Domain a, Domain b) {
    }

    static List<OpInfo> entries() {
        List<Binary> ops = List.of(
                new Binary("add", Tensor::add, Tensor::add, Nano::add,
                        NDArray::add, NDArray::add, NDArrays::add, Domain.signed(0.1, 2), Domain.signed(0.1, 2)),
                new Binary("sub", Tensor::sub, Tensor::sub, Nano::sub,
                        NDArray::sub, NDArray::sub, NDArrays::sub, Domain.signed(0.1, 2), Domain.signed(0.1, 2)),
                new Binary("mul", Tensor::mul, Tensor::mul, Nano::mul,
                        NDArray::mul, NDArray::mul, NDArrays::mul, Domain.signed(0.1, 2), Domain.signed(0.1, 2)),
                new Binary("div", Tensor::div, Tensor::div, Nano::div,
                        NDArray::div, NDArray::div, NDArrays::div, Domain.signed(0.1, 2), Domain.signed(0.5, 2)),
                // t ** s is aten::pow.Tensor_Scalar (DJL's pow(Number) would be pow.Tensor_Tensor, without
                // the special-cased exponents); s ** t is pow.Scalar, which redispatches to pow.Tensor_Tensor.
                new Binary("pow", Tensor::pow, Tensor::pow, Nano::pow,
                        NDArray::pow, TorchFunctional::powScalar, NDArrays::pow, Domain.of(0.2, 2),
                        Domain.signed(0.1, 2.5)));
        List<OpInfo> out = new ArrayList<>();
        for (Binary op : ops) {
            out.add(binary(op));
        }
        out.add(neg());
        return out;
    }

    private static OpInfo binary(Binary op) {
        List<Sample> samples = new ArrayList<>(Samples.binary(op.name, op.a, op.b));
        for (double s : SCALARS) {
            if (op.name.equals("div") && s == 0.0) {
                continue; // division by a zero scalar is covered by the edge product
            }
            for (int[] shape : new int[][] {{}, {3, 4}}) {
                String tsId = "t" + opSymbol(op.name) + s + " " + Input.shapeText(shape);
                samples.add(Sample.of(tsId, kinds(Kind.SCALAR), Attrs.of("form", "ts").with("scalar", s),
                        op.a.draw(Samples.rng(op.name, tsId), shape)));
                String stId = s + opSymbol(op.name) + "t " + Input.shapeText(shape);
                Domain rhs = op.name.equals("div") ? Domain.signed(0.5, 2) : op.b;
                // A base <= 0 raised to real exponents leaves pow's domain (NaN, inf): an edge case.
                Set<Kind> stKinds = op.name.equals("pow") && s <= 0 ? kinds(Kind.SCALAR, Kind.EDGE) : kinds(Kind.SCALAR);
                samples.add(Sample.of(stId, stKinds, Attrs.of("form", "st").with("scalar", s),
                        rhs.draw(Samples.rng(op.name, stId), shape)));
            }
        }
        samples.add(Samples.edgeProduct("edge product", EDGES, true));
        if (op.name.equals("pow")) {
            samples.addAll(powEdges());
        }
        samples.add(Samples.broadcastMismatch(op.name, 2));
        OpInfo.Builder builder = OpInfo.builder(op.name, "ops");
        if (!op.name.equals("pow")) {
            builder.exclude(Kind.NONDIFF, "smooth wherever it is defined: no kinks or ties "
                    + "(zero and non-finite operands are in the edge product)");
        }
        return builder
                .nano((in, a) -> switch (a.getString("form", "tt")) {
                    case "ts" -> op.nanoTS.apply(in[0], a.getDouble("scalar"));
                    case "st" -> op.nanoST.apply(a.getDouble("scalar"), in[0]);
                    default -> op.nanoTT.apply(in[0], in[1]);
                })
                .torch((in, a) -> switch (a.getString("form", "tt")) {
                    case "ts" -> op.torchTS.apply(in[0], a.getDouble("scalar"));
                    case "st" -> op.torchST.apply(a.getDouble("scalar"), in[0]);
                    default -> op.torchTT.apply(in[0], in[1]);
                })
                .samples(samples)
                .exclude(Kind.DIMS, "elementwise: no dim argument")
                .build();
    }

    /** Spec §16: x**0 has gradient 0 even at 0; 0**e with e ≥ 0 has d/de = 0; 0**-1 gives -inf. */
    private static List<Sample> powEdges() {
        List<Sample> out = new ArrayList<>();
        double[] bases = {0, 0, 0, 0, 0, 0, 2, -2, -1, 1};
        double[] exponents = {0, 2, 1, 0.5, -1, -2, 0, 3, INF, NAN};
        out.add(Sample.of("zero base and zero exponent", kinds(Kind.NONDIFF, Kind.EDGE), Attrs.none(),
                Input.of(new int[] {10}, bases), Input.of(new int[] {10}, exponents)));
        for (double e : new double[] {0, 1, 2, 0.5, -1, -2}) {
            String id = "x**" + e + " at 0";
            out.add(Sample.of(id, kinds(Kind.NONDIFF, Kind.SCALAR), Attrs.of("form", "ts").with("scalar", e),
                    Samples.values(0.0, -0.0, 1.5)));
        }
        out.add(Sample.of("0**t", kinds(Kind.NONDIFF, Kind.SCALAR), Attrs.of("form", "st").with("scalar", 0.0),
                Samples.values(0, 1.5, -1, 2)));
        out.add(Sample.of("negative base, fractional exponent", kinds(Kind.EDGE), Attrs.of("form", "ts")
                .with("scalar", 0.5), Samples.values(-4, -1e-3, 4)));
        // pow.Tensor_Scalar computes these exponents as sqrt, 1/sqrt, 1/x, x·x, x·x·x, 1/(x·x), which differ
        // from C's pow at -0.0 and -inf ((-inf) ** 0.5 = NaN, (-0.0) ** -0.5 = -inf); the gradient,
        // e · x.pow(e - 1), inherits them (1.5 and -1.5 reach sqrt and 1/sqrt there). Found by scripts/fuzz.
        double[] specialBases = {-0.0, 0.0, -INF, INF, NAN, -1, 1, -2.5, 2.5, 1e300, -1e300, 1e-300, -1e-300, 1e160};
        for (double e : new double[] {0.5, -0.5, 1.5, -1.5, 2, 3, -1, -2, 4, 2.5, 1, 0}) {
            out.add(Sample.of("x**" + e + " special bases", kinds(Kind.EDGE, Kind.SCALAR),
                    Attrs.of("form", "ts").with("scalar", e), Samples.values(specialBases)));
        }
        return out;
    }

    private static String opSymbol(String name) {
        return switch (name) {
            case "add" -> "+";
            case "sub" -> "-";
            case "mul" -> "*";
            case "div" -> "/";
            default -> "**";
        };
    }

    private static OpInfo neg() {
        return OpInfo.builder("neg", "ops")
                .nano((in, a) -> in[0].neg())
                .torch((in, a) -> in[0].neg())
                .samples(Samples.unary("neg", Domain.signed(0.1, 3), Samples.EDGE_VALUES, null))
                .samples(List.of(Sample.error("bool input", "Negation, the `-` operator, on a bool tensor is not "
                        + "supported", Attrs.none(), Input.bool(new int[] {3}, 1, 0, 1))))
                .exclude(Kind.BROADCAST, "unary: one input, nothing to broadcast")
                .exclude(Kind.SCALAR, "unary: no scalar operand")
                .exclude(Kind.NONDIFF, "linear everywhere: no kinks or ties")
                .exclude(Kind.DIMS, "elementwise: no dim argument")
                .build();
    }
}
