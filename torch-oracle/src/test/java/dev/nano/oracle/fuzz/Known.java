package dev.nano.oracle.fuzz;

import dev.nano.oracle.cases.Input;

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

    private static final String COMPOSED = "the catalogue's torch side of this operator is a composition of other "
            + "DJL calls, not PyTorch's kernel (issue 10, part 1), and nano follows the kernel here: ";

    static final List<Entry> ENTRIES = List.of(
            new Entry("t", (c, p) -> nanoRaises(p, "t() expects a tensor with <= 2 dimensions"), COMPOSED
                    + "torch.t raises for rank > 2 (TensorShape.cpp, t()), the composed transpose does not"),
            new Entry("narrow", (c, p) -> nanoRaises(p, "narrow()") || nanoRaises(p, "start (")
                    || nanoRaises(p, "start out of range") || p.startsWith("both raise"), COMPOSED + "the "
                    + "composition is DJL's slice, which clamps an out-of-range start or length where aten::narrow "
                    + "raises (TORCH_CHECKs in narrow_symint), and checks the dim first where narrow_symint checks "
                    + "a negative length first"),
            new Entry("squeeze", (c, p) -> severalDims(c) && (p.startsWith("PyTorch succeeded but nano failed")
                    || p.startsWith("both raise")),
                    COMPOSED + "with several dims the composition wraps them itself (an out-of-range -4 of a 3-d "
                    + "tensor becomes -1) and squeezes one dim per call, so neither a dim out of range nor a dim "
                    + "listed twice is refused as aten's squeeze.dims (dim_list_to_bitset) refuses them"),
            new Entry("silu", (c, p) -> p.contains("grad of input"), COMPOSED + "x · sigmoid(x) differentiated by "
                    + "autograd gives inf · 0 = NaN at huge |x| where silu_backward, g·s·(1 + x·(1 − s)), is finite"),
            new Entry("softplus", (c, p) -> c.sample().attrs().has("beta") && p.startsWith("nano differs"), COMPOSED
                    + "softplus with beta/threshold is composed (exp, log, where), which overflows and divides by a "
                    + "zero or subnormal beta where the kernel's log1p(exp(x·beta))/beta and its backward do not"),
            new Entry("var", Known::varianceOfEmptyOrNaN, COMPOSED + "the composition's var of an empty input is "
                    + "0 for a negative correction (the kernel fills NaN: std_var_out's trivial reduction); its "
                    + "gradient at a NaN with N <= correction is NaN (var_backward: g · inf); and with a NaN "
                    + "correction it differentiates max(0, N - NaN) = 0 to ±inf where var_backward's dof = N - NaN "
                    + "is not <= 0, so (2 / NaN) · g · (x - mean) = NaN; and it meets a dim list with a repeated "
                    + "and an out-of-range dim in another order than std_var_out's make_reduction, which wraps "
                    + "and looks for repeats dim by dim (so reports the repeat first, as nano)"),
            new Entry("std", Known::varianceOfEmptyOrNaN, COMPOSED + "as for var"),
            new Entry("amax", Known::extremeComposition, COMPOSED + "the composition reaches max(dim) with the "
                    + "wrapped dim, where aten::amax's zero_numel_check_dims names the dim as given (\"dim -1\"), "
                    + "as nano does; and it spreads the value over tied elements as sum(x / count), which "
                    + "overflows to inf for ties at ±Double.MAX_VALUE"),
            new Entry("amin", Known::extremeComposition, COMPOSED + "as for amax"),
            new Entry("clamp", Known::oneNaNScalarBound, COMPOSED + "one scalar bound is reached as clip(x, bound, "
                    + "±inf), which fills NaN for a NaN bound; torch.clamp(x, min=NaN) alone runs clamp_min_scalar's "
                    + "std::max(x, NaN) = x (TensorCompare.cpp clamp_out), as nano does. (x.clamp_min(NaN), a "
                    + "different op, fills NaN: the catalogue's clampMin form, through aten's own kernel.)"),
            new Entry("elu", (c, p) -> p.contains("grad of input") && hasNaN(c), "PyTorch's elu gradient at NaN is "
                    + "NaN in its vector kernel and g in its scalar kernel, which elements take which path depends on "
                    + "the shape and the CPU dispatch; nano follows the vector kernel (catalogue: elu's NaN cases)"),
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

    private static boolean nanoRaises(String problem, String phrase) {
        return problem.startsWith("PyTorch succeeded but nano failed") && problem.contains(phrase);
    }

    private static boolean nanoRefusesBadNumber(String problem) {
        boolean nanoOnly = problem.startsWith("PyTorch succeeded but nano failed") || problem.startsWith("both raise");
        return nanoOnly && (problem.contains("eps must be") || problem.contains("must be a number")
                || problem.contains("momentum"));
    }

    private static boolean extremeComposition(FuzzCase c, String problem) {
        boolean maxValue = c.sample().inputs().stream().flatMapToDouble(in -> Arrays.stream(in.values()))
                .anyMatch(v -> Math.abs(v) == Double.MAX_VALUE);
        return problem.startsWith("both raise") && problem.contains("Expected reduction dim")
                || problem.startsWith("nano differs") && maxValue;
    }

    private static boolean severalDims(FuzzCase c) {
        return c.sample().attrs().has("dims") && c.sample().attrs().getInts("dims").length > 1;
    }

    private static boolean oneNaNScalarBound(FuzzCase c, String problem) {
        var a = c.sample().attrs();
        boolean oneBound = a.has("min") != a.has("max");
        Double bound = a.has("min") ? a.getOptionalDouble("min") : a.getOptionalDouble("max");
        return "scalar".equals(a.getString("form", "")) && oneBound && bound != null && bound.isNaN()
                && problem.startsWith("nano differs");
    }

    private static boolean varianceOfEmptyOrNaN(FuzzCase c, String problem) {
        Input x = c.sample().inputs().get(0);
        Double correction = c.sample().attrs().getOptionalDouble("correction");
        boolean nanCorrection = correction != null && correction.isNaN() && problem.contains("grad of input")
                && !problem.contains("output 0");
        return problem.startsWith("nano differs") && (x.values().length == 0 || hasNaN(c) || nanCorrection)
                || problem.startsWith("both raise") && severalDims(c);
    }

    private static boolean hasNaN(FuzzCase c) {
        return c.sample().inputs().stream().anyMatch(in -> Arrays.stream(in.values()).anyMatch(Double::isNaN));
    }
}
