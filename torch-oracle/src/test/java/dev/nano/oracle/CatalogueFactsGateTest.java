package dev.nano.oracle;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.nn.F;
import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.FuzzRule;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every fact about an operator lives on its catalogue entry: the fuzzer's rule, the known
 * disagreements, the aliases. This gate fails when an entry lacks what the fuzzer and the report
 * need, and when the harness branches on an operator's name instead of asking its entry.
 */
class CatalogueFactsGateTest {

    /** Where the harness's own code lives: its main sources and the fuzzer. */
    private static final List<Path> HARNESS = List.of(Path.of("src/main/java"),
            Path.of("src/test/java/dev/nano/oracle/fuzz"));

    @Test
    void everyEntryTellsTheFuzzerHowToDrawItsCases() {
        List<String> gaps = new ArrayList<>();
        for (OpInfo op : Catalogue.all()) {
            FuzzRule rule = op.fuzz();
            if (rule == null) {
                gaps.add(op.name() + ": no fuzz rule (OpInfo.Builder.fuzz): the fuzzer would not know its shapes");
                continue;
            }
            List<Sample> templates = op.samples().stream().filter(s -> !s.isError()).toList();
            if (templates.isEmpty()) {
                gaps.add(op.name() + ": no sample meant to succeed, so nothing for the fuzzer to draw from");
                continue;
            }
            boolean oneInput = templates.stream().allMatch(s -> s.inputs().size() == 1);
            if (rule.shapes() == FuzzRule.Shapes.DIMS && !oneInput) {
                gaps.add(op.name() + ": redraws one input's shape (DIMS) but its samples have several inputs");
            }
            boolean several = templates.stream().anyMatch(s -> s.inputs().size() >= 2);
            if (rule.shapes() == FuzzRule.Shapes.SAME && !several) {
                gaps.add(op.name() + ": draws one shape for several inputs (SAME) but no sample has two");
            }
            boolean noTensor = templates.stream().allMatch(s -> s.inputs().isEmpty());
            if (noTensor && rule.shapes() != FuzzRule.Shapes.TEMPLATE) {
                gaps.add(op.name() + ": has no tensor input, so its shapes can only be the template's");
            }
        }
        assertEquals(List.of(), gaps, "catalogue entries that lack what the fuzzer needs");
    }

    /** The one alias table: each alias a public method of nano's API, not itself an operator, named once. */
    @Test
    void everyAliasIsAMethodOfNanoThatIsNotAnOperatorOfItsOwn() {
        Set<String> methods = Stream.of(Tensor.class, Nano.class, F.class)
                .flatMap(c -> Arrays.stream(c.getMethods())).map(Method::getName).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (OpInfo op : Catalogue.all()) {
            for (String alias : op.aliases()) {
                if (!methods.contains(alias)) {
                    problems.add(op.name() + ": alias '" + alias + "' is no public method of Tensor, Nano or F");
                }
                if (Catalogue.byName(alias) != null) {
                    problems.add(op.name() + ": alias '" + alias + "' is an operator of its own");
                }
                if (seen.contains(alias)) {
                    problems.add(op.name() + ": alias '" + alias + "' is listed twice");
                }
                seen.add(alias);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals("sub", Catalogue.aliases().get("rsub"), "the table maps rsub to sub");
    }

    /**
     * No {@code name.equals("elu")} and no {@code switch (name) { case "elu" -> ...}} for a catalogue
     * operator in the harness: such a fact belongs on the operator's entry, where the next reader
     * looks for it. (An attribute value that happens to spell an operator, such as the reduction
     * "sum" or clamp's bound "min", is not a branch on a name.)
     */
    @Test
    void theHarnessNeverBranchesOnAnOperatorsName() throws IOException {
        Set<String> names = Catalogue.all().stream().map(OpInfo::name).collect(Collectors.toSet());
        List<String> branches = new ArrayList<>();
        for (Path root : HARNESS) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")
                        && !f.getFileName().toString().endsWith("Test.java")).toList()) {
                    for (String branch : branchesOnNames(Files.readAllLines(file), names)) {
                        branches.add(file + ":" + branch);
                    }
                }
            }
        }
        assertEquals(List.of(), branches, "branches on an operator's name (put the fact on its catalogue entry)");
    }

    /** The scan sees the branches the harness had before the facts moved onto the entries. */
    @Test
    void theScanFindsBranchesOnNames() {
        List<String> old = List.of(
                "        if (op.name.equals(\"pow\")) {",
                "        return switch (name) {",
                "            case \"expm1\", \"log1p\", \"sin\" -> TINY;",
                "        };",
                "        String form = a.getString(\"form\", \"tt\");",
                "            case \"min\" -> in[0].clamp(in[1], null);");
        assertEquals(List.of("1: if (op.name.equals(\"pow\")) {", "3: case \"expm1\", \"log1p\", \"sin\" -> TINY;"),
                branchesOnNames(old, Set.of("pow", "expm1", "min")));
    }

    private static final Pattern EQUALS_NAME = Pattern.compile("name(?:\\(\\))?\\.equals\\(\"(\\w+)\"\\)");
    private static final Pattern SWITCH_ON_NAME = Pattern.compile("switch \\([\\w.]*name(?:\\(\\))?\\)");
    private static final Pattern CASE_LABEL = Pattern.compile("case\\s+\"(\\w+)\"");

    /** "line: text" of each comparison of a name with an operator's name, in a name switch or an equals. */
    private static List<String> branchesOnNames(List<String> lines, Set<String> names) {
        List<String> branches = new ArrayList<>();
        boolean inSwitchOnName = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            inSwitchOnName = SWITCH_ON_NAME.matcher(line).find()
                    || inSwitchOnName && !line.trim().equals("}") && !line.trim().startsWith("};");
            Matcher m = (inSwitchOnName ? CASE_LABEL : EQUALS_NAME).matcher(line);
            while (m.find()) {
                if (names.contains(m.group(1))) {
                    branches.add((i + 1) + ": " + line.trim());
                }
            }
        }
        return branches;
    }
}
