package dev.nano.ops;

import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code avg_pool2d} over the last two dims of {@code (N, C, H, W)}, as PyTorch's CPU kernel
 * (aten/src/ATen/native/cpu/AvgPoolKernel.cpp): the window {@code [o·stride − pad, + kernel)} is
 * clipped to the padded input for {@code count_include_pad}'s divisor and to the input for the
 * sum; a window with no input cell gives 0; the divisor is {@code divisor_override} if given,
 * else the padded or the unpadded cell count. Backward spreads {@code grad / divisor} over the
 * window's input cells.
 */
final class AvgPoolFunction extends Function {
    private final int[] kernel;
    private final int[] stride;
    private final int[] pad;
    private final int[] outSize;
    private final boolean countIncludePad;
    private final Integer divisorOverride;
    private int[] inputShape;

    AvgPoolFunction(int[] kernel, int[] stride, int[] pad, int[] outSize, boolean countIncludePad,
                    Integer divisorOverride) {
        this.kernel = kernel;
        this.stride = stride;
        this.pad = pad;
        this.outSize = outSize;
        this.countIncludePad = countIncludePad;
        this.divisorOverride = divisorOverride;
    }

    @Override
    public String name() {
        return "AvgPool2DBackward0";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        inputShape = inputs[0].shape();
        double[] xs = inputs[0].data();
        double[] out = new double[inputShape[0] * inputShape[1] * outSize[0] * outSize[1]];
        walk(out, xs, true);
        return new Tensor(out, inputShape[0], inputShape[1], outSize[0], outSize[1]);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        double[] gx = new double[inputShape[0] * inputShape[1] * inputShape[2] * inputShape[3]];
        walk(gradOutput.data(), gx, false);
        return new Tensor[] {new Tensor(gx, inputShape)};
    }

    /** Forward ({@code out[o] = Σ x / d}) or backward ({@code gx += g[o] / d}) over every window. */
    private void walk(double[] out, double[] xs, boolean forward) {
        int planes = inputShape[0] * inputShape[1];
        int height = inputShape[2];
        int width = inputShape[3];
        for (int p = 0; p < planes; p++) {
            int in = p * height * width;
            for (int oh = 0; oh < outSize[0]; oh++) {
                for (int ow = 0; ow < outSize[1]; ow++) {
                    int h0 = oh * stride[0] - pad[0];
                    int w0 = ow * stride[1] - pad[1];
                    int h1 = Math.min(h0 + kernel[0], height + pad[0]);
                    int w1 = Math.min(w0 + kernel[1], width + pad[1]);
                    int poolSize = (h1 - h0) * (w1 - w0);
                    h0 = Math.max(h0, 0);
                    w0 = Math.max(w0, 0);
                    h1 = Math.min(h1, height);
                    w1 = Math.min(w1, width);
                    int o = (p * outSize[0] + oh) * outSize[1] + ow;
                    if (h0 >= h1 || w0 >= w1) {
                        if (forward) {
                            out[o] = 0;
                        }
                        continue;
                    }
                    int divisor = divisorOverride != null ? divisorOverride
                            : countIncludePad ? poolSize : (h1 - h0) * (w1 - w0);
                    if (forward) {
                        double sum = 0;
                        for (int h = h0; h < h1; h++) {
                            for (int w = w0; w < w1; w++) {
                                sum += xs[in + h * width + w];
                            }
                        }
                        out[o] = sum / divisor;
                    } else {
                        double delta = out[o] / divisor;
                        for (int h = h0; h < h1; h++) {
                            for (int w = w0; w < w1; w++) {
                                xs[in + h * width + w] += delta;
                            }
                        }
                    }
                }
            }
        }
    }
}
