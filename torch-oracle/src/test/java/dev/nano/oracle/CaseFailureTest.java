package dev.nano.oracle;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A failing case reports its message and the test's own frame only. */
class CaseFailureTest {

    @Test
    void theStackTraceIsTheFailingTestsFrame() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> CaseFailure.fail("elu[edges]: nano differs from PyTorch"));
        assertEquals("elu[edges]: nano differs from PyTorch", e.getMessage());
        assertEquals(1, e.getStackTrace().length);
        assertEquals(CaseFailureTest.class.getName(), e.getStackTrace()[0].getClassName());
    }
}
