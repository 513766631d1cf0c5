package dev.nano.oracle;

import dev.nano.oracle.fixtures.FixtureStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/WALKTHROUGH.md names files and classes; each must exist, so that a rename cannot leave the
 * walkthrough pointing at nothing. A name in backticks with a slash is a path (from the repository
 * root, or from torch-oracle's {@code dev/nano/oracle}); one starting with a capital letter is a
 * class of the repository ({@code Unary.Expm1}: a class and a member or nested class it declares).
 */
class WalkthroughTest {
    private static final Path REPO = FixtureStore.locate().root().getParent();
    private static final Path ORACLE = REPO.resolve("torch-oracle/src/main/java/dev/nano/oracle");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern PATH = Pattern.compile("[\\w.-]+(/[\\w.-]+)+/?");
    private static final Pattern CLASS = Pattern.compile("([A-Z][A-Za-z0-9]*)(\\.([A-Za-z][A-Za-z0-9]*))?");

    @Test
    void everyFileAndClassTheWalkthroughNamesExists() throws IOException {
        Path doc = REPO.resolve("docs/WALKTHROUGH.md");
        String text = Files.readString(doc);
        Map<String, Path> classes = javaFiles();
        List<String> missing = new ArrayList<>();
        int named = 0;
        Matcher m = CODE.matcher(text + "\n" + links(text));
        while (m.find()) {
            String code = m.group(1).strip();
            if (PATH.matcher(code).matches()) {
                named++;
                if (!Files.exists(REPO.resolve(code)) && !Files.exists(ORACLE.resolve(code))) {
                    missing.add("file " + code);
                }
            } else if (CLASS.matcher(code).matches() && !code.equals(code.toUpperCase())) {
                Matcher c = CLASS.matcher(code);
                c.matches();
                named++;
                Path file = classes.get(c.group(1));
                if (file == null) {
                    missing.add("class " + c.group(1));
                } else if (c.group(3) != null && !Pattern.compile("\\b" + c.group(3) + "\\b")
                        .matcher(Files.readString(file)).find()) {
                    missing.add(c.group(3) + " in " + REPO.relativize(file));
                }
            }
        }
        assertTrue(named > 60, "the walkthrough should name its files and classes in backticks; found " + named);
        assertTrue(missing.isEmpty(), "docs/WALKTHROUGH.md names what does not exist: " + missing);
        assertTrue(Files.readString(REPO.resolve("README.md")).contains("docs/WALKTHROUGH.md"),
                "the README links the walkthrough");
    }

    /** Markdown link targets, as code, so that they are checked like paths. */
    private static String links(String text) {
        StringBuilder sb = new StringBuilder();
        Matcher m = Pattern.compile("\\]\\(([^)]+)\\)").matcher(text);
        while (m.find()) {
            sb.append('`').append("docs/").append(m.group(1)).append("` ");
        }
        return sb.toString();
    }

    /** Every Java source file of the repository, by class name (the file's name). */
    private static Map<String, Path> javaFiles() throws IOException {
        Map<String, Path> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(REPO)) {
            files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/")
                    && !f.toString().contains("/target/")).forEach(f -> out.putIfAbsent(
                    f.getFileName().toString().replace(".java", ""), f));
        }
        return out;
    }
}
