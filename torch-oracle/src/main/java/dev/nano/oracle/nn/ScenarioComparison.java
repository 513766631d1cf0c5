package dev.nano.oracle.nn;

import dev.nano.oracle.compare.Compare;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.value.Input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A scenario run against its fixture: the same steps, from the same inputs, with the same results. */
public final class ScenarioComparison {
    private ScenarioComparison() {
    }

    /**
     * Steps recorded in the fixture that the run no longer has (the run's own steps are checked one by one).
     * @param fixture the recorded scenario
     * @param run the steps nano ran
     * @return one problem per missing step
     */
    public static List<String> missingSteps(FixtureFile fixture, List<Step> run) {
        List<String> ids = run.stream().map(Step::id).toList();
        List<String> gone = new ArrayList<>();
        for (FixtureCase c : fixture.cases()) {
            if (!ids.contains(c.id())) {
                gone.add(c.id());
            }
        }
        return gone;
    }

    /**
     * Null if the step matches the fixture, else what differs.
     * @param fixture the recorded scenario
     * @param step the step nano ran
     * @return the differences, or null
     */
    public static String check(FixtureFile fixture, Step step) {
        FixtureCase expected = fixture.find(step.id());
        if (expected == null) {
            return "no fixture for this step; run " + FixtureStore.REGENERATE;
        }
        if (expected.inputs().size() != step.inputs().size()) {
            return "the fixture has " + expected.inputs().size() + " inputs, the run " + step.inputs().size()
                    + " (stale fixture; run " + FixtureStore.REGENERATE + ")";
        }
        for (int i = 0; i < step.inputs().size(); i++) {
            Input a = step.inputs().get(i);
            Input b = expected.inputs().get(i);
            if (!Arrays.equals(a.shape(), b.shape()) || a.dtype() != b.dtype() || !Arrays.equals(a.values(), b.values())
                    || a.requiresGrad() != b.requiresGrad()) {
                return "input " + i + " differs from the fixture's (stale fixture; run " + FixtureStore.REGENERATE + ")";
            }
        }
        Compare.Diff diff = Compare.diff(expected.result(), step.result(), step.tolerance(), null);
        return diff.ok() ? null : diff.describe();
    }
}
