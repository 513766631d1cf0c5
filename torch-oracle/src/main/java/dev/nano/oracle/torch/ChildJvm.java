package dev.nano.oracle.torch;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this project in a new JVM under another libtorch CPU dispatch: libtorch reads
 * {@code ATEN_CPU_CAPABILITY} only when it loads, so a second dispatch needs a second process. The
 * child gets this JVM's classpath and the oracle's system properties (offline, one thread, where
 * the fixtures are).
 */
public final class ChildJvm {
    /** System properties handed down to the child, when set here. */
    private static final List<String> PROPERTIES = List.of("ai.djl.offline", "ai.djl.pytorch.num_threads",
            "ai.djl.pytorch.num_interop_threads", "nano.fixtures", "org.slf4j.simpleLogger.defaultLogLevel");
    private static final long TIMEOUT_MINUTES = 8;

    private ChildJvm() {
    }

    /** What the child printed (stdout and stderr interleaved) and its exit status. */
    public record Outcome(int exitCode, String output) {
        /**
         * Whether the child exited 0.
         * @return true on success
         */
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code main} in a child JVM with {@code ATEN_CPU_CAPABILITY=dispatch}.
     * @param dispatch the CPU dispatch
     * @param main the class to run
     * @param args its arguments
     * @return the exit status and output
     */
    public static Outcome run(String dispatch, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xss4m");
        for (String p : PROPERTIES) {
            String v = System.getProperty(p);
            if (v != null) {
                command.add("-D" + p + "=" + v);
            }
        }
        command.add("-cp");
        command.add(classpath(main));
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(Dispatch.ENV, dispatch);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes(); // drained before waiting, so the child never blocks
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Outcome(-1, new String(out, StandardCharsets.UTF_8) + "\n(timed out)");
            }
            return new Outcome(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Outcome(-1, "cannot start " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        }
    }

    /**
     * The classpath that loaded {@code main}: {@code exec:java} runs it in Maven's JVM under a
     * URLClassLoader of the project's classpath; Surefire and plain {@code java} use the system one.
     */
    static String classpath(Class<?> main) {
        if (main.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("classpath entry " + url + " is not a file", e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
