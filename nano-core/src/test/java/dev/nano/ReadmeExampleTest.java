package dev.nano;

import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's first example runs as written: its Java block is compiled and run, and what it
 * prints must equal the output block that follows it in the README.
 */
class ReadmeExampleTest {

    @Test
    void readmeExampleCompilesRunsAndPrintsWhatTheReadmeSays(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String readme = Files.readString(findReadme(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<!-- example:start -->\\s*```java\\n(.*?)```\\s*Prints:\\s*```text\\n(.*?)```",
                Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README.md must hold the example between <!-- example:start --> markers, "
                + "followed by 'Prints:' and a text block");
        String source = m.group(1);
        String expected = m.group(2);

        Path file = dir.resolve("Example.java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK is needed to compile the README example");
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, "-d", dir.toString(), "-cp",
                System.getProperty("java.class.path"), file.toString());
        assertEquals(0, status, "the README example does not compile:\n" + diagnostics);

        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass("Example").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        assertEquals(expected.strip(), out.toString(StandardCharsets.UTF_8).strip().replace("\r\n", "\n"));
    }

    private static Path findReadme() throws IOException {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IOException("README.md not found above " + Paths.get("").toAbsolutePath());
        }
        return dir.resolve("README.md");
    }
}
