package dev.nano.oracle.mutation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report's planted-bug line, from a results file written by hand in the script's format. */
class PlantedBugsTest {

    @Test
    void countsCaughtBugsPerKindAndNamesTheOthers() throws IOException {
        String tsv = "# scripts/planted-bugs at abc, 2026-12-08 00:00 UTC\n"
                + "patch\tkind\tcaught\tfirst failing test\tseconds\n"
                + "01-a\tsize\tyes\tNanoParityTest.x\t10\n"
                + "02-b\tsize\tno\t-\t10\n"
                + "03-c\tlast-bits\tyes\tNanoParityTest.y\t10\n"
                + "04-d\ttime\tnot run\t-\t-\n";
        PlantedBugs p = PlantedBugs.read(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(4, p.bugs().size());
        assertEquals("2 of 3 run caught by the PyTorch evidence alone (last-bits 1/1, size 1/2); not caught: 02-b; "
                + "not run: 04-d [scripts/planted-bugs at abc, 2026-12-08 00:00 UTC]", p.overall());
    }
}
