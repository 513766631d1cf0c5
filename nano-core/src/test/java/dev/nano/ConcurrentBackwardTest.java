package dev.nano;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Threads that each build their own graph from one shared parameter and call backward must add
 * up every contribution, as PyTorch's AccumulateGrad does under its lock. All values are small
 * integers, so the expected sums are exact whatever order the additions happen in.
 */
class ConcurrentBackwardTest {
    private static final int THREADS = 4;
    private static final int ITERATIONS = 2000;

    @Test
    void concurrentBackwardIntoASharedParameterLosesNothing() throws Exception {
        Tensor w = Nano.tensor(1, 2, 3).requiresGrad(true);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                double scale = t + 1; // thread t adds (t + 1) · [1, 1, 1] per iteration
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ITERATIONS; i++) {
                        w.mul(scale).sum().backward();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double expected = ITERATIONS * (1 + 2 + 3 + 4); // 20000 per element
        Expect.values(w.grad(), new int[] {3}, expected, expected, expected);
    }

    @Test
    void concurrentBackwardThroughSharedLayersAddsUp() throws Exception {
        // Two parameters, used twice in each graph (the engine sums those first), from many threads.
        Tensor a = Nano.tensor(1, -1).requiresGrad(true);
        Tensor b = Nano.scalar(2).requiresGrad(true);
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < ITERATIONS; i++) {
                    a.mul(b).add(a).sum().backward(); // d/da = b + 1 = 3, d/db = sum(a) = 0
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double n = THREADS * ITERATIONS;
        Expect.values(a.grad(), new int[] {2}, 3 * n, 3 * n);
        Expect.values(b.grad(), new int[] {}, 0);
    }
}
