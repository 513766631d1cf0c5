package dev.nano;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both cores for large work, and results that do not depend on how many are used. */
class ParallelTest {

    @AfterEach
    void restoreThreads() {
        Parallel.setNumThreads(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void theThreadCountIsASetting() {
        Parallel.setNumThreads(3);
        assertEquals(3, Parallel.numThreads());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.setNumThreads(0));
        assertEquals("set_num_threads expects a positive integer, but got 0", e.getMessage());
        assertEquals(3, Parallel.numThreads());
    }

    @Test
    void everyChunkRunsOnceAndNestedCallsRunInline() {
        Parallel.setNumThreads(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(40);
        Set<Thread> innerThreads = ConcurrentHashMap.newKeySet();
        Parallel.forEachChunk(10, c -> {
            Thread outer = Thread.currentThread();
            Parallel.forEachChunk(4, d -> {
                runs.incrementAndGet(c * 4 + d);
                if (Thread.currentThread() != outer) {
                    innerThreads.add(Thread.currentThread());
                }
            });
        });
        for (int i = 0; i < 40; i++) {
            assertEquals(1, runs.get(i), "chunk " + i);
        }
        assertEquals(Set.of(), innerThreads); // the inner loop stayed on the thread of its chunk
    }

    @Test
    void aFailingChunkFailsTheCallAfterTheOthersFinish() {
        Parallel.setNumThreads(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(8);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forEachChunk(8, c -> {
            runs.incrementAndGet(c);
            if (c == 5) {
                throw new IllegalStateException("chunk 5 failed");
            }
        }));
        // Thrown on a helper thread, ForkJoin rethrows a copy whose message starts with the class name.
        assertTrue(e.getMessage().endsWith("chunk 5 failed"), e.getMessage());
    }

    @Test
    void largeOpsGiveBitIdenticalResultsOnOneAndTwoThreads() {
        Tensor a = gaussian(7, 130, 257);
        Tensor b = gaussian(8, 257, 129);
        Tensor x = gaussian(9, 300_001);
        Parallel.setNumThreads(1);
        Result one = Result.of(a, b, x);
        Parallel.setNumThreads(2);
        Result two = Result.of(a, b, x);
        assertArrayEquals(one.product, two.product);
        assertArrayEquals(one.gradA, two.gradA);
        assertArrayEquals(one.gradB, two.gradB);
        assertArrayEquals(one.sums, two.sums);
    }

    @Test
    void largeElementwiseOpsAndSoftmaxGiveBitIdenticalResultsOnOneAndTwoThreads() {
        Tensor x = gaussian(10, 300, 400);
        Tensor y = gaussian(11, 300, 400);
        Parallel.setNumThreads(1);
        double[][] one = elementwise(x, y);
        Parallel.setNumThreads(2);
        double[][] two = elementwise(x, y);
        for (int i = 0; i < one.length; i++) {
            assertArrayEquals(one[i], two[i], "result " + i);
        }
    }

    @Test
    void aBatchOfSmallMatrixProductsGivesBitIdenticalResultsOnOneAndTwoThreads() {
        Tensor a = gaussian(12, 64, 9, 30);
        Tensor b = gaussian(13, 30, 11); // broadcast over the batch of a
        double[][] one = new double[3][];
        double[][] two = new double[3][];
        for (double[][] r : new double[][][] {one, two}) {
            Parallel.setNumThreads(r == one ? 1 : 2);
            Tensor ag = a.detach().requiresGrad(true);
            Tensor bg = b.detach().requiresGrad(true);
            Tensor product = ag.matmul(bg);
            product.sum().backward();
            r[0] = product.data();
            r[1] = ag.grad().data();
            r[2] = bg.grad().data();
        }
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(one[i], two[i], "result " + i);
        }
    }

    /** tanh, x * y and its two gradients, x * 2 and its gradient, softmax and its gradient. */
    private static double[][] elementwise(Tensor x, Tensor y) {
        Tensor xg = x.detach().requiresGrad(true);
        Tensor yg = y.detach().requiresGrad(true);
        Tensor product = xg.mul(yg);
        Tensor scaled = xg.mul(2.0);
        Tensor soft = xg.softmax(-1);
        product.add(scaled).add(soft).sum().backward();
        return new double[][] {x.tanh().data(), product.data(), scaled.data(), soft.data(), xg.grad().data(),
            yg.grad().data()};
    }

    private static Tensor gaussian(long seed, int... shape) {
        java.util.Random r = new java.util.Random(seed);
        double[] values = new double[Shape.numel(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.nextGaussian();
        }
        return Nano.tensor(values, shape);
    }

    private record Result(double[] product, double[] gradA, double[] gradB, double[] sums) {
        static Result of(Tensor a, Tensor b, Tensor x) {
            Tensor ag = a.detach().requiresGrad(true);
            Tensor bg = b.detach().requiresGrad(true);
            Tensor product = ag.matmul(bg);
            product.backward(Nano.onesLike(product).mul(0.5));
            double[] sums = {x.sum().item(), x.reshape(1, 300_001).sum(1).item(), product.sum(0).sum().item()};
            return new Result(product.data(), ag.grad().data(), bg.grad().data(), sums);
        }
    }
}
