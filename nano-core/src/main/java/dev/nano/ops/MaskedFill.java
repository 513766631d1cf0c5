package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code torch.masked_fill(x, mask, value)}: {@code value} where the bool {@code mask} is true, else
 * {@code x}. The out-of-place form expands {@code x} and {@code mask} against each other first
 * (aten/src/ATen/native/TensorAdvancedIndexing.cpp, {@code masked_fill}: {@code expand_outplace}),
 * so either may broadcast. The result keeps {@code x}'s dtype, the value cast into it as
 * {@code fill_} casts. The gradient (tools/autograd/derivatives.yaml,
 * {@code self: grad.masked_fill(mask, 0)}) is the upstream gradient where the mask is false.
 */
public final class MaskedFill {
    private MaskedFill() {
    }

    /**
     * {@code torch.masked_fill(x, mask, value)}.
     * @param x the input
     * @param mask a bool tensor; broadcasts against {@code x}
     * @param value the fill value
     * @return a new tensor of the broadcast shape and {@code x}'s dtype
     */
    public static Tensor maskedFill(Tensor x, Tensor mask, double value) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_fill_ only supports boolean masks, but got mask with dtype "
                    + cppTypeName(mask.dtype()));
        }
        int[] out = Shape.broadcast(mask.shape(), x.shape()); // expand_outplace(mask, self): the mask is tensor a
        if (x.dtype() == DType.INT64 && (Double.isNaN(value) || Double.isInfinite(value))) {
            // fill_ converts with c10::checked_convert (c10/util/TypeCast.h): no NaN or inf in an int64.
            throw new IllegalArgumentException("value cannot be converted to type int64_t without overflow");
        }
        return new Fill(out, castTo(x.dtype(), value)).apply(x, mask);
    }

    /** The name c10 prints for a dtype in masked_fill's message ({@code c10::toString} of the type meta). */
    private static String cppTypeName(DType dtype) {
        return dtype == DType.INT64 ? "long int" : "double";
    }

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

    /** PyTorch's node: MaskedFillBackward0. Input 0 is x, input 1 the mask. */
    static final class Fill extends Function {
        private final int[] outShape;
        private final double value;
        private int[] maskMap;

        Fill(int[] outShape, double value) {
            this.outShape = outShape;
            this.value = value;
        }

        /** Copies values or writes the given one: every dtype is kept. */
        @Override
        protected boolean computesValues() {
            return false;
        }

        @Override
        protected boolean isValueInput(int i) {
            return i == 0;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor x = inputs[0];
            double[] xs = x.data();
            double[] ms = inputs[1].data();
            int[] xMap = Shape.broadcastMap(x.shape(), outShape);
            maskMap = Shape.broadcastMap(inputs[1].shape(), outShape);
            double[] out = new double[xMap.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = ms[maskMap[i]] != 0 ? value : xs[xMap[i]];
            }
            ctx.saveForBackward(inputs[1]);
            return new Tensor(out, outShape, x.dtype());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            double[] ms = ctx.savedTensors()[0].data();
            double[] g = gradOutput.data();
            double[] gx = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                gx[i] = ms[maskMap[i]] != 0 ? 0.0 : g[i];
            }
            // Of the output's shape: the engine sums it back to x's shape where x was broadcast.
            return new Tensor[] {new Tensor(gx, outShape, DType.FLOAT64), null};
        }

        @Override
        public String name() {
            return "MaskedFillBackward0";
        }
    }
}
