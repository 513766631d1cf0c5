package dev.nano;

import java.util.Objects;

/**
 * One entry of an indexing expression, as in PyTorch's {@code x[...]} (Python's {@code __getitem__},
 * C++'s {@code Tensor::index({...})}): {@link Tensor#index(Index...)} takes one per position.
 *
 * <pre>{@code
 * x.index(Index.at(0))                                   // x[0]
 * x.index(Index.all(), Index.slice(1, null, 2))          // x[:, 1::2]
 * x.index(Index.none(), Index.ellipsis(), Index.at(-1))  // x[None, ..., -1]
 * x.index(Index.list(0, 2, 2))                           // x[[0, 2, 2]]
 * x.index(Index.tensor(i), Index.all(), Index.tensor(j)) // x[i, :, j]   (i, j int64 tensors, broadcast together)
 * x.index(Index.mask(x.gt(0)))                           // x[x > 0]     (a bool mask over leading dims)
 * }</pre>
 *
 * <p>Integers, slices, {@code None} and {@code ...} are basic indexing: they pick, narrow, add or skip
 * dims. Index tensors, integer lists and bool masks are advanced indexing, done as aten::index does
 * it: the index tensors broadcast together; where they stand next to each other the result has their
 * broadcast shape in their place, where they are apart it comes first. A bool mask stands for the
 * positions of its {@code true} elements (its {@code nonzero()}), one index tensor per dim it covers.
 * Every output element is a copy of one input element, so the gradient adds each output's gradient to
 * the element it was read from: an element picked twice gets both (aten::index_put_ with accumulate).
 */
public sealed interface Index {

    /**
     * {@code x[i]}: position {@code i} of the dim, which disappears; negative counts from the end.
     * @param index the position
     */
    record At(long index) implements Index {
        @Override
        public String toString() {
            return Long.toString(index);
        }
    }

    /**
     * {@code x[start:end:step]}: a Python slice of the dim, which stays.
     * @param slice the slice
     */
    record Range(Slice slice) implements Index {
        /**
         * Checks the slice.
         * @param slice the slice
         */
        public Range {
            Objects.requireNonNull(slice, "index: a slice must not be null");
        }

        @Override
        public String toString() {
            return slice.toString();
        }
    }

    /** {@code x[None]}: a new dim of size 1 here. */
    record NewAxis() implements Index {
        @Override
        public String toString() {
            return "None";
        }
    }

    /** {@code x[...]}: as many whole dims as the other entries leave. */
    record Ellipsis() implements Index {
        @Override
        public String toString() {
            return "...";
        }
    }

    /**
     * {@code x[t]}: an int64 tensor of positions, or a bool mask, for advanced indexing.
     * @param indices int64 positions (negative count from the end) or a bool mask
     */
    record ByTensor(Tensor indices) implements Index {
        /**
         * Checks the tensor.
         * @param indices int64 positions or a bool mask
         */
        public ByTensor {
            Objects.requireNonNull(indices, "index: an index tensor must not be null");
        }

        @Override
        public String toString() {
            return "tensor(" + indices.dtype() + " " + Shape.toString(indices.shape()) + ")";
        }
    }

    /**
     * {@code x[i]}.
     * @param index the position (negative counts from the end)
     * @return the entry
     */
    static Index at(long index) {
        return new At(index);
    }

    /**
     * {@code x[:]}: the whole dim.
     * @return the entry
     */
    static Index all() {
        return new Range(Slice.all());
    }

    /**
     * {@code x[start:end]}.
     * @param start the first position, or null for the beginning
     * @param end the exclusive end, or null for the end
     * @return the entry
     */
    static Index slice(Integer start, Integer end) {
        return new Range(Slice.of(start, end));
    }

    /**
     * {@code x[start:end:step]}.
     * @param start the first position, or null for the beginning
     * @param end the exclusive end, or null for the end
     * @param step the stride, positive as in PyTorch
     * @return the entry
     */
    static Index slice(Integer start, Integer end, int step) {
        return new Range(Slice.of(start, end, step));
    }

    /**
     * {@code x[None]}.
     * @return the entry
     */
    static Index none() {
        return new NewAxis();
    }

    /**
     * {@code x[...]}.
     * @return the entry
     */
    static Index ellipsis() {
        return new Ellipsis();
    }

    /**
     * {@code x[t]} with an int64 tensor of positions (or a bool mask, as {@link #mask}).
     * @param indices the tensor
     * @return the entry
     */
    static Index tensor(Tensor indices) {
        return new ByTensor(indices);
    }

    /**
     * {@code x[[0, 2, 2]]}: a list of positions, which Python turns into an int64 tensor.
     * @param positions the positions (negative count from the end)
     * @return the entry
     */
    static Index list(long... positions) {
        return new ByTensor(Nano.longTensor(positions.clone(), positions.length));
    }

    /**
     * {@code x[m]} with a bool mask over the dims from here on: keeps the elements where it is true.
     * @param mask a bool tensor whose shape equals the dims it covers
     * @return the entry
     * @throws IllegalArgumentException if {@code mask} is not bool
     */
    static Index mask(Tensor mask) {
        Objects.requireNonNull(mask, "index: a mask must not be null");
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("index: a mask must be a bool tensor, got " + mask.dtype()
                    + " (for positions use Index.tensor)");
        }
        return new ByTensor(mask);
    }
}
