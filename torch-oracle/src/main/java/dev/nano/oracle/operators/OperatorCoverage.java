package dev.nano.oracle.operators;

import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.compare.Compare;
import dev.nano.oracle.mutation.MutationSummary;
import dev.nano.oracle.value.Kind;
import dev.nano.oracle.value.Tolerance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the report: for each kind of evidence, whether this operator has it (and it passed),
 * has it but a case failed, lacks it, or has a written exclusion; plus counts, the worst error
 * (with the case, the expected value and the tolerance that put it in context), per compared
 * case how much of its tolerance the worst element used (the margin picture), and the operator's
 * mutation score (from the committed summary of {@code scripts/mutation-score}).
 */
public record OperatorCoverage(String name, OpInfo op, Map<Kind, Cell> cells, int cases, int failed,
                               Worst worst, Worst worstRel, Worst tightest, List<String> failures,
                               List<Double> toleranceUsed, String mutation) {

    /** The committed mutation-score summary, read once. */
    private static final MutationSummary MUTATION = MutationSummary.committed();

    /** The state of one kind of evidence. */
    public enum Cell {
        /** Evidence present and every case of it passed. */
        PASS("✓", "evidence present and every case of it passed"),
        /** A case giving this evidence failed in the part it proves. */
        FAIL("✗", "a case giving this evidence failed in the part it proves"),
        /** No case gives this evidence and no reason says why. */
        MISSING("·", "no case gives this evidence and no reason says why"),
        /** Cannot apply to this operator; the reason is written under Exclusions. */
        EXCLUDED("–", "cannot apply to this operator; the reason is written under Exclusions"),
        /** Would apply but is not tested here; the reason is written under Exclusions. */
        UNTESTED("○", "applies to this operator but is not tested here; the reason is written under Exclusions");

        private final String symbol;
        private final String meaning;

        Cell(String symbol, String meaning) {
            this.symbol = symbol;
            this.meaning = meaning;
        }

        /**
         * The table symbol.
         * @return the symbol
         */
        public String symbol() {
            return symbol;
        }

        /**
         * What the symbol means, for the legend of every format.
         * @return the meaning
         */
        public String meaning() {
            return meaning;
        }
    }

    /**
     * The largest error of a row and where it occurred. {@code nonFinite} is set when it is a NaN/inf
     * mismatch ({@code NaN≠finite}): then {@code value} is infinite and no magnitude applies.
     */
    public record Worst(double value, String caseId, String at, double expected, Tolerance tolerance,
                        String nonFinite) {
        static final Worst NONE = new Worst(0, "", "", Double.NaN, Tolerance.DEFAULT, null);
    }

    /**
     * Builds a row. With {@code outcomes == null} only the presence of cases is judged (every case
     * counts as passing): that is what the build gate checks, the parity tests judge the values.
     * @param name the operator's name
     * @param op its catalogue entry
     * @param outcomes the cases' results, or null to judge presence only
     * @return the row
     */
    public static OperatorCoverage of(String name, OpInfo op, List<Outcome> outcomes) {
        Map<Kind, Cell> cells = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            cells.put(k, Cell.MISSING);
        }
        if (op == null) {
            return new OperatorCoverage(name, null, cells, 0, 0, Worst.NONE, Worst.NONE, Worst.NONE, List.of(),
                    List.of(), MUTATION.cell(name));
        }
        int failed = 0;
        Worst worst = Worst.NONE;
        Worst worstRel = Worst.NONE;
        Worst tightest = Worst.NONE; // the case that used most of its tolerance
        List<String> failures = new ArrayList<>();
        List<Double> toleranceUsed = new ArrayList<>();
        List<Outcome> list = outcomes != null ? outcomes : op.samples().stream().map(Outcome::passing).toList();
        for (Outcome o : list) {
            if (!o.passed()) {
                failed++;
                failures.add(name + "[" + o.sample().id() + "]: " + o.problem());
            }
            Compare.Diff d = o.diff();
            if (d != null && !o.sample().isError()) {
                Tolerance tol = op.toleranceFor(o.sample());
                if (d.maxAbs() > worst.value() || d.nonFinite() != null && worst.nonFinite() == null) {
                    worst = new Worst(d.maxAbs(), o.sample().id(), d.worstAt(), d.worstExpected(), tol, d.nonFinite());
                }
                if (d.maxRel() > worstRel.value() || d.nonFinite() != null && worstRel.nonFinite() == null) {
                    worstRel = new Worst(d.maxRel(), o.sample().id(), d.worstRelAt(), Double.NaN, tol, d.nonFinite());
                }
                if (d.maxRatio() > tightest.value()) {
                    tightest = new Worst(d.maxRatio(), o.sample().id(), "", Double.NaN, tol, d.nonFinite());
                }
                toleranceUsed.add(d.maxRatio());
            }
            for (Kind k : Evidence.of(op, o.sample())) {
                if (!o.proves(k)) {
                    cells.put(k, Cell.FAIL);
                } else if (cells.get(k) == Cell.MISSING) {
                    cells.put(k, Cell.PASS);
                }
            }
        }
        for (Map.Entry<Kind, String> e : op.exclusions().entrySet()) {
            if (cells.get(e.getKey()) == Cell.MISSING && e.getKey() != Kind.FORWARD) {
                cells.put(e.getKey(), op.untested().contains(e.getKey()) ? Cell.UNTESTED : Cell.EXCLUDED);
            }
        }
        return new OperatorCoverage(name, op, cells, list.size(), failed, worst, worstRel, tightest,
                List.copyOf(failures), List.copyOf(toleranceUsed), MUTATION.cell(name));
    }

    /**
     * The largest absolute error (infinite for a NaN/inf mismatch).
     * @return the error
     */
    public double worstAbs() {
        return worst.value();
    }

    /**
     * The kinds this operator lacks without a written exclusion (forward can never be excused).
     * @return the missing kinds
     */
    public List<Kind> missing() {
        List<Kind> missing = new ArrayList<>();
        for (Map.Entry<Kind, Cell> e : cells.entrySet()) {
            if (e.getValue() == Cell.MISSING) {
                missing.add(e.getKey());
            }
        }
        return missing;
    }

    /**
     * Every kind of evidence present or excused, and nothing failed.
     * @return true if complete
     */
    public boolean complete() {
        return op != null && failed == 0 && missing().isEmpty() && !cells.containsValue(Cell.FAIL);
    }

    /**
     * "complete", or what is wrong, in words.
     * @return the status
     */
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
