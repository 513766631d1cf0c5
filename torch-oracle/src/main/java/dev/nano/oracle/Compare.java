package dev.nano.oracle;

import dev.nano.oracle.cases.Tolerance;
import dev.nano.oracle.fixtures.FixtureCase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Diffs what a framework computed against a fixture: shapes, dtypes, every value of every output
 * and every input gradient, or, for an error case, the error's key phrase. Records the worst
 * absolute and relative error and where it occurred, for the report.
 */
public final class Compare {
    private Compare() {
    }

    /** The outcome of one comparison. {@code problems} is empty when everything matched. */
    public record Diff(List<String> problems, double maxAbs, double maxRel, String worstAt, String worstRelAt) {
        public boolean ok() {
            return problems.isEmpty();
        }

        public String describe() {
            return String.join("\n", problems);
        }
    }

    public static Diff diff(FixtureCase expected, Result actual, Tolerance tolerance, String keyPhrase) {
        Tracker t = new Tracker(tolerance);
        if (expected.error() != null) {
            if (!actual.failed()) {
                t.problem("expected an error containing \"" + keyPhrase + "\" (PyTorch: \"" + expected.error()
                        + "\") but the call succeeded");
            } else if (keyPhrase != null && !actual.error().contains(keyPhrase)) {
                t.problem("error message \"" + actual.error() + "\" lacks the key phrase \"" + keyPhrase + "\"");
            }
            return t.result();
        }
        if (actual.failed()) {
            t.problem("failed: " + actual.error());
            return t.result();
        }
        if (actual.outputs().size() != expected.outputs().size()) {
            t.problem("expected " + expected.outputs().size() + " outputs, got " + actual.outputs().size());
            return t.result();
        }
        for (int i = 0; i < expected.outputs().size(); i++) {
            t.values("output " + i, expected.outputs().get(i), actual.outputs().get(i));
        }
        if (expected.upstream() != null) {
            for (int i = 0; i < expected.grads().size(); i++) {
                Value e = expected.grads().get(i);
                Value a = i < actual.grads().size() ? actual.grads().get(i) : null;
                if (e == null && a == null) {
                    continue;
                }
                if (e == null || a == null) {
                    t.problem("grad of input " + i + ": expected " + (e == null ? "none" : "a gradient") + ", got "
                            + (a == null ? "none" : "a gradient"));
                    continue;
                }
                t.values("grad of input " + i, e, a);
            }
        }
        return t.result();
    }

    /** Accumulates problems and the worst error. */
    private static final class Tracker {
        private final Tolerance tolerance;
        private final List<String> problems = new ArrayList<>();
        private double maxAbs;
        private double maxRel;
        private String worstAt = "";
        private String worstRelAt = "";

        Tracker(Tolerance tolerance) {
            this.tolerance = tolerance;
        }

        void problem(String p) {
            problems.add(p);
        }

        void values(String what, Value expected, Value actual) {
            if (!Arrays.equals(expected.shape(), actual.shape())) {
                problem(what + ": shape " + actual.shapeText() + ", expected " + expected.shapeText());
                return;
            }
            if (expected.dtype() != actual.dtype()) {
                problem(what + ": dtype " + actual.dtype() + ", expected " + expected.dtype());
                return;
            }
            double[] e = expected.values();
            double[] a = actual.values();
            int bad = 0;
            String first = null;
            for (int i = 0; i < e.length; i++) {
                if (Double.isFinite(e[i]) && Double.isFinite(a[i])) {
                    double abs = Math.abs(a[i] - e[i]);
                    // Relative error is undefined at an expected 0; those elements count in the absolute error only.
                    double rel = e[i] == 0 ? 0 : abs / Math.abs(e[i]);
                    if (abs > maxAbs) {
                        maxAbs = abs;
                        worstAt = what + "[" + i + "]";
                    }
                    if (rel > maxRel) {
                        maxRel = rel;
                        worstRelAt = what + "[" + i + "]";
                    }
                }
                if (!tolerance.accepts(a[i], e[i])) {
                    bad++;
                    if (first == null) {
                        first = "[" + i + "] = " + a[i] + ", expected " + e[i];
                    }
                }
            }
            if (bad > 0) {
                problem(what + ": " + bad + " of " + e.length + " values differ; first " + first + " (rtol "
                        + tolerance.rtol() + ", atol " + tolerance.atol() + ")");
            }
        }

        Diff result() {
            return new Diff(List.copyOf(problems), maxAbs, maxRel, worstAt, worstRelAt);
        }
    }
}
