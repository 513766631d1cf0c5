package dev.nano.ops;

import dev.nano.Shape;
import dev.nano.Slice;
import dev.nano.Tensor;

/**
 * {@code narrow select index}: basic indexing. Each is a strided slice of the input: per dim a
 * start, a length and a step. The output walks the input from the flat offset of the starts with
 * strides multiplied by the steps; its gradient is scattered into zeros at the positions read.
 */
final class IndexSlicing {
    private IndexSlicing() {
    }

    /** {@code x.narrow(dim, start, length)}: {@code length} positions from {@code start} (which may be negative). */
    static Tensor narrow(Tensor x, int dim, int start, int length) {
        if (x.dim() == 0) {
            throw new IllegalArgumentException("narrow() cannot be applied to a 0-dim tensor.");
        }
        if (length < 0) {
            throw new IllegalArgumentException("narrow(): length must be non-negative.");
        }
        int d = Shape.wrapDim(dim, x.dim());
        int size = x.shape()[d];
        if (start < -size || start > size) {
            throw new IndexOutOfBoundsException("start out of range (expected to be in range of [" + (-size) + ", "
                    + size + "], but got " + start + ")");
        }
        int begin = start < 0 ? start + size : start;
        if (begin > size - length) {
            throw new IllegalArgumentException("start (" + begin + ") + length (" + length
                    + ") exceeds dimension size (" + size + ").");
        }
        Range[] ranges = fullRanges(x.shape());
        ranges[d] = new Range(begin, length, 1);
        return new SliceRanges(x.shape(), ranges).apply(x);
    }

    /**
     * {@code x.select(dim, index)}: one position along {@code dim}, which disappears. The range
     * checks speak as {@code torch.select} does (its TORCH_CHECK_INDEX messages), the kernel the
     * oracle calls; Python's {@code x[..., 5]} words them differently, through libtorch's indexing.
     */
    static Tensor select(Tensor x, int dim, int index) {
        if (x.dim() == 0) {
            throw new IndexOutOfBoundsException("select() cannot be applied to a 0-dim tensor.");
        }
        int d = Shape.wrapDim(dim, x.dim());
        int[] shape = x.shape();
        int size = shape[d];
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException("select(): index " + index + " out of range for tensor of size "
                    + java.util.Arrays.toString(shape) + " at dimension " + d);
        }
        return new Select(shape, d, index < 0 ? index + size : index).apply(x);
    }

    /** {@code x[s0, s1, ...]}: Python slicing of the leading dims; the remaining dims are kept whole. */
    static Tensor index(Tensor x, Slice[] slices) {
        int[] shape = x.shape();
        if (slices.length > shape.length) {
            if (shape.length == 0 && slices.length == 1) {
                throw new IndexOutOfBoundsException("slice() cannot be applied to a 0-dim tensor.");
            }
            throw new IndexOutOfBoundsException("too many indices for tensor of dimension " + shape.length);
        }
        Range[] ranges = fullRanges(shape);
        for (int d = 0; d < slices.length; d++) {
            ranges[d] = pythonSlice(slices[d], shape[d]);
        }
        return new SliceRanges(shape, ranges).apply(x);
    }

    /**
     * Python's (and PyTorch's) reading of {@code start:end:step} on a dim of {@code size}:
     * negative positions count from the end, positions are clamped into {@code [0, size]}, and an
     * end before the start gives an empty range.
     */
    static Range pythonSlice(Slice slice, int size) {
        if (slice.step() <= 0) {
            throw new IllegalArgumentException("step must be greater than zero");
        }
        long start = slice.start() == null ? 0 : slice.start();
        long end = slice.end() == null ? Long.MAX_VALUE : slice.end();
        if (start < 0) {
            start += size;
        }
        if (end < 0) {
            end += size;
        }
        start = Math.min(Math.max(start, 0), size);
        end = Math.min(Math.max(end, start), size);
        int step = slice.step();
        int length = (int) ((end - start + step - 1) / step);
        return new Range((int) start, length, step);
    }

    private static Range[] fullRanges(int[] shape) {
        Range[] ranges = new Range[shape.length];
        for (int d = 0; d < shape.length; d++) {
            ranges[d] = new Range(0, shape[d], 1);
        }
        return ranges;
    }

    /** Positions {@code start, start + step, ...}: {@code length} of them. */
    record Range(int start, int length, int step) {
    }

    /** One strided range per dim (narrow and {@code x[a:b:c]}); PyTorch's node is SliceBackward0. */
    static final class SliceRanges extends MoveByIndexMap {
        SliceRanges(int[] inputShape, Range[] ranges) {
            super(inputShape, lengths(ranges), sources(inputShape, ranges));
        }

        @Override
        public String name() {
            return "SliceBackward0";
        }

        private static int[] lengths(Range[] ranges) {
            int[] out = new int[ranges.length];
            for (int d = 0; d < ranges.length; d++) {
                out[d] = ranges[d].length();
            }
            return out;
        }

        private static int[] sources(int[] inputShape, Range[] ranges) {
            int[] inStrides = Shape.strides(inputShape);
            int[] strides = new int[ranges.length];
            int offset = 0;
            for (int d = 0; d < ranges.length; d++) {
                offset += ranges[d].start() * inStrides[d];
                strides[d] = ranges[d].step() * inStrides[d];
            }
            return Shape.stridedIndices(lengths(ranges), strides, offset);
        }
    }

    /** Position {@code index} of dim {@code dim}, with that dim removed from the output. */
    static final class Select extends MoveByIndexMap {
        Select(int[] inputShape, int dim, int index) {
            super(inputShape, dropped(inputShape, dim), sources(inputShape, dim, index));
        }

        private static int[] dropped(int[] values, int dim) {
            int[] out = new int[values.length - 1];
            System.arraycopy(values, 0, out, 0, dim);
            System.arraycopy(values, dim + 1, out, dim, values.length - dim - 1);
            return out;
        }

        private static int[] sources(int[] inputShape, int dim, int index) {
            int[] inStrides = Shape.strides(inputShape);
            return Shape.stridedIndices(dropped(inputShape, dim), dropped(inStrides, dim), index * inStrides[dim]);
        }
    }
}
