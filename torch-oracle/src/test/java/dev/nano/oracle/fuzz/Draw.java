package dev.nano.oracle.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The fuzzer's source of randomness: a {@link SplittableRandom} with the few draws the generator
 * needs. Every case is drawn from its own seed, so a case can be drawn again from that seed alone.
 */
final class Draw {
    private final SplittableRandom random;

    Draw(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** An int in [lo, hi], both inclusive. */
    int between(int lo, int hi) {
        return random.nextInt(lo, hi + 1);
    }

    /** A double in [lo, hi) rounded to {@code scale} decimals (values a reader can type back in). */
    double decimal(double lo, double hi, int scale) {
        double factor = Math.pow(10, scale);
        return Math.round(random.nextDouble(lo, hi) * factor) / factor;
    }

    boolean coin() {
        return random.nextBoolean();
    }

    long nextLong() {
        return random.nextLong();
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    double pick(double... options) {
        return options[random.nextInt(options.length)];
    }

    /** An index into {@code weights}, each chosen in proportion to its weight: {@code choose(4, 1)} is 0 four times in five. */
    int choose(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable: r < total");
    }
}
