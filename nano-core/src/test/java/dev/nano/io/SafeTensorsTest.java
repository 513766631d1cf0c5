package dev.nano.io;

import dev.nano.DType;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The expected bytes are written out by hand from the format's specification (huggingface/safetensors
 * README: 8-byte little-endian header size, JSON header, little-endian row-major data).
 */
class SafeTensorsTest {
    @TempDir
    Path dir;

    /** A file: the header length (little-endian u64), the header, then the data bytes. */
    static byte[] file(String header, int... data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        out.writeBytes(h);
        for (int b : data) {
            out.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void writesExactlyTheSpecifiedBytes() throws IOException {
        Path p = dir.resolve("a.safetensors");
        SafeTensors.save(Map.of("a", Nano.tensor(1.0, -2.0)), p);
        // 55 bytes of JSON, padded with one space to 56; 1.0 = 0x3FF0000000000000, -2.0 = 0xC000000000000000.
        byte[] expected = file("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}} ",
                0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0xc0);
        assertArrayEquals(expected, Files.readAllBytes(p));
    }

    @Test
    void writesMetadataFirstAndOrdersTensorsByDtypeThenName() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("z", Nano.boolTensor(new boolean[] {true, false}, 2));
        tensors.put("b", Nano.scalar(0.5));
        tensors.put("a", Nano.scalar(0.25));
        tensors.put("n", Nano.longTensor(new long[] {3}));
        byte[] bytes = SafeTensors.toBytes(tensors, Map.of("format", "pt"));
        String header = new String(bytes, 8, (int) ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0),
                StandardCharsets.UTF_8);
        assertEquals("{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"n\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]},"
                + "\"a\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[8,16]},"
                + "\"b\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[16,24]},"
                + "\"z\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[24,26]}}", header.stripTrailing());
        assertEquals(0, (header.length()) % 8, "the data starts 8-byte aligned");
        assertArrayEquals(new byte[] {3, 0, 0, 0, 0, 0, 0, 0}, Arrays.copyOfRange(bytes, 8 + header.length(),
                16 + header.length()));
        assertArrayEquals(new byte[] {1, 0}, Arrays.copyOfRange(bytes, bytes.length - 2, bytes.length));
    }

    @Test
    void roundTripsValuesDtypesShapesAndMetadataBitForBit() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("w", Nano.tensor(new double[] {Double.MIN_VALUE, -0.0, Double.NaN, Double.NEGATIVE_INFINITY,
            1e300, 1.0 / 3}, 2, 3));
        tensors.put("steps", Nano.longTensor(new long[] {-5, 1L << 52}, 2));
        tensors.put("mask", Nano.boolTensor(new boolean[] {false, true, true}, 3));
        tensors.put("empty", Nano.zeros(0, 4));
        tensors.put("name with \"quotes\" \\ and \u00e9\n", Nano.scalar(7));
        SafeTensors.Contents c = SafeTensors.fromBytes(SafeTensors.toBytes(tensors, Map.of("k\"", "v\u0001")));
        assertEquals(Map.of("k\"", "v\u0001"), c.metadata());
        assertEquals(tensors.keySet(), c.tensors().keySet());
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor back = c.tensors().get(e.getKey());
            assertArrayEquals(e.getValue().shape(), back.shape(), e.getKey());
            assertEquals(e.getValue().dtype(), back.dtype(), e.getKey());
            for (int i = 0; i < back.numel(); i++) {
                assertEquals(Double.doubleToRawLongBits(e.getValue().data()[i]),
                        Double.doubleToRawLongBits(back.data()[i]), e.getKey() + "[" + i + "]");
            }
            assertFalse(back.requiresGrad());
        }
        assertEquals(Map.of(), SafeTensors.fromBytes(SafeTensors.toBytes(Map.of(), Map.of())).tensors());
    }

    /**
     * What {@code safetensors.torch.save_file({"weight": torch.tensor([[0.5, -1.25]]), "bias":
     * torch.tensor([3.0])}, f, metadata={"format": "pt"})} writes: float32, the header padded
     * with spaces to a multiple of 8 (149 → 152 bytes), bytes of 0.5f = 0x3F000000, -1.25f =
     * 0xBFA00000, 3.0f = 0x40400000, little-endian.
     */
    static final byte[] TORCH_FLOAT32 = file("{\"__metadata__\":{\"format\":\"pt\"},\"weight\":{\"dtype\":\"F32\",\"shape\":"
            + "[1,2],\"data_offsets\":[0,8]},\"bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}   ",
            0, 0, 0, 0x3f, 0, 0, 0xa0, 0xbf, 0, 0, 0x40, 0x40);

    @Test
    void readsAFloat32FileAsPyTorchWritesIt() throws IOException {
        Path p = Files.write(dir.resolve("torch.safetensors"), TORCH_FLOAT32);
        SafeTensors.Contents c = SafeTensors.read(p);
        assertEquals(Map.of("format", "pt"), c.metadata());
        assertEquals(List.of("weight", "bias"), List.copyOf(c.tensors().keySet()));
        assertArrayEquals(new double[] {0.5, -1.25}, c.tensors().get("weight").data());
        assertArrayEquals(new int[] {1, 2}, c.tensors().get("weight").shape());
        assertEquals(DType.FLOAT64, SafeTensors.load(p).get("bias").dtype());
    }

    /**
     * Byte strings from the reference implementation's own tests (huggingface/safetensors,
     * bindings/python/tests/test_simple.py at 24b0b28, May 2026): what its writer produces for
     * {@code save({"test": np.zeros((2, 2), np.int32)})} with {@code data[1, 1] = 1}, for the same
     * with {@code metadata={"framework": "pt"}}, and an older unpadded file it still reads.
     */
    static final byte[][] REFERENCE = {
        file("{\"test\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}    ",
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0),
        file("{\"__metadata__\":{\"framework\":\"pt\"},\"test1\":{\"dtype\":\"I32\",\"shape\":[2,2],"
                + "\"data_offsets\":[0,16]}} ", new int[16]),
        file("{\"test\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}", new int[16]),
    };

    @Test
    void readsFilesTheReferenceImplementationWrote() {
        assertEquals(64, REFERENCE[0][0], "'@': the reference pads the 60-byte header to 64");
        assertEquals(96, REFERENCE[1][0], "'`': 95 bytes padded to 96");
        SafeTensors.Contents c = SafeTensors.fromBytes(REFERENCE[0]);
        assertArrayEquals(new int[] {2, 2}, c.tensors().get("test").shape());
        assertArrayEquals(new double[] {0, 0, 0, 1}, c.tensors().get("test").data());
        assertEquals(Map.of("framework", "pt"), SafeTensors.fromBytes(REFERENCE[1]).metadata());
        assertArrayEquals(new double[4], SafeTensors.fromBytes(REFERENCE[2]).tensors().get("test").data());
    }

    /**
     * nano writes I64 where the reference's test wrote I32; with that one substitution (dtype and
     * the byte count) nano's bytes are the reference's: the same compact JSON, the same padding.
     */
    @Test
    void writesTheReferenceLayout() {
        byte[] nano = SafeTensors.toBytes(Map.of("test", Nano.longTensor(new long[] {0, 0, 0, 1}, 2, 2)), Map.of());
        byte[] expected = file("{\"test\":{\"dtype\":\"I64\",\"shape\":[2,2],\"data_offsets\":[0,32]}}    ",
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
        assertArrayEquals(expected, nano);
        Map<String, Tensor> one = new LinkedHashMap<>();
        one.put("test1", Nano.longTensor(new long[] {0, 0, 0, 0}, 2, 2));
        byte[] withMetadata = SafeTensors.toBytes(one, Map.of("framework", "pt"));
        String header = new String(withMetadata, 8, 96, StandardCharsets.UTF_8);
        assertEquals("{\"__metadata__\":{\"framework\":\"pt\"},\"test1\":{\"dtype\":\"I64\",\"shape\":[2,2],"
                + "\"data_offsets\":[0,32]}} ", header);
        assertEquals(96, withMetadata[0]);
    }

    @Test
    void readsTheIntegerTypes() {
        byte[] bytes = file("{\"u\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]},"
                + "\"i\":{\"dtype\":\"I8\",\"shape\":[1],\"data_offsets\":[1,2]},"
                + "\"s\":{\"dtype\":\"I16\",\"shape\":[1],\"data_offsets\":[2,4]},"
                + "\"w\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
                0xff, 0xff, 0xfe, 0xff, 0x00, 0x00, 0x00, 0x80);
        Map<String, Tensor> t = SafeTensors.fromBytes(bytes).tensors();
        assertEquals(255, t.get("u").item());
        assertEquals(-1, t.get("i").item());
        assertEquals(-2, t.get("s").item());
        assertEquals(Integer.MIN_VALUE, t.get("w").item());
        assertEquals(DType.INT64, t.get("w").dtype());
    }

    private void refused(byte[] bytes, String message) throws IOException {
        Path p = Files.write(dir.resolve("bad.safetensors"), bytes);
        var e = assertThrows(IllegalArgumentException.class, () -> SafeTensors.load(p));
        assertEquals("safetensors file " + p + ": " + message, e.getMessage());
    }

    private static final String ONE = "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}";

    @Test
    void truncatedOrInconsistentFilesAreRefused() throws IOException {
        byte[] good = file(ONE, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f);
        refused(Arrays.copyOf(good, 5), "truncated: 5 bytes, too short for the 8-byte header length");
        refused(Arrays.copyOf(good, 30), "truncated: the header is 54 bytes long but the file ends at offset 30");
        refused(Arrays.copyOf(good, good.length - 1), "truncated: the header describes 8 bytes of data, but the file "
                + "holds 7 after the header");
        refused(Arrays.copyOf(good, good.length + 1), "the header describes 8 bytes of data, but the file holds 9 "
                + "after the header");
        byte[] huge = good.clone();
        huge[7] = (byte) 0x80;
        refused(huge, "not a safetensors file (header length 9223372036854775862 is beyond the format's limit of "
                + "100000000 bytes)");
        byte[] big = good.clone();
        big[3] = 0x10;
        refused(big, "not a safetensors file (header length 268435510 is beyond the format's limit of 100000000 bytes)");
        // A text file: its first 8 bytes read as a length far beyond the limit.
        refused("hello, this is not a checkpoint\n".getBytes(StandardCharsets.US_ASCII), "not a safetensors file "
                + "(header length 8367736964726416744 is beyond the format's limit of 100000000 bytes)");
        refused(file(" " + ONE.substring(1)), "not a safetensors file (the header must start with '{')");
        refused(file("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]}}", new int[16]),
                "tensor \"a\" starts at data offset 8, but the previous tensor ends at 0 (the data must be back to back)");
        refused(file("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[4,12]}}", new int[12]),
                "tensor \"b\" starts at data offset 4, but the previous tensor ends at 8 (the data must be back to back)");
    }

    @Test
    void malformedHeadersAreRefused() throws IOException {
        refused(file("{\"a\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,2]}}", 0, 0),
                "tensor \"a\" has dtype F16, which nano does not read (it reads F64, F32, I64, I32, I16, I8, U8 and BOOL)");
        refused(file("{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,8]}}", new int[8]),
                "tensor \"a\" of dtype F64 and shape [2] needs 16 bytes, but its data_offsets [0, 8] hold 8");
        refused(file("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,0]}}"),
                "tensor \"a\" has data_offsets [8, 0]; expected [begin, end] with 0 <= begin <= end");
        refused(file("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[-1,7]}}"),
                "tensor \"a\" has data_offsets [-1, 7]; expected [begin, end] with 0 <= begin <= end");
        refused(file("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0]}}"),
                "tensor \"a\" has data_offsets [0]; expected [begin, end] with 0 <= begin <= end");
        refused(file("{\"a\":{\"dtype\":\"F64\",\"shape\":[-1],\"data_offsets\":[0,0]}}"),
                "tensor \"a\" has shape [-1], which is negative or more values than a Java array holds");
        refused(file("{\"a\":{\"dtype\":\"U8\",\"shape\":[65536,65536],\"data_offsets\":[0,0]}}"),
                "tensor \"a\" has shape [65536, 65536], which is negative or more values than a Java array holds");
        refused(file("{\"a\":{\"dtype\":\"U8\",\"shape\":[4294967296],\"data_offsets\":[0,0]}}"),
                "tensor \"a\" has shape [4294967296], which is negative or more values than a Java array holds");
        refused(file("{\"a\":{\"dtype\":\"F64\",\"shape\":\"1\",\"data_offsets\":[0,8]}}", new int[8]),
                "tensor \"a\": shape must be a list of integers");
        refused(file("{\"a\":{\"dtype\":\"F64\",\"shape\":[\"1\"],\"data_offsets\":[0,8]}}", new int[8]),
                "tensor \"a\": shape must be a list of integers");
        refused(file("{\"a\":{\"dtype\":\"F64\",\"shape\":[1]}}"),
                "tensor \"a\" must have exactly dtype, shape and data_offsets, got [dtype, shape]");
        refused(file("{\"a\":[1]}"), "tensor \"a\" must be a JSON object");
        refused(file("{\"__metadata__\":{\"k\":[1]}}"), "__metadata__ must map strings to strings, but \"k\" is not a string");
        refused(file("{\"__metadata__\":\"x\"}"), "__metadata__ must be a JSON object");
        refused(file("{\"a\":1.5}"), "numbers in a safetensors header are integers at offset 6 of the header");
        refused(file(ONE.replace("[0,8]", "[0,8") , new int[8]), "expected ']' at offset 51 of the header");
    }

    @Test
    void theJsonReaderHandlesTheWholeGrammarItNeeds() {
        Object v = HeaderJson.parse(" { \"s\" : \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u20AC\" , \"e\":{}, \"l\": [ ],"
                + " \"n\": [-3, 0, 12] }  ");
        assertEquals(Map.of("s", "\"\\/\b\f\n\r\t\u00e9\u20ac", "e", Map.of(), "l", List.of(), "n", List.of(-3L, 0L, 12L)),
                v);
        String[][] bad = {
            {"{\"a\":1,\"a\":2}", "duplicate key \"a\" at offset 7 of the header"},
            {"{\"a\":1} x", "unexpected text after the header's JSON value at offset 8 of the header"},
            {"{\"a\":", "the header ends in the middle of a value at offset 5 of the header"},
            {"{\"a\":true}", "unexpected character 't' at offset 5 of the header"},
            {"{a:1}", "expected a quoted key at offset 1 of the header"},
            {"{\"a\" 1}", "expected ':' at offset 5 of the header"},
            {"{\"a\":1 \"b\":2}", "expected '}' at offset 7 of the header"},
            {"{\"a", "unterminated string at offset 3 of the header"},
            {"{\"a\\", "unterminated string at offset 4 of the header"},
            {"{\"a\\x\":1}", "bad escape \\x at offset 4 of the header"},
            {"{\"a\\u12\":1}", "bad \\u escape at offset 5 of the header"},
            {"{\"a\\u12", "bad \\u escape at offset 5 of the header"},
            {"[1e3]", "numbers in a safetensors header are integers at offset 2 of the header"},
            {"[1E3]", "numbers in a safetensors header are integers at offset 2 of the header"},
            {"[-]", "bad integer at offset 1 of the header"},
            {"[99999999999999999999]", "bad integer at offset 1 of the header"},
        };
        for (String[] b : bad) {
            var e = assertThrows(IllegalArgumentException.class, () -> HeaderJson.parse(b[0]), b[0]);
            assertEquals(b[1], e.getMessage(), b[0]);
        }
        assertEquals(List.of(5L), HeaderJson.parse("[5]"));
        assertEquals(5L, HeaderJson.parse("5"));
        assertEquals("\"a\\\"b\\\\c\\u000a\"", HeaderJson.quote("a\"b\\c\n"));
    }

    @Test
    void aTensorCannotBeNamedLikeTheMetadataAndIoErrorsNameTheFile() {
        var e = assertThrows(IllegalArgumentException.class, () -> SafeTensors.toBytes(Map.of("__metadata__",
                Nano.scalar(1)), Map.of()));
        assertEquals("safetensors: a tensor cannot be named __metadata__", e.getMessage());
        Path missing = dir.resolve("missing.safetensors");
        var e2 = assertThrows(UncheckedIOException.class, () -> SafeTensors.load(missing));
        assertEquals("safetensors file " + missing + ": cannot read: no such file", e2.getMessage());
        Path inMissingDir = dir.resolve("no/such/dir.safetensors");
        var e3 = assertThrows(UncheckedIOException.class, () -> SafeTensors.save(Map.of(), inMissingDir));
        assertTrue(e3.getMessage().startsWith("safetensors file " + inMissingDir + ": cannot write"), e3.getMessage());
    }
}
