package dev.nano.ops;

import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code adaptive_avg_pool2d} over the last two dims of {@code (N, C, H, W)}, as PyTorch's CPU
 * kernel (aten/src/ATen/native/cpu/AdaptiveAvgPoolKernel.cpp): each window's sum divided by its
 * height and then by its width ({@code sum / kh / kw}, two roundings, as there). Backward spreads
 * {@code grad / kh / kw} over the window.
 */
final class AdaptiveAvgPoolFunction extends Function {
    private final PoolWindows rows;
    private final PoolWindows cols;
    private int[] inputShape;
    /** Whether the user's input had no batch dim (for backward's empty-output message). */
    boolean unbatched;

    AdaptiveAvgPoolFunction(PoolWindows rows, PoolWindows cols) {
        this.rows = rows;
        this.cols = cols;
    }

    @Override
    public String name() {
        return "AdaptiveAvgPool2DBackward0";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        inputShape = inputs[0].shape();
        double[] out = new double[inputShape[0] * inputShape[1] * rows.count() * cols.count()];
        walk(out, inputs[0].data(), true);
        return new Tensor(out, inputShape[0], inputShape[1], rows.count(), cols.count());
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        PoolWindows.adaptiveEmptyOutputCheck("adaptive_avg_pool2d_backward", gradOutput.shape(), unbatched);
        double[] gx = new double[inputShape[0] * inputShape[1] * inputShape[2] * inputShape[3]];
        walk(gradOutput.data(), gx, false);
        return new Tensor[] {new Tensor(gx, inputShape)};
    }

    private void walk(double[] out, double[] xs, boolean forward) {
        int planes = inputShape[0] * inputShape[1];
        int width = inputShape[3];
        int plane = inputShape[2] * width;
        for (int p = 0; p < planes; p++) {
            for (int oh = 0; oh < rows.count(); oh++) {
                int h0 = rows.start(oh);
                int h1 = rows.end(oh);
                for (int ow = 0; ow < cols.count(); ow++) {
                    int w0 = cols.start(ow);
                    int w1 = cols.end(ow);
                    int o = (p * rows.count() + oh) * cols.count() + ow;
                    if (forward) {
                        double sum = 0;
                        for (int h = h0; h < h1; h++) {
                            for (int w = w0; w < w1; w++) {
                                sum += xs[p * plane + h * width + w];
                            }
                        }
                        out[o] = sum / (h1 - h0) / (w1 - w0);
                    } else {
                        double delta = out[o] / (h1 - h0) / (w1 - w0);
                        for (int h = h0; h < h1; h++) {
                            for (int w = w0; w < w1; w++) {
                                xs[p * plane + h * width + w] += delta;
                            }
                        }
                    }
                }
            }
        }
    }
}
