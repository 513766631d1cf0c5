package dev.nano.oracle.report;

import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.nn.ScenarioSection;
import dev.nano.oracle.operators.OperatorCoverage;
import dev.nano.oracle.operators.OperatorSection;
import dev.nano.oracle.operators.Outcome;
import dev.nano.oracle.operators.ParityCase;
import dev.nano.oracle.value.Kind;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the report says when nano is wrong: elu's cases are run against their committed PyTorch
 * fixtures, one of them with a deliberately corrupted nano result, and the row, the failure list,
 * the legend, the headline and the exit status are checked in every format.
 */
class FailureReportTest {
    private static final String CASE = "edges";

    /** elu's outcomes, the "edges" case's nano result passed through {@code corrupt}. */
    private static OperatorCoverage elu(UnaryOperator<Result> corrupt) {
        List<ParityCase> cases = ParityCase.all().filter(c -> c.op().name().equals("elu")).toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (ParityCase c : cases) {
            Result nano = c.runNano();
            outcomes.add(c.check(c.sample().id().equals(CASE) ? corrupt.apply(nano) : nano));
        }
        OpInfo op = cases.get(0).op();
        return OperatorCoverage.of("elu", op, outcomes);
    }

    /** A copy of {@code v} with value {@code i} replaced. */
    private static Value with(Value v, int i, double x) {
        double[] values = v.values().clone();
        values[i] = x;
        return new Value(v.shape(), v.dtype(), values);
    }

    /** The first index whose value is finite, so that NaN there is a NaN-vs-finite mismatch. */
    private static int firstFinite(Value v) {
        for (int i = 0; i < v.values().length; i++) {
            if (Double.isFinite(v.values()[i])) {
                return i;
            }
        }
        throw new AssertionError("no finite value");
    }

    private static Result nanInGradient(Result r) {
        List<Value> grads = new ArrayList<>(r.grads());
        grads.set(0, with(grads.get(0), firstFinite(grads.get(0)), Double.NaN));
        return new Result(r.outputs(), r.upstream(), grads, r.error());
    }

    private static Result offByALotInOutput(Result r) {
        List<Value> outputs = new ArrayList<>(r.outputs());
        Value out = outputs.get(0);
        int i = firstFinite(out);
        outputs.set(0, with(out, i, out.values()[i] * (1 + 1e-6) + 1e-6)); // beyond rtol and atol at any size
        return new Result(outputs, r.upstream(), r.grads(), r.error());
    }

    private static OperatorSection operators(OperatorCoverage row) {
        return new OperatorSection(List.of(row), List.of());
    }

    private static ReportWriter writer(OperatorCoverage row) {
        return new ReportWriter(List.of(operators(row)), List.of());
    }

    @Test
    void aGradientOnlyFailureMarksBackwardAndNotForwardOrEdge() {
        OperatorCoverage row = elu(FailureReportTest::nanInGradient);
        assertEquals(OperatorCoverage.Cell.FAIL, row.cells().get(Kind.BACKWARD));
        assertEquals(OperatorCoverage.Cell.PASS, row.cells().get(Kind.FORWARD));
        assertEquals(OperatorCoverage.Cell.PASS, row.cells().get(Kind.EDGE));
        assertEquals(1, row.failed());
        assertEquals(1, row.failures().size());
        assertTrue(row.failures().get(0).startsWith("elu[edges]: grad of input 0: "), row.failures().get(0));
        assertFalse(row.complete());
    }

    @Test
    void aNanWherePyTorchHasANumberIsTheWorstErrorInWords() {
        OperatorCoverage row = elu(FailureReportTest::nanInGradient);
        assertEquals("NaN≠finite", row.worst().nonFinite());
        assertEquals(Double.POSITIVE_INFINITY, row.worstAbs());
        assertEquals(CASE, row.worst().caseId());
        String text = writer(row).text();
        assertTrue(text.lines().anyMatch(l -> l.startsWith("elu ") && l.contains("NaN≠finite")), text);
        assertTrue(text.contains("Worst abs error: NaN≠finite at elu[edges] grad of input 0["), text);
    }

    @Test
    void anOutputFailureMarksForwardAndTheInputPropertiesButNotBackward() {
        OperatorCoverage row = elu(FailureReportTest::offByALotInOutput);
        assertEquals(OperatorCoverage.Cell.FAIL, row.cells().get(Kind.FORWARD));
        assertEquals(OperatorCoverage.Cell.FAIL, row.cells().get(Kind.EDGE));
        assertEquals(OperatorCoverage.Cell.PASS, row.cells().get(Kind.BACKWARD));
        assertTrue(row.failures().get(0).startsWith("elu[edges]: output 0: 1 of "), row.failures().get(0));
        assertTrue(row.tightest().value() > 1, "the failing case used more than its tolerance");
    }

    @Test
    void everyFormatListsTheFailureWithItsMessageAndALegend() {
        ReportWriter w = writer(elu(FailureReportTest::nanInGradient));
        for (String out : List.of(w.text(), w.markdown(), w.json())) {
            assertTrue(out.contains("elu[edges]: grad of input 0: 1 of 15 values differ"), out);
            assertTrue(out.contains(OperatorCoverage.Cell.EXCLUDED.meaning()), "legend missing");
        }
        String html = w.html();
        assertTrue(html.contains("<td class=\"name\">elu[edges]</td><td>grad of input 0: 1 of 15 values differ"), html);
        assertTrue(html.contains(OperatorCoverage.Cell.EXCLUDED.meaning()), "legend missing");
        assertTrue(w.text().contains("Failing cases (1):"));
        assertTrue(w.markdown().contains("## Failing cases (1)"));
        assertTrue(w.html().contains("<h2>Failing cases (1)</h2>"));
    }

    @Test
    void theExitStatusIsOneWhenACaseFailsAndZeroWhenEverythingPasses() {
        OperatorCoverage failing = elu(FailureReportTest::nanInGradient);
        OperatorCoverage passing = elu(UnaryOperator.identity());
        assertTrue(passing.complete(), passing.status());
        assertEquals(1, Report.exitStatus(List.of(operators(failing)), List.of()));
        assertEquals(0, Report.exitStatus(List.of(operators(passing)), List.of()));
        ScenarioSection failingStep = new ScenarioSection(Map.of(), List.of(),
                List.of("nn batchnorm-running-stats[step 1]: output 0: 1 of 6 values differ"));
        assertEquals(1, Report.exitStatus(List.of(operators(passing), failingStep), List.of()));
    }

    @Test
    void nothingFailingMeansNoFailingCasesHeadingAnywhere() {
        ReportWriter w = writer(elu(UnaryOperator.identity()));
        for (String out : List.of(w.text(), w.markdown(), w.html())) {
            assertFalse(out.contains("Failing cases"), out);
        }
    }

    @Test
    void consoleColumnsStayAlignedWithALongOperatorName() {
        OperatorCoverage elu = elu(UnaryOperator.identity());
        OperatorCoverage longName = OperatorCoverage.of("binaryCrossEntropyWithLogitsAndAnEvenLongerName", null,
                null);
        String table = new ReportWriter(List.of(new OperatorSection(List.of(elu, longName), List.of())), List.of())
                .operatorTable().text();
        List<String> lines = table.lines().toList();
        int column = lines.get(0).indexOf(" fwd ") + 1;
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(' ', line.charAt(column - 1), line);
            assertTrue("✓✗·–".indexOf(line.charAt(column)) >= 0, "fwd column out of line: " + line);
        }
    }
}
