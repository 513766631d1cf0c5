package dev.nano.autograd;

import dev.nano.Shape;
import dev.nano.Tensor;

/**
 * One node of the autograd graph: what a {@link Function} call remembers for its backward pass.
 * It holds the function, the inputs (whose own contexts are the node's parents), which inputs
 * need a gradient, the tensors saved in forward, and the output it produced.
 * {@code Tensor.gradFn()} returns it.
 *
 * <p>The graph itself is kept apart from the tensors: for each input, its parent node (or, for a
 * leaf that requires grad, the leaf, like PyTorch's AccumulateGrad node) and its shape.
 * {@link #release()} drops the tensors (inputs, saved values, output) and keeps only that, so a
 * loss kept after {@code backward()} (the everyday {@code history.add(loss)}) holds its own value
 * and a chain of small released nodes, not every intermediate tensor of the forward pass.
 */
public final class Context {
    private final Function function;
    private Tensor[] inputs;
    private final boolean[] needsInputGrad;
    private final Context[] parents;
    private final Tensor[] leaves;
    private final int[][] inputShapes;
    private Tensor[] saved = new Tensor[0];
    private int[] savedVersions = new int[0];
    private Tensor output;
    private boolean released;

    Context(Function function, Tensor[] inputs, boolean[] needsInputGrad) {
        this.function = function;
        this.inputs = inputs;
        this.needsInputGrad = needsInputGrad;
        this.parents = new Context[inputs.length];
        this.leaves = new Tensor[inputs.length];
        this.inputShapes = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            parents[i] = inputs[i].gradFn();
            leaves[i] = needsInputGrad[i] && parents[i] == null ? inputs[i] : null;
            inputShapes[i] = inputs[i].shape();
        }
    }

    /**
     * Keeps tensors for backward (usually inputs or the output), noting each one's version.
     * @param tensors the tensors backward will read
     */
    public void saveForBackward(Tensor... tensors) {
        this.saved = tensors.clone();
        this.savedVersions = new int[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            savedVersions[i] = tensors[i].version();
        }
    }

    /**
     * The tensors saved in forward. Fails as PyTorch does once backward has freed them, or when
     * one of them was modified in place since (an optimizer step between forward and backward).
     * @return the saved tensors, in the order saved
     */
    public Tensor[] savedTensors() {
        checkNotReleased();
        for (int i = 0; i < saved.length; i++) {
            if (saved[i].version() != savedVersions[i]) {
                throw new IllegalStateException("one of the variables needed for gradient computation has been "
                        + "modified by an inplace operation: [torch.DoubleTensor " + Shape.toString(saved[i].shape())
                        + "] is at version " + saved[i].version() + "; expected version " + savedVersions[i]
                        + " instead. (It was saved by " + name() + ".)");
            }
        }
        return saved;
    }

    private void checkNotReleased() {
        if (released) {
            throw new IllegalStateException("Trying to backward through the graph a second time (or directly access "
                    + "saved tensors after they have already been freed). Saved intermediate values of the graph are "
                    + "freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to "
                    + "backward through the graph a second time or if you need to access saved tensors after calling "
                    + "backward.");
        }
    }

    /**
     * Whether input {@code i} requires a gradient: backward may skip the others.
     * @param i the input's position in the call
     * @return true if backward must compute that input's gradient
     */
    public boolean needsInputGrad(int i) {
        return needsInputGrad[i];
    }

    /**
     * The operation this node belongs to, whose {@code backward} the engine calls.
     * @return the function
     */
    public Function function() {
        return function;
    }

    /**
     * The inputs this node was computed from, in call order (freed, like saved tensors, by backward).
     * @return the inputs, in call order
     */
    public Tensor[] inputs() {
        checkNotReleased();
        return inputs.clone();
    }

    /** The inputs while they are held (null once released), for the engine's own bookkeeping. */
    Tensor[] heldInputs() {
        return inputs;
    }

    /** The node that computed input {@code i}, or null if that input is a leaf. */
    Context parent(int i) {
        return parents[i];
    }

    /** Input {@code i} if it is a leaf that requires grad (its gradient accumulates there), else null. */
    Tensor leaf(int i) {
        return leaves[i];
    }

    int[] inputShape(int i) {
        return inputShapes[i];
    }

    int inputCount() {
        return parents.length;
    }

    /**
     * PyTorch-style node name, e.g. {@code AddBackward0}.
     * @return the node's name
     */
    public String name() {
        return function.name();
    }

    /** The output, while it is held: a released node keeps it only if it retains its gradient. */
    Tensor output() {
        return output;
    }

    void setOutput(Tensor output) {
        this.output = output;
    }

    /**
     * Frees the saved tensors, the inputs and the output (what backward does unless asked to
     * retain the graph). The parents, leaves and shapes stay, so a graph that saved nothing
     * (sums of additions) can still be walked again, as in PyTorch; an output that asked to
     * retain its gradient stays too, to receive it.
     */
    void release() {
        released = true;
        saved = null;
        inputs = null;
        if (output != null && !output.retainsGrad()) {
            output = null;
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
