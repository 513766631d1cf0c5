package dev.nano.autograd;

import dev.nano.Tensor;

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

    /**
     * Computes the output from the inputs. Runs with grad mode off, so it may use other tensor
     * operations freely without recording them. Save what backward needs with
     * {@link Context#saveForBackward}.
     */
    protected abstract Tensor forward(Context ctx, Tensor... inputs);

    /**
     * Given dL/d(output), returns dL/d(input) for each input, in order ({@code null} where an
     * input needs no gradient). A gradient may have the output's broadcast shape: the engine sums
     * it back to its input's shape ({@code Shape.sumTo}), as PyTorch's engine does.
     * Runs with grad mode off.
     */
    protected abstract Tensor[] backward(Context ctx, Tensor gradOutput);

    /** PyTorch's name for this node, e.g. {@code MulBackward0}. */
    public String name() {
        return getClass().getSimpleName() + "Backward0";
    }

    /** Runs the op: forward without recording, then links the result into the graph if needed. */
    public final Tensor apply(Tensor... inputs) {
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
            out.attachGradFn(ctx); // out becomes a non-leaf that requires grad
        }
        return out;
    }
}
