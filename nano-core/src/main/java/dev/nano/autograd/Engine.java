package dev.nano.autograd;

import dev.nano.DType;
import dev.nano.Nano;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.internal.TensorAccess;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode differentiation: walks the graph from an output back to the leaves.
 *
 * <p>Every node (a {@link Context}) is visited once, in reverse topological order, so by the time
 * a node runs its backward, the gradients from all of its consumers have been summed. A tensor
 * used twice therefore receives both contributions. Gradients reaching a leaf that requires
 * grad are added to its {@code .grad} (they accumulate across {@code backward()} calls).
 *
 * <p>Two rules keep the leaves consistent. All gradients are computed first and written into the
 * leaves only once the whole pass has succeeded, so a backward that throws halfway leaves every
 * {@code .grad} as it was. And each write into a leaf holds that leaf's lock (PyTorch's
 * AccumulateGrad locks too), so threads running backward into a shared parameter lose nothing.
 *
 * <p>Memory: gradients reaching the same node or leaf are summed in place into buffers this pass
 * made ({@link GradientSums}), each node lets go of what it saved once its backward has run, and a
 * leaf without a gradient adopts a buffer nobody else holds instead of copying it.
 */
public final class Engine {
    private Engine() {
    }

    /**
     * {@code root.backward(gradient)}. {@code gradient} may be null only for a one-element root,
     * as in PyTorch ("grad can be implicitly created only for scalar outputs").
     * @param root the tensor to differentiate, usually a scalar loss
     * @param gradient dL/d(root), of root's shape, or null for a one-element root (taken as 1)
     * @param retainGraph true keeps saved tensors so backward can run again
     */
    public static void backward(Tensor root, Tensor gradient, boolean retainGraph) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("element 0 of tensors does not require grad and does not have a grad_fn");
        }
        Tensor seed = seedGradient(root, gradient);
        Context rootNode = root.gradFn();
        if (rootNode == null) { // backward on a leaf: its gradient is the seed itself
            accumulate(root, seed);
            return;
        }
        // Filled during the pass, written into the tensors' .grad only after it succeeds.
        Map<Tensor, Tensor> leafGrads = new IdentityHashMap<>();
        Map<Tensor, Tensor> retainedGrads = new IdentityHashMap<>();
        Map<Context, Tensor> pending = new IdentityHashMap<>();
        GradientSums sums = new GradientSums();
        pending.put(rootNode, seed);
        try (GradMode.Scope ignored = GradMode.set(false)) {
            for (Context node : reverseTopologicalOrder(rootNode)) {
                Tensor gradOut = pending.remove(node);
                if (gradOut == null) {
                    continue; // nothing flowed into this node
                }
                sums.consumed(gradOut); // from here on nothing writes into gradOut: it may be retained as it is
                Tensor output = node.output();
                if (output != null && output.retainsGrad()) {
                    retainedGrads.put(output, gradOut);
                }
                Tensor[] gradIns = node.function().backward(node, gradOut);
                for (int i = 0; i < node.inputCount(); i++) {
                    if (node.needsInputGrad(i) && gradIns[i] != null) {
                        gradIns[i] = reduceToInputShape(node, i, gradIns[i]);
                    }
                }
                sums.claimNew(gradIns, gradOut, node);
                // Memory: let go of the upstream gradient and (unless retained) what the node saved
                // before the input gradients are summed, and of each input gradient once it is
                // summed, so a large graph never holds more than it must at once.
                gradOut = null;
                if (!retainGraph) {
                    node.release();
                }
                for (int i = 0; i < node.inputCount(); i++) {
                    if (!node.needsInputGrad(i) || gradIns[i] == null) {
                        continue;
                    }
                    Tensor g = gradIns[i];
                    gradIns[i] = null;
                    Context parent = node.parent(i);
                    if (parent == null) {
                        // Summed in place where the buffer is the pass's own; written into .grad after the pass.
                        leafGrads.merge(node.leaf(i), g, sums::add);
                    } else {
                        pending.merge(parent, g, sums::add);
                    }
                }
            }
            retainedGrads.forEach(Engine::accumulate);
            leafGrads.forEach((leaf, g) -> {
                synchronized (leaf) {
                    sums.intoLeaf(leaf, g); // a buffer nobody else holds becomes .grad without a copy
                }
            });
        }
    }

    /** Adds {@code g} to {@code t.grad} under {@code t}'s lock: concurrent backward passes add up. */
    private static void accumulate(Tensor t, Tensor g) {
        synchronized (t) {
            TensorAccess.get().accumulateGrad(t, g);
        }
    }

    private static Tensor seedGradient(Tensor root, Tensor gradient) {
        if (gradient == null) {
            if (root.numel() != 1) {
                throw new IllegalStateException("grad can be implicitly created only for scalar outputs");
            }
            double[] one = new double[] {1.0};
            return new Tensor(one, root.shape(), DType.FLOAT64);
        }
        if (!Arrays.equals(gradient.shape(), root.shape())) {
            throw new IllegalArgumentException("Mismatch in shape: grad_output[0] has a shape of "
                    + Shape.toString(gradient.shape()) + " and output[0] has a shape of " + Shape.toString(root.shape())
                    + ".");
        }
        return gradient.detach();
    }

    /**
     * Brings a gradient of the output's (broadcast) shape back to the input's shape, as PyTorch's engine does
     * ({@code InputMetadata::reduce_grad} calls {@code at::sum_to}): a sum with keepdim over the dims
     * {@link Shape#sumToDims} names, then the leading dims dropped. Runs under no-grad, so the sum records nothing.
     */
    private static Tensor reduceToInputShape(Context node, int i, Tensor g) {
        int[] shape = node.inputShape(i);
        if (Arrays.equals(g.shape(), shape)) {
            return g;
        }
        int[] dims;
        try {
            dims = Shape.sumToDims(g.shape(), shape);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(node.name() + " returned a gradient of shape " + Shape.toString(g.shape())
                    + " for input " + i + " of shape " + Shape.toString(shape), e);
        }
        return new Tensor(Nano.sum(g, dims, true).data(), shape, DType.FLOAT64);
    }

    /** Nodes ordered so that every node comes before the nodes it depends on (iterative DFS). */
    static List<Context> reverseTopologicalOrder(Context root) {
        List<Context> postOrder = new ArrayList<>();
        Set<Context> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Context> stack = new ArrayDeque<>();
        Deque<Integer> nextChild = new ArrayDeque<>();
        stack.push(root);
        nextChild.push(0);
        visited.add(root);
        while (!stack.isEmpty()) {
            Context node = stack.peek();
            int child = nextChild.pop();
            if (child < node.inputCount()) {
                nextChild.push(child + 1);
                Context parent = node.parent(child);
                if (parent != null && visited.add(parent)) {
                    stack.push(parent);
                    nextChild.push(0);
                }
            } else {
                stack.pop();
                postOrder.add(node);
            }
        }
        Collections.reverse(postOrder);
        return postOrder;
    }
}
