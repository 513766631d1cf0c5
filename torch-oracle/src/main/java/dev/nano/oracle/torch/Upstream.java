package dev.nano.oracle.torch;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.oracle.value.Value;

import java.util.Random;

/**
 * The random upstream gradient dL/d(output) a case's backward uses: magnitudes in [0.5, 1.5)
 * with random signs. Not ones, so that a backward that forgets to multiply by its incoming
 * gradient fails. Drawn once at regeneration and stored in the fixture.
 */
public final class Upstream {
    private Upstream() {
    }

    /**
     * A seeded random upstream gradient of {@code shape}.
     * @param shape the output's shape
     * @param seed the seed
     * @return the gradient
     */
    public static Value draw(int[] shape, long seed) {
        Random random = new Random(seed);
        double[] v = new double[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (random.nextBoolean() ? 1 : -1) * (0.5 + random.nextDouble());
        }
        return new Value(shape, DType.FLOAT64, v);
    }
}
