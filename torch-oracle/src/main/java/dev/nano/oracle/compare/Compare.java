package dev.nano.oracle.compare;

import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Tolerance;
import dev.nano.oracle.value.Value;

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

    /**
     * The outcome of one comparison. {@code problems} is empty when everything matched.
     *
     * @param maxAbs        the largest {@code |actual − expected|}; infinite when a NaN or an inf did not match
     * @param maxRel        the largest {@code |actual − expected| / |expected|}; infinite likewise
     * @param worstAt       where {@code maxAbs} occurred, e.g. {@code grad of input 0[3]}
     * @param worstExpected the expected value at {@code worstAt} (its magnitude puts {@code maxAbs} in context)
     * @param maxRatio      the largest {@code |actual − expected| / (atol + rtol·|expected|)}: how much of the
     *                      tolerance was used, above 1 when it was exceeded; infinite for a non-finite mismatch
     * @param nonFinite     the first NaN/inf mismatch in words ({@code NaN≠finite}, {@code +inf≠-inf}), or null
     * @param outputsOk     every output matched (false when the call failed)
     * @param gradientsOk   every input gradient matched (false when the call failed)
     */
    public record Diff(List<String> problems, double maxAbs, double maxRel, String worstAt, String worstRelAt,
                       double worstExpected, double maxRatio, String nonFinite, boolean outputsOk,
                       boolean gradientsOk) {
        /**
         * A diff without the detail the report shows: every part counts as failed when anything did.
         * @param problems the problems found, empty when everything matched
         * @param maxAbs the largest absolute error
         * @param maxRel the largest relative error
         * @param worstAt where the largest absolute error is
         * @param worstRelAt where the largest relative error is
         */
        public Diff(List<String> problems, double maxAbs, double maxRel, String worstAt, String worstRelAt) {
            this(problems, maxAbs, maxRel, worstAt, worstRelAt, Double.NaN, 0, null, problems.isEmpty(),
                    problems.isEmpty());
        }

        /**
         * Whether nano matched PyTorch.
         * @return true if there are no problems
         */
        public boolean ok() {
            return problems.isEmpty();
        }

        /**
         * The problems, one per line, for a failure message.
         * @return the text
         */
        public String describe() {
            return String.join("\n", problems);
        }
    }

    /**
     * nano against a case whose PyTorch answer may depend on libtorch's CPU dispatch: nano has one
     * answer, so matching any recorded PyTorch answer is parity. Without kernel-dependent answers this
     * is {@link #diff}.
     * @param expected the recorded PyTorch case
     * @param actual nano's result
     * @param tolerance the case's tolerance
     * @param keyPhrase the words both error messages must contain, for error cases
     * @return the differences
     */
    public static Diff diffAnyAnswer(FixtureCase expected, Result actual, Tolerance tolerance, String keyPhrase) {
        List<Result> answers = expected.everyResult(); // the canonical answer first
        Diff canonical = diff(answers.get(0), actual, tolerance, keyPhrase);
        for (Result answer : answers.subList(1, answers.size())) {
            Diff d = diff(answer, actual, tolerance, keyPhrase);
            if (d.ok()) {
                return d;
            }
        }
        if (canonical.ok() || answers.size() == 1) {
            return canonical;
        }
        List<String> problems = new ArrayList<>(canonical.problems());
        problems.add("(and it matches none of PyTorch's kernel-dependent answers either: "
                + String.join(", ", expected.kernels().keySet()) + ")");
        return new Diff(List.copyOf(problems), canonical.maxAbs(), canonical.maxRel(), canonical.worstAt(),
                canonical.worstRelAt(), canonical.worstExpected(), canonical.maxRatio(), canonical.nonFinite(),
                canonical.outputsOk(), canonical.gradientsOk());
    }

    /**
     * How each kernel-dependent answer of a case differs from the canonical one under the case's own
     * tolerance (the one the recording used to decide that the dispatch differs); a dispatch whose
     * answer is within it is left out, so an empty list means no dispatch differs.
     * @param c the case
     * @param tolerance the case's tolerance
     * @return one line per differing dispatch
     */
    public static List<String> kernelDifferences(FixtureCase c, Tolerance tolerance) {
        List<String> out = new ArrayList<>();
        Result canonical = c.result();
        c.kernels().keySet().forEach(dispatch -> {
            Diff d = diff(canonical, c.resultUnder(dispatch), tolerance, null);
            if (!d.ok()) {
                out.add(dispatch + ": " + String.join("; ", d.problems()).replace("expected", "canonical"));
            }
        });
        return out;
    }

    /**
     * One result against another, usually nano's against PyTorch's: outputs, gradients, or the error's wording.
     * @param expected PyTorch's result (its upstream gradient says whether gradients are compared)
     * @param actual nano's result
     * @param tolerance the case's tolerance
     * @param keyPhrase the words both error messages must contain, for error cases
     * @return the differences
     */
    public static Diff diff(Result expected, Result actual, Tolerance tolerance, String keyPhrase) {
        Tracker t = new Tracker(tolerance);
        if (expected.error() != null) {
            if (!actual.failed()) {
                t.problem("expected an error containing \"" + keyPhrase + "\" (PyTorch: \"" + expected.error()
                        + "\") but the call succeeded");
            } else if (keyPhrase == null) {
                t.problem("the fixture holds an error (\"" + expected.error() + "\") but no key phrase says what nano "
                        + "must answer");
            } else if (!actual.error().contains(keyPhrase)) {
                t.problem("error message \"" + actual.error() + "\" lacks the key phrase \"" + keyPhrase + "\"");
            }
            return t.result();
        }
        if (actual.failed()) {
            t.problem("failed: " + actual.error());
            return t.result(false, false);
        }
        if (actual.outputs().size() != expected.outputs().size()) {
            t.problem("expected " + expected.outputs().size() + " outputs, got " + actual.outputs().size());
            return t.result(false, false);
        }
        for (int i = 0; i < expected.outputs().size(); i++) {
            t.values("output " + i, expected.outputs().get(i), actual.outputs().get(i));
        }
        // Counted apart so that the report marks only the evidence that failed (forward or backward).
        int outputProblems = t.count();
        if (expected.upstream() != null) {
            if (actual.grads().size() != expected.grads().size()) {
                t.problem(actual.grads().size() + " input gradients, expected " + expected.grads().size());
            }
            for (int i = 0; i < expected.grads().size(); i++) {
                Value a = i < actual.grads().size() ? actual.grads().get(i) : null;
                t.values("grad of input " + i, expected.grads().get(i), a);
            }
        }
        return t.result(outputProblems == 0, t.count() == outputProblems);
    }

    /**
     * Accumulates problems and the worst error over any number of value comparisons; also used
     * for optimizer trajectories. Keeps the first dozen problems and counts the rest.
     */
    public static final class Tracker {
        private static final int MAX_PROBLEMS = 12;
        private final Tolerance tolerance;
        private final List<String> problems = new ArrayList<>();
        private int hidden;
        private double maxAbs;
        private double maxRel;
        private String worstAt = "";
        private String worstRelAt = "";
        private double worstExpected = Double.NaN;
        private double maxRatio;
        private String nonFinite;

        /**
         * A tracker for one case's comparison.
         * @param tolerance the case's tolerance
         */
        public Tracker(Tolerance tolerance) {
            this.tolerance = tolerance;
        }

        /**
         * Problems so far, including those not kept.
         * @return the problem count
         */
        public int count() {
            return problems.size() + hidden;
        }

        /**
         * Records a problem (only the first few are kept).
         * @param p the problem, in words
         */
        public void problem(String p) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(p);
            } else {
                hidden++;
            }
        }

        /**
         * Compares shape, dtype and every value; null means "no tensor" and must meet null.
         * @param what what is compared, for messages ("output 0", "grad of input 1")
         * @param expected PyTorch's value
         * @param actual nano's value
         */
        public void values(String what, Value expected, Value actual) {
            if (expected == null || actual == null) {
                if (expected != actual) {
                    problem(what + ": " + (actual == null ? "none" : "a tensor") + ", expected "
                            + (expected == null ? "none" : "a tensor"));
                }
                return;
            }
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
            double tensorMax = largestFinite(e); // the scale of a tolerance in ulps of the tensor
            int bad = 0;
            String first = null;
            double worstUlps = 0; // of the values that fail, under a tolerance in ulps
            for (int i = 0; i < e.length; i++) {
                if (Double.isFinite(e[i]) && Double.isFinite(a[i])) {
                    double abs = Math.abs(a[i] - e[i]);
                    // Relative error is undefined at an expected 0; those elements count in the absolute error only.
                    double rel = e[i] == 0 ? 0 : abs / Math.abs(e[i]);
                    if (abs > maxAbs) {
                        maxAbs = abs;
                        worstAt = what + "[" + i + "]";
                        worstExpected = e[i];
                    }
                    if (rel > maxRel) {
                        maxRel = rel;
                        worstRelAt = what + "[" + i + "]";
                    }
                    // An equal value uses none of the tolerance, also where the tolerance is 0 (atol 0 at an
                    // expected 0, as in the tiny cases, or 0 ulps): 0 / 0 would be NaN and hide every later element.
                    maxRatio = Math.max(maxRatio, abs == 0 ? 0 : abs / tolerance.allowed(e[i], tensorMax));
                } else if (!tolerance.accepts(a[i], e[i]) && nonFinite == null) {
                    // No finite distance says how wrong NaN for 2.0 is: it counts as an infinite error, in words.
                    nonFinite = kind(a[i]) + "≠" + kind(e[i]);
                    maxAbs = Double.POSITIVE_INFINITY;
                    maxRel = Double.POSITIVE_INFINITY;
                    maxRatio = Double.POSITIVE_INFINITY;
                    worstAt = what + "[" + i + "]";
                    worstRelAt = worstAt;
                    worstExpected = e[i];
                }
                if (!tolerance.accepts(a[i], e[i], tensorMax)) {
                    bad++;
                    if (tolerance.inUlps() && Double.isFinite(a[i]) && Double.isFinite(e[i])) {
                        worstUlps = Math.max(worstUlps, tolerance.inUlpsOf(Math.abs(a[i] - e[i]), e[i], tensorMax));
                    }
                    if (first == null) {
                        first = "[" + i + "] = " + a[i] + ", expected " + e[i] + ulpsAway(a[i], e[i], tensorMax);
                    }
                }
            }
            if (bad > 0) {
                String worst = bad > 1 && worstUlps > 0
                        ? String.format(java.util.Locale.ROOT, "; worst %.3g ulps", worstUlps) : "";
                problem(what + ": " + bad + " of " + e.length + " values differ; first " + first + worst + " ("
                        + tolerance.describe() + ")");
            }
        }

        /** ", 37 ulps away" for a finite miss under a tolerance in ulps; a zero of the wrong sign says so. */
        private String ulpsAway(double actual, double expected, double tensorMax) {
            if (!tolerance.inUlps() || !Double.isFinite(actual) || !Double.isFinite(expected)) {
                return "";
            }
            if (actual == 0 && expected == 0) {
                return ", a zero of the other sign";
            }
            return String.format(java.util.Locale.ROOT, ", %.3g ulps away",
                    tolerance.inUlpsOf(Math.abs(actual - expected), expected, tensorMax));
        }

        private static double largestFinite(double[] values) {
            double max = 0;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
            return max;
        }

        /**
         * The comparison's outcome.
         * @return the diff
         */
        public Diff result() {
            return result(count() == 0, count() == 0);
        }

        Diff result(boolean outputsOk, boolean gradientsOk) {
            List<String> all = new ArrayList<>(problems);
            if (hidden > 0) {
                all.add("... and " + hidden + " more");
            }
            return new Diff(List.copyOf(all), maxAbs, maxRel, worstAt, worstRelAt, worstExpected, maxRatio, nonFinite,
                    outputsOk, gradientsOk);
        }

        private static String kind(double v) {
            return Double.isNaN(v) ? "NaN" : v == Double.POSITIVE_INFINITY ? "+inf"
                    : v == Double.NEGATIVE_INFINITY ? "-inf" : "finite";
        }
    }
}
