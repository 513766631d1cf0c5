package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Parallel;
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

    /**
     * Whether the local gradients read the result too (only pow's, {@code grad · out · log(base)}).
     * The others do not save it, as PyTorch's MulBackward0 does not: so {@code x = a * 2; x.add_(b)}
     * writes into a tensor no node needs, and backward still runs, as in PyTorch.
     */
    boolean gradientReadsResult() {
        return false;
    }

    /**
     * How both operands line up with the output when no index map is needed: the output is
     * {@code rows × width}, and element {@code (r, j)} reads {@code a[r*aRow + j*aCol]} and
     * {@code b[r*bRow + j*bCol]}. Covers equal shapes, a one-element operand, and an operand
     * that is the output's trailing dims (a bias row), which are nearly all broadcasts in practice.
     */
    record Plain(int rows, int width, int aRow, int aCol, int bRow, int bCol) {
        /** The plain layout of {@code a} and {@code b} against the broadcast {@code out}, or null. */
        static Plain of(int[] a, int[] b, int[] out) {
            int n = Shape.numel(out);
            boolean aFull = Arrays.equals(a, out);
            boolean bFull = Arrays.equals(b, out);
            if (aFull && bFull) {
                return new Plain(1, n, 0, 1, 0, 1);
            }
            if (aFull && Shape.numel(b) == 1) {
                return new Plain(1, n, 0, 1, 0, 0);
            }
            if (bFull && Shape.numel(a) == 1) {
                return new Plain(1, n, 0, 0, 0, 1);
            }
            if (aFull && isTrailing(b, out)) {
                int width = Shape.numel(b);
                return new Plain(n / width, width, width, 1, 0, 1);
            }
            if (bFull && isTrailing(a, out)) {
                int width = Shape.numel(a);
                return new Plain(n / width, width, 0, 1, width, 1);
            }
            return null;
        }

        /** Equal shapes: element i of the output reads element i of both operands. */
        boolean sameShape() {
            return rows == 1 && aCol == 1 && bCol == 1;
        }

        /** Whether {@code in}, without leading 1s, is the last dims of {@code out} (and not empty). */
        private static boolean isTrailing(int[] in, int[] out) {
            int lead = 0;
            while (lead < in.length && in[lead] == 1) {
                lead++;
            }
            int kept = in.length - lead;
            return Shape.numel(in) > 0
                    && Arrays.equals(in, lead, in.length, out, out.length - kept, out.length);
        }
    }

    /**
     * {@code out[i] = f(a[i], b[i])} for equal shapes. Add, sub, mul and div override it with the
     * loop written out, so HotSpot compiles that loop for their own {@code f} (and vectorises
     * it) instead of one loop shared by every op making a virtual call per element.
     */
    void sameShape(double[] a, double[] b, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = f(a[i], b[i]);
        }
    }

    /**
     * {@code gradA} (or {@code gradB}) over {@code [from, to)} for equal shapes; mul writes its
     * loop out, as in {@link #sameShape}.
     */
    void sameShapeGradient(boolean forA, double[] g, double[] a, double[] b, double[] out, double[] r, int from,
                           int to) {
        for (int i = from; i < to; i++) {
            double ov = out == null ? 0 : out[i];
            r[i] = forA ? gradA(g[i], a[i], b[i], ov) : gradB(g[i], a[i], b[i], ov);
        }
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor a = inputs[0];
        Tensor b = inputs[1];
        int[] shape = Shape.broadcast(a.shape(), b.shape());
        double[] out = new double[Shape.numel(shape)];
        compute(a, b, shape, out);
        Tensor result = new Tensor(out, shape, DType.FLOAT64);
        if (gradientReadsResult()) {
            ctx.saveForBackward(a, b, result);
        } else if (gradientReadsValues()) {
            ctx.saveForBackward(a, b);
        }
        return result;
    }

    /**
     * The in-place form's loop ({@code a.add_(b)} with nothing to record): {@code a[i] = f(a[i], b[...])}
     * over {@code a}'s own storage. {@code a} has the broadcast shape, so every loop of
     * {@link #compute} reads element i of {@code a} just before writing element i, and no value
     * is read after it was overwritten.
     * @param a the tensor written, of the broadcast shape
     * @param b the other operand, broadcasting to {@code a}
     */
    final void writeInto(Tensor a, Tensor b) {
        compute(a, b, a.shape(), a.data());
    }

    /** {@code out = f(a, b)} over the broadcast {@code shape}: plain layouts loop directly, others use index maps. */
    private void compute(Tensor a, Tensor b, int[] shape, double[] out) {
        double[] as = a.data();
        double[] bs = b.data();
        Plain plain = Plain.of(a.shape(), b.shape(), shape);
        if (plain != null && plain.sameShape()) {
            Parallel.forRange(out.length, ElementwiseUnary.GRAIN, (from, to) -> sameShape(as, bs, out, from, to));
        } else if (plain != null) {
            for (int r = 0, o = 0; r < plain.rows(); r++, o += plain.width()) {
                int ao = r * plain.aRow();
                int bo = r * plain.bRow();
                for (int j = 0; j < plain.width(); j++) {
                    out[o + j] = f(as[ao + j * plain.aCol()], bs[bo + j * plain.bCol()]);
                }
            }
        } else {
            int[] ia = Shape.broadcastMap(a.shape(), shape);
            int[] ib = Shape.broadcastMap(b.shape(), shape);
            for (int i = 0; i < out.length; i++) {
                out[i] = f(as[ia[i]], bs[ib[i]]);
            }
        }
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
        double[] out = saved.length > 2 ? saved[2].data() : null; // null: no gradient here reads it
        int[] shape = gradOutput.shape();
        Plain plain = Plain.of(a.shape(), b.shape(), shape);
        int[] ia = plain == null ? Shape.broadcastMap(a.shape(), shape) : null;
        int[] ib = plain == null ? Shape.broadcastMap(b.shape(), shape) : null;
        Tensor gradA = ctx.needsInputGrad(0) ? localGradient(true, plain, ia, ib, a, b, out, gradOutput) : null;
        Tensor gradB = ctx.needsInputGrad(1) ? localGradient(false, plain, ia, ib, a, b, out, gradOutput) : null;
        return new Tensor[] {gradA, gradB};
    }

    /** gradA (or gradB) at every output element, through the plain layout or the index maps. */
    private Tensor localGradient(boolean forA, Plain plain, int[] ia, int[] ib, Tensor a, Tensor b, double[] out,
                                 Tensor gradOutput) {
        double[] as = a.data();
        double[] bs = b.data();
        double[] g = gradOutput.data();
        double[] r = new double[g.length];
        if (plain != null && plain.sameShape()) {
            Parallel.forRange(g.length, ElementwiseUnary.GRAIN,
                (from, to) -> sameShapeGradient(forA, g, as, bs, out, r, from, to));
        } else if (plain != null) {
            for (int row = 0, o = 0; row < plain.rows(); row++, o += plain.width()) {
                int ao = row * plain.aRow();
                int bo = row * plain.bRow();
                for (int j = 0; j < plain.width(); j++) {
                    double av = as[ao + j * plain.aCol()];
                    double bv = bs[bo + j * plain.bCol()];
                    double ov = out == null ? 0 : out[o + j];
                    r[o + j] = forA ? gradA(g[o + j], av, bv, ov) : gradB(g[o + j], av, bv, ov);
                }
            }
        } else {
            for (int i = 0; i < g.length; i++) {
                double ov = out == null ? 0 : out[i];
                r[i] = forA ? gradA(g[i], as[ia[i]], bs[ib[i]], ov) : gradB(g[i], as[ia[i]], bs[ib[i]], ov);
            }
        }
        return new Tensor(r, gradOutput.shape(), DType.FLOAT64);
    }

    /**
     * Whether the gradient for a (or b) is the upstream gradient itself, as for both operands of
     * add: it is then handed on as it is, like PyTorch's AddBackward0 does, instead of copied (the
     * engine never writes into a gradient it did not make).
     */
    boolean passesGradientThrough(boolean forA) {
        return false;
    }

    /** A local gradient that depends on the upstream gradient alone (values passed as 0, unread). */
    private Tensor fromUpstreamOnly(Tensor gradOutput, boolean forA) {
        if (passesGradientThrough(forA)) {
            return gradOutput;
        }
        double[] g = gradOutput.data();
        double[] r = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            r[i] = forA ? gradA(g[i], 0, 0, 0) : gradB(g[i], 0, 0, 0);
        }
        return new Tensor(r, gradOutput.shape(), DType.FLOAT64);
    }
}
