package dev.nano.oracle.mutation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How scripts/mutation-score reads PIT's mutants, credits them to operators and applies the equivalents list. */
class MutationScoreTest {

    private static Mutant mutant(String cls, String method, int line, String mutator, String status) {
        return new Mutant(cls, method, line, mutator, "a change", status, "");
    }

    @Test
    void codeIsCreditedToTheOperatorItComputes() {
        CodeOwner owner = new CodeOwner(Set.of("exp", "lt", "clamp", "sub", "gelu", "matmul", "mm", "dot"));
        assertEquals(List.of("exp"), owner.operatorsOf(mutant("dev.nano.ops.Unary$Exp", "backward", 1, "M", "KILLED")));
        assertEquals(List.of("exp"), owner.operatorsOf(mutant("dev.nano.ops.Unary", "exp", 1, "M", "KILLED")));
        assertEquals(List.of("lt"), owner.operatorsOf(mutant("dev.nano.ops.Comparisons", "lambda$lt$0", 1, "M",
                "KILLED")));
        assertEquals(List.of("sub"), owner.operatorsOf(mutant("dev.nano.ops.Arithmetic", "rsub", 1, "M", "KILLED")));
        assertEquals(List.of("clamp"), owner.operatorsOf(mutant("dev.nano.ops.Selection$ClampTensor", "forward", 1,
                "M", "KILLED")));
        assertEquals(List.of("gelu"), owner.operatorsOf(mutant("dev.nano.ops.Unary$GeluTanh", "value", 1, "M",
                "KILLED")));
        assertEquals(List.of("matmul", "mm", "dot"), owner.operatorsOf(mutant("dev.nano.ops.MatrixKernel",
                "product", 1, "M", "KILLED")));
        assertEquals(List.of(), owner.operatorsOf(mutant("dev.nano.ops.ElementwiseBinary", "forward", 1, "M",
                "KILLED")), "shared code belongs to no operator");
        assertEquals(List.of(), owner.operatorsOf(mutant("dev.nano.optim.SGD", "update", 1, "M", "KILLED")));
    }

    @Test
    void listedEquivalentsLeaveTheDenominatorAndStaleRowsAreFound(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("eq.tsv");
        Files.writeString(tsv, "# comment\n"
                + "dev.nano.ops.A\tf\t10\tMathMutator\tequivalent: x + 0\n"
                + "dev.nano.ops.A\tg\t20\tMathMutator\tequivalent: nothing matches this row\n");
        Equivalents eq = Equivalents.read(tsv);
        Mutant survivor = mutant("dev.nano.ops.A", "f", 10, "MathMutator", "SURVIVED");
        Mutant otherLine = mutant("dev.nano.ops.A", "f", 11, "MathMutator", "SURVIVED");
        Mutant killed = mutant("dev.nano.ops.A", "g", 20, "MathMutator", "KILLED");
        assertEquals(Optional.of("equivalent: x + 0"), eq.reasonFor(survivor));
        assertEquals(Optional.empty(), eq.reasonFor(otherLine));
        List<Mutant> all = List.of(survivor, otherLine, killed);
        assertEquals(1, eq.stale(all).size(), "a killed mutant does not keep its row alive");
        assertEquals("g", eq.stale(all).get(0).method());

        Tally t = new Tally();
        t.add(survivor, true);
        t.add(otherLine, false);
        t.add(killed, false);
        t.add(mutant("dev.nano.ops.A", "h", 1, "M", "TIMED_OUT"), false);
        assertEquals(4, t.mutants);
        assertEquals(1, t.equivalent);
        assertEquals(2.0 / 3, t.score(), 1e-15, "killed (time-outs count) over mutants not listed as equivalent");
    }

    @Test
    void aRowWithoutAReasonIsRefused(@TempDir Path dir) throws IOException {
        Path tsv = dir.resolve("eq.tsv");
        Files.writeString(tsv, "dev.nano.ops.A\tf\t10\tMathMutator\t\n");
        var e = assertThrows(IllegalArgumentException.class, () -> Equivalents.read(tsv));
        assertTrue(e.getMessage().contains("eq.tsv:1"), e.getMessage());
    }

    @Test
    void pitsXmlIsRead(@TempDir Path dir) throws IOException {
        Path xml = dir.resolve("mutations.xml");
        Files.writeString(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations partial=\"false\">\n"
                + "<mutation detected='false' status='SURVIVED' numberOfTestsRun='3'><sourceFile>Unary.java"
                + "</sourceFile><mutatedClass>dev.nano.ops.Unary$Exp</mutatedClass><mutatedMethod>value"
                + "</mutatedMethod><methodDescription>(D)D</methodDescription><lineNumber>137</lineNumber>"
                + "<mutator>org.pitest.mutationtest.engine.gregor.mutators.MathMutator</mutator><indexes><index>5"
                + "</index></indexes><blocks><block>0</block></blocks><killingTest/><description>Replaced double "
                + "addition with subtraction</description></mutation>\n</mutations>\n");
        List<Mutant> read = Mutant.read(xml);
        assertEquals(List.of(new Mutant("dev.nano.ops.Unary$Exp", "value", 137, "MathMutator",
                "Replaced double addition with subtraction", "SURVIVED", "")), read);
        assertEquals("dev.nano.ops", read.get(0).packageName());
    }
}
