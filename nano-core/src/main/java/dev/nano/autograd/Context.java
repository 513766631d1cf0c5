package dev.nano.autograd;

import dev.nano.Shape;
import dev.nano.Tensor;

/**
 * One node of the autograd graph: what a {@link Function} call remembers for its backward pass.
 * It holds the function, the inputs (whose own contexts are the node's parents), which inputs
 * need a gradient, the tensors saved in forward, and the output it produced.
 * {@code Tensor.gradFn()} returns it.
 */
public final class Context {
    private final Function function;
    private final Tensor[] inputs;
    private final boolean[] needsInputGrad;
    private Tensor[] saved = new Tensor[0];
    private int[] savedVersions = new int[0];
    private Tensor output;
    private boolean released;

    Context(Function function, Tensor[] inputs, boolean[] needsInputGrad) {
        this.function = function;
        this.inputs = inputs;
        this.needsInputGrad = needsInputGrad;
    }

    /** Keeps tensors for backward (usually inputs or the output), noting each one's version. */
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
     */
    public Tensor[] savedTensors() {
        if (released) {
            throw new IllegalStateException("Trying to backward through the graph a second time (or directly access "
                    + "saved tensors after they have already been freed). Saved intermediate values of the graph are "
                    + "freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to "
                    + "backward through the graph a second time or if you need to access saved tensors after calling "
                    + "backward.");
        }
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

    /** Whether input {@code i} requires a gradient: backward may skip the others. */
    public boolean needsInputGrad(int i) {
        return needsInputGrad[i];
    }

    public Function function() {
        return function;
    }

    /** The inputs this node was computed from, in call order. */
    public Tensor[] inputs() {
        return inputs.clone();
    }

    Tensor input(int i) {
        return inputs[i];
    }

    int inputCount() {
        return inputs.length;
    }

    /** PyTorch-style node name, e.g. {@code AddBackward0}. */
    public String name() {
        return function.name();
    }

    Tensor output() {
        return output;
    }

    void setOutput(Tensor output) {
        this.output = output;
    }

    /** Frees the saved tensors (what backward does unless asked to retain the graph). */
    void release() {
        released = true;
        saved = null;
    }

    @Override
    public String toString() {
        return name();
    }
}
