package dev.nano.oracle.e2e;

import dev.nano.oracle.fixtures.FixtureStore;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CNN run's comparison fails where it should: a nano trace that is libtorch's recording itself
 * passes, one loss moved by twice the tolerance, one parameter moved past it, or one batch swapped
 * each fail with a message naming the step or tensor. (The real nano run against the recording is
 * {@code CnnEndToEndFamily}'s check in NanoParityTest.)
 */
class CnnComparisonTest {

    private static Trace prefixOf(Trace recorded) {
        Trace nano = new Trace();
        nano.losses.addAll(recorded.losses.subList(0, CnnRun.VERIFY_STEPS));
        nano.batches.addAll(recorded.batches.subList(0, CnnRun.VERIFY_STEPS));
        Map<String, double[]> params = new LinkedHashMap<>();
        recorded.checkpoints.get(CnnRun.VERIFY_STEPS).forEach((k, v) -> params.put(k, v.clone()));
        nano.checkpoints.put(CnnRun.VERIFY_STEPS, params);
        return nano;
    }

    @Test
    void theRecordingAgainstItselfPassesAndEveryKindOfDifferenceFails() {
        Trace recorded = CnnFixtures.read(FixtureStore.locate());
        assertNull(CnnEndToEndFamily.compare(recorded, prefixOf(recorded)).problems());

        Trace loss = prefixOf(recorded);
        loss.losses.set(4, loss.losses.get(4) + 2 * CnnTolerance.at(5));
        String problems = CnnEndToEndFamily.compare(recorded, loss).problems();
        assertTrue(problems.contains("step 5: loss"), problems);

        Trace param = prefixOf(recorded);
        double[] w = param.checkpoints.get(CnnRun.VERIFY_STEPS).get("4.weight");
        w[0] += 1e-9;
        problems = CnnEndToEndFamily.compare(recorded, param).problems();
        assertTrue(problems.contains("4.weight after step 200"), problems);

        Trace batch = prefixOf(recorded);
        batch.batches.set(9, batch.batches.get(10));
        CnnEndToEndFamily.Comparison c = CnnEndToEndFamily.compare(recorded, batch);
        assertFalse(c.sameBatches());
        assertTrue(c.problems().contains("step 10: nano's DataLoader gave another batch"), c.problems());
    }

    @Test
    void theToleranceIsTheMeasuredEnvelopeTimesOneHundred() {
        assertEquals(100 * 2e-15 * 1.5, CnnTolerance.at(200), 1e-30);
        assertTrue(CnnTolerance.lossAgrees(1, 1.0, 1.0 + 1e-13));
        assertFalse(CnnTolerance.lossAgrees(1, 1.0, 1.0 + 1e-12));
    }
}
