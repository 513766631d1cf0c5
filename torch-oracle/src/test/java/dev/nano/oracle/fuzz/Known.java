package dev.nano.oracle.fuzz;

import dev.nano.oracle.torch.Dispatch;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Disagreements the fuzzer meets that are not nano bugs, each with its reason. A matching case
 * counts as known (the survey lists it as such) instead of failing. Every entry names what would
 * remove it.
 */
final class Known {
    private Known() {
    }

    /** One known class: the operator, which disagreements belong to it, and why it is not a nano bug. */
    record Entry(String op, BiPredicate<FuzzCase, String> matches, String reason) {
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry("elu", (c, p) -> p.contains("grad of input") && hasNaN(c), "PyTorch's elu gradient at NaN is "
                    + "NaN in its vector kernel and g in its scalar kernel, which elements take which path depends on "
                    + "the shape and the CPU dispatch; nano follows the vector kernel (catalogue: elu's NaN cases)"),
            new Entry("log1p", Known::subnormalFlushedByVectorKernel, "libtorch's vectorised log1p (Sleef's "
                    + "log1p under the avx2 and avx512 dispatches) answers 0 for a subnormal x, where its default "
                    + "dispatch, like nano and the exact result, answers x. nano follows the canonical (default) "
                    + "dispatch, whose answers are the fixtures' main record (fixtures/ops/log1p.json keeps the "
                    + "others under \"kernels\"); so this class is known only when this JVM runs another dispatch "
                    + "(Dispatch.current(), chosen by ATEN_CPU_CAPABILITY or the CPU)"),
            new Entry("layerNorm", Known::fusedRoundingMagnified, "libtorch's avx2 and avx512 layer_norm kernels "
                    + "fuse x · rstd + shift into one rounding (Vectorized::fmadd), its default dispatch rounds twice, "
                    + "as nano does. With a tiny eps and a (near) zero variance, rstd ≈ 1 / sqrt(eps) magnifies that "
                    + "one rounding beyond the tolerance (eps 1e-300: 1e133 and a NaN from rstd³ where the default "
                    + "dispatch answers 0; catalogue: layerNorm \"(3,1) over (1,) eps 1.0E-300\", whose fixture "
                    + "keeps the avx2 and avx512 answers under \"kernels\"). nano follows the canonical dispatch, so "
                    + "this class is known only when this JVM runs another one"),
            new Entry("clamp", Known::clampBackwardRaises, "PyTorch 2.7.1's clamp.Tensor backward raises \"output "
                    + "with shape [x's shape] doesn't match the broadcast shape [...]\" when x is smaller than the "
                    + "broadcast shape of x, min and max (clamp_backward_min_max combines its masks with an in-place "
                    + "logical_and_); nano returns the gradients reduced to each input's shape instead. The catalogue "
                    + "records this deviation on clamp's entry (SelectionCases.CLAMP_BACKWARD_RAISES: those "
                    + "samples are forward-only); the fuzzer draws the same cases with gradients"),
            new Entry("batchNorm", (c, p) -> nanoRefusesBadNumber(p), "nano refuses eps <= 0 in training, eps < 0 "
                    + "and a NaN momentum (PyTorch 2.13's checks; libtorch 2.7 has none), BatchNormTest"),
            new Entry("layerNorm", (c, p) -> nanoRefusesBadNumber(p), "nano refuses a NaN eps (Checks.notNaN: "
                    + "NaN is refused where a number is required), README's bad-input rules"));

    /** The known entry this disagreement belongs to, or null (a finding). */
    static Entry match(FuzzCase c, String problem) {
        if (problem == null) {
            return null;
        }
        for (Entry e : ENTRIES) {
            if (e.op.equals(c.op().name()) && e.matches.test(c, problem)) {
                return e;
            }
        }
        return null;
    }

    private static boolean nanoRefusesBadNumber(String problem) {
        boolean nanoOnly = problem.startsWith("PyTorch succeeded but nano failed") || problem.startsWith("both raise");
        return nanoOnly && (problem.contains("eps must be") || problem.contains("must be a number")
                || problem.contains("momentum"));
    }

    /**
     * A log1p value where PyTorch answers ±0 and the input holds a subnormal, under a dispatch other
     * than the canonical one; gradients (1 / (1 + x) · g) do not differ, so a gradient line is a finding.
     */
    private static boolean subnormalFlushedByVectorKernel(FuzzCase c, String problem) {
        boolean subnormal = c.sample().inputs().stream().flatMapToDouble(in -> Arrays.stream(in.values()))
                .anyMatch(v -> v != 0 && Math.abs(v) < Double.MIN_NORMAL);
        boolean flushed = problem.contains(", expected 0.0 (") || problem.contains(", expected -0.0 (");
        return !Dispatch.CANONICAL.equals(Dispatch.current()) && subnormal && flushed
                && problem.startsWith("nano differs") && !problem.contains("grad of input");
    }

    /** A layer norm value or gradient that differs, eps below 1e-8 (rstd above 1e4), under another dispatch. */
    private static boolean fusedRoundingMagnified(FuzzCase c, String problem) {
        Double eps = c.sample().attrs().getOptionalDouble("eps");
        return !Dispatch.CANONICAL.equals(Dispatch.current()) && eps != null && eps < 1e-8
                && problem.startsWith("nano differs");
    }

    /** PyTorch's clamp.Tensor backward refuses a broadcast that x does not have; nano's succeeds. */
    private static boolean clampBackwardRaises(FuzzCase c, String problem) {
        var a = c.sample().attrs();
        return "tensor".equals(a.getString("form", "")) && "both".equals(a.getString("bounds", ""))
                && problem.startsWith("PyTorch raised \"output with shape [")
                && problem.contains("doesn't match the broadcast shape");
    }

    private static boolean hasNaN(FuzzCase c) {
        return c.sample().inputs().stream().anyMatch(in -> Arrays.stream(in.values()).anyMatch(Double::isNaN));
    }
}
