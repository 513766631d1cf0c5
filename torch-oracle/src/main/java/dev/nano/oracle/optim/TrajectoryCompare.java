package dev.nano.oracle.optim;


import dev.nano.oracle.compare.Compare;
import dev.nano.oracle.value.Tolerance;
import dev.nano.oracle.value.Value;

import java.util.List;
import java.util.Map;

/**
 * Diffs two runs step by step: every parameter, every state tensor (the same names, the same
 * values), and the gradients. Records the worst absolute and relative error and where each was.
 */
public final class TrajectoryCompare {
    private TrajectoryCompare() {
    }

    /**
     * Compares two trajectories step by step.
     * @param expected PyTorch's
     * @param actual nano's
     * @param tolerance the tolerance
     * @return the differences
     */
    public static Compare.Diff diff(Trajectory expected, Trajectory actual, Tolerance tolerance) {
        Compare.Tracker t = new Compare.Tracker(tolerance);
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
}
