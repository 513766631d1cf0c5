package dev.nano.oracle.operators;

import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.OperatorUniverse;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.compare.Compare;
import dev.nano.oracle.family.CaseFilter;
import dev.nano.oracle.family.Check;
import dev.nano.oracle.family.Family;
import dev.nano.oracle.fixtures.DriftExplanation;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.torch.Dispatch;
import dev.nano.oracle.value.Kind;
import dev.nano.oracle.value.Progress;
import dev.nano.oracle.value.Result;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalogue's operators ({@code fixtures/<family>/<op>.json}): every case of every
 * {@link OpInfo} entry, nano's outputs and gradients against PyTorch's, plus central finite
 * differences of nano's own forward where they apply.
 */
public final class OperatorFamily implements Family {

    @Override
    public String name() {
        return "operators";
    }

    @Override
    public List<Manifest.Entry> regenerate(FixtureStore store, Set<Path> written, List<String> problems) {
        List<Manifest.Entry> entries = new ArrayList<>();
        for (OpInfo op : Catalogue.all()) {
            Path path = store.pathOf(op.family(), op.name());
            List<FixtureCase> cases = record(op, problems);
            store.write(path, op.name(), cases);
            written.add(path);
            entries.add(new Manifest.Entry(store.relative(path), cases.size(), FixtureStore.sha256(path)));
        }
        return entries;
    }

    /**
     * Runs every sample of one operator through libtorch under this JVM's CPU dispatch.
     * @param op the operator
     * @param problems cases whose PyTorch answer contradicts the catalogue's expectation, added to
     * @return the recorded cases, in the catalogue's order
     */
    public static List<FixtureCase> record(OpInfo op, List<String> problems) {
        List<FixtureCase> cases = new ArrayList<>();
        for (Sample sample : op.samples()) {
            Result r = TorchRunner.run(op, sample, sample.inputs(), null, upstreamSeed(op, sample));
            String problem = contradiction(op, sample, r);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            cases.add(toFixture(sample, r));
        }
        return cases;
    }

    /** nano's outputs and gradients against PyTorch's, then (apart) finite differences where they apply. */
    @Override
    public List<Check> parity(FixtureStore store, CaseFilter filter) {
        List<ParityCase> kept = ParityCase.all(store).stream().filter(c -> c.keptBy(filter)).toList();
        List<Check> checks = new ArrayList<>();
        for (ParityCase c : kept) {
            checks.add(new Check(c.toString(), () -> {
                Compare.Diff diff = c.parity(c.runNano());
                return diff.ok() ? null : c + ": nano differs from PyTorch:\n" + diff.describe();
            }));
        }
        for (ParityCase c : kept) {
            if (c.hasInPlaceForm()) { // PyTorch's inplace_variant, against the operator's own recorded answer
                String name = c.op().name() + "_[" + c.sample().id() + "]";
                checks.add(new Check(name, () -> {
                    String problem = c.inPlaceParity();
                    return problem == null ? null : name + ": nano's in-place form differs from PyTorch, " + problem;
                }));
            }
        }
        for (ParityCase c : kept) {
            if (c.hasGradcheck()) {
                checks.add(new Check(c.toString(), () -> {
                    String problem = c.gradcheck();
                    return problem == null ? null : c + ": " + problem;
                }));
            }
        }
        return checks;
    }

    @Override
    public List<Check> drift(FixtureStore store, CaseFilter filter) {
        return ParityCase.all(store).stream().filter(c -> c.keptBy(filter))
                .map(c -> new Check(c.toString(), () -> drift(c))).toList();
    }

    /**
     * Live PyTorch under this JVM's CPU dispatch against one case's recorded answer for that dispatch.
     * @param c the case
     * @return what differs, or null
     */
    public static String drift(ParityCase c) {
        if (c.staleness() != null) {
            return c + ": " + c.staleness() + "; run " + FixtureStore.REGENERATE;
        }
        FixtureCase fixture = c.fixture();
        String dispatch = Dispatch.current();
        Result torch = TorchRunner.run(c.op(), c.sample(), fixture.inputs(), fixture.upstream(), 0);
        Compare.Diff diff = Compare.diff(fixture.resultUnder(dispatch), torch, c.op().toleranceFor(c.sample()),
                c.sample().expectError());
        if (diff.ok()) {
            return null;
        }
        String kernels = fixture.isKernelDependent() ? " (a kernel-dependent case; compared with the answer recorded "
                + "for " + (fixture.kernels().containsKey(dispatch) ? dispatch : "the canonical dispatch") + ")" : "";
        return c + ": live PyTorch under CPU dispatch " + dispatch + " differs from the fixture" + kernels + ":\n"
                + diff.describe() + "\n" + DriftExplanation.here();
    }

    @Override
    public OperatorSection report(FixtureStore store) {
        List<ParityCase> cases = ParityCase.load(store);
        return new OperatorSection(rows(run(cases)), kernelDependent(cases));
    }

    /**
     * One row per operator of nano and per catalogue entry, from the cases' outcomes.
     * @param outcomes each operator's case outcomes, by name
     * @return the rows, by name
     */
    public static List<OperatorCoverage> rows(Map<String, List<Outcome>> outcomes) {
        TreeSet<String> names = new TreeSet<>(OperatorUniverse.operators());
        Catalogue.all().forEach(op -> names.add(op.name()));
        List<OperatorCoverage> rows = new ArrayList<>();
        for (String name : names) {
            OpInfo op = Catalogue.byName(name);
            rows.add(OperatorCoverage.of(name, op, op == null ? null : outcomes.getOrDefault(name, List.of())));
        }
        return rows;
    }

    /** Each kernel-dependent case with what each dispatch answers differently from the canonical one. */
    static List<String> kernelDependent(List<ParityCase> cases) {
        List<String> out = new ArrayList<>();
        for (ParityCase c : cases) {
            if (c.fixture() != null && c.fixture().isKernelDependent()) {
                List<String> differences = Compare.kernelDifferences(c.fixture(), c.sample().effectiveTolerance());
                if (!differences.isEmpty()) { // a dispatch recorded beside an equal answer is no news
                    out.add(c + ": " + String.join("; ", differences));
                }
            }
        }
        return out;
    }

    /** Runs nano on every case against its fixture, with progress on stderr. */
    static Map<String, List<Outcome>> run(List<ParityCase> cases) {
        Map<String, List<Outcome>> byOp = new LinkedHashMap<>();
        Progress progress = Progress.onStderr("checking cases against the PyTorch fixtures", cases.size());
        int done = 0;
        for (ParityCase c : cases) {
            byOp.computeIfAbsent(c.op().name(), k -> new ArrayList<>()).add(c.check());
            progress.update(++done);
        }
        return byOp;
    }

    /**
     * The seed of a case's upstream gradient, derived from operator and case id so it never changes.
     * @param op the operator
     * @param sample the case
     * @return the seed
     */
    public static long upstreamSeed(OpInfo op, Sample sample) {
        return (op.name() + "/" + sample.id() + "/upstream").hashCode();
    }

    /** Why PyTorch's answer contradicts the catalogue entry (accepted what should fail, or the reverse), or null. */
    private static String contradiction(OpInfo op, Sample sample, Result r) {
        String name = op.name() + "[" + sample.id() + "]";
        if (sample.isError()) {
            if (!r.failed()) {
                return name + ": expected PyTorch to reject it (\"" + sample.expectError() + "\"), but it succeeded";
            }
            if (!r.error().contains(sample.expectError())) {
                return name + ": PyTorch's message \"" + r.error() + "\" lacks the key phrase \""
                        + sample.expectError() + "\"";
            }
            return null;
        }
        return r.failed() ? name + ": PyTorch failed: " + r.error() : null;
    }

    /** What a fixture file keeps of a case and PyTorch's answer to it. */
    private static FixtureCase toFixture(Sample sample, Result r) {
        List<String> kinds = sample.kinds().stream().map(Kind::name).toList();
        return new FixtureCase(sample.id(), kinds, Json.attrs(sample.attrs().asMap()), sample.inputs(),
                r.upstream(), r.outputs(), r.grads(), r.error());
    }
}
