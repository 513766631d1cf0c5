package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.DefaultGenerator;
import dev.nano.Nano;
import dev.nano.Tensor;

import java.util.Random;

/**
 * {@code nn.Conv2d}: a 2-d convolution with a learned weight {@code (out, in/groups, kH, kW)} and
 * bias {@code (out)}, PyTorch's parameter names ({@code weight}, {@code bias}) and defaults
 * (stride 1, padding 0, dilation 1, groups 1, bias, padding_mode 'zeros'), and PyTorch's
 * initialisation (torch/nn/modules/conv.py, {@code _ConvNd.reset_parameters}):
 * {@code kaiming_uniform_(weight, a=√5)}, then the bias uniform in ±1/√fan_in with
 * {@code fan_in = in/groups · kH · kW}, drawn from {@code generator} or {@link DefaultGenerator#get()}:
 * after {@code Nano.manualSeed(s)} these are {@code torch.manual_seed(s); nn.Conv2d(..., dtype=torch.float64)}'s.
 *
 * <p>{@code padding_mode} 'reflect', 'replicate' or 'circular' pads the input with
 * {@code F.pad(input, padding, mode)} first and then convolves without padding, as PyTorch's
 * {@code _conv_forward} does.
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
    private final String paddingMode;
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
        this(inChannels, outChannels, kernelSize, stride, padding, null, dilation, groups, bias, "zeros", generator);
    }

    /**
     * {@code nn.Conv2d(..., padding_mode=...)} with every argument.
     * @param inChannels the input's channels
     * @param outChannels the output's channels
     * @param kernelSize one value or (kH, kW)
     * @param stride one value or (sH, sW)
     * @param padding one value or (pH, pW)
     * @param dilation one value or (dH, dW)
     * @param groups independent channel groups; must divide both channel counts
     * @param bias false leaves out the learned bias
     * @param paddingMode "zeros", "reflect", "replicate" or "circular"
     * @param generator the random source of the initial weights
     */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                  int groups, boolean bias, String paddingMode, Random generator) {
        this(inChannels, outChannels, kernelSize, stride, padding, null, dilation, groups, bias, paddingMode,
                generator);
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
                groups, bias, "zeros", generator);
    }

    /**
     * {@code nn.Conv2d(..., padding='same'|'valid', ..., padding_mode=...)}.
     * @param inChannels the input's channels
     * @param outChannels the output's channels
     * @param kernelSize one value or (kH, kW)
     * @param stride one value or (sH, sW); 'same' needs 1
     * @param padding "same" or "valid"
     * @param dilation one value or (dH, dW)
     * @param groups independent channel groups; must divide both channel counts
     * @param bias false leaves out the learned bias
     * @param paddingMode "zeros", "reflect", "replicate" or "circular"
     * @param generator the random source of the initial weights
     */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, String padding, int[] dilation,
                  int groups, boolean bias, String paddingMode, Random generator) {
        this(inChannels, outChannels, kernelSize, stride, null, Checks.notNull("Conv2d", "padding", padding), dilation,
                groups, bias, paddingMode, generator);
    }

    private Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding,
                   String paddingString, int[] dilation, int groups, boolean bias, String paddingMode,
                   Random generator) {
        Checks.notNull("Conv2d", "generator", generator);
        Checks.notNull("Conv2d", "padding_mode", paddingMode);
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
        if (!paddingMode.equals("zeros") && !paddingMode.equals("reflect") && !paddingMode.equals("replicate")
                && !paddingMode.equals("circular")) {
            throw new IllegalArgumentException("padding_mode must be one of {'zeros', 'reflect', 'replicate', "
                    + "'circular'}, but got padding_mode='" + paddingMode + "'");
        }
        this.paddingMode = paddingMode;
        this.padding = paddingString == null ? two(padding) : null;
        this.paddingString = paddingString;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.groups = groups;
        Tensor w = Nano.zeros(outChannels, inChannels / groups, this.kernel[0], this.kernel[1]);
        Tensor b = bias ? Nano.zeros(outChannels) : null;
        ConvModules.resetParameters(w, b, generator);
        this.weight = registerParameter("weight", w);
        this.bias = registerParameter("bias", b);
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
        if (!paddingMode.equals("zeros")) {
            return Nano.conv2d(Nano.pad(input, reversedPaddingRepeatedTwice(), paddingMode), weight, bias, stride,
                    new int[] {0}, dilation, groups);
        }
        return paddingString != null
                ? Nano.conv2d(input, weight, bias, stride, paddingString, dilation, groups)
                : Nano.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * {@code _ConvNd._reversed_padding_repeated_twice}: (left, right, top, bottom) for {@code F.pad}; for
     * 'same' the total {@code dilation·(kernel − 1)} split with the extra one on the right/bottom.
     */
    private int[] reversedPaddingRepeatedTwice() {
        int[] out = new int[4];
        for (int i = 0; i < 2; i++) {
            int dim = 1 - i; // width first
            int left;
            int right;
            if (paddingString == null) {
                left = padding[dim];
                right = padding[dim];
            } else if (paddingString.equals("valid")) {
                left = 0;
                right = 0;
            } else {
                int total = dilation[dim] * (kernel[dim] - 1);
                left = total / 2;
                right = total - left;
            }
            out[2 * i] = left;
            out[2 * i + 1] = right;
        }
        return out;
    }

    /**
     * {@code conv.padding_mode}.
     * @return "zeros", "reflect", "replicate" or "circular"
     */
    public String paddingMode() {
        return paddingMode;
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
        if (!paddingMode.equals("zeros")) {
            s.append(", padding_mode=").append(paddingMode);
        }
        return s.toString();
    }
}
