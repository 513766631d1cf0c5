package dev.nano.oracle.value;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Progress lines: rewritten in place on a terminal, plain lines in a log. */
class ProgressTest {

    private static String run(boolean terminal, int total) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress p = new Progress("checking", total, out, terminal);
        for (int done = 1; done <= total; done++) {
            p.update(done);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void notOnATerminalItPrintsAboutTenPlainLinesWithoutCarriageReturns() {
        assertEquals("checking: 3/25\nchecking: 6/25\nchecking: 9/25\nchecking: 12/25\nchecking: 15/25\n"
                + "checking: 18/25\nchecking: 21/25\nchecking: 24/25\nchecking: 25/25\n", run(false, 25));
        assertEquals("checking: 1/2\nchecking: 2/2\n", run(false, 2));
    }

    @Test
    void onATerminalItRewritesOneLineEveryHundredItemsAndEndsIt() {
        assertEquals("\rchecking: 100/250\rchecking: 200/250\rchecking: 250/250\n", run(true, 250));
    }
}
