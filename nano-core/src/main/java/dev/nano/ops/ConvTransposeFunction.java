package dev.nano.ops;

import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * A 2-d transposed convolution of {@code (N, Cin, H, W)} with a weight
 * {@code (Cin, Cout/groups, kH, kW)} and an optional bias {@code (Cout)}: the adjoint of
 * {@link ConvolutionFunction}'s input gradient, so the same two copies serve in the other order.
 * {@code geometry} describes the output image (its channels are one group's {@code Cout/groups},
 * its height and width the output's) and its "output positions" are the input's pixels.
 *
 * <p>As PyTorch's float64 CPU kernel (aten/src/ATen/native/NaiveConvolutionTranspose2d.cpp): per
 * sample and group {@code cols = W_gᵀ · x_g}, added into the output by {@code col2im}, then the
 * bias. Backward: {@code dx_g = W_g · im2col(dOut)}, {@code dW_g = Σ_n x_g · im2col(dOut)ᵀ},
 * {@code dBias = Σ dOut}.
 */
final class ConvTransposeFunction extends Function {
    private final Im2Col geometry;
    private final int groups;
    private boolean hasBias;

    ConvTransposeFunction(Im2Col geometry, int groups) {
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
        int inPerGroup = x.size(1) / groups;
        int k = geometry.rows();
        int l = geometry.cols();
        int outChannels = geometry.channels() * groups;
        int outPlane = geometry.height() * geometry.width();
        double[] xs = x.data();
        double[] ws = w.data();
        double[] out = new double[n * outChannels * outPlane];
        double[] bias = hasBias ? inputs[2].data() : null;
        MatrixKernel.eachBatch(n, (long) x.size(1) * k * l, s -> {
            double[] cols = new double[k * l];
            for (int g = 0; g < groups; g++) {
                MatrixKernel.product(new MatrixKernel.View(ws, g * inPerGroup * k, 1, k),
                        new MatrixKernel.View(xs, (s * x.size(1) + g * inPerGroup) * l, l, 1), cols, 0, k,
                        inPerGroup, l);
                geometry.col2imAdd(cols, out, (s * outChannels + g * geometry.channels()) * outPlane);
            }
            if (bias != null) {
                for (int o = 0; o < outChannels; o++) {
                    int at = (s * outChannels + o) * outPlane;
                    for (int j = 0; j < outPlane; j++) {
                        out[at + j] += bias[o];
                    }
                }
            }
        });
        return new Tensor(out, new int[] {n, outChannels, geometry.height(), geometry.width()});
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor x = ctx.savedTensors()[0];
        Tensor w = ctx.savedTensors()[1];
        int n = x.size(0);
        int inChannels = x.size(1);
        int inPerGroup = inChannels / groups;
        int k = geometry.rows();
        int l = geometry.cols();
        int outChannels = geometry.channels() * groups;
        int outPlane = geometry.height() * geometry.width();
        double[] xs = x.data();
        double[] ws = w.data();
        double[] g = gradOutput.data();
        Tensor[] grads = new Tensor[hasBias ? 3 : 2];
        if (ctx.needsInputGrad(0)) {
            double[] gx = new double[x.numel()];
            MatrixKernel.eachBatch(n, (long) inChannels * k * l, s -> {
                double[] cols = new double[k * l];
                for (int grp = 0; grp < groups; grp++) {
                    geometry.im2col(g, (s * outChannels + grp * geometry.channels()) * outPlane, cols);
                    MatrixKernel.product(new MatrixKernel.View(ws, grp * inPerGroup * k, k, 1),
                            new MatrixKernel.View(cols, 0, l, 1), gx, (s * inChannels + grp * inPerGroup) * l,
                            inPerGroup, k, l);
                }
            });
            grads[0] = new Tensor(gx, x.shape());
        }
        if (ctx.needsInputGrad(1)) {
            double[] gw = new double[w.numel()];
            double[] cols = new double[k * l];
            double[] part = new double[inPerGroup * k];
            for (int grp = 0; grp < groups; grp++) {
                for (int s = 0; s < n; s++) {
                    geometry.im2col(g, (s * outChannels + grp * geometry.channels()) * outPlane, cols);
                    MatrixKernel.product(new MatrixKernel.View(xs, (s * inChannels + grp * inPerGroup) * l, l, 1),
                            new MatrixKernel.View(cols, 0, 1, l), part, 0, inPerGroup, l, k);
                    int at = grp * inPerGroup * k;
                    for (int i = 0; i < part.length; i++) {
                        gw[at + i] += part[i];
                    }
                }
            }
            grads[1] = new Tensor(gw, w.shape());
        }
        if (hasBias && ctx.needsInputGrad(2)) {
            double[] gb = new double[outChannels];
            for (int s = 0; s < n; s++) {
                for (int o = 0; o < outChannels; o++) {
                    int at = (s * outChannels + o) * outPlane;
                    double sum = 0;
                    for (int j = 0; j < outPlane; j++) {
                        sum += g[at + j];
                    }
                    gb[o] += sum;
                }
            }
            grads[2] = new Tensor(gb, outChannels);
        }
        return grads;
    }
}
