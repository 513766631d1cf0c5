package dev.nano.oracle.optim;

import dev.nano.oracle.family.CaseFilter;
import dev.nano.oracle.fixtures.FixtureException;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.value.Value;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One grid configuration in one scenario, paired with its fixture. Named like
 * {@code adam[lr=0.01] given-gradients}. A missing or stale fixture is not hidden: the case still
 * runs and fails, naming the regeneration command.
 */
public record OptimCase(OptimConfig config, Scenario scenario, OptimFixtures.Case fixture, String staleness) {

    @Override
    public String toString() {
        return config.id() + " " + scenario.id();
    }

    /**
     * Whether a case filter keeps this case: by optimizer and family {@value CaseFilter#OPTIM_FAMILY};
     * an optimizer trajectory gives none of the report's kinds of evidence.
     * @param filter the filter
     * @return whether it keeps the case
     */
    public boolean keptBy(CaseFilter filter) {
        return filter.keeps(config.optimizer(), Set.of(CaseFilter.OPTIM_FAMILY), Set.of());
    }

    /**
     * The case's fixture; fails the test if it is missing or stale.
     * @return the fixture
     */
    public OptimFixtures.Case requireFreshFixture() {
        if (staleness != null) {
            throw new AssertionError(this + ": " + staleness + "; run " + FixtureStore.REGENERATE);
        }
        return fixture;
    }

    private static List<OptimCase> cache;

    /**
     * Every configuration × scenario, with its fixture (loaded once per JVM).
     * @return the cases
     */
    public static synchronized Stream<OptimCase> all() {
        if (cache == null) {
            cache = load(FixtureStore.locate());
        }
        return cache.stream();
    }

    /**
     * Every configuration × scenario with its fixture from {@code store}.
     * @param store the fixtures
     * @return the cases
     */
    public static List<OptimCase> load(FixtureStore store) {
        List<OptimCase> out = new ArrayList<>();
        for (String optimizer : OptimGrid.OPTIMIZERS) {
            Path path = OptimFixtures.path(store, optimizer);
            OptimFixtures.File file = null;
            String fileProblem = null;
            if (!Files.isRegularFile(path)) {
                fileProblem = "no fixture file " + store.relative(path);
            } else {
                try {
                    file = OptimFixtures.read(store, path);
                } catch (FixtureException e) {
                    fileProblem = e.getMessage();
                }
            }
            for (OptimConfig config : OptimGrid.of(optimizer)) {
                for (Scenario scenario : Scenario.values()) {
                    if (!scenario.appliesTo(config)) {
                        continue;
                    }
                    OptimFixtures.Case c = file == null ? null : file.find(config.id(), scenario);
                    String stale = fileProblem != null ? fileProblem
                            : c == null ? "no fixture for this case in " + store.relative(path)
                            : staleness(config, scenario, c);
                    out.add(new OptimCase(config, scenario, c, stale));
                }
            }
        }
        return out;
    }

    /** Why a fixture no longer matches the grid and the scenario's seeded inputs, or null. */
    static String staleness(OptimConfig config, Scenario scenario, OptimFixtures.Case c) {
        if (!Json.attrs(config.hyperparameters()).equals(c.hyperparameters())) {
            return "hyperparameters differ between the grid and the fixture (stale fixture)";
        }
        List<Integer> recorded = new ArrayList<>();
        for (int step = 1; step <= scenario.steps(); step++) {
            if (scenario.records(step)) {
                recorded.add(step);
            }
        }
        if (c.trajectory().steps().size() != recorded.size()) {
            return "fixture has " + c.trajectory().steps().size() + " steps, the scenario records " + recorded.size();
        }
        Scenario.Inputs now = scenario.inputs();
        if (!same(now.initial(), c.inputs().initial()) || !same(now.constants(), c.inputs().constants())) {
            return "initial values differ between the scenario and the fixture (stale fixture)";
        }
        if (now.givenGrads() != null) { // the gradients each recorded step holds (a long scenario records some steps)
            for (int k = 0; k < recorded.size(); k++) {
                int s = recorded.get(k) - 1;
                if (!same(now.givenGrads().get(s), c.trajectory().steps().get(k).grads())) {
                    return "given gradients of step " + (s + 1) + " differ between the scenario and the fixture "
                            + "(stale fixture)";
                }
            }
        }
        return null;
    }

    private static boolean same(List<Value> a, List<Value> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Value x = a.get(i);
            Value y = b.get(i);
            if (x == null || y == null) {
                if (!Objects.equals(x, y)) {
                    return false;
                }
            } else if (!Arrays.equals(x.shape(), y.shape()) || !Arrays.equals(x.values(), y.values())) {
                return false;
            }
        }
        return true;
    }
}
