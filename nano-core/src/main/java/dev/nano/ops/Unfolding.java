package dev.nano.ops;

import dev.nano.Checks;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code F.unfold} (im2col: every sliding window of an image becomes one column) and {@code F.fold}
 * (col2im: the columns added back into an image), each the other's gradient. Both run on
 * {@link Im2Col}, the geometry the convolutions use. The checks are PyTorch's, in its order and
 * words: aten/src/ATen/native/Im2Col.cpp and Col2Im.cpp (the argument lists), then
 * aten/src/ATen/native/im2col_shape_check.h ({@code im2col_shape_check}, {@code col2im_shape_check}).
 */
public final class Unfolding {
    private Unfolding() {
    }

    /**
     * {@code F.unfold(input, kernel_size, dilation, padding, stride)}.
     * @param input (N, C, H, W), or unbatched (C, H, W)
     * @param kernelSize one value or (kH, kW)
     * @param dilation one value or (dH, dW)
     * @param padding one value or (pH, pW): zeros on both sides
     * @param stride one value or (sH, sW)
     * @return (N, C·kH·kW, L) with L the number of window positions; (C·kH·kW, L) for an unbatched input
     */
    public static Tensor unfold(Tensor input, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        Checks.notNull("im2col", "input", input);
        int[] k = pair("kernel_size", kernelSize);
        int[] d = pair("dilation", dilation);
        int[] p = pair("padding", padding);
        int[] s = pair("stride", stride);
        checkKernel(k);
        checkDilation(d);
        checkPadding(p);
        checkStride(s);
        int[] in = input.shape();
        int ndim = in.length;
        // im2col_shape_check reads input.size(1) and size(2) first: fewer dims fail there, as in PyTorch
        boolean validDims = input.size(1) != 0 && input.size(2) != 0;
        if (!((ndim == 3 && in[0] != 0 && validDims) || (ndim == 4 && validDims && in[3] != 0))) {
            throw new IllegalArgumentException("Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and "
                    + "other non-zero dimensions for input, but got: " + Shape.toString(in));
        }
        boolean unbatched = ndim == 3;
        int n = unbatched ? 1 : in[0];
        int channels = in[ndim - 3];
        int h = in[ndim - 2];
        int w = in[ndim - 1];
        long outH = Math.floorDiv((long) h + 2L * p[0] - ((long) d[0] * (k[0] - 1) + 1), s[0]) + 1;
        long outW = Math.floorDiv((long) w + 2L * p[1] - ((long) d[1] * (k[1] - 1) + 1), s[1]) + 1;
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("Given input with spatial size (" + h + ", " + w + "), kernel_size=("
                    + k[0] + ", " + k[1] + "), dilation=(" + d[0] + ", " + d[1] + "), padding=(" + p[0] + ", " + p[1]
                    + "), calculated shape of the array of sliding blocks as (" + outH + ", " + outW
                    + "), but its components must be at least one.");
        }
        Im2Col geometry = new Im2Col(channels, h, w, k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], (int) outH,
                (int) outW);
        Checks.numel("im2col", (long) n, (long) channels * k[0] * k[1], outH * outW);
        Tensor out = new Im2ColFunction(geometry).apply(input.reshape(n, channels, h, w));
        return unbatched ? out.reshape(geometry.rows(), geometry.cols()) : out;
    }

    /**
     * {@code F.fold(input, output_size, kernel_size, dilation, padding, stride)}: the adjoint of
     * {@link #unfold}; where windows overlap, their entries add up.
     * @param input (N, C·kH·kW, L), or unbatched (C·kH·kW, L)
     * @param outputSize one value or (H, W): the image's spatial size
     * @param kernelSize one value or (kH, kW)
     * @param dilation one value or (dH, dW)
     * @param padding one value or (pH, pW)
     * @param stride one value or (sH, sW)
     * @return (N, C, H, W), or (C, H, W) for an unbatched input
     */
    public static Tensor fold(Tensor input, int[] outputSize, int[] kernelSize, int[] dilation, int[] padding,
                              int[] stride) {
        Checks.notNull("col2im", "input", input);
        int[] o = pair("output_size", outputSize);
        int[] k = pair("kernel_size", kernelSize);
        int[] d = pair("dilation", dilation);
        int[] p = pair("padding", padding);
        int[] s = pair("stride", stride);
        checkKernel(k);
        checkStride(s);
        checkDilation(d);
        checkPadding(p);
        int[] in = input.shape();
        int ndim = in.length;
        if (!((ndim == 2 && in[0] != 0 && in[1] != 0) || (ndim == 3 && in[1] != 0 && in[2] != 0))) {
            throw new IllegalArgumentException("Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch "
                    + "size and non-zero dimensions for input, but got: " + Shape.toString(in));
        }
        boolean unbatched = ndim == 2;
        int planes = in[ndim - 2];
        int length = in[ndim - 1];
        long kernelArea = (long) k[0] * k[1];
        if (planes % kernelArea != 0) {
            throw new IllegalArgumentException("Expected size of input's dimension 1 to be divisible by the product of "
                    + "kernel_size, but got input.size(1)=" + planes + " and kernel_size=(" + k[0] + ", " + k[1] + ").");
        }
        long blocksH = Math.floorDiv((long) o[0] + 2L * p[0] - (long) d[0] * (k[0] - 1) - 1, s[0]) + 1;
        long blocksW = Math.floorDiv((long) o[1] + 2L * p[1] - (long) d[1] * (k[1] - 1) - 1, s[1]) + 1;
        String given = "Given output_size=(" + o[0] + ", " + o[1] + "), kernel_size=(" + k[0] + ", " + k[1]
                + "), dilation=(" + d[0] + ", " + d[1] + "), padding=(" + p[0] + ", " + p[1] + "), stride=(" + s[0]
                + ", " + s[1] + "), ";
        if (length != blocksH * blocksW) {
            throw new IllegalArgumentException(given + "expected size of input's dimension 2 to match the calculated "
                    + "number of sliding blocks " + blocksH + " * " + blocksW + " = " + blocksH * blocksW
                    + ", but got input.size(2)=" + length + ".");
        }
        if (blocksH < 1 || blocksW < 1) {
            throw new IllegalArgumentException(given + "calculated shape of the array of sliding blocks as (" + blocksH
                    + ", " + blocksW + "), which is too small (non-positive)");
        }
        if (o[0] < 1 || o[1] < 1) {
            throw new IllegalArgumentException("Expected output spatial size to be positive, but got: output_size=("
                    + o[0] + ", " + o[1] + ").");
        }
        int n = unbatched ? 1 : in[0];
        int channels = (int) (planes / kernelArea);
        Im2Col geometry = new Im2Col(channels, o[0], o[1], k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1],
                (int) blocksH, (int) blocksW);
        Checks.numel("col2im", (long) n, channels, o[0], o[1]);
        Tensor out = new Col2ImFunction(geometry).apply(input.reshape(n, planes, length));
        return unbatched ? out.reshape(channels, o[0], o[1]) : out;
    }

    /** torch.nn.functional's {@code _pair}: one value stands for both dims (Im2Col.cpp wants exactly 2). */
    private static int[] pair(String name, int[] values) {
        Checks.notNull("im2col", name, values);
        if (values.length == 1) {
            return new int[] {values[0], values[0]};
        }
        if (values.length != 2) {
            throw new IllegalArgumentException("It is expected " + name + " equals to 2, but got size "
                    + values.length);
        }
        return values.clone();
    }

    private static void checkKernel(int[] k) {
        if (!(k[1] > 0 && k[0] > 0)) {
            throw new IllegalArgumentException("kernel size should be greater than zero, but got kernel_height: " + k[0]
                    + " kernel_width: " + k[1]);
        }
    }

    private static void checkDilation(int[] d) {
        if (!(d[1] > 0 && d[0] > 0)) {
            throw new IllegalArgumentException("dilation should be greater than zero, but got dilation_height: " + d[0]
                    + " dilation_width: " + d[1]);
        }
    }

    private static void checkPadding(int[] p) {
        if (!(p[1] >= 0 && p[0] >= 0)) {
            throw new IllegalArgumentException("padding should be non-negative, but got pad_height: " + p[0]
                    + " pad_width: " + p[1]);
        }
    }

    private static void checkStride(int[] s) {
        if (!(s[1] > 0 && s[0] > 0)) {
            throw new IllegalArgumentException("stride should be greater than zero, but got stride_height: " + s[0]
                    + " stride_width: " + s[1]);
        }
    }

    /** (N, C, H, W) → (N, C·kH·kW, L), one {@link Im2Col#im2col} per sample; backward adds back by col2im. */
    static final class Im2ColFunction extends Function {
        private final Im2Col geometry;
        private int[] inputShape;

        Im2ColFunction(Im2Col geometry) {
            this.geometry = geometry;
        }

        @Override
        public String name() {
            return "Im2ColBackward0";
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor x = inputs[0];
            inputShape = x.shape();
            int n = inputShape[0];
            int image = geometry.channels() * geometry.height() * geometry.width();
            int block = geometry.rows() * geometry.cols();
            double[] xs = x.data();
            double[] out = new double[n * block];
            double[] cols = new double[block];
            for (int s = 0; s < n; s++) {
                geometry.im2col(xs, s * image, cols);
                System.arraycopy(cols, 0, out, s * block, block);
            }
            return new Tensor(out, n, geometry.rows(), geometry.cols());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            int n = inputShape[0];
            int image = geometry.channels() * geometry.height() * geometry.width();
            int block = geometry.rows() * geometry.cols();
            double[] g = gradOutput.data();
            double[] gx = new double[n * image];
            double[] cols = new double[block];
            for (int s = 0; s < n; s++) {
                System.arraycopy(g, s * block, cols, 0, block);
                geometry.col2imAdd(cols, gx, s * image);
            }
            return new Tensor[] {new Tensor(gx, inputShape)};
        }
    }

    /** (N, C·kH·kW, L) → (N, C, H, W), one {@link Im2Col#col2imAdd} per sample; backward is im2col. */
    static final class Col2ImFunction extends Function {
        private final Im2Col geometry;
        private int[] inputShape;

        Col2ImFunction(Im2Col geometry) {
            this.geometry = geometry;
        }

        @Override
        public String name() {
            return "Col2ImBackward0";
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor x = inputs[0];
            inputShape = x.shape();
            int n = inputShape[0];
            int image = geometry.channels() * geometry.height() * geometry.width();
            int block = geometry.rows() * geometry.cols();
            double[] xs = x.data();
            double[] out = new double[n * image];
            double[] cols = new double[block];
            for (int s = 0; s < n; s++) {
                System.arraycopy(xs, s * block, cols, 0, block);
                geometry.col2imAdd(cols, out, s * image);
            }
            return new Tensor(out, n, geometry.channels(), geometry.height(), geometry.width());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            int n = inputShape[0];
            int image = geometry.channels() * geometry.height() * geometry.width();
            int block = geometry.rows() * geometry.cols();
            double[] g = gradOutput.data();
            double[] gx = new double[n * block];
            double[] cols = new double[block];
            for (int s = 0; s < n; s++) {
                geometry.im2col(g, s * image, cols);
                System.arraycopy(cols, 0, gx, s * block, block);
            }
            return new Tensor[] {new Tensor(gx, inputShape)};
        }
    }
}
