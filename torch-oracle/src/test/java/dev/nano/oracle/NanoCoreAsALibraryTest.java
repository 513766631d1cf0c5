package dev.nano.oracle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nano-core as a library (README "Using nano-core in your project"): a separate tiny program, outside
 * this build, is compiled against nano-core's artifact alone and run in its own JVM with nothing else
 * on its classpath. It builds a graph, runs backward, and trains on the bundled digits read from the
 * jar, so the jar must be self-contained: no runtime dependency, the digits packaged inside.
 *
 * <p>The artifact is nano-core's jar, which {@code mvn verify} packages before this module's tests
 * run; a {@code mvn test} run packages nothing, and then the program compiles against nano-core's
 * classes and resources ({@code target/classes}), which is what the jar holds.
 */
class NanoCoreAsALibraryTest {
    private static final String PROGRAM = """
            import dev.nano.Nano;
            import dev.nano.Tensor;
            import dev.nano.data.Mnist;
            import dev.nano.data.TensorDataset;

            public class Tiny {
                public static void main(String[] args) {
                    Tensor x = Nano.tensor(1.0, 2.0, 3.0).requiresGrad(true);
                    x.mul(x).sum().backward();
                    System.out.println("grad " + x.grad());
                    TensorDataset digits = Mnist.bundled("test");
                    System.out.println("digits " + digits.size() + ", first label " + digits.get(0)[1].item());
                }
            }
            """;

    @TempDir
    Path project;

    @Test
    void aSeparateProgramCompilesAndRunsAgainstNanoCoreAlone() throws IOException, InterruptedException {
        Path artifact = nanoCoreArtifact();
        Path source = Files.createDirectories(project.resolve("src")).resolve("Tiny.java");
        Files.writeString(source, PROGRAM);
        Path classes = Files.createDirectories(project.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, null, diagnostics, "-classpath", artifact.toString(), "-d", classes.toString(),
                source.toString());
        assertEquals(0, status, () -> "javac failed: " + diagnostics.toString(StandardCharsets.UTF_8));

        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process run = new ProcessBuilder(javaBin, "-cp", artifact + java.io.File.pathSeparator + classes, "Tiny")
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the program did not finish");
        assertEquals(0, run.exitValue(), output);
        // d/dx sum(x·x) = 2x; the test split holds 1,996 digits, interleaved 0…9 (README, fixtures/data).
        assertEquals(List.of("grad tensor([2., 4., 6.])", "digits 1996, first label 0.0"),
                output.lines().toList(), output);
    }

    /** nano-core's jar when packaged, else its classes directory (see the class comment). */
    private static Path nanoCoreArtifact() throws IOException {
        Path target = Path.of("../nano-core/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("nano-core-[0-9][^-]*(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElse(target.resolve("classes"));
        }
    }
}
