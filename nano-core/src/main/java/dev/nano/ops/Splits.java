package dev.nano.ops;

import dev.nano.Shape;
import dev.nano.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code torch.split} and {@code torch.chunk}: consecutive pieces along one dim, each a
 * {@code narrow} of the input (so each piece's gradient lands in its own part of the input's,
 * as PyTorch's {@code split_backward} puts it). The argument checks and their words are aten's
 * (aten/src/ATen/native/TensorShape.cpp: {@code split}, {@code split_with_sizes}, {@code chunk}).
 */
public final class Splits {
    private Splits() {
    }

    /**
     * {@code torch.split(x, splitSize, dim)}: pieces of {@code splitSize}, the last one smaller if the
     * size does not divide. An empty dim gives one empty piece.
     * @param x a tensor of at least 1 dim
     * @param splitSize the length of each piece, at least 1 (0 only for an empty dim)
     * @param dim the dim to cut (negative counts from the end)
     * @return the pieces, in order
     */
    public static List<Tensor> split(Tensor x, int splitSize, int dim) {
        if (x.dim() == 0) {
            throw new IllegalArgumentException("split expects at least a 1-dimensional tensor");
        }
        if (splitSize < 0) {
            throw new IllegalArgumentException("split expects split_size be non-negative, but got split_size="
                    + splitSize);
        }
        int d = Shape.wrapDim(dim, x.dim());
        int size = x.size(d);
        if (splitSize == 0 && size != 0) {
            throw new IllegalArgumentException("split_size can only be 0 if dimension size is 0, but got dimension "
                    + "size of " + size);
        }
        // aten: num_splits = max((dim_size + split_size - 1) / split_size, 1)
        int pieces = splitSize == 0 ? 1 : Math.max((int) (((long) size + splitSize - 1) / splitSize), 1);
        List<Tensor> out = new ArrayList<>(pieces);
        for (int i = 0; i < pieces; i++) {
            int start = (int) Math.min((long) i * splitSize, size);
            out.add(Movement.narrow(x, d, start, Math.min(splitSize, size - start)));
        }
        return List.copyOf(out);
    }

    /**
     * {@code torch.split(x, sizes, dim)} ({@code split_with_sizes}): pieces of the given lengths,
     * which must add up to the dim's size.
     * @param x a tensor of at least 1 dim
     * @param sizes the pieces' lengths, each at least 0
     * @param dim the dim to cut (negative counts from the end)
     * @return the pieces, in order
     */
    public static List<Tensor> split(Tensor x, int[] sizes, int dim) {
        if (x.dim() == 0) {
            throw new IllegalArgumentException("split expects at least a 1-dimensional tensor");
        }
        int d = Shape.wrapDim(dim, x.dim());
        int size = x.size(d);
        long total = 0;
        for (int s : sizes) {
            if (s < 0) {
                throw new IllegalArgumentException("split_with_sizes expects split_sizes have only non-negative "
                        + "entries, but got split_sizes=" + list(sizes));
            }
            total += s;
        }
        if (total != size) {
            throw new IllegalArgumentException("split_with_sizes expects split_sizes to sum exactly to " + size
                    + " (input tensor's size at dimension " + d + "), but got split_sizes=" + list(sizes));
        }
        List<Tensor> out = new ArrayList<>(sizes.length);
        int start = 0;
        for (int s : sizes) {
            out.add(Movement.narrow(x, d, start, s));
            start += s;
        }
        return List.copyOf(out);
    }

    /**
     * {@code torch.chunk(x, chunks, dim)}: {@code split} into pieces of {@code ceil(size / chunks)},
     * so there may be fewer than {@code chunks} pieces (a dim of 5 in 4 chunks gives 3 pieces of 2, 2, 1).
     * An empty dim gives {@code chunks} empty pieces.
     * @param x a tensor of at least 1 dim
     * @param chunks how many pieces at most, at least 1
     * @param dim the dim to cut (negative counts from the end)
     * @return the pieces, in order
     */
    public static List<Tensor> chunk(Tensor x, int chunks, int dim) {
        if (x.dim() == 0) {
            throw new IllegalArgumentException("chunk expects at least a 1-dimensional tensor");
        }
        if (chunks <= 0) {
            throw new IllegalArgumentException("chunk expects `chunks` to be greater than 0, got: " + chunks);
        }
        int d = Shape.wrapDim(dim, x.dim());
        int size = x.size(d);
        int splitSize = (int) (((long) size + chunks - 1) / chunks);
        if (splitSize == 0 && size == 0) {
            // aten: an empty dim is split into `chunks` empty pieces of size 0
            int[] sizes = new int[chunks];
            return split(x, sizes, d);
        }
        return split(x, splitSize, d);
    }

    /** Python's list form, {@code [2, 2]}. */
    private static String list(int[] values) {
        return Arrays.toString(values);
    }
}
