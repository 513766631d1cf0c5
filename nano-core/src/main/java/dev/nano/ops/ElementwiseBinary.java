package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

import java.util.Arrays;

/**
 * An elementwise op {@code out = f(a, b)} with PyTorch broadcasting. A subclass gives the value
 * and the two local gradients; this class does the broadcasting. The gradients it returns have
 * the output's (broadcast) shape: the engine sums them back to each input's shape.
 */
public abstract class ElementwiseBinary extends Function {

    abstract double f(double a, double b);

    /** dL/da at one output element, given dL/dout = {@code g}. */
    abstract double gradA(double g, double a, double b, double out);

    /** dL/db at one output element, given dL/dout = {@code g}. */
    abstract double gradB(double g, double a, double b, double out);

    /**
     * Whether the local gradients read the operands or the result. Those of add and sub do not,
     * so, like PyTorch's AddBackward0, they save no tensors, and a graph through them can be
     * walked again after a backward has freed what other nodes saved.
     */
    boolean gradientReadsValues() {
        return true;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor a = inputs[0];
        Tensor b = inputs[1];
        int[] shape = Shape.broadcast(a.shape(), b.shape());
        double[] as = a.data();
        double[] bs = b.data();
        double[] out = new double[Shape.numel(shape)];
        if (Arrays.equals(a.shape(), b.shape())) {
            for (int i = 0; i < out.length; i++) {
                out[i] = f(as[i], bs[i]);
            }
        } else {
            int[] ia = Shape.broadcastMap(a.shape(), shape);
            int[] ib = Shape.broadcastMap(b.shape(), shape);
            for (int i = 0; i < out.length; i++) {
                out[i] = f(as[ia[i]], bs[ib[i]]);
            }
        }
        Tensor result = new Tensor(out, shape, DType.FLOAT64);
        if (gradientReadsValues()) {
            ctx.saveForBackward(a, b, result);
        }
        return result;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        if (!gradientReadsValues()) {
            return new Tensor[] {
                ctx.needsInputGrad(0) ? fromUpstreamOnly(gradOutput, true) : null,
                ctx.needsInputGrad(1) ? fromUpstreamOnly(gradOutput, false) : null};
        }
        Tensor[] saved = ctx.savedTensors();
        Tensor a = saved[0];
        Tensor b = saved[1];
        double[] out = saved[2].data();
        int[] shape = saved[2].shape();
        int[] ia = Shape.broadcastMap(a.shape(), shape);
        int[] ib = Shape.broadcastMap(b.shape(), shape);
        double[] as = a.data();
        double[] bs = b.data();
        double[] g = gradOutput.data();
        Tensor gradA = null;
        Tensor gradB = null;
        if (ctx.needsInputGrad(0)) {
            double[] ga = new double[out.length];
            for (int i = 0; i < out.length; i++) {
                ga[i] = gradA(g[i], as[ia[i]], bs[ib[i]], out[i]);
            }
            gradA = new Tensor(ga, shape, DType.FLOAT64);
        }
        if (ctx.needsInputGrad(1)) {
            double[] gb = new double[out.length];
            for (int i = 0; i < out.length; i++) {
                gb[i] = gradB(g[i], as[ia[i]], bs[ib[i]], out[i]);
            }
            gradB = new Tensor(gb, shape, DType.FLOAT64);
        }
        return new Tensor[] {gradA, gradB};
    }

    /** A local gradient that depends on the upstream gradient alone (values passed as 0, unread). */
    private Tensor fromUpstreamOnly(Tensor gradOutput, boolean forA) {
        double[] g = gradOutput.data();
        double[] r = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            r[i] = forA ? gradA(g[i], 0, 0, 0) : gradB(g[i], 0, 0, 0);
        }
        return new Tensor(r, gradOutput.shape(), DType.FLOAT64);
    }
}
