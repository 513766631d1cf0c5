package dev.nano.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks files against a {@code SHA256SUMS} list in the format {@code sha256sum} writes and
 * {@code sha256sum -c} reads: one {@code <64 hex digits>  <file name>} per line.
 */
public final class Sha256Sums {
    private Sha256Sums() {
    }

    /**
     * The sha256 of a file, as 64 lower-case hex digits.
     * @param file the file to hash
     * @return the hex digest
     */
    public static String of(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e); // every JVM must have it
        }
    }

    /**
     * The expected sums listed in {@code sums}, by file name, in file order.
     * @param sums a {@code SHA256SUMS} file ({@code sha256sum}'s format)
     * @return a map from file name to hex digest
     */
    public static Map<String, String> read(Path sums) {
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(sums);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checksum list " + sums + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+\\*?", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(sums + " line " + (i + 1) + ": expected '<64 hex digits>  <file>', "
                        + "got '" + line + "'");
            }
            expected.put(parts[1], parts[0]);
        }
        return expected;
    }

    /**
     * Fails, naming the file and both sums, unless {@code file}'s sha256 is the one listed for it in {@code sums}.
     * @param sums a {@code SHA256SUMS} file
     * @param file the file to check
     */
    public static void verify(Path sums, Path file) {
        String name = file.getFileName().toString();
        String expected = read(sums).get(name);
        if (expected == null) {
            throw new IllegalArgumentException(sums + " lists no checksum for " + name);
        }
        String actual = of(file);
        if (!actual.equals(expected)) {
            throw new IllegalStateException(file + ": sha256 is " + actual + " but " + sums + " expects " + expected
                    + "; the file is damaged or not the one the list was written for");
        }
    }
}
