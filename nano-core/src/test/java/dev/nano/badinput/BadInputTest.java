package dev.nano.badinput;

import dev.nano.Nano;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nano's rule for bad input, checked row by row: every call in the tables fails at once with the
 * named exception type and a message containing the named phrase (never a JVM-internal message
 * like "Cannot read the array length"), and changes nothing: the objects a row names are
 * snapshotted before and after, and grad mode must be what it was.
 */
class BadInputTest {

    static List<BadCase> all() {
        List<BadCase> all = new ArrayList<>();
        all.addAll(NullCases.cases());
        all.addAll(OverflowCases.cases());
        all.addAll(NanCases.cases());
        all.addAll(DtypeCases.cases());
        all.addAll(AutogradCases.cases());
        all.addAll(ShapeCases.cases());
        all.addAll(ModuleAndOptimizerCases.cases());
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputFailsClearlyAndChangesNothing() {
        return all().stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> check(c)));
    }

    private static void check(BadCase c) {
        boolean gradModeBefore = Nano.isGradEnabled();
        String before = c.state() == null ? null : c.state().get();
        Throwable thrown = assertThrows(Throwable.class, c.action(), c.call() + " must fail");
        assertEquals(c.type(), thrown.getClass(), () -> c.call() + " threw " + thrown);
        assertNotNull(thrown.getMessage(), c.call() + ": a message");
        assertTrue(thrown.getMessage().contains(c.phrase()),
                () -> c.call() + ": expected a message containing \"" + c.phrase() + "\" but got \""
                        + thrown.getMessage() + "\"");
        assertEquals(gradModeBefore, Nano.isGradEnabled(), c.call() + " changed grad mode");
        if (before != null) {
            assertEquals(before, c.state().get(), c.call() + " changed state");
        }
    }

    @Test
    void theTablesHoldAtLeast300DistinctCases() {
        List<BadCase> all = all();
        Set<String> names = new HashSet<>();
        for (BadCase c : all) {
            assertTrue(names.add(c.displayName()), "duplicate case " + c.displayName());
        }
        assertTrue(all.size() >= 300, "only " + all.size() + " cases");
    }
}
