package dev.nano.data;

import dev.nano.DType;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IDX bytes here are written out by hand from the format's description (big-endian sizes, row-major bytes). */
class IdxReaderTest {
    @TempDir
    Path dir;

    /** A (2, 2, 3) unsigned-byte tensor whose values include 0, 127, 128 and 255 (the sign bit). */
    static final byte[] RANK3 = {0, 0, 0x08, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3,
        0, 1, 2, 127, (byte) 128, (byte) 255, 10, 11, 12, 13, 14, 15};

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void readsShapeAndUnsignedBytesRowMajor() throws IOException {
        Tensor t = IdxReader.read(write("x-idx3-ubyte", RANK3));
        assertArrayEquals(new int[] {2, 2, 3}, t.shape());
        assertEquals(DType.INT64, t.dtype());
        assertArrayEquals(new double[] {0, 1, 2, 127, 128, 255, 10, 11, 12, 13, 14, 15}, t.data());
    }

    @Test
    void readsGzippedFilesByTheirMagicBytes() throws IOException {
        Tensor t = IdxReader.read(write("x-idx3-ubyte.gz", gzip(RANK3)));
        assertArrayEquals(new double[] {0, 1, 2, 127, 128, 255, 10, 11, 12, 13, 14, 15}, t.data());
        Tensor labels = IdxReader.read(write("y", new byte[] {0, 0, 8, 1, 0, 0, 0, 0}));
        assertArrayEquals(new int[] {0}, labels.shape());
    }

    /** One file of each type, values big-endian as the format specifies, written out by hand. */
    @Test
    void readsEveryIdxType() throws IOException {
        Tensor signed = IdxReader.read(write("s", new byte[] {0, 0, 0x09, 1, 0, 0, 0, 2, (byte) 0xff, 0x7f}));
        assertArrayEquals(new double[] {-1, 127}, signed.data());
        assertEquals(DType.INT64, signed.dtype());
        Tensor shorts = IdxReader.read(write("h", new byte[] {0, 0, 0x0B, 1, 0, 0, 0, 2, (byte) 0xff, (byte) 0xfe,
            0x01, 0x00}));
        assertArrayEquals(new double[] {-2, 256}, shorts.data());
        Tensor ints = IdxReader.read(write("i", new byte[] {0, 0, 0x0C, 1, 0, 0, 0, 1, (byte) 0x80, 0, 0, 0}));
        assertArrayEquals(new double[] {Integer.MIN_VALUE}, ints.data());
        Tensor floats = IdxReader.read(write("f", new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 1, (byte) 0xbf, (byte) 0xa0, 0,
            0}));
        assertArrayEquals(new double[] {-1.25}, floats.data());
        assertEquals(DType.FLOAT64, floats.dtype());
        Tensor doubles = IdxReader.read(write("d", new byte[] {0, 0, 0x0E, 1, 0, 0, 0, 1, 0x3f, (byte) 0xf0, 0, 0, 0,
            0, 0, 0}));
        assertArrayEquals(new double[] {1.0}, doubles.data());
    }

    /** A message names the file, what was expected and the offset. */
    private void refused(byte[] bytes, String expected) throws IOException {
        Path p = write("bad", bytes);
        var e = assertThrows(IllegalArgumentException.class, () -> IdxReader.read(p));
        assertEquals("IDX file " + p + ": " + expected, e.getMessage());
    }

    @Test
    void malformedOrTruncatedFilesNameTheFileAndTheOffset() throws IOException {
        refused(new byte[] {0, 0, 8}, "truncated: expected the 4-byte magic number at offset 0, but the file ends at offset 3");
        refused(new byte[] {1, 0, 8, 1}, "not an IDX file: the magic number must start with two zero bytes, got 0x01 0x00 at offset 0");
        refused(new byte[] {0, 2, 8, 1}, "not an IDX file: the magic number must start with two zero bytes, got 0x00 0x02 at offset 0");
        refused(new byte[] {0, 0, 0x0A, 1, 0, 0, 0, 0}, "data type 0x0a at offset 2 is not one of IDX's (0x08 "
                + "unsigned byte, 0x09 signed byte, 0x0b short, 0x0c int, 0x0d float, 0x0e double)");
        refused(new byte[] {0, 0, 8, 0}, "0 dimensions declared at offset 3");
        refused(new byte[] {0, 0, 8, 2, 0, 0, 0, 1, 0}, "truncated: expected 2 dimension sizes at offset 4, but the "
                + "file ends at offset 9");
        refused(Arrays.copyOf(RANK3, RANK3.length - 1), "truncated: expected 12 values of 1 byte(s) at offset 16, but "
                + "the file ends at offset 27");
        refused(new byte[] {0, 0, 0x0E, 1, 0, 0, 0, 1, 0x3f, (byte) 0xf0}, "truncated: expected 1 values of 8 byte(s) "
                + "at offset 8, but the file ends at offset 10");
        byte[] longer = Arrays.copyOf(RANK3, RANK3.length + 2);
        refused(longer, "2 unexpected bytes after the last value, at offset 28");
        refused(new byte[] {0, 0, 8, 1, (byte) 0x80, 0, 0, 0}, "dimension size 2147483648 at offset 4 makes more values "
                + "than a Java array holds");
        refused(new byte[] {0, 0, 8, 2, 0, 1, 0, 0, 0, 1, 0, 0}, "dimension size 65536 at offset 8 makes more values "
                + "than a Java array holds");
    }

    @Test
    void corruptOrTruncatedGzipIsRefused() throws IOException {
        byte[] gz = gzip(RANK3);
        Path cut = write("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        var e = assertThrows(IllegalArgumentException.class, () -> IdxReader.read(cut));
        assertTrue(e.getMessage().startsWith("IDX file " + cut + ": the gzip stream is corrupt or truncated"),
                e.getMessage());
        byte[] bad = gz.clone();
        bad[3] = (byte) 0xff; // reserved flag bits
        Path corrupt = write("corrupt.gz", bad);
        var e2 = assertThrows(IllegalArgumentException.class, () -> IdxReader.read(corrupt));
        assertTrue(e2.getMessage().startsWith("IDX file " + corrupt + ": the gzip stream is corrupt or truncated"),
                e2.getMessage());
    }

    @Test
    void anUnreadableFileIsNamed() {
        Path missing = dir.resolve("missing-idx1-ubyte");
        var e = assertThrows(UncheckedIOException.class, () -> IdxReader.read(missing));
        assertTrue(e.getMessage().startsWith("IDX file " + missing + ": cannot read"), e.getMessage());
    }

    @Test
    void aOneByteFileIsNotMistakenForGzip() throws IOException {
        refused(new byte[] {0x1f}, "truncated: expected the 4-byte magic number at offset 0, but the file ends at offset 1");
        refused(new byte[] {0x1f, 0}, "truncated: expected the 4-byte magic number at offset 0, but the file ends at offset 2");
    }
}
