package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code trunc_normal_}'s arguments and warning, and erfinv's defining identities. Its values after a
 * seed are libtorch's: the random-stream family checks them against libtorch's own uniform_, erfinv_,
 * mul_, add_ and clamp_.
 */
class TruncNormalTest {

    @Test
    void erfinvInvertsErfAndHasLibtorchsEnds() {
        double[] ends = {0.0, 1.0, -1.0, 1.5, Double.NaN};
        Erfinv.inPlace(ends);
        assertEquals(0.0, ends[0]);
        assertEquals(Double.POSITIVE_INFINITY, ends[1]);
        assertEquals(Double.NEGATIVE_INFINITY, ends[2]);
        assertTrue(Double.isNaN(ends[3]));
        assertTrue(Double.isNaN(ends[4]));
        double[] y = {-0.999, -0.8, -0.7, -0.3, 1e-9, 0.5, 0.7, 0.71, 0.95, 0.999999};
        double[] x = y.clone();
        Erfinv.inPlace(x);
        double[] back = Nano.erf(Nano.tensor(x)).data();
        for (int i = 0; i < y.length; i++) {
            assertEquals(y[i], back[i], 2 * Math.ulp(y[i]), "erf(erfinv(" + y[i] + "))");
        }
    }

    @Test
    void valuesStayInsideTheCut() {
        Tensor t = Init.truncNormal(Nano.zeros(1000), 0.5, 2.0, -1.0, 3.0, new Random(3));
        for (double v : t.data()) {
            assertTrue(v >= -1.0 && v <= 3.0, "value " + v);
        }
        Tensor defaults = Init.truncNormal(Nano.zeros(200));
        for (double v : defaults.data()) {
            assertTrue(v >= -2.0 && v <= 2.0, "value " + v);
        }
    }

    @Test
    void aMeanFarOutsideTheCutIsWarnedAbout() {
        Logger log = Logger.getLogger(Init.class.getName());
        List<String> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = log.getUseParentHandlers();
        log.addHandler(capture);
        log.setUseParentHandlers(false);
        try {
            Init.truncNormal(Nano.zeros(3), 0, 1, -2, 2, new Random(1));
            assertEquals(List.of(), warnings);
            Init.truncNormal(Nano.zeros(3), 5, 1, -2, 2, new Random(1));
            Init.truncNormal(Nano.zeros(3), -5, 1, -2, 2, new Random(1));
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(parents);
        }
        assertEquals(List.of("mean is more than 2 std from [a, b] in nn.init.trunc_normal_. The distribution of values "
                + "may be incorrect.", "mean is more than 2 std from [a, b] in nn.init.trunc_normal_. The distribution "
                + "of values may be incorrect."), warnings);
    }

    @Test
    void badArgumentsFailAsInPyTorchAndLeaveTheTensorAlone() {
        Tensor t = Nano.tensor(7.0, 8.0);
        // Python divides by std: ZeroDivisionError.
        assertEquals("trunc_normal_: std is 0.0: float division by zero", assertThrows(IllegalArgumentException.class,
                () -> Init.truncNormal(t, 0, 0, -2, 2, new Random(1))).getMessage());
        // a > b, or a negative std, makes uniform_'s range backwards; libtorch refuses it.
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Init.truncNormal(t, 0, 1, 2, -2, new Random(1)))
                .getMessage().startsWith("uniform_ expects to return a [from, to) range, but found from="));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Init.truncNormal(t, 0, -1, -2, 2, new Random(1)))
                .getMessage().startsWith("uniform_ expects to return a [from, to) range, but found from="));
        assertEquals(7.0, t.data()[0]);
        assertEquals(8.0, t.data()[1]);
        assertThrows(NullPointerException.class, () -> Init.truncNormal(null, 0, 1, -2, 2, new Random(1)));
    }
}
