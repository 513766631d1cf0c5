package dev.nano.oracle.fuzz;

import java.util.List;
import java.util.function.Function;

/**
 * The fuzzing loop: case {@code i} of a run with seed {@code s} is drawn from seed {@code s + i}, so
 * one case reruns alone with {@code scripts/fuzz --seed s+i --cases 1} (and the run's {@code --op}). The first case that fails
 * (and is not a known class) is shrunk, keeping its class of disagreement ({@link Survey#classOf}),
 * and returned; a run without one returns null.
 */
final class Fuzzer {
    private Fuzzer() {
    }

    /** A failing case as drawn, as shrunk, and what differs in the shrunk one. */
    record Finding(long caseSeed, FuzzCase drawn, FuzzCase shrunk, String problem) {

        /** The message a failing run prints: what differs, the catalogue line, how to rerun. */
        String report(long runSeed, List<String> ops) {
            return shrunk.op().name() + ": " + problem + "\n  shrunk from " + size(drawn) + " to " + size(shrunk)
                    + " elements; case " + (caseSeed - runSeed) + " of the run with seed " + runSeed
                    + "; rerun it alone: scripts/fuzz --seed " + caseSeed + " --cases 1"
                    + (ops.isEmpty() ? "" : " --op " + String.join(",", ops));
        }
    }

    /**
     * Runs {@code cases} cases; {@code check} answers what differs, or null when nano agrees with
     * PyTorch or the disagreement is a known class.
     */
    static Finding firstFailure(CaseGenerator generator, long seed, int cases, Function<FuzzCase, String> check) {
        for (int i = 0; i < cases; i++) {
            FuzzCase drawn = generator.draw(seed + i);
            String problem = check.apply(drawn);
            if (problem != null) {
                String kind = drawn.op().name() + " | " + Survey.classOf(problem);
                FuzzCase shrunk = Shrinker.shrink(drawn, c -> {
                    String p = check.apply(c);
                    return p != null && kind.equals(c.op().name() + " | " + Survey.classOf(p));
                });
                return new Finding(seed + i, drawn, shrunk, check.apply(shrunk));
            }
        }
        return null;
    }

    static int size(FuzzCase c) {
        return c.sample().inputs().stream().mapToInt(in -> in.values().length).sum();
    }
}
