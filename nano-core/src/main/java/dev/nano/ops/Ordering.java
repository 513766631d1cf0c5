package dev.nano.ops;

import dev.nano.Tensor;

/**
 * The public door to the ordering ops, {@code sort argsort topk kthvalue} (in {@link SortAlongDim}).
 * Each returns the values (differentiable: each value's gradient goes back to the element it came
 * from) and their int64 positions along the dim.
 */
public final class Ordering {
    private Ordering() {
    }

    /**
     * {@code torch.sort(x, dim, descending, stable=True)}: equal values keep their input order; NaN
     * sorts as the largest.
     * @param x the input tensor
     * @param dim the dim to sort along
     * @param descending largest first
     * @return {values, indices}
     */
    public static Tensor[] sort(Tensor x, int dim, boolean descending) {
        return SortAlongDim.sort(x, dim, descending);
    }

    /**
     * {@code torch.topk(x, k, dim, largest, sorted=True)}.
     * @param x the input tensor
     * @param k how many
     * @param dim the dim
     * @param largest the largest (else the smallest)
     * @return {values, indices}, in order
     */
    public static Tensor[] topk(Tensor x, int k, int dim, boolean largest) {
        return SortAlongDim.topk(x, k, dim, largest);
    }

    /**
     * {@code torch.kthvalue(x, k, dim, keepdim)}: the k-th smallest (k from 1).
     * @param x the input tensor
     * @param k which one, from 1
     * @param dim the dim
     * @param keepdim keep the dim as size 1
     * @return {values, indices}
     */
    public static Tensor[] kthvalue(Tensor x, int k, int dim, boolean keepdim) {
        return SortAlongDim.kthvalue(x, k, dim, keepdim);
    }
}
