package dev.nano;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void scopesClosedOutOfOrderLeaveTheThreadRecordingOnceAllAreClosed() {
        // PyTorch restores "the mode before me" and would end this sequence in no-grad; nano's
        // rule is that the innermost scope still open decides, and no open scope means recording.
        var noGrad = Nano.noGrad();
        var enable = Nano.enableGrad();
        noGrad.close();                             // out of order: enableGrad is still open
        assertTrue(Nano.isGradEnabled());
        enable.close();
        assertTrue(Nano.isGradEnabled(), "all scopes closed: recording again");

        var first = Nano.noGrad();
        var second = Nano.noGrad();
        var third = Nano.enableGrad();
        second.close();                             // from the middle: the innermost (enable) still decides
        assertTrue(Nano.isGradEnabled());
        third.close();
        assertFalse(Nano.isGradEnabled(), "first is still open");
        first.close();
        assertTrue(Nano.isGradEnabled());
    }

    @Test
    void closingAScopeTwiceDoesNothing() {
        var outer = Nano.noGrad();
        var inner = Nano.enableGrad();
        inner.close();
        inner.close();
        assertFalse(Nano.isGradEnabled(), "the second close must not close the outer scope");
        outer.close();
        outer.close();
        assertTrue(Nano.isGradEnabled());
    }

    @Test
    void aScopeMustBeClosedOnItsOwnThread() throws InterruptedException {
        var scope = Nano.noGrad();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                scope.close();
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "other");
        other.start();
        other.join();
        assertFalse(Nano.isGradEnabled(), "the scope is still open here");
        scope.close();
        assertTrue(Nano.isGradEnabled());
        assertEquals(IllegalStateException.class, thrown.get().getClass());
        assertTrue(thrown.get().getMessage().startsWith("a grad-mode scope must be closed on the thread that opened "
                + "it"), thrown.get().getMessage());
    }

    @Test
    void aPooledThreadIsNotLeftInNoGradByALeakedOutOfOrderScope() throws Exception {
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> {
                var a = Nano.noGrad();
                var b = Nano.enableGrad();
                a.close();
                b.close();
            }).get();
            assertTrue(pool.submit(Nano::isGradEnabled).get(), "the next task on the same thread records again");
        } finally {
            pool.shutdown();
        }
    }
}
