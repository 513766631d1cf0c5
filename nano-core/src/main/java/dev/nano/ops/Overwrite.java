package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Nano;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

import java.util.Arrays;

/**
 * The in-place ops that replace values instead of combining them: {@code copy_} and
 * {@code fill_}/{@code zero_}. Their graph nodes (PyTorch's CopyBackwards, FillBackward0,
 * ZeroBackward0) send a zero gradient to the overwritten history: the old values no longer reach
 * the output, yet PyTorch still passes zeros back, so leaves behind them get a zero gradient, not none.
 */
final class Overwrite {
    private Overwrite() {
    }

    /** {@code src} broadcast to {@code shape} and converted to {@code dtype}, written into {@code out}. */
    static void copyValues(Tensor src, double[] out, int[] shape, DType dtype) {
        double[] values = src.data();
        if (Arrays.equals(src.shape(), shape) && dtype == DType.FLOAT64) {
            System.arraycopy(values, 0, out, 0, out.length);
            return;
        }
        int[] map = Shape.broadcastMap(src.shape(), shape);
        for (int i = 0; i < out.length; i++) {
            out[i] = convert(values[map[i]], dtype);
        }
    }

    /** A value as a tensor of {@code dtype} holds it: int64 rounds toward zero (C's cast), bool is "non-zero". */
    static double convert(double value, DType dtype) {
        if (dtype == DType.INT64) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("cannot convert " + value + " to torch.int64: PyTorch's result "
                        + "is undefined (a C cast of a non-finite double), so nano refuses");
            }
            return value < 0 ? Math.ceil(value) : Math.floor(value);
        }
        if (dtype == DType.BOOL) {
            return value != 0 ? 1 : 0; // NaN != 0: true, as in C
        }
        return value;
    }

    /** {@code self.copy_(src)} as a graph node: inputs (old self, src); the output is src's values in self's shape. */
    static final class CopyFrom extends Function {
        @Override public String name() { return "CopyBackwards"; }
        @Override protected boolean computesValues() { return false; }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor self = inputs[0];
            double[] out = new double[self.numel()];
            copyValues(inputs[1], out, self.shape(), DType.FLOAT64);
            return new Tensor(out, self.shape(), DType.FLOAT64);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            return new Tensor[] {
                ctx.needsInputGrad(0) ? Nano.zeros(gradOutput.shape()) : null,
                ctx.needsInputGrad(1) ? gradOutput : null}; // the engine sums it back to src's shape
        }
    }

    /** {@code fill_(value)} / {@code zero_()} as a graph node: the old values get a zero gradient. */
    static final class Fill extends Function {
        private final double value;
        private final String name;

        Fill(double value, String name) {
            this.value = value;
            this.name = name;
        }

        @Override public String name() { return name; }
        @Override protected boolean hasNumberOperand() { return true; }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            double[] out = new double[inputs[0].numel()];
            Arrays.fill(out, value);
            return new Tensor(out, inputs[0].shape(), DType.FLOAT64);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            return new Tensor[] {Nano.zeros(gradOutput.shape())};
        }
    }
}
