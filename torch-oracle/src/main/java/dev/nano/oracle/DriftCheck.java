package dev.nano.oracle;

import dev.nano.oracle.cases.Tolerance;
import dev.nano.oracle.e2e.E2eFixtures;
import dev.nano.oracle.e2e.E2eTolerance;
import dev.nano.oracle.e2e.MnistData;
import dev.nano.oracle.e2e.MnistRun;
import dev.nano.oracle.e2e.NanoMnistTraining;
import dev.nano.oracle.e2e.TorchMnistTraining;
import dev.nano.oracle.e2e.Trace;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Recording;
import dev.nano.oracle.nn.NnScenario;
import dev.nano.oracle.nn.NnScenarios;
import dev.nano.oracle.nn.ScenarioComparison;
import dev.nano.oracle.nn.Step;
import dev.nano.oracle.nn.Upstreams;
import dev.nano.oracle.optim.OptimCase;
import dev.nano.oracle.optim.TorchOptimRunner;
import dev.nano.oracle.optim.Trajectory;
import dev.nano.oracle.optim.TrajectoryCompare;
import dev.nano.oracle.torch.Dispatch;
import dev.nano.oracle.torch.TorchRunner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Live PyTorch against the committed fixtures — the drift check — for operator cases, optimizer
 * trajectories, nn scenarios and the recorded MNIST training runs, under the CPU dispatch this JVM runs. The JUnit drift tests call
 * it case by case; {@code main} runs all of it in one go, which is how {@code DispatchMatrixTest}
 * checks every other dispatch in a child JVM.
 *
 * <p>A failure says what differs between the machine that recorded the fixtures and this one, and
 * recommends regenerating only when libtorch's version changed.
 */
public final class DriftCheck {
    private static Recording recording;

    private DriftCheck() {
    }

    /**
     * Problems of one operator case, or null when live PyTorch gives this dispatch's recorded answer.
     * @param c the case
     * @return the problems, or null
     */
    public static String check(ParityCase c) {
        if (c.staleness() != null) {
            return c + ": " + c.staleness() + "; run " + FixtureStore.REGENERATE;
        }
        FixtureCase fixture = c.fixture();
        String dispatch = Dispatch.current();
        Result torch = TorchRunner.run(c.op(), c.sample(), fixture.inputs(), fixture.upstream(), 0);
        Compare.Diff diff = Compare.diff(fixture.under(dispatch), torch, c.sample().effectiveTolerance(),
                c.sample().expectError());
        if (diff.ok()) {
            return null;
        }
        String kernels = fixture.isKernelDependent() ? " (a kernel-dependent case; compared with the answer recorded "
                + "for " + (fixture.kernels().containsKey(dispatch) ? dispatch : "the canonical dispatch") + ")" : "";
        return c + ": live PyTorch under CPU dispatch " + dispatch + " differs from the fixture" + kernels + ":\n"
                + diff.describe() + "\n" + explanation();
    }

    /**
     * Problems of one optimizer trajectory, or null.
     * @param c the case
     * @return the problems, or null
     */
    public static String check(OptimCase c) {
        if (c.staleness() != null) {
            return c + ": " + c.staleness() + "; run " + FixtureStore.REGENERATE;
        }
        Trajectory torch = TorchOptimRunner.run(c.config(), c.scenario(), c.fixture().inputs());
        Compare.Diff diff = TrajectoryCompare.diff(c.fixture().trajectory(), torch, Tolerance.DEFAULT);
        return diff.ok() ? null : c + ": live PyTorch under CPU dispatch " + Dispatch.current()
                + " differs from the fixture:\n" + diff.describe() + "\n" + explanation();
    }

    /**
     * Problems of every step of one nn scenario (also a step recorded but no longer run).
     * @param scenario the scenario
     * @param fixture its recorded fixture
     * @param run the steps nano ran
     * @return the problems, empty if none
     */
    public static List<String> check(NnScenario scenario, FixtureFile fixture, List<Step> run) {
        List<String> problems = new ArrayList<>();
        for (Step step : run) {
            String problem = check(scenario, fixture, step);
            if (problem != null) {
                problems.add(problem);
            }
        }
        for (String missing : ScenarioComparison.missingSteps(fixture, run)) {
            problems.add(scenario.name() + "[" + missing + "]: recorded but no longer run");
        }
        return problems;
    }

    /**
     * Problems of one step of an nn scenario, or null.
     * @param scenario the scenario
     * @param fixture its recorded fixture
     * @param step the step
     * @return the problems, or null
     */
    public static String check(NnScenario scenario, FixtureFile fixture, Step step) {
        String problem = ScenarioComparison.check(fixture, step);
        return problem == null ? null : scenario.name() + "[" + step.id() + "]: live PyTorch under CPU dispatch "
                + Dispatch.current() + " differs from the fixture:\n" + problem + "\n" + explanation();
    }

    /** The first steps of a recorded run that live libtorch must reproduce: enough to see a stale recording. */
    public static final int E2E_DRIFT_STEPS = 50;

    /**
     * The drift check of a recorded MNIST training run: libtorch, run now, must give the recorded
     * batches and losses for the first {@link #E2E_DRIFT_STEPS} steps, at the run's measured per-step
     * tolerance (another dispatch's kernels round differently: AVX2 against AVX-512 up to 4.4e-16
     * apart in the loss, measured).
     * @param run the run's settings
     * @param data the digits
     * @param store the fixtures
     * @return the problems, empty if none
     */
    public static List<String> check(MnistRun run, MnistData data, FixtureStore store) {
        Trace recorded = E2eFixtures.read(store, run);
        Trace live = TorchMnistTraining.run(run, data, E2E_DRIFT_STEPS, false, NanoMnistTraining.model().stateDict(),
                t -> { });
        List<String> problems = new ArrayList<>();
        for (int k = 1; k <= live.steps(); k++) {
            if (!Arrays.equals(recorded.batches.get(k - 1), live.batches.get(k - 1))) {
                problems.add(run.name() + "[step " + k + "]: another batch than the recorded one");
            }
            if (!E2eTolerance.lossAgrees(k, live.losses.get(k - 1), recorded.losses.get(k - 1))) {
                problems.add(run.name() + "[step " + k + "]: live libtorch under CPU dispatch " + Dispatch.current()
                        + " gives loss " + live.losses.get(k - 1) + ", recorded " + recorded.losses.get(k - 1));
            }
        }
        if (!problems.isEmpty()) {
            problems.add(explanation());
        }
        return problems;
    }

    /**
     * What recorded the fixtures against this machine, and whether regenerating is the answer.
     * @return the explanation
     */
    public static synchronized String explanation() {
        if (recording == null) {
            recording = FixtureStore.locate().readManifest().recordedBy();
        }
        return recording.explainDrift(TorchRunner.pytorchVersion(), Dispatch.current());
    }

    /**
     * Every drift check under this JVM's dispatch; prints the failures and exits 1 if there are any.
     * @param args none
     */
    public static void main(String[] args) {
        FixtureStore store = FixtureStore.locate();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ParityCase c : ParityCase.load(store)) {
            add(problems, check(c));
            checked++;
        }
        for (OptimCase c : OptimCase.load(store)) {
            add(problems, check(c));
            checked++;
        }
        for (NnScenario scenario : NnScenarios.ALL) {
            FixtureFile fixture = store.read(NnScenarios.pathOf(store, scenario));
            List<Step> run = scenario.runTorch(Upstreams.from(fixture));
            problems.addAll(check(scenario, fixture, run));
            checked += run.size();
        }
        MnistData digits = MnistData.bundled(store);
        for (MnistRun run : MnistRun.ALL) {
            problems.addAll(check(run, digits, store));
            checked += E2E_DRIFT_STEPS;
        }
        System.out.printf(Locale.ROOT, "drift under %s=%s: %d checked, %d differ%n", Dispatch.ENV, Dispatch.current(),
                checked, problems.size());
        problems.forEach(p -> System.out.println(p + "\n"));
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    private static void add(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }
}
