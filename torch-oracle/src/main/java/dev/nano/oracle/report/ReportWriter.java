package dev.nano.oracle.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nano.oracle.cases.OperatorUniverse;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.cases.Tolerances;
import dev.nano.oracle.family.Picture;
import dev.nano.oracle.family.ReportTable.Cell;
import dev.nano.oracle.family.ReportTable;
import dev.nano.oracle.family.Section;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.mutation.MutationSummary;
import dev.nano.oracle.mutation.PlantedBugs;
import dev.nano.oracle.nn.ScenarioSection;
import dev.nano.oracle.operators.OperatorCoverage;
import dev.nano.oracle.operators.OperatorSection;
import dev.nano.oracle.optim.OptimizerCoverage;
import dev.nano.oracle.optim.OptimizerSection;
import dev.nano.oracle.value.Kind;
import dev.nano.oracle.value.Tolerance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders the coverage rows as a console table, Markdown, JSON and a self-contained HTML page
 * (pictures embedded, every table sortable). Every format carries the same legend, lists every
 * failing case with its message, and shows every exclusion's reason.
 */
final class ReportWriter {

    /**
     * A column of the per-operator table after the evidence columns. To add one, add a line to
     * {@link #COLUMNS}, e.g. {@code new Column("oracle", r -> Cell.of(r.op() == null ? "" : r.op().oracle()))}:
     * the console, Markdown, HTML (sortable) and JSON forms all pick it up.
     */
    record Column(String header, Function<OperatorCoverage, Cell> cell) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("cases", r -> Cell.number(String.valueOf(r.cases()), r.cases())),
            new Column("worst abs", r -> worstCell(r.worst())),
            new Column("worst rel", r -> worstCell(r.worstRel())),
            new Column("err/tol", r -> new Cell(ratio(r.tightest().value()), r.tightest().value(), null,
                    r.tightest().caseId().isEmpty() ? null : "in case " + r.tightest().caseId(), null)),
            new Column("err/tol in ulps", ReportWriter::ulpsCell),
            new Column("tolerance", r -> r.op() == null ? Cell.of("")
                    : new Cell(r.op().tolerance().describe() + (r.op().toleranceDerived() ? "" : " (not derived)"),
                    null, null, r.op().tolerance().reason(), null)),
            new Column("oracle", r -> new Cell(oracleKind(r), null, null, oracle(r), null)),
            new Column("mutants killed", r -> Cell.of(r.mutation())),
            new Column("status", r -> Cell.of(r.status())));

    /** What an oracle row means, in every format. */
    static final String ORACLE_LEGEND = "oracle: kernel = the torch side is one call of PyTorch's own aten "
            + "operator (through DJL or the TorchScript bridge); composed = a composition of torch ops, with the "
            + "reason no kernel can be reached";

    /** The "oracle" column's full text: "kernel aten::x (DJL)" or "composed: reason" (empty without an entry). */
    static String oracle(OperatorCoverage r) {
        return r.op() == null ? "" : r.op().oracle().describe();
    }

    /** The short form of the oracle column: "kernel" or "composed". */
    static String oracleKind(OperatorCoverage r) {
        return r.op() == null ? "" : r.op().oracle().isKernel() ? "kernel" : "composed";
    }

    /** What the kernel-dependent list means, in every format. */
    static final String KERNEL_DEPENDENT = "Kernel-dependent cases (PyTorch's own answer depends on libtorch's CPU "
            + "dispatch; each dispatch's answer was recorded under that dispatch, the drift tests accept exactly it, "
            + "nano must equal one of them)";

    private final List<Section> sections;
    private final List<OperatorCoverage> rows;
    private final List<OptimizerCoverage.Row> optimRows;
    private final List<ModuleCoverage.Row> moduleRows;
    private final List<String> scenarioDeviations;
    private final List<String> kernelDependent;
    private final List<ExclusionGroup> exclusionGroups;
    private final List<Picture> pictures;

    /**
     * @param sections every family's section, in the order of {@code Families.ALL}; the operators',
     *                 optimizers' and nn scenarios' fill the shared tables (the summary line counts them
     *                 together), every other section is written after them in each format
     * @param pictures the pictures to embed (none in tests that only look at the tables)
     */
    ReportWriter(List<Section> sections, List<Picture> pictures) {
        this.sections = sections;
        this.rows = find(sections, OperatorSection.class).map(OperatorSection::rows).orElse(List.of());
        this.kernelDependent = find(sections, OperatorSection.class).map(OperatorSection::kernelDependent)
                .orElse(List.of());
        this.optimRows = find(sections, OptimizerSection.class).map(OptimizerSection::rows).orElse(List.of());
        ModuleCoverage.Section modules = find(sections, ScenarioSection.class)
                .map(s -> ModuleCoverage.rows(s, rows)).orElse(new ModuleCoverage.Section(List.of(), List.of(), List.of()));
        this.moduleRows = modules.rows();
        this.scenarioDeviations = modules.deviations();
        this.exclusionGroups = groupExclusions(rows);
        this.pictures = pictures;
    }

    private static <T extends Section> Optional<T> find(List<Section> sections, Class<T> type) {
        return sections.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * The module table's rows (each nano module credited from the nn scenario steps and its operators).
     * @return the rows
     */
    List<ModuleCoverage.Row> moduleRows() {
        return moduleRows;
    }

    // ------------------------------------------------------------------ shared content

    /** Every failing case with its message: operators first ({@code elu[edges]: grad of input 0: …}). */
    List<String> failures() {
        List<String> all = new ArrayList<>();
        sections.forEach(section -> all.addAll(section.failures()));
        return all;
    }

    /** The legend: what each symbol and each short column name means, and how a failure is attributed. */
    static List<String> legend() {
        List<String> lines = new ArrayList<>();
        for (OperatorCoverage.Cell c : OperatorCoverage.Cell.values()) {
            lines.add(c.symbol() + "  " + c.meaning());
        }
        StringBuilder columns = new StringBuilder("Columns: ");
        for (Kind k : Kind.values()) {
            columns.append(abbreviation(k)).append(" = ").append(k.label()).append(", ");
        }
        lines.add(columns.append("err/tol = the largest |nano − torch| ÷ (atol + rtol·|torch|) of any case "
                + "(above 1 fails; ∞ = a NaN/inf mismatch); err/tol in ulps = that case's worst error and its "
                + "tolerance, both in ulps of the tolerance's scale; tolerance = the operator's, derived in ulps "
                + "(the reasons are listed below the table), or the former default where not yet derived").toString());
        lines.add("A failure marks only what it disproves: a differing output marks forward and the input "
                + "properties (broadcast, scalar, 0-d, empty, edge values, dims); a differing gradient marks "
                + "backward and non-diff/ties; finite differences mark gradcheck.");
        lines.add("worst abs/rel: a NaN or inf where PyTorch has something else is shown as e.g. NaN≠finite "
                + "(nano's value ≠ PyTorch's) and counts as an infinite error; " + OWN_TOLERANCE + " = from a case "
                + "compared at its own documented tolerance (its reason under Documented deviations); worst abs "
                + "and worst rel may come from different elements (the relative error is not defined where "
                + "PyTorch's value is 0).");
        return lines;
    }

    /**
     * The report's first line: whether nano agrees with PyTorch everywhere the report looks, and if
     * not, how many cases fail and how many rows have gaps (the same judgement as the exit status).
     */
    String verdict() {
        int failing = failures().size();
        long gaps = sections.stream().filter(s -> !s.complete()).count()
                + moduleRows.stream().filter(r -> !r.status().startsWith("complete")).count();
        if (failing == 0 && everythingComplete()) {
            return "Verdict: PASS. Every case agrees with PyTorch and no evidence is missing (exit status 0).";
        }
        List<String> parts = new ArrayList<>();
        if (failing > 0) {
            parts.add(failing + " failing case" + (failing == 1 ? "" : "s") + " (listed next)");
        }
        long operatorGaps = rows.stream().filter(r -> !r.complete() && r.failed() == 0).count();
        if (operatorGaps > 0) {
            parts.add(operatorGaps + " operator" + (operatorGaps == 1 ? "" : "s") + " with missing evidence");
        }
        if (parts.isEmpty()) {
            parts.add(gaps + " incomplete part" + (gaps == 1 ? "" : "s") + " (see the tables)");
        }
        return "Verdict: FAIL. " + String.join("; ", parts) + " (exit status 1).";
    }

    /** Every family complete and every nn module covered: the exit status's condition besides failures. */
    private boolean everythingComplete() {
        return sections.stream().allMatch(Section::complete)
                && moduleRows.stream().allMatch(r -> r.status().startsWith("complete"));
    }

    String summary() {
        long complete = rows.stream().filter(OperatorCoverage::complete).count();
        long failing = rows.stream().filter(r -> r.failed() > 0 || r.cells().containsValue(OperatorCoverage.Cell.FAIL))
                .count();
        int cases = rows.stream().mapToInt(OperatorCoverage::cases).sum();
        long optimComplete = optimRows.stream().filter(r -> r.status().equals("complete")).count();
        long modulesComplete = moduleRows.stream().filter(r -> r.status().startsWith("complete")).count();
        return String.format(Locale.ROOT, "%d operators: %d complete, %d failing, %d with gaps only, "
                        + "%d not operators (excluded); "
                        + "%d optimizer hyperparameters: %d complete; %d nn modules: %d complete; "
                        + "%d cases, %d failing. %s",
                rows.size(), complete, failing, rows.size() - complete - failing, OperatorUniverse.NOT_OPERATORS.size(),
                optimRows.size(), optimComplete, moduleRows.size(), modulesComplete, cases, failures().size(),
                headline()) + " " + bitIdentical() + " Mutation score (scripts/mutation-score): "
                + MutationSummary.committed().overall() + ". Planted bugs (scripts/planted-bugs): "
                + PlantedBugs.committed().overall() + ".";
    }

    /** How many compared cases are bit-identical to PyTorch's (every value, zeros with their sign where compared). */
    String bitIdentical() {
        long compared = rows.stream().mapToLong(r -> r.toleranceUsed().size()).sum();
        long identical = rows.stream().flatMap(r -> r.toleranceUsed().stream()).filter(u -> u == 0).count();
        return String.format(Locale.ROOT, "%d of %d compared cases bit-identical.", identical, compared);
    }

    /** "3 / 8": the closest case's worst error and its tolerance in ulps; "-" for a tolerance not in ulps. */
    static Cell ulpsCell(OperatorCoverage r) {
        OperatorCoverage.Worst t = r.tightest();
        Tolerance tol = t.tolerance();
        if (r.op() == null || tol == null || !tol.inUlps() || t.caseId().isEmpty()) {
            return Cell.of("-");
        }
        String err = Double.isInfinite(t.value()) ? "∞" : tol.ulps() == 0 ? (t.value() == 0 ? "0" : "∞")
                : String.format(Locale.ROOT, "%.3g", t.value() * tol.ulps());
        return new Cell(err + " / " + String.format(Locale.ROOT, "%.0f", tol.ulps()), t.value(), null,
                "in case " + t.caseId() + ", " + tol.describe(), null);
    }

    /**
     * Every operator's tolerance with its derivation, then the operators still on the former default (a gap)
     * and the cases with a tolerance of their own.
     */
    List<String> derivedTolerances() {
        List<String> lines = new ArrayList<>();
        List<String> legacy = new ArrayList<>();
        for (OperatorCoverage r : rows) {
            if (r.op() == null) {
                continue;
            }
            if (r.op().toleranceDerived()) {
                lines.add(r.name() + ": " + r.op().tolerance().describe() + " — " + r.op().tolerance().reason());
            } else {
                legacy.add(r.name());
            }
        }
        Tolerances.caseExceptions().forEach((c, t) -> lines.add(c + ": " + t.describe() + " — " + t.reason()));
        if (!legacy.isEmpty()) {
            lines.add("Gap: " + legacy.size() + " operator(s) still on the former default (rtol 1e-10, atol 1e-12), "
                    + "their tolerance not yet derived: " + String.join(", ", legacy));
        }
        return lines;
    }

    /**
     * The worst errors, each in the context that makes it readable: which case, the size of
     * PyTorch's value there, and the tolerance allowed.
     */
    String headline() {
        OperatorCoverage tight = max(r -> r.tightest().value());
        OperatorCoverage abs = max(OperatorCoverage::worstAbs);
        if (abs == null || abs.worstAbs() == 0) {
            return "Every compared value is bit-identical to PyTorch's.";
        }
        StringBuilder sb = new StringBuilder();
        OperatorCoverage.Worst t = tight.tightest();
        sb.append(String.format(Locale.ROOT, "Closest to its tolerance: %s[%s], whose worst element %s",
                tight.name(), t.caseId(), Double.isInfinite(t.value()) ? "is a NaN/inf mismatch"
                        : "used " + percent(t.value()) + " of it"));
        return sb.append(". ").append(worstSentence(abs)).toString();
    }

    /**
     * A row's worst absolute error as one sentence: the case and element, PyTorch's value there, the
     * relative error at that same element (none where PyTorch's value is 0), and the tolerance allowed
     * there, with its reason when the case documents its own.
     */
    static String worstSentence(OperatorCoverage row) {
        OperatorCoverage.Worst w = row.worst();
        if (w.nonFinite() != null) {
            return String.format(Locale.ROOT, "Worst abs error: %s at %s[%s] %s.", w.nonFinite(), row.name(),
                    w.caseId(), w.at());
        }
        Tolerance tol = w.tolerance();
        if (tol.inUlps()) {
            return String.format(Locale.ROOT, "Worst abs error %s at %s[%s] %s, where PyTorch's value is %s (allowed: "
                    + "%s).", sci(w.value()), row.name(), w.caseId(), w.at(), sci(w.expected()), tol.describe());
        }
        double allowed = tol.atol() + tol.rtol() * Math.abs(w.expected());
        String relative = w.expected() == 0 ? "no relative error there, PyTorch's value being 0"
                : "relative " + sci(w.value() / Math.abs(w.expected()));
        String why = tol.reason() == null ? "" : "; the case documents its tolerance: " + tol.reason();
        return String.format(Locale.ROOT, "Worst abs error %s at %s[%s] %s, where PyTorch's value is %s (%s; allowed "
                        + "there: atol %s + rtol %s × |value| = %s%s).", sci(w.value()), row.name(), w.caseId(), w.at(),
                sci(w.expected()), relative, sci(tol.atol()), sci(tol.rtol()), sci(allowed), why);
    }

    private OperatorCoverage max(java.util.function.ToDoubleFunction<OperatorCoverage> key) {
        return rows.stream().max((a, b) -> Double.compare(key.applyAsDouble(a), key.applyAsDouble(b))).orElse(null);
    }

    /**
     * Catalogue cases and nn scenario steps that are compared other than by default, with why; the
     * cases that share a tolerance and its reason in one line with their count.
     */
    private List<String> looserTolerances() {
        List<String> all = new ArrayList<>(rows.stream().filter(r -> r.op() != null)
                .flatMap(r -> r.op().samples().stream()
                .filter(s -> s.tolerance() != null)
                .map(s -> r.name() + "[" + s.id() + "]: rtol " + s.tolerance().rtol() + ", atol "
                        + s.tolerance().atol() + " — " + s.tolerance().reason())).toList());
        all.addAll(scenarioDeviations);
        return collapse(all);
    }

    /**
     * Lines of the form {@code op[case]: what} with the same {@code what} as one line: the {@code what},
     * then how many cases and of which operators ({@code 10 cases: abs ×4, exp ×6}); a line whose
     * {@code what} no other line shares stays as it is.
     */
    static List<String> collapse(List<String> lines) {
        Map<String, List<String>> byWhat = new LinkedHashMap<>();
        for (String line : lines) {
            int split = line.indexOf("]: ");
            String what = split < 0 ? line : line.substring(split + 3);
            byWhat.computeIfAbsent(what, k -> new ArrayList<>()).add(split < 0 ? "" : line.substring(0, split + 1));
        }
        List<String> out = new ArrayList<>();
        byWhat.forEach((what, cases) -> {
            if (cases.size() == 1) {
                out.add(cases.get(0).isEmpty() ? what : cases.get(0) + ": " + what);
                return;
            }
            Map<String, Integer> perOperator = new LinkedHashMap<>();
            cases.forEach(c -> perOperator.merge(c.contains("[") ? c.substring(0, c.indexOf('[')) : c, 1, Integer::sum));
            List<String> counts = new ArrayList<>();
            perOperator.forEach((op, n) -> counts.add(n == 1 ? op : op + " ×" + n));
            out.add(what + " (" + cases.size() + " cases: " + String.join(", ", counts) + ")");
        });
        return out;
    }

    // ------------------------------------------------------------------ tables

    /** The per-operator table; {@code shortHeaders} for the console, where a legend explains them. */
    ReportTable operatorTable() {
        List<String> headers = new ArrayList<>(List.of("operator"));
        List<String> shortHeaders = new ArrayList<>(List.of("operator"));
        for (Kind k : Kind.values()) {
            headers.add(k.label());
            shortHeaders.add(abbreviation(k));
        }
        COLUMNS.forEach(c -> {
            headers.add(c.header());
            shortHeaders.add(c.header());
        });
        ReportTable t = new ReportTable("operators", headers, shortHeaders);
        for (OperatorCoverage r : rows) {
            List<Cell> cells = new ArrayList<>();
            cells.add(new Cell(r.name(), null, "name", null, null));
            for (Kind k : Kind.values()) {
                OperatorCoverage.Cell c = r.cells().get(k);
                boolean excused = c == OperatorCoverage.Cell.EXCLUDED || c == OperatorCoverage.Cell.UNTESTED;
                cells.add(new Cell(c.symbol(), null, c.name(), excused ? r.op().exclusions().get(k) : c.meaning(),
                        excused ? exclusionLink(r.name(), k) : null));
            }
            COLUMNS.forEach(c -> cells.add(c.cell().apply(r)));
            t.add(r.failed() > 0 || r.cells().containsValue(OperatorCoverage.Cell.FAIL) ? "fail"
                    : r.complete() ? "" : "gap", cells);
        }
        return t;
    }

    /** Exclusions with the same evidence and reason: one row of the exclusion table, for every operator they excuse. */
    record ExclusionGroup(String id, Kind kind, String reason, boolean untested, List<String> operators) {
    }

    /**
     * The exclusions grouped by evidence and reason, in the order of the operator table.
     * @return the groups
     */
    List<ExclusionGroup> exclusionGroups() {
        return exclusionGroups;
    }

    private static List<ExclusionGroup> groupExclusions(List<OperatorCoverage> rows) {
        Map<String, ExclusionGroup> groups = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            for (OperatorCoverage r : rows) {
                if (r.op() == null || !r.op().exclusions().containsKey(k)) {
                    continue;
                }
                String reason = r.op().exclusions().get(k);
                boolean untested = r.op().untested().contains(k);
                groups.computeIfAbsent(k + "\u0000" + untested + "\u0000" + reason, x -> new ExclusionGroup(
                        "ex-" + k.name().toLowerCase(Locale.ROOT) + "-" + (groups.size() + 1), k, reason, untested,
                        new ArrayList<>())).operators().add(r.name());
            }
        }
        return List.copyOf(groups.values());
    }

    /** The exclusion table's row that excuses {@code op}'s {@code kind}, as a link. */
    private String exclusionLink(String op, Kind kind) {
        return exclusionGroups().stream().filter(g -> g.kind() == kind && g.operators().contains(op))
                .map(g -> "#" + g.id()).findFirst().orElse(null);
    }

    ReportTable exclusionTable() {
        ReportTable t = new ReportTable("exclusions", List.of("evidence", "", "count",
                "why it cannot apply (–) or is not tested (○)", "operators"));
        for (ExclusionGroup g : exclusionGroups()) {
            OperatorCoverage.Cell symbol = g.untested() ? OperatorCoverage.Cell.UNTESTED : OperatorCoverage.Cell.EXCLUDED;
            t.add("", g.id(), List.of(Cell.of(g.kind().label()), new Cell(symbol.symbol(), null, symbol.name(),
                            symbol.meaning(), null), Cell.number(String.valueOf(g.operators().size()),
                            g.operators().size()), Cell.of(g.reason()),
                    new Cell(String.join(", ", g.operators()), null, "name", null, null)));
        }
        return t;
    }

    /** One row per catalogue entry: what its torch side calls (the kernel, or the composition and why). */
    ReportTable oracleTable() {
        ReportTable t = new ReportTable("oracles", List.of("operator", "oracle", "what the torch side calls"));
        for (OperatorCoverage r : rows) {
            if (r.op() != null) {
                t.add(r.op().oracle().isKernel() ? "" : "gap", List.of(new Cell(r.name(), null, "name", null, null),
                        Cell.of(oracleKind(r)), Cell.of(oracle(r))));
            }
        }
        return t;
    }

    ReportTable optimizerTable() {
        ReportTable t = new ReportTable("optimizers", List.of("optim", "hyperparameter", "configs", "given", "e2e",
                "errors", "worst abs", "worst rel", "status"));
        for (OptimizerCoverage.Row r : optimRows) {
            t.add(r.status().equals("complete") ? "" : r.status().contains("differs") ? "fail" : "gap", List.of(
                    Cell.of(r.optimizer()), new Cell(r.hyperparameter(), null, "name", null, null),
                    Cell.number(String.valueOf(r.configs()), r.configs()), Cell.of(r.givenGradients()),
                    Cell.of(r.endToEnd()), Cell.of(r.errors()), Cell.number(sci(r.worstAbs()), r.worstAbs()),
                    Cell.number(sci(r.worstRel()), r.worstRel()), Cell.of(r.status())));
        }
        return t;
    }

    static final String OPTIMIZER_LEGEND = "given = 20 steps with seeded gradients (one parameter without grad on "
            + "some steps), e2e = 10 steps of autograd + optimizer; errors: ✓ an invalid value is rejected with "
            + "torch.optim's message, – torch.optim validates nothing for it";

    ReportTable moduleTable() {
        ReportTable t = new ReportTable("modules", List.of("module", "train", "eval", "operators its forward runs",
                "status"));
        for (ModuleCoverage.Row r : moduleRows) {
            t.add(r.status().startsWith("complete") ? "" : r.train().equals("✗") || r.eval().equals("✗") ? "fail"
                    : "gap", List.of(new Cell(r.module(), null, "name", null, null), Cell.of(r.train()),
                    Cell.of(r.eval()), Cell.of(r.operators()), Cell.of(r.status())));
        }
        return t;
    }

    static final String MODULE_LEGEND = "train/eval: ✓ n = n recorded PyTorch scenario steps pass in that mode "
            + "(running statistics, train/eval switching, end-to-end training, module constructions); ✗ = a step "
            + "failed; – = the module behaves the same in both modes; · = no scenario runs it in that mode";

    // ------------------------------------------------------------------ text

    String text() {
        StringBuilder sb = new StringBuilder(verdict()).append('\n').append(summary()).append('\n');
        List<String> failures = failures();
        if (!failures.isEmpty()) {
            sb.append("\nFailing cases (").append(failures.size()).append("):\n");
            failures.forEach(f -> sb.append("  ").append(f.replace("\n", "; ")).append('\n'));
        }
        sb.append('\n').append(operatorTable().text()).append('\n');
        legend().forEach(l -> sb.append(l).append('\n'));
        sb.append("\nExclusions (a kind of evidence that cannot apply, or is not tested, with the reason; "
                + "identical reasons in one row):\n");
        for (ExclusionGroup g : exclusionGroups) { // one line each: a table would pad every reason to the longest
            sb.append("  ").append(g.kind().label()).append(' ').append(g.untested()
                    ? OperatorCoverage.Cell.UNTESTED.symbol() : OperatorCoverage.Cell.EXCLUDED.symbol()).append(' ')
                    .append(g.reason()).append(" (").append(g.operators().size()).append(": ")
                    .append(String.join(", ", g.operators())).append(")\n");
        }
        sb.append("\nOracles (").append(ORACLE_LEGEND).append("):\n");
        oracleTable().text().lines().skip(1).forEach(l -> sb.append("  ").append(l).append('\n'));
        sb.append("\nNot operators (public API that computes nothing to compare):\n");
        OperatorUniverse.NOT_OPERATORS.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        sb.append("\nAliases (credited to the operator they spell):\n");
        OperatorUniverse.ALIASES.forEach((k, v) -> sb.append("  ").append(k).append(" -> ").append(v).append('\n'));
        sb.append("\nTolerances (per operator, in ulps, derived from measurement):\n");
        derivedTolerances().forEach(l -> sb.append("  ").append(l).append('\n'));
        List<String> loose = looserTolerances();
        if (!loose.isEmpty()) {
            sb.append("\nDocumented deviations (a looser tolerance, or part of a comparison skipped, "
                    + "with the reason; identical reasons in one line):\n");
            loose.forEach(l -> sb.append("  ").append(l).append('\n'));
        }
        if (!kernelDependent.isEmpty()) {
            sb.append("\n").append(KERNEL_DEPENDENT).append(":\n");
            kernelDependent.forEach(l -> sb.append("  ").append(l).append('\n'));
        }
        sb.append("\nOptimizers (hyperparameters read from nano's builders):\n").append(optimizerTable().text())
                .append(OPTIMIZER_LEGEND).append('\n');
        sb.append("\nnn modules (read from nano's dev.nano.nn) x mode:\n").append(moduleTable().text())
                .append(MODULE_LEGEND).append('\n');
        sections.forEach(section -> sb.append(section.text()));
        return sb.toString();
    }

    // ------------------------------------------------------------------ markdown

    String markdown() {
        StringBuilder sb = new StringBuilder("# nano ↔ PyTorch: coverage and parity\n\n");
        sb.append("**").append(verdict()).append("**\n\n").append(summary()).append("\n\n");
        List<String> failures = failures();
        if (!failures.isEmpty()) {
            sb.append("## Failing cases (").append(failures.size()).append(")\n\n");
            failures.forEach(f -> sb.append("- ").append(f.replace("\n", "; ")).append('\n'));
            sb.append('\n');
        }
        sb.append("## Operators\n\n").append(operatorTable().markdown()).append('\n');
        legend().forEach(l -> sb.append("- ").append(l.replace("·  ", "`·`  ")).append('\n'));
        sb.append("\n## Exclusions\n\n").append(exclusionTable().markdown());
        sb.append("\n## Oracles\n\n").append(ORACLE_LEGEND).append(".\n\n").append(oracleTable().markdown());
        sb.append("\n## Not operators\n\n");
        OperatorUniverse.NOT_OPERATORS.forEach((k, v) -> sb.append("- `").append(k).append("`: ").append(v)
                .append('\n'));
        sb.append("\n## Aliases\n\n");
        OperatorUniverse.ALIASES.forEach((k, v) -> sb.append("- `").append(k).append("` → `").append(v)
                .append("`\n"));
        sb.append("\n## Optimizers\n\n").append(optimizerTable().markdown()).append('\n').append(OPTIMIZER_LEGEND)
                .append("\n\n## nn modules × mode\n\n").append(moduleTable().markdown()).append('\n')
                .append(MODULE_LEGEND).append('\n');
        sb.append("\n## Tolerances (per operator, in ulps, derived from measurement)\n\n");
        derivedTolerances().forEach(l -> sb.append("- ").append(l).append('\n'));
        List<String> loose = looserTolerances();
        if (!loose.isEmpty()) {
            sb.append("\n## Documented deviations (looser tolerance or skipped comparison)\n\n");
            loose.forEach(l -> sb.append("- ").append(l).append('\n'));
        }
        if (!kernelDependent.isEmpty()) {
            sb.append("\n## ").append(KERNEL_DEPENDENT).append("\n\n");
            kernelDependent.forEach(l -> sb.append("- ").append(l).append('\n'));
        }
        if (!pictures.isEmpty()) {
            sb.append("\n## Pictures\n\n");
            pictures.forEach(p -> sb.append("### ").append(p.title()).append("\n\n![").append(p.title()).append("](")
                    .append(p.file()).append(")\n\n").append(p.caption()).append("\n\n"));
        }
        sections.forEach(section -> sb.append(section.markdown()));
        return sb.toString();
    }

    // ------------------------------------------------------------------ json

    String json() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("verdict", verdict());
        root.put("summary", summary());
        ArrayNode legend = root.putArray("legend");
        legend().forEach(legend::add);
        ArrayNode ops = root.putArray("operators");
        for (OperatorCoverage r : rows) {
            ObjectNode o = ops.addObject();
            o.put("operator", r.name());
            o.put("status", r.status());
            o.put("complete", r.complete());
            ObjectNode cells = o.putObject("evidence");
            for (Kind k : Kind.values()) {
                cells.put(k.label(), r.cells().get(k).name().toLowerCase(Locale.ROOT));
            }
            o.put("cases", r.cases());
            o.put("failed", r.failed());
            o.put("oracle", oracle(r));
            o.put("mutantsKilled", r.mutation());
            worstJson(o.putObject("worstAbs"), r.worst());
            worstJson(o.putObject("worstRel"), r.worstRel());
            worstJson(o.putObject("closestToTolerance"), r.tightest());
            ObjectNode columns = o.putObject("columns");
            COLUMNS.forEach(c -> columns.put(c.header(), c.cell().apply(r).text()));
            ObjectNode excl = o.putObject("exclusions");
            if (r.op() != null) {
                o.put("tolerance", r.op().tolerance().describe()).put("toleranceDerived", r.op().toleranceDerived())
                        .put("toleranceReason", r.op().tolerance().reason());
                r.op().exclusions().forEach((k, v) -> excl.put(k.label(), v));
                ArrayNode loose = o.putArray("looserTolerances");
                for (Sample s : r.op().samples()) {
                    if (s.tolerance() != null) {
                        loose.addObject().put("case", s.id()).put("rtol", s.tolerance().rtol())
                                .put("atol", s.tolerance().atol()).put("reason", s.tolerance().reason());
                    }
                }
            }
            ArrayNode failures = o.putArray("failures");
            r.failures().forEach(failures::add);
        }
        ArrayNode optim = root.putArray("optimizers");
        for (OptimizerCoverage.Row r : optimRows) {
            optim.addObject().put("optimizer", r.optimizer()).put("hyperparameter", r.hyperparameter())
                    .put("configs", r.configs()).put("givenGradients", r.givenGradients()).put("endToEnd", r.endToEnd())
                    .put("errors", r.errors()).put("worstAbs", r.worstAbs()).put("worstRel", r.worstRel())
                    .put("status", r.status());
        }
        ArrayNode modules = root.putArray("modules");
        for (ModuleCoverage.Row r : moduleRows) {
            modules.addObject().put("module", r.module()).put("train", r.train()).put("eval", r.eval())
                    .put("operators", r.operators()).put("steps", r.steps()).put("status", r.status());
        }
        ArrayNode failing = root.putArray("failures");
        failures().forEach(failing::add);
        ArrayNode kernels = root.putArray("kernelDependent");
        kernelDependent.forEach(kernels::add);
        ObjectNode notOps = root.putObject("notOperators");
        OperatorUniverse.NOT_OPERATORS.forEach(notOps::put);
        ObjectNode aliases = root.putObject("aliases");
        OperatorUniverse.ALIASES.forEach(aliases::put);
        ArrayNode pics = root.putArray("pictures");
        pictures.forEach(p -> pics.addObject().put("title", p.title()).put("file", p.file()));
        sections.forEach(section -> section.json(root));
        try {
            return Json.WRITER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON has no infinity: a non-finite mismatch is written as null with its words beside it. */
    private static void worstJson(ObjectNode o, OperatorCoverage.Worst w) {
        if (Double.isFinite(w.value())) {
            o.put("value", w.value());
        } else {
            o.putNull("value");
        }
        o.put("case", w.caseId()).put("at", w.at());
        if (w.nonFinite() != null) {
            o.put("nonFinite", w.nonFinite());
        }
        if (Double.isFinite(w.expected())) {
            o.put("expected", w.expected());
        }
    }

    // ------------------------------------------------------------------ html

    /**
     * The page. The sections the shared tables do not show (the end-to-end runs') go before the
     * exclusions. Opened with {@code ?selftest}, the page sorts every table by every column both
     * ways and writes the verdict into {@code #selftest} (scripts/report-screenshot reads it).
     */
    String html() {
        StringBuilder extraSections = new StringBuilder();
        sections.forEach(section -> extraSections.append(section.html()));
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>nano ↔ PyTorch coverage</title>")
                .append("<style>").append(CSS).append("</style></head><body>")
                .append("<h1>nano ↔ PyTorch: coverage and parity</h1><p class=\"verdict ")
                .append(failures().isEmpty() && everythingComplete() ? "pass" : "fail").append("\">")
                .append(esc(verdict())).append("</p><p class=\"summary\">").append(esc(summary()))
                .append("</p><pre id=\"selftest\" hidden></pre>");
        List<String> failures = failures();
        if (!failures.isEmpty()) {
            ReportTable ft = new ReportTable("failures", List.of("failing case", "what differs"));
            failures.forEach(f -> {
                int split = f.indexOf("]: ");
                ft.add("fail", split < 0 ? List.of(Cell.of(f), Cell.of(""))
                        : List.of(new Cell(f.substring(0, split + 1), null, "name", null, null),
                        Cell.of(f.substring(split + 3))));
            });
            sb.append("<h2>Failing cases (").append(failures.size()).append(")</h2>").append(ft.html());
        }
        sb.append("<h2>Operators</h2><div class=\"legend\"><b>Legend</b><ul>");
        legend().forEach(l -> sb.append("<li>").append(esc(l)).append("</li>"));
        sb.append("<li>Click any column header of any table to sort by it; click again to reverse.</li></ul></div>")
                .append(operatorTable().html());
        if (!pictures.isEmpty()) {
            sb.append("<h2>Pictures</h2>");
            for (Picture p : pictures) {
                sb.append("<figure><figcaption><b>").append(esc(p.title())).append("</b> — ").append(esc(p.caption()))
                        .append(" (also <a href=\"").append(esc(p.file())).append("\">").append(esc(p.file()))
                        .append("</a>)</figcaption><img alt=\"").append(esc(p.title()))
                        .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(p.png()))
                        .append("\"></figure>");
            }
        }
        sb.append("<h2>Optimizers</h2><p>").append(esc(OPTIMIZER_LEGEND)).append("</p>").append(optimizerTable().html())
                .append("<h2>nn modules × mode</h2><p>").append(esc(MODULE_LEGEND)).append("</p>")
                .append(moduleTable().html()).append(extraSections)
                .append("<h2>Exclusions</h2><p>A – or ○ cell links here: the kind of evidence cannot apply to "
                        + "the operator (–), or applies but is not tested here (○), for the reason given; the operators "
                        + "that share a reason share a row.</p>").append(exclusionTable().html())
                .append("<h2>Oracles</h2><p>").append(esc(ORACLE_LEGEND)).append(".</p>")
                .append(oracleTable().html());
        sb.append("<h2>Not operators</h2><ul>");
        OperatorUniverse.NOT_OPERATORS.forEach((k, v) -> sb.append("<li><code>").append(esc(k)).append("</code>: ")
                .append(esc(v)).append("</li>"));
        sb.append("</ul><h2>Aliases</h2><ul>");
        OperatorUniverse.ALIASES.forEach((k, v) -> sb.append("<li><code>").append(esc(k)).append("</code> → <code>")
                .append(esc(v)).append("</code></li>"));
        sb.append("</ul>");
        sb.append("<h2>Tolerances (per operator, in ulps, derived from measurement)</h2><ul>");
        derivedTolerances().forEach(l -> sb.append("<li>").append(esc(l)).append("</li>"));
        sb.append("</ul>");
        List<String> loose = looserTolerances();
        if (!loose.isEmpty()) {
            sb.append("<h2>Documented deviations (looser tolerance or skipped comparison)</h2><ul>");
            loose.forEach(l -> sb.append("<li>").append(esc(l)).append("</li>"));
            sb.append("</ul>");
        }
        if (!kernelDependent.isEmpty()) {
            sb.append("<h2>").append(esc(KERNEL_DEPENDENT)).append("</h2><ul>");
            kernelDependent.forEach(l -> sb.append("<li>").append(esc(l)).append("</li>"));
            sb.append("</ul>");
        }
        return sb.append("<script>").append(SCRIPT).append("</script></body></html>\n").toString();
    }

    /** The page's style sheet, {@code report.css} beside this class (one rule per line there, joined here). */
    private static final String CSS = resource("report.css").replace("\n", "");

    /**
     * The page's script, {@code report.js} beside this class: sorts any {@code table.sortable} by the
     * clicked header, numbers (a cell's {@code data-v}, else its text if numeric) before text,
     * ascending first. The self-test sorts every column of every table both ways and checks the order.
     */
    static final String SCRIPT = resource("report.js");

    private static String resource(String name) {
        try (InputStream in = ReportWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/nano/oracle/report/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ formatting

    private static String esc(String s) {
        return ReportTable.esc(s);
    }

    static String abbreviation(Kind k) {
        return switch (k) {
            case FORWARD -> "fwd";
            case BACKWARD -> "bwd";
            case GRADCHECK -> "fd";
            case BROADCAST -> "bc";
            case SCALAR -> "sc";
            case ZERO_DIM -> "0d";
            case EMPTY -> "emp";
            case EDGE -> "edge";
            case NONDIFF -> "kink";
            case DIMS -> "dims";
            case ERROR -> "err";
        };
    }

    /** Marks a worst error that comes from a case with its own documented tolerance. */
    static final String OWN_TOLERANCE = "‡";

    /**
     * A worst error: its value, or for a NaN/inf mismatch the words ({@code NaN≠finite}), never a tiny
     * number; marked {@link #OWN_TOLERANCE} when its case documents its own tolerance, whose reason the
     * hover hint gives.
     */
    private static Cell worstCell(OperatorCoverage.Worst w) {
        String where = w.caseId().isEmpty() ? null : "in case " + w.caseId() + (w.at().isEmpty() ? "" : ", " + w.at());
        boolean own = w.value() > 0 && w.tolerance().reason() != null;
        if (own) {
            where += "; the case's own tolerance (rtol " + w.tolerance().rtol() + ", atol " + w.tolerance().atol()
                    + "): " + w.tolerance().reason();
        }
        return new Cell((w.nonFinite() != null ? w.nonFinite() : sci(w.value())) + (own ? " " + OWN_TOLERANCE : ""),
                w.value(), null, where, null);
    }

    static String sci(double v) {
        return v == 0 ? "0" : Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1e", v);
    }

    private static String ratio(double r) {
        return Double.isInfinite(r) ? "∞" : sci(r);
    }

    private static String percent(double r) {
        return String.format(Locale.ROOT, "%.2g%%", 100 * r);
    }
}
