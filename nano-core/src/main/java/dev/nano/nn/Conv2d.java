package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.DefaultGenerator;
import dev.nano.Nano;
import dev.nano.Tensor;

import java.util.Random;

/**
 * {@code nn.Conv2d}: a 2-d convolution with a learned weight {@code (out, in/groups, kH, kW)} and
 * bias {@code (out)}, PyTorch's parameter names ({@code weight}, {@code bias}) and defaults
 * (stride 1, padding 0, dilation 1, groups 1, bias), and PyTorch's initialisation: weight and bias
 * uniform in ±1/√fan_in with {@code fan_in = in/groups · kH · kW} ({@code kaiming_uniform_(a=√5)}
 * in torch/nn/modules/conv.py's {@code reset_parameters}, which is that bound), drawn from
 * {@code generator} or {@link DefaultGenerator#get()}. Only {@code padding_mode='zeros'}.
 */
public class Conv2d extends Module {
    private final int inChannels;
    private final int outChannels;
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final String paddingString;
    private final int[] dilation;
    private final int groups;
    private final Tensor weight;
    private final Tensor bias;

    /**
     * {@code nn.Conv2d(in_channels, out_channels, kernel_size)}.
     * @param inChannels the input's channels
     * @param outChannels the output's channels
     * @param kernelSize the square kernel's side
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, new int[] {kernelSize}, new int[] {1}, new int[] {0}, new int[] {1}, 1, true,
                DefaultGenerator.get());
    }

    /**
     * {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding)}.
     * @param inChannels the input's channels
     * @param outChannels the output's channels
     * @param kernelSize the square kernel's side
     * @param stride the step in both dims
     * @param padding zeros on every side
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {1},
                1, true, DefaultGenerator.get());
    }

    /**
     * {@code nn.Conv2d} with every argument; each size is one value or (height, width).
     * @param inChannels the input's channels
     * @param outChannels the output's channels
     * @param kernelSize one value or (kH, kW)
     * @param stride one value or (sH, sW)
     * @param padding one value or (pH, pW)
     * @param dilation one value or (dH, dW)
     * @param groups independent channel groups; must divide both channel counts
     * @param bias false leaves out the learned bias
     * @param generator the random source of the initial weights
     */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                  int groups, boolean bias, Random generator) {
        this(inChannels, outChannels, kernelSize, stride, padding, null, dilation, groups, bias, generator);
    }

    /**
     * {@code nn.Conv2d(..., padding='same'|'valid', ...)}.
     * @param inChannels the input's channels
     * @param outChannels the output's channels
     * @param kernelSize one value or (kH, kW)
     * @param stride one value or (sH, sW); 'same' needs 1
     * @param padding "same" or "valid"
     * @param dilation one value or (dH, dW)
     * @param groups independent channel groups; must divide both channel counts
     * @param bias false leaves out the learned bias
     * @param generator the random source of the initial weights
     */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, String padding, int[] dilation,
                  int groups, boolean bias, Random generator) {
        this(inChannels, outChannels, kernelSize, stride, null, Checks.notNull("Conv2d", "padding", padding), dilation,
                groups, bias, generator);
    }

    private Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding,
                   String paddingString, int[] dilation, int groups, boolean bias, Random generator) {
        Checks.notNull("Conv2d", "generator", generator);
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
        this.kernel = two(kernelSize);
        this.stride = two(stride);
        this.dilation = two(dilation);
        if (paddingString != null) {
            if (!paddingString.equals("same") && !paddingString.equals("valid")) {
                throw new IllegalArgumentException("Invalid padding string '" + paddingString
                        + "', should be one of {'valid', 'same'}");
            }
            if (paddingString.equals("same") && !ConvModules.all(this.stride, 1)) {
                throw new IllegalArgumentException("padding='same' is not supported for strided convolutions");
            }
        }
        this.padding = paddingString == null ? two(padding) : null;
        this.paddingString = paddingString;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.groups = groups;
        int fanIn = inChannels / groups * this.kernel[0] * this.kernel[1];
        double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
        this.weight = registerParameter("weight", Init.uniform(Nano.zeros(outChannels, inChannels / groups,
                this.kernel[0], this.kernel[1]), -bound, bound, generator));
        this.bias = registerParameter("bias", bias ? Init.uniform(Nano.zeros(outChannels), -bound, bound, generator)
                : null);
    }

    private static int[] two(int[] v) {
        Checks.notNull("Conv2d", "size", v);
        if (v.length != 1 && v.length != 2) {
            throw new IllegalArgumentException("Conv2d: expected one value or two, got " + v.length);
        }
        return v.length == 1 ? new int[] {v[0], v[0]} : v.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        return paddingString != null
                ? Nano.conv2d(input, weight, bias, stride, paddingString, dilation, groups)
                : Nano.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * {@code conv.weight}: (out_channels, in_channels/groups, kH, kW).
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
        // torch/nn/modules/conv.py, _ConvNd.extra_repr: padding, dilation, groups and bias only when not default
        StringBuilder s = new StringBuilder(inChannels + ", " + outChannels + ", kernel_size="
                + ConvModules.tuple(kernel) + ", stride=" + ConvModules.tuple(stride));
        if (paddingString != null) {
            s.append(", padding='").append(paddingString).append("'");
        } else if (!ConvModules.all(padding, 0)) {
            s.append(", padding=").append(ConvModules.tuple(padding));
        }
        if (!ConvModules.all(dilation, 1)) {
            s.append(", dilation=").append(ConvModules.tuple(dilation));
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
