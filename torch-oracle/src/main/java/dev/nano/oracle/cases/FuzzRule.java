package dev.nano.oracle.cases;

import java.util.Objects;
import java.util.Set;

/**
 * How the differential fuzzer draws an operator's cases. The operator's own samples are the
 * templates (they fix how nano and PyTorch are called, which inputs are indices or masks and which
 * require grad); this rule says what the fuzzer may redraw. Every catalogue entry has one, so an
 * operator cannot silently fall back to its templates' shapes.
 *
 * @param shapes          how the shapes of a case are drawn
 * @param reason          why the template's shapes are kept ({@link Shapes#TEMPLATE}), else null
 * @param dependsOnOrder  the result depends on the order of a sum or product (see {@link #orderDependent()})
 * @param fixedAttributes why no attribute is perturbed, or null
 * @param fixedKeys       attributes never perturbed
 * @param dimKeys         attributes that name a dim of input 0, redrawn for its rank
 */
public record FuzzRule(Shapes shapes, String reason, boolean dependsOnOrder, String fixedAttributes,
                       Set<String> fixedKeys, Set<String> dimKeys) {

    /** The attributes that name a dim of input 0 in most operators. */
    public static final Set<String> DIM_KEYS = Set.of("dim", "dims", "dim0", "dim1");

    /** How the shapes of a fuzzed case are drawn. */
    public enum Shapes {
        /** The template's shapes. */
        TEMPLATE,
        /** A random shape (rank 0–5, sizes 0–7) and, for every further tensor, a shape broadcast against it. */
        BROADCAST,
        /** One random shape for the single input; dim attributes are redrawn for its rank. */
        DIMS,
        /** One random shape shared by every input (cat, stack); dim attributes are redrawn for its rank. */
        SAME,
        /** Not drawn at all, for a written reason (a gap the fuzzer's statistics and the closing notes name). */
        NOT_FUZZED
    }

    /**
     * Checks the reasons: a kept template shape and fixed attributes each say why.
     *
     * @param shapes          how the shapes of a case are drawn
     * @param reason          why the template's shapes are kept, else null
     * @param dependsOnOrder  the result depends on the order of a sum or product
     * @param fixedAttributes why no attribute is perturbed, or null
     * @param fixedKeys       attributes never perturbed
     * @param dimKeys         attributes that name a dim of input 0
     */
    public FuzzRule {
        Objects.requireNonNull(shapes, "shapes");
        if ((shapes == Shapes.TEMPLATE || shapes == Shapes.NOT_FUZZED) && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a fuzz rule that keeps the template's shapes says why");
        }
        if (fixedAttributes != null && fixedAttributes.isBlank()) {
            throw new IllegalArgumentException("fixed attributes need a reason");
        }
        fixedKeys = Set.copyOf(fixedKeys);
        dimKeys = Set.copyOf(dimKeys);
    }

    /**
     * Elementwise operators: any shape, and tensors of several shapes that broadcast (or, rarely, do not).
     * @return the rule
     */
    public static FuzzRule elementwise() {
        return new FuzzRule(Shapes.BROADCAST, null, false, null, Set.of(), DIM_KEYS);
    }

    /**
     * One input of any shape, whose dim attributes are redrawn for that shape's rank.
     * @param dimKeys the attributes that name a dim (e.g. flatten's "start" and "end")
     * @return the rule
     */
    public static FuzzRule alongDims(Set<String> dimKeys) {
        return new FuzzRule(Shapes.DIMS, null, false, null, Set.of(), dimKeys);
    }

    /**
     * One input of any shape, whose {@link #DIM_KEYS} attributes are redrawn for that shape's rank.
     * @return the rule
     */
    public static FuzzRule alongDims() {
        return alongDims(DIM_KEYS);
    }

    /**
     * One random shape shared by every input (cat, stack).
     * @return the rule
     */
    public static FuzzRule sameShapes() {
        return new FuzzRule(Shapes.SAME, null, false, null, Set.of(), DIM_KEYS);
    }

    /**
     * Left out of the fuzzer, with the reason: a visible gap, not a silent one.
     * @param reason why the operator is not drawn
     * @return the rule
     */
    public static FuzzRule notFuzzed(String reason) {
        return new FuzzRule(Shapes.NOT_FUZZED, reason, false, null, Set.of(), DIM_KEYS);
    }

    /**
     * The template's shapes, with fresh values and, now and then, perturbed attributes.
     * @param reason why random shapes would not do, e.g. shapes tied to a target shape or a weight's size
     * @return the rule
     */
    public static FuzzRule templateShapes(String reason) {
        return new FuzzRule(Shapes.TEMPLATE, reason, false, null, Set.of(), DIM_KEYS);
    }

    /**
     * The result depends on the order of a summation (or of a product), which nano and PyTorch's
     * vectorised kernels do not share: with 1e300 next to ordinary values, e.g.
     * {@code 1e300 + 1 - 1e300}, the answers differ by the whole ordinary part, a product of
     * 1e300 · 1e300 · 1e-300 overflows or not depending on the order, and a product with two tiny
     * factors and an inf is NaN if the tiny ones meet first (0 · inf) and inf otherwise (found by the
     * fuzzer in prod: PyTorch's vector lanes multiply other pairs than nano's left-to-right loop). For
     * these the fuzzer draws neither huge nor tiny magnitudes, only ordinary values in [-3, 3], ties,
     * ±0, NaN and ±inf, whose sums and products depend on the order by a few ulps only. The worst-case
     * bound, n·eps·Σ|x| (about 2e-11 for 256 values of size 3), can exceed the default atol 1e-12
     * when a sum cancels to near 0; the typical difference, about sqrt(n)·eps·max|x| ≈ 5e-15, does
     * not. Which order PyTorch's own reductions use is the catalogue's decision (its edge samples).
     *
     * @return this rule, order-dependent
     */
    public FuzzRule orderDependent() {
        return new FuzzRule(shapes, reason, true, fixedAttributes, fixedKeys, dimKeys);
    }

    /**
     * No attribute is ever perturbed.
     * @param why e.g. dropout's mask comes from each framework's own generator
     * @return this rule, with fixed attributes
     */
    public FuzzRule attributesFixed(String why) {
        return new FuzzRule(shapes, reason, dependsOnOrder, why, fixedKeys, dimKeys);
    }

    /**
     * These attributes are never perturbed.
     * @param keys the attribute names
     * @return this rule, with those keys fixed
     */
    public FuzzRule keysFixed(Set<String> keys) {
        return new FuzzRule(shapes, reason, dependsOnOrder, fixedAttributes, keys, dimKeys);
    }
}
