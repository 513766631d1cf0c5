package dev.nano.ops;

import dev.nano.Checks;
import dev.nano.Shape;
import dev.nano.Tensor;

import java.util.Arrays;

/**
 * {@code F.conv1d} and {@code F.conv2d}: the argument checks, in PyTorch's order and words
 * (aten/src/ATen/native/Convolution.cpp: {@code batchify}, {@code _convolution_same},
 * {@code check_shape_forward}), then one {@link ConvolutionFunction}. A 1-d convolution runs as
 * a 2-d one of height 1; an unbatched input gets a batch dim of 1 and loses it again, as PyTorch's
 * {@code batchify} does.
 */
public final class Convolution {
    private Convolution() {
    }

    /**
     * {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)}.
     * @param input (N, C, H, W) or unbatched (C, H, W)
     * @param weight (O, C/groups, kH, kW)
     * @param bias (O), or null
     * @param stride one value or (sH, sW)
     * @param padding one value or (pH, pW), zeros added on both sides
     * @param dilation one value or (dH, dW)
     * @param groups how many independent channel groups
     * @return (N, O, outH, outW), or (O, outH, outW) for an unbatched input
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                int[] dilation, int groups) {
        return convolve("conv2d", 2, input, weight, bias, stride, padding, null, dilation, groups);
    }

    /**
     * {@code F.conv1d(input, weight, bias, stride, padding, dilation, groups)}.
     * @param input (N, C, L) or unbatched (C, L)
     * @param weight (O, C/groups, k)
     * @param bias (O), or null
     * @param stride the step between windows
     * @param padding zeros added on both sides
     * @param dilation the spacing of kernel taps
     * @param groups how many independent channel groups
     * @return (N, O, outL), or (O, outL) for an unbatched input
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation,
                                int groups) {
        return convolve("conv1d", 1, input, weight, bias, new int[] {stride}, new int[] {padding}, null,
                new int[] {dilation}, groups);
    }

    /**
     * The string forms of {@code padding}: {@code "valid"} (no padding) and {@code "same"} (the
     * output as long as the input; stride 1 only; an even effective kernel puts the extra zero on
     * the right, as {@code _convolution_same} does).
     * @param fn conv1d or conv2d, for messages
     * @param input the input
     * @param weight the weight
     * @param bias the bias, or null
     * @param stride one value or one per spatial dim
     * @param padding "same" or "valid"
     * @param dilation one value or one per spatial dim
     * @param groups how many independent channel groups
     * @return the convolution
     */
    public static Tensor convolve(String fn, Tensor input, Tensor weight, Tensor bias, int[] stride, String padding,
                                  int[] dilation, int groups) {
        int spatial = fn.equals("conv1d") ? 1 : 2;
        if (padding.equals("valid")) {
            return convolve(fn, spatial, input, weight, bias, stride, new int[] {0}, null, dilation, groups);
        }
        if (!padding.equals("same")) {
            throw new IllegalArgumentException("Invalid padding string: '" + padding + "'");
        }
        checkBatchable(fn, spatial, input);
        int k = weight.dim();
        int inputDim = input.dim() == spatial + 1 ? input.dim() + 1 : input.dim();
        if (k < 3) {
            throw new IllegalArgumentException("weight should have at least three dimensions");
        }
        if (groups <= 0) {
            throw new IllegalArgumentException("non-positive groups is not supported");
        }
        if (k != inputDim) {
            throw new IllegalArgumentException("Expected " + k + "-dimensional input for " + k + "-dimensional weight"
                    + Shape.toString(weight.shape()) + ", but got " + inputDim + "-dimensional input of size "
                    + Shape.toString(batched(input, spatial)) + " instead");
        }
        int[] s = expand(fn, "stride", stride, spatial);
        int[] d = expand(fn, "dilation", dilation, spatial);
        for (int v : s) {
            if (v != 1) {
                throw new IllegalArgumentException("padding='same' is not supported for strided convolutions");
            }
        }
        int[] left = new int[spatial];
        int[] right = new int[spatial];
        for (int i = 0; i < spatial; i++) {
            int total = d[i] * (weight.size(i + 2) - 1);
            left[i] = total / 2;
            right[i] = total - left[i];
        }
        return convolve(fn, spatial, input, weight, bias, s, left, right, d, groups);
    }

    private static int[] batched(Tensor input, int spatial) {
        if (input.dim() != spatial + 1) {
            return input.shape();
        }
        int[] shape = new int[input.dim() + 1];
        shape[0] = 1;
        System.arraycopy(input.shape(), 0, shape, 1, input.dim());
        return shape;
    }

    private static void checkBatchable(String fn, int spatial, Tensor input) {
        if (input.dim() != spatial + 1 && input.dim() != spatial + 2) {
            throw new IllegalArgumentException("Expected " + (spatial + 1) + "D (unbatched) or " + (spatial + 2)
                    + "D (batched) input to " + fn + ", but got input of size: " + Shape.toString(input.shape()));
        }
    }

    /** PyTorch's {@code expand_param_if_needed}: one value stands for every spatial dim. */
    private static int[] expand(String fn, String name, int[] values, int spatial) {
        Checks.notNull(fn, name, values);
        if (values.length == 1) {
            int[] out = new int[spatial];
            Arrays.fill(out, values[0]);
            return out;
        }
        if (values.length != spatial) {
            throw new IllegalArgumentException(fn + ": expected " + name + " to be a single integer value or a list of "
                    + spatial + " values to match the convolution dimensions, but got " + name + "="
                    + Shape.toString(values));
        }
        return values.clone();
    }

    /**
     * The shared path. {@code padRight} is null for the symmetric padding of the numeric form;
     * "same" passes its own right side, which only changes the output size (a position past the
     * input reads 0 either way).
     */
    private static Tensor convolve(String fn, int spatial, Tensor input, Tensor weight, Tensor bias, int[] stride,
                                   int[] padding, int[] padRight, int[] dilation, int groups) {
        Checks.notNull(fn, "input", input);
        Checks.notNull(fn, "weight", weight);
        checkBatchable(fn, spatial, input);
        int[] s = expand(fn, "stride", stride, spatial);
        int[] p = expand(fn, "padding", padding, spatial);
        int[] d = expand(fn, "dilation", dilation, spatial);
        int[] pr = padRight == null ? p : padRight;
        boolean unbatched = input.dim() == spatial + 1;
        int[] in = batched(input, spatial);
        int[] ws = weight.shape();
        for (int v : p) {
            if (v < 0) {
                throw new IllegalArgumentException("negative padding is not supported");
            }
        }
        for (int v : s) {
            if (v <= 0) {
                throw new IllegalArgumentException("non-positive stride is not supported");
            }
        }
        // check_shape_forward refuses only a negative dilation (is_dilation_neg); 0 is refused by the
        // backend kernel, which an empty input never reaches
        for (int v : d) {
            if (v < 0 || (v == 0 && input.numel() > 0)) {
                throw new IllegalArgumentException("dilation should be greater than zero");
            }
        }
        if (groups <= 0) {
            throw new IllegalArgumentException("non-positive groups is not supported");
        }
        if (ws.length != in.length) {
            throw new IllegalArgumentException("Expected " + ws.length + "-dimensional input for " + ws.length
                    + "-dimensional weight " + Shape.toString(ws) + ", but got " + in.length
                    + "-dimensional input of size " + Shape.toString(in) + " instead");
        }
        if (ws[0] < groups) {
            throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be at least " + groups
                    + " at dimension 0, but got weight of size " + Shape.toString(ws) + " instead");
        }
        if (ws[0] % groups != 0) {
            throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be divisible by "
                    + groups + " at dimension 0, but got weight of size [" + Shape.toString(ws) + "] instead");
        }
        if (in[1] != (long) ws[1] * groups) {
            throw new IllegalArgumentException("Given groups=" + groups + ", weight of size " + Shape.toString(ws)
                    + ", expected input" + Shape.toString(in) + " to have " + (long) ws[1] * groups
                    + " channels, but got " + in[1] + " channels instead");
        }
        if (bias != null && (bias.dim() != 1 || bias.size(0) != ws[0])) {
            throw new IllegalArgumentException("Given weight of size " + Shape.toString(ws)
                    + ", expected bias to be 1-dimensional with " + ws[0] + " elements, but got bias of size "
                    + Shape.toString(bias.shape()) + " instead");
        }
        int[] padded = new int[spatial];
        int[] kernel = new int[spatial];
        boolean fits = true;
        for (int i = 0; i < spatial; i++) {
            padded[i] = in[i + 2] + p[i] + pr[i];
            kernel[i] = d[i] * (ws[i + 2] - 1) + 1;
            fits &= padded[i] >= kernel[i];
        }
        if (!fits) {
            throw new IllegalArgumentException("Calculated padded input size per channel: (" + join(padded)
                    + "). Kernel size: (" + join(kernel) + "). Kernel size can't be greater than actual input size");
        }
        // A 1-d convolution is a 2-d one with a height of 1 everywhere.
        int h = spatial == 1 ? 1 : in[2];
        int w = in[in.length - 1];
        int kh = spatial == 1 ? 1 : ws[2];
        int kw = ws[ws.length - 1];
        int last = spatial - 1;
        int outH = spatial == 1 ? 1 : (padded[0] - kernel[0]) / s[0] + 1;
        int outW = (padded[last] - kernel[last]) / s[last] + 1;
        Im2Col geometry = new Im2Col(ws[1], h, w, kh, kw, spatial == 1 ? 1 : s[0], s[last],
                spatial == 1 ? 0 : p[0], p[last], spatial == 1 ? 1 : d[0], d[last], outH, outW);
        Tensor x4 = input.reshape(in[0], in[1], h, w);
        Tensor w4 = weight.reshape(ws[0], ws[1], kh, kw);
        ConvolutionFunction conv = new ConvolutionFunction(geometry, groups);
        Tensor out = bias == null ? conv.apply(x4, w4) : conv.apply(x4, w4, bias);
        int[] outShape = spatial == 1 ? new int[] {in[0], ws[0], outW} : new int[] {in[0], ws[0], outH, outW};
        if (unbatched) {
            outShape = Arrays.copyOfRange(outShape, 1, outShape.length);
        }
        return out.reshape(outShape);
    }

    private static String join(int[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : " x ").append(values[i]);
        }
        return b.toString();
    }

    /**
     * {@code F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)}:
     * the gradient of {@code conv2d} with respect to its input, used as a layer. The output is
     * {@code (in − 1)·stride − 2·padding + dilation·(k − 1) + output_padding + 1} per spatial dim.
     * @param input (N, Cin, H, W) or unbatched (Cin, H, W)
     * @param weight (Cin, Cout/groups, kH, kW)
     * @param bias (Cout), or null
     * @param stride one value or (sH, sW)
     * @param padding one value or (pH, pW): trimmed from both sides of the output
     * @param outputPadding one value or (oH, oW): added to one side of the output, smaller than stride or dilation
     * @param groups independent channel groups
     * @param dilation one value or (dH, dW)
     * @return (N, Cout, outH, outW), or (Cout, outH, outW) for an unbatched input
     */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                         int[] outputPadding, int groups, int[] dilation) {
        return transposed("conv_transpose2d", 2, input, weight, bias, stride, padding, outputPadding, groups,
                dilation);
    }

    /**
     * {@code F.conv_transpose1d(input, weight, bias, stride, padding, output_padding, groups, dilation)}.
     * @param input (N, Cin, L) or unbatched (Cin, L)
     * @param weight (Cin, Cout/groups, k)
     * @param bias (Cout), or null
     * @param stride the step
     * @param padding trimmed from both ends of the output
     * @param outputPadding added to one end of the output
     * @param groups independent channel groups
     * @param dilation the spacing of kernel taps
     * @return (N, Cout, outL), or (Cout, outL) for an unbatched input
     */
    public static Tensor convTranspose1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding,
                                         int outputPadding, int groups, int dilation) {
        return transposed("conv_transpose1d", 1, input, weight, bias, new int[] {stride}, new int[] {padding},
                new int[] {outputPadding}, groups, new int[] {dilation});
    }

    private static Tensor transposed(String fn, int spatial, Tensor input, Tensor weight, Tensor bias, int[] stride,
                                     int[] padding, int[] outputPadding, int groups, int[] dilation) {
        Checks.notNull(fn, "input", input);
        Checks.notNull(fn, "weight", weight);
        checkBatchable(fn, spatial, input);
        int[] s = expand(fn, "stride", stride, spatial);
        int[] p = expand(fn, "padding", padding, spatial);
        int[] op = expand(fn, "output_padding", outputPadding, spatial);
        int[] d = expand(fn, "dilation", dilation, spatial);
        boolean unbatched = input.dim() == spatial + 1;
        int[] in = batched(input, spatial);
        int[] ws = weight.shape();
        // check_shape_forward of aten/src/ATen/native/Convolution.cpp, transposed branch
        for (int v : p) {
            if (v < 0) {
                throw new IllegalArgumentException("negative padding is not supported");
            }
        }
        for (int v : op) {
            if (v < 0) {
                throw new IllegalArgumentException("negative output_padding is not supported");
            }
        }
        for (int v : s) {
            if (v <= 0) {
                throw new IllegalArgumentException("non-positive stride is not supported");
            }
        }
        // check_shape_forward refuses only a negative dilation (is_dilation_neg); 0 is refused by the
        // backend kernel, which an empty input never reaches
        for (int v : d) {
            if (v < 0 || (v == 0 && input.numel() > 0)) {
                throw new IllegalArgumentException("dilation should be greater than zero");
            }
        }
        if (groups <= 0) {
            throw new IllegalArgumentException("non-positive groups is not supported");
        }
        if (ws.length != in.length) {
            throw new IllegalArgumentException("Expected " + ws.length + "-dimensional input for " + ws.length
                    + "-dimensional weight " + Shape.toString(ws) + ", but got " + in.length
                    + "-dimensional input of size " + Shape.toString(in) + " instead");
        }
        if (ws[0] < groups) {
            throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be at least " + groups
                    + " at dimension 0, but got weight of size " + Shape.toString(ws) + " instead");
        }
        if (ws[0] % groups != 0) {
            throw new IllegalArgumentException("Given groups=" + groups + ", expected weight to be divisible by "
                    + groups + " at dimension 0, but got weight of size [" + Shape.toString(ws) + "] instead");
        }
        if (in[1] != ws[0]) {
            throw new IllegalArgumentException("Given transposed=1, weight of size " + Shape.toString(ws)
                    + ", expected input" + Shape.toString(in) + " to have " + ws[0] + " channels, but got " + in[1]
                    + " channels instead");
        }
        if (bias != null && (bias.dim() != 1 || bias.size(0) != (long) ws[1] * groups)) {
            throw new IllegalArgumentException("Given transposed=1, weight of size " + Shape.toString(ws)
                    + ", expected bias to be 1-dimensional with " + (long) ws[1] * groups
                    + " elements, but got bias of size " + Shape.toString(bias.shape()) + " instead");
        }
        for (int i = 0; i < spatial && input.numel() > 0; i++) { // the backend's check: an empty input skips it
            if (!(op[i] < s[i] || op[i] < d[i])) {
                throw new IllegalArgumentException(outputPaddingMessage(spatial, op, s, d));
            }
        }
        int h = spatial == 1 ? 1 : in[2];
        int w = in[in.length - 1];
        int kh = spatial == 1 ? 1 : ws[2];
        int kw = ws[ws.length - 1];
        int last = spatial - 1;
        int outH = spatial == 1 ? 1 : (h - 1) * s[0] - 2 * p[0] + d[0] * (kh - 1) + op[0] + 1;
        int outW = (w - 1) * s[last] - 2 * p[last] + d[last] * (kw - 1) + op[last] + 1;
        if (outH <= 0 || outW <= 0) {
            throw new IllegalArgumentException("Given input size per channel: (" + (spatial == 1 ? w : h + " x " + w)
                    + "). Calculated output size per channel: (" + (spatial == 1 ? outW : outH + " x " + outW)
                    + "). Output size is too small");
        }
        // The output image is what a convolution with these settings would have read: its windows
        // are the input's pixels.
        Im2Col geometry = new Im2Col(ws[1], outH, outW, kh, kw, spatial == 1 ? 1 : s[0], s[last],
                spatial == 1 ? 0 : p[0], p[last], spatial == 1 ? 1 : d[0], d[last], h, w);
        Tensor x4 = input.reshape(in[0], in[1], h, w);
        Tensor w4 = weight.reshape(ws[0], ws[1], kh, kw);
        ConvTransposeFunction conv = new ConvTransposeFunction(geometry, groups);
        Tensor out = bias == null ? conv.apply(x4, w4) : conv.apply(x4, w4, bias);
        int outChannels = ws[1] * groups;
        int[] outShape = spatial == 1 ? new int[] {in[0], outChannels, outW} : new int[] {in[0], outChannels, outH,
            outW};
        if (unbatched) {
            outShape = Arrays.copyOfRange(outShape, 1, outShape.length);
        }
        return out.reshape(outShape);
    }

    /** slow_conv_transpose2d_shape_check's message (aten/src/ATen/native/NaiveConvolutionTranspose2d.cpp). */
    private static String outputPaddingMessage(int spatial, int[] op, int[] s, int[] d) {
        if (spatial == 1) { // conv_transpose1d runs as 2-d with height 1
            return "output padding must be smaller than either stride or dilation, but got output_padding_height: 0"
                    + " output_padding_width: " + op[0] + " stride_height: 1 stride_width: " + s[0]
                    + " dilation_height: 1 dilation_width: " + d[0];
        }
        return "output padding must be smaller than either stride or dilation, but got output_padding_height: "
                + op[0] + " output_padding_width: " + op[1] + " stride_height: " + s[0] + " stride_width: " + s[1]
                + " dilation_height: " + d[0] + " dilation_width: " + d[1];
    }
}
