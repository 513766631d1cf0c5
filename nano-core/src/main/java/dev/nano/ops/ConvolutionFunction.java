package dev.nano.ops;

import dev.nano.Parallel;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * A 2-d convolution of a batched input {@code (N, C, H, W)} with a weight
 * {@code (O, C/groups, kH, kW)} and an optional bias {@code (O)}; a 1-d convolution arrives here
 * with {@code H = kH = 1}. The arguments are already checked ({@link Convolution}).
 *
 * <p>As PyTorch's float64 CPU kernel (aten/src/ATen/native/ConvolutionMM2d.cpp): per sample and
 * group, the input windows are laid out as columns ({@link Im2Col}) and
 * {@code out = W_g · cols (+ bias)}. Backward: {@code dcols = W_gᵀ · dOut}, added back to the
 * input by {@code col2im}; {@code dW_g = Σ_n dOut_n · cols_nᵀ}; {@code dBias = Σ dOut}. The
 * columns are rebuilt in backward instead of being kept, so a graph never holds a buffer
 * {@code kH·kW} times the input's size.
 */
final class ConvolutionFunction extends Function {
    private final Im2Col geometry;
    private final int groups;
    private boolean hasBias;

    ConvolutionFunction(Im2Col geometry, int groups) {
        this.geometry = geometry;
        this.groups = groups;
    }

    @Override
    public String name() {
        return "ConvolutionBackward0";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor x = inputs[0];
        Tensor w = inputs[1];
        ctx.saveForBackward(x, w);
        hasBias = inputs.length > 2;
        int n = x.size(0);
        int outChannels = w.size(0);
        int perGroup = outChannels / groups;
        int k = geometry.rows();
        int l = geometry.cols();
        int inPerSample = x.numel() / Math.max(n, 1);
        double[] xs = x.data();
        double[] ws = w.data();
        double[] out = new double[n * outChannels * l];
        double[] bias = inputs.length > 2 ? inputs[2].data() : null;
        MatrixKernel.eachBatch(n, (long) outChannels * k * l, s -> {
            double[] cols = new double[k * l];
            for (int g = 0; g < groups; g++) {
                geometry.im2col(xs, s * inPerSample + g * geometry.channels() * geometry.height() * geometry.width(),
                        cols);
                int outAt = (s * outChannels + g * perGroup) * l;
                MatrixKernel.product(new MatrixKernel.View(ws, g * perGroup * k, k, 1),
                        new MatrixKernel.View(cols, 0, l, 1), out, outAt, perGroup, k, l);
            }
            if (bias != null) { // added after the product, as addmm's beta·bias + product rounds once per element
                for (int o = 0; o < outChannels; o++) {
                    int at = (s * outChannels + o) * l;
                    for (int j = 0; j < l; j++) {
                        out[at + j] += bias[o];
                    }
                }
            }
        });
        return new Tensor(out, new int[] {n, outChannels, geometry.outH(), geometry.outW()});
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor x = ctx.savedTensors()[0];
        Tensor w = ctx.savedTensors()[1];
        int n = x.size(0);
        int outChannels = w.size(0);
        int perGroup = outChannels / groups;
        int k = geometry.rows();
        int l = geometry.cols();
        int inPerSample = x.numel() / Math.max(n, 1);
        int groupInput = geometry.channels() * geometry.height() * geometry.width();
        double[] xs = x.data();
        double[] ws = w.data();
        double[] g = gradOutput.data();
        Tensor[] grads = new Tensor[hasBias ? 3 : 2];
        if (ctx.needsInputGrad(0)) {
            double[] gx = new double[x.numel()];
            MatrixKernel.eachBatch(n, (long) outChannels * k * l, s -> {
                double[] cols = new double[k * l];
                for (int grp = 0; grp < groups; grp++) {
                    MatrixKernel.product(new MatrixKernel.View(ws, grp * perGroup * k, 1, k),
                            new MatrixKernel.View(g, (s * outChannels + grp * perGroup) * l, l, 1),
                            cols, 0, k, perGroup, l);
                    geometry.col2imAdd(cols, gx, s * inPerSample + grp * groupInput);
                }
            });
            grads[0] = new Tensor(gx, x.shape());
        }
        if (ctx.needsInputGrad(1)) {
            grads[1] = new Tensor(weightGradient(xs, g, n, outChannels, perGroup, k, l, inPerSample, groupInput),
                    w.shape());
        }
        if (hasBias && ctx.needsInputGrad(2)) {
            double[] gb = new double[outChannels];
            for (int s = 0; s < n; s++) {
                for (int o = 0; o < outChannels; o++) {
                    int at = (s * outChannels + o) * l;
                    double sum = 0;
                    for (int j = 0; j < l; j++) {
                        sum += g[at + j];
                    }
                    gb[o] += sum;
                }
            }
            grads[2] = new Tensor(gb, outChannels);
        }
        return grads;
    }

    /**
     * {@code dW_g = Σ_n dOut_{n,g} · cols_{n,g}ᵀ}, one product per sample added in sample order,
     * as PyTorch's slow_conv2d backward accumulates per sample. Groups are independent and run
     * in parallel.
     */
    private double[] weightGradient(double[] xs, double[] g, int n, int outChannels, int perGroup, int k, int l,
                                    int inPerSample, int groupInput) {
        double[] gw = new double[outChannels * k];
        Parallel.forEachChunk(groups, grp -> {
            double[] cols = new double[k * l];
            double[] part = new double[perGroup * k];
            for (int s = 0; s < n; s++) {
                geometry.im2col(xs, s * inPerSample + grp * groupInput, cols);
                MatrixKernel.product(new MatrixKernel.View(g, (s * outChannels + grp * perGroup) * l, l, 1),
                        new MatrixKernel.View(cols, 0, 1, l), part, 0, perGroup, l, k);
                int at = grp * perGroup * k;
                for (int i = 0; i < part.length; i++) {
                    gw[at + i] += part[i];
                }
            }
        });
        return gw;
    }
}
