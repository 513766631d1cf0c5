package dev.nano.bench;

import dev.nano.ops.VectorSupport;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Runs every benchmark (libtorch, and nano on both of its kernel paths, each on 1 and 2 threads,
 * each in a fresh JVM) and prints the machine, the JVM and the table of the README: median time
 * per call, and after each nano time the ratio nano / libtorch in the same run.
 *
 * <p>{@code scripts/bench} calls it. Arguments that start with {@code -} are JVM flags for every
 * benchmark JVM (e.g. {@code -XX:UseAVX=2} to run the JIT's code as on an AVX2 machine,
 * {@code -Dnano.vector.bits=256} to narrow only nano's vectors); the others are JMH include
 * patterns (e.g. {@code Matmul}) to run only some benchmarks. Every benchmark JVM gets
 * {@code --add-modules jdk.incubator.vector}; nano's plain path is the same JVM with
 * {@code -Dnano.vector=false} ({@link Both.Path}).
 */
public final class BenchMain {
    private BenchMain() {
    }

    /**
     * Runs the benchmarks (all, or those matching the patterns given) and prints the comparison table.
     * @param args JMH include patterns, e.g. {@code Matmul}, and JVM flags for the benchmark JVMs
     * @throws RunnerException if JMH fails to run a benchmark
     */
    public static void main(String[] args) throws RunnerException {
        List<String> jvmArgs = new ArrayList<>(List.of("--add-modules=jdk.incubator.vector", "-Dai.djl.offline=true"));
        List<String> patterns = new ArrayList<>();
        for (String a : args) {
            (a.startsWith("-") ? jvmArgs : patterns).add(a);
        }
        String before = loadAverage();
        if (jvmArgs.remove("--interleaved")) {
            Map<String, Double> fastest = Interleaved.runAll(jvmArgs, patterns);
            System.out.println();
            System.out.println(machine(jvmArgs, before, loadAverage()));
            System.out.println(table(fastest, "Fastest call of " + Interleaved.ROUNDS * Interleaved.CALLS
                    + " per library, nano and libtorch alternating in rounds of " + Interleaved.CALLS
                    + " calls in one JVM per thread count and kernel path (libtorch's time shown: the plain-path JVM's;"
                    + " each ratio uses the libtorch time of its own JVM)."));
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.milliseconds(250))
                .measurementIterations(3)
                .measurementTime(TimeValue.milliseconds(400))
                .jvmArgsAppend(jvmArgs.toArray(new String[0]))
                .shouldFailOnError(true);
        if (patterns.isEmpty()) {
            options.include("dev\\.nano\\.bench\\..*");
        }
        for (String pattern : patterns) {
            options.include(pattern);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Double> median = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String key = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1) + params(r);
            median.put(key, r.getPrimaryResult().getStatistics().getPercentile(50));
        }
        System.out.println();
        System.out.println(machine(jvmArgs, before, loadAverage()));
        System.out.println(table(median, "Median of 3 measured rounds after 3 warm-up rounds, each benchmark in a"
                + " fresh JVM."));
    }

    private static String params(RunResult r) {
        StringBuilder s = new StringBuilder();
        for (String p : new String[] {"n", "batch", "kernels", "threads"}) {
            String v = r.getParams().getParam(p);
            if (v != null) {
                s.append(' ').append(p).append('=').append(v);
            }
        }
        return s.toString();
    }

    /** The machine, its CPU's vector flags, the JVM, nano's vector status and the load, for the README. */
    static String machine(List<String> jvmArgs, String loadBefore, String loadAfter) {
        String model = "unknown CPU";
        TreeSet<String> vectorFlags = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                } else if (line.startsWith("flags")) {
                    for (String flag : line.substring(line.indexOf(':') + 1).trim().split(" ")) {
                        if (flag.startsWith("avx") || flag.equals("fma") || flag.startsWith("sse4")) {
                            vectorFlags.add(flag);
                        }
                    }
                }
            }
        } catch (IOException e) {
            model = "unknown CPU (no /proc/cpuinfo)";
        }
        return String.format(Locale.ROOT, "%s UTC on %s, %d logical CPUs, %.1f GB max heap%n"
                + "CPU vector flags: %s%nJVM: %s %s (%s); benchmark JVM flags: %s%n%s%n"
                + "load average (1, 5, 15 min) before: %s, after: %s%n",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), model,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9,
                String.join(" ", vectorFlags), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("os.arch"), String.join(" ", jvmArgs),
                VectorSupport.status(), loadBefore, loadAfter);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** One row: a label, the benchmark class and method stem, its size parameter, and its flop count (0: none). */
    private record Row(String label, String stem, String size, double flops) {
    }

    static String table(Map<String, Double> ms, String method) {
        Row[] rows = {
            new Row("matmul 128×128", "Matmul.forward", " n=128", 2.0 * 128 * 128 * 128),
            new Row("matmul 256×256", "Matmul.forward", " n=256", 2.0 * 256 * 256 * 256),
            new Row("matmul 512×512", "Matmul.forward", " n=512", 2.0 * 512 * 512 * 512),
            new Row("matmul 128 forward+backward", "Matmul.train", " n=128", 6.0 * 128 * 128 * 128),
            new Row("matmul 256 forward+backward", "Matmul.train", " n=256", 6.0 * 256 * 256 * 256),
            new Row("matmul 512 forward+backward", "Matmul.train", " n=512", 6.0 * 512 * 512 * 512),
            new Row("add, 1e6 elements, forward", "Elementwise.add", "", 0),
            new Row("add_ (in place), 1e6 elements", "Elementwise.addInPlace", "", 0),
            new Row("mul, 1e6, forward+backward", "Elementwise.mulTrain", "", 0),
            new Row("exp, 1e6, forward", "Transcendental.exp", "", 0),
            new Row("exp, 1e6, forward+backward", "Transcendental.expTrain", "", 0),
            new Row("sigmoid, 1e6, forward", "Transcendental.sigmoid", "", 0),
            new Row("sigmoid, 1e6, forward+backward", "Transcendental.sigmoidTrain", "", 0),
            new Row("tanh, 1e6, forward", "Elementwise.tanh", "", 0),
            new Row("softmax(dim=-1) 1000×1000, forward", "Transcendental.softmax", "", 0),
            new Row("softmax(dim=-1) 1000×1000, fwd+bwd", "Elementwise.softmaxTrain", "", 0),
            new Row("logsumexp(dim=-1) 1000×1000, fwd+bwd", "Transcendental.logsumexpTrain", "", 0),
            new Row("sum of 1000×1000, all", "Elementwise.sumAll", "", 0),
            new Row("sum(dim=1) of 1000×1000", "Elementwise.sumRows", "", 0),
            new Row("MLP 784-256-128-10 step, batch 64", "Training$Mlp.step", " batch=64", 0),
            new Row("MLP 784-256-128-10 step, batch 256", "Training$Mlp.step", " batch=256", 0),
            new Row("10,000 tiny ops on 0-d tensors + backward", "Training$TinyOps.graph", "", 0),
            new Row("conv2d 1→6 5×5, 28×28, batch 64, fwd+bwd", "Conv$Lenet.train", "", 0),
            new Row("conv2d 64→64 3×3, 32×32, batch 16, fwd+bwd", "Conv$Wide.train", "", 0),
            new Row("max_pool2d 2×2 (64,6,24,24), fwd+bwd", "Conv$MaxPool.train", "", 0),
            new Row("LeNet step (SGD momentum), batch 64", "Conv$Cnn.step", "", 0),
        };
        StringBuilder out = new StringBuilder();
        out.append("| work | libtorch 1T | nano plain 1T | nano vector 1T | libtorch 2T | nano plain 2T "
                + "| nano vector 2T | GFLOPS nano vector / libtorch (1T) |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            // JMH measures libtorch once per thread count; the interleaved run once per kernel path's JVM.
            Double t1 = torch(ms, row, " kernels=plain", 1);
            Double t2 = torch(ms, row, " kernels=plain", 2);
            if (t1 == null && t2 == null) {
                continue; // not run (a subset was asked for)
            }
            Double v1 = find(ms, row, "Nano", " kernels=vector", 1);
            Double tv1 = torch(ms, row, " kernels=vector", 1);
            String gflops = row.flops == 0 || v1 == null || tv1 == null ? ""
                    : String.format(Locale.ROOT, "%.1f / %.1f", row.flops / v1 / 1e6, row.flops / tv1 / 1e6);
            out.append("| ").append(row.label).append(" | ").append(time(t1))
                    .append(" | ").append(versus(find(ms, row, "Nano", " kernels=plain", 1), t1))
                    .append(" | ").append(versus(v1, tv1))
                    .append(" | ").append(time(t2))
                    .append(" | ").append(versus(find(ms, row, "Nano", " kernels=plain", 2), t2))
                    .append(" | ").append(versus(find(ms, row, "Nano", " kernels=vector", 2),
                            torch(ms, row, " kernels=vector", 2)))
                    .append(" | ").append(gflops).append(" |\n");
        }
        out.append("\nEach nano cell: time per call (nano time / libtorch time in this run; below 1: nano is faster). ")
                .append(method).append('\n');
        return out.toString();
    }

    private static Double find(Map<String, Double> ms, Row row, String impl, String kernels, int threads) {
        String stem = row.stem.replace('$', '.');
        int dot = stem.lastIndexOf('.');
        String cls = stem.substring(0, dot);
        String cls2 = cls.contains(".") ? cls.substring(cls.indexOf('.') + 1) : cls;
        String key = cls2 + "." + stem.substring(dot + 1) + impl + row.size + kernels + " threads=" + threads;
        return ms.get(key);
    }

    private static Double torch(Map<String, Double> ms, Row row, String kernels, int threads) {
        Double own = find(ms, row, "Torch", kernels, threads);
        return own != null ? own : find(ms, row, "Torch", "", threads);
    }

    private static String versus(Double nano, Double torch) {
        if (nano == null) {
            return "–";
        }
        return torch == null ? time(nano) : time(nano) + String.format(Locale.ROOT, " (%.2f×)", nano / torch);
    }

    private static String time(Double ms) {
        if (ms == null) {
            return "–";
        }
        return ms >= 10 ? String.format(Locale.ROOT, "%.1f ms", ms)
                : ms >= 0.1 ? String.format(Locale.ROOT, "%.2f ms", ms)
                : String.format(Locale.ROOT, "%.1f µs", ms * 1000);
    }
}
