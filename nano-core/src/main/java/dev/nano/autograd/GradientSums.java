package dev.nano.autograd;

import dev.nano.Tensor;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Sums the gradients that reach one node (or leaf) from its several consumers, during one
 * backward pass, writing into buffers in place wherever that is safe.
 *
 * <p>A buffer is this pass's own when nobody else can see it: a new array that a backward
 * function just made, or a sum made here. A gradient that shares storage with the upstream
 * gradient (a pass-through such as add's, or a view; the seed a user passed to {@code backward})
 * or with a tensor of the node is never written. So:
 * <ul>
 *   <li>gradients reaching a node: the first is kept as it is; if it is not the pass's own, adding
 *       the second makes a fresh buffer; every later one is added into that buffer in place. A
 *       tensor used by many ops costs at most one extra buffer, not one per use;
 *   <li>a leaf with no gradient yet takes an own buffer as its {@code .grad} instead of a copy.
 * </ul>
 * Each element is the same {@code a + b} that {@code Tensor.add} computes, so the sums are unchanged.
 */
final class GradientSums {
    private final Set<double[]> owned = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * Marks as this pass's own the gradients a backward returned in new arrays: not the upstream
     * gradient's storage, not that of the node's inputs or output, and not one array returned for
     * two inputs. Runs before the node is released, while its tensors can still be compared.
     */
    void claimNew(Tensor[] grads, Tensor gradOut, Context node) {
        Set<double[]> foreign = Collections.newSetFromMap(new IdentityHashMap<>());
        foreign.add(gradOut.data());
        Tensor output = node.output();
        if (output != null) {
            foreign.add(output.data());
        }
        Tensor[] inputs = node.heldInputs();
        if (inputs != null) {
            for (Tensor input : inputs) {
                foreign.add(input.data());
            }
        }
        Set<double[]> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Tensor g : grads) {
            if (g != null && !seen.add(g.data())) {
                foreign.add(g.data()); // one array for two inputs: each must stay unwritten
            }
        }
        for (Tensor g : grads) {
            if (g != null && !foreign.contains(g.data())) {
                owned.add(g.data());
            }
        }
    }

    /** Adds {@code g} to a leaf's gradient; the first, if it is the pass's own, becomes the gradient itself. */
    void intoLeaf(Tensor leaf, Tensor g) {
        if (leaf.grad() == null && owned.remove(g.data())) {
            leaf.setGrad(g); // nobody else holds it: no copy needed
        } else {
            leaf.accumulateGrad(g);
        }
    }

    /** {@code sum + g}, written into {@code sum} when this pass made it. Both have the same shape. */
    Tensor add(Tensor sum, Tensor g) {
        if (owned.contains(sum.data())) {
            double[] s = sum.data();
            double[] d = g.data();
            for (int i = 0; i < s.length; i++) {
                s[i] += d[i];
            }
            return sum;
        }
        Tensor fresh = sum.add(g);
        owned.add(fresh.data());
        return fresh;
    }
}
