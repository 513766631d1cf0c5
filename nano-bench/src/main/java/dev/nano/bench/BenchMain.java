package dev.nano.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs every benchmark (nano and libtorch, 1 and 2 threads, one fresh JVM each) and prints the
 * table of the issue: median time per call, the ratio nano / libtorch in the same run, GFLOPS for
 * the matrix products, and how nano's time grows from one size to the next.
 *
 * <p>{@code scripts/bench} calls it; arguments are passed on as a JMH include pattern
 * (e.g. {@code Matmul}) to run only some benchmarks.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /**
     * Runs the benchmarks (all, or those matching the patterns given) and prints the comparison table.
     * @param args JMH include patterns, e.g. {@code Matmul}; none runs every benchmark
     * @throws RunnerException if JMH fails to run a benchmark
     */
    public static void main(String[] args) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.milliseconds(250))
                .measurementIterations(3)
                .measurementTime(TimeValue.milliseconds(400))
                .jvmArgsAppend("-Dai.djl.offline=true")
                .shouldFailOnError(true);
        if (args.length == 0) {
            options.include("dev\\.nano\\.bench\\..*");
        }
        for (String pattern : args) {
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
        System.out.println(table(median));
    }

    private static String params(RunResult r) {
        StringBuilder s = new StringBuilder();
        for (String p : new String[] {"n", "batch", "threads"}) {
            String v = r.getParams().getParam(p);
            if (v != null) {
                s.append(' ').append(p).append('=').append(v);
            }
        }
        return s.toString();
    }

    /** One row: a label, the benchmark class and method stem, its size parameter, and its flop count (0: none). */
    private record Row(String label, String stem, String size, double flops) {
    }

    static String table(Map<String, Double> ms) {
        Row[] rows = {
            new Row("matmul 128×128", "Matmul.forward", " n=128", 2.0 * 128 * 128 * 128),
            new Row("matmul 256×256", "Matmul.forward", " n=256", 2.0 * 256 * 256 * 256),
            new Row("matmul 512×512", "Matmul.forward", " n=512", 2.0 * 512 * 512 * 512),
            new Row("matmul 128 forward+backward", "Matmul.train", " n=128", 6.0 * 128 * 128 * 128),
            new Row("matmul 256 forward+backward", "Matmul.train", " n=256", 6.0 * 256 * 256 * 256),
            new Row("matmul 512 forward+backward", "Matmul.train", " n=512", 6.0 * 512 * 512 * 512),
            new Row("add, 1e6 elements, forward", "Elementwise.add", "", 0),
            new Row("mul, 1e6, forward+backward", "Elementwise.mulTrain", "", 0),
            new Row("tanh, 1e6, forward", "Elementwise.tanh", "", 0),
            new Row("sum of 1000×1000, all", "Elementwise.sumAll", "", 0),
            new Row("sum(dim=1) of 1000×1000", "Elementwise.sumRows", "", 0),
            new Row("softmax(dim=-1) 1000×1000, fwd+bwd", "Elementwise.softmaxTrain", "", 0),
            new Row("MLP 784-256-128-10 step, batch 64", "Training$Mlp.step", " batch=64", 0),
            new Row("MLP 784-256-128-10 step, batch 256", "Training$Mlp.step", " batch=256", 0),
            new Row("10,000 tiny ops on 0-d tensors + backward", "Training$TinyOps.graph", "", 0),
        };
        StringBuilder out = new StringBuilder();
        out.append("| work | nano 1T | libtorch 1T | ratio 1T | nano 2T | libtorch 2T | ratio 2T "
                + "| GFLOPS nano / libtorch (1T) | nano growth vs previous size (1T) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        Double previous = null;
        String previousStem = null;
        for (Row row : rows) {
            Double n1 = find(ms, row, "Nano", 1);
            Double t1 = find(ms, row, "Torch", 1);
            Double n2 = find(ms, row, "Nano", 2);
            Double t2 = find(ms, row, "Torch", 2);
            if (n1 == null && n2 == null) {
                continue; // not run (a subset was asked for)
            }
            String gflops = row.flops == 0 || n1 == null || t1 == null ? ""
                    : String.format(Locale.ROOT, "%.1f / %.1f", row.flops / n1 / 1e6, row.flops / t1 / 1e6);
            String growth = "";
            if (row.stem.equals(previousStem) && previous != null && n1 != null) {
                growth = String.format(Locale.ROOT, "×%.1f", n1 / previous);
            }
            out.append("| ").append(row.label).append(" | ").append(time(n1)).append(" | ").append(time(t1))
                    .append(" | ").append(ratio(n1, t1)).append(" | ").append(time(n2)).append(" | ")
                    .append(time(t2)).append(" | ").append(ratio(n2, t2)).append(" | ").append(gflops)
                    .append(" | ").append(growth).append(" |\n");
            previous = n1;
            previousStem = row.stem;
        }
        out.append("\nratio = nano time / libtorch time (below 1: nano is faster); median of ")
                .append("3 measured rounds after 3 warm-up rounds, each in a fresh JVM.\n");
        return out.toString();
    }

    private static Double find(Map<String, Double> ms, Row row, String impl, int threads) {
        String stem = row.stem.replace('$', '.');
        int dot = stem.lastIndexOf('.');
        String cls = stem.substring(0, dot);
        String cls2 = cls.contains(".") ? cls.substring(cls.indexOf('.') + 1) : cls;
        String key = cls2 + "." + stem.substring(dot + 1) + impl + row.size + " threads=" + threads;
        return ms.get(key);
    }

    private static String time(Double ms) {
        if (ms == null) {
            return "–";
        }
        return ms >= 10 ? String.format(Locale.ROOT, "%.1f ms", ms)
                : ms >= 0.1 ? String.format(Locale.ROOT, "%.2f ms", ms)
                : String.format(Locale.ROOT, "%.1f µs", ms * 1000);
    }

    private static String ratio(Double nano, Double torch) {
        return nano == null || torch == null ? "–" : String.format(Locale.ROOT, "%.2f×", nano / torch);
    }
}
