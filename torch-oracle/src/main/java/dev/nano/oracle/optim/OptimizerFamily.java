package dev.nano.oracle.optim;

import dev.nano.Tensor;
import dev.nano.oracle.compare.Compare;
import dev.nano.oracle.family.CaseFilter;
import dev.nano.oracle.family.Check;
import dev.nano.oracle.family.Family;
import dev.nano.oracle.fixtures.DriftExplanation;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.torch.Dispatch;
import dev.nano.oracle.value.Tolerance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The optimizers ({@code fixtures/optim/<optimizer>.json}): every configuration of
 * {@link OptimGrid} in every scenario, nano's parameters and state after every step against
 * torch.optim's, and the constructions torch.optim rejects, with its messages.
 */
public final class OptimizerFamily implements Family {

    @Override
    public String name() {
        return "optimizers";
    }

    @Override
    public List<Manifest.Entry> regenerate(FixtureStore store, Set<Path> written, List<String> problems) {
        return OptimRegeneration.writeAll(store, written);
    }

    /** Each trajectory after every step, at the default tolerance; then each construction torch.optim rejects. */
    @Override
    public List<Check> parity(FixtureStore store, CaseFilter filter) {
        List<Check> checks = new ArrayList<>();
        OptimCase.load(store).stream().filter(c -> c.keptBy(filter)).forEach(c -> checks.add(new Check(c.toString(),
                () -> {
                    OptimFixtures.Case fixture = c.requireFreshFixture();
                    Trajectory nano = NanoOptimRunner.run(c.config(), c.scenario(), fixture.inputs());
                    Compare.Diff diff = TrajectoryCompare.diff(fixture.trajectory(), nano, Tolerance.DEFAULT);
                    return diff.ok() ? null : c + ": nano differs from PyTorch:\n" + diff.describe();
                })));
        OptimErrorCases.all().stream().filter(c -> filter.matchesOptimizerError(c.optimizer()))
                .forEach(c -> checks.add(new Check(c.toString(), () -> rejects(c))));
        return checks;
    }

    /** nano rejects the construction with torch.optim's message, and neither a parameter nor a grad changed. */
    static String rejects(OptimErrorCases.ErrorCase c) {
        List<Tensor> params = OptimErrorCases.sampleParams();
        List<double[]> before = new ArrayList<>();
        List<double[]> gradsBefore = new ArrayList<>();
        params.forEach(p -> before.add(p.toDoubleArray()));
        params.forEach(p -> gradsBefore.add(p.grad().toDoubleArray()));
        try {
            c.build().apply(params);
            return c + ": nano built the optimizer; torch.optim raises \"" + c.message() + "\"";
        } catch (IllegalArgumentException e) {
            if (!c.message().equals(e.getMessage())) {
                return c + ": nano's message \"" + e.getMessage() + "\", torch.optim's \"" + c.message() + "\"";
            }
        }
        for (int i = 0; i < params.size(); i++) {
            if (!Arrays.equals(before.get(i), params.get(i).data())) {
                return c + ": parameter " + i + " changed";
            }
            if (!Arrays.equals(gradsBefore.get(i), params.get(i).grad().data())) {
                return c + ": grad " + i + " changed";
            }
        }
        return null;
    }

    @Override
    public List<Check> drift(FixtureStore store, CaseFilter filter) {
        return OptimCase.load(store).stream().filter(c -> c.keptBy(filter) && c.scenario().checkedLive())
                .map(c -> new Check(c.toString(), () -> drift(c))).toList();
    }

    /** Live torch.optim (DJL, libtorch 2.7.1) against one recorded trajectory, or null when it agrees. */
    static String drift(OptimCase c) {
        if (c.staleness() != null) {
            return c + ": " + c.staleness() + "; run " + FixtureStore.REGENERATE;
        }
        Trajectory torch = TorchOptimRunner.run(c.config(), c.scenario(), c.fixture().inputs());
        Compare.Diff diff = TrajectoryCompare.diff(c.fixture().trajectory(), torch, Tolerance.DEFAULT);
        return diff.ok() ? null : c + ": live PyTorch under CPU dispatch " + Dispatch.current()
                + " differs from the fixture:\n" + diff.describe() + "\n" + DriftExplanation.here();
    }

    @Override
    public OptimizerSection report(FixtureStore store) {
        System.err.println("checking the optimizer grid against its PyTorch fixtures...");
        List<OptimizerCoverage.Run> runs = OptimizerCoverage.runs(store);
        return new OptimizerSection(runs, OptimizerCoverage.rows(runs));
    }
}
