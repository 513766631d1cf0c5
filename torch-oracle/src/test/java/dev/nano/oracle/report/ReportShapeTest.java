package dev.nano.oracle.report;

import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.operators.OperatorCoverage;
import dev.nano.oracle.operators.OperatorSection;
import dev.nano.oracle.operators.Outcome;
import dev.nano.oracle.operators.ParityCase;
import dev.nano.oracle.value.Kind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's shape: its verdict comes first, then the failures, then the tables; identical reasons
 * share one row with a count; "cannot apply" and "not tested" have different symbols; a worst error
 * from a case with its own tolerance says so, and where PyTorch's value is 0 no relative error is
 * claimed. The rows are nano's real ones for a few operators, run against their committed fixtures.
 */
class ReportShapeTest {

    /** The rows of the named operators, every case run through nano against its fixture. */
    private static List<OperatorCoverage> rows(String... names) {
        List<OperatorCoverage> rows = new ArrayList<>();
        for (String name : names) {
            List<Outcome> outcomes = ParityCase.all().filter(c -> c.op().name().equals(name)).map(ParityCase::check)
                    .toList();
            rows.add(OperatorCoverage.of(name, Catalogue.byName(name), outcomes));
        }
        return rows;
    }

    private static ReportWriter writer(String... names) {
        return new ReportWriter(List.of(new OperatorSection(rows(names), List.of())), List.of());
    }

    @Test
    void theVerdictComesFirstInEveryFormat() {
        ReportWriter w = writer("abs", "sin");
        String verdict = "Verdict: PASS. Every case agrees with PyTorch and no evidence is missing (exit status 0).";
        assertEquals(verdict, w.verdict());
        assertEquals(verdict, w.text().lines().findFirst().orElseThrow());
        assertTrue(w.text().lines().skip(1).findFirst().orElseThrow().startsWith("2 operators: 2 complete"),
                w.text().lines().skip(1).findFirst().orElseThrow());
        assertTrue(w.markdown().startsWith("# nano ↔ PyTorch: coverage and parity\n\n**" + verdict + "**\n\n"));
        assertTrue(w.html().indexOf(verdict) < w.html().indexOf("<h2>"), "the verdict precedes every heading");
        assertTrue(w.json().contains("\"verdict\" : \"" + verdict + "\""));
    }

    @Test
    void aFailingVerdictCountsTheFailuresAndTheyPrecedeTheTables() {
        OperatorCoverage missing = OperatorCoverage.of("notInTheCatalogue", null, null);
        ReportWriter w = new ReportWriter(List.of(new OperatorSection(List.of(rows("abs").get(0), missing),
                List.of())), List.of());
        assertEquals("Verdict: FAIL. 1 operator with missing evidence (exit status 1).", w.verdict());
        String text = w.text();
        assertTrue(text.startsWith(w.verdict() + "\n"), text);
        assertTrue(text.indexOf("Exclusions") > text.indexOf("notInTheCatalogue"));
    }

    @Test
    void identicalExclusionReasonsShareOneRowWithACountAndTheCellsLinkToIt() {
        ReportWriter w = writer("abs", "sin", "cos");
        List<ReportWriter.ExclusionGroup> broadcast = w.exclusionGroups().stream()
                .filter(g -> g.kind() == Kind.BROADCAST).toList();
        assertEquals(1, broadcast.size(), broadcast.toString());
        assertEquals(List.of("abs", "sin", "cos"), broadcast.get(0).operators());
        String html = w.html();
        String id = broadcast.get(0).id();
        assertEquals(3, html.split("href=\"#" + id + "\"", -1).length - 1, "each operator's broadcast cell links to it");
        assertTrue(html.contains("<tr id=\"" + id + "\">"), html);
        assertTrue(w.text().contains("  broadcast – " + broadcast.get(0).reason() + " (3: abs, sin, cos)\n"), w.text());
    }

    @Test
    void notTestedIsNotCannotApply() {
        OperatorCoverage abs = rows("abs").get(0);
        assertEquals(OperatorCoverage.Cell.UNTESTED, abs.cells().get(Kind.ERROR),
                "abs's error for a bool input exists in PyTorch; this harness does not test it");
        assertEquals(OperatorCoverage.Cell.EXCLUDED, abs.cells().get(Kind.BROADCAST), "one input: cannot apply");
        assertFalse(OperatorCoverage.Cell.UNTESTED.symbol().equals(OperatorCoverage.Cell.EXCLUDED.symbol()));
        String line = new ReportWriter(List.of(new OperatorSection(List.of(abs), List.of())), List.of())
                .operatorTable().text().lines().filter(l -> l.startsWith("abs ")).findFirst().orElseThrow();
        assertTrue(line.contains("○") && line.contains("–"), line);
    }

    @Test
    void identicalDeviationsCollapseIntoOneLineWithACount() {
        List<String> lines = ReportWriter.collapse(List.of("abs[tiny 1]: rtol 1, atol 0 — stricter",
                "abs[tiny 2]: rtol 1, atol 0 — stricter", "exp[tiny 1]: rtol 1, atol 0 — stricter",
                "sum[cancel]: rtol 0, atol 9 — order"));
        assertEquals(List.of("rtol 1, atol 0 — stricter (3 cases: abs ×2, exp)", "sum[cancel]: rtol 0, atol 9 — order"),
                lines);
    }

    @Test
    void sumsWorstErrorIsOneTruthfulNumberWithItsReason() {
        OperatorCoverage sum = rows("sum").get(0);
        assertEquals("(2,5) heavy cancellation dim=1", sum.worst().caseId(), "the case the issue quotes");
        String sentence = ReportWriter.worstSentence(sum);
        assertTrue(sentence.contains("no relative error there, PyTorch's value being 0"), sentence);
        assertTrue(sentence.contains("the case documents its tolerance: order-dependent"), sentence);
        assertFalse(sentence.contains("relative -"), sentence);
        String line = new ReportWriter(List.of(new OperatorSection(List.of(sum), List.of())), List.of())
                .operatorTable().text().lines().filter(l -> l.startsWith("sum ")).findFirst().orElseThrow();
        assertTrue(line.contains("4.0e+00 " + ReportWriter.OWN_TOLERANCE), line);
    }
}
