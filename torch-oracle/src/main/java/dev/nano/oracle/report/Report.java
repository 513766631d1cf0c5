package dev.nano.oracle.report;

import dev.nano.oracle.Compare;
import dev.nano.oracle.FiniteDifferences;
import dev.nano.oracle.NanoRunner;
import dev.nano.oracle.ParityCase;
import dev.nano.oracle.Progress;
import dev.nano.oracle.Result;
import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code scripts/coverage-gaps}: operator by operator, how far nano is proven equal to PyTorch.
 *
 * <p>Runs every catalogue case through nano against its committed PyTorch fixture (and the
 * finite-difference check where it applies) — no libtorch needed — then prints one row per
 * operator of nano and writes the same as Markdown, JSON and HTML under
 * {@code torch-oracle/target/coverage/}.
 */
public final class Report {
    private Report() {
    }

    public static void main(String[] args) {
        FixtureStore store = FixtureStore.locate();
        List<ParityCase> cases = ParityCase.load(store);
        Map<String, List<OperatorCoverage.Outcome>> outcomes = run(cases);

        TreeSet<String> names = new TreeSet<>(OperatorUniverse.operators());
        Catalogue.all().forEach(op -> names.add(op.name()));
        List<OperatorCoverage> rows = new ArrayList<>();
        for (String name : names) {
            OpInfo op = Catalogue.byName(name);
            rows.add(OperatorCoverage.of(name, op, op == null ? null : outcomes.getOrDefault(name, List.of())));
        }

        System.err.println("checking the optimizer grid against its PyTorch fixtures...");
        List<OptimizerCoverage.Row> optimRows = OptimizerCoverage.rows(store);
        System.err.println("running the nn scenarios against their PyTorch fixtures...");
        ModuleCoverage.Section modules = ModuleCoverage.rows(store, rows);
        System.err.println("training the MNIST MLP against libtorch's recorded runs...");
        List<EndToEndCoverage.Row> e2e = EndToEndCoverage.rows(store);
        ReportWriter writer = new ReportWriter(rows, optimRows, modules.rows(), modules.deviations(),
                kernelDependent(cases));
        System.out.print(writer.text());
        System.out.print("\nEnd to end (MNIST MLP, nano vs libtorch's recorded run):\n" + EndToEndCoverage.text(e2e));
        Path dir = store.root().getParent().resolve("torch-oracle").resolve("target").resolve("coverage");
        write(dir.resolve("report.md"), writer.markdown() + EndToEndCoverage.markdown(e2e));
        write(dir.resolve("report.json"), withEndToEnd(writer.json(), e2e));
        write(dir.resolve("report.html"), writer.html().replace("</body>", EndToEndCoverage.html(e2e) + "</body>"));
        System.out.println("\nWritten: " + dir.resolve("report.md") + ", report.json, report.html");
    }

    /** Each kernel-dependent case with what each dispatch answers differently from the canonical one. */
    static List<String> kernelDependent(List<ParityCase> cases) {
        List<String> out = new ArrayList<>();
        for (ParityCase c : cases) {
            if (c.fixture() != null && c.fixture().isKernelDependent()) {
                out.add(c + ": " + String.join("; ", Compare.kernelDifferences(c.fixture())));
            }
        }
        return out;
    }

    /** Runs nano on every case against its fixture, with a progress line on stderr. */
    static Map<String, List<OperatorCoverage.Outcome>> run(List<ParityCase> cases) {
        Map<String, List<OperatorCoverage.Outcome>> byOp = new LinkedHashMap<>();
        Progress progress = Progress.onStderr("checking cases against the PyTorch fixtures", cases.size());
        int done = 0;
        for (ParityCase c : cases) {
            byOp.computeIfAbsent(c.op().name(), k -> new ArrayList<>()).add(outcome(c));
            progress.update(++done);
        }
        return byOp;
    }

    private static OperatorCoverage.Outcome outcome(ParityCase c) {
        if (c.staleness() != null) {
            return new OperatorCoverage.Outcome(c.sample(), false, null, 0, 0, c.staleness());
        }
        FixtureCase f = c.fixture();
        Result nano = NanoRunner.run(c.op(), c.sample(), f.inputs(), f.upstream());
        Compare.Diff diff = Compare.diffAnyAnswer(f, nano, c.sample().effectiveTolerance(), c.sample().expectError());
        Boolean fd = null;
        if (FiniteDifferences.applies(c.op(), c.sample(), f.inputs(), f.upstream())) {
            fd = FiniteDifferences.check(c.op(), c.sample(), f.inputs(), f.upstream()) == null;
        }
        return new OperatorCoverage.Outcome(c.sample(), diff.ok(), fd, diff.maxAbs(), diff.maxRel(),
                diff.ok() ? null : diff.describe());
    }

    /** The writer's JSON with the end-to-end rows added (kept out of ReportWriter: the section is self-contained). */
    private static String withEndToEnd(String json, List<EndToEndCoverage.Row> e2e) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode root =
                    (com.fasterxml.jackson.databind.node.ObjectNode) dev.nano.oracle.fixtures.Json.MAPPER.readTree(json);
            EndToEndCoverage.json(root, e2e);
            return dev.nano.oracle.fixtures.Json.WRITER.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path path, String text) {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
