package dev.nano.oracle.sizes;

import dev.nano.oracle.sizes.SizeCase.Draw;
import dev.nano.oracle.sizes.SizeCase.Spec;
import dev.nano.oracle.value.Attrs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The size cases: for every threshold of {@code dev.nano.ops.SizeClasses}, cases below, at and above
 * it for every family of operators whose kernels take it (the gate, {@code SizeClassGateTest}, checks
 * that from the shapes). Sizes are the smallest that reach each side, since PyTorch's answers are
 * stored: where the arithmetic allows, inputs are small integers (exact answers, stored in a narrow
 * integer type); the transcendental kernels (exp, softmax, cross entropy) need full-precision values.
 *
 * <p>Why these paths: PIT's one-operator mutants never change a size, and the catalogue's inputs are
 * at most a few hundred elements; a dropped chunk tail, a skipped parallel piece, the last columns of
 * a wide product or a race on the matrix kernel's scratch rows would show nowhere else.
 */
public final class SizeCases {
    /** The elementwise loops' parallel grain and the sums' chunk, as SizeClasses has them (both 2^15). */
    private static final int G = 1 << 15;

    private static List<SizeCase> all;

    private SizeCases() {
    }

    /**
     * Every size case, built once.
     * @return the cases, grouped by operator
     */
    public static synchronized List<SizeCase> all() {
        if (all == null) {
            List<SizeCase> c = new ArrayList<>();
            elementwise(c);
            broadcasting(c);
            reductions(c);
            softmax(c);
            losses(c);
            matrices(c);
            Set<String> ids = new LinkedHashSet<>();
            for (SizeCase s : c) {
                if (!ids.add(s.toString())) {
                    throw new IllegalStateException("size cases: " + s + " is listed twice");
                }
            }
            all = List.copyOf(c);
        }
        return all;
    }

    /**
     * The operators that have size cases, in order.
     * @return the names
     */
    public static List<String> operators() {
        return all().stream().map(SizeCase::op).distinct().toList();
    }

    private static SizeCase of(String op, String family, String id, Attrs attrs, Spec... inputs) {
        return new SizeCase(op, family, id, attrs, List.of(inputs));
    }

    private static Spec ints(int... shape) {
        return Spec.of(Draw.SMALL_INTEGERS, shape);
    }

    private static Spec uniform(int... shape) {
        return Spec.of(Draw.UNIFORM, shape);
    }

    /** ElementwiseUnary's parallel loop: one piece, exactly one, two (the second of one element), three. */
    private static void elementwise(List<SizeCase> c) {
        c.add(of("relu", "elementwise", "(32767,)", Attrs.none(), ints(G - 1)));
        c.add(of("relu", "elementwise", "(32768,)", Attrs.none(), ints(G)));
        c.add(of("square", "elementwise", "(65537,)", Attrs.none(), ints(2 * G + 1)));
        // exp has a vector kernel: its second piece starts at 32768, not 0
        c.add(of("exp", "elementwise", "(32769,)", Attrs.none(), uniform(G + 1)));
    }

    /**
     * Equal shapes take the parallel loop; a 0-d operand's gradient is the sum of the whole upstream
     * gradient, one long run (chunked above 2^15).
     */
    private static void broadcasting(List<SizeCase> c) {
        c.add(of("mul", "broadcasting", "(32767,)|(32767,)", Attrs.none(), ints(G - 1), ints(G - 1)));
        c.add(of("add", "broadcasting", "(32768,)|(32768,)", Attrs.none(), ints(G), ints(G)));
        c.add(of("mul", "broadcasting", "(32769,)|(32769,)", Attrs.none(), ints(G + 1), ints(G + 1)));
        c.add(of("add", "broadcasting", "(32767,)|()", Attrs.none(), ints(G - 1), ints()));
        c.add(of("sub", "broadcasting", "(32768,)|()", Attrs.none(), ints(G), ints()));
        c.add(of("add", "broadcasting", "(65537,)|()", Attrs.none(), ints(2 * G + 1), ints()));
    }

    /** sum: one run below, at and above a chunk (three chunks, the last of one element); rows in parallel; lanes. */
    private static void reductions(List<SizeCase> c) {
        c.add(of("sum", "reductions", "(32767,)", Attrs.none(), ints(G - 1)));
        c.add(of("sum", "reductions", "(32768,)", Attrs.none(), ints(G)));
        c.add(of("sum", "reductions", "(65537,)", Attrs.none(), ints(2 * G + 1)));
        c.add(of("sum", "reductions", "(2,40000) dim=1", dims(1), ints(2, 40000)));
        c.add(of("sum", "reductions", "(4095,8) dim=1", dims(1), ints(4095, 8)));
        c.add(of("sum", "reductions", "(4096,8) dim=1", dims(1), ints(4096, 8)));
        c.add(of("sum", "reductions", "(4097,8) dim=1", dims(1), ints(4097, 8)));
        // the plain path's 16 accumulators, and the vector path's 4·W (16 with AVX2, 32 with AVX-512)
        for (int n : new int[] {15, 16, 17, 31, 32, 33}) {
            c.add(of("sum", "reductions", "(3," + n + ") dim=1", dims(1), uniform(3, n)));
        }
    }

    /** softmax's rows per piece are 2^15 / row length: 256 rows of 128 are one piece, 257 two. */
    private static void softmax(List<SizeCase> c) {
        c.add(of("softmax", "softmax", "(4,128) dim=-1", dim(-1), uniform(4, 128)));
        c.add(of("softmax", "softmax", "(256,128) dim=-1", dim(-1), uniform(256, 128)));
        c.add(of("logSoftmax", "softmax", "(257,128) dim=1", dim(1), uniform(257, 128)));
    }

    /** cross_entropy runs log_softmax over the classes: the same pieces, then the loss's own loops. */
    private static void losses(List<SizeCase> c) {
        for (int rows : new int[] {4, 256, 257}) {
            c.add(of("crossEntropy", "losses", "(" + rows + ",128) mean", crossEntropyAttrs(),
                    uniform(rows, 128), Spec.classes(128, rows)));
        }
    }

    /**
     * matmul and linear on small integers (exact products, whatever the order): each of the matrix
     * kernel's thresholds below, at and above, in the forward product and the two backward ones.
     */
    private static void matrices(List<SizeCase> c) {
        int[][][] products = {
            {{3, 3}, {3, 7}},       // below everything: dot products, inner tail only, rows < 4
            {{16, 4}, {4, 8}},      // at: 16 rows, inner 4, 8 columns (packed; a panel with W=4)
            {{16, 128}, {128, 16}}, // at: an inner block of 128, a panel of 16 columns (W=8)
            {{5, 5}, {5, 17}},      // just above the small ones: rows 5, inner 5, 17 columns
            {{15, 127}, {127, 15}}, // just below: rows 15, inner 127, 15 columns
            {{31, 64}, {64, 66}},   // 130,944 multiply-adds, just below the parallel threshold; 66 columns
            {{32, 64}, {64, 64}},   // 131,072: exactly the parallel threshold, two chunks of 16 rows
            {{33, 131}, {131, 67}}, // above everything: a chunk of one row, inner 131 (128 + 3), 67 columns (> 64, % 4 = 3)
            {{64, 40}, {40, 70}},   // four chunks of rows for two threads: the kernel's scratch rows must not be shared
        };
        for (int[][] p : products) {
            c.add(of("matmul", "matmul", text(p[0]) + "@" + text(p[1]), Attrs.none(), ints(p[0]), ints(p[1])));
        }
        for (int[][] p : products) { // linear(x, w, b) = x @ wᵀ + b, w of shape (out, in)
            int[] w = {p[1][1], p[1][0]};
            c.add(of("linear", "linear", "x" + text(p[0]) + " w" + text(w) + " b(" + w[0] + ",)",
                    Attrs.of("bias", true), ints(p[0]), ints(w), ints(w[0])));
        }
    }

    private static String text(int[] shape) {
        return "(" + shape[0] + "," + shape[1] + ")";
    }

    private static Attrs dims(int d) {
        return Attrs.of("dims", new int[] {d}).with("keepdim", false);
    }

    private static Attrs dim(int d) {
        return Attrs.of("dim", d).with("keepdim", false);
    }

    private static Attrs crossEntropyAttrs() {
        return Attrs.of("reduction", "mean").with("ignoreIndex", -100).with("labelSmoothing", 0.0);
    }
}
