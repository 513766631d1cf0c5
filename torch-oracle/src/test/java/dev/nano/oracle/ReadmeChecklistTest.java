package dev.nano.oracle;

import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.OperatorUniverse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "Adding an operator" checklist and its operator table stay true: the table names
 * every catalogued operator (and nothing that is neither an operator nor a documented non-operator),
 * and every file and class the checklist names exists.
 */
class ReadmeChecklistTest {
    private static final Path README = Path.of("../README.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private static String section(String heading) throws IOException {
        String text = Files.readString(README);
        int start = text.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "README has no section " + heading);
        int end = text.indexOf("\n#", start + heading.length() + 2);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    @Test
    void theOperatorTableNamesEveryCataloguedOperator() throws IOException {
        Set<String> words = new TreeSet<>();
        for (String line : section("## Operators").split("\n")) {
            if (!line.startsWith("|")) {
                continue;
            }
            String[] cells = line.split("\\|");
            Matcher m = CODE.matcher(cells.length > 2 ? cells[2] : "");
            while (m.find()) {
                for (String w : m.group(1).split("\\s+")) {
                    if (w.matches("[a-z][A-Za-z0-9]*_?")) { // in-place forms end in _
                        words.add(w);
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (OpInfo op : Catalogue.all()) {
            if (!words.contains(op.name())) {
                problems.add(op.name() + " is catalogued but not in the README's operator table");
            }
        }
        for (String w : words) {
            boolean known = Catalogue.byName(w) != null || Catalogue.aliases().containsKey(w)
                    || OperatorUniverse.NOT_OPERATORS.containsKey(w);
            if (!known) {
                problems.add(w + " is in the README's operator table but neither catalogued nor a documented "
                        + "non-operator (OperatorUniverse.NOT_OPERATORS)");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyFileAndClassTheChecklistNamesExists() throws IOException {
        String checklist = section("### Adding an operator");
        List<String> missing = new ArrayList<>();
        Matcher m = CODE.matcher(checklist);
        while (m.find()) {
            String name = m.group(1);
            if (name.endsWith("/") || name.endsWith(".java")) {
                Path p = Path.of("..", name);
                if (!Files.exists(p) && !exists(name)) {
                    missing.add(name);
                }
            } else if (name.matches("[A-Z][A-Za-z]+(\\.[A-Z][A-Za-z0-9]+)?")) {
                if (!exists(name.replace('.', '$'))) {
                    missing.add(name);
                }
            }
        }
        assertEquals(List.of(), missing, "named in README's 'Adding an operator' but not in the repository");
    }

    /** A class of that simple name (or file name) anywhere in the two modules' sources. */
    private static boolean exists(String name) throws IOException {
        String file = name.endsWith(".java") ? name : name.split("\\$")[0] + ".java";
        String inner = name.contains("$") ? name.split("\\$")[1] : null;
        try (var files = Files.walk(Path.of(".."), 9)) {
            return files.filter(f -> f.getFileName().toString().equals(file) && !f.toString().contains("target"))
                    .anyMatch(f -> {
                        try {
                            return inner == null || Files.readString(f).contains(" " + inner + " ")
                                    || Files.readString(f).contains(" " + inner + "(");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }
    }
}
