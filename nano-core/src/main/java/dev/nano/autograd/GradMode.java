package dev.nano.autograd;

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
 * Each scope remembers the mode it replaced and puts it back on close, so scopes nest like a
 * stack (as {@code torch.no_grad} and {@code torch.enable_grad} do).
 */
public final class GradMode {
    private static final ThreadLocal<Boolean> ENABLED = ThreadLocal.withInitial(() -> Boolean.TRUE);

    private GradMode() {
    }

    public static boolean isEnabled() {
        return ENABLED.get();
    }

    /** Sets the mode until the returned scope is closed. */
    public static Scope set(boolean enabled) {
        Scope scope = new Scope(isEnabled());
        ENABLED.set(enabled);
        return scope;
    }

    /** A grad-mode scope; closing it restores the mode that was in force when it opened. */
    public static final class Scope implements AutoCloseable {
        private final boolean previous;

        private Scope(boolean previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            ENABLED.set(previous);
        }
    }
}
