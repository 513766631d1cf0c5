package dev.nano;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code noGrad()} / {@code enableGrad()}: per thread, nesting like a stack, restored on exceptions. */
class GradModeTest {
    private final Tensor x = Nano.tensor(1, 2).requiresGrad(true);

    @Test
    void noGradStopsRecording() {
        try (var g = Nano.noGrad()) {
            Tensor y = x.mul(2);
            assertFalse(y.requiresGrad());
            assertTrue(y.isLeaf());
        }
        assertTrue(x.mul(2).requiresGrad());
    }

    @Test
    void scopesNestLikeAStack() {
        assertTrue(Nano.isGradEnabled());
        try (var outer = Nano.noGrad()) {
            assertFalse(Nano.isGradEnabled());
            try (var inner = Nano.enableGrad()) {
                assertTrue(Nano.isGradEnabled());
                assertTrue(x.mul(2).requiresGrad());
                try (var innermost = Nano.noGrad()) {
                    assertFalse(x.mul(2).requiresGrad());
                }
                assertTrue(Nano.isGradEnabled());
            }
            assertFalse(Nano.isGradEnabled());
        }
        assertTrue(Nano.isGradEnabled());
    }

    @Test
    void modeIsRestoredWhenTheBodyThrows() {
        assertThrows(IllegalStateException.class, () -> {
            try (var g = Nano.noGrad()) {
                throw new IllegalStateException("boom");
            }
        });
        assertTrue(Nano.isGradEnabled());
    }

    @Test
    void modeIsPerThread() throws InterruptedException {
        AtomicBoolean otherThreadSaw = new AtomicBoolean(false);
        try (var g = Nano.noGrad()) {
            Thread t = new Thread(() -> otherThreadSaw.set(Nano.isGradEnabled()));
            t.start();
            t.join();
        }
        assertTrue(otherThreadSaw.get(), "a new thread starts with grad mode on");
    }

    @Test
    void backwardItselfDoesNotRecordAGraph() {
        Tensor y = x.mul(x).sum();
        y.backward();
        assertFalse(x.grad().requiresGrad());
        assertTrue(Nano.isGradEnabled());
    }
}
