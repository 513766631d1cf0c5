package dev.nano.oracle.operators;

import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.compare.Compare;
import dev.nano.oracle.family.CaseFilter;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureException;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;
import dev.nano.oracle.value.Result;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One catalogue case paired with its fixture. Named {@code op[case]} so that a failure reads like
 * a sentence. A missing or stale fixture is not hidden: the case still runs and fails, naming the
 * regeneration command.
 */
public record ParityCase(OpInfo op, Sample sample, FixtureCase fixture, String staleness) {

    @Override
    public String toString() {
        return op.name() + "[" + sample.id() + "]";
    }

    /**
     * Whether a case filter ({@code -Dop=}, {@code -Dfamily=}, {@code -Devidence=}) keeps this case;
     * the evidence it gives is the report's ({@link Evidence#of}).
     * @param filter the filter
     * @return whether it keeps the case
     */
    public boolean keptBy(CaseFilter filter) {
        return filter.keeps(op.name(), Set.of(op.family()), Evidence.of(op, sample));
    }

    /**
     * Fails the test if the fixture is missing or was generated from other inputs.
     * @return the case's fixture
     */
    public FixtureCase requireFreshFixture() {
        if (staleness != null) {
            throw new AssertionError(this + ": " + staleness + "; run " + FixtureStore.REGENERATE);
        }
        return fixture;
    }

    /**
     * nano against PyTorch's recorded answer (any of them, where the answer is kernel-dependent):
     * outputs, input gradients under the fixture's upstream gradient, or the error's key phrase.
     * @param nano nano's result for this case
     * @return the differences
     */
    public Compare.Diff parity(Result nano) {
        FixtureCase f = requireFreshFixture();
        return Compare.diffAnyAnswer(f, nano, op.toleranceFor(sample), sample.expectError());
    }

    /**
     * Runs this case through nano with the fixture's inputs and upstream gradient.
     * @return nano's result
     */
    public Result runNano() {
        FixtureCase f = requireFreshFixture();
        return NanoRunner.run(op, sample, f.inputs(), f.upstream());
    }

    /**
     * Whether the operator's in-place form applies to this case: it has one, the case succeeds, the case
     * has an in-place form ({@link OpInfo#hasInPlaceForm}), and PyTorch's answer has input 0's shape and dtype
     * float64 (an in-place op cannot grow its tensor, and nano's write only into float64 tensors).
     * @return true if {@link #runNanoInPlace()} checks something
     */
    public boolean hasInPlaceForm() {
        if (op.inplace() == null || fixture == null || sample.isError() || fixture.inputs().isEmpty()) {
            return false;
        }
        Input first = fixture.inputs().get(0);
        FixtureCase.Answer answer = fixture.canonicalAnswer();
        return answer.error() == null && !answer.outputs().isEmpty() && first.dtype() == dev.nano.DType.FLOAT64
                && Arrays.equals(answer.outputs().get(0).shape(), first.shape())
                && answer.outputs().get(0).dtype() == dev.nano.DType.FLOAT64
                && op.hasInPlaceForm(sample);
    }

    /**
     * The operator's in-place form on this case, against the same recorded answer.
     * @return nano's result through the in-place form
     */
    public Result runNanoInPlace() {
        FixtureCase f = requireFreshFixture();
        return NanoRunner.runInPlace(op, sample, f.inputs(), f.upstream());
    }

    /**
     * The in-place form both ways against PyTorch's answer: recorded (values and gradients) and with
     * grad mode off (values, through the form's direct loop).
     * @return what differs, or null
     */
    public String inPlaceParity() {
        Compare.Diff recorded = parity(runNanoInPlace());
        if (!recorded.ok()) {
            return "recorded in the graph: " + recorded.describe();
        }
        Result direct = NanoRunner.runInPlace(op, sample, fixture.inputs(), null);
        Compare.Diff canonical = null;
        for (Result answer : fixture.everyResult()) {
            Compare.Diff d = Compare.diff(new Result(answer.outputs(), null, List.of(), null), direct,
                    op.toleranceFor(sample), null);
            if (d.ok()) {
                return null;
            }
            canonical = canonical == null ? d : canonical;
        }
        return "with grad mode off: " + canonical.describe();
    }

    /**
     * Whether the third oracle applies: nano's analytic gradient against central differences.
     * @return true if {@link #gradcheck()} checks something
     */
    public boolean hasGradcheck() {
        return fixture != null && FiniteDifferences.applies(op, sample, fixture.inputs(), fixture.upstream());
    }

    /**
     * nano's analytic gradients against central differences of nano's own forward.
     * @return what disagrees, or null
     */
    public String gradcheck() {
        FixtureCase f = requireFreshFixture();
        return FiniteDifferences.check(op, sample, f.inputs(), f.upstream());
    }

    /**
     * The whole check of this case, as the report counts it: run nano, compare with PyTorch's
     * answer, then finite differences where they apply.
     * @return the outcome
     */
    public Outcome check() {
        return staleness != null ? new Outcome(sample, null, null, staleness) : check(runNano());
    }

    /**
     * The whole check with a given nano result (the failure-report test feeds a wrong one).
     * @param nano nano's result for this case
     * @return the outcome
     */
    public Outcome check(Result nano) {
        Compare.Diff diff = parity(nano);
        Boolean fd = null;
        String fdProblem = null;
        if (hasGradcheck()) {
            fdProblem = gradcheck();
            fd = fdProblem == null;
        }
        List<String> problems = new ArrayList<>(diff.problems());
        if (fdProblem != null) {
            problems.add("finite differences: " + fdProblem);
        }
        return new Outcome(sample, diff, fd, problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static final Map<Path, List<ParityCase>> CACHE = new HashMap<>();

    /**
     * Every case of the catalogue, with its fixture (loaded once per JVM).
     * @return the cases
     */
    public static Stream<ParityCase> all() {
        return all(FixtureStore.locate()).stream();
    }

    /**
     * Every catalogue case with its fixture from {@code store}, loaded once per JVM and store.
     * @param store the fixtures
     * @return the cases, in catalogue order
     */
    public static synchronized List<ParityCase> all(FixtureStore store) {
        return CACHE.computeIfAbsent(store.root(), root -> load(store));
    }

    /**
     * Every catalogue case with its fixture from {@code store}.
     * @param store the fixtures
     * @return the cases, in catalogue order
     */
    public static List<ParityCase> load(FixtureStore store) {
        Map<Path, FixtureFile> files = new HashMap<>();
        List<ParityCase> out = new ArrayList<>();
        for (OpInfo op : Catalogue.all()) {
            Path path = store.pathOf(op.family(), op.name());
            FixtureFile file = null;
            String fileProblem = null;
            if (!Files.isRegularFile(path)) {
                fileProblem = "no fixture file " + store.relative(path);
            } else {
                try {
                    file = files.computeIfAbsent(path, store::read);
                } catch (FixtureException e) {
                    fileProblem = e.getMessage();
                }
            }
            for (Sample sample : op.samples()) {
                FixtureCase fc = file == null ? null : file.find(sample.id());
                String stale = fileProblem != null ? fileProblem
                        : fc == null ? "no fixture for this case in " + store.relative(path)
                        : staleness(op, sample, fc);
                out.add(new ParityCase(op, sample, fc, stale));
            }
        }
        return out;
    }

    /**
     * Why a fixture case no longer matches its catalogue sample, or null if it does. Beyond stale
     * inputs and attributes this closes two tamper holes: a differentiable case whose gradients were
     * removed (its gradient checks would silently disappear), and a recorded error text that no
     * longer holds the catalogue's key phrase.
     */
    static String staleness(OpInfo op, Sample sample, FixtureCase fc) {
        if (sample.inputs().size() != fc.inputs().size()) {
            return "fixture has " + fc.inputs().size() + " inputs, catalogue " + sample.inputs().size();
        }
        for (int i = 0; i < fc.inputs().size(); i++) {
            Input a = sample.inputs().get(i);
            Input b = fc.inputs().get(i);
            if (!Arrays.equals(a.shape(), b.shape()) || a.dtype() != b.dtype() || a.requiresGrad() != b.requiresGrad()
                    || !Arrays.equals(a.values(), b.values())) {
                return "input " + i + " differs between the catalogue and the fixture (stale fixture)";
            }
        }
        if (!Json.attrs(sample.attrs().asMap()).equals(fc.attrs())) {
            return "attributes differ between the catalogue and the fixture (stale fixture)";
        }
        List<String> kinds = sample.kinds().stream().map(Kind::name).toList();
        if (!kinds.equals(fc.kinds())) {
            return "kinds " + kinds + " in the catalogue but " + fc.kinds() + " in the fixture (stale fixture)";
        }
        if (sample.isError() != (fc.error() != null)) {
            return sample.isError() ? "catalogue expects an error but the fixture holds values"
                    : "fixture holds an error but the catalogue expects values";
        }
        List<FixtureCase> answers = fc.everyAnswer(); // the canonical answer first
        for (int i = 0; i < answers.size(); i++) {
            String problem = answerProblem(op, sample, answers.get(i));
            if (problem != null) {
                return problem + (i == 0 ? "" : " (in a kernel-dependent answer)");
            }
        }
        return null;
    }

    private static String answerProblem(OpInfo op, Sample sample, FixtureCase fc) {
        if (sample.isError()) {
            if (fc.error() == null) {
                return "catalogue expects an error but a recorded answer holds values";
            }
            return fc.error().contains(sample.expectError()) ? null : "the recorded PyTorch error \"" + fc.error()
                    + "\" lacks the catalogue's key phrase \"" + sample.expectError() + "\" (tampered or stale fixture)";
        }
        if (fc.error() != null) {
            return "a recorded answer holds an error but the catalogue expects values";
        }
        if (op.expectsGradients(sample) != (fc.upstream() != null)) {
            return op.expectsGradients(sample)
                    ? "the catalogue expects gradients (an input requires grad) but the fixture has no upstream "
                    + "gradient and no grads (tampered or stale fixture)"
                    : "the fixture holds gradients for a case the catalogue does not differentiate (stale fixture)";
        }
        for (int i = 0; i < fc.grads().size(); i++) {
            if ((fc.grads().get(i) != null) != sample.inputs().get(i).requiresGrad()) {
                return "grad of input " + i + (fc.grads().get(i) == null ? " is missing" : " is present")
                        + " but the input " + (sample.inputs().get(i).requiresGrad() ? "requires" : "does not require")
                        + " grad (tampered or stale fixture)";
            }
        }
        return null;
    }
}
