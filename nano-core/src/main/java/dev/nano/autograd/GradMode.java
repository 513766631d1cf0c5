package dev.nano.autograd;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether operations record a graph, per thread, like {@code torch.is_grad_enabled()}.
 *
 * <pre>{@code
 * try (var g = Nano.noGrad()) {
 *     ...                         // nothing here is recorded
 *     try (var e = Nano.enableGrad()) {
 *         ...                     // recorded again
 *     }                           // back to no-grad
 * }                               // back to what it was before, even after an exception
 * }</pre>
 *
 * Each thread keeps a stack of open scopes, and the mode in force is the one of the innermost
 * scope still open (recording, when none is). Closed in order, this is exactly
 * {@code torch.no_grad} / {@code torch.enable_grad}. Closed out of order, PyTorch restores "the
 * mode before me", which can leave a thread in no-grad after every scope is closed; here closing a
 * scope removes it from the stack wherever it is, so once all scopes are closed the thread records
 * again. Closing a scope twice does nothing; a scope must be closed on the thread that opened it.
 */
public final class GradMode {
    private static final ThreadLocal<List<Scope>> OPEN = ThreadLocal.withInitial(ArrayList::new);

    private GradMode() {
    }

    /**
     * {@code torch.is_grad_enabled()} for the current thread.
     * @return false inside an open no-grad scope
     */
    public static boolean isEnabled() {
        List<Scope> open = OPEN.get();
        return open.isEmpty() || open.get(open.size() - 1).enabled;
    }

    /**
     * Sets the mode until the returned scope is closed.
     * @param enabled true records operations, false does not
     * @return the scope; close it (try-with-resources) to restore the previous mode
     */
    public static Scope set(boolean enabled) {
        Scope scope = new Scope(enabled, OPEN.get());
        scope.stack.add(scope);
        return scope;
    }

    /** A grad-mode scope; closing it takes it off its thread's stack of open scopes. */
    public static final class Scope implements AutoCloseable {
        private final boolean enabled;
        private final List<Scope> stack;
        private final Thread owner = Thread.currentThread();

        private Scope(boolean enabled, List<Scope> stack) {
            this.enabled = enabled;
            this.stack = stack;
        }

        @Override
        public void close() {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a grad-mode scope must be closed on the thread that opened it ("
                        + owner.getName() + "), not on " + Thread.currentThread().getName());
            }
            // Usually the last one; removed by identity wherever it is (a second close finds nothing).
            for (int i = stack.size() - 1; i >= 0; i--) {
                if (stack.get(i) == this) {
                    stack.remove(i);
                    return;
                }
            }
        }
    }
}
