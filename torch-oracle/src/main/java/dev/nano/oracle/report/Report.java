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

    /**
     * Prints the report, writes it under {@code torch-oracle/target/coverage/} with its pictures,
     * and exits with status 1 when any case fails or any evidence is missing, 0 otherwise.
     * @param args none
     */
    public static void main(String[] args) {
        FixtureStore store = FixtureStore.locate();
        Path dir = store.root().getParent().resolve("torch-oracle").resolve("target").resolve("coverage");
        int status = write(store, dir);
        System.out.flush();
        System.exit(status);
    }

    /** Runs everything, writes the report into {@code dir}, and returns the exit status. */
    static int write(FixtureStore store, Path dir) {
        List<ParityCase> cases = ParityCase.load(store);
        List<OperatorCoverage> rows = rows(run(cases));

        System.err.println("checking the optimizer grid against its PyTorch fixtures...");
        List<OptimizerCoverage.Run> optimRuns = OptimizerCoverage.runs(store);
        List<OptimizerCoverage.Row> optimRows = OptimizerCoverage.rows(optimRuns);
        System.err.println("running the nn scenarios against their PyTorch fixtures...");
        ModuleCoverage.Section modules = ModuleCoverage.rows(store, rows);
        System.err.println("training the MNIST MLP against libtorch's recorded runs...");
        List<EndToEndCoverage.Row> e2e = EndToEndCoverage.rows(store);

        System.err.println("drawing the pictures...");
        List<ReportWriter.Picture> pictures = new ArrayList<>();
        pictures.add(ReportPictures.margins(rows, dir));
        pictures.addAll(ReportPictures.optimizers(optimRuns, dir));
        e2e.forEach(r -> pictures.add(ReportPictures.lossCurves(r, dir)));

        List<String> otherFailures = new ArrayList<>();
        optimRuns.stream().map(OptimizerCoverage.Run::failure).filter(f -> f != null)
                .forEach(f -> otherFailures.add("optim " + f));
        otherFailures.addAll(modules.failures());
        otherFailures.addAll(EndToEndCoverage.failures(e2e));
        ReportWriter writer = new ReportWriter(rows, optimRows, modules.rows(), modules.deviations(),
                kernelDependent(cases), otherFailures, pictures);
        System.out.print(writer.text());
        System.out.print("\nEnd to end (MNIST MLP, nano vs libtorch's recorded run):\n" + EndToEndCoverage.text(e2e));
        write(dir.resolve("report.md"), writer.markdown() + EndToEndCoverage.markdown(e2e));
        write(dir.resolve("report.json"), withEndToEnd(writer.json(), e2e));
        write(dir.resolve("report.html"), writer.html(EndToEndCoverage.html(e2e)));
        System.out.println("\nWritten: " + dir.resolve("report.md") + ", report.json, report.html and "
                + pictures.size() + " pictures (*.png) beside them");
        int status = exitStatus(rows, optimRows, modules.rows(), e2e, otherFailures);
        if (status != 0) {
            System.out.println("coverage-gaps: exit status " + status + " (something fails or is missing; see above)");
        }
        return status;
    }

    /** One row per operator of nano and per catalogue entry, from the cases' outcomes. */
    static List<OperatorCoverage> rows(Map<String, List<OperatorCoverage.Outcome>> outcomes) {
        TreeSet<String> names = new TreeSet<>(OperatorUniverse.operators());
        Catalogue.all().forEach(op -> names.add(op.name()));
        List<OperatorCoverage> rows = new ArrayList<>();
        for (String name : names) {
            OpInfo op = Catalogue.byName(name);
            rows.add(OperatorCoverage.of(name, op, op == null ? null : outcomes.getOrDefault(name, List.of())));
        }
        return rows;
    }

    /**
     * 0 when every operator is complete (every case passes, every kind of evidence present or
     * excused), every optimizer hyperparameter and nn module is covered and passes, and the MNIST
     * runs match; 1 otherwise.
     */
    static int exitStatus(List<OperatorCoverage> rows, List<OptimizerCoverage.Row> optimRows,
                          List<ModuleCoverage.Row> moduleRows, List<EndToEndCoverage.Row> e2e,
                          List<String> otherFailures) {
        boolean ok = rows.stream().allMatch(OperatorCoverage::complete)
                && optimRows.stream().allMatch(r -> r.status().equals("complete"))
                && moduleRows.stream().allMatch(r -> r.status().startsWith("complete"))
                && e2e.stream().allMatch(EndToEndCoverage.Row::ok)
                && otherFailures.isEmpty();
        return ok ? 0 : 1;
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

    /** Runs nano on every case against its fixture, with progress on stderr. */
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

    /** nano against the case's fixture, and the finite-difference check where it applies. */
    static OperatorCoverage.Outcome outcome(ParityCase c) {
        if (c.staleness() != null) {
            return new OperatorCoverage.Outcome(c.sample(), null, null, c.staleness());
        }
        FixtureCase f = c.fixture();
        Result nano = NanoRunner.run(c.op(), c.sample(), f.inputs(), f.upstream());
        return outcome(c, nano);
    }

    /** A given nano result (the failure-report test feeds a wrong one) against the case's fixture. */
    static OperatorCoverage.Outcome outcome(ParityCase c, Result nano) {
        FixtureCase f = c.fixture();
        Compare.Diff diff = Compare.diffAnyAnswer(f, nano, c.sample().effectiveTolerance(), c.sample().expectError());
        Boolean fd = null;
        String fdProblem = null;
        if (FiniteDifferences.applies(c.op(), c.sample(), f.inputs(), f.upstream())) {
            fdProblem = FiniteDifferences.check(c.op(), c.sample(), f.inputs(), f.upstream());
            fd = fdProblem == null;
        }
        List<String> problems = new ArrayList<>(diff.problems());
        if (fdProblem != null) {
            problems.add("finite differences: " + fdProblem);
        }
        return new OperatorCoverage.Outcome(c.sample(), diff, fd, problems.isEmpty() ? null
                : String.join("; ", problems));
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
