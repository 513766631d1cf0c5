package dev.nano;

import dev.nano.autograd.Context;
import dev.nano.autograd.Engine;

import java.util.Arrays;

/**
 * An n-dimensional array of doubles that can record how it was computed.
 *
 * <p>Data is a row-major {@code double[]} with a shape. A tensor made by the user is a
 * <em>leaf</em>; a tensor computed by an operation while grad mode is on and some input requires
 * grad is a <em>non-leaf</em> whose {@link #gradFn()} points at the graph node that made it.
 * {@link #backward()} walks those nodes back to the leaves and leaves the gradients in
 * {@link #grad()}.
 *
 * <p>The methods here are the "magic methods" of PyTorch's {@code Tensor}: each is one line
 * calling the functional form in {@link Nano}, where the operators live.
 */
public final class Tensor {
    private final double[] data;
    private final int[] shape;
    private final DType dtype;
    private final VersionCounter version;
    private boolean requiresGrad;
    private boolean retainsGrad;
    private Tensor grad;
    private Context gradFn;

    /**
     * Wraps {@code data} (not copied) as a tensor of {@code shape}. Prefer the factories in
     * {@link Nano}; this constructor is for operations that build their result array themselves.
     */
    public Tensor(double[] data, int[] shape, DType dtype) {
        this(data, shape, dtype, new VersionCounter());
    }

    private Tensor(double[] data, int[] shape, DType dtype, VersionCounter version) {
        Checks.notNull("tensor", "data", data);
        Checks.notNull("tensor", "shape", shape);
        Checks.notNull("tensor", "dtype", dtype);
        Shape.checkSizes("tensor", shape);
        if (data.length != Shape.numel(shape)) {
            throw new IllegalArgumentException("tensor: " + data.length + " values cannot fill a tensor of shape "
                    + Shape.toString(shape) + " (" + Shape.numel(shape) + " elements)");
        }
        checkStorable(data, dtype);
        this.data = data;
        this.shape = shape.clone();
        this.dtype = dtype;
        this.version = version;
    }

    /** Largest integer a double holds exactly (2^53): the int64 range nano can store. */
    private static final double MAX_EXACT_INT64 = 9007199254740992.0;

    /**
     * Every dtype lives in a {@code double[]}; an int64 tensor may hold only whole numbers a double
     * represents exactly, a bool tensor only 0 and 1. Anything else would be silently misread
     * later (an index 1.7 used as 1), so it is refused here, where the tensor is made.
     */
    private static void checkStorable(double[] data, DType dtype) {
        if (dtype == DType.FLOAT64) {
            return;
        }
        for (int i = 0; i < data.length; i++) {
            double v = data[i];
            if (dtype == DType.BOOL && v != 0 && v != 1) {
                throw new IllegalArgumentException("tensor: a torch.bool tensor holds only 0 and 1, got "
                        + v + " at index " + i);
            }
            if (dtype == DType.INT64 && !(Math.rint(v) == v && Math.abs(v) <= MAX_EXACT_INT64)) {
                throw new IllegalArgumentException("tensor: a torch.int64 tensor holds only whole numbers within "
                        + "±2^53 (exact in a double), got " + v + " at index " + i);
            }
        }
    }

    /**
     * Counts in-place writes to a storage, like PyTorch's {@code _version}. Tensors that share a
     * storage ({@link #detach()}) share the counter, so a write through either is seen by both.
     */
    private static final class VersionCounter {
        private int value;
    }

    /** A float64 tensor over {@code data} (not copied). */
    public Tensor(double[] data, int... shape) {
        this(data, shape, DType.FLOAT64);
    }

    // ---------------------------------------------------------------- data and metadata

    /**
     * The live row-major storage. Reading is always safe; writing changes the tensor in place and
     * is meant for optimizers, under {@code Nano.noGrad()}.
     */
    public double[] data() {
        return data;
    }

    /** A copy of the values, row-major. */
    public double[] toDoubleArray() {
        return data.clone();
    }

    public int[] shape() {
        return shape.clone();
    }

    /** The size of one dim (negative dims count from the end). */
    public int size(int dim) {
        return shape[Shape.wrapDim(dim, shape.length)];
    }

    /** Number of dims (0 for a scalar tensor). */
    public int dim() {
        return shape.length;
    }

    public int numel() {
        return data.length;
    }

    public DType dtype() {
        return dtype;
    }

    /** The single value of a one-element tensor. */
    public double item() {
        if (data.length != 1) {
            throw new IllegalStateException("a Tensor with " + data.length + " elements cannot be converted to Scalar");
        }
        return data[0];
    }

    // ---------------------------------------------------------------- autograd state

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** PyTorch's {@code requires_grad_()}: marks a leaf as a variable to differentiate. */
    public Tensor requiresGrad(boolean requiresGrad) {
        if (requiresGrad && !isLeaf()) {
            return this; // PyTorch: a computed tensor already requires grad, so requires_grad_(True) is a no-op
        }
        if (requiresGrad && !dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("only Tensors of floating point dtype can require gradients (got "
                    + dtype.torchName() + ")");
        }
        if (!isLeaf()) {
            throw new IllegalStateException("you can only change requires_grad flags of leaf variables. If you want "
                    + "to use a computed variable in a subgraph that doesn't require differentiation use "
                    + "var_no_grad = var.detach().");
        }
        this.requiresGrad = requiresGrad;
        return this;
    }

    /** True for tensors made by the user, and for every tensor that does not require grad. */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** The graph node that produced this tensor, or null for a leaf. */
    public Context gradFn() {
        return gradFn;
    }

    /**
     * The accumulated gradient: set by {@code backward()} on leaves that require grad, and on
     * non-leaves only after {@link #retainGrad()}; otherwise null.
     */
    public Tensor grad() {
        return grad;
    }

    /** Replaces the gradient (null clears it). */
    public void setGrad(Tensor grad) {
        if (grad == this) {
            throw new IllegalArgumentException("can't assign Variable as its own grad");
        }
        if (grad != null && grad.dtype != dtype) {
            throw new IllegalArgumentException("assigned grad has data of a different type: expected "
                    + dtype.torchName() + ", got " + grad.dtype.torchName());
        }
        if (grad != null && !Arrays.equals(grad.shape, shape)) {
            throw new IllegalArgumentException("assigned grad has data of a different size: expected "
                    + Shape.toString(shape) + ", got " + Shape.toString(grad.shape));
        }
        this.grad = grad;
    }

    /** Clears the gradient, as PyTorch 2's {@code zero_grad(set_to_none=True)} does. */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * What {@code Optimizer.zero_grad} and {@code Module.zero_grad} do to one parameter:
     * {@code setToNone} makes the gradient null; otherwise the existing gradient is cut from any
     * graph (detached, or its requires_grad turned off) and filled with zeros in place.
     */
    public void zeroGrad(boolean setToNone) {
        if (grad == null) {
            return;
        }
        if (setToNone) {
            grad = null;
            return;
        }
        if (!grad.isLeaf()) {
            grad = grad.detach();
        } else if (grad.requiresGrad) {
            grad.requiresGrad(false);
        }
        Arrays.fill(grad.data, 0.0);
        grad.markModifiedInPlace();
    }

    /** Asks a non-leaf to keep its gradient in {@link #grad()} after backward. */
    public Tensor retainGrad() {
        if (!requiresGrad) {
            throw new IllegalStateException("can't retain_grad on Tensor that has requires_grad=False");
        }
        if (!isLeaf()) {
            retainsGrad = true;
        }
        return this;
    }

    public boolean retainsGrad() {
        return retainsGrad;
    }

    /** The same values, cut off from the graph (shares storage, like PyTorch's detach). */
    public Tensor detach() {
        return new Tensor(data, shape, dtype, version);
    }

    /** How many in-place writes this tensor's storage has seen (PyTorch's {@code _version}). */
    public int version() {
        return version.value;
    }

    /**
     * Records an in-place write to {@link #data()}. Optimizers call it after each update; a graph
     * node that saved this tensor for backward then refuses to use the changed values, as PyTorch
     * does, instead of computing a gradient from numbers the forward never saw.
     */
    public void markModifiedInPlace() {
        version.value++;
    }

    /** Computes gradients of this one-element tensor with respect to every leaf that requires grad. */
    public void backward() {
        Engine.backward(this, null, false);
    }

    /** Backward with an explicit upstream gradient dL/d(this), of this tensor's shape. */
    public void backward(Tensor gradient) {
        Engine.backward(this, gradient, false);
    }

    /** Backward that keeps the saved tensors, so the graph can be walked again. */
    public void backward(Tensor gradient, boolean retainGraph) {
        Engine.backward(this, gradient, retainGraph);
    }

    /** Used by {@code Function.apply} only: makes this tensor the output of a graph node. */
    public void attachGradFn(Context ctx) {
        this.gradFn = ctx;
        this.requiresGrad = true;
    }

    /**
     * Used by the engine: adds {@code g} to this tensor's gradient. The first gradient is copied
     * (g may be shared); later ones are added into it in place, as PyTorch's AccumulateGrad does
     * ({@code grad += new_grad}), so accumulating costs no new buffer. A gradient that is itself
     * part of a graph is not written: it gets a new sum, as before.
     */
    public void accumulateGrad(Tensor g) {
        Checks.notNull("accumulateGrad", "gradient", g);
        if (!Arrays.equals(g.shape, shape)) {
            throw new IllegalArgumentException("accumulateGrad: a gradient of shape " + Shape.toString(g.shape)
                    + " cannot be added to the gradient of a tensor of shape " + Shape.toString(shape));
        }
        if (grad == null) {
            grad = new Tensor(g.data.clone(), shape, DType.FLOAT64);
        } else if (grad.requiresGrad) {
            grad = Nano.add(grad, g);
        } else {
            double[] sum = grad.data;
            for (int i = 0; i < sum.length; i++) {
                sum[i] += g.data[i];
            }
            grad.markModifiedInPlace();
        }
    }

    // ---------------------------------------------------------------- arithmetic

    public Tensor add(Tensor other) { return Nano.add(this, other); }
    public Tensor add(double other) { return Nano.add(this, other); }
    public Tensor sub(Tensor other) { return Nano.sub(this, other); }
    public Tensor sub(double other) { return Nano.sub(this, other); }
    /** {@code other - this}. */
    public Tensor rsub(double other) { return Nano.sub(other, this); }
    public Tensor mul(Tensor other) { return Nano.mul(this, other); }
    public Tensor mul(double other) { return Nano.mul(this, other); }
    public Tensor div(Tensor other) { return Nano.div(this, other); }
    public Tensor div(double other) { return Nano.div(this, other); }
    /** {@code other / this}. */
    public Tensor rdiv(double other) { return Nano.div(other, this); }
    public Tensor pow(Tensor exponent) { return Nano.pow(this, exponent); }
    public Tensor pow(double exponent) { return Nano.pow(this, exponent); }
    /** {@code base ** this}. */
    public Tensor rpow(double base) { return Nano.pow(base, this); }
    public Tensor neg() { return Nano.neg(this); }

    // ---------------------------------------------------------------- elementwise

    public Tensor exp() { return Nano.exp(this); }
    public Tensor log() { return Nano.log(this); }
    public Tensor log1p() { return Nano.log1p(this); }
    public Tensor expm1() { return Nano.expm1(this); }
    public Tensor sqrt() { return Nano.sqrt(this); }
    public Tensor rsqrt() { return Nano.rsqrt(this); }
    public Tensor abs() { return Nano.abs(this); }
    public Tensor sign() { return Nano.sign(this); }
    public Tensor reciprocal() { return Nano.reciprocal(this); }
    public Tensor square() { return Nano.square(this); }
    public Tensor sin() { return Nano.sin(this); }
    public Tensor cos() { return Nano.cos(this); }
    public Tensor tanh() { return Nano.tanh(this); }
    public Tensor sigmoid() { return Nano.sigmoid(this); }
    public Tensor relu() { return Nano.relu(this); }
    public Tensor leakyRelu() { return Nano.leakyRelu(this); }
    public Tensor leakyRelu(double negativeSlope) { return Nano.leakyRelu(this, negativeSlope); }
    public Tensor gelu() { return Nano.gelu(this); }
    /** {@code approximate} is "none" (exact, with erf) or "tanh". */
    public Tensor gelu(String approximate) { return Nano.gelu(this, approximate); }
    public Tensor silu() { return Nano.silu(this); }
    public Tensor softplus() { return Nano.softplus(this); }
    public Tensor softplus(double beta, double threshold) { return Nano.softplus(this, beta, threshold); }
    public Tensor elu() { return Nano.elu(this); }
    public Tensor elu(double alpha) { return Nano.elu(this, alpha); }
    public Tensor erf() { return Nano.erf(this); }
    /** Either bound may be null (one-sided). */
    public Tensor clamp(Double min, Double max) { return Nano.clamp(this, min, max); }
    /** Tensor bounds broadcast; either may be null (one-sided). */
    public Tensor clamp(Tensor min, Tensor max) { return Nano.clamp(this, min, max); }
    /** {@code x.clamp_min(min)}; a NaN bound gives NaN everywhere (clamp(min, null) would ignore it). */
    public Tensor clampMin(double min) { return Nano.clampMin(this, min); }
    /** {@code x.clamp_max(max)}; a NaN bound gives NaN everywhere (clamp(null, max) would ignore it). */
    public Tensor clampMax(double max) { return Nano.clampMax(this, max); }
    public Tensor maximum(Tensor other) { return Nano.maximum(this, other); }
    public Tensor minimum(Tensor other) { return Nano.minimum(this, other); }
    /** PyTorch's {@code x.where(condition, other)}: this where condition holds, else other. */
    public Tensor where(Tensor condition, Tensor other) { return Nano.where(condition, this, other); }

    // ---------------------------------------------------------------- reductions

    public Tensor sum() { return Nano.sum(this); }
    public Tensor sum(int dim) { return Nano.sum(this, new int[] {dim}, false); }
    public Tensor sum(int dim, boolean keepdim) { return Nano.sum(this, new int[] {dim}, keepdim); }
    public Tensor sum(int[] dims, boolean keepdim) { return Nano.sum(this, dims, keepdim); }
    public Tensor mean() { return Nano.mean(this); }
    public Tensor mean(int dim) { return Nano.mean(this, new int[] {dim}, false); }
    public Tensor mean(int dim, boolean keepdim) { return Nano.mean(this, new int[] {dim}, keepdim); }
    public Tensor mean(int[] dims, boolean keepdim) { return Nano.mean(this, dims, keepdim); }
    /** Unbiased (correction 1) over all elements. */
    public Tensor var() { return Nano.var(this); }
    public Tensor var(int dim) { return Nano.var(this, new int[] {dim}, 1.0, false); }
    public Tensor var(int[] dims, double correction, boolean keepdim) { return Nano.var(this, dims, correction, keepdim); }
    public Tensor var(int[] dims, boolean unbiased, boolean keepdim) { return Nano.var(this, dims, unbiased ? 1 : 0, keepdim); }
    public Tensor std() { return Nano.std(this); }
    public Tensor std(int dim) { return Nano.std(this, new int[] {dim}, 1.0, false); }
    public Tensor std(int[] dims, double correction, boolean keepdim) { return Nano.std(this, dims, correction, keepdim); }
    public Tensor std(int[] dims, boolean unbiased, boolean keepdim) { return Nano.std(this, dims, unbiased ? 1 : 0, keepdim); }
    public Tensor prod() { return Nano.prod(this); }
    public Tensor prod(int dim) { return Nano.prod(this, dim, false); }
    public Tensor prod(int dim, boolean keepdim) { return Nano.prod(this, dim, keepdim); }
    public Tensor amax() { return Nano.amax(this, new int[0], false); }
    public Tensor amax(int dim) { return Nano.amax(this, new int[] {dim}, false); }
    public Tensor amax(int[] dims, boolean keepdim) { return Nano.amax(this, dims, keepdim); }
    public Tensor amin() { return Nano.amin(this, new int[0], false); }
    public Tensor amin(int dim) { return Nano.amin(this, new int[] {dim}, false); }
    public Tensor amin(int[] dims, boolean keepdim) { return Nano.amin(this, dims, keepdim); }
    /** Full reduction; ties share the gradient evenly. */
    public Tensor max() { return Nano.max(this); }
    /** Values and (first) indices along {@code dim}; the gradient goes to the returned index. */
    public ValuesIndices max(int dim) { return Nano.max(this, dim, false); }
    public ValuesIndices max(int dim, boolean keepdim) { return Nano.max(this, dim, keepdim); }
    public Tensor min() { return Nano.min(this); }
    public ValuesIndices min(int dim) { return Nano.min(this, dim, false); }
    public ValuesIndices min(int dim, boolean keepdim) { return Nano.min(this, dim, keepdim); }
    public Tensor argmax() { return Nano.argmax(this); }
    public Tensor argmax(int dim, boolean keepdim) { return Nano.argmax(this, dim, keepdim); }
    public Tensor argmin() { return Nano.argmin(this); }
    public Tensor argmin(int dim, boolean keepdim) { return Nano.argmin(this, dim, keepdim); }
    public Tensor logsumexp(int dim) { return Nano.logsumexp(this, new int[] {dim}, false); }
    public Tensor logsumexp(int[] dims, boolean keepdim) { return Nano.logsumexp(this, dims, keepdim); }
    public Tensor softmax(int dim) { return Nano.softmax(this, dim); }
    public Tensor logSoftmax(int dim) { return Nano.logSoftmax(this, dim); }

    // ---------------------------------------------------------------- linear algebra

    public Tensor matmul(Tensor other) { return Nano.matmul(this, other); }
    public Tensor mm(Tensor other) { return Nano.mm(this, other); }
    public Tensor dot(Tensor other) { return Nano.dot(this, other); }
    /** Transpose of a tensor with at most 2 dims. */
    public Tensor t() { return Nano.t(this); }

    // ---------------------------------------------------------------- movement

    /** New shape with the same elements; one size may be -1 (inferred). */
    public Tensor reshape(int... shape) { return Nano.reshape(this, shape); }
    public Tensor view(int... shape) { return Nano.view(this, shape); }
    public Tensor flatten() { return Nano.flatten(this, 0, -1); }
    public Tensor flatten(int startDim, int endDim) { return Nano.flatten(this, startDim, endDim); }
    /** Drops every dim of size 1. */
    public Tensor squeeze() { return Nano.squeeze(this); }
    public Tensor squeeze(int dim) { return Nano.squeeze(this, new int[] {dim}); }
    public Tensor squeeze(int[] dims) { return Nano.squeeze(this, dims); }
    public Tensor unsqueeze(int dim) { return Nano.unsqueeze(this, dim); }
    public Tensor transpose(int dim0, int dim1) { return Nano.transpose(this, dim0, dim1); }
    public Tensor permute(int... dims) { return Nano.permute(this, dims); }
    /** Broadcasts to a larger shape; -1 keeps a size. */
    public Tensor expand(int... sizes) { return Nano.expand(this, sizes); }
    public Tensor narrow(int dim, int start, int length) { return Nano.narrow(this, dim, start, length); }
    /** Picks one position along {@code dim}, removing the dim. */
    public Tensor select(int dim, int index) { return Nano.select(this, dim, index); }
    /** {@code x[s0, s1, ...]} with a range per leading dim. */
    public Tensor index(Slice... slices) { return Nano.index(this, slices); }
    public Tensor gather(int dim, Tensor index) { return Nano.gather(this, dim, index); }
    /** Constant padding: {@code pad} holds (left, right) pairs starting from the last dim. */
    public Tensor pad(int[] pad, double value) { return Nano.pad(this, pad, value); }
    /** A copy that stays in the graph. */
    public Tensor cloneTensor() { return Nano.clone(this); }

    // ---------------------------------------------------------------- comparisons (bool results)

    public Tensor lt(Tensor other) { return Nano.lt(this, other); }
    public Tensor lt(double other) { return Nano.lt(this, other); }
    public Tensor le(Tensor other) { return Nano.le(this, other); }
    public Tensor le(double other) { return Nano.le(this, other); }
    public Tensor gt(Tensor other) { return Nano.gt(this, other); }
    public Tensor gt(double other) { return Nano.gt(this, other); }
    public Tensor ge(Tensor other) { return Nano.ge(this, other); }
    public Tensor ge(double other) { return Nano.ge(this, other); }
    public Tensor eq(Tensor other) { return Nano.eq(this, other); }
    public Tensor eq(double other) { return Nano.eq(this, other); }
    public Tensor ne(Tensor other) { return Nano.ne(this, other); }
    public Tensor ne(double other) { return Nano.ne(this, other); }

    /** Converts to float64 (a copy for other types; this tensor itself if already float64). */
    public Tensor toFloat64() {
        return dtype == DType.FLOAT64 ? this : new Tensor(data.clone(), shape, DType.FLOAT64);
    }

    /** Prints like PyTorch, e.g. {@code tensor([[1., 2.]], grad_fn=<AddBackward0>)}. */
    @Override
    public String toString() {
        return TensorFormatter.format(this);
    }
}
