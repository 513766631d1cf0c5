package dev.nano.oracle.fuzz;

import java.util.Set;

/**
 * How the fuzzer draws each catalogue operator's cases. Everything else (how nano and PyTorch are
 * called, the attribute conventions, which inputs are integer or bool, which require grad) comes from
 * the operator's catalogue samples, used as templates: a fuzzed case keeps a template's form and
 * redraws what this plan says may vary.
 *
 * <p>An operator that is in no list below keeps its template's shapes (its shapes are tied to
 * attributes such as a target shape, a padding or a weight's size, so random shapes would only
 * produce errors) and gets fresh values and, now and then, perturbed attributes.
 */
final class FuzzPlan {
    private FuzzPlan() {
    }

    /** How the shapes of a case are drawn. */
    enum ShapeRule {
        /** The template's shapes. */
        TEMPLATE,
        /** A random shape (rank 0–5, sizes 0–7) and, for every further tensor, a shape broadcast against it. */
        BROADCAST,
        /** One random shape for the single input; dim attributes are redrawn for its rank. */
        DIMS,
        /** One random shape shared by every input (cat, stack); dim attributes are redrawn for its rank. */
        SAME
    }

    /** Elementwise operators: any shape, and tensors of several shapes that broadcast (or, rarely, do not). */
    private static final Set<String> ELEMENTWISE = Set.of("add", "sub", "mul", "div", "pow", "neg",
            "lt", "le", "gt", "ge", "eq", "ne",
            "exp", "log", "log1p", "expm1", "sqrt", "rsqrt", "abs", "sign", "reciprocal", "square", "sin", "cos",
            "tanh", "erf", "sigmoid", "relu", "leakyRelu", "gelu", "silu", "softplus", "elu",
            "clamp", "maximum", "minimum", "where", "clone", "zerosLike", "onesLike", "fullLike", "t");

    /** One input of any shape, whose dim attributes are redrawn for that shape's rank. */
    private static final Set<String> ALONG_DIMS = Set.of("sum", "mean", "var", "std", "prod", "logsumexp",
            "amax", "amin", "max", "min", "argmax", "argmin", "softmax", "logSoftmax",
            "squeeze", "unsqueeze", "transpose", "flatten");

    private static final Set<String> SAME_SHAPES = Set.of("cat", "stack");

    /** The attributes that name a dim of input 0 (flatten's start and end are dims too). */
    static final Set<String> DIM_KEYS = Set.of("dim", "dims", "dim0", "dim1");
    private static final Set<String> FLATTEN_DIM_KEYS = Set.of("start", "end");

    /**
     * Operators whose result depends on the order of a summation (or of a product), which nano and
     * PyTorch's vectorised kernels do not share: with 1e300 next to ordinary values, e.g.
     * {@code 1e300 + 1 - 1e300}, the answers differ by the whole ordinary part, and a product of
     * 1e300 · 1e300 · 1e-300 overflows or not depending on the order, and a product with two tiny
     * factors and an inf is NaN if the tiny ones meet first (0 · inf) and inf otherwise (found by the
     * fuzzer in prod: PyTorch's vector lanes multiply other pairs than nano's left-to-right loop). For
     * these the fuzzer draws neither huge nor tiny magnitudes, only ordinary values in [-3, 3], ties,
     * ±0, NaN and ±inf, whose sums and products depend on the order by a few ulps only. The worst-case
     * bound, n·eps·Σ|x| (about 2e-11 for 256 values of size 3), can exceed the default atol 1e-12
     * when a sum cancels to near 0; the typical difference, about sqrt(n)·eps·max|x| ≈ 5e-15, does
     * not, and no such case appeared in the runs of the final report. A sum that ever fails by less
     * than that bound is order, not a bug. Which order PyTorch's own reductions use is the
     * catalogue's decision (the committed edge samples).
     */
    private static final Set<String> ORDER_DEPENDENT = Set.of("sum", "mean", "var", "std", "prod", "logsumexp",
            "softmax", "logSoftmax", "matmul", "mm", "dot", "linear", "batchNorm", "layerNorm", "mseLoss",
            "nllLoss", "crossEntropy", "binaryCrossEntropy", "binaryCrossEntropyWithLogits");

    /**
     * Operators whose attributes are never perturbed. dropout: with {@code training} and 0 < p < 1 the
     * mask comes from each framework's own random generator, so the two cannot agree.
     */
    private static final Set<String> FIXED_ATTRIBUTES = Set.of("dropout", "dropoutWithMask");

    /**
     * Attributes never perturbed: arange's and linspace's range (a random step of 1e-300 asks both
     * frameworks for 10^300 elements).
     */
    static final Set<String> FIXED_KEYS = Set.of("start", "end", "step");

    static ShapeRule shapeRule(String op) {
        if (ELEMENTWISE.contains(op)) {
            return ShapeRule.BROADCAST;
        }
        if (ALONG_DIMS.contains(op)) {
            return ShapeRule.DIMS;
        }
        return SAME_SHAPES.contains(op) ? ShapeRule.SAME : ShapeRule.TEMPLATE;
    }

    /** Whether {@code key} names a dim of input 0 for {@code op}, so it is redrawn for the input's rank. */
    static boolean isDimKey(String op, String key) {
        return DIM_KEYS.contains(key) || op.equals("flatten") && FLATTEN_DIM_KEYS.contains(key);
    }

    static boolean orderDependent(String op) {
        return ORDER_DEPENDENT.contains(op);
    }

    static boolean attributesFixed(String op) {
        return FIXED_ATTRIBUTES.contains(op);
    }
}
