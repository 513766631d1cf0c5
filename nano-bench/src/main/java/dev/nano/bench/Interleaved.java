package dev.nano.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The same benchmark methods as the JMH run, timed for a machine under load: in one JVM per
 * thread count and kernel path, each row alternates rounds of nano calls and libtorch calls and
 * keeps the fastest call of each. Other processes only ever add time to a call, so the minimum is
 * the time closest to an idle machine's, and alternating keeps both libraries under the same load.
 * Each row is warmed up first (HotSpot compiles the code). {@code scripts/bench --interleaved} runs
 * it (about ten minutes); {@link BenchMain} prints the
 * table.
 */
public final class Interleaved {
    /** Rounds per row; each round times {@link #CALLS} nano calls, then as many libtorch calls. */
    static final int ROUNDS = 12;
    static final int CALLS = 5;

    private Interleaved() {
    }

    /** One row: the JMH key stem of nano's method, libtorch's, and the two calls. */
    private record Row(String nanoKey, String torchKey, Runnable nano, Runnable torch) {
    }

    /**
     * A child JVM: times every row on one thread count and kernel path and prints
     * {@code key<TAB>milliseconds} lines (nano's and libtorch's).
     * @param args the thread count and the kernel path ({@code plain} or {@code vector}), then
     *     optional regular expressions a row's key must match
     */
    public static void main(String[] args) {
        int threads = Integer.parseInt(args[0]);
        Both.Path path = new Both.Path();
        path.kernels = args[1];
        path.choose();
        String suffix = " kernels=" + args[1] + " threads=" + threads;
        List<String> patterns = List.of(args).subList(2, args.length);
        List<Both> states = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int n : new int[] {128, 256, 512}) {
            Ops.Matmul m = state(new Ops.Matmul(), threads, s -> s.n = n, states);
            rows.add(new Row("Matmul.forwardNano n=" + n, "Matmul.forwardTorch n=" + n, () -> m.forwardNano(path),
                    m::forwardTorch));
            rows.add(new Row("Matmul.trainNano n=" + n, "Matmul.trainTorch n=" + n, () -> m.trainNano(path),
                    m::trainTorch));
        }
        Ops.Elementwise e = state(new Ops.Elementwise(), threads, s -> { }, states);
        rows.add(new Row("Elementwise.addNano", "Elementwise.addTorch", () -> e.addNano(path), e::addTorch));
        rows.add(new Row("Elementwise.addInPlaceNano", "Elementwise.addInPlaceTorch", () -> e.addInPlaceNano(path),
                e::addInPlaceTorch));
        rows.add(new Row("Elementwise.mulTrainNano", "Elementwise.mulTrainTorch", () -> e.mulTrainNano(path),
                e::mulTrainTorch));
        rows.add(new Row("Elementwise.tanhNano", "Elementwise.tanhTorch", () -> e.tanhNano(path), e::tanhTorch));
        rows.add(new Row("Elementwise.sumAllNano", "Elementwise.sumAllTorch", () -> e.sumAllNano(path),
                e::sumAllTorch));
        rows.add(new Row("Elementwise.sumRowsNano", "Elementwise.sumRowsTorch", () -> e.sumRowsNano(path),
                e::sumRowsTorch));
        rows.add(new Row("Elementwise.softmaxTrainNano", "Elementwise.softmaxTrainTorch",
                () -> e.softmaxTrainNano(path), e::softmaxTrainTorch));
        Ops.Transcendental t = state(new Ops.Transcendental(), threads, s -> { }, states);
        rows.add(new Row("Transcendental.expNano", "Transcendental.expTorch", () -> t.expNano(path), t::expTorch));
        rows.add(new Row("Transcendental.expTrainNano", "Transcendental.expTrainTorch", () -> t.expTrainNano(path),
                t::expTrainTorch));
        rows.add(new Row("Transcendental.sigmoidNano", "Transcendental.sigmoidTorch", () -> t.sigmoidNano(path),
                t::sigmoidTorch));
        rows.add(new Row("Transcendental.sigmoidTrainNano", "Transcendental.sigmoidTrainTorch",
                () -> t.sigmoidTrainNano(path), t::sigmoidTrainTorch));
        rows.add(new Row("Transcendental.softmaxNano", "Transcendental.softmaxTorch", () -> t.softmaxNano(path),
                t::softmaxTorch));
        rows.add(new Row("Transcendental.logsumexpTrainNano", "Transcendental.logsumexpTrainTorch",
                () -> t.logsumexpTrainNano(path), t::logsumexpTrainTorch));
        for (int batch : new int[] {64, 256}) {
            Training.Mlp mlp = state(new Training.Mlp(), threads, s -> s.batch = batch, states);
            rows.add(new Row("Mlp.stepNano batch=" + batch, "Mlp.stepTorch batch=" + batch, () -> mlp.stepNano(path),
                    mlp::stepTorch));
        }
        Training.TinyOps tiny = state(new Training.TinyOps(), threads, s -> { }, states);
        rows.add(new Row("TinyOps.graphNano", "TinyOps.graphTorch", () -> tiny.graphNano(path), tiny::graphTorch));
        Conv.Lenet lenet = state(new Conv.Lenet(), threads, s -> { }, states);
        rows.add(new Row("Lenet.trainNano", "Lenet.trainTorch", () -> lenet.trainNano(path), lenet::trainTorch));
        Conv.Wide wide = state(new Conv.Wide(), threads, s -> { }, states);
        rows.add(new Row("Wide.trainNano", "Wide.trainTorch", () -> wide.trainNano(path), wide::trainTorch));
        Conv.MaxPool pool = state(new Conv.MaxPool(), threads, s -> { }, states);
        rows.add(new Row("MaxPool.trainNano", "MaxPool.trainTorch", () -> pool.trainNano(path), pool::trainTorch));
        Conv.Cnn cnn = state(new Conv.Cnn(), threads, s -> { }, states);
        rows.add(new Row("Cnn.stepNano", "Cnn.stepTorch", () -> cnn.stepNano(path), cnn::stepTorch));
        for (Row row : rows) {
            if (!patterns.isEmpty() && patterns.stream().noneMatch(p -> row.nanoKey.matches(".*" + p + ".*"))) {
                continue;
            }
            warmUp(row.nano);
            warmUp(row.torch);
            double nano = Double.MAX_VALUE;
            double torch = Double.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                nano = Math.min(nano, fastest(row.nano));
                torch = Math.min(torch, fastest(row.torch));
            }
            System.out.printf(Locale.ROOT, "%s\t%s%n", row.nanoKey + suffix, nano);
            System.out.printf(Locale.ROOT, "%s\t%s%n", row.torchKey + suffix, torch);
        }
        for (Both s : states) {
            s.stop();
        }
        System.exit(0); // libtorch's threads would keep the JVM alive
    }

    private interface Configure<S> {
        void apply(S state);
    }

    private static <S extends Both> S state(S state, int threads, Configure<S> configure, List<Both> states) {
        state.threads = threads;
        configure.apply(state);
        state.start();
        states.add(state);
        return state;
    }

    /**
     * Calls until at least 30 calls and half a second have passed (at most 5 s), so that HotSpot
     * has compiled the code before it is timed: the Vector API runs very slowly until then.
     */
    private static void warmUp(Runnable call) {
        long start = System.nanoTime();
        for (int i = 0; ; i++) {
            call.run();
            long elapsed = System.nanoTime() - start;
            if ((i >= 30 && elapsed > 500_000_000L) || elapsed > 5_000_000_000L) {
                return;
            }
        }
    }

    /** The fastest of {@link #CALLS} calls, in milliseconds. */
    private static double fastest(Runnable call) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            call.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }

    /**
     * Runs one child JVM per thread count (1, 2) and kernel path (plain, vector), one after another,
     * and collects their times by JMH-style key.
     * @param jvmArgs flags for the child JVMs
     * @param patterns regular expressions a row's key must match (none: every row)
     * @return milliseconds per call by key, e.g. {@code Matmul.forwardNano n=256 kernels=vector threads=1}
     */
    static Map<String, Double> runAll(List<String> jvmArgs, List<String> patterns) {
        Map<String, Double> ms = new HashMap<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int threads = 1; threads <= 2; threads++) {
            for (String kernels : new String[] {"plain", "vector"}) {
                List<String> command = new ArrayList<>(List.of(java));
                command.addAll(jvmArgs);
                command.addAll(List.of("-cp", System.getProperty("java.class.path"), Interleaved.class.getName(),
                        Integer.toString(threads), kernels));
                command.addAll(patterns);
                System.err.println("interleaved: " + kernels + " kernels, " + threads + " thread(s)");
                run(command, line -> {
                    String[] parts = line.split("\t");
                    if (parts.length == 2) {
                        ms.put(parts[0], Double.parseDouble(parts[1]));
                    }
                });
            }
        }
        return ms;
    }

    private static void run(List<String> command, java.util.function.Consumer<String> lines) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.accept(line);
                }
            }
            int status = process.waitFor();
            if (status != 0) {
                throw new IllegalStateException("interleaved benchmark JVM failed with status " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
