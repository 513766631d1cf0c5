package dev.nano;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * How many threads nano's large kernels use (PyTorch's {@code torch.set_num_threads}), and the
 * one helper that spreads their work.
 *
 * <p>Results never depend on the thread count. A kernel cuts its work into chunks whose
 * boundaries depend only on the problem size, each chunk computes the same numbers whichever
 * thread runs it, and partial results (a sum's pieces) are combined in chunk order afterwards.
 * So {@code setNumThreads(1)} and {@code setNumThreads(2)} give bit-identical tensors.
 */
public final class Parallel {
    private static volatile int threads = Runtime.getRuntime().availableProcessors();
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
    /** Its threads are daemons, started on first use: they never keep a program alive. */
    private static final ForkJoinPool HELPERS = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    private Parallel() {
    }

    /**
     * The number of threads large kernels use; by default, the number of available processors.
     * @return the thread count, at least 1
     */
    public static int numThreads() {
        return threads;
    }

    /**
     * Sets the number of threads large kernels use (1 runs everything on the calling thread).
     * @param n the thread count, at least 1
     */
    public static void setNumThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("set_num_threads expects a positive integer, but got " + n);
        }
        threads = n;
    }

    /** A piece of a loop over {@code [from, to)}. */
    @FunctionalInterface
    public interface Range {
        /**
         * Processes the elements {@code [from, to)} of one piece.
         * @param from the first index, inclusive
         * @param to the last index, exclusive
         */
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over {@code [0, n)} cut into pieces of {@code grain} elements (the last one
     * shorter), in parallel when there is more than one piece. For elementwise loops, whose every
     * element is computed the same way wherever the cut falls.
     * @param n the number of elements
     * @param grain the piece size
     * @param body the loop over one piece
     */
    public static void forRange(int n, int grain, Range body) {
        if (n <= grain) {
            body.run(0, n);
            return;
        }
        int pieces = (n + grain - 1) / grain;
        forEachChunk(pieces, c -> body.run(c * grain, Math.min(n, (c + 1) * grain)));
    }

    /**
     * Runs {@code chunk.accept(c)} once for every {@code c} in {@code [0, chunks)}, on up to
     * {@link #numThreads()} threads (the caller is one of them). Chunks must write disjoint
     * results. Called from inside a chunk, it runs sequentially: one level of parallelism is
     * enough for two cores and keeps nested kernels from oversubscribing.
     * @param chunks the number of chunks
     * @param chunk the work for one chunk index
     */
    public static void forEachChunk(int chunks, IntConsumer chunk) {
        int workers = Math.min(threads, chunks);
        if (workers <= 1 || INSIDE.get()) {
            for (int c = 0; c < chunks; c++) {
                chunk.accept(c);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            INSIDE.set(true);
            try {
                for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                    chunk.accept(c);
                }
            } finally {
                INSIDE.set(false);
            }
        };
        List<ForkJoinTask<?>> helpers = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            helpers.add(HELPERS.submit(worker));
        }
        try {
            worker.run();
        } finally {
            // Wait for every helper before returning (or rethrowing), so no chunk still writes.
            for (ForkJoinTask<?> helper : helpers) {
                helper.join();
            }
        }
    }
}
