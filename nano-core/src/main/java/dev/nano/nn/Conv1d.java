package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.DefaultGenerator;
import dev.nano.Nano;
import dev.nano.Tensor;

import java.util.Random;

/**
 * {@code nn.Conv1d}: a 1-d convolution with a learned weight {@code (out, in/groups, k)} and bias
 * {@code (out)}, PyTorch's names, defaults and initialisation ({@code _ConvNd.reset_parameters}:
 * {@code kaiming_uniform_(a=√5)} for the weight, ±1/√fan_in for the bias, {@code fan_in = in/groups · k},
 * as {@link Conv2d}). Only {@code padding_mode='zeros'}.
 */
public class Conv1d extends Module {
    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int dilation;
    private final int groups;
    private final Tensor weight;
    private final Tensor bias;

    /**
     * {@code nn.Conv1d(in_channels, out_channels, kernel_size)}.
     * @param inChannels the input's channels
     * @param outChannels the output's channels
     * @param kernelSize the kernel's length
     */
    public Conv1d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0, 1, 1, true, DefaultGenerator.get());
    }

    /**
     * {@code nn.Conv1d} with every argument.
     * @param inChannels the input's channels
     * @param outChannels the output's channels
     * @param kernelSize the kernel's length
     * @param stride the step between windows
     * @param padding zeros on both sides
     * @param dilation the spacing of kernel taps
     * @param groups independent channel groups; must divide both channel counts
     * @param bias false leaves out the learned bias
     * @param generator the random source of the initial weights
     */
    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation, int groups,
                  boolean bias, Random generator) {
        Checks.notNull("Conv1d", "generator", generator);
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
        this.kernel = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.groups = groups;
        Tensor w = Nano.zeros(outChannels, inChannels / groups, kernelSize);
        Tensor b = bias ? Nano.zeros(outChannels) : null;
        ConvModules.resetParameters(w, b, generator);
        this.weight = registerParameter("weight", w);
        this.bias = registerParameter("bias", b);
    }

    @Override
    public Tensor forward(Tensor input) {
        return Nano.conv1d(input, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * {@code conv.weight}: (out_channels, in_channels/groups, k).
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
        StringBuilder s = new StringBuilder(inChannels + ", " + outChannels + ", kernel_size=(" + kernel
                + ",), stride=(" + stride + ",)");
        if (padding != 0) {
            s.append(", padding=(").append(padding).append(",)");
        }
        if (dilation != 1) {
            s.append(", dilation=(").append(dilation).append(",)");
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
