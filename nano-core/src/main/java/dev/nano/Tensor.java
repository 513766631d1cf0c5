package dev.nano;

import dev.nano.autograd.Context;
import dev.nano.autograd.Engine;
import dev.nano.autograd.internal.TensorAccess;
import dev.nano.ops.InPlace;

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
     * @param data the row-major values, used as they are (not copied)
     * @param shape the sizes of the dims; their product must equal {@code data.length}
     * @param dtype float64, int64 or bool; int64 and bool data must hold whole numbers / 0 and 1
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

    /**
     * A float64 tensor over {@code data} (not copied).
     * @param data the row-major values, used as they are (not copied)
     * @param shape the sizes of the dims; their product must equal {@code data.length}
     */
    public Tensor(double[] data, int... shape) {
        this(data, shape, DType.FLOAT64);
    }

    // ---------------------------------------------------------------- data and metadata

    /**
     * The live row-major storage. Reading is always safe; writing changes the tensor in place and
     * is meant for optimizers, under {@code Nano.noGrad()}.
     * @return the backing array itself, not a copy
     */
    public double[] data() {
        return data;
    }

    /**
     * A copy of the values, row-major.
     * @return a new array of {@link #numel()} values
     */
    public double[] toDoubleArray() {
        return data.clone();
    }

    /**
     * {@code x.shape}: the size of each dim.
     * @return a copy, so changing it changes nothing
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The size of one dim (negative dims count from the end).
     * @param dim the dim to work along (negative counts from the end)
     * @return {@code x.size(dim)}
     */
    public int size(int dim) {
        return shape[Shape.wrapDim(dim, shape.length)];
    }

    /**
     * Number of dims (0 for a scalar tensor).
     * @return {@code x.dim()}
     */
    public int dim() {
        return shape.length;
    }

    /**
     * {@code x.numel()}: the number of elements, the product of the sizes (1 for a 0-d tensor).
     * @return the element count
     */
    public int numel() {
        return data.length;
    }

    /**
     * {@code x.dtype}: float64, int64 or bool; every dtype's values are stored as doubles.
     * @return this tensor's dtype
     */
    public DType dtype() {
        return dtype;
    }

    /**
     * The single value of a one-element tensor.
     * @return {@code x.item()}; fails for any other element count
     */
    public double item() {
        if (data.length != 1) {
            throw new IllegalStateException("a Tensor with " + data.length + " elements cannot be converted to Scalar");
        }
        return data[0];
    }

    // ---------------------------------------------------------------- autograd state

    /**
     * {@code x.requires_grad}: whether operations on this tensor are recorded for backward.
     * @return true if gradients flow into this tensor
     */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * PyTorch's {@code requires_grad_()}: marks a leaf as a variable to differentiate.
     * @param requiresGrad true to record operations on this (float64) tensor; false is allowed only on a leaf
     * @return this tensor, for chaining ({@code Nano.randn(3).requiresGrad(true)})
     */
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

    /**
     * True for tensors made by the user, and for every tensor that does not require grad.
     * @return {@code x.is_leaf}
     */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /**
     * The graph node that produced this tensor, or null for a leaf.
     * @return {@code x.grad_fn}
     */
    public Context gradFn() {
        return gradFn;
    }

    /**
     * The accumulated gradient: set by {@code backward()} on leaves that require grad, and on
     * non-leaves only after {@link #retainGrad()}; otherwise null.
     * @return {@code x.grad}, of this tensor's shape, or null
     */
    public Tensor grad() {
        return grad;
    }

    /**
     * Replaces the gradient (null clears it).
     * @param grad the new gradient, of this tensor's shape, or null
     */
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
     * @param setToNone true sets the gradient to null (PyTorch's default); false zeroes it in place
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

    /**
     * Asks a non-leaf to keep its gradient in {@link #grad()} after backward.
     * @return this tensor, for chaining
     */
    public Tensor retainGrad() {
        if (!requiresGrad) {
            throw new IllegalStateException("can't retain_grad on Tensor that has requires_grad=False");
        }
        if (!isLeaf()) {
            retainsGrad = true;
        }
        return this;
    }

    /**
     * {@code x.retains_grad}: whether {@link #retainGrad()} was called on this non-leaf.
     * @return true if backward will keep this tensor's gradient
     */
    public boolean retainsGrad() {
        return retainsGrad;
    }

    /**
     * The same values, cut off from the graph (shares storage, like PyTorch's detach).
     * @return a leaf that does not require grad
     */
    public Tensor detach() {
        return new Tensor(data, shape, dtype, version);
    }

    /**
     * How many in-place writes this tensor's storage has seen (PyTorch's {@code _version}).
     * @return the version counter's current value, shared with every tensor over the same storage
     */
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

    /**
     * Backward with an explicit upstream gradient dL/d(this), of this tensor's shape.
     * @param gradient dL/d(this), of this tensor's shape
     */
    public void backward(Tensor gradient) {
        Engine.backward(this, gradient, false);
    }

    /**
     * Backward that keeps the saved tensors, so the graph can be walked again.
     * @param gradient dL/d(this), of this tensor's shape
     * @param retainGraph true keeps the saved tensors so a second backward can run
     */
    public void backward(Tensor gradient, boolean retainGraph) {
        Engine.backward(this, gradient, retainGraph);
    }

    /* The engine's door to the two methods below, which users must not call (see TensorAccess). */
    static {
        TensorAccess.install(new TensorAccess() {
            @Override
            public void attachGradFn(Tensor output, Context node) {
                output.attachGradFn(node);
            }

            @Override
            public void accumulateGrad(Tensor tensor, Tensor gradient) {
                tensor.accumulateGrad(gradient);
            }
        });
    }

    /** Used by {@code Function.apply} only, through {@link TensorAccess}: makes this the output of a graph node. */
    private void attachGradFn(Context ctx) {
        this.gradFn = ctx;
        this.requiresGrad = true;
    }

    /**
     * Used by the engine only, through {@link TensorAccess}: adds {@code g} to this tensor's gradient.
     * The first gradient is copied (g may be shared); later ones are added into it in place, as PyTorch's AccumulateGrad does
     * ({@code grad += new_grad}), so accumulating costs no new buffer. A gradient that is itself
     * part of a graph is not written: it gets a new sum, as before.
     */
    private void accumulateGrad(Tensor g) {
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

    /**
     * {@code x + other}, {@link Nano#add(Tensor, Tensor)}.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor add(Tensor other) { return Nano.add(this, other); }

    /**
     * {@code x + other}, {@link Nano#add(Tensor, double)}.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor add(double other) { return Nano.add(this, other); }

    /**
     * {@code x - other}, {@link Nano#sub(Tensor, Tensor)}.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor sub(Tensor other) { return Nano.sub(this, other); }

    /**
     * {@code x - other}, {@link Nano#sub(Tensor, double)}.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor sub(double other) { return Nano.sub(this, other); }

    /**
     * {@code other - this}.
     * @param other the scalar on the left
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor rsub(double other) { return Nano.sub(other, this); }

    /**
     * {@code x * other}, {@link Nano#mul(Tensor, Tensor)}.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor mul(Tensor other) { return Nano.mul(this, other); }

    /**
     * {@code x * other}, {@link Nano#mul(Tensor, double)}.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor mul(double other) { return Nano.mul(this, other); }

    /**
     * {@code x / other}, true division, {@link Nano#div(Tensor, Tensor)}.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor div(Tensor other) { return Nano.div(this, other); }

    /**
     * {@code x / other}, {@link Nano#div(Tensor, double)}.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor div(double other) { return Nano.div(this, other); }

    /**
     * {@code other / this}.
     * @param other the scalar numerator
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor rdiv(double other) { return Nano.div(other, this); }

    /**
     * {@code x ** exponent}, {@link Nano#pow(Tensor, Tensor)}.
     * @param exponent the exponent; broadcasts against this tensor
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor pow(Tensor exponent) { return Nano.pow(this, exponent); }

    /**
     * {@code x.div(other, rounding_mode=roundingMode)}: "trunc" or "floor" rounding, null for true division.
     * @param other the divisor; broadcasts against this tensor
     * @param roundingMode null, "trunc" or "floor"
     * @return a new tensor of the broadcast shape
     */
    public Tensor div(Tensor other, String roundingMode) { return Nano.div(this, other, roundingMode); }

    /**
     * {@code x.div(other, rounding_mode=roundingMode)} with a scalar divisor.
     * @param other the divisor
     * @param roundingMode null, "trunc" or "floor"
     * @return a new tensor of this tensor's shape
     */
    public Tensor div(double other, String roundingMode) { return Nano.div(this, other, roundingMode); }

    /**
     * {@code x.add(other, alpha=alpha)}: {@code x + alpha · other}.
     * @param other the other operand; broadcasts against this tensor
     * @param alpha the multiplier of {@code other}
     * @return a new tensor of the broadcast shape
     */
    public Tensor add(Tensor other, double alpha) { return Nano.add(this, other, alpha); }

    /**
     * {@code x.sub(other, alpha=alpha)}: {@code x − alpha · other}.
     * @param other the other operand; broadcasts against this tensor
     * @param alpha the multiplier of {@code other}
     * @return a new tensor of the broadcast shape
     */
    public Tensor sub(Tensor other, double alpha) { return Nano.sub(this, other, alpha); }

    /*
     * The in-place forms (PyTorch's trailing underscore): each writes into this tensor's own storage,
     * moves its version counter on and returns this tensor. See dev.nano.ops.InPlace for the rules.
     */

    /**
     * {@code x.add_(other)}: adds into this tensor's storage (no new array). Refused on a leaf that
     * requires grad while grad mode is on, as in PyTorch.
     * @param other broadcasts to this tensor's shape (it cannot grow this tensor)
     * @return this tensor
     */
    public Tensor add_(Tensor other) { return InPlace.add(this, other); }

    /**
     * {@code x.add_(other)} with a number.
     * @param other the summand
     * @return this tensor
     */
    public Tensor add_(double other) { return InPlace.add(this, other); }

    /**
     * {@code x.add_(other, alpha=alpha)}: {@code x += alpha · other}, the SGD update's form.
     * @param other broadcasts to this tensor's shape
     * @param alpha the multiplier of {@code other}
     * @return this tensor
     */
    public Tensor add_(Tensor other, double alpha) { return InPlace.add(this, other, alpha); }

    /**
     * {@code x.mul_(other)}: multiplies into this tensor's storage.
     * @param other broadcasts to this tensor's shape
     * @return this tensor
     */
    public Tensor mul_(Tensor other) { return InPlace.mul(this, other); }

    /**
     * {@code x.mul_(other)} with a number.
     * @param other the factor
     * @return this tensor
     */
    public Tensor mul_(double other) { return InPlace.mul(this, other); }

    /**
     * {@code x.copy_(src)}: src's values, broadcast to this shape and converted to this dtype.
     * @param src broadcasts to this tensor's shape
     * @return this tensor
     */
    public Tensor copy_(Tensor src) { return InPlace.copy(this, src); }

    /**
     * {@code x.fill_(value)}: every element becomes {@code value}.
     * @param value the value
     * @return this tensor
     */
    public Tensor fill_(double value) { return InPlace.fill(this, value); }

    /**
     * {@code x.zero_()}: every element becomes 0.
     * @return this tensor
     */
    public Tensor zero_() { return InPlace.zero(this); }

    /**
     * {@code x ** exponent}, {@link Nano#pow(Tensor, double)}.
     * @param exponent the scalar exponent
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor pow(double exponent) { return Nano.pow(this, exponent); }

    /**
     * {@code base ** this}.
     * @param base the scalar base
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor rpow(double base) { return Nano.pow(base, this); }

    /**
     * {@code -x}, {@link Nano#neg}.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor neg() { return Nano.neg(this); }

    // ---------------------------------------------------------------- elementwise

    /**
     * {@code x.exp()}: e^x.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor exp() { return Nano.exp(this); }

    /**
     * {@code x.log()}: the natural logarithm.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor log() { return Nano.log(this); }

    /**
     * {@code x.log1p()}: ln(1 + x), accurate for tiny |x|.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor log1p() { return Nano.log1p(this); }

    /**
     * {@code x.expm1()}: e^x − 1, accurate for tiny |x|.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor expm1() { return Nano.expm1(this); }

    /**
     * {@code x.sqrt()}: the square root.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor sqrt() { return Nano.sqrt(this); }

    /**
     * {@code x.rsqrt()}: 1 / √x.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor rsqrt() { return Nano.rsqrt(this); }

    /**
     * {@code x.abs()}: |x|.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor abs() { return Nano.abs(this); }

    /**
     * {@code x.sign()}: −1, 0 or +1.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor sign() { return Nano.sign(this); }

    /**
     * {@code x.reciprocal()}: 1 / x.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor reciprocal() { return Nano.reciprocal(this); }

    /**
     * {@code x.square()}: x².
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor square() { return Nano.square(this); }

    /**
     * {@code x.sin()}, in radians.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor sin() { return Nano.sin(this); }

    /**
     * {@code x.cos()}, in radians.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor cos() { return Nano.cos(this); }

    /**
     * {@code x.tanh()}: the hyperbolic tangent.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor tanh() { return Nano.tanh(this); }

    /**
     * {@code x.sigmoid()}: 1 / (1 + e^−x).
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor sigmoid() { return Nano.sigmoid(this); }

    /**
     * {@code x.relu()}: max(x, 0).
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor relu() { return Nano.relu(this); }

    /**
     * {@code F.leaky_relu(x)} with slope 0.01 for negative inputs.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor leakyRelu() { return Nano.leakyRelu(this); }

    /**
     * {@code F.leaky_relu(x, negative_slope)}.
     * @param negativeSlope the slope for negative inputs
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor leakyRelu(double negativeSlope) { return Nano.leakyRelu(this, negativeSlope); }

    /**
     * {@code F.gelu(x)}: exact GELU, x·Φ(x).
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor gelu() { return Nano.gelu(this); }

    /**
     * {@code approximate} is "none" (exact, with erf) or "tanh".
     * @param approximate "none" or "tanh"
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor gelu(String approximate) { return Nano.gelu(this, approximate); }

    /**
     * {@code F.silu(x)}: x·sigmoid(x).
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor silu() { return Nano.silu(this); }

    /**
     * {@code F.softplus(x)}: ln(1 + e^x), with beta 1 and threshold 20.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor softplus() { return Nano.softplus(this); }

    /**
     * {@code F.softplus(x, beta, threshold)}: ln(1 + e^(beta·x)) / beta, linear above the threshold.
     * @param beta the sharpness
     * @param threshold where beta·x exceeds it the input is returned as it is
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor softplus(double beta, double threshold) { return Nano.softplus(this, beta, threshold); }

    /**
     * {@code F.elu(x)} with alpha 1: x where x &gt; 0, else e^x − 1.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor elu() { return Nano.elu(this); }

    /**
     * {@code F.elu(x, alpha)}: x where x &gt; 0, else alpha·(e^x − 1).
     * @param alpha the negative saturation value
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor elu(double alpha) { return Nano.elu(this, alpha); }

    /**
     * {@code x.erf()}: the error function.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor erf() { return Nano.erf(this); }

    // ---------------------------------------------------------------- more elementwise (issue 24)

    /**
     * {@code x.tan()}, in radians.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor tan() { return Nano.tan(this); }

    /**
     * {@code x.atan()}: the inverse tangent.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor atan() { return Nano.atan(this); }

    /**
     * {@code x.asin()}: the inverse sine; NaN outside [−1, 1].
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor asin() { return Nano.asin(this); }

    /**
     * {@code x.acos()}: the inverse cosine; NaN outside [−1, 1].
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor acos() { return Nano.acos(this); }

    /**
     * {@code x.sinh()}: the hyperbolic sine.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor sinh() { return Nano.sinh(this); }

    /**
     * {@code x.cosh()}: the hyperbolic cosine.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor cosh() { return Nano.cosh(this); }

    /**
     * {@code x.asinh()}: the inverse hyperbolic sine.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor asinh() { return Nano.asinh(this); }

    /**
     * {@code x.acosh()}: the inverse hyperbolic cosine; NaN below 1.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor acosh() { return Nano.acosh(this); }

    /**
     * {@code x.atanh()}: the inverse hyperbolic tangent; ±inf at ±1.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor atanh() { return Nano.atanh(this); }

    /**
     * {@code x.log2()}: the base-2 logarithm.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor log2() { return Nano.log2(this); }

    /**
     * {@code x.log10()}: the base-10 logarithm.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor log10() { return Nano.log10(this); }

    /**
     * {@code x.exp2()}: 2^x.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor exp2() { return Nano.exp2(this); }

    /**
     * {@code x.floor()}: the largest whole number ≤ x; gradient 0.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor floor() { return Nano.floor(this); }

    /**
     * {@code x.ceil()}: the smallest whole number ≥ x; gradient 0.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor ceil() { return Nano.ceil(this); }

    /**
     * {@code x.round()}: the nearest whole number, halves to even; gradient 0.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor round() { return Nano.round(this); }

    /**
     * {@code x.trunc()}: x rounded toward zero; gradient 0.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor trunc() { return Nano.trunc(this); }

    /**
     * {@code x.frac()}: x − trunc(x); gradient 1.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor frac() { return Nano.frac(this); }

    /**
     * {@code x.round(decimals=d)}: rounded to {@code d} decimal places.
     * @param decimals the decimal places (negative: tens, hundreds, …)
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor round(int decimals) { return Nano.round(this, decimals); }

    /**
     * {@code x.logit()}: log(x / (1 − x)).
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor logit() { return Nano.logit(this); }

    /**
     * {@code x.logit(eps)}: log(x / (1 − x)) of x clamped to [eps, 1 − eps].
     * @param eps the clamp
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor logit(double eps) { return Nano.logit(this, eps); }

    /**
     * {@code x.atan2(other)}: the angle of the point (other, input).
     * @param other the other; shapes broadcast
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor atan2(Tensor other) { return Nano.atan2(this, other); }

    /**
     * {@code x.fmod(other)}: C's fmod, the remainder with the dividend's sign.
     * @param other the other; shapes broadcast
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor fmod(Tensor other) { return Nano.fmod(this, other); }

    /**
     * {@code x.remainder(other)}: Python's %, the remainder with the divisor's sign.
     * @param other the other; shapes broadcast
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor remainder(Tensor other) { return Nano.remainder(this, other); }

    /**
     * {@code x.hypot(other)}: √(a² + b²) without overflow.
     * @param other the other; shapes broadcast
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor hypot(Tensor other) { return Nano.hypot(this, other); }

    /**
     * {@code x.logaddexp(other)}: log(e^a + e^b) without overflow.
     * @param other the other; shapes broadcast
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor logaddexp(Tensor other) { return Nano.logaddexp(this, other); }

    /**
     * {@code x.copysign(other)}: |a| with the sign bit of b.
     * @param other the other; shapes broadcast
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor copysign(Tensor other) { return Nano.copysign(this, other); }

    /**
     * {@code x.xlogy(other)}: a·log(b), 0 where a is 0 (unless b is NaN).
     * @param other the other; shapes broadcast
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor xlogy(Tensor other) { return Nano.xlogy(this, other); }

    /**
     * {@code x.fmod(other)} with a number for {@code other}.
     * @param other the other
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor fmod(double other) { return Nano.fmod(this, other); }

    /**
     * {@code x.remainder(other)} with a number for {@code other}.
     * @param other the other
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor remainder(double other) { return Nano.remainder(this, other); }

    /**
     * {@code x.copysign(other)} with a number for {@code other}.
     * @param other the other
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor copysign(double other) { return Nano.copysign(this, other); }

    /**
     * {@code x.xlogy(other)} with a number for {@code other}.
     * @param other the other
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor xlogy(double other) { return Nano.xlogy(this, other); }

    /**
     * {@code x.lerp(end, weight)}: x + weight·(end − x).
     * @param end the end
     * @param weight the weight
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor lerp(Tensor end, Tensor weight) { return Nano.lerp(this, end, weight); }

    /**
     * {@code x.lerp(end, weight)} with a number for the weight.
     * @param end the end
     * @param weight the weight
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor lerp(Tensor end, double weight) { return Nano.lerp(this, end, weight); }

    /**
     * {@code x.addcmul(tensor1, tensor2)}: x + tensor1·tensor2.
     * @param tensor1 the first operand
     * @param tensor2 the second operand
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor addcmul(Tensor tensor1, Tensor tensor2) { return Nano.addcmul(this, tensor1, tensor2); }

    /**
     * {@code x.addcmul(tensor1, tensor2, value=v)}: x + v·tensor1·tensor2.
     * @param tensor1 the first operand
     * @param tensor2 the second operand
     * @param value the scale
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor addcmul(Tensor tensor1, Tensor tensor2, double value) { return Nano.addcmul(this, tensor1, tensor2, value); }

    /**
     * {@code x.addcdiv(tensor1, tensor2)}: x + tensor1 / tensor2.
     * @param tensor1 the first operand
     * @param tensor2 the second operand
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor addcdiv(Tensor tensor1, Tensor tensor2) { return Nano.addcdiv(this, tensor1, tensor2); }

    /**
     * {@code x.addcdiv(tensor1, tensor2, value=v)}: x + v·tensor1 / tensor2.
     * @param tensor1 the first operand
     * @param tensor2 the second operand
     * @param value the scale
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor addcdiv(Tensor tensor1, Tensor tensor2, double value) { return Nano.addcdiv(this, tensor1, tensor2, value); }

    /**
     * {@code x.nan_to_num()}: NaN becomes 0, ±inf the largest and lowest doubles.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor nanToNum() { return Nano.nanToNum(this); }

    /**
     * {@code x.nan_to_num(nan, posinf, neginf)}; a null keeps the default.
     * @param nan what NaN becomes, or null for 0
     * @param posinf what +inf becomes, or null for the largest double
     * @param neginf what −inf becomes, or null for the lowest double
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor nanToNum(Double nan, Double posinf, Double neginf) { return Nano.nanToNum(this, nan, posinf, neginf); }

    /**
     * Either bound may be null (one-sided).
     * @param min the lower bound, or null
     * @param max the upper bound, or null
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor clamp(Double min, Double max) { return Nano.clamp(this, min, max); }

    /**
     * Tensor bounds broadcast; either may be null (one-sided).
     * @param min the lower bounds, or null
     * @param max the upper bounds, or null
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor clamp(Tensor min, Tensor max) { return Nano.clamp(this, min, max); }

    /**
     * {@code x.clamp_min(min)}; a NaN bound gives NaN everywhere (clamp(min, null) would ignore it).
     * @param min the lower bound
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor clampMin(double min) { return Nano.clampMin(this, min); }

    /**
     * {@code x.clamp_max(max)}; a NaN bound gives NaN everywhere (clamp(null, max) would ignore it).
     * @param max the upper bound
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor clampMax(double max) { return Nano.clampMax(this, max); }

    /**
     * {@code torch.maximum(x, other)}: the element-wise larger value, NaN if either is NaN.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor maximum(Tensor other) { return Nano.maximum(this, other); }

    /**
     * {@code torch.minimum(x, other)}: the element-wise smaller value, NaN if either is NaN.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor minimum(Tensor other) { return Nano.minimum(this, other); }

    /**
     * PyTorch's {@code x.where(condition, other)}: this where condition holds, else other.
     * @param condition a bool tensor
     * @param other the values taken where {@code condition} is false
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor where(Tensor condition, Tensor other) { return Nano.where(condition, this, other); }

    // ---------------------------------------------------------------- reductions

    /**
     * {@code x.sum()}: the sum of every element, as a 0-d tensor.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor sum() { return Nano.sum(this); }

    /**
     * {@code x.sum(dim)}: sums along one dim, removing it.
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor sum(int dim) { return Nano.sum(this, new int[] {dim}, false); }

    /**
     * {@code x.sum(dim, keepdim)}.
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor sum(int dim, boolean keepdim) { return Nano.sum(this, new int[] {dim}, keepdim); }

    /**
     * {@code x.sum(dims, keepdim)}.
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor sum(int[] dims, boolean keepdim) { return Nano.sum(this, dims, keepdim); }

    /**
     * {@code x.mean()}: the mean of every element, as a 0-d tensor.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor mean() { return Nano.mean(this); }

    /**
     * {@code x.mean(dim)}: the mean along one dim, removing it.
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor mean(int dim) { return Nano.mean(this, new int[] {dim}, false); }

    /**
     * {@code x.mean(dim, keepdim)}.
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor mean(int dim, boolean keepdim) { return Nano.mean(this, new int[] {dim}, keepdim); }

    /**
     * {@code x.mean(dims, keepdim)}.
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor mean(int[] dims, boolean keepdim) { return Nano.mean(this, dims, keepdim); }

    /**
     * Unbiased (correction 1) over all elements.
     * @return a 0-d tensor
     */
    public Tensor var() { return Nano.var(this); }

    /**
     * {@code x.var(dim)}: the unbiased variance along one dim.
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor var(int dim) { return Nano.var(this, new int[] {dim}, 1.0, false); }

    /**
     * {@code x.var(dims, correction=correction, keepdim=keepdim)}: Σ(x − mean)² / (N − correction).
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param correction subtracted from N in the divisor (1: unbiased, 0: population)
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor var(int[] dims, double correction, boolean keepdim) {
        return Nano.var(this, dims, correction, keepdim);
    }

    /**
     * {@code x.var(dims, unbiased, keepdim)}.
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param unbiased true divides by N − 1, false by N (PyTorch's older {@code unbiased=} argument)
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor var(int[] dims, boolean unbiased, boolean keepdim) {
        return Nano.var(this, dims, unbiased ? 1 : 0, keepdim);
    }

    /**
     * {@code x.std()}: the unbiased standard deviation of every element.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor std() { return Nano.std(this); }

    /**
     * {@code x.std(dim)}: the unbiased standard deviation along one dim.
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor std(int dim) { return Nano.std(this, new int[] {dim}, 1.0, false); }

    /**
     * {@code x.std(dims, correction=correction, keepdim=keepdim)}: √var.
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param correction subtracted from N in the divisor (1: unbiased, 0: population)
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor std(int[] dims, double correction, boolean keepdim) {
        return Nano.std(this, dims, correction, keepdim);
    }

    /**
     * {@code x.std(dims, unbiased, keepdim)}.
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param unbiased true divides by N − 1, false by N (PyTorch's older {@code unbiased=} argument)
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor std(int[] dims, boolean unbiased, boolean keepdim) {
        return Nano.std(this, dims, unbiased ? 1 : 0, keepdim);
    }

    /**
     * {@code x.prod()}: the product of every element.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor prod() { return Nano.prod(this); }

    /**
     * {@code x.prod(dim)}: the product along one dim, removing it.
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor prod(int dim) { return Nano.prod(this, dim, false); }

    /**
     * {@code x.prod(dim, keepdim)}.
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor prod(int dim, boolean keepdim) { return Nano.prod(this, dim, keepdim); }

    /**
     * {@code x.amax()}: the largest element; ties share the gradient.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor amax() { return Nano.amax(this, new int[0], false); }

    /**
     * {@code x.amax(dim)}: the largest value along one dim.
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor amax(int dim) { return Nano.amax(this, new int[] {dim}, false); }

    /**
     * {@code x.amax(dims, keepdim)}.
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor amax(int[] dims, boolean keepdim) { return Nano.amax(this, dims, keepdim); }

    /**
     * {@code x.amin()}: the smallest element; ties share the gradient.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor amin() { return Nano.amin(this, new int[0], false); }

    /**
     * {@code x.amin(dim)}: the smallest value along one dim.
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor amin(int dim) { return Nano.amin(this, new int[] {dim}, false); }

    /**
     * {@code x.amin(dims, keepdim)}.
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor amin(int[] dims, boolean keepdim) { return Nano.amin(this, dims, keepdim); }

    /**
     * Full reduction; ties share the gradient evenly.
     * @return a 0-d tensor: the largest element, NaN if any is NaN
     */
    public Tensor max() { return Nano.max(this); }

    /**
     * Values and (first) indices along {@code dim}; the gradient goes to the returned index.
     * @param dim the dim to work along (negative counts from the end)
     * @return the maxima and their int64 indices, with {@code dim} removed
     */
    public ValuesIndices max(int dim) { return Nano.max(this, dim, false); }

    /**
     * {@code x.max(dim, keepdim)}: values and (first) indices along {@code dim}.
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether reduced dims stay as size 1
     * @return the maxima and their int64 indices
     */
    public ValuesIndices max(int dim, boolean keepdim) { return Nano.max(this, dim, keepdim); }

    /**
     * {@code x.min()}: the smallest element, NaN if any is NaN; ties share the gradient evenly.
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor min() { return Nano.min(this); }

    /**
     * {@code x.min(dim)}: values and (first) indices of the smallest elements along {@code dim}.
     * @param dim the dim to work along (negative counts from the end)
     * @return the minima and their int64 indices, with {@code dim} removed
     */
    public ValuesIndices min(int dim) { return Nano.min(this, dim, false); }

    /**
     * {@code x.min(dim, keepdim)}.
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether reduced dims stay as size 1
     * @return the minima and their int64 indices
     */
    public ValuesIndices min(int dim, boolean keepdim) { return Nano.min(this, dim, keepdim); }

    /**
     * {@code x.argmax()}: the flat index of the first largest element.
     * @return a 0-d int64 tensor
     */
    public Tensor argmax() { return Nano.argmax(this); }

    /**
     * {@code x.argmax(dim, keepdim)}: the index of the first largest value along {@code dim}.
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether reduced dims stay as size 1
     * @return an int64 tensor
     */
    public Tensor argmax(int dim, boolean keepdim) { return Nano.argmax(this, dim, keepdim); }

    /**
     * {@code x.argmax(dim)}: the index of the first largest value along {@code dim}, which is removed.
     * @param dim the dim to work along (negative counts from the end)
     * @return an int64 tensor
     */
    public Tensor argmax(int dim) { return Nano.argmax(this, dim, false); }

    /**
     * {@code x.argmin()}: the flat index of the first smallest element.
     * @return a 0-d int64 tensor
     */
    public Tensor argmin() { return Nano.argmin(this); }

    /**
     * {@code x.argmin(dim, keepdim)}: the index of the first smallest value along {@code dim}.
     * @param dim the dim to work along (negative counts from the end)
     * @param keepdim whether reduced dims stay as size 1
     * @return an int64 tensor
     */
    public Tensor argmin(int dim, boolean keepdim) { return Nano.argmin(this, dim, keepdim); }

    /**
     * {@code x.argmin(dim)}: the index of the first smallest value along {@code dim}, which is removed.
     * @param dim the dim to work along (negative counts from the end)
     * @return an int64 tensor
     */
    public Tensor argmin(int dim) { return Nano.argmin(this, dim, false); }

    /**
     * {@code x.logsumexp(dim)}: ln Σ e^x along one dim, computed stably.
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor logsumexp(int dim) { return Nano.logsumexp(this, new int[] {dim}, false); }

    /**
     * {@code x.logsumexp(dims, keepdim)}.
     * @param dims the dims to reduce (negative counts from the end); empty reduces every dim
     * @param keepdim whether reduced dims stay as size 1
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor logsumexp(int[] dims, boolean keepdim) { return Nano.logsumexp(this, dims, keepdim); }

    /**
     * {@code x.softmax(dim)}: e^x / Σ e^x along {@code dim}.
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor softmax(int dim) { return Nano.softmax(this, dim); }

    /**
     * {@code x.log_softmax(dim)}: x − logsumexp(x) along {@code dim}.
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor logSoftmax(int dim) { return Nano.logSoftmax(this, dim); }

    // ---------------------------------------------------------------- linear algebra

    /**
     * {@code x @ other}, {@link Nano#matmul}: dot, matrix-vector, matrix-matrix or batched product.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor matmul(Tensor other) { return Nano.matmul(this, other); }

    /**
     * {@code x.mm(other)}: the product of two matrices.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor mm(Tensor other) { return Nano.mm(this, other); }

    /**
     * {@code x.dot(other)}: the inner product of two 1-D tensors.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor dot(Tensor other) { return Nano.dot(this, other); }

    /**
     * Transpose of a tensor with at most 2 dims.
     * @return a new tensor (nano copies where PyTorch returns a view)
     */
    public Tensor t() { return Nano.t(this); }

    // ---------------------------------------------------------------- movement

    /**
     * New shape with the same elements; one size may be -1 (inferred).
     * @param shape the new sizes; one may be −1 (inferred)
     * @return a new tensor with the same elements
     */
    public Tensor reshape(int... shape) { return Nano.reshape(this, shape); }

    /**
     * {@code x.view(shape)}: the same as {@link #reshape} in nano, whose tensors are always contiguous.
     * @param shape the new sizes; one may be −1 (inferred)
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor view(int... shape) { return Nano.view(this, shape); }

    /**
     * {@code x.flatten()}: all elements in one dim (a 0-d tensor becomes shape [1]).
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor flatten() { return Nano.flatten(this, 0, -1); }

    /**
     * {@code x.flatten(start_dim, end_dim)}: merges the dims from {@code startDim} to {@code endDim} into one.
     * @param startDim the first dim to merge
     * @param endDim the last dim to merge (inclusive)
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor flatten(int startDim, int endDim) { return Nano.flatten(this, startDim, endDim); }

    /**
     * Drops every dim of size 1.
     * @return a new tensor without size-1 dims
     */
    public Tensor squeeze() { return Nano.squeeze(this); }

    /**
     * {@code x.squeeze(dim)}: removes {@code dim} if its size is 1, else returns the same shape.
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor squeeze(int dim) { return Nano.squeeze(this, new int[] {dim}); }

    /**
     * {@code x.squeeze(dims)}: removes those of {@code dims} whose size is 1.
     * @param dims the dims to remove if they have size 1
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor squeeze(int[] dims) { return Nano.squeeze(this, dims); }

    /**
     * {@code x.unsqueeze(dim)}: inserts a size-1 dim at {@code dim}.
     * @param dim the position of the new dim
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor unsqueeze(int dim) { return Nano.unsqueeze(this, dim); }

    /**
     * {@code x.transpose(dim0, dim1)}: swaps two dims.
     * @param dim0 one dim
     * @param dim1 the other dim
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor transpose(int dim0, int dim1) { return Nano.transpose(this, dim0, dim1); }

    /**
     * {@code x.permute(dims)}: reorders the dims; result dim i is this tensor's dim {@code dims[i]}.
     * @param dims a permutation of the dims
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor permute(int... dims) { return Nano.permute(this, dims); }

    /**
     * Broadcasts to a larger shape; -1 keeps a size.
     * @param sizes the target sizes; −1 keeps a size
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor expand(int... sizes) { return Nano.expand(this, sizes); }

    /**
     * {@code x.narrow(dim, start, length)}: {@code length} positions along {@code dim} from {@code start}.
     * @param dim the dim to work along (negative counts from the end)
     * @param start the first position kept
     * @param length how many positions to keep
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor narrow(int dim, int start, int length) { return Nano.narrow(this, dim, start, length); }

    /**
     * {@code x.narrow(dim, start, length)} with the start as a 0-d int64 tensor.
     * @param dim the dim to work along (negative counts from the end)
     * @param start a 0-d int64 tensor: the first position kept
     * @param length how many positions to keep
     * @return a new tensor
     */
    public Tensor narrow(int dim, Tensor start, int length) { return Nano.narrow(this, dim, start, length); }

    /**
     * Picks one position along {@code dim}, removing the dim.
     * @param dim the dim to work along (negative counts from the end)
     * @param index the position (negative counts from the end)
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor select(int dim, int index) { return Nano.select(this, dim, index); }

    /**
     * {@code x[s0, s1, ...]} with a range per leading dim.
     * @param slices one slice per leading dim
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor index(Slice... slices) { return Nano.index(this, slices); }

    /**
     * {@code x[...]} as in PyTorch, e.g. {@code x[i, :, None, ..., m]} is
     * {@code x.index(Index.tensor(i), Index.all(), Index.none(), Index.ellipsis(), Index.mask(m))}.
     * @param indices one entry per position of the index (see {@link Index})
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor index(Index... indices) { return Nano.index(this, indices); }

    /**
     * {@code x.gather(dim, index)}: picks along {@code dim} the positions {@code index} names.
     * @param dim the dim to work along (negative counts from the end)
     * @param index an int64 tensor with as many dims as this one; the result has its shape
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor gather(int dim, Tensor index) { return Nano.gather(this, dim, index); }

    /**
     * {@code x.take_along_dim(indices, dim)}: see {@link Nano#takeAlongDim(Tensor, Tensor, int)}.
     * @param indices an int64 tensor with as many dims as this tensor
     * @param dim the dim to work along (negative counts from the end)
     * @return a new tensor
     */
    public Tensor takeAlongDim(Tensor indices, int dim) { return Nano.takeAlongDim(this, indices, dim); }

    /**
     * {@code x.take_along_dim(indices)}: positions in the flattened tensor.
     * @param indices an int64 tensor of positions in the flattened tensor
     * @return a 1-D tensor
     */
    public Tensor takeAlongDim(Tensor indices) { return Nano.takeAlongDim(this, indices); }

    /**
     * Constant padding: {@code pad} holds (left, right) pairs starting from the last dim.
     * @param pad (left, right) pairs, last dim first; negative amounts crop
     * @param value the value written into the padding
     * @return a new tensor (see the {@link Nano} function of the same name for the shape rules)
     */
    public Tensor pad(int[] pad, double value) { return Nano.pad(this, pad, value); }

    /**
     * {@code F.pad(self, pad, mode)}: "constant", "reflect", "replicate" or "circular".
     * @param pad (left, right) pairs, last dim first
     * @param mode the padding mode
     * @return the padded tensor
     */
    public Tensor pad(int[] pad, String mode) { return Nano.pad(this, pad, mode); }

    /**
     * A copy that stays in the graph.
     * @return a new tensor with its own storage, equal to this one
     */
    public Tensor cloneTensor() { return Nano.clone(this); }

    // ---------------------------------------------------------------- repeat, flip, roll, diagonal, ... (Nano's forms)

    /**
     * {@code x.repeat(repeats)}: whole copies side by side along each dim.
     * @param repeats copies per dim, at least {@code dim()} of them
     * @return a new tensor (see {@link Nano#repeat})
     */
    public Tensor repeat(int... repeats) { return Nano.repeat(this, repeats); }

    /**
     * {@code x.tile(dims)}: repeat with {@code dims} padded by leading 1s.
     * @param dims copies per trailing dim
     * @return a new tensor (see {@link Nano#tile})
     */
    public Tensor tile(int... dims) { return Nano.tile(this, dims); }

    /**
     * {@code x.repeat_interleave(repeats)}: every element of the flattened tensor repeated in place.
     * @param repeats copies of each element
     * @return a 1-D tensor
     */
    public Tensor repeatInterleave(int repeats) { return Nano.repeatInterleave(this, repeats); }

    /**
     * {@code x.repeat_interleave(repeats, dim)}: every position along {@code dim} repeated in place.
     * @param repeats copies of each position
     * @param dim the dim (negative counts from the end)
     * @return a new tensor
     */
    public Tensor repeatInterleave(int repeats, int dim) { return Nano.repeatInterleave(this, repeats, dim); }

    /**
     * {@code x.repeat_interleave(repeats)} with an int64 tensor of counts, on the flattened tensor.
     * @param repeats 0-d, one count, or one count per element
     * @return a 1-D tensor
     */
    public Tensor repeatInterleave(Tensor repeats) { return Nano.repeatInterleave(this, repeats); }

    /**
     * {@code x.repeat_interleave(repeats, dim)} with an int64 tensor of counts.
     * @param repeats 0-d, one count, or one count per position along {@code dim}
     * @param dim the dim (negative counts from the end)
     * @return a new tensor
     */
    public Tensor repeatInterleave(Tensor repeats, int dim) { return Nano.repeatInterleave(this, repeats, dim); }

    /**
     * {@code x.flip(dims)}: the positions along {@code dims} reversed.
     * @param dims the dims to reverse
     * @return a new tensor
     */
    public Tensor flip(int... dims) { return Nano.flip(this, dims); }

    /**
     * {@code x.roll(shifts, dims)}: positions shifted with wrap-around.
     * @param shifts one shift per dim (one shift and no dims: the flattened tensor)
     * @param dims the dims
     * @return a new tensor
     */
    public Tensor roll(int[] shifts, int[] dims) { return Nano.roll(this, shifts, dims); }

    /**
     * {@code x.unbind(dim)}: the slices along {@code dim}.
     * @param dim the dim (negative counts from the end)
     * @return one tensor per position along {@code dim}
     */
    public Tensor[] unbind(int dim) { return Nano.unbind(this, dim); }

    /**
     * {@code x.movedim(source, destination)}: dims moved, the others keeping their order.
     * @param source the dims to move
     * @param destination where each goes
     * @return a new tensor
     */
    public Tensor movedim(int[] source, int[] destination) { return Nano.movedim(this, source, destination); }

    /**
     * {@code x.movedim(source, destination)} of one dim.
     * @param source the dim to move
     * @param destination where it goes
     * @return a new tensor
     */
    public Tensor movedim(int source, int destination) { return Nano.movedim(this, source, destination); }

    /**
     * {@code x.diag(diagonal)}: a vector's square matrix, or a matrix's diagonal.
     * @param diagonal which diagonal: 0 the main one, positive above, negative below
     * @return a new tensor
     */
    public Tensor diag(int diagonal) { return Nano.diag(this, diagonal); }

    /**
     * {@code x.diagonal(offset, dim1, dim2)}: a diagonal of every matrix in dims {@code dim1, dim2}.
     * @param offset 0 the main diagonal, positive above it, negative below
     * @param dim1 the rows' dim
     * @param dim2 the columns' dim
     * @return a new tensor
     */
    public Tensor diagonal(int offset, int dim1, int dim2) { return Nano.diagonal(this, offset, dim1, dim2); }

    /**
     * {@code x.unflatten(dim, sizes)}: dim {@code dim} split into {@code sizes}.
     * @param dim the dim to split
     * @param sizes the new sizes (one may be -1)
     * @return a new tensor
     */
    public Tensor unflatten(int dim, int... sizes) { return Nano.unflatten(this, dim, sizes); }

    /**
     * {@code x.broadcast_to(shape)}: expand to {@code shape}.
     * @param shape the target shape
     * @return a new tensor
     */
    public Tensor broadcastTo(int... shape) { return Nano.broadcastTo(this, shape); }

    /**
     * {@code x.expand_as(other)}: expand to {@code other}'s shape.
     * @param other the tensor whose shape is the target
     * @return a new tensor
     */
    public Tensor expandAs(Tensor other) { return Nano.expandAs(this, other); }

    /**
     * {@code x.sort(dim, descending, stable)}: see {@link Nano#sort}.
     * @param dim the dim to sort along
     * @param descending largest first
     * @param stable PyTorch's flag; nano sorts stably either way
     * @return the sorted values and their positions
     */
    public ValuesIndices sort(int dim, boolean descending, boolean stable) { return Nano.sort(this, dim, descending, stable); }

    /**
     * {@code x.argsort(dim, descending, stable)}: see {@link Nano#argsort}.
     * @param dim the dim to sort along
     * @param descending largest first
     * @param stable PyTorch's flag; nano sorts stably either way
     * @return the int64 positions
     */
    public Tensor argsort(int dim, boolean descending, boolean stable) { return Nano.argsort(this, dim, descending, stable); }

    /**
     * {@code x.topk(k, dim, largest)}: see {@link Nano#topk}.
     * @param k how many
     * @param dim the dim
     * @param largest the largest (else the smallest)
     * @return the values and their positions, in order
     */
    public ValuesIndices topk(int k, int dim, boolean largest) { return Nano.topk(this, k, dim, largest); }

    /**
     * {@code x.kthvalue(k, dim, keepdim)}: see {@link Nano#kthvalue}.
     * @param k which one, from 1
     * @param dim the dim
     * @param keepdim keep the dim as size 1
     * @return the value and its position
     */
    public ValuesIndices kthvalue(int k, int dim, boolean keepdim) { return Nano.kthvalue(this, k, dim, keepdim); }

    /**
     * {@code x.index_select(dim, index)}: see {@link Nano#indexSelect}.
     * @param dim the dim
     * @param index a 0-d or 1-D int64 tensor of positions
     * @return a new tensor
     */
    public Tensor indexSelect(int dim, Tensor index) { return Nano.indexSelect(this, dim, index); }

    /**
     * {@code x.masked_select(mask)}: see {@link Nano#maskedSelect}.
     * @param mask a bool tensor broadcasting with this one
     * @return a 1-D tensor
     */
    public Tensor maskedSelect(Tensor mask) { return Nano.maskedSelect(this, mask); }

    /**
     * {@code x.nonzero()}: see {@link Nano#nonzero}.
     * @return an int64 tensor of coordinates
     */
    public Tensor nonzero() { return Nano.nonzero(this); }

    /**
     * {@code x.scatter(dim, index, src)}: see {@link Nano#scatter(Tensor, int, Tensor, Tensor)}.
     * @param dim the dim
     * @param index an int64 tensor
     * @param src the values written
     * @return a new tensor
     */
    public Tensor scatter(int dim, Tensor index, Tensor src) { return Nano.scatter(this, dim, index, src); }

    /**
     * {@code x.scatter(dim, index, value)}: see {@link Nano#scatter(Tensor, int, Tensor, double)}.
     * @param dim the dim
     * @param index an int64 tensor
     * @param value the value written
     * @return a new tensor
     */
    public Tensor scatter(int dim, Tensor index, double value) { return Nano.scatter(this, dim, index, value); }

    /**
     * {@code x.scatter_add(dim, index, src)}: see {@link Nano#scatterAdd}.
     * @param dim the dim
     * @param index an int64 tensor
     * @param src the values added
     * @return a new tensor
     */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) { return Nano.scatterAdd(this, dim, index, src); }

    /**
     * {@code x.index_add(dim, index, source, alpha=alpha)}: see {@link Nano#indexAdd}.
     * @param dim the dim
     * @param index a 0-d or 1-D int64 tensor
     * @param source the values added
     * @param alpha the factor of {@code source}
     * @return a new tensor
     */
    public Tensor indexAdd(int dim, Tensor index, Tensor source, double alpha) {
        return Nano.indexAdd(this, dim, index, source, alpha);
    }

    /**
     * {@code x.index_copy(dim, index, source)}: see {@link Nano#indexCopy}.
     * @param dim the dim
     * @param index a 0-d or 1-D int64 tensor
     * @param source the values copied
     * @return a new tensor
     */
    public Tensor indexCopy(int dim, Tensor index, Tensor source) { return Nano.indexCopy(this, dim, index, source); }

    /**
     * {@code x.index_fill(dim, index, value)}: see {@link Nano#indexFill}.
     * @param dim the dim
     * @param index a 0-d or 1-D int64 tensor
     * @param value the value written
     * @return a new tensor
     */
    public Tensor indexFill(int dim, Tensor index, double value) { return Nano.indexFill(this, dim, index, value); }

    // ---------------------------------------------------------------- comparisons (bool results)

    /**
     * {@code x < other}, {@link Nano#lt(Tensor, Tensor)}.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a bool tensor
     */
    public Tensor lt(Tensor other) { return Nano.lt(this, other); }

    /**
     * {@code x < other}; NaN compares false.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a bool tensor
     */
    public Tensor lt(double other) { return Nano.lt(this, other); }

    /**
     * {@code x <= other}, {@link Nano#le(Tensor, Tensor)}.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a bool tensor
     */
    public Tensor le(Tensor other) { return Nano.le(this, other); }

    /**
     * {@code x <= other}; NaN compares false.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a bool tensor
     */
    public Tensor le(double other) { return Nano.le(this, other); }

    /**
     * {@code x > other}, {@link Nano#gt(Tensor, Tensor)}.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a bool tensor
     */
    public Tensor gt(Tensor other) { return Nano.gt(this, other); }

    /**
     * {@code x > other}; NaN compares false.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a bool tensor
     */
    public Tensor gt(double other) { return Nano.gt(this, other); }

    /**
     * {@code x >= other}, {@link Nano#ge(Tensor, Tensor)}.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a bool tensor
     */
    public Tensor ge(Tensor other) { return Nano.ge(this, other); }

    /**
     * {@code x >= other}; NaN compares false.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a bool tensor
     */
    public Tensor ge(double other) { return Nano.ge(this, other); }

    /**
     * {@code x == other}, {@link Nano#eq(Tensor, Tensor)}.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a bool tensor
     */
    public Tensor eq(Tensor other) { return Nano.eq(this, other); }

    /**
     * {@code x == other}; NaN equals nothing.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a bool tensor
     */
    public Tensor eq(double other) { return Nano.eq(this, other); }

    /**
     * {@code x != other}, {@link Nano#ne(Tensor, Tensor)}.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a bool tensor
     */
    public Tensor ne(Tensor other) { return Nano.ne(this, other); }

    /**
     * {@code x != other}; NaN differs from everything.
     * @param other the right operand; a tensor broadcasts against this one
     * @return a bool tensor
     */
    public Tensor ne(double other) { return Nano.ne(this, other); }

    /**
     * Converts to float64 (a copy for other types; this tensor itself if already float64).
     * @return a float64 tensor with the same values
     */
    public Tensor toFloat64() {
        return dtype == DType.FLOAT64 ? this : new Tensor(data.clone(), shape, DType.FLOAT64);
    }

    /** Prints like PyTorch, e.g. {@code tensor([[1., 2.]], grad_fn=<AddBackward0>)}. */
    @Override
    public String toString() {
        return TensorFormatter.format(this);
    }

    // ---------------------------------------------------------------- attention's building blocks

    /**
     * {@code x.masked_fill(mask, value)}, {@link Nano#maskedFill}.
     * @param mask a bool tensor; broadcasts against this one
     * @param value the fill value
     * @return a new tensor
     */
    public Tensor maskedFill(Tensor mask, double value) { return Nano.maskedFill(this, mask, value); }

    /**
     * {@code x.tril(diagonal)}, {@link Nano#tril}.
     * @param diagonal which diagonal bounds the triangle
     * @return a new tensor
     */
    public Tensor tril(int diagonal) { return Nano.tril(this, diagonal); }

    /**
     * {@code x.triu(diagonal)}, {@link Nano#triu}.
     * @param diagonal which diagonal bounds the triangle
     * @return a new tensor
     */
    public Tensor triu(int diagonal) { return Nano.triu(this, diagonal); }

    /**
     * {@code x.bmm(other)}, {@link Nano#bmm}.
     * @param other a 3-D tensor of the same batch size
     * @return a new tensor
     */
    public Tensor bmm(Tensor other) { return Nano.bmm(this, other); }

    /**
     * {@code x.baddbmm(b1, b2, beta=beta, alpha=alpha)}, {@link Nano#baddbmm}.
     * @param b1 (B, n, k)
     * @param b2 (B, k, p)
     * @param beta this tensor's factor
     * @param alpha the product's factor
     * @return a new tensor
     */
    public Tensor baddbmm(Tensor b1, Tensor b2, double beta, double alpha) {
        return Nano.baddbmm(this, b1, b2, beta, alpha);
    }

    /**
     * {@code x.split(splitSize, dim)}, {@link Nano#split(Tensor, int, int)}.
     * @param splitSize each piece's length
     * @param dim the dim to cut
     * @return the pieces
     */
    public java.util.List<Tensor> split(int splitSize, int dim) { return Nano.split(this, splitSize, dim); }

    /**
     * {@code x.split(sizes, dim)}, {@link Nano#split(Tensor, int[], int)}.
     * @param sizes the pieces' lengths
     * @param dim the dim to cut
     * @return the pieces
     */
    public java.util.List<Tensor> split(int[] sizes, int dim) { return Nano.split(this, sizes, dim); }

    /**
     * {@code x.chunk(chunks, dim)}, {@link Nano#chunk}.
     * @param chunks how many pieces at most
     * @param dim the dim to cut
     * @return the pieces
     */
    public java.util.List<Tensor> chunk(int chunks, int dim) { return Nano.chunk(this, chunks, dim); }

    /**
     * {@code x.cumsum(dim)}, {@link Nano#cumsum}.
     * @param dim the dim to sum along
     * @return a new tensor
     */
    public Tensor cumsum(int dim) { return Nano.cumsum(this, dim); }
}
