package dev.nano.oracle.cases;

import dev.nano.Tensor;
import dev.nano.oracle.cases.Samples.Domain;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.DoublePredicate;
import java.util.function.Function;

import static dev.nano.oracle.cases.Samples.kinds;

/**
 * The two shapes of entry the elementwise families of issue 24 share ({@link TrigCases},
 * {@link RoundingCases}, {@link LogExpCases}): a unary op over {@link UnarySamples#group} and a
 * binary op over {@link Samples#binary} with the edge product, a broadcast mismatch and, where
 * PyTorch has them, the number-operand overloads. Each torch side is one aten kernel through the
 * TorchScript bridge, named in the entry.
 */
final class ElementwiseEntries {
    private ElementwiseEntries() {
    }

    /** The error evidence a unary op without a dtype restriction cannot give. */
    static final String NO_ERROR = "accepts every float64 tensor; PyTorch promotes bool and int64 input to the "
            + "default float32 (or, for floor ceil round trunc, returns integers unchanged), which this float64 "
            + "harness does not hold";

    /** Edge values for a binary op's product table: each against each, gradients included. */
    static final double[] EDGES = {0.0, -0.0, 1.0, -1.0, 2.5, -0.5, 1e300, -1e300, 1e-300, Samples.NAN,
        Samples.INF, -Samples.INF};

    /**
     * A unary entry through {@code torch.<name>(x)}.
     *
     * @param name   the operator (nano's and the aten kernel's name)
     * @param nano   nano's call
     * @param domain where smooth random inputs are drawn
     * @param wide   a wider range for one larger tensor, or null
     * @param edges  edge values
     * @param kinks  points where PyTorch picks the gradient, or null for a smooth op
     * @param tiny   tiny inputs compared with atol 0 (ops ≈ c·x near 0), or empty
     * @return the builder, for more facts
     */
    static OpInfo.Builder unary(String name, Function<Tensor, Tensor> nano, Domain domain, Domain wide,
                                double[] edges, double[] kinks, double... tiny) {
        AtenKernel k = AtenKernel.of("aten::" + name, "x: Tensor", "torch." + name + "(x)");
        OpInfo.Builder b = OpInfo.builder(name, "ops")
                .fuzz(FuzzRule.elementwise())
                .nano((in, a) -> nano.apply(in[0]))
                .torchKernel(k, (in, a) -> k.call(in[0]))
                .samples(UnarySamples.group(name, "", Attrs::none, domain, wide, edges, true, kinks))
                .samples(UnarySamples.tiny("", Attrs::none, tiny))
                .exclude(Kind.BROADCAST, "unary: one input, nothing to broadcast")
                .exclude(Kind.SCALAR, "unary: no scalar operand")
                .exclude(Kind.DIMS, "elementwise: no dim argument");
        if (kinks == null) {
            b.exclude(Kind.NONDIFF, "smooth wherever it is defined: no kink or tie; its domain edges are EDGE cases");
        }
        return b;
    }

    /**
     * The number-operand overloads of a binary op, each one aten kernel; null where PyTorch has none.
     * {@code numberTensorDifferentiable} is false where PyTorch has no derivative for the number∘tensor
     * overload (remainder.Scalar_Tensor): its cases then compare the forward only, on constant inputs.
     * {@code leavesDomain} says which numbers leave the op's smooth domain (a zero divisor, log of a
     * number ≤ 0): those cases are EDGE cases, where finite differences do not apply.
     */
    record NumberForms(AtenKernel tensorNumber, BiFunction<Tensor, Double, Tensor> nanoTensorNumber,
                       AtenKernel numberTensor, BiFunction<Double, Tensor, Tensor> nanoNumberTensor,
                       boolean numberTensorDifferentiable, DoublePredicate leavesDomain, double... scalars) {
    }

    /** The input as it is, or as a constant where the overload has no derivative. */
    private static Input gradUnless(boolean differentiable, Input in) {
        return differentiable ? in : new Input(in.shape(), in.dtype(), in.values(), false);
    }

    /**
     * A binary entry through {@code torch.<name>(x, y)} ({@code aten::<name>.Tensor} or the op itself),
     * with the case attribute {@code form} "ts" / "st" for its number-operand overloads.
     *
     * @param name  the operator
     * @param aten  the tensor∘tensor kernel, e.g. "aten::fmod.Tensor"
     * @param nano  nano's tensor∘tensor call
     * @param a     the first operand's domain
     * @param b     the second operand's domain
     * @param forms the number-operand overloads, or null
     * @return the builder, for more facts
     */
    static OpInfo.Builder binary(String name, String aten, BiFunction<Tensor, Tensor, Tensor> nano, Domain a,
                                 Domain b, NumberForms forms) {
        AtenKernel tt = AtenKernel.of(aten, "x: Tensor, y: Tensor", "torch." + name + "(x, y)");
        List<Sample> samples = new ArrayList<>(Samples.binary(name, a, b));
        samples.add(Samples.edgeProduct("edge product", EDGES, true));
        samples.add(Samples.broadcastMismatch(name, 2));
        String oracle = aten;
        if (forms != null) {
            for (double s : forms.scalars()) {
                Set<Kind> kinds = forms.leavesDomain().test(s) ? kinds(Kind.SCALAR, Kind.EDGE) : kinds(Kind.SCALAR);
                for (int[] shape : new int[][] {{}, {3, 4}}) {
                    if (forms.tensorNumber() != null) {
                        String id = "t," + UnarySamples.fmt(s) + " " + Input.shapeText(shape);
                        samples.add(Sample.of(id, kinds, Attrs.of("form", "ts").with("scalar", s),
                                a.draw(Samples.rng(name, id), shape)));
                    }
                    if (forms.numberTensor() != null) {
                        String id = UnarySamples.fmt(s) + ",t " + Input.shapeText(shape);
                        samples.add(Sample.of(id, kinds, Attrs.of("form", "st").with("scalar", s),
                                gradUnless(forms.numberTensorDifferentiable(), b.draw(Samples.rng(name, id), shape))));
                    }
                }
            }
            // The number against every edge value, on both sides where PyTorch has the overload.
            for (double s : new double[] {0.0, -0.0, 2.5, Samples.NAN, Samples.INF}) {
                if (forms.tensorNumber() != null) {
                    samples.add(Sample.of("edges," + UnarySamples.fmt(s), kinds(Kind.SCALAR, Kind.EDGE),
                            Attrs.of("form", "ts").with("scalar", s), Samples.values(EDGES)));
                }
                if (forms.numberTensor() != null) {
                    samples.add(Sample.of(UnarySamples.fmt(s) + ",edges", kinds(Kind.SCALAR, Kind.EDGE),
                            Attrs.of("form", "st").with("scalar", s),
                            gradUnless(forms.numberTensorDifferentiable(), Samples.values(EDGES))));
                }
            }
            oracle = aten + (forms.tensorNumber() != null ? ", " + forms.tensorNumber().op() : "")
                    + (forms.numberTensor() != null ? ", " + forms.numberTensor().op() : "");
        }
        OpInfo.Builder builder = OpInfo.builder(name, "ops")
                .fuzz(FuzzRule.elementwise())
                .oracle(Oracle.kernel(oracle, Oracle.TORCHSCRIPT))
                .nano((in, at) -> switch (at.getString("form", "tt")) {
                    case "ts" -> forms.nanoTensorNumber().apply(in[0], at.getDouble("scalar"));
                    case "st" -> forms.nanoNumberTensor().apply(at.getDouble("scalar"), in[0]);
                    default -> nano.apply(in[0], in[1]);
                })
                .torch((in, at) -> switch (at.getString("form", "tt")) {
                    case "ts" -> forms.tensorNumber().call(in[0], at.getDouble("scalar"));
                    case "st" -> forms.numberTensor().call(in[0], at.getDouble("scalar"));
                    default -> tt.call(in[0], in[1]);
                })
                .samples(samples)
                .exclude(Kind.DIMS, "elementwise: no dim argument");
        if (forms == null) {
            builder.exclude(Kind.SCALAR, "PyTorch has no overload of " + name + " with a number operand");
        }
        return builder;
    }

    /** A number-operand overload {@code torch.<name>(x, s)}, the tensor first. */
    static AtenKernel tensorNumber(String name, String aten) {
        return AtenKernel.of(aten, "x: Tensor, s: float", "torch." + name + "(x, s)");
    }

    /** A number-operand overload {@code torch.<name>(s, x)}, the number first (called with the tensor first). */
    static AtenKernel numberTensor(String name, String aten) {
        return AtenKernel.of(aten, "x: Tensor, s: float", "torch." + name + "(s, x)");
    }
}
