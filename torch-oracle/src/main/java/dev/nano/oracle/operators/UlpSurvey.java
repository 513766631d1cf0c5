package dev.nano.oracle.operators;

import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.torch.Dispatch;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The measurement behind the catalogue's ulp tolerances ({@code scripts/ulp-survey}): for every
 * operator case, how far nano's answer and live PyTorch's answer under this JVM's CPU dispatch lie
 * from the fixture's answers (nano: each recorded answer, of which it must meet one; PyTorch: the answer
 * recorded for its dispatch), in ulps, per compared tensor. Two scales: {@code element}
 * ({@code |a − e| / ulp(e)}, the error of each value in its own last place) and {@code tensor}
 * ({@code |a − e| / ulp(max |e|)}, in the last place of the tensor's largest value, the scale a sum's
 * rounding error lives on). Zeros of opposite sign are counted apart. Run it once per dispatch, and
 * once more with the Vector API module for nano's vector kernels; the script merges the tables.
 *
 * <p>Writes one tab-separated line per case and tensor: {@code op, case, tensor, who, element ulps,
 * tensor ulps, zero-sign flips, non-finite mismatches, ulps of max(|e|, 1)}, where {@code who} is {@code nano} or
 * {@code torch:<dispatch>}.
 */
public final class UlpSurvey {
    private UlpSurvey() {
    }

    /**
     * Surveys every operator case into a file.
     * @param args the output file, and {@code --nano-only} to skip PyTorch (for the vector-kernel run)
     */
    public static void main(String[] args) {
        Path out = Path.of(args[0]);
        boolean nanoOnly = args.length > 1 && args[1].equals("--nano-only");
        String dispatch = nanoOnly ? null : Dispatch.current();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            for (ParityCase c : ParityCase.load(FixtureStore.locate())) {
                if (c.staleness() != null || c.sample().isError()) {
                    continue;
                }
                FixtureCase f = c.fixture();
                Result nano = c.runNano();
                for (Result answer : f.everyResult()) { // nano must meet one of them; the script keeps the nearest
                    write(w, c, "nano", answer, nano);
                }
                if (!nanoOnly) {
                    write(w, c, "torch:" + dispatch, f.resultUnder(dispatch),
                            TorchRunner.run(c.op(), c.sample(), f.inputs(), f.upstream(), 0));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(PrintWriter w, ParityCase c, String who, Result expected, Result actual) {
        if (actual.failed() || expected.error() != null) {
            return;
        }
        for (int i = 0; i < expected.outputs().size() && i < actual.outputs().size(); i++) {
            line(w, c, "output " + i, who, expected.outputs().get(i), actual.outputs().get(i));
        }
        if (expected.upstream() != null) {
            for (int i = 0; i < expected.grads().size() && i < actual.grads().size(); i++) {
                line(w, c, "grad " + i, who, expected.grads().get(i), actual.grads().get(i));
            }
        }
    }

    private static void line(PrintWriter w, ParityCase c, String tensor, String who, Value e, Value a) {
        if (e == null || a == null || e.values().length != a.values().length) {
            return;
        }
        double[] ev = e.values();
        double[] av = a.values();
        double scale = 0;
        for (double x : ev) {
            if (Double.isFinite(x)) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        double element = 0;
        double tensorUlps = 0;
        double floorUlps = 0;
        int zeroFlips = 0;
        int nonFinite = 0;
        for (int i = 0; i < ev.length; i++) {
            if (Double.isFinite(ev[i]) && Double.isFinite(av[i])) {
                double d = Math.abs(av[i] - ev[i]);
                element = Math.max(element, d / Math.ulp(ev[i]));
                tensorUlps = Math.max(tensorUlps, d / Math.ulp(scale));
                floorUlps = Math.max(floorUlps, d / Math.ulp(Math.max(1, Math.abs(ev[i]))));
                if (ev[i] == 0 && av[i] == 0 && Double.doubleToRawLongBits(ev[i]) != Double.doubleToRawLongBits(av[i])) {
                    zeroFlips++;
                }
            } else if (!(Double.isNaN(ev[i]) && Double.isNaN(av[i])) && ev[i] != av[i]) {
                nonFinite++;
            }
        }
        w.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%.4g\t%.4g\t%d\t%d\t%.4g%n", c.op().name(), c.sample().id(), tensor,
                who, element, tensorUlps, zeroFlips, nonFinite, floorUlps);
    }
}
