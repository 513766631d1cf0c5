package dev.nano.oracle.torch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * libtorch's CPU dispatch: which of its compiled kernel sets runs. libtorch reads the environment
 * variable {@code ATEN_CPU_CAPABILITY} ({@code default}, {@code avx2}, {@code avx512}) once, when it
 * loads, and otherwise takes the widest one the CPU supports. The kernels differ in vector width
 * (float64: 8 elements per step under {@code default}/{@code avx2}, 16 under {@code avx512}), and at
 * a few points, such as elu's gradient at NaN, in their answers. So one JVM sees one dispatch; the
 * others are reached in child JVMs ({@link ChildJvm}).
 *
 * <p>{@link #CANONICAL} is the dispatch whose answers are the fixtures' main record: every x86-64
 * and every other CPU offers it, so the recorded bytes do not depend on the recorder's CPU.
 */
public final class Dispatch {
    /** The environment variable libtorch reads to choose its CPU kernels. */
    public static final String ENV = "ATEN_CPU_CAPABILITY";
    /** The dispatch whose answers are the main record. */
    public static final String CANONICAL = "default";
    /** From narrowest to widest, the x86-64 kernel sets of libtorch 2.7.1. */
    static final List<String> X86_64 = List.of("default", "avx2", "avx512");

    private Dispatch() {
    }

    /**
     * Every dispatch this machine can run, narrowest first; always starts with {@link #CANONICAL}.
     * @return the dispatches
     */
    public static List<String> supported() {
        return supported(System.getProperty("os.name"), System.getProperty("os.arch"), cpuFlags());
    }

    static List<String> supported(String osName, String arch, Set<String> flags) {
        List<String> out = new ArrayList<>(List.of(CANONICAL));
        if (!isX86_64(arch)) {
            return out; // libtorch's other architectures are not switched here; their one dispatch is "default"
        }
        if (flags.containsAll(List.of("avx2", "fma"))) {
            out.add("avx2");
        }
        // libtorch's own test for its AVX-512 kernels (cpuinfo): F, BW, DQ and VL.
        if (flags.containsAll(List.of("avx512f", "avx512bw", "avx512dq", "avx512vl"))) {
            out.add("avx512");
        }
        return out;
    }

    /**
     * The dispatch libtorch runs in this JVM: {@code ATEN_CPU_CAPABILITY} if it names a supported
     * dispatch, else the widest supported one (what libtorch picks by itself).
     * @return the dispatch
     */
    public static String current() {
        return current(System.getenv(ENV), supported());
    }

    static String current(String env, List<String> supported) {
        if (env != null && supported.contains(env.trim().toLowerCase(Locale.ROOT))) {
            return env.trim().toLowerCase(Locale.ROOT);
        }
        return supported.get(supported.size() - 1);
    }

    /**
     * Where a dispatch stands in libtorch's order, narrowest first; unknown names after the known ones.
     * @param dispatch a dispatch name
     * @return its position
     */
    public static int order(String dispatch) {
        int i = X86_64.indexOf(dispatch);
        return i < 0 ? X86_64.size() : i;
    }

    /**
     * The dispatches this machine offers, or the subset {@code restriction} names (a comma-separated
     * list such as "default,avx2", from {@code -Dnano.dispatches}), to regenerate as a machine with
     * fewer dispatches would: the canonical one cannot be left out, and a dispatch this machine cannot
     * run is refused.
     * @param restriction the names, or null for every supported dispatch
     * @return the dispatches, narrowest first
     */
    public static List<String> supportedOrRestrictedTo(String restriction) {
        List<String> supported = supported();
        if (restriction == null || restriction.isBlank()) {
            return supported;
        }
        List<String> wanted = Arrays.stream(restriction.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).distinct().sorted(java.util.Comparator.comparingInt(Dispatch::order))
                .toList();
        if (!wanted.contains(CANONICAL)) {
            throw new IllegalArgumentException("nano.dispatches: '" + restriction + "' leaves out " + CANONICAL
                    + ", whose answers are the fixtures' main record");
        }
        for (String w : wanted) {
            if (!supported.contains(w)) {
                throw new IllegalArgumentException("nano.dispatches: this machine cannot run '" + w + "'; it offers "
                        + String.join(", ", supported));
            }
        }
        return wanted;
    }

    static boolean isX86_64(String arch) {
        return "amd64".equals(arch) || "x86_64".equals(arch);
    }

    /** The CPU's feature flags from /proc/cpuinfo (Linux); empty elsewhere, which leaves only "default". */
    static Set<String> cpuFlags() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Set.of();
        }
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("flags")) {
                    return new HashSet<>(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                }
            }
        } catch (IOException e) {
            return Set.of();
        }
        return Set.of();
    }
}
