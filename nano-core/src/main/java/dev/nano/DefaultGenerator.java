package dev.nano;

import java.util.Random;

/**
 * The process-wide random generator, PyTorch's {@code torch.default_generator}: what
 * {@link Nano#rand}, {@link Nano#randn}, new {@code Linear} layers, {@code Dropout} and shuffling
 * {@code DataLoader}s draw from when they are not given a generator of their own.
 * {@link Nano#manualSeed(long)} restarts it.
 *
 * <p>nano's generator is {@link java.util.Random}, not PyTorch's Mersenne Twister: the same seed
 * gives the same weights, masks and permutations run after run, but not PyTorch's numbers.
 */
public final class DefaultGenerator {
    /** PyTorch's default seed, for a nod to the original; any fixed value would do. */
    private static final long DEFAULT_SEED = 67280421310721L;
    private static Random generator = new Random(DEFAULT_SEED);

    private DefaultGenerator() {
    }

    /**
     * The generator as it is now (a new one after each {@link Nano#manualSeed(long)}).
     * @return the shared generator
     */
    public static synchronized Random get() {
        return generator;
    }

    /** Replaces the generator by one started from {@code seed}; {@link Nano#manualSeed(long)} is the public door. */
    static synchronized void manualSeed(long seed) {
        generator = new Random(seed);
    }
}
