package dev.nano.oracle.cases;

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

import static dev.nano.oracle.cases.Samples.EDGE_VALUES;
import static dev.nano.oracle.cases.Samples.kinds;
import static dev.nano.oracle.cases.UnaryCases.MIN_SUB;
import static dev.nano.oracle.cases.UnarySamples.concat;

/**
 * {@code floor ceil round} (with {@code decimals}) {@code trunc frac fmod remainder}. The rounding
 * functions are exact in both libraries, so they agree to the bit; their gradient is PyTorch's
 * {@code zeros_like(grad)}, checked at the jumps (whole numbers, halves) as NONDIFF cases. fmod and
 * remainder are exact too; their gradients carry the rounded quotient.
 */
final class RoundingCases {
    private RoundingCases() {
    }

    /** Whole numbers, halves, the last doubles with a fraction (2^52 − ½) and the first without (2^52, 2^53 + 2). */
    private static final double[] ROUNDING_EDGES = concat(EDGE_VALUES, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994,
            4503599627370495.5, 0x1p52, 0x1p53 + 2, -0x1p52 - 1, MIN_SUB, -MIN_SUB);
    private static final double[] WHOLE = {1.0, -1.0, 2.0, 0.0, -0.0};
    private static final double[] HALVES = {0.5, -0.5, 1.5, 2.5, -2.5};

    static List<OpInfo> entries() {
        Domain domain = Domain.signed(0.1, 4);
        // No wide-range case: finite differences at magnitudes up to 1e6 step across the jumps.
        Domain wide = null;
        return List.of(
                ElementwiseEntries.unary("floor", Tensor::floor, domain, wide, ROUNDING_EDGES, WHOLE)
                        .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR).build(),
                ElementwiseEntries.unary("ceil", Tensor::ceil, domain, wide, ROUNDING_EDGES, WHOLE)
                        .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR).build(),
                round(domain, wide),
                ElementwiseEntries.unary("trunc", Tensor::trunc, domain, wide, ROUNDING_EDGES, WHOLE)
                        .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR).build(),
                ElementwiseEntries.unary("frac", Tensor::frac, domain, wide, ROUNDING_EDGES, WHOLE, UnaryCases.TINY)
                        .samples(dtypeErrors()).build(),
                ElementwiseEntries.binary("fmod", "aten::fmod.Tensor", Nano::fmod, Domain.signed(0.1, 10),
                        Domain.signed(0.5, 3), new ElementwiseEntries.NumberForms(
                                ElementwiseEntries.tensorNumber("fmod", "aten::fmod.Scalar"), Nano::fmod, null, null, true,
                                s -> s == 0, 2.5, -1.5, 0.0))
                        .sample(multiples("fmod"))
                        .knownDisagreement(VECTOR_FMOD, RoundingCases::vectorFmod)
                        .build(),
                ElementwiseEntries.binary("remainder", "aten::remainder.Tensor", Nano::remainder,
                        Domain.signed(0.1, 10), Domain.signed(0.5, 3), new ElementwiseEntries.NumberForms(
                                ElementwiseEntries.tensorNumber("remainder", "aten::remainder.Scalar"), Nano::remainder,
                                ElementwiseEntries.numberTensor("remainder", "aten::remainder.Scalar_Tensor"),
                                // PyTorch has no derivative for remainder.Scalar_Tensor ("derivative for
                                // aten::remainder is not implemented"), nor has nano: forward only there.
                                Nano::remainder, false, s -> s == 0, 2.5, -1.5, 0.0))
                        .sample(multiples("remainder"))
                        .knownDisagreement(VECTOR_FMOD, RoundingCases::vectorFmod)
                        .build());
    }

    /**
     * Found by the fuzzer: libtorch's avx2/avx512 fmod lanes answer NaN where the quotient a / b overflows
     * (fmod(1.8e308, 0.72), remainder(−1, −4.9e−324)), where C's fmod, its default dispatch (the fixtures' record) and nano give the
     * exact remainder. Known only when this JVM runs another dispatch than the canonical one.
     */
    private static final String VECTOR_FMOD = "libtorch's vectorised fmod (avx2, avx512 dispatches) answers NaN "
            + "where the quotient a / b overflows; C's fmod, the default dispatch and nano give the exact remainder";

    private static boolean vectorFmod(Sample c, String problem) {
        boolean huge = c.inputs().stream().flatMapToDouble(in -> java.util.Arrays.stream(in.values()))
                .anyMatch(v -> Double.isFinite(v) && (Math.abs(v) > 1e300 || v != 0 && Math.abs(v) < 1e-300));
        return !dev.nano.oracle.torch.Dispatch.CANONICAL.equals(dev.nano.oracle.torch.Dispatch.current()) && huge
                && problem.contains("expected NaN");
    }

    /**
     * Dividends at exact multiples of the divisor (and zeros of both signs), where the remainder jumps
     * and PyTorch's gradient is still grad and −grad·(rounded quotient).
     */
    private static Sample multiples(String op) {
        return Sample.of("at multiples", kinds(Kind.NONDIFF), Attrs.none(),
                Samples.values(3, -3, 4.5, 0.0, -0.0, 7.5, -6, 1e-300),
                Samples.values(1.5, 1.5, -1.5, 2, -2, 2.5, -1.5, 1e-300));
    }

    /** frac has no integer kernel: PyTorch rejects bool and int64 input (floor and its kin copy integers). */
    private static List<Sample> dtypeErrors() {
        return List.of(
                Sample.error("bool input", "not implemented for 'Bool'", Attrs.none(),
                        Input.bool(new int[] {3}, 1, 0, 1)),
                Sample.error("int64 input", "not implemented for 'Long'", Attrs.none(),
                        Input.int64(new int[] {2, 2}, 1, -2, 0, 3)));
    }

    /**
     * round and round(decimals): {@code aten::round} and {@code aten::round.decimals}. The decimals cases
     * draw values a quarter step or more away from the jumps (x·10^d at a half), so that finite
     * differences see the flat function.
     */
    private static OpInfo round(Domain domain, Domain wide) {
        AtenKernel plain = AtenKernel.of("aten::round", "x: Tensor", "torch.round(x)");
        AtenKernel decimals = AtenKernel.of("aten::round.decimals", "x: Tensor, d: int", "torch.round(x, decimals=d)");
        List<Sample> s = new ArrayList<>(UnarySamples.group("round", "", Attrs::none, domain, wide, ROUNDING_EDGES,
                true, HALVES));
        for (int d : new int[] {2, -1, 0, 3}) {
            String prefix = "decimals=" + d + " ";
            double step = Math.pow(10, -d);
            for (int[] shape : Samples.SHAPES) {
                String id = prefix + Input.shapeText(shape);
                Random r = Samples.rng("round", id);
                double[] v = new double[dev.nano.Shape.numel(shape)];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (r.nextInt(41) - 20 + 0.8 * (r.nextDouble() - 0.5)) * step;
                }
                s.add(Sample.of(id, kinds(), Attrs.of("decimals", d), Input.of(shape, v)));
            }
            // Halves of the step (ties to even after scaling, or not quite, as 2.675 is 2.67499999…), overflow
            // of x·10^d, and the other edges.
            s.add(Sample.of(prefix + "edges", kinds(Kind.EDGE, Kind.NONDIFF), Attrs.of("decimals", d),
                    Samples.values(concat(EDGE_VALUES, 0.125, 0.375, 2.675, 1.005, -0.015, 25, 35, 1e305, 1e-5,
                            5 * step, 15 * step, -25 * step, MIN_SUB))));
        }
        s.add(Sample.of("decimals=0 (0)", kinds(), Attrs.of("decimals", 0), Input.of(new int[] {0})));
        return OpInfo.builder("round", "ops")
                .fuzz(FuzzRule.elementwise())
                .oracle(dev.nano.oracle.cases.Oracle.kernel("aten::round, aten::round.decimals", Oracle.TORCHSCRIPT))
                .nano((in, a) -> a.has("decimals") ? in[0].round(a.getInt("decimals")) : in[0].round())
                .torch((in, a) -> a.has("decimals") ? decimals.call(in[0], (long) a.getInt("decimals"))
                        : plain.call(in[0]))
                .samples(s)
                .exclude(Kind.BROADCAST, "unary: one input, nothing to broadcast")
                .exclude(Kind.SCALAR, "unary: decimals is an attribute, not an operand")
                .exclude(Kind.DIMS, "elementwise: no dim argument")
                .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR)
                .build();
    }
}
