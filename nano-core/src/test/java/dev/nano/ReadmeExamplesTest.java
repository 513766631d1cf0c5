package dev.nano;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
 * The README's examples run as written: each Java block between {@code <!-- NAME:start -->}
 * markers is compiled and run, and what it prints must equal the "Prints:" block after it.
 * The examples are compiled against nano-core as a module, so they use only what it exports.
 * This keeps the documentation true to the code; it is not evidence of correctness (the printed
 * values are nano's own — the parity with PyTorch is proven in torch-oracle).
 */
class ReadmeExamplesTest {

    @ParameterizedTest(name = "README {0}")
    @ValueSource(strings = {"example", "optim-example", "nn-example", "training-example"})
    void compilesRunsAndPrintsWhatTheReadmeSays(String marker, @TempDir Path dir) throws Exception {
        String readme = Files.readString(findReadme(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<!-- " + marker + ":start -->\\s*```java\\n(.*?)```\\s*Prints:\\s*```text\\n(.*?)```",
                Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README.md must hold an example between <!-- " + marker + ":start --> markers, "
                + "followed by 'Prints:' and a text block");
        String source = m.group(1);
        Matcher name = Pattern.compile("public class (\\w+)").matcher(source);
        assertTrue(name.find(), "the " + marker + " must declare a public class");
        String className = name.group(1);

        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK is needed to compile the README examples");
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        // Against the module dev.nano.core, as a modular application sees it: only its exported packages.
        String nanoCore = Path.of(Tensor.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        int status = javac.run(null, null, diagnostics, "-d", dir.toString(), "--module-path", nanoCore,
                "--add-modules", "dev.nano.core", file.toString());
        assertEquals(0, status, "the README " + marker + " does not compile:\n" + diagnostics);

        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass(className).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        assertEquals(m.group(2).strip(), out.toString(StandardCharsets.UTF_8).strip().replace("\r\n", "\n"),
                "the README " + marker + " prints something else");
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
