package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.Nano;
import dev.nano.Tensor;

import java.util.Random;

/**
 * Parameter initialisation, PyTorch's {@code torch.nn.init}. The generator is always given: layers pass their own
 * or {@link dev.nano.DefaultGenerator#get()}, which {@link Nano#manualSeed(long)} restarts (PyTorch keeps
 * {@code manual_seed} at the top level too, not in {@code torch.nn.init}).
 */
public final class Init {
    private Init() {
    }

    /**
     * Fills {@code tensor} in place with values uniform in [a, b): {@code a + (b − a)·u}, as
     * {@code torch.nn.init.uniform_}. Not recorded by autograd.
     * @param tensor the tensor to fill
     * @param a the lower bound
     * @param b the upper bound
     * @param generator the random source
     * @return {@code tensor}
     */
    public static Tensor uniform(Tensor tensor, double a, double b, Random generator) {
        Checks.notNull("uniform_", "tensor", tensor);
        Checks.notNull("uniform_", "generator", generator);
        // libtorch's order of checks; each is written so that NaN fails it.
        if (!(a >= -Double.MAX_VALUE && a <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("uniform_: from is out of bounds for double, got " + a);
        }
        if (!(b >= -Double.MAX_VALUE && b <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("uniform_: to is out of bounds for double, got " + b);
        }
        if (a > b) {
            throw new IllegalArgumentException("uniform_ expects to return a [from, to) range, but found from=" + a
                    + " > to=" + b);
        }
        if (!(b - a <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("uniform_ expects to-from <= std::numeric_limits<double>::max(), but "
                    + "found to=" + b + " and from=" + a + " which result in to-from to exceed the limit");
        }
        if (!tensor.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("uniform_: expected a float64 tensor, got "
                    + tensor.dtype().torchName());
        }
        try (var ignored = Nano.noGrad()) {
            double[] data = tensor.data();
            for (int i = 0; i < data.length; i++) {
                data[i] = a + (b - a) * generator.nextDouble();
            }
        }
        return tensor;
    }
}
