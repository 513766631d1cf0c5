package dev.nano.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Sha256SumsTest {
    /** sha256("abc"), FIPS 180-2's first example. */
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void hashesAFile() throws IOException {
        Path f = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
        assertEquals(ABC, Sha256Sums.of(f));
    }

    @Test
    void readsSha256sumOutputIncludingBinaryMarkersAndBlankLines() throws IOException {
        Path sums = Files.writeString(dir.resolve("SHA256SUMS"), ABC + "  abc.txt\n\n" + ABC.replace('a', 'b')
                + " *other.bin\n");
        assertEquals(Map.of("abc.txt", ABC, "other.bin", ABC.replace('a', 'b')), Sha256Sums.read(sums));
    }

    @Test
    void malformedLinesAreRefusedWithTheLineNumber() throws IOException {
        Path sums = Files.writeString(dir.resolve("SHA256SUMS"), ABC + "  a\nnot-a-sum  b\n");
        var e = assertThrows(IllegalArgumentException.class, () -> Sha256Sums.read(sums));
        assertEquals(sums + " line 2: expected '<64 hex digits>  <file>', got 'not-a-sum  b'", e.getMessage());
        Path lonely = Files.writeString(dir.resolve("LONELY"), ABC + "\n");
        assertThrows(IllegalArgumentException.class, () -> Sha256Sums.read(lonely));
    }

    @Test
    void verifyAcceptsTheListedSumAndRefusesAnyOther() throws IOException {
        Path f = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
        Path sums = Files.writeString(dir.resolve("SHA256SUMS"), ABC + "  abc.txt\n");
        assertDoesNotThrow(() -> Sha256Sums.verify(sums, f));
        Files.writeString(f, "abd", StandardCharsets.US_ASCII);
        var e = assertThrows(IllegalStateException.class, () -> Sha256Sums.verify(sums, f));
        assertTrue(e.getMessage().startsWith(f + ": sha256 is "), e.getMessage());
        assertTrue(e.getMessage().contains("but " + sums + " expects " + ABC), e.getMessage());
        Path other = Files.writeString(dir.resolve("other.txt"), "x");
        var e2 = assertThrows(IllegalArgumentException.class, () -> Sha256Sums.verify(sums, other));
        assertEquals(sums + " lists no checksum for other.txt", e2.getMessage());
    }

    @Test
    void unreadableFilesAreNamed() {
        Path missing = dir.resolve("missing");
        var e = assertThrows(UncheckedIOException.class, () -> Sha256Sums.of(missing));
        assertTrue(e.getMessage().startsWith("cannot read " + missing), e.getMessage());
        var e2 = assertThrows(UncheckedIOException.class, () -> Sha256Sums.read(missing));
        assertTrue(e2.getMessage().startsWith("cannot read checksum list " + missing), e2.getMessage());
    }
}
