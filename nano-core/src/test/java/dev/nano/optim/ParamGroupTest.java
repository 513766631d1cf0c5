package dev.nano.optim;

import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameter groups: values by PyTorch's names, of fixed kinds, read again at every step. */
class ParamGroupTest {

    @Test
    void holdsItsParametersAndValues() {
        Tensor a = Nano.tensor(1.0).requiresGrad(true);
        List<Tensor> list = new ArrayList<>(List.of(a));
        ParamGroup g = ParamGroup.of(list).set("lr", 0.1).set("nesterov", true).set("betas", 0.8, 0.9);
        list.clear();
        assertEquals(List.of(a), g.params(), "the list is copied");
        assertEquals(0.1, g.lr());
        assertTrue(g.getBoolean("nesterov"));
        assertArrayEquals(new double[] {0.8, 0.9}, g.getPair("betas"));
        assertEquals(List.of(0.8, 0.9), g.options().get("betas"));
        assertTrue(g.has("lr"));
        assertFalse(g.has("momentum"));
        assertEquals(0.2, g.lr(0.2).lr());
    }

    @Test
    void aValueCannotChangeKind() {
        ParamGroup g = ParamGroup.of().set("lr", 0.1).set("amsgrad", false).set("betas", 0.9, 0.999);
        var e = assertThrows(IllegalArgumentException.class, () -> g.set("lr", true));
        assertEquals("hyperparameter 'lr' holds a number 0.1 and cannot be set to a boolean True", e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> g.set("amsgrad", 1.0));
        assertEquals("hyperparameter 'amsgrad' holds a boolean False and cannot be set to a number 1.0",
                e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> g.set("betas", 0.5));
        assertEquals("hyperparameter 'betas' holds a pair (0.9, 0.999) and cannot be set to a number 0.5",
                e3.getMessage());
    }

    @Test
    void readingAMissingOrMistypedValueSaysWhich() {
        ParamGroup g = ParamGroup.of().set("lr", 0.1);
        var e = assertThrows(IllegalArgumentException.class, () -> g.getDouble("momentum"));
        assertEquals("parameter group has no hyperparameter 'momentum'", e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> g.getBoolean("lr"));
        assertEquals("hyperparameter 'lr' is a number 0.1, not a boolean", e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> g.getPair("lr"));
        assertEquals("hyperparameter 'lr' is a number 0.1, not a pair", e3.getMessage());
    }

    @Test
    void aGroupWithBetasOverridesAdamsDefault() {
        Tensor a = Nano.tensor(0.0).requiresGrad(true);
        a.setGrad(Nano.tensor(1.0));
        Adam opt = Adam.builder(ParamGroup.of(a).set("betas", 0.0, 0.0)).lr(0.5).build();
        opt.step();                                  // m = g, v = g², no bias correction left: p -= lr·g/(|g| + eps)
        dev.nano.Expect.values(a.data(), -0.5 / (1 + 1e-8));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Adam.builder(ParamGroup.of(a).set("betas", 0.5)).build());
        assertEquals("parameter group sets 'betas' to a number 0.5, but the optimizer expects a pair (default "
                + "(0.9, 0.999))", e.getMessage());
    }

    @Test
    void nullsAreRejected() {
        assertThrows(NullPointerException.class, () -> ParamGroup.of((List<Tensor>) null));
        assertThrows(NullPointerException.class, () -> ParamGroup.of().set(null, 1.0));
    }
}
