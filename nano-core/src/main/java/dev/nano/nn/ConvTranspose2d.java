package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.DefaultGenerator;
import dev.nano.Nano;
import dev.nano.Tensor;

import java.util.Random;

/**
 * {@code nn.ConvTranspose2d}: the gradient of a 2-d convolution used as a layer (upsampling), with
 * a learned weight {@code (in, out/groups, kH, kW)} — note the order, PyTorch's — and bias
 * {@code (out)}; PyTorch's defaults (stride 1, padding 0, output_padding 0, groups 1, bias,
 * dilation 1) and initialisation ({@code _ConvNd.reset_parameters}: {@code kaiming_uniform_(a=√5)},
 * bias ±1/√fan_in, with fan_in read from the weight's shape: {@code out/groups · kH · kW}). Only
 * {@code padding_mode='zeros'}, as in PyTorch.
 */
public class ConvTranspose2d extends Module {
    private final int inChannels;
    private final int outChannels;
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] outputPadding;
    private final int groups;
    private final int[] dilation;
    private final Tensor weight;
    private final Tensor bias;

    /**
     * {@code nn.ConvTranspose2d(in_channels, out_channels, kernel_size)}.
     * @param inChannels the input's channels
     * @param outChannels the output's channels
     * @param kernelSize the square kernel's side
     */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, new int[] {kernelSize}, new int[] {1}, new int[] {0}, new int[] {0}, 1, true,
                new int[] {1}, DefaultGenerator.get());
    }

    /**
     * {@code nn.ConvTranspose2d} with every argument; each size is one value or (height, width).
     * @param inChannels the input's channels
     * @param outChannels the output's channels
     * @param kernelSize one value or (kH, kW)
     * @param stride one value or (sH, sW)
     * @param padding one value or (pH, pW): trimmed from the output
     * @param outputPadding one value or (oH, oW): added to one side of the output
     * @param groups independent channel groups; must divide both channel counts
     * @param bias false leaves out the learned bias
     * @param dilation one value or (dH, dW)
     * @param generator the random source of the initial weights
     */
    public ConvTranspose2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding,
                           int[] outputPadding, int groups, boolean bias, int[] dilation, Random generator) {
        Checks.notNull("ConvTranspose2d", "generator", generator);
        // torch/nn/modules/conv.py, _ConvNd.__init__: its checks, in its order and words
        if (groups <= 0) {
            throw new IllegalArgumentException("groups must be a positive integer");
        }
        if (inChannels % groups != 0) {
            throw new IllegalArgumentException("in_channels must be divisible by groups");
        }
        if (outChannels % groups != 0) {
            throw new IllegalArgumentException("out_channels must be divisible by groups");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = two(kernelSize);
        this.stride = two(stride);
        this.padding = two(padding);
        this.outputPadding = two(outputPadding);
        this.groups = groups;
        this.dilation = two(dilation);
        Tensor w = Nano.zeros(inChannels, outChannels / groups, kernel[0], kernel[1]);
        Tensor b = bias ? Nano.zeros(outChannels) : null;
        ConvModules.resetParameters(w, b, generator);
        this.weight = registerParameter("weight", w);
        this.bias = registerParameter("bias", b);
    }

    private static int[] two(int[] v) {
        Checks.notNull("ConvTranspose2d", "size", v);
        if (v.length != 1 && v.length != 2) {
            throw new IllegalArgumentException("ConvTranspose2d: expected one value or two, got " + v.length);
        }
        return v.length == 1 ? new int[] {v[0], v[0]} : v.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        return Nano.convTranspose2d(input, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    /**
     * {@code conv.weight}: (in_channels, out_channels/groups, kH, kW).
     * @return the weight parameter
     */
    public Tensor weight() {
        return weight;
    }

    /**
     * Null when built without bias.
     * @return the bias parameter, or null
     */
    public Tensor bias() {
        return bias;
    }

    @Override
    protected String extraRepr() {
        // torch/nn/modules/conv.py, _ConvNd.extra_repr: what is not default, in its order
        StringBuilder s = new StringBuilder(inChannels + ", " + outChannels + ", kernel_size="
                + ConvModules.tuple(kernel) + ", stride=" + ConvModules.tuple(stride));
        if (!ConvModules.all(padding, 0)) {
            s.append(", padding=").append(ConvModules.tuple(padding));
        }
        if (!ConvModules.all(dilation, 1)) {
            s.append(", dilation=").append(ConvModules.tuple(dilation));
        }
        if (!ConvModules.all(outputPadding, 0)) {
            s.append(", output_padding=").append(ConvModules.tuple(outputPadding));
        }
        if (groups != 1) {
            s.append(", groups=").append(groups);
        }
        if (bias == null) {
            s.append(", bias=False");
        }
        return s.toString();
    }
}
