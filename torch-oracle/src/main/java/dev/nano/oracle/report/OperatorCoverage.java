package dev.nano.oracle.report;

import dev.nano.oracle.cases.Kind;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.mutation.MutationSummary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the report: for each kind of evidence, whether this operator has it (and it passed),
 * has it but a case failed, lacks it, or has a written exclusion; plus counts, the worst error and
 * the operator's mutation score (from the committed summary of {@code scripts/mutation-score}).
 */
public record OperatorCoverage(String name, OpInfo op, Map<Kind, Cell> cells, int cases, int failed,
                               double worstAbs, double worstRel, String worstCase, String worstRelCase,
                               List<String> failures, String mutation) {

    /** The committed mutation-score summary, read once. */
    private static final MutationSummary MUTATION = MutationSummary.committed();

    /** The state of one kind of evidence. */
    public enum Cell {
        PASS("✓"), FAIL("✗"), MISSING("·"), EXCLUDED("–");

        private final String symbol;

        Cell(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** The outcome of one case: did nano match the fixture, and did the finite-difference check pass. */
    public record Outcome(Sample sample, boolean passed, Boolean gradcheckPassed, double maxAbs, double maxRel,
                          String problem) {
    }

    /**
     * Builds a row. With {@code outcomes == null} only the presence of cases is judged (every case
     * counts as passing): that is what the build gate checks, the parity tests judge the values.
     */
    public static OperatorCoverage of(String name, OpInfo op, List<Outcome> outcomes) {
        Map<Kind, Cell> cells = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            cells.put(k, Cell.MISSING);
        }
        if (op == null) {
            return new OperatorCoverage(name, null, cells, 0, 0, 0, 0, "", "", List.of(), MUTATION.cell(name));
        }
        int failed = 0;
        double worstAbs = 0;
        double worstRel = 0;
        String worstCase = "";
        String worstRelCase = "";
        List<String> failures = new ArrayList<>();
        List<Outcome> list = outcomes != null ? outcomes
                : op.samples().stream().map(s -> new Outcome(s, true, true, 0, 0, null)).toList();
        for (Outcome o : list) {
            boolean ok = o.passed();
            if (!ok) {
                failed++;
                failures.add(o.sample().id() + ": " + o.problem());
            }
            if (o.maxAbs() > worstAbs) {
                worstAbs = o.maxAbs();
                worstCase = o.sample().id();
            }
            if (o.maxRel() > worstRel) {
                worstRel = o.maxRel();
                worstRelCase = o.sample().id();
            }
            for (Kind k : Evidence.of(op, o.sample())) {
                boolean kindOk = k == Kind.GRADCHECK ? !Boolean.FALSE.equals(o.gradcheckPassed()) : ok;
                if (!kindOk) {
                    cells.put(k, Cell.FAIL);
                } else if (cells.get(k) == Cell.MISSING) {
                    cells.put(k, Cell.PASS);
                }
            }
        }
        for (Map.Entry<Kind, String> e : op.exclusions().entrySet()) {
            if (cells.get(e.getKey()) == Cell.MISSING && e.getKey() != Kind.FORWARD) {
                cells.put(e.getKey(), Cell.EXCLUDED);
            }
        }
        return new OperatorCoverage(name, op, cells, list.size(), failed, worstAbs, worstRel, worstCase, worstRelCase,
                failures, MUTATION.cell(name));
    }

    /** The kinds this operator lacks without a written exclusion (forward can never be excused). */
    public List<Kind> missing() {
        List<Kind> missing = new ArrayList<>();
        for (Map.Entry<Kind, Cell> e : cells.entrySet()) {
            if (e.getValue() == Cell.MISSING) {
                missing.add(e.getKey());
            }
        }
        return missing;
    }

    public boolean complete() {
        return op != null && failed == 0 && missing().isEmpty() && !cells.containsValue(Cell.FAIL);
    }

    /** "complete", or what is wrong, in words. */
    public String status() {
        if (op == null) {
            return "no catalogue entry";
        }
        List<String> parts = new ArrayList<>();
        if (failed > 0) {
            parts.add(failed + " failing");
        }
        List<Kind> missing = missing();
        if (!missing.isEmpty()) {
            parts.add("missing " + String.join(", ", missing.stream().map(Kind::label).toList()));
        }
        return parts.isEmpty() ? "complete" : String.join("; ", parts);
    }
}
