package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;

import java.util.Arrays;

/**
 * {@code lt le gt ge eq ne} with broadcasting. The result is a BOOL tensor that never requires
 * grad (comparisons have no gradient; a mask carries gradient only through arithmetic such as
 * {@code mask.toFloat64().mul(x)}). Java's {@code <}, {@code ==} … already follow IEEE: every
 * comparison with NaN is false, except {@code !=}, which is true; as in PyTorch.
 */
public final class Comparisons {
    private Comparisons() {
    }

    /** One comparison of two doubles. */
    @FunctionalInterface
    interface Predicate {
        boolean test(double a, double b);
    }

    /**
     * {@code torch.lt}: a &lt; b element-wise; NaN compares false.
     * @param a the left operand
     * @param b the right operand; broadcasts against {@code a}
     * @return a bool tensor of the broadcast shape
     */
    public static Tensor lt(Tensor a, Tensor b) { return compare(a, b, (x, y) -> x < y); }

    /**
     * {@code torch.le}: a ≤ b element-wise; NaN compares false.
     * @param a the left operand
     * @param b the right operand; broadcasts against {@code a}
     * @return a bool tensor of the broadcast shape
     */
    public static Tensor le(Tensor a, Tensor b) { return compare(a, b, (x, y) -> x <= y); }

    /**
     * {@code torch.gt}: a &gt; b element-wise; NaN compares false.
     * @param a the left operand
     * @param b the right operand; broadcasts against {@code a}
     * @return a bool tensor of the broadcast shape
     */
    public static Tensor gt(Tensor a, Tensor b) { return compare(a, b, (x, y) -> x > y); }

    /**
     * {@code torch.ge}: a ≥ b element-wise; NaN compares false.
     * @param a the left operand
     * @param b the right operand; broadcasts against {@code a}
     * @return a bool tensor of the broadcast shape
     */
    public static Tensor ge(Tensor a, Tensor b) { return compare(a, b, (x, y) -> x >= y); }

    /**
     * {@code torch.eq}: a == b element-wise; NaN equals nothing.
     * @param a the left operand
     * @param b the right operand; broadcasts against {@code a}
     * @return a bool tensor of the broadcast shape
     */
    public static Tensor eq(Tensor a, Tensor b) { return compare(a, b, (x, y) -> x == y); }

    /**
     * {@code torch.ne}: a ≠ b element-wise; NaN differs from everything.
     * @param a the left operand
     * @param b the right operand; broadcasts against {@code a}
     * @return a bool tensor of the broadcast shape
     */
    public static Tensor ne(Tensor a, Tensor b) { return compare(a, b, (x, y) -> x != y); }

    static Tensor compare(Tensor a, Tensor b, Predicate predicate) {
        int[] shape = Shape.broadcast(a.shape(), b.shape());
        double[] as = a.data();
        double[] bs = b.data();
        double[] out = new double[Shape.numel(shape)];
        if (Arrays.equals(a.shape(), b.shape())) {
            for (int i = 0; i < out.length; i++) {
                out[i] = predicate.test(as[i], bs[i]) ? 1 : 0;
            }
        } else {
            int[] ia = Shape.broadcastMap(a.shape(), shape);
            int[] ib = Shape.broadcastMap(b.shape(), shape);
            for (int i = 0; i < out.length; i++) {
                out[i] = predicate.test(as[ia[i]], bs[ib[i]]) ? 1 : 0;
            }
        }
        return new Tensor(out, shape, DType.BOOL);
    }
}
