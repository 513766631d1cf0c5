package dev.nano.oracle.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nano.oracle.cases.Kind;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.mutation.MutationSummary;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the coverage rows as a terminal table, Markdown, JSON and a self-contained HTML page. */
final class ReportWriter {
    private final List<OperatorCoverage> rows;
    private final List<OptimizerCoverage.Row> optimRows;
    private final List<ModuleCoverage.Row> moduleRows;
    private final List<String> scenarioDeviations;
    private final List<String> kernelDependent;

    /** What the kernel-dependent list means, in every format. */
    static final String KERNEL_DEPENDENT = "Kernel-dependent cases (PyTorch's own answer depends on libtorch's CPU "
            + "dispatch; each dispatch's answer was recorded under that dispatch, the drift tests accept exactly it, "
            + "nano must equal one of them)";

    ReportWriter(List<OperatorCoverage> rows, List<OptimizerCoverage.Row> optimRows,
                 List<ModuleCoverage.Row> moduleRows, List<String> scenarioDeviations, List<String> kernelDependent) {
        this.rows = rows;
        this.optimRows = optimRows;
        this.moduleRows = moduleRows;
        this.scenarioDeviations = scenarioDeviations;
        this.kernelDependent = kernelDependent;
    }

    // ------------------------------------------------------------------ text

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-12s", "operator"));
        for (Kind k : Kind.values()) {
            sb.append(String.format(Locale.ROOT, " %-4s", abbreviation(k)));
        }
        sb.append(String.format(Locale.ROOT, " %6s %10s %10s %12s  %s%n", "cases", "worst abs", "worst rel", "mutants",
                "status"));
        for (OperatorCoverage r : rows) {
            sb.append(String.format(Locale.ROOT, "%-12s", r.name()));
            for (Kind k : Kind.values()) {
                sb.append(String.format(Locale.ROOT, " %-4s", r.cells().get(k).symbol()));
            }
            sb.append(String.format(Locale.ROOT, " %6d %10s %10s %12s  %s%n", r.cases(), sci(r.worstAbs()),
                    sci(r.worstRel()), r.mutation(), r.status()));
        }
        sb.append("\nColumns: ");
        for (Kind k : Kind.values()) {
            sb.append(abbreviation(k)).append(" = ").append(k.label()).append(k.ordinal() < Kind.values().length - 1
                    ? ", " : "\n");
        }
        sb.append("Cells: ✓ evidence passed, ✗ a case failed, · missing, – excluded (reasons below)\n");
        sb.append("\nExclusions (a kind of evidence that cannot apply):\n");
        for (OperatorCoverage r : rows) {
            if (r.op() == null) {
                continue;
            }
            for (Map.Entry<Kind, String> e : r.op().exclusions().entrySet()) {
                sb.append("  ").append(r.name()).append(" / ").append(e.getKey().label()).append(": ")
                        .append(e.getValue()).append('\n');
            }
        }
        sb.append("\nNot operators (public API that computes nothing to compare):\n");
        OperatorUniverse.NOT_OPERATORS.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        sb.append("\nAliases (credited to the operator they spell):\n");
        OperatorUniverse.ALIASES.forEach((k, v) -> sb.append("  ").append(k).append(" -> ").append(v).append('\n'));
        List<String> loose = looserTolerances();
        if (!loose.isEmpty()) {
            sb.append("\nDocumented deviations (a looser tolerance, or part of a comparison skipped, with the reason):\n");
            loose.forEach(l -> sb.append("  ").append(l).append('\n'));
        }
        if (!kernelDependent.isEmpty()) {
            sb.append("\n").append(KERNEL_DEPENDENT).append(":\n");
            kernelDependent.forEach(l -> sb.append("  ").append(l).append('\n'));
        }
        List<String> failures = failures();
        if (!failures.isEmpty()) {
            sb.append("\nFailing cases:\n");
            failures.forEach(f -> sb.append("  ").append(f).append('\n'));
        }
        sb.append("\nOptimizers (hyperparameters read from nano's builders):\n").append(OptimizerCoverage.text(optimRows));
        sb.append("\nnn modules (read from nano's dev.nano.nn) x mode:\n").append(ModuleCoverage.text(moduleRows));
        sb.append('\n').append(summary()).append('\n');
        return sb.toString();
    }

    String summary() {
        long complete = rows.stream().filter(OperatorCoverage::complete).count();
        int cases = rows.stream().mapToInt(OperatorCoverage::cases).sum();
        OperatorCoverage worst = rows.stream().max((a, b) -> Double.compare(a.worstAbs(), b.worstAbs())).orElse(null);
        OperatorCoverage worstRel = rows.stream().max((a, b) -> Double.compare(a.worstRel(), b.worstRel())).orElse(null);
        long optimComplete = optimRows.stream().filter(r -> r.status().equals("complete")).count();
        long modulesComplete = moduleRows.stream().filter(r -> r.status().startsWith("complete")).count();
        return String.format(Locale.ROOT, "%d operators: %d complete, %d with gaps, %d not operators (excluded); "
                        + "%d optimizer hyperparameters: %d complete; %d nn modules: %d complete; "
                        + "%d cases; worst abs error %s (%s), worst rel error %s (%s)",
                rows.size(), complete, rows.size() - complete, OperatorUniverse.NOT_OPERATORS.size(),
                optimRows.size(), optimComplete, moduleRows.size(), modulesComplete, cases,
                sci(worst == null ? 0 : worst.worstAbs()), where(worst, worst == null ? "" : worst.worstCase()),
                sci(worstRel == null ? 0 : worstRel.worstRel()), where(worstRel, worstRel == null ? "" : worstRel.worstRelCase()))
                + "; mutation score " + MutationSummary.committed().overall();
    }

    private static String where(OperatorCoverage row, String caseId) {
        return row == null || caseId.isEmpty() ? "-" : row.name() + "[" + caseId + "]";
    }

    /** Catalogue cases and nn scenario steps that are compared other than by default, with why. */
    private List<String> looserTolerances() {
        List<String> all = new java.util.ArrayList<>(rows.stream().filter(r -> r.op() != null)
                .flatMap(r -> r.op().samples().stream()
                .filter(s -> s.tolerance() != null)
                .map(s -> r.name() + "[" + s.id() + "]: rtol " + s.tolerance().rtol() + ", atol "
                        + s.tolerance().atol() + " — " + s.tolerance().reason())).toList());
        all.addAll(scenarioDeviations);
        return all;
    }

    private List<String> failures() {
        return rows.stream().flatMap(r -> r.failures().stream().map(f -> r.name() + "[" + f)).toList();
    }

    // ------------------------------------------------------------------ markdown

    String markdown() {
        StringBuilder sb = new StringBuilder("# nano ↔ PyTorch: coverage and parity\n\n");
        sb.append(summary()).append("\n\n| operator |");
        for (Kind k : Kind.values()) {
            sb.append(' ').append(k.label()).append(" |");
        }
        sb.append(" cases | worst abs | worst rel | mutants killed | status |\n|---|");
        sb.append("---|".repeat(Kind.values().length + 5)).append('\n');
        for (OperatorCoverage r : rows) {
            sb.append("| `").append(r.name()).append("` |");
            for (Kind k : Kind.values()) {
                sb.append(' ').append(r.cells().get(k).symbol()).append(" |");
            }
            sb.append(' ').append(r.cases()).append(" | ").append(sci(r.worstAbs())).append(" | ")
                    .append(sci(r.worstRel())).append(" | ").append(r.mutation()).append(" | ").append(r.status())
                    .append(" |\n");
        }
        sb.append("\n✓ evidence passed · ✗ a case failed · `·` missing · – excluded\n\n## Exclusions\n\n");
        for (OperatorCoverage r : rows) {
            if (r.op() != null) {
                r.op().exclusions().forEach((k, v) -> sb.append("- `").append(r.name()).append("` / ")
                        .append(k.label()).append(": ").append(v).append('\n'));
            }
        }
        sb.append("\n## Not operators\n\n");
        OperatorUniverse.NOT_OPERATORS.forEach((k, v) -> sb.append("- `").append(k).append("`: ").append(v).append('\n'));
        sb.append("\n## Aliases\n\n");
        OperatorUniverse.ALIASES.forEach((k, v) -> sb.append("- `").append(k).append("` → `").append(v).append("`\n"));
        sb.append("\n## Optimizers\n\n| optimizer | hyperparameter | configs | given gradients | end to end | errors "
                + "| worst abs | worst rel | status |\n|---|---|---|---|---|---|---|---|---|\n");
        for (OptimizerCoverage.Row r : optimRows) {
            sb.append("| ").append(r.optimizer()).append(" | `").append(r.hyperparameter()).append("` | ")
                    .append(r.configs()).append(" | ").append(r.givenGradients()).append(" | ").append(r.endToEnd())
                    .append(" | ").append(r.errors()).append(" | ").append(sci(r.worstAbs())).append(" | ")
                    .append(sci(r.worstRel())).append(" | ").append(r.status()).append(" |\n");
        }
        sb.append("\n## nn modules × mode\n\n| module | train | eval | operators its forward runs | status |\n"
                + "|---|---|---|---|---|\n");
        for (ModuleCoverage.Row r : moduleRows) {
            sb.append("| `").append(r.module()).append("` | ").append(r.train()).append(" | ").append(r.eval())
                    .append(" | ").append(r.operators()).append(" | ").append(r.status()).append(" |\n");
        }
        List<String> loose = looserTolerances();
        if (!loose.isEmpty()) {
            sb.append("\n## Documented deviations (looser tolerance or skipped comparison)\n\n");
            loose.forEach(l -> sb.append("- ").append(l).append('\n'));
        }
        if (!kernelDependent.isEmpty()) {
            sb.append("\n## ").append(KERNEL_DEPENDENT).append("\n\n");
            kernelDependent.forEach(l -> sb.append("- ").append(l).append('\n'));
        }
        List<String> failures = failures();
        if (!failures.isEmpty()) {
            sb.append("\n## Failing cases\n\n");
            failures.forEach(f -> sb.append("- ").append(f.replace("\n", " ")).append('\n'));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ json

    String json() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("summary", summary());
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
            o.put("worstAbs", r.worstAbs());
            o.put("worstRel", r.worstRel());
            o.put("worstCase", r.worstCase());
            o.put("mutantsKilled", r.mutation());
            ObjectNode excl = o.putObject("exclusions");
            if (r.op() != null) {
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
        ArrayNode kernels = root.putArray("kernelDependent");
        kernelDependent.forEach(kernels::add);
        ObjectNode notOps = root.putObject("notOperators");
        OperatorUniverse.NOT_OPERATORS.forEach(notOps::put);
        ObjectNode aliases = root.putObject("aliases");
        OperatorUniverse.ALIASES.forEach(aliases::put);
        try {
            return Json.WRITER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ html

    String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>nano ↔ PyTorch coverage</title><style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("th,td{border:1px solid #ccc;padding:2px 6px;text-align:center}th{cursor:pointer;background:#eee}")
                .append("td.name{text-align:left;font-family:monospace}tr.gap{background:#fff3cd}tr.fail{background:#f8d7da}")
                .append("td.PASS{color:#1a7f37}td.FAIL{color:#cf222e;font-weight:bold}td.MISSING{background:#ffd8a8}")
                .append("td.EXCLUDED{color:#888}</style></head><body>")
                .append("<h1>nano ↔ PyTorch: coverage and parity</h1><p>").append(esc(summary()))
                .append("</p><p>Click a column header to sort.</p><table id=\"t\"><thead><tr><th>operator</th>");
        for (Kind k : Kind.values()) {
            sb.append("<th>").append(esc(k.label())).append("</th>");
        }
        sb.append("<th>cases</th><th>worst abs</th><th>worst rel</th><th>mutants killed</th><th>status</th></tr>"
                + "</thead><tbody>");
        for (OperatorCoverage r : rows) {
            String cls = r.failed() > 0 ? "fail" : r.complete() ? "" : "gap";
            sb.append("<tr class=\"").append(cls).append("\"><td class=\"name\">").append(esc(r.name())).append("</td>");
            for (Kind k : Kind.values()) {
                OperatorCoverage.Cell c = r.cells().get(k);
                String title = c == OperatorCoverage.Cell.EXCLUDED && r.op() != null ? r.op().exclusions().get(k) : c.name();
                sb.append("<td class=\"").append(c.name()).append("\" title=\"").append(esc(title)).append("\">")
                        .append(c.symbol()).append("</td>");
            }
            sb.append("<td>").append(r.cases()).append("</td><td data-v=\"").append(r.worstAbs()).append("\">")
                    .append(sci(r.worstAbs())).append("</td><td data-v=\"").append(r.worstRel()).append("\">")
                    .append(sci(r.worstRel())).append("</td><td>").append(esc(r.mutation())).append("</td><td>")
                    .append(esc(r.status())).append("</td></tr>");
        }
        sb.append("</tbody></table><h2>Optimizers</h2><table><thead><tr><th>optimizer</th><th>hyperparameter</th>"
                + "<th>configs</th><th>given gradients</th><th>end to end</th><th>errors</th><th>worst abs</th>"
                + "<th>worst rel</th><th>status</th></tr></thead><tbody>");
        for (OptimizerCoverage.Row r : optimRows) {
            sb.append("<tr class=\"").append(r.status().equals("complete") ? "" : "gap").append("\"><td>")
                    .append(esc(r.optimizer())).append("</td><td class=\"name\">").append(esc(r.hyperparameter()))
                    .append("</td><td>").append(r.configs()).append("</td><td>").append(r.givenGradients())
                    .append("</td><td>").append(r.endToEnd()).append("</td><td>").append(r.errors()).append("</td><td>")
                    .append(sci(r.worstAbs())).append("</td><td>").append(sci(r.worstRel())).append("</td><td>")
                    .append(esc(r.status())).append("</td></tr>");
        }
        sb.append("</tbody></table><h2>nn modules × mode</h2><table><thead><tr><th>module</th><th>train</th>"
                + "<th>eval</th><th>operators its forward runs</th><th>status</th></tr></thead><tbody>");
        for (ModuleCoverage.Row r : moduleRows) {
            sb.append("<tr class=\"").append(r.status().equals("complete") ? "" : "gap").append("\"><td class=\"name\">")
                    .append(esc(r.module())).append("</td><td>").append(esc(r.train())).append("</td><td>")
                    .append(esc(r.eval())).append("</td><td>").append(esc(r.operators())).append("</td><td>")
                    .append(esc(r.status())).append("</td></tr>");
        }
        sb.append("</tbody></table><h2>Exclusions</h2><ul>");
        for (OperatorCoverage r : rows) {
            if (r.op() != null) {
                r.op().exclusions().forEach((k, v) -> sb.append("<li><code>").append(esc(r.name())).append("</code> / ")
                        .append(esc(k.label())).append(": ").append(esc(v)).append("</li>"));
            }
        }
        sb.append("</ul><h2>Not operators</h2><ul>");
        OperatorUniverse.NOT_OPERATORS.forEach((k, v) -> sb.append("<li><code>").append(esc(k)).append("</code>: ")
                .append(esc(v)).append("</li>"));
        sb.append("</ul><h2>Documented deviations (looser tolerance or skipped comparison)</h2><ul>");
        looserTolerances().forEach(l -> sb.append("<li>").append(esc(l)).append("</li>"));
        sb.append("</ul><h2>").append(esc(KERNEL_DEPENDENT)).append("</h2><ul>");
        kernelDependent.forEach(l -> sb.append("<li>").append(esc(l)).append("</li>"));
        sb.append("</ul><h2>Failing cases</h2><ul>");
        failures().forEach(f -> sb.append("<li>").append(esc(f)).append("</li>"));
        sb.append("</ul><script>")
                .append("document.querySelectorAll('#t th').forEach((th,i)=>th.onclick=()=>{")
                .append("const b=document.querySelector('#t tbody');const rs=[...b.rows];const asc=th.dataset.asc!=='1';")
                .append("th.dataset.asc=asc?'1':'0';const v=r=>{const c=r.cells[i];")
                .append("return c.dataset.v!==undefined?parseFloat(c.dataset.v):isNaN(c.textContent)?c.textContent:parseFloat(c.textContent)};")
                .append("rs.sort((a,b)=>{const x=v(a),y=v(b);return (x>y?1:x<y?-1:0)*(asc?1:-1)});")
                .append("rs.forEach(r=>b.appendChild(r))});</script></body></html>\n");
        return sb.toString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String abbreviation(Kind k) {
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

    private static String sci(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.1e", v);
    }
}
