package dev.nano.oracle.optim;

import dev.nano.oracle.Compare;
import dev.nano.oracle.Value;
import dev.nano.oracle.cases.Tolerance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Diffs two runs step by step: every parameter, every state tensor (the same names, the same
 * values), and the gradients. Records the worst absolute and relative error and where each was.
 */
public final class TrajectoryCompare {
    private static final int MAX_PROBLEMS = 12;

    private TrajectoryCompare() {
    }

    public static Compare.Diff diff(Trajectory expected, Trajectory actual, Tolerance tolerance) {
        Tracker t = new Tracker(tolerance);
        if (expected.steps().size() != actual.steps().size()) {
            t.problem("expected " + expected.steps().size() + " steps, got " + actual.steps().size());
            return t.result();
        }
        for (int s = 0; s < expected.steps().size(); s++) {
            Trajectory.Step e = expected.steps().get(s);
            Trajectory.Step a = actual.steps().get(s);
            String step = "step " + (s + 1);
            for (int p = 0; p < e.params().size(); p++) {
                String param = step + ", param " + p;
                t.values(param + " grad", e.grads().get(p), a.grads().get(p));
                t.values(param, e.params().get(p), a.params().get(p));
                Map<String, Value> es = e.state().get(p);
                Map<String, Value> as = a.state().get(p);
                if (!List.copyOf(es.keySet()).equals(List.copyOf(as.keySet()))) {
                    t.problem(param + " state: names " + as.keySet() + ", expected " + es.keySet());
                    continue;
                }
                es.forEach((name, v) -> t.values(param + " " + name, v, as.get(name)));
            }
        }
        return t.result();
    }

    private static final class Tracker {
        private final Tolerance tolerance;
        private final List<String> problems = new ArrayList<>();
        private int hidden;
        private double maxAbs;
        private double maxRel;
        private String worstAt = "";
        private String worstRelAt = "";

        Tracker(Tolerance tolerance) {
            this.tolerance = tolerance;
        }

        void problem(String p) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(p);
            } else {
                hidden++;
            }
        }

        void values(String what, Value expected, Value actual) {
            if (expected == null || actual == null) {
                if (expected != actual) {
                    problem(what + ": " + (actual == null ? "none" : "a tensor") + ", expected "
                            + (expected == null ? "none" : "a tensor"));
                }
                return;
            }
            if (!Arrays.equals(expected.shape(), actual.shape()) || expected.dtype() != actual.dtype()) {
                problem(what + ": " + actual.dtype() + " " + actual.shapeText() + ", expected " + expected.dtype() + " "
                        + expected.shapeText());
                return;
            }
            double[] e = expected.values();
            double[] a = actual.values();
            int bad = 0;
            String first = null;
            for (int i = 0; i < e.length; i++) {
                if (Double.isFinite(e[i]) && Double.isFinite(a[i])) {
                    double abs = Math.abs(a[i] - e[i]);
                    if (abs > maxAbs) {
                        maxAbs = abs;
                        worstAt = what + "[" + i + "]";
                    }
                    double rel = e[i] == 0 ? Double.POSITIVE_INFINITY : abs / Math.abs(e[i]);
                    if (abs > 0 && rel > maxRel) {
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

        Compare.Diff result() {
            List<String> all = new ArrayList<>(problems);
            if (hidden > 0) {
                all.add("… and " + hidden + " more");
            }
            return new Compare.Diff(List.copyOf(all), maxAbs, maxRel, worstAt, worstRelAt);
        }
    }
}
