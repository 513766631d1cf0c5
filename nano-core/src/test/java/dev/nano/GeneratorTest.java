package dev.nano;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The generator's own contract. That its draws are libtorch's is shown against libtorch itself in
 * torch-oracle's random-stream family (fixtures/rng); here: the twister is the standard mt19937, and
 * the state behaves as PyTorch's generator object does.
 */
class GeneratorTest {

    /** C++ [rand.predef]: the 10000th output of a default-constructed std::mt19937 (seed 5489) is 4123659995. */
    @Test
    void isTheStandardMersenneTwister() {
        Generator g = new Generator(5489);
        assertEquals(3499211612L, g.random(), "mt19937's first output for seed 5489");
        long last = 0;
        for (int i = 2; i <= 10000; i++) {
            last = g.random();
        }
        assertEquals(4123659995L, last);
    }

    @Test
    void onlyTheLow32BitsOfTheSeedReachTheState() {
        assertArrayEquals(Nano.rand(new Generator(7), 5).data(), Nano.rand(new Generator((1L << 32) + 7), 5).data());
        assertEquals((1L << 32) + 7, new Generator((1L << 32) + 7).initialSeed());
    }

    @Test
    void aGeneratorObjectDrawsWhatTheGlobalOneDrawsAfterTheSameSeed() {
        Nano.manualSeed(3);
        double[] global = Nano.randn(5).data();
        assertArrayEquals(global, Nano.randn(Nano.generator(3), 5).data());
    }

    /** A size below 16 draws Box–Muller pairs and keeps the second half; manual_seed forgets it. */
    @Test
    void theCachedNormalIsUsedByTheNextDrawAndForgottenOnReseed() {
        Generator g = new Generator(11);
        double first = Nano.randn(g, 1).item();
        double second = Nano.randn(g, 1).item();
        g.manualSeed(11);
        double[] both = Nano.randn(g, 2).data();
        assertEquals(first, both[0]);
        assertEquals(second, both[1], "the second value is the cached sine half of the first pair");
        g.manualSeed(11);
        Nano.randn(g, 1);
        g.manualSeed(11);
        assertEquals(first, Nano.randn(g, 1).item(), "a reseed drops the cached half");
    }

    @Test
    void randpermIsAPermutationAndRandintStaysInRange() {
        double[] perm = Nano.randperm(50, new Generator(1)).data().clone();
        java.util.Arrays.sort(perm);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, perm[i]);
        }
        for (double v : Nano.randint(-3, 4, new Generator(2), 200).data()) {
            assertEquals(true, v >= -3 && v < 4, "randint value " + v);
        }
        assertNotEquals(Nano.rand(new Generator(1), 1).item(), Nano.rand(new Generator(2), 1).item());
    }
}
