package dev.nano.oracle.cases;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.oracle.cases.Samples.Domain;
import dev.nano.oracle.torch.Dispatch;
import dev.nano.oracle.value.Kind;

import java.util.List;

import static dev.nano.oracle.cases.Samples.EDGE_VALUES;
import static dev.nano.oracle.cases.UnaryCases.MIN_SUB;
import static dev.nano.oracle.cases.UnarySamples.concat;

/**
 * {@code tan atan asin acos sinh cosh asinh acosh atanh atan2}, each through its own aten kernel
 * (TorchScript bridge). Their values come from glibc (scalar path) or SLEEF (vector lanes) in
 * libtorch and from {@code Math} / fdlibm in nano, an ulp or two apart: the default relative
 * tolerance (1e-10) holds that, and the tiny inputs (atol 0) catch a 0 where the answer is ≈ x.
 * The domain ends (±1 for asin, acos, atanh; 1 for acosh) are kinks: PyTorch's formula gives ±inf
 * there, which nano must give too.
 */
final class TrigCases {
    private TrigCases() {
    }

    /**
     * sinh and cosh just below their overflow (|x| in (709.78, 710.48]): libtorch's AVX2 and AVX-512
     * lanes (SLEEF) answer ±inf, where its default dispatch (glibc), the exact value and nano are finite
     * (sinh(710) = 1.117e308). The fixtures keep the default dispatch's answers and each other
     * dispatch's under "kernels"; this class is known only when this JVM runs another dispatch.
     */
    private static final String SLEEF_OVERFLOW = "libtorch's vectorised sinh and cosh (SLEEF, under the avx2 and "
            + "avx512 dispatches) overflow to ±inf for |x| between 709.78 and 710.48, where the exact value, "
            + "libtorch's default dispatch and nano are finite; nano follows the canonical (default) dispatch";

    private static boolean sleefOverflow(Sample c, String problem) {
        boolean nearOverflow = c.inputs().stream().flatMapToDouble(in -> java.util.Arrays.stream(in.values()))
                .anyMatch(v -> Math.abs(v) > 709.78 && Math.abs(v) <= 710.48);
        return !Dispatch.CANONICAL.equals(Dispatch.current()) && nearOverflow && problem.contains("Infinity (");
    }

    static List<OpInfo> entries() {
        return List.of(
                // Away from the poles ±π/2: tan'(x) = 1 + tan² blows up there (π/2 itself is an edge).
                ElementwiseEntries.unary("tan", Tensor::tan, Domain.signed(0.05, 1.3), Domain.signed(0.01, 1.5),
                        concat(EDGE_VALUES, Math.PI / 2, -Math.PI / 2, Math.PI, 1e6, 1e15, 1e-10, MIN_SUB), null,
                        UnaryCases.TINY)
                        .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR).build(),
                ElementwiseEntries.unary("atan", Tensor::atan, Domain.signed(0.1, 3), Domain.signed(1, 1e6),
                        concat(EDGE_VALUES, 1e154, 1e155, 1e-10, MIN_SUB), null, UnaryCases.TINY)
                        .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR).build(),
                ElementwiseEntries.unary("asin", Tensor::asin, Domain.signed(0.05, 0.95), null,
                        concat(EDGE_VALUES, 1.5, -1.5, 0.5, -0.999999, 1e-10, MIN_SUB), new double[] {1, -1},
                        UnaryCases.TINY)
                        .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR).build(),
                ElementwiseEntries.unary("acos", Tensor::acos, Domain.signed(0.05, 0.95), null,
                        concat(EDGE_VALUES, 1.5, -1.5, 0.5, -0.999999, 1e-10, MIN_SUB), new double[] {1, -1})
                        .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR).build(),
                // The wide range stays within e^±6, as exp's: sum(out · upstream) over e^20 would swamp the
                // finite-difference check; the large values are edges instead.
                ElementwiseEntries.unary("sinh", Tensor::sinh, Domain.signed(0.1, 3), Domain.signed(1, 6),
                        concat(EDGE_VALUES, 710, 710.5, -710.5, 22, 1e-10, MIN_SUB), null, UnaryCases.TINY)
                        .knownDisagreement(SLEEF_OVERFLOW, TrigCases::sleefOverflow)
                        .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR).build(),
                ElementwiseEntries.unary("cosh", Tensor::cosh, Domain.signed(0.1, 3), Domain.signed(1, 6),
                        concat(EDGE_VALUES, 710, 710.5, -710.5, 22, 1e-10, MIN_SUB), null)
                        .knownDisagreement(SLEEF_OVERFLOW, TrigCases::sleefOverflow)
                        .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR).build(),
                // fdlibm's asinh switches formula at 2^-28, 2 and 2^28: each boundary is an edge.
                ElementwiseEntries.unary("asinh", Tensor::asinh, Domain.signed(0.1, 3), Domain.signed(1, 1e6),
                        concat(EDGE_VALUES, 2, -2.000001, 0x1p28, -0x1p29, 0x1p-28, 0x1p-29, 1e154, 1e-10, MIN_SUB),
                        null, UnaryCases.TINY)
                        .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR).build(),
                // acosh is defined from 1: random inputs from 1.05; its switches are at 2 and 2^28.
                ElementwiseEntries.unary("acosh", Tensor::acosh, Domain.of(1.05, 4), Domain.of(1.05, 1e6),
                        concat(EDGE_VALUES, 0.5, 1.0000001, 2, 2.000001, 0x1p28, 1e154), new double[] {1})
                        .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR).build(),
                // atanh switches formula at 2^-28 and 0.5.
                ElementwiseEntries.unary("atanh", Tensor::atanh, Domain.signed(0.05, 0.95), null,
                        concat(EDGE_VALUES, 0.5, -0.5000001, 1.5, -0.999999, 0x1p-28, 0x1p-29, 1e-10, MIN_SUB),
                        new double[] {1, -1}, UnaryCases.TINY)
                        .exclude(Kind.ERROR, ElementwiseEntries.NO_ERROR).build(),
                ElementwiseEntries.binary("atan2", "aten::atan2", Nano::atan2, Domain.signed(0.1, 3),
                        Domain.signed(0.1, 3), null)
                        .exclude(Kind.NONDIFF, "smooth away from the origin, whose gradient (NaN, 0/0) is in the "
                                + "edge product")
                        .build());
    }
}
