package dev.nano.autograd;

import dev.nano.Tensor;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Sums the gradients that reach one node from its several consumers, during one backward pass.
 *
 * <p>The first gradient is kept as it is: it may share storage with a tensor someone else can
 * see (the seed a user passed to {@code backward}, a gradient passed through by a view), so it is
 * never written. Adding the second makes a fresh buffer that only this pass knows about; every
 * later gradient is added into that buffer in place. A tensor used by many ops therefore costs
 * one extra buffer, not one per use. Each element is the same {@code a + b} that
 * {@code Tensor.add} computes, so the sums are unchanged.
 */
final class GradientSums {
    private final Set<double[]> owned = Collections.newSetFromMap(new IdentityHashMap<>());

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
