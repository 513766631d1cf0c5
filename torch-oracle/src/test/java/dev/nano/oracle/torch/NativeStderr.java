package dev.nano.oracle.torch;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.NativeWarning;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Captures what native code writes to the process's standard error (file descriptor 2) while a
 * PyTorch call runs: libtorch's C++ warning handler prints there directly, past every Java stream
 * and logger. The descriptor is pointed at a temporary file for the call (POSIX dup/dup2 through
 * JNA, which DJL already brings) and restored after; the file is read and deleted. On a platform
 * without POSIX descriptors (Windows) nothing is captured and {@link #AVAILABLE} is false.
 *
 * <p>Then {@link #check} holds the captured lines to the operator's catalogue entry: each line must
 * be a warning the entry declares ({@link OpInfo#nativeWarnings()}), and a declared warning must
 * appear exactly for the cases it names. So the warnings that var and std print on purpose for
 * N <= correction are proven here and do not reach the build's log.
 */
public final class NativeStderr {
    private NativeStderr() {
    }

    private interface LibC extends Library {
        int dup(int fd);

        int dup2(int from, int to);

        int close(int fd);

        int open(String path, int flags);
    }

    /** libtorch's convolution asks for NNPACK, whose initialisation warns on CPUs it does not support. */
    static final String MACHINE_NOTICE = "Could not initialize NNPACK! Reason: Unsupported hardware.";

    private static final int STDERR = 2;
    private static final int O_WRONLY = 1; // the same on Linux and macOS
    private static final LibC C = Platform.isWindows() ? null : Native.load("c", LibC.class);

    /** Whether this platform's standard error can be captured. */
    public static final boolean AVAILABLE = C != null;

    /**
     * What a call returned and the lines native code printed to standard error meanwhile.
     * @param value the call's result
     * @param lines the printed lines, in order
     * @param <T> the result's type
     */
    public record Captured<T>(T value, List<String> lines) {
    }

    /**
     * Runs {@code call} with file descriptor 2 pointed at a temporary file.
     * @param call the call
     * @param <T> its result's type
     * @return its result and the native lines it printed
     */
    public static synchronized <T> Captured<T> capture(Supplier<T> call) {
        if (!AVAILABLE) {
            return new Captured<>(call.get(), List.of());
        }
        Path file;
        try {
            file = Files.createTempFile("nano-native-stderr", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            int saved = C.dup(STDERR);
            int fd = C.open(file.toString(), O_WRONLY);
            if (saved < 0 || fd < 0) {
                throw new IllegalStateException("cannot redirect standard error (dup " + saved + ", open " + fd + ")");
            }
            T value;
            try {
                C.dup2(fd, STDERR);
                C.close(fd);
                value = call.get();
            } finally {
                C.dup2(saved, STDERR);
                C.close(saved);
            }
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return new Captured<>(value, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * {@link #check(OpInfo, Sample, List, boolean)} for a check named like a catalogue case,
     * {@code var[(3,) correction=3]}; any other check (an optimizer, an nn scenario) declares no
     * native warning, so it must print none.
     * @param caseName the check's name
     * @param lines the lines PyTorch printed to standard error for it
     * @return the problem, or null
     */
    public static String check(String caseName, List<String> lines) {
        int open = caseName.indexOf('[');
        OpInfo op = null;
        Sample sample = null;
        if (open > 0 && caseName.endsWith("]")) {
            String id = caseName.substring(open + 1, caseName.length() - 1);
            op = Catalogue.all().stream().filter(o -> o.name().equals(caseName.substring(0, open))).findFirst()
                    .orElse(null);
            sample = op == null ? null
                    : op.samples().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
        }
        if (sample == null) {
            // NNPACK's notice is the machine's, printed by any convolution on CPUs NNPACK does not support
            // (the end-to-end CNN run's drift check convolves); nothing else may be printed
            List<String> unexplained = lines.stream().filter(l -> !l.contains(MACHINE_NOTICE)).toList();
            return unexplained.isEmpty() ? null : caseName + ": libtorch printed to standard error: "
                    + unexplained.get(0);
        }
        return check(op, sample, lines, true);
    }

    /**
     * What is wrong with the native lines one case printed, or null: a line no declared warning of the
     * operator explains, or (with {@code strict}) a declared warning missing from a case it names or
     * present in one it does not.
     * @param op the operator
     * @param sample the case
     * @param lines the lines PyTorch printed to standard error for it
     * @param strict whether each declared warning must appear exactly where its predicate says
     * @return the problem, or null
     */
    public static String check(OpInfo op, Sample sample, List<String> lines, boolean strict) {
        for (String line : lines) {
            if (op.nativeWarnings().stream().noneMatch(w -> line.contains(w.phrase()))) {
                return op.name() + "[" + sample.id() + "]: libtorch printed a line its catalogue entry does not "
                        + "declare (OpInfo.nativeWarning): " + line;
            }
        }
        if (!strict || !AVAILABLE) {
            return null;
        }
        for (NativeWarning w : op.nativeWarnings()) {
            if (w.provokedBy() == null) {
                continue; // a notice that cannot be tied to cases: allowed, never required
            }
            boolean expected = w.provokedBy().test(sample);
            boolean printed = lines.stream().anyMatch(l -> l.contains(w.phrase()));
            if (expected != printed) {
                return op.name() + "[" + sample.id() + "]: libtorch " + (printed ? "printed" : "did not print")
                        + " \"" + w.phrase() + "\", but the catalogue entry says it " + (expected ? "does" : "does not");
            }
        }
        return null;
    }
}
