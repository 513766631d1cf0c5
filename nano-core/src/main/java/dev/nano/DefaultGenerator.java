package dev.nano;

/**
 * The process-wide random generator, PyTorch's {@code torch.default_generator}: what
 * {@link Nano#rand}, {@link Nano#randn}, new {@code Linear} layers, {@code Dropout} and shuffling
 * {@code DataLoader}s draw from when they are not given a generator of their own.
 * {@link Nano#manualSeed(long)} restarts it.
 *
 * <p>It is a {@link Generator}, PyTorch's Mersenne Twister: after the same seed, nano draws
 * libtorch's CPU numbers bit for bit.
 */
public final class DefaultGenerator {
    /** PyTorch's default seed, for a nod to the original; any fixed value would do. */
    private static final long DEFAULT_SEED = 67280421310721L;
    private static final Generator GENERATOR = new Generator(DEFAULT_SEED);

    private DefaultGenerator() {
    }

    /**
     * The generator (one object for the process; {@link Nano#manualSeed(long)} reseeds it in place).
     * @return the shared generator
     */
    public static Generator get() {
        return GENERATOR;
    }

    /** Reseeds the generator, like {@code torch.manual_seed}; {@link Nano#manualSeed(long)} is the public door. */
    static void manualSeed(long seed) {
        GENERATOR.manualSeed(seed);
    }
}
