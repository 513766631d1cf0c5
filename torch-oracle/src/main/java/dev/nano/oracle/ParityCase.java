package dev.nano.oracle;

import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.Input;
import dev.nano.oracle.cases.Kind;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureException;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * Fails the test if the fixture is missing or was generated from other inputs.
     * @return the case's fixture
     */
    public FixtureCase requireFreshFixture() {
        if (staleness != null) {
            throw new AssertionError(this + ": " + staleness + "; run " + FixtureStore.REGENERATE);
        }
        return fixture;
    }

    private static List<ParityCase> cache;

    /**
     * Every case of the catalogue, with its fixture (loaded once per JVM).
     * @return the cases
     */
    public static synchronized Stream<ParityCase> all() {
        if (cache == null) {
            cache = load(FixtureStore.locate());
        }
        return cache.stream();
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
