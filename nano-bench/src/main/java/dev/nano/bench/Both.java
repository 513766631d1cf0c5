package dev.nano.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.nano.Nano;
import dev.nano.Parallel;
import dev.nano.Tensor;
import dev.nano.ops.VectorSupport;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Random;

/**
 * What every benchmark shares: the thread count (for nano and for libtorch alike), a libtorch
 * manager, and inputs made once from the same random numbers for both libraries.
 *
 * <p>JMH runs each benchmark method and parameter combination in a fresh JVM, so setting the
 * thread count in {@link #start} happens before libtorch runs anything ({@code at::set_num_threads},
 * the call behind {@code torch.set_num_threads}).
 */
@State(Scope.Benchmark)
public class Both {
    /** Threads for nano and libtorch alike (a JMH parameter). */
    @Param({"1", "2"})
    public int threads;

    /** The libtorch manager every torch input lives on. */
    protected NDManager torch;

    /** Sets both libraries' thread counts, opens the manager and builds the inputs. */
    @Setup(Level.Trial)
    public void start() {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        Parallel.setNumThreads(threads);
        torch = NDManager.newBaseManager("PyTorch");
        JniUtils.setNumThreads(threads);
        prepare();
    }

    /** Builds the inputs; runs after the thread counts are set. */
    protected void prepare() {
    }

    /** Closes the manager and every torch input on it. */
    @TearDown(Level.Trial)
    public void stop() {
        torch.close();
    }

    /**
     * Which of nano's two kernel paths a nano benchmark runs: a JMH parameter of nano's methods only
     * (they take this state as an argument; libtorch's do not, so they run once per thread count).
     * Every fork is started with the Vector API module ({@link BenchMain}); the plain path is the
     * same JVM with {@code -Dnano.vector=false}, set here before nano runs its first kernel.
     */
    @State(Scope.Benchmark)
    public static class Path {
        /** "plain" (Java loops) or "vector" (the Vector API kernels). */
        @Param({"plain", "vector"})
        public String kernels;

        /** Sets the switch, makes nano choose, and fails if it chose otherwise (e.g. the module is missing). */
        @Setup(Level.Trial)
        public void choose() {
            boolean vector = "vector".equals(kernels);
            System.setProperty(VectorSupport.ENABLED_PROPERTY, Boolean.toString(vector));
            if (VectorSupport.enabled() != vector) {
                throw new IllegalStateException("asked for the " + kernels + " kernels, but " + VectorSupport.status());
            }
        }
    }

    static double[] gaussian(long seed, int n) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    static Tensor nano(double[] values, int... shape) {
        return Nano.tensor(values.clone(), shape);
    }

    NDArray torch(double[] values, int... shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape[i];
        }
        return torch.create(values.clone(), new Shape(s));
    }

    NDArray torchLeaf(double[] values, int... shape) {
        NDArray a = torch(values, shape);
        a.setRequiresGradient(true);
        return a;
    }
}
