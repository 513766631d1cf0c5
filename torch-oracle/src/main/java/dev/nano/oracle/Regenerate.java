package dev.nano.oracle;

import ai.djl.engine.Engine;
import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.compare.Compare;
import dev.nano.oracle.e2e.E2eFixtures;
import dev.nano.oracle.family.Family;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.fixtures.Recording;
import dev.nano.oracle.nn.NnScenarios;
import dev.nano.oracle.operators.OperatorFamily;
import dev.nano.oracle.operators.TorchRunner;
import dev.nano.oracle.optim.OptimRegeneration;
import dev.nano.oracle.torch.ChildJvm;
import dev.nano.oracle.torch.Dispatch;
import dev.nano.oracle.torch.TorchEngine;
import dev.nano.oracle.value.Kind;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code scripts/regen-fixtures}: runs every catalogue case through PyTorch and writes
 * {@code fixtures/<family>/<op>.json}, runs every optimizer configuration of
 * {@link dev.nano.oracle.optim.OptimGrid} and writes {@code fixtures/optim/<optimizer>.json}, runs the
 * nn scenarios of {@link NnScenarios} into {@code fixtures/nn/scenarios/<name>.json}, then
 * {@code fixtures/manifest.json}. Deterministic: the
 * inputs and upstream gradients come from seeded generators, so a second run leaves
 * {@code git diff} empty. Prints, per operator, the case count and the largest change against
 * the previous fixtures, so a regeneration that moves numbers is visible.
 *
 * <p>The recording does not depend on the recorder's CPU: libtorch runs once per CPU dispatch this
 * machine offers ({@link Dispatch#supported()}), each in its own JVM, and the fixtures hold the
 * answers of the canonical dispatch ({@code default}, which every CPU offers). Where another
 * dispatch answers an operator case differently beyond the case's tolerance, that answer is kept
 * beside the canonical one as "kernel-dependent" (elu's gradient at NaN is one: its vectorised
 * loop gives NaN, its scalar tail the upstream value, and the vector width differs between
 * dispatches). Optimizer and nn-scenario fixtures keep the canonical answers; the drift tests run
 * under every dispatch ({@code DispatchMatrixTest}) and would show a kernel-dependent one.
 *
 * <p>Fails (exit 1) if PyTorch rejects a case meant to succeed or accepts one meant to fail.
 */
public final class Regenerate {
    /** The child JVM's argument: record every fixture, under this JVM's dispatch, into a folder. */
    static final String RECORD_INTO = "--record-into";
    /** The child JVM's arguments: record only the named catalogue operators (comma-separated) into a folder. */
    static final String RECORD_OPS_INTO = "--record-ops-into";
    /**
     * The system property that restricts the dispatches recorded to a subset of this machine's, e.g.
     * {@code -Dnano.dispatches=default,avx2} to regenerate as an AVX2-only machine would.
     */
    static final String DISPATCHES = "nano.dispatches";

    private Regenerate() {
    }

    /**
     * Runs every catalogue case, optimizer and nn scenario through libtorch and rewrites the fixtures and manifest.
     * @param args none
     */
    public static void main(String[] args) {
        if (args.length == 2 && args[0].equals(RECORD_INTO)) {
            System.exit(record(new FixtureStore(Path.of(args[1]))) ? 0 : 1);
        }
        if (args.length == 3 && args[0].equals(RECORD_OPS_INTO)) {
            System.exit(recordOperators(new FixtureStore(Path.of(args[1])), List.of(args[2].split(","))) ? 0 : 1);
        }
        FixtureStore store = FixtureStore.locate();
        List<String> dispatches = Dispatch.supportedOrRestrictedTo(System.getProperty(DISPATCHES));
        KeptDispatches kept = new KeptDispatches(committedRecording(store), dispatches);
        System.out.printf(Locale.ROOT, "Regenerating fixtures in %s under libtorch CPU dispatch %s (%s answers are "
                + "the record)%s...%n", store.root(), String.join(", ", dispatches), Dispatch.CANONICAL,
                kept.missing().isEmpty() ? "" : "; committed answers under " + String.join(", ", kept.missing())
                        + ", which this machine does not run, are kept where a case is unchanged");
        Map<String, FixtureStore> runs = recordEveryDispatch(dispatches);
        Manifest canonical = runs.get(Dispatch.CANONICAL).readManifest();
        String refusal = kept.refusal(canonical.pytorch());
        if (refusal != null) {
            System.out.println(refusal);
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "%-22s %7s %9s %14s  %s%n", "operator", "cases", "new/gone", "largest change",
                "kernel-dependent");

        List<Manifest.Entry> entries = new ArrayList<>();
        Set<Path> written = new HashSet<>();
        int total = 0;
        for (OpInfo op : Catalogue.all()) {
            Path path = store.pathOf(op.family(), op.name());
            FixtureFile previous = Files.isRegularFile(path) ? readQuietly(store, path) : null;
            List<FixtureCase> cases = kept.keep(op.name(), mergeKernels(op, runs), previous);
            store.write(path, op.name(), cases);
            written.add(path);
            entries.add(new Manifest.Entry(store.relative(path), cases.size(), FixtureStore.sha256(path)));
            total += cases.size();
            System.out.printf(Locale.ROOT, "%-22s %7d %9s %14s  %s%n", op.name(), cases.size(), churn(previous, cases),
                    largestChange(previous, cases), kernelDependence(cases));
        }
        Set<Path> mergedOperators = Set.copyOf(written);
        for (Manifest.Entry e : canonical.files()) { // optimizer, nn-scenario and e2e fixtures: the canonical run's
            Path path = store.root().resolve(e.path());
            if (!written.contains(path)) {
                written.add(path);
                entries.add(e);
                total += e.cases();
                System.out.printf(Locale.ROOT, "%-22s %7d%n", e.path().replaceFirst("\\.json$", ""), e.cases());
            }
        }
        copyAllBut(runs.get(Dispatch.CANONICAL).root(), store.root(), mergedOperators); // and the files they name

        removeStaleFiles(store, written);
        Recording recording = kept.recording(Recording.here(canonical.pytorch(), canonical.recordedBy().djl(),
                dispatches));
        store.writeManifest(new Manifest(FixtureStore.SCHEMA, recording, total, entries));
        System.out.printf(Locale.ROOT, "Dispatches recorded here: %s%n", String.join(", ", recording.recordedHere()));
        kept.summary().forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%d files, %d cases written; manifest %s (libtorch %s, DJL %s)%n", entries.size(),
                total, store.relative(store.manifestPath()), recording.pytorch(), recording.djl());
    }

    /** The committed manifest's recording, or null when there is none (or it cannot be read: nothing to keep). */
    private static Recording committedRecording(FixtureStore store) {
        if (!Files.isRegularFile(store.manifestPath())) {
            return null;
        }
        try {
            return store.readManifest().recordedBy();
        } catch (RuntimeException e) {
            System.out.println("  (committed manifest unreadable, so no answers are kept: " + e.getMessage() + ")");
            return null;
        }
    }

    /** One child JVM per dispatch, two at a time, each recording everything into its own folder. */
    private static Map<String, FixtureStore> recordEveryDispatch(List<String> dispatches) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("nano-fixtures-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, ChildJvm.Outcome> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (String d : dispatches) {
            pool.submit(() -> outcomes.put(d, ChildJvm.run(d, Regenerate.class, RECORD_INTO,
                    tmp.resolve(d).toString())));
        }
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Map<String, FixtureStore> runs = new LinkedHashMap<>();
        boolean failed = false;
        for (String d : dispatches) {
            ChildJvm.Outcome o = outcomes.get(d);
            if (o == null || !o.ok()) {
                System.err.println("Recording under " + Dispatch.ENV + "=" + d + " failed:\n"
                        + (o == null ? "(not run)" : o.output()));
                failed = true;
            }
            runs.put(d, new FixtureStore(tmp.resolve(d)));
        }
        if (failed) {
            System.exit(1);
        }
        return runs;
    }

    /**
     * The canonical dispatch's cases of one operator, each with the answers of the other dispatches
     * that differ from it beyond the case's tolerance.
     */
    static List<FixtureCase> mergeKernels(OpInfo op, Map<String, FixtureStore> runs) {
        Map<String, FixtureFile> files = new LinkedHashMap<>();
        runs.forEach((d, run) -> files.put(d, run.read(run.pathOf(op.family(), op.name()))));
        List<FixtureCase> merged = new ArrayList<>();
        for (FixtureCase c : files.get(Dispatch.CANONICAL).cases()) {
            Sample sample = op.samples().stream().filter(s -> s.id().equals(c.id())).findFirst().orElseThrow();
            Map<String, FixtureCase.Answer> kernels = new TreeMap<>();
            files.forEach((d, file) -> {
                if (d.equals(Dispatch.CANONICAL)) {
                    return; // the answer everything else is compared with
                }
                FixtureCase other = file.find(c.id());
                if (!Compare.diff(c.result(), other.result(), op.toleranceFor(sample), sample.expectError()).ok()) {
                    kernels.put(d, other.canonicalAnswer());
                }
            });
            merged.add(c.withKernels(kernels));
        }
        return merged;
    }

    /** The child's work: every family's fixtures under this JVM's dispatch, into {@code store}, with its manifest. */
    static boolean record(FixtureStore store) {
        String pytorch = TorchEngine.pytorchVersion();
        String djl = Engine.getDjlVersion();
        List<String> problems = new ArrayList<>();
        List<Manifest.Entry> entries = new ArrayList<>();
        Set<Path> written = new HashSet<>();
        for (Family family : Families.ALL) {
            entries.addAll(family.regenerate(store, written, problems));
        }
        int total = entries.stream().mapToInt(Manifest.Entry::cases).sum();
        store.writeManifest(new Manifest(FixtureStore.SCHEMA,
                Recording.here(pytorch, djl, List.of(Dispatch.current())), total, entries));
        if (!problems.isEmpty()) {
            System.err.println(problems.size() + " case(s) disagree with their catalogue entry:");
            problems.forEach(p -> System.err.println("  " + p));
        }
        return problems.isEmpty();
    }

    /** The child's work for a test: only the operators named, under this JVM's dispatch, into {@code store}. */
    static boolean recordOperators(FixtureStore store, List<String> names) {
        List<String> problems = new ArrayList<>();
        for (OpInfo op : Catalogue.all()) {
            if (names.contains(op.name())) {
                List<FixtureCase> cases = OperatorFamily.record(op, problems);
                store.write(store.pathOf(op.family(), op.name()), op.name(), cases);
            }
        }
        problems.forEach(System.err::println);
        return problems.isEmpty();
    }

    private static String kernelDependence(List<FixtureCase> cases) {
        Set<String> dispatches = new TreeSet<>();
        int n = 0;
        for (FixtureCase c : cases) {
            if (c.isKernelDependent()) {
                n++;
                dispatches.addAll(c.kernels().keySet());
            }
        }
        return n == 0 ? "" : n + " case(s), under " + String.join(", ", dispatches);
    }

    /** Copies every file of the canonical run but its manifest and the operator fixtures already merged. */
    private static void copyAllBut(Path from, Path to, Set<Path> merged) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (f.equals(from.resolve("manifest.json")) || merged.contains(target)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FixtureFile readQuietly(FixtureStore store, Path path) {
        try {
            return store.read(path);
        } catch (RuntimeException e) {
            System.out.println("  (previous " + store.relative(path) + " unreadable: " + e.getMessage() + ")");
            return null;
        }
    }

    private static String churn(FixtureFile previous, List<FixtureCase> cases) {
        if (previous == null) {
            return "all new";
        }
        int added = 0;
        for (FixtureCase c : cases) {
            if (previous.find(c.id()) == null) {
                added++;
            }
        }
        int gone = previous.cases().size() - (cases.size() - added);
        return added + "/" + gone;
    }

    /** The largest absolute change of any output or gradient value over cases present in both. */
    private static String largestChange(FixtureFile previous, List<FixtureCase> cases) {
        if (previous == null) {
            return "-";
        }
        double worst = 0;
        boolean structural = false;
        for (FixtureCase now : cases) {
            FixtureCase before = previous.find(now.id());
            if (before == null) {
                continue;
            }
            List<Value> a = new ArrayList<>(now.outputs());
            List<Value> b = new ArrayList<>(before.outputs());
            a.addAll(now.grads());
            b.addAll(before.grads());
            if (a.size() != b.size()) {
                structural = true;
                continue;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) == null || b.get(i) == null) {
                    structural |= a.get(i) != b.get(i);
                    continue;
                }
                double[] x = a.get(i).values();
                double[] y = b.get(i).values();
                if (x.length != y.length) {
                    structural = true;
                    continue;
                }
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

    private static void removeStaleFiles(FixtureStore store, Set<Path> written) {
        if (!Files.isDirectory(store.root())) {
            return;
        }
        try (Stream<Path> files = Files.walk(store.root())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                if (!written.contains(p) && !p.equals(store.manifestPath())) {
                    System.out.println("  removing stale " + store.relative(p));
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
