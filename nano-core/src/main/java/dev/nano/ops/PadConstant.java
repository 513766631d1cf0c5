package dev.nano.ops;

import dev.nano.Checks;
import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

import java.util.Arrays;

/**
 * {@code F.pad(x, pad, mode="constant", value)}. {@code pad} holds (before, after) pairs, the
 * first pair for the last dim, the next for the dim before it, and so on. A negative amount crops
 * instead of padding. The output is filled with {@code value} and the kept part of the input is
 * copied into place; the gradient is the matching part of the output gradient (PyTorch's
 * backward is {@code constant_pad_nd(grad, -pad)}: the padding cut off, the cropped part zero).
 */
final class PadConstant {
    private PadConstant() {
    }

    static Tensor pad(Tensor x, int[] pad, double value) {
        if (pad.length % 2 != 0) {
            throw new IllegalArgumentException("Padding length must be divisible by 2");
        }
        int[] shape = x.shape();
        int rank = shape.length;
        if (pad.length > 2 * rank) {
            throw new IllegalArgumentException("Padding length should be less than or equal to two times the input"
                    + " dimension but got padding length " + pad.length + " and input of dimension " + rank);
        }
        int[] outShape = shape.clone();
        int[] kept = shape.clone(); // the part of the input that survives cropping
        int[] inStart = new int[rank];
        int[] outStart = new int[rank];
        boolean padsSomething = false;
        for (int d = rank - pad.length / 2; d < rank; d++) {
            int before = pad[2 * (rank - 1 - d)];
            int after = pad[2 * (rank - 1 - d) + 1];
            long cropBefore = Math.max(-(long) before, 0);
            long cropAfter = Math.max(-(long) after, 0);
            if (shape[d] - cropBefore - cropAfter < 0) {
                // PyTorch crops with narrow() first, and narrow() is what complains.
                throw new IllegalArgumentException("narrow(): length must be non-negative.");
            }
            kept[d] = (int) (shape[d] - cropBefore - cropAfter);
            inStart[d] = (int) cropBefore;
            outStart[d] = Math.max(before, 0);
            // In long: 2e9 of padding must fail clearly, not wrap negative. (Never negative here: the
            // crop check above keeps shape + before + after >= the kept size >= 0.)
            outShape[d] = Checks.numel("pad", (long) shape[d] + before + after);
            padsSomething |= before > 0 || after > 0;
        }
        if (padsSomething) {
            // Only cropping returns the cropped view as it is; once anything is padded, PyTorch
            // requires every padded dim to come out non-empty, even one that was empty before.
            for (int d = rank - pad.length / 2; d < rank; d++) {
                if (outShape[d] <= 0) {
                    throw new IllegalArgumentException("The input size " + shape[d] + ", plus negative padding "
                            + pad[2 * (rank - 1 - d)] + " and " + pad[2 * (rank - 1 - d) + 1] + " resulted in a"
                            + " negative output size, which is invalid. Check dimension " + d + " of your input.");
                }
            }
        }
        Checks.numel("pad", outShape);
        if (padsSomething && x.dtype() == DType.INT64 && overflowsInt64(value)) {
            // fill_ converts the value with c10::checked_convert (c10/util/TypeCast.h): NaN, ±inf and
            // values beyond int64's range are refused. Only cropping fills nothing, and PyTorch's
            // constant_pad_nd then returns before fill_, so it accepts any value.
            throw new IllegalArgumentException("value cannot be converted to type int64_t without overflow");
        }
        int[] from = Shape.stridedIndices(kept, Shape.strides(shape), offset(inStart, shape));
        int[] to = Shape.stridedIndices(kept, Shape.strides(outShape), offset(outStart, outShape));
        return new ConstantPadNd(outShape, from, to, value).apply(x);
    }

    /** c10's overflows&lt;int64_t, double&gt;: NaN, or outside [lowest, max] compared in double. */
    private static boolean overflowsInt64(double v) {
        return Double.isNaN(v) || v < (double) Long.MIN_VALUE || v > (double) Long.MAX_VALUE;
    }

    private static int offset(int[] coord, int[] shape) {
        int[] strides = Shape.strides(shape);
        int offset = 0;
        for (int d = 0; d < coord.length; d++) {
            offset += coord[d] * strides[d];
        }
        return offset;
    }

    /** Copies input element {@code from[i]} to output element {@code to[i]}; the rest is {@code value}. */
    static final class ConstantPadNd extends Function {
        /** Moves or copies values without computing new ones, so every dtype is kept as it is. */
        @Override
        protected boolean computesValues() {
            return false;
        }

        private final int[] outputShape;
        private final int[] from;
        private final int[] to;
        private final double value;
        private int[] inputShape;

        ConstantPadNd(int[] outputShape, int[] from, int[] to, double value) {
            this.outputShape = outputShape.clone();
            this.from = from;
            this.to = to;
            this.value = value;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor x = inputs[0];
            inputShape = x.shape();
            double[] xs = x.data();
            double[] out = new double[Shape.numel(outputShape)];
            Arrays.fill(out, castTo(x.dtype(), value));
            for (int i = 0; i < from.length; i++) {
                out[to[i]] = xs[from[i]];
            }
            return new Tensor(out, outputShape, x.dtype());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            double[] g = gradOutput.data();
            double[] gx = new double[Shape.numel(inputShape)];
            for (int i = 0; i < from.length; i++) {
                gx[from[i]] = g[to[i]];
            }
            return new Tensor[] {new Tensor(gx, inputShape, DType.FLOAT64)};
        }

        /** The fill value as the tensor's type holds it (PyTorch's {@code fill_} casts). */
        private static double castTo(DType dtype, double v) {
            switch (dtype) {
                case INT64:
                    return (long) v;
                case BOOL:
                    return v != 0 ? 1 : 0;
                default:
                    return v;
            }
        }
    }
}
