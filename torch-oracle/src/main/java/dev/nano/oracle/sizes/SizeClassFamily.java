package dev.nano.oracle.sizes;

import dev.nano.Parallel;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.compare.Compare;
import dev.nano.oracle.family.CaseFilter;
import dev.nano.oracle.family.Check;
import dev.nano.oracle.family.Family;
import dev.nano.oracle.fixtures.DriftExplanation;
import dev.nano.oracle.fixtures.FixtureException;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.operators.NanoRunner;
import dev.nano.oracle.operators.TorchRunner;
import dev.nano.oracle.torch.Dispatch;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The size cases ({@link SizeCases}, {@code fixtures/sizes/}): catalogue operators on inputs large
 * enough to cross every threshold of nano's kernels ({@code dev.nano.ops.SizeClasses}). nano runs
 * each case twice, on one thread and on two, and both answers are compared with PyTorch's: a
 * deterministic bug past a size (invisible to a 1-vs-2-thread comparison) and a race (invisible on
 * one thread) both show.
 */
public final class SizeClassFamily implements Family {
    /** The thread counts nano runs every size case with. */
    public static final int[] THREADS = {1, 2};

    @Override
    public String name() {
        return "size classes";
    }

    @Override
    public List<Manifest.Entry> regenerate(FixtureStore store, Set<Path> written, List<String> problems) {
        List<Manifest.Entry> entries = new ArrayList<>();
        for (String op : SizeCases.operators()) {
            List<SizeFixtures.Written> cases = new ArrayList<>();
            for (SizeCase c : casesOf(op)) {
                Sample sample = c.sample();
                // A first run gives the output's shape, which the upstream gradient needs.
                Result shapeOnly = TorchRunner.run(c.opInfo(), sample, sample.inputs(), null, 0);
                if (shapeOnly.failed()) {
                    problems.add(c + ": PyTorch failed: " + shapeOnly.error());
                    continue;
                }
                Value upstream = c.upstream(shapeOnly.outputs().get(0).shape());
                Result r = TorchRunner.run(c.opInfo(), sample, sample.inputs(), upstream, 0);
                cases.add(new SizeFixtures.Written(c, sample.inputs(), r));
            }
            Path path = SizeFixtures.path(store, op);
            SizeFixtures.write(path, op, cases);
            written.add(path);
            entries.add(new Manifest.Entry(store.relative(path), cases.size(), FixtureStore.sha256(path)));
            System.out.printf(Locale.ROOT, "%-22s %7d%n", SizeFixtures.FAMILY + "/" + op, cases.size());
        }
        return entries;
    }

    private static List<SizeCase> casesOf(String op) {
        return SizeCases.all().stream().filter(c -> c.op().equals(op)).toList();
    }

    /** nano on one thread and on two, each against PyTorch's recorded answer. */
    @Override
    public List<Check> parity(FixtureStore store, CaseFilter filter) {
        List<Check> checks = new ArrayList<>();
        for (SizeCase c : kept(filter)) {
            for (int threads : THREADS) {
                String name = c + " on " + threads + " thread" + (threads == 1 ? "" : "s");
                checks.add(new Check(name, () -> {
                    Loaded l = load(store, c);
                    if (l.problem() != null) {
                        return name + ": " + l.problem();
                    }
                    Result nano = onThreads(threads, () -> NanoRunner.run(c.opInfo(), l.sample(), l.inputs(),
                            l.expected().upstream()));
                    Compare.Diff d = Compare.diff(l.expected(), nano, l.sample().effectiveTolerance(), null);
                    return d.ok() ? null : name + ": nano differs from PyTorch:\n" + d.describe();
                }));
            }
        }
        return checks;
    }

    @Override
    public List<Check> drift(FixtureStore store, CaseFilter filter) {
        List<Check> checks = new ArrayList<>();
        for (SizeCase c : kept(filter)) {
            checks.add(new Check(c.toString(), () -> {
                Loaded l = load(store, c);
                if (l.problem() != null) {
                    return c + ": " + l.problem();
                }
                Result torch = TorchRunner.run(c.opInfo(), l.sample(), l.inputs(), l.expected().upstream(), 0);
                Compare.Diff d = Compare.diff(l.expected(), torch, l.sample().effectiveTolerance(), null);
                return d.ok() ? null : c + ": live PyTorch under CPU dispatch " + Dispatch.current()
                        + " differs from the fixture:\n" + d.describe() + "\n" + DriftExplanation.here();
            }));
        }
        return checks;
    }

    @Override
    public SizeSection report(FixtureStore store) {
        List<SizeSection.Row> rows = new ArrayList<>();
        for (Check check : parity(store, CaseFilter.parse(null, null, null))) {
            rows.add(new SizeSection.Row(check.name(), check.run()));
        }
        return new SizeSection(rows);
    }

    private static List<SizeCase> kept(CaseFilter filter) {
        return SizeCases.all().stream()
                .filter(c -> filter.keeps(c.op(), Set.of(SizeFixtures.FAMILY, c.family()), Set.of())).toList();
    }

    /**
     * A case with its inputs drawn again and PyTorch's recorded answer (with the upstream gradient
     * drawn again), or why they cannot be compared.
     */
    record Loaded(Sample sample, List<Input> inputs, Result expected, String problem) {
    }

    static Loaded load(FixtureStore store, SizeCase c) {
        Path path = SizeFixtures.path(store, c.op());
        if (!Files.isRegularFile(path)) {
            return new Loaded(null, null, null, "no fixture file " + store.relative(path) + "; run "
                    + FixtureStore.REGENERATE);
        }
        SizeFixtures.Recorded r;
        try {
            r = recorded(store, path).get(c.id());
        } catch (FixtureException e) {
            return new Loaded(null, null, null, e.getMessage());
        }
        if (r == null) {
            return new Loaded(null, null, null, "no fixture for this case in " + store.relative(path) + "; run "
                    + FixtureStore.REGENERATE);
        }
        Sample sample = c.sample();
        List<Input> inputs = sample.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            if (i >= r.inputDigests().size()
                    || !SizeFixtures.digest(inputs.get(i).values()).equals(r.inputDigests().get(i))) {
                return new Loaded(null, null, null, "input " + i + " drawn now differs from the one PyTorch was run on "
                        + "(stale fixture, or a generator that is not platform-independent); run "
                        + FixtureStore.REGENERATE);
            }
        }
        Value upstream = null;
        if (r.upstreamDigest() != null) {
            upstream = c.upstream(r.result().outputs().get(0).shape());
            if (!SizeFixtures.digest(upstream.values()).equals(r.upstreamDigest())) {
                return new Loaded(null, null, null, "the upstream gradient drawn now differs from the recorded one; run "
                        + FixtureStore.REGENERATE);
            }
        }
        Result expected = new Result(r.result().outputs(), upstream, r.result().grads(), null);
        return new Loaded(sample, inputs, expected, null);
    }

    /** Runs {@code body} with nano's thread count set to {@code threads}, then restores it. */
    static <T> T onThreads(int threads, java.util.function.Supplier<T> body) {
        int before = Parallel.numThreads();
        Parallel.setNumThreads(threads);
        try {
            return body.get();
        } finally {
            Parallel.setNumThreads(before);
        }
    }

    private static final Map<Path, Map<String, SizeFixtures.Recorded>> CACHE = new java.util.HashMap<>();

    /** An operator's recorded cases, read once per JVM and file (parity runs each case twice). */
    private static synchronized Map<String, SizeFixtures.Recorded> recorded(FixtureStore store, Path path) {
        Map<String, SizeFixtures.Recorded> cached = CACHE.get(path);
        if (cached == null) {
            cached = SizeFixtures.read(store, path);
            CACHE.put(path, cached);
        }
        return cached;
    }
}
