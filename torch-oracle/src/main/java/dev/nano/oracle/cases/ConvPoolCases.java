package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.ValuesIndices;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.nano.oracle.cases.MovementSupport.drawAll;
import static dev.nano.oracle.cases.Samples.INF;
import static dev.nano.oracle.cases.Samples.NAN;
import static dev.nano.oracle.cases.Samples.kinds;

/**
 * conv1d conv2d convTranspose1d convTranspose2d max_pool1d max_pool2d avg_pool1d avg_pool2d adaptive_avg_pool1d
 * adaptive_avg_pool2d adaptive_max_pool2d, each through PyTorch's own kernel in the TorchScript
 * bridge ({@code torch.conv2d} ends in {@code aten::convolution}, the pools in
 * {@code aten::max_pool2d_with_indices}, {@code aten::avg_pool2d}, ...; DJL's JNI has no call with
 * these arguments). The samples reach strides, paddings and dilations that do not divide the
 * input, groups = channels, 1×1 kernels and kernels as large as the input, empty batches,
 * ceil-mode edge windows, ties, NaN and ±inf in pooling windows, and PyTorch's error messages.
 */
final class ConvPoolCases {
    private ConvPoolCases() {
    }

    private static final String NO_SCALAR = "no scalar operand";
    private static final String NO_BROADCAST = "the weight's shape is tied to the input's channels: nothing broadcasts";
    private static final String ONE_INPUT = "one tensor input: nothing to broadcast";
    private static final String NO_KINKS = "bilinear in input and weight: smooth everywhere, no kinks or ties";
    private static final String NO_ZERO_DIM = "input and output have a batch or channel dim and spatial dims: "
            + "never 0-d (a 0-d input is an error case)";
    private static final String NO_DIMS = "pooling always acts on the trailing spatial dims: no dim argument";

    static List<OpInfo> entries() {
        return List.of(conv2d(), conv1d(), convTranspose(true), convTranspose(false), maxPool2d(), maxPool1d(), avgPool2d(), avgPool1d(), adaptiveAvgPool2d(),
                adaptiveAvgPool1d(), adaptiveMaxPool2d());
    }

    private static int[] s(int... v) {
        return v;
    }

    // ---------------------------------------------------------------- convolutions

    private static final String CONV_PARAMS = "x: Tensor, w: Tensor, b: Tensor, has_b: bool, stride: List[int], "
            + "padding: List[int], dilation: List[int], groups: int";
    private static final String OPTIONAL_BIAS = "    bias = annotate(Optional[Tensor], None)\n"
            + "    if has_b:\n        bias = b\n";
    private static final AtenKernel CONV2D = AtenKernel.withBody("aten::conv2d (aten::convolution)", CONV_PARAMS,
            OPTIONAL_BIAS + "    return torch.conv2d(x, w, bias, stride, padding, dilation, groups)");
    private static final AtenKernel CONV1D = AtenKernel.withBody("aten::conv1d (aten::convolution)", CONV_PARAMS,
            OPTIONAL_BIAS + "    return torch.conv1d(x, w, bias, stride, padding, dilation, groups)");
    private static final String CONV_STR_PARAMS = "x: Tensor, w: Tensor, b: Tensor, has_b: bool, stride: List[int], "
            + "padding: str, dilation: List[int], groups: int";
    private static final AtenKernel CONV2D_STR = AtenKernel.withBody("aten::conv2d.padding (aten::convolution)",
            CONV_STR_PARAMS, OPTIONAL_BIAS + "    return torch.conv2d(x, w, bias, stride, padding, dilation, groups)");
    private static final AtenKernel CONV1D_STR = AtenKernel.withBody("aten::conv1d.padding (aten::convolution)",
            CONV_STR_PARAMS, OPTIONAL_BIAS + "    return torch.conv1d(x, w, bias, stride, padding, dilation, groups)");

    /** One convolution case: the attrs say stride, padding (numbers or a string), dilation and groups. */
    private static Sample conv(String op, Set<Kind> kinds, int[] x, int[] w, boolean bias, int[] stride, Object padding,
                               int[] dilation, int groups) {
        String id = Input.shapeText(x) + "*" + Input.shapeText(w) + (bias ? "+b" : "") + " s" + MovementSupport.list(stride)
                + " p" + (padding instanceof int[] p ? MovementSupport.list(p) : padding) + " d"
                + MovementSupport.list(dilation) + " g" + groups;
        Attrs a = convAttrs(stride, padding, dilation, groups);
        Input[] in = bias ? drawAll(op, id, x, w, s(w[0])) : drawAll(op, id, x, w);
        return Sample.of(id, kinds, a, in);
    }

    private static Attrs convAttrs(int[] stride, Object padding, int[] dilation, int groups) {
        Attrs a = Attrs.of("stride", stride).with("dilation", dilation).with("groups", groups);
        return padding instanceof int[] p ? a.with("padding", p) : a.with("paddingMode", padding);
    }

    private static Sample convError(String op, String message, int[] x, int[] w, int[] bias, int[] stride,
                                    Object padding, int[] dilation, int groups) {
        String id = "error " + Input.shapeText(x) + "*" + Input.shapeText(w)
                + (bias == null ? "" : "+b" + Input.shapeText(bias)) + " s" + MovementSupport.list(stride) + " p"
                + (padding instanceof int[] p ? MovementSupport.list(p) : padding) + " d" + MovementSupport.list(dilation)
                + " g" + groups;
        Input[] in = bias == null ? drawAll(op, id, x, w) : drawAll(op, id, x, w, bias);
        return Sample.error(id, message, convAttrs(stride, padding, dilation, groups), in);
    }

    private static Tensor nanoConv(boolean two, Tensor[] in, Attrs a) {
        Tensor b = in.length > 2 ? in[2] : null;
        int[] st = a.getInts("stride");
        int[] d = a.getInts("dilation");
        int g = a.getInt("groups");
        if (a.has("paddingMode")) {
            return two ? Nano.conv2d(in[0], in[1], b, st, a.getString("paddingMode"), d, g)
                    : Nano.conv1d(in[0], in[1], b, st[0], a.getString("paddingMode"), d[0], g);
        }
        int[] p = a.getInts("padding");
        return two ? Nano.conv2d(in[0], in[1], b, st, p, d, g) : Nano.conv1d(in[0], in[1], b, st[0], p[0], d[0], g);
    }

    private static NDArray torchConv(boolean two, NDArray[] in, Attrs a) {
        boolean hasBias = in.length > 2;
        NDArray b = hasBias ? in[2] : in[1];
        if (a.has("paddingMode")) {
            return (two ? CONV2D_STR : CONV1D_STR).call(in[0], in[1], b, hasBias, a.getInts("stride"),
                    a.getString("paddingMode"), a.getInts("dilation"), a.getInt("groups"));
        }
        return (two ? CONV2D : CONV1D).call(in[0], in[1], b, hasBias, a.getInts("stride"), a.getInts("padding"),
                a.getInts("dilation"), a.getInt("groups"));
    }

    private static OpInfo conv2d() {
        String op = "conv2d";
        List<Sample> c = new ArrayList<>();
        c.add(conv(op, kinds(), s(2, 3, 5, 6), s(4, 3, 3, 3), true, s(1), s(0), s(1), 1));
        c.add(conv(op, kinds(), s(1, 2, 7, 6), s(3, 2, 3, 2), true, s(2, 3), s(0), s(1), 1));
        c.add(conv(op, kinds(), s(2, 2, 4, 5), s(3, 2, 3, 3), false, s(1), s(1, 2), s(1), 1));
        c.add(conv(op, kinds(), s(1, 2, 7, 7), s(2, 2, 3, 2), true, s(1), s(1), s(2, 3), 1));
        c.add(conv(op, kinds(), s(2, 4, 5, 5), s(6, 2, 3, 3), true, s(1), s(1), s(1), 2));
        // depthwise: groups = channels, and a channel multiplier of 2
        c.add(conv(op, kinds(), s(2, 3, 5, 4), s(3, 1, 3, 3), true, s(2), s(1), s(1), 3));
        c.add(conv(op, kinds(), s(1, 2, 4, 4), s(4, 1, 2, 2), false, s(1), s(0), s(1), 2));
        c.add(conv(op, kinds(), s(2, 3, 3, 4), s(5, 3, 1, 1), true, s(1), s(0), s(1), 1));
        c.add(conv(op, kinds(), s(2, 2, 3, 4), s(3, 2, 3, 4), true, s(1), s(0), s(1), 1));
        c.add(conv(op, kinds(), s(2, 4, 9, 8), s(4, 2, 3, 2), true, s(3, 2), s(2, 1), s(2, 3), 2));
        c.add(conv(op, kinds(), s(1, 2, 6, 9), s(9, 2, 2, 2), true, s(1), s(1), s(1), 1));
        // LeNet's shapes: 1→6 5×5 on 28×28, 6→16 5×5 on 12×12
        c.add(conv(op, kinds(), s(2, 1, 28, 28), s(6, 1, 5, 5), true, s(1), s(0), s(1), 1));
        c.add(conv(op, kinds(), s(2, 6, 12, 12), s(16, 6, 5, 5), true, s(1), s(0), s(1), 1));
        c.add(conv(op, kinds(), s(3, 5, 4), s(4, 3, 3, 3), true, s(1), s(1), s(1), 1));
        c.add(conv(op, kinds(), s(1, 2, 5, 6), s(3, 2, 4, 3), false, s(1), "same", s(1), 1));
        c.add(conv(op, kinds(), s(1, 2, 5, 6), s(3, 2, 3, 3), true, s(1), "same", s(2, 1), 1));
        c.add(conv(op, kinds(), s(1, 2, 5, 6), s(3, 2, 3, 3), true, s(2), "valid", s(1), 1));
        c.add(conv(op, kinds(Kind.EMPTY), s(0, 3, 5, 5), s(4, 3, 3, 3), true, s(1), s(0), s(1), 1));
        c.add(Sample.of("edge values (1,1,2,3)*(1,1,2,2)", kinds(Kind.EDGE), convAttrs(s(1), s(0), s(1), 1),
                Input.of(s(1, 1, 2, 3), 1, INF, 0, NAN, -0.0, 1e300), Input.of(s(1, 1, 2, 2), 2, 0, 1e300, -1)));
        c.add(convError(op, "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [2, 3]",
                s(2, 3), s(4, 3, 3, 3), null, s(1), s(0), s(1), 1));
        c.add(convError(op, "negative padding is not supported", s(2, 3, 5, 5), s(4, 3, 3, 3), null, s(1), s(-1), s(1),
                1));
        c.add(convError(op, "non-positive stride is not supported", s(2, 3, 5, 5), s(4, 3, 3, 3), null, s(0), s(0),
                s(1), 1));
        c.add(convError(op, "Given groups=1, weight of size [4, 3, 3, 3], expected input[2, 5, 5, 5] to have 3 "
                + "channels, but got 5 channels instead", s(2, 5, 5, 5), s(4, 3, 3, 3), null, s(1), s(0), s(1), 1));
        c.add(convError(op, "Given groups=3, expected weight to be divisible by 3 at dimension 0, but got weight of "
                + "size [[4, 1, 3, 3]] instead", s(2, 3, 5, 5), s(4, 1, 3, 3), null, s(1), s(0), s(1), 3));
        c.add(convError(op, "Calculated padded input size per channel: (2 x 7). Kernel size: (3 x 3). Kernel size "
                + "can't be greater than actual input size", s(1, 3, 2, 7), s(4, 3, 3, 3), null, s(1), s(0), s(1), 1));
        c.add(convError(op, "Given weight of size [4, 3, 3, 3], expected bias to be 1-dimensional with 4 elements, but "
                + "got bias of size [5] instead", s(2, 3, 5, 5), s(4, 3, 3, 3), s(5), s(1), s(0), s(1), 1));
        c.add(convError(op, "padding='same' is not supported for strided convolutions", s(2, 3, 5, 5), s(4, 3, 3, 3),
                null, s(2), "same", s(1), 1));
        c.add(convError(op, "Invalid padding string: 'full'", s(2, 3, 5, 5), s(4, 3, 3, 3), null, s(1), "full", s(1),
                1));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the weight's shape is tied to the input's channels and the groups")
                        .orderDependent())
                .nano((in, a) -> nanoConv(true, in, a))
                .torchKernel(CONV2D, (in, a) -> torchConv(true, in, a))
                .allowedNotice("Could not initialize NNPACK! Reason: Unsupported hardware.", NNPACK)
                .allowedNotice("Using padding='same' with even kernel lengths and odd dilation", SAME_ONCE)
                .samples(c)
                .exclude(Kind.BROADCAST, NO_BROADCAST)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.ZERO_DIM, NO_ZERO_DIM)
                .exclude(Kind.NONDIFF, NO_KINKS)
                .exclude(Kind.DIMS, NO_DIMS)
                .build();
    }

    /**
     * libtorch's convolution asks whether NNPACK can run (aten/src/ATen/native/Convolution.cpp,
     * use_nnpack, before it looks at the dtype) and NNPACK's initialisation warns on CPUs it does not
     * support (seen on an AMD EPYC Zen 4); elsewhere it prints nothing.
     */
    private static final String NNPACK = "NNPACK's initialisation warns on CPUs it does not support; libtorch "
            + "asks for it on every convolution, whatever the dtype";

    /**
     * padding='same' where dilation · (kernel − 1) is odd in some dim cannot be split evenly, and libtorch
     * warns that it pads a copy of the input (aten/src/ATen/native/Convolution.cpp, _convolution_mode) —
     * once per process (TORCH_WARN_ONCE), so which case prints it depends on the order the cases run in.
     */
    private static final String SAME_ONCE = "printed once per process (TORCH_WARN_ONCE) by the first 'same' "
            + "convolution whose padding cannot be split evenly, whichever case that is";

    private static OpInfo conv1d() {
        String op = "conv1d";
        List<Sample> c = new ArrayList<>();
        c.add(conv(op, kinds(), s(2, 3, 8), s(4, 3, 3), true, s(1), s(0), s(1), 1));
        c.add(conv(op, kinds(), s(2, 4, 9), s(6, 2, 3), true, s(2), s(1), s(2), 2));
        c.add(conv(op, kinds(), s(1, 3, 7), s(3, 1, 2), false, s(3), s(1), s(1), 3));
        c.add(conv(op, kinds(), s(2, 3, 5), s(2, 3, 5), true, s(1), s(0), s(1), 1));
        c.add(conv(op, kinds(), s(3, 6), s(2, 3, 1), true, s(1), s(0), s(1), 1));
        c.add(conv(op, kinds(), s(1, 2, 6), s(3, 2, 4), true, s(1), "same", s(1), 1));
        c.add(conv(op, kinds(Kind.EMPTY), s(0, 2, 6), s(3, 2, 2), true, s(1), s(0), s(1), 1));
        c.add(Sample.of("edge values (1,2,3)*(1,2,2)", kinds(Kind.EDGE), convAttrs(s(1), s(0), s(1), 1),
                Input.of(s(1, 2, 3), 1, INF, 0, NAN, -0.0, 1e300), Input.of(s(1, 2, 2), 2, 0, 1e300, -1)));
        c.add(convError(op, "Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: "
                + "[1, 2, 3, 4]", s(1, 2, 3, 4), s(4, 2, 3), null, s(1), s(0), s(1), 1));
        c.add(convError(op, "Calculated padded input size per channel: (4). Kernel size: (5). Kernel size can't be "
                + "greater than actual input size", s(1, 2, 2), s(3, 2, 3), null, s(1), s(1), s(2), 1));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the weight's shape is tied to the input's channels and the groups")
                        .orderDependent())
                .nano((in, a) -> nanoConv(false, in, a))
                .torchKernel(CONV1D, (in, a) -> torchConv(false, in, a))
                .allowedNotice("Could not initialize NNPACK! Reason: Unsupported hardware.", NNPACK)
                .allowedNotice("Using padding='same' with even kernel lengths and odd dilation", SAME_ONCE)
                .samples(c)
                .exclude(Kind.BROADCAST, NO_BROADCAST)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.ZERO_DIM, NO_ZERO_DIM)
                .exclude(Kind.NONDIFF, NO_KINKS)
                .exclude(Kind.DIMS, NO_DIMS)
                .build();
    }

    // ---------------------------------------------------------------- transposed convolutions

    private static final String CONVT_PARAMS = "x: Tensor, w: Tensor, b: Tensor, has_b: bool, stride: List[int], "
            + "padding: List[int], output_padding: List[int], groups: int, dilation: List[int]";
    private static final AtenKernel CONVT2D = AtenKernel.withBody("aten::conv_transpose2d (aten::convolution)",
            CONVT_PARAMS, OPTIONAL_BIAS + "    return torch.conv_transpose2d(x, w, bias, stride, padding, "
            + "output_padding, groups, dilation)");
    private static final AtenKernel CONVT1D = AtenKernel.withBody("aten::conv_transpose1d (aten::convolution)",
            CONVT_PARAMS, OPTIONAL_BIAS + "    return torch.conv_transpose1d(x, w, bias, stride, padding, "
            + "output_padding, groups, dilation)");

    private static Attrs convtAttrs(int[] stride, int[] padding, int[] outputPadding, int groups, int[] dilation) {
        return Attrs.of("stride", stride).with("padding", padding).with("outputPadding", outputPadding)
                .with("groups", groups).with("dilation", dilation);
    }

    private static Sample convt(String op, Set<Kind> kinds, int[] x, int[] w, boolean bias, Attrs a, boolean error,
                                String message) {
        String id = (error ? "error " : "") + Input.shapeText(x) + "*" + Input.shapeText(w) + (bias ? "+b" : "")
                + " s" + MovementSupport.list(a.getInts("stride")) + " p" + MovementSupport.list(a.getInts("padding"))
                + " op" + MovementSupport.list(a.getInts("outputPadding")) + " g" + a.getInt("groups") + " d"
                + MovementSupport.list(a.getInts("dilation"));
        Input[] in = bias ? drawAll(op, id, x, w, s(w[1] * a.getInt("groups"))) : drawAll(op, id, x, w);
        return error ? Sample.error(id, message, a, in) : Sample.of(id, kinds, a, in);
    }

    private static OpInfo convTranspose(boolean two) {
        String op = two ? "convTranspose2d" : "convTranspose1d";
        List<Sample> c = new ArrayList<>();
        if (two) {
            c.add(convt(op, kinds(), s(2, 3, 4, 5), s(3, 2, 3, 3), true, convtAttrs(s(1), s(0), s(0), 1, s(1)), false,
                    null));
            c.add(convt(op, kinds(), s(1, 4, 3, 4), s(4, 3, 3, 2), true, convtAttrs(s(2, 3), s(1, 0), s(1, 2), 2, s(1)),
                    false, null));
            c.add(convt(op, kinds(), s(2, 2, 3, 3), s(2, 1, 2, 3), false, convtAttrs(s(2), s(1), s(0), 2, s(2, 1)),
                    false, null));
            c.add(convt(op, kinds(), s(1, 3, 2, 2), s(3, 2, 1, 1), true, convtAttrs(s(3), s(0), s(2), 1, s(1)), false,
                    null));
            c.add(convt(op, kinds(), s(3, 4, 4), s(3, 2, 4, 4), true, convtAttrs(s(2), s(1), s(0), 1, s(1)), false,
                    null));
            c.add(convt(op, kinds(Kind.EMPTY), s(0, 3, 4, 4), s(3, 2, 3, 3), true, convtAttrs(s(1), s(0), s(0), 1,
                    s(1)), false, null));
            c.add(Sample.of("edge values (1,1,2,3)*(1,1,2,2)", kinds(Kind.EDGE), convtAttrs(s(1), s(0), s(0), 1, s(1)),
                    Input.of(s(1, 1, 2, 3), 1, INF, 0, NAN, -0.0, 1e300), Input.of(s(1, 1, 2, 2), 2, 0, 1e300, -1)));
            c.add(convt(op, kinds(), s(1, 3, 4, 4), s(3, 2, 3, 3), false, convtAttrs(s(2), s(0), s(2), 1, s(1)), true,
                    "output padding must be smaller than either stride or dilation, but got output_padding_height: 2 "
                    + "output_padding_width: 2 stride_height: 2 stride_width: 2 dilation_height: 1 dilation_width: 1"));
            c.add(convt(op, kinds(), s(1, 4, 4, 4), s(3, 2, 3, 3), false, convtAttrs(s(1), s(0), s(0), 1, s(1)), true,
                    "Given transposed=1, weight of size [3, 2, 3, 3], expected input[1, 4, 4, 4] to have 3 channels, "
                    + "but got 4 channels instead"));
            c.add(convt(op, kinds(), s(1, 3, 4, 4), s(3, 2, 3, 3), false, convtAttrs(s(1), s(-1), s(0), 1, s(1)), true,
                    "negative padding is not supported"));
        } else {
            c.add(convt(op, kinds(), s(2, 3, 5), s(3, 2, 3), true, convtAttrs(s(2), s(1), s(1), 1, s(2)), false, null));
            c.add(convt(op, kinds(), s(2, 4, 4), s(4, 1, 2), false, convtAttrs(s(3), s(0), s(0), 4, s(1)), false,
                    null));
            c.add(convt(op, kinds(), s(3, 6), s(3, 2, 4), true, convtAttrs(s(1), s(2), s(0), 1, s(1)), false, null));
            c.add(convt(op, kinds(Kind.EMPTY), s(0, 3, 5), s(3, 2, 3), true, convtAttrs(s(1), s(0), s(0), 1, s(1)),
                    false, null));
            c.add(convt(op, kinds(), s(1, 3, 5), s(3, 2, 3), false, convtAttrs(s(1), s(0), s(1), 1, s(1)), true,
                    "output padding must be smaller than either stride or dilation, but got output_padding_height: 0 "
                    + "output_padding_width: 1 stride_height: 1 stride_width: 1 dilation_height: 1 dilation_width: 1"));
        }
        OpInfo.Builder b = OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the weight's shape is tied to the input's channels and the groups")
                        .orderDependent())
                .nano((in, a) -> {
                    Tensor bias = in.length > 2 ? in[2] : null;
                    int[] st = a.getInts("stride");
                    int[] p = a.getInts("padding");
                    int[] o = a.getInts("outputPadding");
                    int[] d = a.getInts("dilation");
                    return two ? Nano.convTranspose2d(in[0], in[1], bias, st, p, o, a.getInt("groups"), d)
                            : Nano.convTranspose1d(in[0], in[1], bias, st[0], p[0], o[0], a.getInt("groups"), d[0]);
                })
                .torchKernel(two ? CONVT2D : CONVT1D, (in, a) -> (two ? CONVT2D : CONVT1D).call(in[0], in[1],
                        in.length > 2 ? in[2] : in[1], in.length > 2, a.getInts("stride"), a.getInts("padding"),
                        a.getInts("outputPadding"), a.getInt("groups"), a.getInts("dilation")))
                .samples(c)
                .exclude(Kind.BROADCAST, NO_BROADCAST)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.ZERO_DIM, NO_ZERO_DIM)
                .exclude(Kind.NONDIFF, NO_KINKS)
                .exclude(Kind.DIMS, NO_DIMS);
        if (!two) {
            b.exclude(Kind.EDGE, "the same kernel as convTranspose2d, whose edge-value case covers NaN and ±inf");
        }
        return b.build();
    }

    // ---------------------------------------------------------------- max pooling

    private static final String POOL_PARAMS = "x: Tensor, k: List[int], s: List[int], p: List[int], d: List[int], "
            + "ceil: bool";
    private static final AtenKernel MAX2D_VALUES = AtenKernel.of("aten::max_pool2d_with_indices", POOL_PARAMS,
            "torch.max_pool2d_with_indices(x, k, s, p, d, ceil)[0]");
    private static final AtenKernel MAX2D_INDICES = AtenKernel.of("aten::max_pool2d_with_indices", POOL_PARAMS,
            "torch.max_pool2d_with_indices(x, k, s, p, d, ceil)[1]");
    private static final AtenKernel MAX1D_VALUES = AtenKernel.of("aten::max_pool1d_with_indices", POOL_PARAMS,
            "torch.max_pool1d_with_indices(x, k, s, p, d, ceil)[0]");
    private static final AtenKernel MAX1D_INDICES = AtenKernel.of("aten::max_pool1d_with_indices", POOL_PARAMS,
            "torch.max_pool1d_with_indices(x, k, s, p, d, ceil)[1]");

    private static Attrs poolAttrs(int[] k, int[] st, int[] p, int[] d, boolean ceil) {
        return Attrs.of("kernel", k).with("stride", st).with("padding", p).with("dilation", d).with("ceil", ceil);
    }

    private static String poolId(int[] x, Attrs a) {
        return Input.shapeText(x) + " k" + MovementSupport.list(a.getInts("kernel")) + " s"
                + MovementSupport.list(a.getInts("stride")) + " p" + MovementSupport.list(a.getInts("padding"))
                + (a.has("dilation") ? " d" + MovementSupport.list(a.getInts("dilation")) : "")
                + (a.getBool("ceil") ? " ceil" : "")
                + (a.has("includePad") && !a.getBool("includePad") ? " exclude-pad" : "")
                + (a.has("divisor") && a.getInt("divisor") != 0 ? " divisor " + a.getInt("divisor") : "");
    }

    private static Sample pool(String op, Set<Kind> kinds, int[] x, Attrs a) {
        String id = poolId(x, a);
        return Sample.of(id, kinds, a, MovementSupport.draw(op, id, x));
    }

    private static Sample poolError(String op, String message, int[] x, Attrs a) {
        String id = "error " + poolId(x, a);
        return Sample.error(id, message, a, MovementSupport.draw(op, id, x));
    }

    /** Ties, NaN and ±inf inside max-pooling windows (and a window of -inf only). */
    private static void maxEdges(List<Sample> c, boolean two) {
        Attrs a = two ? poolAttrs(s(2), s(2), s(0), s(1), false) : poolAttrs(s(2), s(2), s(0), s(1), false);
        int[] shape = two ? s(1, 1, 2, 6) : s(1, 2, 6);
        c.add(Sample.of("ties (equal maxima)", kinds(Kind.NONDIFF), a,
                Input.of(shape, 4, 4, 1, 3, 3, 2, 4, 4, 3, 3, 2, 2)));
        c.add(Sample.of("NaN in windows (one, two)", kinds(Kind.EDGE, Kind.NONDIFF), a,
                Input.of(shape, 1, NAN, NAN, 2, 5, 1, NAN, 2, 3, NAN, 0, 0)));
        c.add(Sample.of("infinities, a window of -inf", kinds(Kind.EDGE, Kind.NONDIFF), a,
                Input.of(shape, -INF, -INF, INF, 1, 0, -0.0, -INF, -INF, INF, INF, -0.0, 0)));
        Attrs padded = two ? poolAttrs(s(3), s(2), s(1), s(1), true) : poolAttrs(s(3), s(2), s(1), s(1), true);
        c.add(Sample.of("-inf next to the padding, ceil", kinds(Kind.EDGE, Kind.NONDIFF), padded,
                Input.of(shape, -INF, -INF, 1, -INF, -INF, -INF, -INF, NAN, 1, 2, -INF, -INF)));
    }

    private static OpInfo maxPool2d() {
        String op = "maxPool2d";
        List<Sample> c = new ArrayList<>();
        c.add(pool(op, kinds(), s(2, 3, 6, 6), poolAttrs(s(2), s(), s(0), s(1), false)));
        c.add(pool(op, kinds(), s(2, 3, 7, 5), poolAttrs(s(3), s(2), s(1), s(1), false)));
        c.add(pool(op, kinds(), s(2, 3, 7, 5), poolAttrs(s(3), s(2), s(1), s(1), true)));
        c.add(pool(op, kinds(), s(1, 2, 5, 5), poolAttrs(s(2), s(2), s(0), s(1), true)));
        c.add(pool(op, kinds(), s(1, 2, 4, 4), poolAttrs(s(2), s(2), s(1), s(1), true)));
        c.add(pool(op, kinds(), s(1, 2, 8, 9), poolAttrs(s(2, 3), s(1, 2), s(0, 1), s(2, 2), false)));
        c.add(pool(op, kinds(), s(1, 2, 9, 8), poolAttrs(s(3, 2), s(3, 2), s(1, 0), s(2, 3), true)));
        c.add(pool(op, kinds(), s(2, 3, 4, 5), poolAttrs(s(4, 5), s(), s(0), s(1), false)));
        c.add(pool(op, kinds(), s(2, 3, 4, 5), poolAttrs(s(1), s(1), s(0), s(1), false)));
        c.add(pool(op, kinds(), s(3, 6, 5), poolAttrs(s(2), s(), s(0), s(1), true)));
        c.add(pool(op, kinds(Kind.EMPTY), s(0, 3, 6, 6), poolAttrs(s(2), s(), s(0), s(1), false)));
        maxEdges(c, true);
        c.add(poolError(op, "pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and "
                + "dilation=1", s(1, 2, 4, 4), poolAttrs(s(3), s(), s(2), s(1), false)));
        c.add(poolError(op, "Given input size: (2x4x4). Calculated output size: (2x0x0). Output size is too small",
                s(1, 2, 4, 4), poolAttrs(s(5), s(), s(0), s(1), false)));
        c.add(poolError(op, "pad must be non-negative, but got pad: -1", s(1, 2, 4, 4),
                poolAttrs(s(3), s(), s(-1), s(1), false)));
        c.add(poolError(op, "non-empty 3D or 4D (batch mode) tensor expected for input", s(4, 4),
                poolAttrs(s(2), s(), s(0), s(1), false)));
        c.add(poolError(op, "max_pool2d: kernel_size must either be a single int, or a tuple of two ints",
                s(1, 2, 4, 4), poolAttrs(s(1, 2, 3), s(), s(0), s(1), false)));
        c.add(poolError(op, "dilation should be greater than zero, but got dilationH: 0 dilationW: 0", s(1, 2, 4, 4),
                poolAttrs(s(2), s(), s(0), s(0), false)));
        return maxPool(op, c, true);
    }

    private static OpInfo maxPool1d() {
        String op = "maxPool1d";
        List<Sample> c = new ArrayList<>();
        c.add(pool(op, kinds(), s(2, 3, 8), poolAttrs(s(2), s(), s(0), s(1), false)));
        c.add(pool(op, kinds(), s(2, 3, 9), poolAttrs(s(3), s(2), s(1), s(2), true)));
        c.add(pool(op, kinds(), s(2, 3, 5), poolAttrs(s(2), s(2), s(0), s(1), true)));
        c.add(pool(op, kinds(), s(1, 2, 4), poolAttrs(s(2), s(2), s(1), s(1), true)));
        c.add(pool(op, kinds(), s(3, 7), poolAttrs(s(7), s(), s(0), s(1), false)));
        c.add(pool(op, kinds(Kind.EMPTY), s(0, 3, 6), poolAttrs(s(2), s(), s(0), s(1), false)));
        maxEdges(c, false);
        c.add(poolError(op, "Expected 2 to 3 dimensions, but got 1-dimensional tensor for argument #1 'self' (while "
                + "checking arguments for max_pool1d)", s(4), poolAttrs(s(2), s(), s(0), s(1), false)));
        return maxPool(op, c, false);
    }

    private static OpInfo maxPool(String op, List<Sample> c, boolean two) {
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the kernel, stride and padding must fit the input's spatial size"))
                .nanoMulti((in, a) -> {
                    int[] k = a.getInts("kernel");
                    int[] st = a.getInts("stride");
                    int[] p = a.getInts("padding");
                    int[] d = a.getInts("dilation");
                    ValuesIndices r = two ? Nano.maxPool2d(in[0], k, st, p, d, a.getBool("ceil"))
                            : Nano.maxPool1d(in[0], k[0], st.length == 0 ? 0 : st[0], p[0], d[0], a.getBool("ceil"));
                    return new Tensor[] {r.values(), r.indices()};
                })
                .torchMulti((in, a) -> {
                    Object[] args = {in[0], a.getInts("kernel"), a.getInts("stride"), a.getInts("padding"),
                        a.getInts("dilation"), a.getBool("ceil")};
                    // Both outputs of one kernel: the maxima (differentiated) and their indices.
                    return two ? new NDArray[] {MAX2D_VALUES.call(args), MAX2D_INDICES.call(args)}
                            : new NDArray[] {MAX1D_VALUES.call(args), MAX1D_INDICES.call(args)};
                })
                .oracle(Oracle.kernel(two ? "aten::max_pool2d_with_indices" : "aten::max_pool1d_with_indices",
                        Oracle.TORCHSCRIPT))
                .samples(c)
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.ZERO_DIM, NO_ZERO_DIM)
                .exclude(Kind.DIMS, NO_DIMS)
                .build();
    }

    // ---------------------------------------------------------------- average pooling

    private static final AtenKernel AVG2D = AtenKernel.withBody("aten::avg_pool2d", "x: Tensor, k: List[int], "
            + "s: List[int], p: List[int], ceil: bool, include_pad: bool, divisor: int, has_divisor: bool",
            "    div = annotate(Optional[int], None)\n    if has_divisor:\n        div = divisor\n"
            + "    return torch.avg_pool2d(x, k, s, p, ceil, include_pad, div)");
    private static final AtenKernel AVG1D = AtenKernel.of("aten::avg_pool1d", "x: Tensor, k: List[int], "
            + "s: List[int], p: List[int], ceil: bool, include_pad: bool",
            "torch.avg_pool1d(x, k, s, p, ceil, include_pad)");

    private static Attrs avgAttrs(int[] k, int[] st, int[] p, boolean ceil, boolean includePad, int divisor) {
        return Attrs.of("kernel", k).with("stride", st).with("padding", p).with("ceil", ceil)
                .with("includePad", includePad).with("divisor", divisor);
    }

    private static OpInfo avgPool2d() {
        String op = "avgPool2d";
        List<Sample> c = new ArrayList<>();
        c.add(pool(op, kinds(), s(2, 3, 6, 6), avgAttrs(s(2), s(), s(0), false, true, 0)));
        c.add(pool(op, kinds(), s(2, 3, 7, 5), avgAttrs(s(3), s(2), s(1), false, true, 0)));
        c.add(pool(op, kinds(), s(2, 3, 7, 5), avgAttrs(s(3), s(2), s(1), true, true, 0)));
        c.add(pool(op, kinds(), s(2, 3, 7, 5), avgAttrs(s(3), s(2), s(1), true, false, 0)));
        c.add(pool(op, kinds(), s(1, 2, 4, 4), avgAttrs(s(2), s(2), s(1), true, true, 0)));
        c.add(pool(op, kinds(), s(1, 2, 5, 7), avgAttrs(s(2, 3), s(3, 2), s(1, 1), true, false, 0)));
        c.add(pool(op, kinds(), s(1, 2, 5, 7), avgAttrs(s(2, 3), s(1, 2), s(0, 1), false, true, 5)));
        c.add(pool(op, kinds(), s(1, 2, 5, 7), avgAttrs(s(3), s(2), s(1), true, false, -3)));
        c.add(pool(op, kinds(), s(2, 3, 4, 5), avgAttrs(s(4, 5), s(), s(0), false, true, 0)));
        c.add(pool(op, kinds(), s(3, 6, 5), avgAttrs(s(2), s(), s(0), true, true, 0)));
        c.add(pool(op, kinds(Kind.EMPTY), s(0, 3, 6, 6), avgAttrs(s(2), s(), s(0), false, true, 0)));
        c.add(Sample.of("edge values", kinds(Kind.EDGE), avgAttrs(s(2), s(2), s(0), false, true, 0),
                Input.of(s(1, 1, 2, 6), 1, NAN, INF, 2, INF, 1, 1e300, 1e300, -INF, 1, 3, -0.0)));
        c.add(poolError(op, "divisor must be not zero", s(1, 2, 4, 4), avgAttrs(s(2), s(), s(0), false, true, 0)
                .with("divisorZero", true)));
        c.add(poolError(op, "pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and "
                + "dilation=1", s(1, 2, 4, 4), avgAttrs(s(3), s(), s(2), false, true, 0)));
        c.add(poolError(op, "Given input size: (2x4x4). Calculated output size: (2x0x0). Output size is too small",
                s(1, 2, 4, 4), avgAttrs(s(5), s(), s(0), false, true, 0)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the kernel, stride and padding must fit the input's spatial size"))
                .nano((in, a) -> Nano.avgPool2d(in[0], a.getInts("kernel"), a.getInts("stride"), a.getInts("padding"),
                        a.getBool("ceil"), a.getBool("includePad"), divisor(a)))
                .torchKernel(AVG2D, (in, a) -> AVG2D.call(in[0], a.getInts("kernel"), a.getInts("stride"),
                        a.getInts("padding"), a.getBool("ceil"), a.getBool("includePad"), a.getInt("divisor"),
                        divisor(a) != null))
                .samples(c)
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.ZERO_DIM, NO_ZERO_DIM)
                .exclude(Kind.DIMS, NO_DIMS)
                .exclude(Kind.NONDIFF, "an average is linear: no kinks or ties")
                .build();
    }

    /** The divisor attr: 0 means none (TorchScript's None cannot cross from DJL). */
    private static Integer divisor(Attrs a) {
        return a.has("divisorZero") ? Integer.valueOf(0) : a.getInt("divisor") == 0 ? null : a.getInt("divisor");
    }

    private static OpInfo avgPool1d() {
        String op = "avgPool1d";
        List<Sample> c = new ArrayList<>();
        c.add(pool(op, kinds(), s(2, 3, 8), avgAttrs(s(2), s(), s(0), false, true, 0)));
        c.add(pool(op, kinds(), s(2, 3, 9), avgAttrs(s(3), s(2), s(1), true, true, 0)));
        c.add(pool(op, kinds(), s(2, 3, 9), avgAttrs(s(3), s(2), s(1), true, false, 0)));
        c.add(pool(op, kinds(), s(1, 2, 4), avgAttrs(s(2), s(2), s(1), true, true, 0)));
        c.add(pool(op, kinds(), s(3, 7), avgAttrs(s(7), s(), s(0), false, true, 0)));
        c.add(pool(op, kinds(Kind.EMPTY), s(0, 3, 6), avgAttrs(s(2), s(), s(0), false, true, 0)));
        c.add(poolError(op, "Expected 2 to 3 dimensions, but got 4-dimensional tensor for argument #1 'self' (while "
                + "checking arguments for avg_pool1d)", s(1, 1, 2, 4), avgAttrs(s(2), s(), s(0), false, true, 0)));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the kernel, stride and padding must fit the input's length"))
                .nano((in, a) -> Nano.avgPool1d(in[0], a.getInts("kernel")[0],
                        a.getInts("stride").length == 0 ? 0 : a.getInts("stride")[0], a.getInts("padding")[0],
                        a.getBool("ceil"), a.getBool("includePad")))
                .torchKernel(AVG1D, (in, a) -> AVG1D.call(in[0], a.getInts("kernel"), a.getInts("stride"),
                        a.getInts("padding"), a.getBool("ceil"), a.getBool("includePad")))
                .samples(c)
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.ZERO_DIM, NO_ZERO_DIM)
                .exclude(Kind.DIMS, NO_DIMS)
                .exclude(Kind.NONDIFF, "an average is linear: no kinks or ties")
                .exclude(Kind.EDGE, "the same kernel as avg_pool2d, whose edge-value case covers NaN and ±inf")
                .build();
    }

    // ---------------------------------------------------------------- adaptive pooling

    private static final AtenKernel ADAPTIVE_AVG2D = AtenKernel.of("aten::adaptive_avg_pool2d",
            "x: Tensor, size: List[int]", "torch.adaptive_avg_pool2d(x, size)");
    private static final AtenKernel ADAPTIVE_AVG1D = AtenKernel.of("aten::adaptive_avg_pool1d",
            "x: Tensor, size: List[int]", "torch.adaptive_avg_pool1d(x, size)");
    private static final AtenKernel ADAPTIVE_MAX2D_VALUES = AtenKernel.of("aten::adaptive_max_pool2d",
            "x: Tensor, size: List[int]", "torch.adaptive_max_pool2d(x, size)[0]");
    private static final AtenKernel ADAPTIVE_MAX2D_INDICES = AtenKernel.of("aten::adaptive_max_pool2d",
            "x: Tensor, size: List[int]", "torch.adaptive_max_pool2d(x, size)[1]");

    private static Sample adaptive(String op, Set<Kind> kinds, int[] x, int... size) {
        String id = Input.shapeText(x) + " to " + MovementSupport.list(size);
        return Sample.of(id, kinds, Attrs.of("size", size), MovementSupport.draw(op, id, x));
    }

    private static void adaptiveSamples(List<Sample> c, String op, boolean two) {
        if (two) {
            c.add(adaptive(op, kinds(), s(2, 3, 6, 6), 2, 3));
            c.add(adaptive(op, kinds(), s(2, 3, 5, 7), 3, 4));
            c.add(adaptive(op, kinds(), s(2, 3, 5, 7), 1, 1));
            c.add(adaptive(op, kinds(), s(1, 2, 3, 4), 5, 6));
            c.add(adaptive(op, kinds(), s(3, 7, 5), 3, 2));
            c.add(adaptive(op, kinds(Kind.EMPTY), s(0, 3, 6, 6), 2, 2));
        } else {
            c.add(adaptive(op, kinds(), s(2, 3, 8), 3));
            c.add(adaptive(op, kinds(), s(2, 3, 5), 5));
            c.add(adaptive(op, kinds(), s(2, 3, 4), 7));
            c.add(adaptive(op, kinds(), s(3, 7), 1));
            c.add(adaptive(op, kinds(Kind.EMPTY), s(0, 3, 6), 4));
        }
    }

    private static OpInfo adaptiveAvgPool2d() {
        String op = "adaptiveAvgPool2d";
        List<Sample> c = new ArrayList<>();
        adaptiveSamples(c, op, true);
        c.add(Sample.of("edge values", kinds(Kind.EDGE), Attrs.of("size", s(1, 3)),
                Input.of(s(1, 1, 2, 5), 1, NAN, INF, 2, -INF, 1e300, 1e300, -INF, 1, -0.0)));
        c.add(Sample.error("error (1,2,0,4) to [2,2]", "adaptive_avg_pool2d(): Expected input to have non-zero size "
                + "for non-batch dimensions, but input has sizes [1, 2, 0, 4] with dimension 2 being empty",
                Attrs.of("size", s(2, 2)), Input.of(s(1, 2, 0, 4))));
        return adaptiveEntry(op, c, "aten::adaptive_avg_pool2d")
                .nano((in, a) -> Nano.adaptiveAvgPool2d(in[0], a.getInts("size")))
                .torchKernel(ADAPTIVE_AVG2D, (in, a) -> ADAPTIVE_AVG2D.call(in[0], a.getInts("size")))
                .exclude(Kind.NONDIFF, "an average is linear: no kinks or ties")
                .build();
    }

    private static OpInfo adaptiveAvgPool1d() {
        String op = "adaptiveAvgPool1d";
        List<Sample> c = new ArrayList<>();
        adaptiveSamples(c, op, false);
        c.add(Sample.error("error (4,) to [2]", "Expected 2 to 3 dimensions, but got 1-dimensional tensor for "
                + "argument #1 'self' (while checking arguments for adaptive_avg_pool1d)", Attrs.of("size", s(2)),
                MovementSupport.draw(op, "error (4,)", 4)));
        return adaptiveEntry(op, c, "aten::adaptive_avg_pool1d")
                .nano((in, a) -> Nano.adaptiveAvgPool1d(in[0], a.getInts("size")[0]))
                .torchKernel(ADAPTIVE_AVG1D, (in, a) -> ADAPTIVE_AVG1D.call(in[0], a.getInts("size")))
                .exclude(Kind.NONDIFF, "an average is linear: no kinks or ties")
                .exclude(Kind.EDGE, "the same kernel as adaptive_avg_pool2d, whose edge-value case covers NaN and ±inf")
                .build();
    }

    private static OpInfo adaptiveMaxPool2d() {
        String op = "adaptiveMaxPool2d";
        List<Sample> c = new ArrayList<>();
        adaptiveSamples(c, op, true);
        c.add(Sample.of("ties, NaN, infinities", kinds(Kind.EDGE, Kind.NONDIFF), Attrs.of("size", s(1, 3)),
                Input.of(s(1, 1, 2, 5), 4, 4, NAN, 1, -INF, 4, NAN, NAN, -INF, -INF)));
        c.add(Sample.error("error (4,4) to [2,2]", "adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: [4, 4]",
                Attrs.of("size", s(2, 2)), MovementSupport.draw(op, "error (4,4)", 4, 4)));
        return adaptiveEntry(op, c, "aten::adaptive_max_pool2d")
                .nanoMulti((in, a) -> {
                    ValuesIndices r = Nano.adaptiveMaxPool2d(in[0], a.getInts("size"));
                    return new Tensor[] {r.values(), r.indices()};
                })
                .torchMulti((in, a) -> new NDArray[] {ADAPTIVE_MAX2D_VALUES.call(in[0], a.getInts("size")),
                    ADAPTIVE_MAX2D_INDICES.call(in[0], a.getInts("size"))})
                .oracle(Oracle.kernel("aten::adaptive_max_pool2d", Oracle.TORCHSCRIPT))
                .build();
    }

    private static OpInfo.Builder adaptiveEntry(String op, List<Sample> c, String aten) {
        return OpInfo.builder(op, "ops")
                // order-dependent: an output of 1×1 is computed by PyTorch as mean(), a vectorised sum
                .fuzz(FuzzRule.templateShapes("the output size is drawn apart from the input's shape")
                        .orderDependent())
                .samples(c)
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.ZERO_DIM, NO_ZERO_DIM)
                .exclude(Kind.DIMS, NO_DIMS);
    }
}
