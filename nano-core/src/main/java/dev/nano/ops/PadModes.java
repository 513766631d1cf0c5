package dev.nano.ops;

import dev.nano.Checks;
import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code F.pad(x, pad, mode)} for the modes that copy the input's own values into the border:
 * {@code reflect} (mirrored, the edge itself not repeated), {@code replicate} (the edge repeated)
 * and {@code circular} (wrapped around). {@code constant} goes to {@link PadConstant}.
 *
 * <p>Every output element is a copy of one input element, so each mode is only a rule giving
 * that element's index, dim by dim; one {@link PadGather} copies forward and adds the gradient
 * back (where a border repeats an element, its gradients add up). The rules and the checks are
 * PyTorch's: aten/src/ATen/native/PadNd.cpp ({@code _pad_enum}, {@code _pad_circular_symint}),
 * ReflectionPad.cpp, ReplicationPadding.cpp and Padding.h ({@code check_valid_input}). PyTorch
 * pads 1, 2 or 3 trailing dims of a batched or unbatched input with these modes.
 */
public final class PadModes {
    private PadModes() {
    }

    /**
     * {@code F.pad(x, pad, mode)}.
     * @param x the input: (N, C, spatial...) or (C, spatial...) with 1 to 3 spatial dims
     * @param pad (before, after) pairs, last dim first; one pair per spatial dim (negative crops)
     * @param mode "constant", "reflect", "replicate" or "circular"
     * @return the padded tensor
     */
    public static Tensor pad(Tensor x, int[] pad, String mode) {
        Checks.notNull("pad", "input", x);
        Checks.notNull("pad", "pad", pad);
        Checks.notNull("pad", "mode", mode);
        if (!mode.equals("reflect") && !mode.equals("constant") && !mode.equals("replicate")
                && !mode.equals("circular")) {
            throw new UnsupportedOperationException("Unrecognised padding mode " + mode);
        }
        int rank = x.dim();
        if (pad.length % 2 != 0) {
            throw new IllegalArgumentException("Padding length must be divisible by 2");
        }
        if (pad.length > 2 * rank) {
            throw new IllegalArgumentException("Padding length should be less than or equal to two times the input"
                    + " dimension but got padding length " + pad.length + " and input of dimension " + rank);
        }
        if (mode.equals("constant")) {
            return PadConstant.pad(x, pad, 0.0);
        }
        int spatial = pad.length / 2;
        if (spatial < 1 || spatial > 3 || rank < spatial + 1 || rank > spatial + 2) {
            throw new UnsupportedOperationException(
                    "Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now");
        }
        if (mode.equals("circular")) {
            return circular(x, pad, spatial);
        }
        checkValidInput(x, pad, spatial);
        return mode.equals("reflect") ? reflect(x, pad, spatial) : replicate(x, pad, spatial);
    }

    /** Padding.h's {@code check_valid_input}: only the batch dim may be empty. */
    private static void checkValidInput(Tensor x, int[] pad, int spatial) {
        int[] shape = x.shape();
        boolean batched = shape.length == spatial + 2;
        boolean valid = true;
        for (int d = batched ? 1 : 0; d < shape.length; d++) {
            valid &= shape[d] != 0;
        }
        if (!valid) {
            throw new IllegalArgumentException("Expected " + (spatial + 1) + "D or " + (spatial + 2) + "D (batch mode) "
                    + "tensor with possibly 0 batch size and other non-zero dimensions for input, but got: "
                    + Shape.toString(shape));
        }
    }

    /**
     * reflection_pad{1,2,3}d: {@code j < before} reads {@code 2·before − j}, {@code j} past the
     * input reads {@code 2·(size + before − 1) − j}, in the padded frame; the same formula with a
     * negative {@code before} crops.
     */
    private static Tensor reflect(Tensor x, int[] pad, int spatial) {
        int[] shape = x.shape();
        int rank = shape.length;
        // ReflectionPad.cpp checks width, then height, then depth; "Argument #" counts the pad list's entries
        for (int i = 0; i < spatial; i++) {
            int d = rank - 1 - i;
            int before = pad[2 * i];
            int after = pad[2 * i + 1];
            if (!(before < shape[d] && after < shape[d])) {
                throw new IllegalArgumentException("Argument #" + (4 + 2 * i) + ": Padding size should be less than the "
                        + "corresponding input dimension, but got: padding (" + before + ", " + after
                        + ") at dimension " + d + " of input " + Shape.toString(shape));
            }
        }
        checkOutputSize(shape, pad, spatial, false);
        int[][] sources = new int[spatial][];
        for (int i = 0; i < spatial; i++) {
            int size = shape[rank - 1 - i];
            int before = pad[2 * i];
            int out = size + before + pad[2 * i + 1];
            int[] src = new int[out];
            int inStart = Math.max(0, -before);
            int outStart = Math.max(0, before);
            for (int j = 0; j < out; j++) {
                int at = j < before ? 2 * before - j : j < size + before ? j : 2 * (size + before - 1) - j;
                src[j] = at - outStart + inStart;
            }
            sources[i] = src;
        }
        return gather(x, sources);
    }

    /** replication_pad{1,2,3}d: the index clamped into the input. */
    private static Tensor replicate(Tensor x, int[] pad, int spatial) {
        int[] shape = x.shape();
        int rank = shape.length;
        checkOutputSize(shape, pad, spatial, true);
        int[][] sources = new int[spatial][];
        for (int i = 0; i < spatial; i++) {
            int size = shape[rank - 1 - i];
            int before = pad[2 * i];
            int out = size + before + pad[2 * i + 1];
            int[] src = new int[out];
            int inStart = Math.max(0, -before);
            int outStart = Math.max(0, before);
            for (int j = 0; j < out; j++) {
                int at = j < before ? before : j < size + before ? j : size + before - 1;
                src[j] = at - outStart + inStart;
            }
            sources[i] = src;
        }
        return gather(x, sources);
    }

    /**
     * The output-size check the reflection and replication kernels share, in their words.
     */
    private static void checkOutputSize(int[] shape, int[] pad, int spatial, boolean replication) {
        int rank = shape.length;
        long[] in = new long[spatial];
        long[] out = new long[spatial];
        boolean positive = false;
        for (int i = 0; i < spatial; i++) {
            in[i] = shape[rank - 1 - i];
            out[i] = in[i] + pad[2 * i] + pad[2 * i + 1];
            positive |= out[i] >= 1;
        }
        // PyTorch's 2-d and 3-d kernels refuse only an output empty in every dim (output_w >= 1 ||
        // output_h >= 1): one empty dim gives an empty result
        if (positive) {
            for (int i = 0; i < spatial; i++) {
                if (out[i] < 0) { // the output's allocation is what refuses it, in c10's numel check
                    throw new IllegalArgumentException("numel: integer multiplication overflow");
                }
            }
            return;
        }
        // the kernels' own spellings (ReflectionPad.cpp, ReplicationPadding.cpp): 2-d puts a comma between H
        // and W (replication also a space before the parenthesis), 3-d none after D
        String inText = spatial == 1 ? "W: " + in[0] + ")"
                : spatial == 2 ? "H: " + in[1] + ", W: " + in[0] + (replication ? " )" : ")")
                : "D: " + in[2] + " H: " + in[1] + ", W: " + in[0] + ")";
        String outText = spatial == 1 ? "W: " + out[0]
                : spatial == 2 ? "H: " + out[1] + " W: " + out[0]
                : "D: " + out[2] + " H: " + out[1] + " W: " + out[0];
        throw new IllegalArgumentException("input (" + inText + " is too small. Calculated output " + outText);
    }

    /**
     * {@code _pad_circular_symint}: the cropped input (negative pads) wrapped around, each pad at
     * most the dim's size.
     */
    private static Tensor circular(Tensor x, int[] pad, int spatial) {
        int[] shape = x.shape();
        int rank = shape.length;
        int nonPadded = rank - spatial;
        if (nonPadded != 1 && nonPadded != 2) {
            throw new IllegalArgumentException("Invalid padding size, expected 1 or 2 non-padded dimensions, which "
                    + "would be equivalent to padding of length " + (rank - 1) * 2 + " or " + (rank - 2) * 2
                    + " respectively but got " + pad.length);
        }
        int[][] sources = new int[spatial][];
        for (int i = spatial - 1; i >= 0; i--) { // PyTorch checks the first padded dim first
            int size = shape[rank - 1 - i];
            int before = pad[2 * i];
            int after = pad[2 * i + 1];
            long out = (long) size + before + after;
            if (!(before <= size && after <= size)) {
                throw new IllegalArgumentException("Padding value causes wrapping around more than once.");
            }
            if (out < 0) {
                throw new IllegalArgumentException("Negative padding value is resulting in an empty dimension");
            }
            int inStart = Math.max(0, -before);
            int kept = size - inStart - Math.max(0, -after);
            int outStart = Math.max(0, before);
            if (kept == 0 && out > 0) {
                // PyTorch would copy from a region it never wrote (uninitialized memory): refused instead
                throw new IllegalArgumentException("circular padding: dim " + (rank - 1 - i) + " is cropped to nothing "
                        + "by padding (" + before + ", " + after + "), so there is nothing to wrap around");
            }
            int[] src = new int[(int) out];
            for (int j = 0; j < out; j++) {
                src[j] = inStart + Math.floorMod(j - outStart, kept);
            }
            sources[i] = src;
        }
        return gather(x, sources);
    }

    /**
     * The copy for index rules given per padded dim ({@code sources[0]} for the last dim): every
     * output element's input index, computed once.
     */
    private static Tensor gather(Tensor x, int[][] sources) {
        int[] shape = x.shape();
        int rank = shape.length;
        int spatial = sources.length;
        int[] outShape = shape.clone();
        for (int i = 0; i < spatial; i++) {
            outShape[rank - 1 - i] = sources[i].length;
        }
        int total = Checks.numel("pad", outShape);
        int[] inStrides = Shape.strides(shape);
        int[] from = new int[total];
        int[] index = new int[rank];
        for (int o = 0; o < total; o++) {
            int at = 0;
            for (int d = 0; d < rank; d++) {
                int i = rank - 1 - d;
                at += (i < spatial ? sources[i][index[d]] : index[d]) * inStrides[d];
            }
            from[o] = at;
            for (int d = rank - 1; d >= 0 && ++index[d] == outShape[d]; d--) {
                index[d] = 0;
            }
        }
        return new PadGather(outShape, from).apply(x);
    }

    /**
     * {@code out[i] = x[from[i]]}; backward adds {@code grad[i]} into {@code from[i]} in output
     * order, the order of PyTorch's reflection/replication backward loops.
     */
    static final class PadGather extends Function {
        private final int[] outputShape;
        private final int[] from;
        private int[] inputShape;

        PadGather(int[] outputShape, int[] from) {
            this.outputShape = outputShape;
            this.from = from;
        }

        /** Copies values without computing new ones, so every dtype is kept as it is. */
        @Override
        protected boolean computesValues() {
            return false;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor x = inputs[0];
            inputShape = x.shape();
            double[] xs = x.data();
            double[] out = new double[from.length];
            for (int i = 0; i < from.length; i++) {
                out[i] = xs[from[i]];
            }
            return new Tensor(out, outputShape, x.dtype());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            double[] g = gradOutput.data();
            double[] gx = new double[Shape.numel(inputShape)];
            for (int i = 0; i < from.length; i++) {
                gx[from[i]] += g[i];
            }
            return new Tensor[] {new Tensor(gx, inputShape, DType.FLOAT64)};
        }
    }
}
