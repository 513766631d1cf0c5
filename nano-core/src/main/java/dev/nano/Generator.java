package dev.nano;

import java.util.Random;

/**
 * PyTorch's CPU generator, {@code torch.Generator}: a 32-bit Mersenne Twister (mt19937) seeded as
 * {@code aten/src/ATen/core/MT19937RNGEngine.h} seeds it, so that {@code new Generator(s)} (or
 * {@link Nano#manualSeed(long)} for the global one) followed by the same draws gives libtorch's
 * numbers bit for bit. The draws themselves (53-bit doubles, Box–Muller, bounded integers) are in
 * {@link Sampling}; this class holds the state: the twister and the one cached normal value that
 * {@code at::normal_distribution<double>} leaves behind (CPUGeneratorImpl's
 * {@code next_double_normal_sample}).
 *
 * <p>It is a {@link Random}, so every nano call that takes a {@code Random} takes it; a plain
 * {@code Random} still works there, with nano's draws but Java's numbers.
 */
public final class Generator extends Random {
    private static final long serialVersionUID = 1L;
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;

    /** The twister's 624 words (uint32, held in Java's int). */
    private int[] state;
    /** The index of the next word to temper and return. */
    private int next;
    /** Words left before the state is regenerated, plus one (MT19937RNGEngine.h's {@code left_}). */
    private int left;
    /** The seed last given, for {@link #initialSeed()}. */
    private long seed;
    /** Whether {@link #nextNormal} holds the sine half of the last Box–Muller pair. */
    private boolean hasNextNormal;
    /** CPUGeneratorImpl's {@code next_double_normal_sample}. */
    private double nextNormal;

    /**
     * {@code torch.Generator().manual_seed(seed)}.
     * @param seed the seed; like PyTorch, only its low 32 bits reach the twister's state
     */
    public Generator(long seed) {
        super(0);
        manualSeed(seed);
    }

    /**
     * Restarts the twister from {@code seed} and forgets the cached normal value, as
     * {@code CPUGeneratorImpl::set_current_seed} does.
     * @param seed the seed; like PyTorch, only its low 32 bits reach the twister's state
     * @return this generator
     */
    public synchronized Generator manualSeed(long seed) {
        if (state == null) {
            state = new int[N];
        }
        this.seed = seed;
        // MT19937RNGEngine.h init_with_uint32: Knuth's multiplier, uint32 arithmetic (Java's int wraps the same way).
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            state[j] = 1812433253 * (state[j - 1] ^ (state[j - 1] >>> 30)) + j;
        }
        left = 1;
        next = 0;
        hasNextNormal = false;
        return this;
    }

    /**
     * {@code generator.initial_seed()}.
     * @return the seed last given
     */
    public synchronized long initialSeed() {
        return seed;
    }

    /**
     * {@code CPUGeneratorImpl::random()}: the twister's next 32-bit output.
     * @return a value in [0, 2³²)
     */
    public synchronized long random() {
        if (--left == 0) {
            nextState();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return Integer.toUnsignedLong(y);
    }

    /**
     * {@code CPUGeneratorImpl::random64()}: two 32-bit outputs, the first as the high half.
     * @return 64 random bits
     */
    public synchronized long random64() {
        long hi = random();
        long lo = random();
        return (hi << 32) | lo;
    }

    /** Regenerates all 624 words at once (MT19937RNGEngine.h next_state). */
    private void nextState() {
        left = N;
        next = 0;
        for (int k = 0; k < N - M; k++) {
            state[k] = state[k + M] ^ twist(state[k], state[k + 1]);
        }
        for (int k = N - M; k < N - 1; k++) {
            state[k] = state[k + M - N] ^ twist(state[k], state[k + 1]);
        }
        state[N - 1] = state[M - 1] ^ twist(state[N - 1], state[0]);
    }

    private static int twist(int u, int v) {
        int mixed = (u & 0x80000000) | (v & 0x7fffffff);
        return (mixed >>> 1) ^ ((v & 1) != 0 ? MATRIX_A : 0);
    }

    /** The normal value cached by the last Box–Muller pair, taken at most once; NaN-free by construction. */
    synchronized boolean takeNextNormal(double[] out) {
        if (!hasNextNormal) {
            return false;
        }
        hasNextNormal = false;
        out[0] = nextNormal;
        return true;
    }

    synchronized void cacheNextNormal(double value) {
        hasNextNormal = true;
        nextNormal = value;
    }

    /** Random's own draws ({@code nextInt}, {@code nextDouble}, …) take their bits from the twister too. */
    @Override
    protected int next(int bits) {
        return (int) (random() >>> (32 - bits));
    }

    /**
     * {@code Random}'s constructor calls this before the twister exists; afterwards it is {@link #manualSeed}.
     * @param seed the seed
     */
    @Override
    public synchronized void setSeed(long seed) {
        if (state != null) {
            manualSeed(seed);
        }
    }
}
