package dev.nano.autograd;

import dev.nano.Tensor;
import dev.nano.autograd.internal.TensorAccess;

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
        for (int i = 0; i < grads.length; i++) {
            if (grads[i] != null && isNew(grads[i].data(), i, grads, gradOut, node)) {
                owned.add(grads[i].data());
            }
        }
    }

    private static boolean isNew(double[] d, int i, Tensor[] grads, Tensor gradOut, Context node) {
        Tensor output = node.output();
        if (d == gradOut.data() || (output != null && d == output.data())) {
            return false;
        }
        Tensor[] inputs = node.heldInputs();
        for (int j = 0; inputs != null && j < inputs.length; j++) {
            if (d == inputs[j].data()) {
                return false;
            }
        }
        for (int j = 0; j < grads.length; j++) {
            if (j != i && grads[j] != null && d == grads[j].data()) {
                return false; // one array for two inputs: each must stay unwritten
            }
        }
        return true;
    }

    /** {@code sum + g} for a node's pending gradient, in place into whichever of the two is the pass's own. */
    Tensor add(Tensor sum, Tensor g) {
        if (owned.contains(sum.data())) {
            addInto(sum.data(), g.data());
            owned.remove(g.data()); // consumed: nothing refers to it any more
            return sum;
        }
        if (owned.contains(g.data())) {
            addInto(g.data(), sum.data()); // a + b == b + a exactly
            return g;
        }
        Tensor fresh = sum.add(g);
        owned.add(fresh.data());
        return fresh;
    }

    private static void addInto(double[] target, double[] d) {
        for (int i = 0; i < target.length; i++) {
            target[i] += d[i];
        }
    }

    /** A node's summed gradient is about to be used: the pass lets go of it (so it can be collected). */
    void consumed(Tensor gradOut) {
        owned.remove(gradOut.data());
    }

    /** Adds {@code g} to a leaf's gradient; the first, if it is the pass's own, becomes the gradient itself. */
    void intoLeaf(Tensor leaf, Tensor g) {
        boolean own = owned.remove(g.data());
        if (leaf.grad() == null && own) {
            leaf.setGrad(g); // nobody else holds it: no copy needed
        } else {
            TensorAccess.get().accumulateGrad(leaf, g);
        }
    }
}
