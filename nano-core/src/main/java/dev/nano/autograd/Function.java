package dev.nano.autograd;

import dev.nano.Checks;
import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.internal.TensorAccess;

/**
 * The base class of every differentiable operation. A subclass says how to compute its output
 * ({@link #forward}) and how to turn the gradient of that output into gradients of its inputs
 * ({@link #backward}); nothing else in nano knows how an op differentiates.
 *
 * <p>One instance is made per call, so attributes of the call (a dim, a scalar, keepdim) live in
 * the instance's fields, next to the math that uses them. {@link #apply} runs forward with grad
 * mode off and, when some input requires grad and grad mode is on, attaches a {@link Context} to
 * the result so that {@code backward()} can find its way back.
 */
public abstract class Function {
    /** For subclasses: one instance per node of the graph, made by {@link #apply}. */
    protected Function() {
    }


    /**
     * Computes the output from the inputs. Runs with grad mode off, so it may use other tensor
     * operations freely without recording them. Save what backward needs with
     * {@link Context#saveForBackward}.
     * @param ctx this call's graph node, where forward saves what backward needs
     * @param inputs the operation's inputs
     * @return the output
     */
    protected abstract Tensor forward(Context ctx, Tensor... inputs);

    /**
     * Given dL/d(output), returns dL/d(input) for each input, in order ({@code null} where an
     * input needs no gradient). A gradient may have the output's broadcast shape: the engine sums
     * it back to its input's shape (over the dims {@code Shape.sumToDims} names), as PyTorch's engine does.
     * Runs with grad mode off.
     * @param ctx the graph node of the forward call
     * @param gradOutput dL/d(output)
     * @return one gradient per input, or null where none is needed
     */
    protected abstract Tensor[] backward(Context ctx, Tensor gradOutput);

    /**
     * PyTorch's name for this node, e.g. {@code MulBackward0}.
     * @return the node name printed in {@code grad_fn}
     */
    public String name() {
        return getClass().getSimpleName() + "Backward0";
    }

    /**
     * nano's dtype rule, checked in one place ({@link #apply}): an operator that computes new
     * values computes in float64, and needs at least one float64 value input. Next to one (the mask
     * idiom {@code mask.mul(x)}, int64 + float64), bool and int64 inputs are read as numbers and the
     * result is float64, which is also PyTorch's result. With no float64 input PyTorch would return
     * an integer tensor, its default float32, or an error, never what nano computes, so nano refuses
     * and asks for an explicit {@code toFloat64()}. Operators that only move, copy or select values
     * (reshape, cat, index, pad, clone, ...) return false here: they take every dtype and keep it.
     * @return true if this operation computes new values, false if it only moves, copies or selects them
     */
    protected boolean computesValues() {
        return true;
    }

    /**
     * Whether the call has a number operand besides its tensor inputs ({@code x.pow(2.0)}): the dtype
     * rule counts that number as a float64 input, as it does the {@code 2.0} of {@code mask.mul(2.0)}
     * (there a 0-d float64 tensor), so an int64 or bool tensor alone is then accepted.
     * @return true if a number operand that is not an input counts as a float64 input
     */
    protected boolean hasNumberOperand() {
        return false;
    }

    /**
     * Whether input {@code i} holds values the rule above applies to (where's condition does not).
     * @param i the input's position
     * @return true if input {@code i} is a value input
     */
    protected boolean isValueInput(int i) {
        return true;
    }

    /** The operator's name for messages: {@code AddBackward0} gives {@code add}. */
    String opName() {
        String n = name().replaceFirst("Backward\\d*$", "");
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    /**
     * Runs the op: forward without recording, then links the result into the graph if needed.
     * @param inputs the operation's inputs
     * @return the output, linked into the graph when some input requires grad and grad mode is on
     */
    public final Tensor apply(Tensor... inputs) {
        Tensor notFloat = null;
        boolean anyFloat = false;
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) { // the name is built only on failure: apply is on every op's hot path
                throw Checks.nullArgument(opName(), "input " + i);
            }
            if (isValueInput(i)) {
                anyFloat |= inputs[i].dtype() == DType.FLOAT64;
                notFloat = inputs[i].dtype() == DType.FLOAT64 ? notFloat : inputs[i];
            }
        }
        if (computesValues() && !anyFloat && notFloat != null && !hasNumberOperand()) {
            throw new IllegalArgumentException(opName() + ": got only " + notFloat.dtype().torchName() + " inputs; "
                    + "nano computes in float64 and PyTorch would not return float64 here, so convert "
                    + "explicitly with toFloat64()");
        }
        boolean[] needsInputGrad = new boolean[inputs.length];
        boolean anyNeedsGrad = false;
        if (GradMode.isEnabled()) {
            for (int i = 0; i < inputs.length; i++) {
                needsInputGrad[i] = inputs[i].requiresGrad();
                anyNeedsGrad |= needsInputGrad[i];
            }
        }
        Context ctx = new Context(this, inputs, needsInputGrad);
        Tensor out;
        try (GradMode.Scope ignored = GradMode.set(false)) {
            out = forward(ctx, inputs);
        }
        if (anyNeedsGrad) {
            ctx.setOutput(out);
            TensorAccess.get().attachGradFn(out, ctx); // out becomes a non-leaf that requires grad
        }
        return out;
    }

    /**
     * Runs the op as PyTorch's in-place form ({@code x.add_(y)}): the result is written into
     * {@code inputs[0]}'s own storage, its version counter moves on, and, when the call is recorded,
     * {@code inputs[0]} becomes the output of the new node, so its {@code gradFn} is this op and its
     * old history is the node's first input, as PyTorch "rebases" an in-place op's history.
     *
     * <p>What the node saves for backward must be the values before the write (PyTorch's
     * {@code original_self} in tools/autograd/gen_variable_type.py), so the op runs on a copy that
     * carries the tensor's history; the write happens only after the op has succeeded, so a call
     * that fails changes nothing. This is the general path, one temporary per call; the operators'
     * own in-place forms skip it and loop over the storage directly when nothing is recorded.
     * @param inputs the operation's inputs; the first is the tensor written
     * @return {@code inputs[0]}, holding the result
     */
    public final Tensor applyInPlace(Tensor... inputs) {
        Tensor self = inputs[0];
        if (self == null) {
            throw Checks.nullArgument(opName() + "_", "input 0");
        }
        checkWritable(opName() + "_", self);
        Tensor[] args = inputs.clone();
        args[0] = valuesWithHistory(self);
        Tensor out = apply(args);
        if (!java.util.Arrays.equals(out.shape(), self.shape())) {
            throw new IllegalArgumentException(opName() + "_: output with shape " + Shape.toString(self.shape())
                    + " doesn't match the broadcast shape " + Shape.toString(out.shape()));
        }
        System.arraycopy(out.data(), 0, self.data(), 0, out.data().length);
        self.markModifiedInPlace();
        Context node = out.gradFn();
        if (node != null) {
            node.setOutput(self);
            TensorAccess.get().attachGradFn(self, node);
        }
        return self;
    }

    /**
     * PyTorch's rule for every in-place write while grad mode is on: a leaf that requires grad may
     * not be written (its gradient would describe values it no longer holds). Under
     * {@code GradMode.set(false)} (PyTorch's no_grad) the write is allowed: that is how optimizers
     * update parameters.
     * @param op the in-place op's name for the message, e.g. {@code add_}
     * @param self the tensor about to be written
     */
    public static void checkWritable(String op, Tensor self) {
        if (GradMode.isEnabled() && self.isLeaf() && self.requiresGrad()) {
            throw new IllegalStateException(op + ": a leaf Variable that requires grad is being used in an in-place "
                    + "operation.");
        }
    }

    /** A copy of the values that has the tensor's grad_fn (or none): what the in-place node reads and saves. */
    private static Tensor valuesWithHistory(Tensor self) {
        Tensor copy = new Tensor(self.data().clone(), self.shape(), self.dtype());
        if (self.gradFn() != null) {
            TensorAccess.get().attachGradFn(copy, self.gradFn());
        }
        return copy;
    }
}
