package dev.nano.oracle.nn;

import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The nn scenarios and their fixtures, {@code fixtures/nn/scenarios/<name>.json}: one fixture
 * case per step, in the same format as the catalogue's (inputs, outputs, upstream gradient,
 * input gradients), so the manifest and the integrity checks treat them like any other file.
 */
public final class NnScenarios {
    /** Every nn scenario. */
    public static final List<NnScenario> ALL = List.of(new BatchNormRunningStats(), new TrainEvalSwitch(),
            new DropoutStatistics(), new SmallModelTraining(), new ModuleForwards(),
            new BatchNormLongRun());

    private NnScenarios() {
    }

    /**
     * The fixture file of a scenario.
     * @param store the fixtures
     * @param scenario the scenario
     * @return the path
     */
    public static Path pathOf(FixtureStore store, NnScenario scenario) {
        return store.root().resolve("nn").resolve("scenarios").resolve(scenario.name() + ".json");
    }

    /**
     * Every scenario fixture, as the manifest lists them.
     * @param store the fixtures
     * @return the relative paths
     */
    public static List<String> fixturePaths(FixtureStore store) {
        return ALL.stream().map(s -> store.relative(pathOf(store, s))).toList();
    }

    /**
     * The scenario called {@code name}.
     * @param name the name
     * @return the scenario
     */
    public static NnScenario byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Called by {@code Regenerate}: runs every scenario through PyTorch, writes its fixture, adds
     * it to {@code entries} and {@code written}, and returns the number of cases written.
     * @param store the fixtures
     * @param entries the manifest's entries, added to
     * @param written the paths written, added to
     * @return the number of cases
     */
    public static int regenerate(FixtureStore store, List<Manifest.Entry> entries, Set<Path> written) {
        int total = 0;
        for (NnScenario scenario : ALL) {
            Path path = pathOf(store, scenario);
            List<FixtureCase> cases = new ArrayList<>();
            for (Step step : scenario.runTorch(Upstreams.drawn(scenario.name()))) {
                if (step.result().failed()) {
                    throw new IllegalStateException(scenario.name() + " [" + step.id() + "]: PyTorch failed: "
                            + step.result().error());
                }
                cases.add(toFixture(step));
            }
            store.write(path, "scenario " + scenario.name(), cases);
            written.add(path);
            entries.add(new Manifest.Entry(store.relative(path), cases.size(), FixtureStore.sha256(path)));
            total += cases.size();
            System.out.printf(Locale.ROOT, "%-22s %7d%n", "nn/scenarios/" + scenario.name(), cases.size());
        }
        return total;
    }

    static FixtureCase toFixture(Step step) {
        Result r = step.result();
        return new FixtureCase(step.id(), List.of(), Json.attrs(Map.of()), step.inputs(), r.upstream(), r.outputs(),
                r.grads(), null);
    }

    /** A nano tensor's gradient as a value: zeros where nothing flowed (as DJL reports it). */
    static Value grad(dev.nano.Tensor t) {
        return t.grad() != null ? Value.of(t.grad())
                : new Value(t.shape(), dev.nano.DType.FLOAT64, new double[t.numel()]);
    }
}
