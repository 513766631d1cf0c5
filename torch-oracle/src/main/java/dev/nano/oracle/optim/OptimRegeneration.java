package dev.nano.oracle.optim;

import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.value.Value;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The optimizer part of {@code scripts/regen-fixtures}: runs every grid configuration in both
 * scenarios on the PyTorch side and writes {@code fixtures/optim/<optimizer>.json}, printing per
 * optimizer the case count and the largest change against the previous fixtures.
 */
public final class OptimRegeneration {
    private OptimRegeneration() {
    }

    /**
     * Writes every optimizer's fixture; returns their manifest entries and adds their paths to {@code written}.
     * @param store the fixtures
     * @param written the paths written, added to
     * @return the manifest entries
     */
    public static List<Manifest.Entry> writeAll(FixtureStore store, Set<Path> written) {
        List<Manifest.Entry> entries = new ArrayList<>();
        for (String optimizer : OptimGrid.OPTIMIZERS) {
            Path path = OptimFixtures.path(store, optimizer);
            OptimFixtures.File previous = readQuietly(store, path);
            List<OptimFixtures.Case> cases = new ArrayList<>();
            for (OptimConfig config : OptimGrid.of(optimizer)) {
                for (Scenario scenario : Scenario.values()) {
                    if (!scenario.appliesTo(config)) {
                        continue;
                    }
                    Scenario.Inputs inputs = scenario.inputs();
                    Trajectory trajectory = TorchOptimRunner.run(config, scenario, inputs);
                    cases.add(new OptimFixtures.Case(config.id(), Json.attrs(config.hyperparameters()), scenario,
                            inputs, trajectory));
                }
            }
            OptimFixtures.write(path, optimizer, cases);
            written.add(path);
            entries.add(new Manifest.Entry(store.relative(path), cases.size(), FixtureStore.sha256(path)));
            System.out.printf(Locale.ROOT, "%-22s %7d %9s %14s%n", "optim/" + optimizer, cases.size(),
                    churn(previous, cases), largestChange(previous, cases));
        }
        return entries;
    }

    private static OptimFixtures.File readQuietly(FixtureStore store, Path path) {
        if (!Files.isRegularFile(path)) {
            return null;
        }
        try {
            return OptimFixtures.read(store, path);
        } catch (RuntimeException e) {
            System.out.println("  (previous " + store.relative(path) + " unreadable: " + e.getMessage() + ")");
            return null;
        }
    }

    private static String churn(OptimFixtures.File previous, List<OptimFixtures.Case> cases) {
        if (previous == null) {
            return "all new";
        }
        long added = cases.stream().filter(c -> previous.find(c.config(), c.scenario()) == null).count();
        long gone = previous.cases().size() - (cases.size() - added);
        return added + "/" + gone;
    }

    /** The largest absolute change of any recorded value, over cases present before and now. */
    private static String largestChange(OptimFixtures.File previous, List<OptimFixtures.Case> cases) {
        if (previous == null) {
            return "-";
        }
        double worst = 0;
        boolean structural = false;
        for (OptimFixtures.Case now : cases) {
            OptimFixtures.Case before = previous.find(now.config(), now.scenario());
            if (before == null) {
                continue;
            }
            List<Value> a = flatten(now.trajectory());
            List<Value> b = flatten(before.trajectory());
            if (a.size() != b.size()) {
                structural = true;
                continue;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) == null || b.get(i) == null || a.get(i).values().length != b.get(i).values().length) {
                    structural |= a.get(i) != b.get(i);
                    continue;
                }
                double[] x = a.get(i).values();
                double[] y = b.get(i).values();
                for (int j = 0; j < x.length; j++) {
                    if (Double.compare(x[j], y[j]) != 0) {
                        double d = Math.abs(x[j] - y[j]);
                        worst = Math.max(worst, Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
                    }
                }
            }
        }
        return (structural ? "shape! " : "") + (worst == 0 ? "0" : String.format(Locale.ROOT, "%.3g", worst));
    }

    private static List<Value> flatten(Trajectory t) {
        List<Value> all = new ArrayList<>();
        for (Trajectory.Step s : t.steps()) {
            all.addAll(s.grads());
            all.addAll(s.params());
            for (Map<String, Value> state : s.state()) {
                all.addAll(state.values());
            }
        }
        return all;
    }
}
