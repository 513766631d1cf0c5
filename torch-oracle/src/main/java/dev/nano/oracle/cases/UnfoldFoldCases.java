package dev.nano.oracle.cases;

import dev.nano.Nano;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.nano.oracle.cases.Samples.INF;
import static dev.nano.oracle.cases.Samples.NAN;
import static dev.nano.oracle.cases.Samples.kinds;

/**
 * unfold fold: {@code F.unfold} and {@code F.fold} through PyTorch's own kernels {@code aten::im2col} and
 * {@code aten::col2im} (TorchScript bridge: {@code torch.nn.functional.unfold} is exactly
 * {@code torch._C._nn.im2col(input, _pair(kernel_size), _pair(dilation), _pair(padding), _pair(stride))}).
 * The samples reach strides and dilations that do not divide the input, padding, kernels as large as the
 * (padded) input, overlapping and non-touching windows for fold, unbatched and empty-batch inputs, NaN
 * and ±inf, and PyTorch's error messages.
 */
final class UnfoldFoldCases {
    private UnfoldFoldCases() {
    }

    private static final String ONE_INPUT = "one tensor input: nothing to broadcast";
    private static final String NO_SCALAR = "no scalar operand";
    private static final String NO_ZERO_DIM = "the input has channel and spatial dims: never 0-d (a 0-d input is an "
            + "error case)";
    private static final String NO_DIMS = "acts on the trailing spatial dims: no dim argument";
    private static final String LINEAR = "a copy (unfold) or a sum of copies (fold): linear, no kinks or ties";

    static List<OpInfo> entries() {
        return List.of(unfold(), fold());
    }

    private static int[] s(int... v) {
        return v;
    }

    private static final String PARAMS = "x: Tensor, k: List[int], d: List[int], p: List[int], s: List[int]";
    private static final AtenKernel IM2COL = AtenKernel.of("aten::im2col", PARAMS, "torch.im2col(x, k, d, p, s)");
    private static final AtenKernel COL2IM = AtenKernel.of("aten::col2im", "x: Tensor, o: List[int], k: List[int], "
            + "d: List[int], p: List[int], s: List[int]", "torch.col2im(x, o, k, d, p, s)");

    /** torch.nn.functional's {@code _pair}: F.unfold and F.fold pass two values whatever they were given. */
    private static int[] pair(int[] v) {
        return v.length == 1 ? new int[] {v[0], v[0]} : v;
    }

    private static Attrs attrs(int[] k, int[] d, int[] p, int[] st) {
        return Attrs.of("kernel", k).with("dilation", d).with("padding", p).with("stride", st);
    }

    private static String id(int[] x, Attrs a) {
        return Input.shapeText(x) + (a.has("output") ? " o" + MovementSupport.list(a.getInts("output")) : "") + " k"
                + MovementSupport.list(a.getInts("kernel")) + " d" + MovementSupport.list(a.getInts("dilation"))
                + " p" + MovementSupport.list(a.getInts("padding")) + " s" + MovementSupport.list(a.getInts("stride"));
    }

    private static Sample sample(String op, Set<Kind> kinds, int[] x, Attrs a) {
        String id = id(x, a);
        return Sample.of(id, kinds, a, MovementSupport.draw(op, id, x));
    }

    private static Sample error(String op, String message, int[] x, Attrs a) {
        String id = "error " + id(x, a);
        return Sample.error(id, message, a, MovementSupport.draw(op, id, x));
    }

    // ---------------------------------------------------------------- unfold (im2col)

    private static OpInfo unfold() {
        String op = "unfold";
        List<Sample> c = new ArrayList<>();
        c.add(sample(op, kinds(), s(2, 3, 4, 5), attrs(s(2), s(1), s(0), s(1))));
        c.add(sample(op, kinds(), s(1, 2, 7, 6), attrs(s(3, 2), s(1), s(0), s(2, 3))));
        c.add(sample(op, kinds(), s(2, 2, 5, 5), attrs(s(3), s(2, 1), s(1, 2), s(2))));
        c.add(sample(op, kinds(), s(1, 1, 3, 4), attrs(s(3, 4), s(1), s(0), s(1))));
        c.add(sample(op, kinds(), s(1, 2, 2, 3), attrs(s(3), s(1), s(1), s(1))));
        c.add(sample(op, kinds(), s(2, 3, 3, 3), attrs(s(1), s(1), s(0), s(1))));
        c.add(sample(op, kinds(), s(3, 5, 4), attrs(s(2, 3), s(1), s(1, 0), s(2, 1))));
        c.add(sample(op, kinds(Kind.EMPTY), s(0, 2, 4, 4), attrs(s(2), s(1), s(0), s(1))));
        c.add(Sample.of("edge values (1,1,2,3) k[2]", kinds(Kind.EDGE), attrs(s(2), s(1), s(1), s(1)),
                Input.of(s(1, 1, 2, 3), 1, NAN, INF, -INF, -0.0, 1e300)));
        c.add(error(op, "kernel size should be greater than zero, but got kernel_height: 0 kernel_width: 2",
                s(1, 1, 3, 3), attrs(s(0, 2), s(1), s(0), s(1))));
        c.add(error(op, "dilation should be greater than zero, but got dilation_height: 1 dilation_width: 0",
                s(1, 1, 3, 3), attrs(s(2), s(1, 0), s(0), s(1))));
        c.add(error(op, "padding should be non-negative, but got pad_height: -1 pad_width: 0", s(1, 1, 3, 3),
                attrs(s(2), s(1), s(-1, 0), s(1))));
        c.add(error(op, "stride should be greater than zero, but got stride_height: 0 stride_width: 0", s(1, 1, 3, 3),
                attrs(s(2), s(1), s(0), s(0))));
        c.add(error(op, "Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero "
                + "dimensions for input, but got: [1, 0, 3, 3]", s(1, 0, 3, 3), attrs(s(2), s(1), s(0), s(1))));
        c.add(error(op, "Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero "
                + "dimensions for input, but got: [1, 1, 1, 3, 3]", s(1, 1, 1, 3, 3), attrs(s(2), s(1), s(0), s(1))));
        c.add(error(op, "Given input with spatial size (3, 3), kernel_size=(4, 2), dilation=(1, 1), padding=(0, 0), "
                + "calculated shape of the array of sliding blocks as (0, 2), but its components must be at least one.",
                s(1, 1, 3, 3), attrs(s(4, 2), s(1), s(0), s(1))));
        c.add(error(op, "Given input with spatial size (3, 3), kernel_size=(2, 2), dilation=(3, 1), padding=(0, 0), "
                + "calculated shape of the array of sliding blocks as (0, 2), but its components must be at least "
                + "one.", s(1, 1, 3, 3), attrs(s(2), s(3, 1), s(0), s(1))));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the kernel, dilation, padding and stride must fit the input's spatial "
                        + "size"))
                .nano((in, a) -> Nano.unfold(in[0], a.getInts("kernel"), a.getInts("dilation"), a.getInts("padding"),
                        a.getInts("stride")))
                .torchKernel(IM2COL, (in, a) -> IM2COL.call(in[0], pair(a.getInts("kernel")),
                        pair(a.getInts("dilation")), pair(a.getInts("padding")), pair(a.getInts("stride"))))
                .samples(c)
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.ZERO_DIM, NO_ZERO_DIM)
                .exclude(Kind.DIMS, NO_DIMS)
                .exclude(Kind.NONDIFF, LINEAR)
                .build();
    }

    // ---------------------------------------------------------------- fold (col2im)

    private static Attrs foldAttrs(int[] o, int[] k, int[] d, int[] p, int[] st) {
        return Attrs.of("output", o).with("kernel", k).with("dilation", d).with("padding", p).with("stride", st);
    }

    private static OpInfo fold() {
        String op = "fold";
        List<Sample> c = new ArrayList<>();
        // overlapping windows (stride 1): each pixel sums up to kH·kW entries
        c.add(sample(op, kinds(), s(2, 12, 12), foldAttrs(s(4, 5), s(2), s(1), s(0), s(1))));
        // non-dividing stride, dilation and padding
        c.add(sample(op, kinds(), s(1, 12, 6), foldAttrs(s(7, 6), s(3, 2), s(1), s(0), s(2, 3))));
        c.add(sample(op, kinds(), s(2, 18, 8), foldAttrs(s(5), s(3), s(2, 1), s(1, 2), s(2))));
        // windows that do not touch (stride larger than the kernel): pixels between them get 0
        c.add(sample(op, kinds(), s(1, 4, 4), foldAttrs(s(5), s(2), s(1), s(0), s(3))));
        c.add(sample(op, kinds(), s(1, 12, 1), foldAttrs(s(3, 4), s(3, 4), s(1), s(0), s(1))));
        c.add(sample(op, kinds(), s(18, 4), foldAttrs(s(3), s(3), s(1), s(1), s(2))));
        c.add(sample(op, kinds(Kind.EMPTY), s(0, 8, 9), foldAttrs(s(4), s(2), s(1), s(0), s(1))));
        c.add(Sample.of("edge values (1,4,2) o[2,3] k[2]", kinds(Kind.EDGE), foldAttrs(s(2, 3), s(2), s(1), s(0), s(1)),
                Input.of(s(1, 4, 2), 1, NAN, INF, -INF, -0.0, 1e308, 1e308, INF)));
        c.add(error(op, "kernel size should be greater than zero, but got kernel_height: 2 kernel_width: 0",
                s(1, 4, 4), foldAttrs(s(3), s(2, 0), s(1), s(0), s(1))));
        c.add(error(op, "stride should be greater than zero, but got stride_height: -1 stride_width: 1", s(1, 4, 4),
                foldAttrs(s(3), s(2), s(1), s(0), s(-1, 1))));
        c.add(error(op, "dilation should be greater than zero, but got dilation_height: 0 dilation_width: 0",
                s(1, 4, 4), foldAttrs(s(3), s(2), s(0), s(0), s(1))));
        c.add(error(op, "padding should be non-negative, but got pad_height: 0 pad_width: -2", s(1, 4, 4),
                foldAttrs(s(3), s(2), s(1), s(0, -2), s(1))));
        c.add(error(op, "Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero "
                + "dimensions for input, but got: [1, 4, 0]", s(1, 4, 0), foldAttrs(s(3), s(2), s(1), s(0), s(1))));
        c.add(error(op, "Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero "
                + "dimensions for input, but got: [1, 1, 4, 4]", s(1, 1, 4, 4), foldAttrs(s(3), s(2), s(1), s(0),
                s(1))));
        c.add(error(op, "Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got "
                + "input.size(1)=6 and kernel_size=(2, 2).", s(1, 6, 4), foldAttrs(s(3), s(2), s(1), s(0), s(1))));
        c.add(error(op, "Given output_size=(3, 3), kernel_size=(2, 2), dilation=(1, 1), padding=(0, 0), stride=(1, 1),"
                + " expected size of input's dimension 2 to match the calculated number of sliding blocks 2 * 2 = 4, "
                + "but got input.size(2)=5.", s(1, 4, 5), foldAttrs(s(3), s(2), s(1), s(0), s(1))));
        c.add(error(op, "Given output_size=(1, 1), kernel_size=(3, 3), dilation=(1, 1), padding=(0, 0), stride=(1, 1),"
                + " calculated shape of the array of sliding blocks as (-1, -1), which is too small (non-positive)",
                s(1, 9, 1), foldAttrs(s(1), s(3), s(1), s(0), s(1))));
        c.add(error(op, "Expected output spatial size to be positive, but got: output_size=(0, 2).", s(1, 4, 1),
                foldAttrs(s(0, 2), s(2), s(1), s(1, 0), s(1))));
        return OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.templateShapes("the input's last dim must be the number of windows the output size, "
                        + "kernel, dilation, padding and stride give"))
                .nano((in, a) -> Nano.fold(in[0], a.getInts("output"), a.getInts("kernel"), a.getInts("dilation"),
                        a.getInts("padding"), a.getInts("stride")))
                .torchKernel(COL2IM, (in, a) -> COL2IM.call(in[0], pair(a.getInts("output")), pair(a.getInts("kernel")),
                        pair(a.getInts("dilation")), pair(a.getInts("padding")), pair(a.getInts("stride"))))
                .samples(c)
                .exclude(Kind.BROADCAST, ONE_INPUT)
                .exclude(Kind.SCALAR, NO_SCALAR)
                .exclude(Kind.ZERO_DIM, NO_ZERO_DIM)
                .exclude(Kind.DIMS, NO_DIMS)
                .exclude(Kind.NONDIFF, LINEAR)
                .build();
    }
}
