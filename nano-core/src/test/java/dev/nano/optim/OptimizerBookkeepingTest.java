package dev.nano.optim;

import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Details of {@link Optimizer} that no PyTorch fixture can show: the duplicate-parameter warning,
 * the parameter numbering of a state dict, loading a state dict over existing state, and lerp's
 * rounding at weight ½. Added for the mutation score (scripts/mutation-score): each of these was a
 * surviving mutant.
 */
class OptimizerBookkeepingTest {

    @Test
    void aParameterTwiceInOneGroupIsWarnedAboutOnceAndOnlyThen() {
        Logger logger = Logger.getLogger(Optimizer.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        // Captured and checked here, not also printed by the console handler (a quiet build).
        boolean useParentHandlers = logger.getUseParentHandlers();
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
        try {
            Tensor w = Nano.zeros(2).requiresGrad(true);
            Tensor b = Nano.zeros(1).requiresGrad(true);
            SGD.builder(w, b).lr(0.1).build();
            assertEquals(List.of(), records, "no duplicate, no warning");
            SGD.builder(w, b, w).lr(0.1).build();
            assertEquals(1, records.size());
            assertTrue(records.get(0).getMessage().startsWith("optimizer contains a parameter group with duplicate "
                    + "parameters"), records.get(0).getMessage());
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(useParentHandlers);
        }
    }

    @Test
    void aStateDictNumbersTheParametersAcrossGroupsInOrder() {
        Tensor a = Nano.zeros(1).requiresGrad(true);
        Tensor b = Nano.zeros(1).requiresGrad(true);
        Tensor c = Nano.zeros(1).requiresGrad(true);
        Tensor d = Nano.zeros(1).requiresGrad(true);
        SGD opt = SGD.builder(ParamGroup.of(a, b, c), ParamGroup.of(d)).lr(0.1).build();
        Map<String, Tensor> sd = opt.stateDict();
        assertArrayEquals(new double[] {0, 1, 2}, sd.get("param_groups.0.params").data());
        assertArrayEquals(new double[] {3}, sd.get("param_groups.1.params").data());
    }

    @Test
    void loadingAStateDictReplacesTheStateItDoesNotMention() {
        Tensor w = Nano.tensor(1.0, 2.0).requiresGrad(true);
        SGD fresh = SGD.builder(Nano.tensor(1.0, 2.0).requiresGrad(true)).lr(0.1).momentum(0.9).build();
        Map<String, Tensor> empty = fresh.stateDict(); // no step yet: no state
        SGD opt = SGD.builder(w).lr(0.1).momentum(0.9).build();
        w.setGrad(Nano.tensor(0.5, -0.5));
        opt.step();
        assertTrue(opt.state(w).containsKey("momentum_buffer"));
        opt.loadStateDict(empty);
        assertEquals(Map.of(), opt.state(w), "PyTorch's load_state_dict replaces the whole state");
    }

    @Test
    void lerpAtWeightOneHalfIsComputedFromTheEndAsAtenDoes() {
        // ATen's lerp: start + w·(end − start) for |w| < ½, else end − (end − start)·(1 − w). At w = ½ the
        // two differ in the last bit for these values; aten's choice is the second.
        double start = -9815.9012289123;
        double end = 3729677.083581595;
        assertEquals(1859930.5911763415, Optimizer.lerp(start, end, 0.5));
        assertEquals(1859930.5911763413, start + 0.5 * (end - start), "the other formula, for contrast");
    }
}
