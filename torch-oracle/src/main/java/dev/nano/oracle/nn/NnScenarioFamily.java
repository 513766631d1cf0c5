package dev.nano.oracle.nn;

import dev.nano.oracle.family.CaseFilter;
import dev.nano.oracle.family.Check;
import dev.nano.oracle.family.Family;
import dev.nano.oracle.fixtures.DriftExplanation;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.torch.Dispatch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nn scenarios ({@code fixtures/nn/scenarios/<name>.json}): what one call of an operator cannot
 * show (running statistics over several batches, train/eval switches, a training run with Adam),
 * every step's outputs, state and gradients against PyTorch's.
 */
public final class NnScenarioFamily implements Family {

    @Override
    public String name() {
        return "nn scenarios";
    }

    @Override
    public List<Manifest.Entry> regenerate(FixtureStore store, Set<Path> written, List<String> problems) {
        List<Manifest.Entry> entries = new ArrayList<>();
        NnScenarios.regenerate(store, entries, written);
        return entries;
    }

    /** Runs each kept scenario through nano now; then one check per step, and one that no recorded step is lost. */
    @Override
    public List<Check> parity(FixtureStore store, CaseFilter filter) {
        return checks(store, filter, false);
    }

    @Override
    public List<Check> drift(FixtureStore store, CaseFilter filter) {
        return checks(store, filter, true);
    }

    /** The steps of each kept scenario, run through nano, or through live libtorch for the drift check. */
    private static List<Check> checks(FixtureStore store, CaseFilter filter, boolean live) {
        String differs = live ? "live PyTorch under CPU dispatch " + Dispatch.current() + " differs from the fixture:\n"
                : "nano differs from PyTorch:\n";
        List<Check> checks = new ArrayList<>();
        for (NnScenario scenario : NnScenarios.ALL) {
            if (!filter.matchesScenario(scenario.name()) || live && !scenario.checkedLive()) {
                continue;
            }
            FixtureFile fixture = store.read(NnScenarios.pathOf(store, scenario));
            Upstreams upstreams = Upstreams.from(fixture);
            List<Step> run = live ? scenario.runTorch(upstreams) : scenario.runNano(upstreams);
            for (Step step : run) {
                String name = scenario.name() + "[" + step.id() + "]";
                checks.add(new Check(name, () -> {
                    String problem = ScenarioComparison.check(fixture, step);
                    return problem == null ? null : name + ": " + differs + problem
                            + (live ? "\n" + DriftExplanation.here() : "");
                }));
            }
            checks.add(new Check(scenario.name() + "[no recorded step is left out]", () -> {
                List<String> gone = ScenarioComparison.missingSteps(fixture, run);
                return gone.isEmpty() ? null : scenario.name() + ": steps in the fixture that the run lacks: " + gone
                        + "; run " + FixtureStore.REGENERATE;
            }));
        }
        return checks;
    }

    /** Runs every scenario through nano and judges each step against its PyTorch fixture. */
    @Override
    public ScenarioSection report(FixtureStore store) {
        System.err.println("running the nn scenarios against their PyTorch fixtures...");
        Map<String, Map<String, Boolean>> stepOk = new LinkedHashMap<>();
        List<String> deviations = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (NnScenario scenario : NnScenarios.ALL) {
            FixtureFile fixture = store.read(NnScenarios.pathOf(store, scenario));
            Map<String, Boolean> ok = new LinkedHashMap<>();
            for (Step step : scenario.runNano(Upstreams.from(fixture))) {
                String problem = ScenarioComparison.check(fixture, step);
                ok.put(step.id(), problem == null);
                if (problem != null) {
                    failures.add("nn " + scenario.name() + "[" + step.id() + "]: " + problem.replace("\n", "; "));
                }
                if (step.tolerance().reason() != null) {
                    deviations.add(scenario.name() + "[" + step.id() + "]: rtol " + step.tolerance().rtol() + ", atol "
                            + step.tolerance().atol() + " — " + step.tolerance().reason());
                }
            }
            stepOk.put(scenario.name(), ok);
        }
        return new ScenarioSection(stepOk, deviations, failures);
    }
}
