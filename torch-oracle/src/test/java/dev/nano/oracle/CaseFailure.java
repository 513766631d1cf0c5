package dev.nano.oracle;

import dev.nano.oracle.compare.Compare;
import org.opentest4j.AssertionFailedError;

import java.util.Arrays;

/**
 * Fails a case with its message and the one stack frame that says where: the test that failed.
 * The message already says what differs and where ({@link Compare.Diff#describe()}); the ~45 frames
 * of JUnit's and the streams' machinery that would follow it say nothing about the case. Surefire
 * keeps full stack traces, so an unexpected exception from inside nano still shows all of its own.
 */
public final class CaseFailure {
    private CaseFailure() {
    }

    /**
     * Throws an assertion error with {@code message}, its stack trace cut to the caller's frame.
     *
     * @param message what differs and where, starting with the case's name
     */
    public static void fail(String message) {
        AssertionFailedError e = new AssertionFailedError(message);
        StackTraceElement[] trace = e.getStackTrace(); // [0] is this method, [1] the failing test
        e.setStackTrace(Arrays.copyOfRange(trace, 1, Math.min(2, trace.length)));
        throw e;
    }
}
