package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * Max pooling over the last two dims of {@code (N, C, H, W)}, sliding ({@code max_pool2d}) or
 * adaptive ({@code adaptive_max_pool2d}); the windows come from {@link PoolWindows}.
 *
 * <p>PyTorch's rule, kept exactly (aten/src/ATen/native/cpu/MaxPoolKernel.cpp): start from
 * {@code -inf} with the index of the window's first cell, and take a cell when
 * {@code val > max || isnan(val)}. So among equal maxima the first in row-major order wins, a NaN
 * wins over every number, and of several NaNs the last one does. The index is the flat position
 * {@code h·W + w} in the input plane, and backward sends each output gradient to it (ties get
 * nothing).
 */
final class MaxPoolFunction extends Function {
    private final PoolWindows rows;
    private final PoolWindows cols;
    private final String name;
    private int[] argmax;
    private int[] inputShape;
    private Tensor indices;
    /** Whether the user's input had no batch dim (for backward's empty-output message). */
    boolean unbatched;

    MaxPoolFunction(PoolWindows rows, PoolWindows cols, String name) {
        this.rows = rows;
        this.cols = cols;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** The int64 indices of the last forward, PyTorch's second output. */
    Tensor indices() {
        return indices;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor x = inputs[0];
        inputShape = x.shape();
        int planes = inputShape[0] * inputShape[1];
        int height = inputShape[2];
        int width = inputShape[3];
        int outH = rows.count();
        int outW = cols.count();
        double[] xs = x.data();
        double[] out = new double[planes * outH * outW];
        argmax = new int[out.length];
        for (int p = 0; p < planes; p++) {
            int in = p * height * width;
            for (int oh = 0; oh < outH; oh++) {
                int h0 = rows.start(oh);
                int h1 = rows.end(oh);
                for (int ow = 0; ow < outW; ow++) {
                    int w0 = cols.start(ow);
                    int w1 = cols.end(ow);
                    int best = h0 * width + w0;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int h = h0; h < h1; h += rows.step()) {
                        for (int w = w0; w < w1; w += cols.step()) {
                            double v = xs[in + h * width + w];
                            if (v > max || Double.isNaN(v)) {
                                max = v;
                                best = h * width + w;
                            }
                        }
                    }
                    int o = (p * outH + oh) * outW + ow;
                    out[o] = max;
                    argmax[o] = best;
                }
            }
        }
        double[] idx = new double[argmax.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = argmax[i];
        }
        int[] outShape = {inputShape[0], inputShape[1], outH, outW};
        indices = new Tensor(idx, outShape, DType.INT64);
        return new Tensor(out, outShape);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        if (rows instanceof PoolWindows.Adaptive) {
            PoolWindows.adaptiveEmptyOutputCheck("adaptive_max_pool2d_backward", gradOutput.shape(), unbatched);
        }
        double[] g = gradOutput.data();
        double[] gx = new double[inputShape[0] * inputShape[1] * inputShape[2] * inputShape[3]];
        int plane = inputShape[2] * inputShape[3];
        int outPlane = rows.count() * cols.count();
        for (int o = 0; o < g.length; o++) {
            gx[o / outPlane * plane + argmax[o]] += g[o];
        }
        return new Tensor[] {new Tensor(gx, inputShape)};
    }
}
