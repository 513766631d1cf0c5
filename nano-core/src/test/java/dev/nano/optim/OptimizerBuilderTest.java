package dev.nano.optim;

import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The builder every optimizer shares: PyTorch's defaults in its order, setting by name, and what is refused. */
class OptimizerBuilderTest {

    private static Tensor leaf() {
        return Nano.tensor(1.0, 2.0).requiresGrad(true);
    }

    @Test
    void defaultsAreDeclaredInTheOrderOfPyTorchsConstructor() {
        // torch.optim.AdamW(params).defaults, keys in order (PyTorch 2.7, without foreach/capturable/differentiable/fused).
        assertEquals(List.of("lr", "betas", "eps", "weight_decay", "amsgrad", "maximize", "decoupled_weight_decay"),
                List.copyOf(AdamW.builder(leaf()).build().defaults().keySet()));
        assertEquals(List.of("lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize"),
                List.copyOf(SGD.builder(leaf()).build().defaults().keySet()));
    }

    @Test
    void adamWIsAdamWithTwoDefaultsChanged() {
        var adam = Adam.builder(leaf()).build().defaults();
        var adamW = AdamW.builder(leaf()).build().defaults();
        assertEquals(0.0, adam.get("weight_decay"));
        assertEquals(1e-2, adamW.get("weight_decay"));
        assertEquals(false, adam.get("decoupled_weight_decay"));
        assertEquals(true, adamW.get("decoupled_weight_decay"));
        for (String name : List.of("lr", "betas", "eps", "amsgrad", "maximize")) {
            assertEquals(adam.get(name), adamW.get(name), name);
        }
    }

    @Test
    void settingByNameIsSettingWithTheTypedSetter() {
        Tensor p = leaf();
        var byName = SGD.builder(p).set("lr", 0.5).set("momentum", 0.9).set("nesterov", true).build().defaults();
        var typed = SGD.builder(p).lr(0.5).momentum(0.9).nesterov(true).build().defaults();
        assertEquals(typed, byName);
        assertEquals(List.of(0.8, 0.9), Adam.builder(p).set("betas", 0.8, 0.9).build().defaults().get("betas"));
    }

    @Test
    void anUnknownNameIsRefusedAsPyTorchRefusesAnUnknownKeyword() {
        var e = assertThrows(IllegalArgumentException.class, () -> SGD.builder(leaf()).set("betas", 0.9, 0.99));
        assertEquals("SGD.__init__() got an unexpected keyword argument 'betas'", e.getMessage());
        var fixed = assertThrows(IllegalArgumentException.class,
                () -> AdamW.builder(leaf()).set("decoupled_weight_decay", false));
        assertEquals("AdamW.__init__() got an unexpected keyword argument 'decoupled_weight_decay'",
                fixed.getMessage());
    }

    @Test
    void aValueOfAnotherKindIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> RMSprop.builder(leaf()).set("centered", 1.0));
        assertEquals("RMSprop: hyperparameter 'centered' is a boolean (default False), not a number 1.0",
                e.getMessage());
        assertThrows(NullPointerException.class, () -> Adagrad.builder(leaf()).set(null, 1.0));
    }
}
