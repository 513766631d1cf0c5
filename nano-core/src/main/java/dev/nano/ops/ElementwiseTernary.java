package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Parallel;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

import java.util.Arrays;

/**
 * An elementwise op {@code out = f(a, b, c)} of three broadcasting tensors ({@code lerp addcmul
 * addcdiv}). Like {@link ElementwiseBinary}, a subclass gives the value and one local gradient per
 * operand, and the gradients have the output's shape (the engine sums them back to each input's).
 * Equal shapes take one flat loop; any broadcast reads through index maps.
 */
public abstract class ElementwiseTernary extends Function {

    abstract double f(double a, double b, double c);

    /** dL/d(operand {@code which}) at one output element, given dL/dout = {@code g}. */
    abstract double grad(int which, double g, double a, double b, double c);

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor a = inputs[0];
        Tensor b = inputs[1];
        Tensor c = inputs[2];
        // As TensorIterator: the shapes broadcast left to right, so a mismatch names the shape so far and the next.
        int[] shape = Shape.broadcast(Shape.broadcast(a.shape(), b.shape()), c.shape());
        double[] as = a.data();
        double[] bs = b.data();
        double[] cs = c.data();
        double[] out = new double[Shape.numel(shape)];
        if (sameShapes(shape, a, b, c)) {
            Parallel.forRange(out.length, ElementwiseUnary.GRAIN, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = f(as[i], bs[i], cs[i]);
                }
            });
        } else {
            int[] ia = Shape.broadcastMap(a.shape(), shape);
            int[] ib = Shape.broadcastMap(b.shape(), shape);
            int[] ic = Shape.broadcastMap(c.shape(), shape);
            for (int i = 0; i < out.length; i++) {
                out[i] = f(as[ia[i]], bs[ib[i]], cs[ic[i]]);
            }
        }
        ctx.saveForBackward(a, b, c);
        return new Tensor(out, shape, DType.FLOAT64);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor[] saved = ctx.savedTensors();
        int[] shape = gradOutput.shape();
        boolean same = sameShapes(shape, saved);
        int[][] maps = new int[3][];
        double[][] values = new double[3][];
        for (int k = 0; k < 3; k++) {
            maps[k] = same ? null : Shape.broadcastMap(saved[k].shape(), shape);
            values[k] = saved[k].data();
        }
        double[] g = gradOutput.data();
        Tensor[] grads = new Tensor[3];
        for (int k = 0; k < 3; k++) {
            if (!ctx.needsInputGrad(k)) {
                continue;
            }
            double[] r = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                double av = values[0][same ? i : maps[0][i]];
                double bv = values[1][same ? i : maps[1][i]];
                double cv = values[2][same ? i : maps[2][i]];
                r[i] = grad(k, g[i], av, bv, cv);
            }
            grads[k] = new Tensor(r, shape, DType.FLOAT64);
        }
        return grads;
    }

    private static boolean sameShapes(int[] shape, Tensor... operands) {
        for (Tensor t : operands) {
            if (!Arrays.equals(t.shape(), shape)) {
                return false;
            }
        }
        return true;
    }
}
