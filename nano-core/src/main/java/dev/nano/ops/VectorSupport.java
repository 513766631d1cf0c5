package dev.nano.ops;

import java.util.Locale;

/**
 * Which implementation of the hot kernels this JVM uses: the Vector API one when the JVM offers
 * it, plain Java otherwise. Chosen once, the first time a kernel runs, as Apache Lucene chooses
 * its vector code:
 * <ul>
 *   <li>the Vector API ({@code jdk.incubator.vector}) is an incubator module up to at least Java 25,
 *       so a JVM resolves it only when started with {@code --add-modules jdk.incubator.vector}.
 *       Without the module, nano runs its plain-Java kernels and never loads a class that names
 *       the Vector API (the vector kernels are loaded by name, reflectively, only when the module
 *       is there), so nano runs on any Java 17 JVM;
 *   <li>{@code -Dnano.vector=false} keeps the plain path even when the module is there (for tests
 *       and benchmarks that compare the two);
 *   <li>{@code -Dnano.vector.bits=256} (or 128, 512) narrows the vectors below the CPU's preferred
 *       width, e.g. to run the AVX2 code on an AVX-512 machine.
 * </ul>
 * On Java 17 to 25 the JVM itself prints {@code WARNING: Using incubator modules: jdk.incubator.vector}
 * to standard error at start-up whenever the module is added; no option turns that line off.
 *
 * <p>The choice is reported in one line, {@link #status()}, e.g. {@code nano: vector kernels on
 * (AVX2, 4 doubles)} or {@code nano: vector kernels off: add --add-modules jdk.incubator.vector}.
 * nano logs it once, through {@link System.Logger} (java.util.logging unless the application
 * installs another backend): at INFO when the vector path is on, at DEBUG (not shown by default)
 * when it is off, so a plain JVM, such as a test run, prints nothing. {@code scripts/bench} and
 * the benchmarks print it on every run.
 */
public final class VectorSupport {
    /** The system property that switches the vector path off ({@code false}); on by default when the module is there. */
    public static final String ENABLED_PROPERTY = "nano.vector";
    /** The system property that narrows the vectors' width in bits (128, 256 or 512); the CPU's preferred width by default. */
    public static final String BITS_PROPERTY = "nano.vector.bits";
    private static final String MODULE = "jdk.incubator.vector";

    /** Written once, while {@link Kernels} is initialised; read after it. */
    private static volatile String status;

    private VectorSupport() {
    }

    /**
     * Whether this JVM's kernels are the Vector API ones.
     * @return true when the vector path is on
     */
    public static boolean enabled() {
        return Kernels.ACTIVE.getClass() != Kernels.class;
    }

    /**
     * The one line that says which path the kernels use, and how to turn the vector path on.
     * @return e.g. {@code nano: vector kernels on (AVX-512, 8 doubles)}
     */
    public static String status() {
        java.util.Objects.requireNonNull(Kernels.ACTIVE); // makes sure the choice has been made
        return status;
    }

    /** Whether the JVM resolved the incubator module (it was started with {@code --add-modules}). */
    static boolean moduleAvailable() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /** Called once, by {@link Kernels#ACTIVE}'s initialiser (and by tests); sets the status line. */
    static Kernels choose() {
        if (!moduleAvailable()) {
            status = "nano: vector kernels off: add --add-modules " + MODULE;
            return new Kernels();
        }
        if ("false".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY, "true"))) {
            status = "nano: vector kernels off (-D" + ENABLED_PROPERTY + "=false)";
            return new Kernels();
        }
        Kernels chosen = loadVectorKernels();
        int lanes = vectorLanes(chosen);
        status = "nano: vector kernels on (" + instructionSet(System.getProperty("os.arch", ""), lanes * Double.SIZE)
                + ", " + lanes + " doubles)";
        return chosen;
    }

    /**
     * Logs the status line once, when {@link Kernels#ACTIVE} is set: at INFO when the vector path is
     * on (the user asked for it), at DEBUG otherwise (not shown by default, so a plain JVM, such as
     * a test run, prints nothing).
     */
    static Kernels report(Kernels chosen) {
        boolean on = chosen.getClass() != Kernels.class;
        System.getLogger("dev.nano").log(on ? System.Logger.Level.INFO : System.Logger.Level.DEBUG, status);
        return chosen;
    }

    /** By name, so that no class naming the Vector API is loaded on a JVM without the module. */
    private static Kernels loadVectorKernels() {
        try {
            return (Kernels) Class.forName("dev.nano.ops.VectorKernels").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("nano: the vector kernels could not be loaded", e);
        }
    }

    private static int vectorLanes(Kernels kernels) {
        try {
            return (int) kernels.getClass().getDeclaredMethod("lanes").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("nano: the vector kernels could not be loaded", e);
        }
    }

    /** The usual name of the instructions a vector of this many bits maps to on this CPU family. */
    static String instructionSet(String osArch, int bits) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x86 = arch.contains("amd64") || arch.contains("x86");
        if (!x86) {
            return arch + ", " + bits + "-bit";
        }
        return bits >= 512 ? "AVX-512" : bits == 256 ? "AVX2" : "SSE, " + bits + "-bit";
    }
}
