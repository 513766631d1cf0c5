package dev.nano.ops;

import dev.nano.Tensor;

/**
 * The public door to the ops that pick by an index or a mask and those that write into a copy
 * through an index: {@code indexSelect maskedSelect nonzero} ({@link IndexSelection}) and
 * {@code scatter scatterAdd indexAdd indexCopy indexFill} ({@link ScatterInto}).
 */
public final class Scattering {
    private Scattering() {
    }

    /**
     * {@code torch.index_select(x, dim, index)}.
     * @param x the input tensor
     * @param dim the dim
     * @param index a 0-d or 1-D int64 tensor of positions along {@code dim}
     * @return a new tensor with {@code index.numel()} positions along {@code dim}
     */
    public static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        return IndexSelection.indexSelect(x, dim, index);
    }

    /**
     * {@code torch.masked_select(x, mask)}.
     * @param x the input tensor
     * @param mask a bool tensor broadcasting with {@code x}
     * @return a 1-D tensor of the elements where the mask is true
     */
    public static Tensor maskedSelect(Tensor x, Tensor mask) {
        return IndexSelection.maskedSelect(x, mask);
    }

    /**
     * {@code torch.nonzero(x)}.
     * @param x the input tensor
     * @return an int64 tensor of shape (number of nonzero elements, x.dim())
     */
    public static Tensor nonzero(Tensor x) {
        return IndexSelection.nonzero(x);
    }

    /**
     * {@code torch.scatter(x, dim, index, src)} or, with {@code add}, {@code torch.scatter_add}.
     * @param x the input tensor
     * @param dim the dim
     * @param index an int64 tensor with as many dims as {@code x}
     * @param src the values written (or added)
     * @param add add instead of overwrite
     * @return a new tensor
     */
    public static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src, boolean add) {
        return ScatterInto.scatter(x, dim, index, src, add);
    }

    /**
     * {@code torch.scatter(x, dim, index, value)}.
     * @param x the input tensor
     * @param dim the dim
     * @param index an int64 tensor with as many dims as {@code x}
     * @param value the value written
     * @return a new tensor
     */
    public static Tensor scatter(Tensor x, int dim, Tensor index, double value) {
        return ScatterInto.scatterValue(x, dim, index, asElement(x, value));
    }

    /**
     * {@code torch.index_add(x, dim, index, source, alpha)}.
     * @param x the input tensor
     * @param dim the dim
     * @param index a 0-d or 1-D int64 tensor
     * @param source the values added, {@code index.numel()} positions along {@code dim}
     * @param alpha the factor of {@code source}
     * @return a new tensor
     */
    public static Tensor indexAdd(Tensor x, int dim, Tensor index, Tensor source, double alpha) {
        return ScatterInto.indexAdd(x, dim, index, source, alpha);
    }

    /**
     * {@code torch.index_copy(x, dim, index, source)}.
     * @param x the input tensor
     * @param dim the dim
     * @param index a 0-d or 1-D int64 tensor
     * @param source the values copied, {@code index.numel()} positions along {@code dim}
     * @return a new tensor
     */
    public static Tensor indexCopy(Tensor x, int dim, Tensor index, Tensor source) {
        return ScatterInto.indexCopy(x, dim, index, source);
    }

    /**
     * {@code torch.index_fill(x, dim, index, value)}.
     * @param x the input tensor
     * @param dim the dim
     * @param index a 0-d or 1-D int64 tensor
     * @param value the value written
     * @return a new tensor
     */
    public static Tensor indexFill(Tensor x, int dim, Tensor index, double value) {
        return ScatterInto.indexFill(x, dim, index, asElement(x, value));
    }

    /** The fill value in the tensor's type, as aten's fill_ casts it: int64 truncates, bool is value != 0. */
    private static double asElement(Tensor x, double value) {
        switch (x.dtype()) {
            case INT64:
                return (long) value;
            case BOOL:
                return value != 0 ? 1 : 0;
            default:
                return value;
        }
    }
}
