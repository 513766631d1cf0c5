package dev.nano.oracle.fuzz;

import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Differential fuzzing of every catalogue operator against live PyTorch: random shapes (rank 0–5,
 * sizes 0–7, broadcast partners), dims, attributes and values (ordinary, ties, ±0, tiny, huge, NaN,
 * ±inf), drawn from the operator's own catalogue samples as templates (see {@link CaseArbitraries}
 * and {@link FuzzPlan}). nano must give PyTorch's values and gradients, or fail where PyTorch fails.
 *
 * <p>A failure is shrunk by jqwik and printed as a ready-to-paste catalogue sample. Inside
 * {@code mvn verify} this is a bounded run with a fixed seed (a few thousand cases, a few seconds);
 * {@code scripts/fuzz --cases N --seed S} runs it longer. It needs live libtorch, so its name ends in
 * DriftTest and the no-libtorch build leaves it out.
 */
class CatalogueFuzzDriftTest {

    // Edge cases off: the value pool draws the edge values itself, and jqwik's edge-case combinations
    // of nested flatMaps would cost more than the cases. After a failure the same seed runs again (not
    // the stored failing sample first), so a run is the same whether or not an earlier one failed.
    @AddLifecycleHook(FuzzSettings.class)
    @Property(tries = 3000, seed = "20261126", shrinking = ShrinkingMode.FULL, edgeCases = EdgeCasesMode.NONE,
            afterFailure = AfterFailureMode.PREVIOUS_SEED)
    void nanoAgreesWithPyTorchOnRandomCases(@ForAll("cases") FuzzCase c) {
        String problem = Differential.check(c);
        if (Survey.enabled()) {
            Survey.record(c, problem);
            return;
        }
        Known.Entry known = Known.match(c, problem);
        assertNull(known == null ? problem : null, () -> c.op().name() + ": " + problem);
    }

    @AfterContainer
    static void writeSurvey() {
        if (Survey.enabled()) {
            Survey.write(Path.of(System.getProperty("fuzz.report", "target/fuzz/survey.txt")));
            System.out.println(Survey.summary());
        }
    }

    @Provide
    Arbitrary<FuzzCase> cases() {
        return CaseArbitraries.cases();
    }
}
