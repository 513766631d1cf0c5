package dev.nano.oracle.torch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Which of DJL's libtorch jars ({@code pytorch-native-cpu}, one per platform classifier) belongs to
 * this machine, and which one the build put on the classpath. torch-oracle's pom chooses it with a
 * profile per platform; this is the same table, so a test can check that the two agree.
 */
public final class LibtorchPlatform {
    /** The classifiers Maven Central publishes for pytorch-native-cpu 2.7.1 (no osx-x86_64). */
    public static final List<String> PUBLISHED = List.of("linux-x86_64", "linux-aarch64", "osx-aarch64", "win-x86_64");

    private LibtorchPlatform() {
    }

    /**
     * The classifier for an {@code os.name}/{@code os.arch} pair, or null where libtorch 2.7.1 is not published.
     * @param osName the {@code os.name}
     * @param arch the {@code os.arch}
     * @return the classifier
     */
    public static String classifierFor(String osName, String arch) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean x64 = Dispatch.isX86_64(arch);
        boolean arm64 = "aarch64".equals(arch) || "arm64".equals(arch);
        if (os.startsWith("linux")) {
            return x64 ? "linux-x86_64" : arm64 ? "linux-aarch64" : null;
        }
        if (os.startsWith("mac")) {
            return arm64 ? "osx-aarch64" : null;
        }
        if (os.startsWith("windows")) {
            return x64 ? "win-x86_64" : null;
        }
        return null;
    }

    /**
     * The classifier of the libtorch jar on the classpath (its {@code native/lib/pytorch.properties}), or null.
     * @return the classifier
     */
    public static String onClasspath() {
        try (InputStream in = LibtorchPlatform.class.getClassLoader().getResourceAsStream("native/lib/pytorch.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("classifier");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
