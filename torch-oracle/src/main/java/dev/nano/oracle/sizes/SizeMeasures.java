package dev.nano.oracle.sizes;

import dev.nano.Shape;
import dev.nano.ops.SizeClasses.Measure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a size case measures on each of {@code SizeClasses}' quantities, computed from its shapes and
 * attributes (never declared by the case, so a case cannot claim a size it does not have). A matrix
 * case measures its three products: the forward {@code A·B}, and the backward {@code dA = dOut·Bᵀ}
 * and {@code dB = Aᵀ·dOut}, which run through the same kernel.
 */
final class SizeMeasures {
    private SizeMeasures() {
    }

    /**
     * Every value the case takes on each quantity it has.
     * @param c the case
     * @return by quantity, the values (several for a matrix case's three products)
     */
    static Map<Measure, List<Long>> of(SizeCase c) {
        Map<Measure, List<Long>> m = new EnumMap<>(Measure.class);
        switch (c.family()) {
            case "elementwise", "softmax", "losses" -> add(m, Measure.ELEMENTS, Shape.numel(c.shape(0)));
            case "broadcasting" -> {
                int[] a = c.shape(0);
                int[] b = c.shape(1);
                int[] out = Shape.broadcast(a, b);
                if (java.util.Arrays.equals(a, b)) {
                    add(m, Measure.ELEMENTS, Shape.numel(out)); // equal shapes: the parallel loop
                }
                for (int[] in : List.of(a, b)) { // a broadcast operand's gradient sums the output's extra elements
                    if (!java.util.Arrays.equals(in, out)) {
                        add(m, Measure.SUM_RUN, Shape.numel(out) / Math.max(1, Shape.numel(in)));
                    }
                }
            }
            case "reductions" -> {
                int[] shape = c.shape(0);
                int[] dims = c.attrs().has("dims") ? (int[]) c.attrs().asMap().get("dims") : new int[0];
                long run = 1;
                if (dims.length == 0) {
                    run = Shape.numel(shape);
                } else {
                    for (int d : dims) {
                        run *= shape[d < 0 ? d + shape.length : d];
                    }
                }
                add(m, Measure.SUM_RUN, run);
                if (Shape.numel(shape) / run > 1) { // several runs: SumKernels.rowSums may spread them over threads
                    add(m, Measure.ELEMENTS, Shape.numel(shape));
                }
            }
            case "matmul", "linear" -> {
                int[] a = c.shape(0);
                int[] b = c.shape(1);
                long rows = a[0];
                long inner = a[1];
                long cols = c.family().equals("linear") ? b[0] : b[1]; // linear's weight is (out, in)
                product(m, rows, inner, cols); // forward
                product(m, rows, cols, inner); // dA = dOut · Bᵀ
                product(m, inner, rows, cols); // dB = Aᵀ · dOut
            }
            default -> throw new IllegalStateException(c + ": unknown family " + c.family());
        }
        return m;
    }

    private static void product(Map<Measure, List<Long>> m, long rows, long inner, long cols) {
        add(m, Measure.MATRIX_ROWS, rows);
        add(m, Measure.MATRIX_INNER, inner);
        add(m, Measure.MATRIX_COLS, cols);
        add(m, Measure.MATRIX_WORK, rows * inner * cols);
    }

    private static void add(Map<Measure, List<Long>> m, Measure measure, long value) {
        m.computeIfAbsent(measure, k -> new ArrayList<>()).add(value);
    }
}
