package dev.nano.ops;

import dev.nano.Checks;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.ValuesIndices;

/**
 * {@code F.max_pool1d/2d}, {@code F.avg_pool1d/2d}, {@code F.adaptive_avg_pool1d/2d} and
 * {@code F.adaptive_max_pool2d}: the argument checks in PyTorch's order and words
 * (aten/src/ATen/native/DilatedMaxPool2d.cpp, AveragePool2d.cpp, AdaptiveAveragePooling.cpp,
 * AdaptiveMaxPooling2d.cpp, Pool.h, and Pooling.cpp for the 1-d forms, which PyTorch itself runs
 * as 2-d pooling of height 1), then one pooling {@code Function}. An unbatched {@code (C, H, W)}
 * input is pooled as a batch of one.
 */
public final class Pooling {
    private Pooling() {
    }

    /**
     * {@code F.max_pool2d(x, kernel_size, stride, padding, dilation, ceil_mode, return_indices=True)}.
     * @param x (N, C, H, W) or (C, H, W)
     * @param kernel one value or (kH, kW)
     * @param stride empty for the kernel size, one value or (sH, sW)
     * @param padding one value or (pH, pW): implicit -inf on both sides
     * @param dilation one value or (dH, dW)
     * @param ceilMode whether a partial last window makes an output
     * @return the maxima and their flat int64 positions {@code h·W + w} in each input plane
     */
    public static ValuesIndices maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation,
                                          boolean ceilMode) {
        Checks.notNull("max_pool2d", "input", x);
        int[] k = pair("max_pool2d: kernel_size must either be a single int, or a tuple of two ints", kernel);
        int[] s = stride == null || stride.length == 0 ? k
                : pair("max_pool2d: stride must either be omitted, a single int, or a tuple of two ints", stride);
        int[] p = pair("max_pool2d: padding must either be a single int, or a tuple of two ints", padding);
        int[] d = pair("max_pool2d: dilation must be either a single int, or a tuple of two ints", dilation);
        if (x.dim() != 3 && x.dim() != 4) {
            throw new IllegalArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input");
        }
        int[] in = x.shape();
        int h = in[in.length - 2];
        int w = in[in.length - 1];
        int outH = PoolWindows.outputSize(h, k[0], p[0], s[0], d[0], ceilMode);
        int outW = PoolWindows.outputSize(w, k[1], p[1], s[1], d[1], ceilMode);
        shapeCheck(x, k, s, p, d, outH, outW);
        MaxPoolFunction pool = new MaxPoolFunction(new PoolWindows.Dilated(outH, h, k[0], s[0], p[0], d[0]),
                new PoolWindows.Dilated(outW, w, k[1], s[1], p[1], d[1]), "MaxPool2DWithIndicesBackward0");
        return run(x, pool);
    }

    /**
     * {@code F.max_pool1d(x, kernel_size, stride, padding, dilation, ceil_mode, return_indices=True)}.
     * @param x (N, C, L) or (C, L)
     * @param kernel the window length
     * @param stride the step, or 0 for the kernel size (PyTorch's {@code stride=None})
     * @param padding implicit -inf on both sides
     * @param dilation the spacing of window cells
     * @param ceilMode whether a partial last window makes an output
     * @return the maxima and their int64 positions along the last dim
     */
    public static ValuesIndices maxPool1d(Tensor x, int kernel, int stride, int padding, int dilation,
                                          boolean ceilMode) {
        Checks.notNull("max_pool1d", "input", x);
        checkDimRange("max_pool1d", x);
        ValuesIndices r = maxPool2d(x.unsqueeze(-2), new int[] {1, kernel}, new int[] {1, stride == 0 ? kernel : stride},
                new int[] {0, padding}, new int[] {1, dilation}, ceilMode);
        return new ValuesIndices(r.values().squeeze(-2), r.indices().squeeze(-2));
    }

    /**
     * {@code F.avg_pool2d(x, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)}.
     * @param x (N, C, H, W) or (C, H, W)
     * @param kernel one value or (kH, kW)
     * @param stride empty for the kernel size, one value or (sH, sW)
     * @param padding one value or (pH, pW): zeros on both sides
     * @param ceilMode whether a partial last window makes an output
     * @param countIncludePad whether padding cells count in the divisor
     * @param divisorOverride the divisor for every window, or null
     * @return the averages
     */
    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode,
                                   boolean countIncludePad, Integer divisorOverride) {
        Checks.notNull("avg_pool2d", "input", x);
        int[] k = pair("avg_pool2d: kernel_size must either be a single int, or a tuple of two ints", kernel);
        int[] s = stride == null || stride.length == 0 ? k
                : pair("avg_pool2d: stride must either be omitted, a single int, or a tuple of two ints", stride);
        int[] p = pair("avg_pool2d: padding must either be a single int, or a tuple of two ints", padding);
        if (divisorOverride != null && divisorOverride == 0) {
            throw new IllegalArgumentException("divisor must be not zero");
        }
        if (x.dim() != 3 && x.dim() != 4) {
            throw new IllegalArgumentException("non-empty 3D or 4D (batch mode) tensor expected for input");
        }
        int[] in = x.shape();
        int outH = PoolWindows.outputSize(in[in.length - 2], k[0], p[0], s[0], 1, ceilMode);
        int outW = PoolWindows.outputSize(in[in.length - 1], k[1], p[1], s[1], 1, ceilMode);
        shapeCheck(x, k, s, p, new int[] {1, 1}, outH, outW);
        return run(x, new AvgPoolFunction(k, s, p, new int[] {outH, outW}, countIncludePad, divisorOverride))
                .values();
    }

    /**
     * {@code F.avg_pool1d(x, kernel_size, stride, padding, ceil_mode, count_include_pad)}.
     * @param x (N, C, L) or (C, L)
     * @param kernel the window length
     * @param stride the step, or 0 for the kernel size
     * @param padding zeros on both sides
     * @param ceilMode whether a partial last window makes an output
     * @param countIncludePad whether padding cells count in the divisor
     * @return the averages
     */
    public static Tensor avgPool1d(Tensor x, int kernel, int stride, int padding, boolean ceilMode,
                                   boolean countIncludePad) {
        Checks.notNull("avg_pool1d", "input", x);
        checkDimRange("avg_pool1d", x);
        return avgPool2d(x.unsqueeze(-2), new int[] {1, kernel}, new int[] {1, stride == 0 ? kernel : stride},
                new int[] {0, padding}, ceilMode, countIncludePad, null).squeeze(-2);
    }

    /**
     * {@code F.adaptive_avg_pool2d(x, output_size)}.
     * @param x (N, C, H, W) or (C, H, W)
     * @param outputSize one value or (outH, outW)
     * @return the averages over PyTorch's adaptive windows
     */
    public static Tensor adaptiveAvgPool2d(Tensor x, int[] outputSize) {
        Checks.notNull("adaptive_avg_pool2d", "input", x);
        int[] o = adaptiveChecks("adaptive_avg_pool2d", x, outputSize);
        int[] in = x.shape();
        return run(x, new AdaptiveAvgPoolFunction(new PoolWindows.Adaptive(o[0], in[in.length - 2]),
                new PoolWindows.Adaptive(o[1], in[in.length - 1]))).values();
    }

    /**
     * {@code F.adaptive_avg_pool1d(x, output_size)}.
     * @param x (N, C, L) or (C, L)
     * @param outputSize the output length
     * @return the averages over PyTorch's adaptive windows
     */
    public static Tensor adaptiveAvgPool1d(Tensor x, int outputSize) {
        Checks.notNull("adaptive_avg_pool1d", "input", x);
        checkDimRange("adaptive_avg_pool1d", x);
        return adaptiveAvgPool2d(x.unsqueeze(-2), new int[] {1, outputSize}).squeeze(-2);
    }

    /**
     * {@code F.adaptive_max_pool2d(x, output_size, return_indices=True)}.
     * @param x (N, C, H, W) or (C, H, W)
     * @param outputSize one value or (outH, outW)
     * @return the maxima over PyTorch's adaptive windows and their flat int64 positions
     */
    public static ValuesIndices adaptiveMaxPool2d(Tensor x, int[] outputSize) {
        Checks.notNull("adaptive_max_pool2d", "input", x);
        int[] o = adaptiveChecks("adaptive_max_pool2d", x, outputSize);
        int[] in = x.shape();
        return run(x, new MaxPoolFunction(new PoolWindows.Adaptive(o[0], in[in.length - 2]),
                new PoolWindows.Adaptive(o[1], in[in.length - 1]), "AdaptiveMaxPool2DBackward0"));
    }

    private static int[] adaptiveChecks(String fn, Tensor x, int[] outputSize) {
        Checks.notNull(fn, "output_size", outputSize);
        int[] o = outputSize.length == 1 ? new int[] {outputSize[0], outputSize[0]} : outputSize;
        if (o.length != 2) {
            throw new IllegalArgumentException(fn + ": output_size must be 2");
        }
        if (x.dim() != 3 && x.dim() != 4) {
            // adaptive_max_pool2d's message has a colon after "got", adaptive_avg_pool2d's does not
            // (AdaptiveMaxPooling2d.cpp, AdaptiveAveragePooling.cpp)
            String got = fn.equals("adaptive_max_pool2d") ? "but got: " : "but got ";
            throw new IllegalArgumentException(fn + "(): Expected 3D or 4D tensor, " + got + Shape.toString(x.shape()));
        }
        for (int i = 1; i < x.dim(); i++) {
            if (x.size(i) <= 0) {
                throw new IllegalArgumentException(fn + "(): Expected input to have non-zero size for non-batch "
                        + "dimensions, but input has sizes " + Shape.toString(x.shape()) + " with dimension " + i
                        + " being empty");
            }
        }
        if (o[0] < 0 || o[1] < 0) {
            throw new IllegalArgumentException(fn + ": elements of output_size must be greater than or equal to 0 "
                    + "but received {" + o[0] + ", " + o[1] + "}");
        }
        return o.clone();
    }

    /** Runs a pooling function on a 4-d view of {@code x} and gives the result {@code x}'s rank back. */
    private static ValuesIndices run(Tensor x, dev.nano.autograd.Function pool) {
        boolean unbatched = x.dim() == 3;
        if (pool instanceof MaxPoolFunction max) {
            max.unbatched = unbatched;
        } else if (pool instanceof AdaptiveAvgPoolFunction avg) {
            avg.unbatched = unbatched;
        }
        Tensor x4 = unbatched ? x.unsqueeze(0) : x;
        Tensor values = pool.apply(x4);
        Tensor indices = pool instanceof MaxPoolFunction max ? max.indices() : null;
        if (unbatched) {
            values = values.squeeze(0);
            indices = indices == null ? null : indices.squeeze(0);
        }
        return new ValuesIndices(values, indices);
    }

    /** {@code pool2d_shape_check} of aten/src/ATen/native/Pool.h. */
    private static void shapeCheck(Tensor x, int[] k, int[] s, int[] p, int[] d, int outH, int outW) {
        if (k[0] <= 0 || k[1] <= 0) {
            throw new IllegalArgumentException("kernel size should be greater than zero, but got kH: " + k[0]
                    + " kW: " + k[1]);
        }
        if (s[0] <= 0 || s[1] <= 0) {
            throw new IllegalArgumentException("stride should be greater than zero, but got dH: " + s[0]
                    + " dW: " + s[1]);
        }
        if (d[0] <= 0 || d[1] <= 0) {
            throw new IllegalArgumentException("dilation should be greater than zero, but got dilationH: " + d[0]
                    + " dilationW: " + d[1]);
        }
        int[] in = x.shape();
        int n = in.length;
        boolean validDims = x.size(1) != 0 && x.size(2) != 0;
        if (!(n == 3 && x.size(0) != 0 && validDims) && !(n == 4 && validDims && x.size(3) != 0)) {
            throw new IllegalArgumentException("Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size"
                    + " for input, but got:" + Shape.toString(in));
        }
        // libtorch 2.7.1's check compares with half the kernel itself, not the dilated one
        if (!(k[1] / 2 >= p[1] && k[0] / 2 >= p[0])) {
            throw new IllegalArgumentException("pad should be smaller than or equal to half of kernel size, but got "
                    + "padW = " + p[1] + ", padH = " + p[0] + ", kW = " + k[1] + ", kH = " + k[0]);
        }
        if (outW < 1 || outH < 1) {
            int planes = in[n - 3];
            throw new IllegalArgumentException("Given input size: (" + planes + "x" + in[n - 2] + "x" + in[n - 1]
                    + "). Calculated output size: (" + planes + "x" + outH + "x" + outW + "). Output size is too small");
        }
    }

    /** One int or two: one stands for both dims. */
    private static int[] pair(String message, int[] values) {
        if (values == null || (values.length != 1 && values.length != 2)) {
            throw new IllegalArgumentException(message);
        }
        return values.length == 1 ? new int[] {values[0], values[0]} : values.clone();
    }

    /** {@code checkDimRange(fn, self, 2, 4)} of the 1-d forms in aten/src/ATen/native/Pooling.cpp. */
    private static void checkDimRange(String fn, Tensor x) {
        if (x.dim() < 2 || x.dim() >= 4) {
            throw new IllegalArgumentException("Expected 2 to 3 dimensions, but got " + x.dim()
                    + "-dimensional tensor for argument #1 'self' (while checking arguments for " + fn + ")");
        }
    }

}
