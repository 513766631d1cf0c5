package dev.nano.oracle;

import ai.djl.engine.Engine;
import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.Kind;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.e2e.E2eFixtures;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.nn.NnScenarios;
import dev.nano.oracle.optim.OptimRegeneration;
import dev.nano.oracle.torch.TorchRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * <p>Fails (exit 1) if PyTorch rejects a case meant to succeed or accepts one meant to fail.
 */
public final class Regenerate {
    private Regenerate() {
    }

    public static void main(String[] args) {
        FixtureStore store = FixtureStore.locate();
        String pytorch = TorchRunner.pytorchVersion();
        String djl = Engine.getDjlVersion();
        System.out.printf(Locale.ROOT, "Regenerating fixtures in %s with PyTorch %s via DJL %s%n", store.root(),
                pytorch, djl);
        System.out.printf(Locale.ROOT, "%-22s %7s %9s %14s%n", "operator", "cases", "new/gone", "largest change");

        List<String> problems = new ArrayList<>();
        List<Manifest.Entry> entries = new ArrayList<>();
        Set<Path> written = new HashSet<>();
        int total = 0;
        for (OpInfo op : Catalogue.all()) {
            Path path = store.pathOf(op.family(), op.name());
            FixtureFile previous = Files.isRegularFile(path) ? readQuietly(store, path) : null;
            List<FixtureCase> cases = new ArrayList<>();
            for (Sample sample : op.samples()) {
                Result r = TorchRunner.run(op, sample, sample.inputs(), null, upstreamSeed(op, sample));
                String problem = check(op, sample, r);
                if (problem != null) {
                    problems.add(problem);
                    continue;
                }
                cases.add(toFixture(sample, r));
            }
            store.write(path, op.name(), cases);
            written.add(path);
            entries.add(new Manifest.Entry(store.relative(path), cases.size(), FixtureStore.sha256(path)));
            total += cases.size();
            System.out.printf(Locale.ROOT, "%-22s %7d %9s %14s%n", op.name(), cases.size(), churn(previous, cases),
                    largestChange(previous, cases));
        }
        for (Manifest.Entry optim : OptimRegeneration.writeAll(store, written)) { // fixtures/optim/<optimizer>.json
            entries.add(optim);
            total += optim.cases();
        }
        total += NnScenarios.regenerate(store, entries, written); // fixtures/nn/scenarios/<name>.json
        total += E2eFixtures.regenerate(store, entries, written); // fixtures/e2e/<run>.json (+ .safetensors)
        removeStaleFiles(store, written);
        store.writeManifest(new Manifest(FixtureStore.SCHEMA, pytorch, djl, total, entries));
        System.out.printf(Locale.ROOT, "%d operators, %d cases written; manifest %s%n", entries.size(), total,
                store.relative(store.manifestPath()));
        if (!problems.isEmpty()) {
            System.err.println("\n" + problems.size() + " case(s) disagree with their catalogue entry:");
            problems.forEach(p -> System.err.println("  " + p));
            System.exit(1);
        }
    }

    public static long upstreamSeed(OpInfo op, Sample sample) {
        return (op.name() + "/" + sample.id() + "/upstream").hashCode();
    }

    private static String check(OpInfo op, Sample sample, Result r) {
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

    static FixtureCase toFixture(Sample sample, Result r) {
        List<String> kinds = sample.kinds().stream().map(Kind::name).toList();
        return new FixtureCase(sample.id(), kinds, Json.attrs(sample.attrs().asMap()), sample.inputs(),
                r.upstream(), r.outputs(), r.grads(), r.error());
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
