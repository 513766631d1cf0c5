package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitTest {

    @Test
    void uniformFillsInPlaceWithinTheRange() {
        Tensor t = Nano.zeros(1000);
        assertSame(t, Init.uniform(t, -2, 3, new Random(5)));
        for (double v : t.data()) {
            assertTrue(v >= -2 && v < 3);
        }
        Tensor p = Nano.zeros(3).requiresGrad(true);
        Init.uniform(p, 0, 1, new Random(1));
        assertTrue(p.isLeaf(), "initialisation is not recorded");
        assertEquals(0.0, Init.uniform(Nano.zeros(2), 1, 1, new Random(1)).data()[0] - 1, 0.0);
    }

    @Test
    void anEmptyRangeFailsAsInPyTorch() {
        assertEquals("uniform_ expects to return a [from, to) range, but found from=1.0 > to=0.0",
                assertThrows(IllegalArgumentException.class, () -> Init.uniform(Nano.zeros(1), 1, 0, new Random(1)))
                        .getMessage());
    }

    @Test
    void modelsBuiltOnSeveralThreadsFromTheirOwnGeneratorsAreReproducible() throws Exception {
        // The global generator is shared (as PyTorch's is), so concurrent builds from it interleave;
        // a generator per model makes each build exact whatever the other threads do.
        Linear reference = new Linear(8, 4, true, new Random(7));
        Linear[] built = new Linear[4];
        Thread[] threads = new Thread[built.length];
        for (int t = 0; t < threads.length; t++) {
            int slot = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    new Linear(8, 4); // other draws from the global generator, racing
                }
                built[slot] = new Linear(8, 4, true, new Random(7));
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (Linear l : built) {
            assertArrayEquals(reference.weight().data(), l.weight().data());
            assertArrayEquals(reference.bias().data(), l.bias().data());
        }
    }
}
