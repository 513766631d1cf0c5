package dev.nano.badinput;

import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.function.Supplier;

/**
 * One row of the bad-input tables: a call that must fail with exactly {@code type} and a message
 * containing {@code phrase}. A row built with {@link #touching} also names the objects the call
 * could have changed (tensors, modules, optimizers); the test snapshots them before and after and
 * requires them unchanged. Grad mode is checked after every row.
 */
record BadCase(String group, String call, Class<? extends Throwable> type, String phrase, Executable action,
               Supplier<String> state) {

    static BadCase of(String group, String call, Class<? extends Throwable> type, String phrase, Executable action) {
        return new BadCase(group, call, type, phrase, action, null);
    }

    /** The same row, with the state it must leave unchanged. */
    BadCase touching(Object... things) {
        return new BadCase(group, call, type, phrase, action, () -> Snapshot.of(things));
    }

    String displayName() {
        return group + ": " + call;
    }

    /** Collects rows of one group: {@code rows.add("Nano.add(input=null)", NPE, "phrase", () -> ...)}. */
    static final class Rows {
        private final String group;
        private final List<BadCase> cases;

        Rows(String group, List<BadCase> cases) {
            this.group = group;
            this.cases = cases;
        }

        BadCase add(String call, Class<? extends Throwable> type, String phrase, Executable action) {
            BadCase c = of(group, call, type, phrase, action);
            cases.add(c);
            return c;
        }

        /** Adds a row that must also leave {@code things} unchanged. */
        void addTouching(String call, Class<? extends Throwable> type, String phrase, Executable action,
                         Object... things) {
            cases.add(of(group, call, type, phrase, action).touching(things));
        }
    }
}
