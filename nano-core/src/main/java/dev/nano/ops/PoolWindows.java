package dev.nano.ops;

/**
 * Where the pooling windows of one spatial dim lie: window {@code o} covers input positions
 * {@code [start(o), end(o))} in steps of {@code step}. Sliding windows (max and average pooling)
 * and adaptive windows share it, so every pooling kernel is one loop over (plane, out row, out
 * column) and the window cells.
 */
interface PoolWindows {
    /** @return the number of windows (the output size) */
    int count();

    /** @param o a window @return its first input position inside the input */
    int start(int o);

    /** @param o a window @return one past its last input position inside the input */
    int end(int o);

    /** @return the distance between cells of a window (the dilation) */
    default int step() {
        return 1;
    }

    /**
     * PyTorch's sliding window for max pooling (aten/src/ATen/native/cpu/MaxPoolKernel.cpp):
     * {@code start = o·stride − pad}, end clipped to the input, then start moved forward by
     * whole dilations until it is inside.
     */
    record Dilated(int count, int size, int kernel, int stride, int pad, int dilation) implements PoolWindows {
        @Override
        public int start(int o) {
            int s = o * stride - pad;
            while (s < 0) {
                s += dilation;
            }
            return s;
        }

        @Override
        public int end(int o) {
            return Math.min(o * stride - pad + (kernel - 1) * dilation + 1, size);
        }

        @Override
        public int step() {
            return dilation;
        }
    }

    /**
     * PyTorch's adaptive window (aten/src/ATen/native/AdaptivePooling.h): {@code start_index =
     * floor(o·in/out)}, {@code end_index = ceil((o+1)·in/out)}.
     */
    record Adaptive(int count, int size) implements PoolWindows {
        @Override
        public int start(int o) {
            return (int) ((long) o * size / count);
        }

        @Override
        public int end(int o) {
            return (int) (((long) (o + 1) * size + count - 1) / count);
        }
    }

    /**
     * {@code pooling_output_shape} of aten/src/ATen/native/Pool.h: the floor (or, with
     * {@code ceilMode}, ceiling) of the window count, less the last window when it would start
     * in the right padding.
     * @param size the input size
     * @param kernel the kernel size
     * @param pad the padding on each side
     * @param stride the stride
     * @param dilation the dilation
     * @param ceilMode whether a partial last window counts
     * @return the output size
     */
    static int outputSize(int size, int kernel, int pad, int stride, int dilation, boolean ceilMode) {
        if (stride == 0) {
            throw new IllegalArgumentException("stride should not be zero");
        }
        if (pad < 0) {
            throw new IllegalArgumentException("pad must be non-negative, but got pad: " + pad);
        }
        if (pad > ((kernel - 1) * dilation + 1) / 2) {
            throw new IllegalArgumentException("pad should be at most half of effective kernel size, but got pad="
                    + pad + ", kernel_size=" + kernel + " and dilation=" + dilation);
        }
        long out = Math.floorDiv((long) size + 2L * pad - (long) dilation * (kernel - 1) - 1
                + (ceilMode ? stride - 1 : 0), stride) + 1;
        if (ceilMode && (out - 1) * stride >= (long) size + pad) {
            out--;
        }
        return (int) out;
    }

    /**
     * {@code adaptive_pool_empty_output_check} (aten/src/ATen/native/AdaptivePooling.h): an
     * adaptive pool's backward refuses an output gradient with an empty non-batch dim, although
     * its forward made that empty output. The gradient is seen as PyTorch sees it: without the
     * batch dim nano added to an unbatched input.
     * @param fn the backward's name for the message
     * @param grad4 the output gradient's shape in nano's batched form
     * @param unbatched whether the user's input had no batch dim
     */
    static void adaptiveEmptyOutputCheck(String fn, int[] grad4, boolean unbatched) {
        int[] shape = unbatched ? java.util.Arrays.copyOfRange(grad4, 1, grad4.length) : grad4;
        for (int i = 1; i < shape.length; i++) {
            if (shape[i] <= 0) {
                throw new IllegalArgumentException(fn + "(): Expected grad_output to have non-zero size for non-batch "
                        + "dimensions, but grad_output has sizes " + dev.nano.Shape.toString(shape) + " with dimension "
                        + i + " being empty");
            }
        }
    }
}
