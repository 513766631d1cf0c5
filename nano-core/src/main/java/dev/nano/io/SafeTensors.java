package dev.nano.io;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tensors in the safetensors format (huggingface/safetensors), the file format PyTorch users
 * exchange weights in ({@code safetensors.torch.save_file} / {@code load_file}):
 *
 * <pre>
 * 8 bytes     N, the header's length, unsigned little-endian
 * N bytes     the header, UTF-8 JSON: {"__metadata__": {"k": "v"},
 *                                      "0.weight": {"dtype": "F64", "shape": [128, 784], "data_offsets": [0, 802816]}, …}
 * the rest    every tensor's bytes, little-endian, row-major, at its [begin, end) of data_offsets
 *             (counted from the end of the header), back to back with no gaps
 * </pre>
 *
 * <p>Written as the reference implementation writes: metadata first, then the tensors ordered by
 * dtype (larger elements first: I64, F64, then BOOL) and name, the header padded with spaces to a
 * multiple of 8 bytes so that the data is aligned. nano's float64, int64 and bool tensors are
 * written as F64, I64 and BOOL; reading also accepts F32, I32, I16, I8 and U8 (converted exactly
 * to float64 storage), so a float32 checkpoint written by PyTorch loads too.
 *
 * <p>Reading checks everything the format requires before returning anything: the header length
 * against the file, the JSON, each entry's dtype, shape and offsets, that the offsets tile the
 * data exactly, and that {@code __metadata__} maps strings to strings. A damaged file is refused
 * with a message naming the file and what is wrong.
 */
public final class SafeTensors {
    /** The reference implementation's limit on the header (100 MB), against absurd lengths in a damaged file. */
    static final long MAX_HEADER = 100_000_000;
    private static final String METADATA = "__metadata__";

    private SafeTensors() {
    }

    /** What a file holds: its tensors in data order, and its metadata (empty when there is none). */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    /**
     * Writes {@code tensors} (names as given, e.g. {@code module.stateDict()}) to {@code file}, with no metadata.
     * @param tensors the tensors by name
     * @param file where to write
     */
    public static void save(Map<String, Tensor> tensors, Path file) {
        save(tensors, Map.of(), file);
    }

    /**
     * Writes {@code tensors} and string {@code metadata} (e.g. {@code {"format": "pt"}}) to {@code file}.
     * @param tensors the tensors by name
     * @param metadata string pairs stored in the header's {@code __metadata__}
     * @param file where to write
     */
    public static void save(Map<String, Tensor> tensors, Map<String, String> metadata, Path file) {
        try {
            Files.write(file, toBytes(tensors, metadata));
        } catch (IOException e) {
            throw new UncheckedIOException("safetensors file " + file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * The tensors in {@code file}, each a new tensor that does not require grad.
     * @param file a {@code .safetensors} file
     * @return the tensors by name, in file order
     */
    public static Map<String, Tensor> load(Path file) {
        return read(file).tensors();
    }

    /**
     * Tensors and metadata of {@code file}.
     * @param file a {@code .safetensors} file
     * @return the file's tensors and metadata
     */
    public static Contents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) { // its own message is only the path
            throw new UncheckedIOException("safetensors file " + file + ": cannot read: no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("safetensors file " + file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return fromBytes(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("safetensors file " + file + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- writing

    static byte[] toBytes(Map<String, Tensor> tensors, Map<String, String> metadata) {
        List<Map.Entry<String, Tensor>> ordered = new ArrayList<>(tensors.entrySet());
        ordered.sort(Comparator.comparing((Map.Entry<String, Tensor> e) -> -Dtype.of(e.getValue()).order)
                .thenComparing(Map.Entry::getKey));
        StringBuilder header = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            header.append(HeaderJson.quote(METADATA)).append(":{");
            String separator = "";
            for (Map.Entry<String, String> m : metadata.entrySet()) {
                header.append(separator).append(HeaderJson.quote(m.getKey())).append(':')
                        .append(HeaderJson.quote(m.getValue()));
                separator = ",";
            }
            header.append('}');
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : ordered) {
            if (e.getKey().equals(METADATA)) {
                throw new IllegalArgumentException("safetensors: a tensor cannot be named " + METADATA);
            }
            Tensor t = e.getValue();
            Dtype dtype = Dtype.of(t);
            long end = offset + (long) t.numel() * dtype.size;
            header.append(header.length() > 1 ? "," : "").append(HeaderJson.quote(e.getKey()))
                    .append(":{\"dtype\":\"").append(dtype.name()).append("\",\"shape\":[");
            for (int d = 0; d < t.dim(); d++) {
                header.append(d > 0 ? "," : "").append(t.size(d));
            }
            header.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        header.append('}');
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (Map.Entry<String, Tensor> e : ordered) {
            Dtype dtype = Dtype.of(e.getValue());
            for (double v : e.getValue().data()) {
                dtype.put(out, v);
            }
        }
        return out.array();
    }

    // ---------------------------------------------------------------- reading

    private record Entry(String name, Dtype dtype, int[] shape, long begin, long end) {
    }

    static Contents fromBytes(byte[] bytes) {
        if (bytes.length < 8) {
            throw new IllegalArgumentException("truncated: " + bytes.length + " bytes, too short for the 8-byte header "
                    + "length");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buffer.getLong(0);
        if (headerLength < 0 || headerLength > MAX_HEADER) {
            // Almost always a file of another kind: its first 8 bytes, read as a length, are huge.
            throw new IllegalArgumentException("not a safetensors file (header length "
                    + Long.toUnsignedString(headerLength) + " is beyond the format's limit of " + MAX_HEADER + " bytes)");
        }
        if (8 + headerLength > bytes.length) {
            throw new IllegalArgumentException("truncated: the header is " + headerLength + " bytes long but the file "
                    + "ends at offset " + bytes.length);
        }
        String text = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        if (!text.startsWith("{")) {
            throw new IllegalArgumentException("not a safetensors file (the header must start with '{')");
        }
        Object json = HeaderJson.parse(text);
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Object> e : asObject(json, "the header").entrySet()) {
            if (e.getKey().equals(METADATA)) {
                for (Map.Entry<String, Object> m : asObject(e.getValue(), METADATA).entrySet()) {
                    if (!(m.getValue() instanceof String s)) {
                        throw new IllegalArgumentException(METADATA + " must map strings to strings, but \""
                                + m.getKey() + "\" is not a string");
                    }
                    metadata.put(m.getKey(), s);
                }
            } else {
                entries.add(entry(e.getKey(), e.getValue()));
            }
        }
        long dataStart = 8 + headerLength;
        long dataLength = bytes.length - dataStart;
        entries.sort(Comparator.comparingLong(Entry::begin));
        long expected = 0;
        for (Entry e : entries) {
            if (e.begin() != expected) {
                throw new IllegalArgumentException("tensor \"" + e.name() + "\" starts at data offset " + e.begin()
                        + ", but the previous tensor ends at " + expected + " (the data must be back to back)");
            }
            expected = e.end();
        }
        if (expected != dataLength) {
            throw new IllegalArgumentException((expected > dataLength ? "truncated: " : "") + "the header describes "
                    + expected + " bytes of data, but the file holds " + dataLength + " after the header");
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Entry e : entries) {
            double[] values = new double[Shape.numel(e.shape())];
            buffer.position((int) (dataStart + e.begin()));
            for (int i = 0; i < values.length; i++) {
                values[i] = e.dtype().get(buffer);
            }
            tensors.put(e.name(), new Tensor(values, e.shape(), e.dtype().nanoType));
        }
        return new Contents(tensors, metadata);
    }

    private static Entry entry(String name, Object value) {
        Map<String, Object> info = asObject(value, "tensor \"" + name + "\"");
        if (!info.keySet().equals(java.util.Set.of("dtype", "shape", "data_offsets"))) {
            throw new IllegalArgumentException("tensor \"" + name + "\" must have exactly dtype, shape and "
                    + "data_offsets, got " + info.keySet());
        }
        Dtype dtype = Dtype.named(name, info.get("dtype"));
        List<Long> shapeList = integers(name, "shape", info.get("shape"));
        int[] shape = new int[shapeList.size()];
        long numel = 1;
        for (int d = 0; d < shape.length; d++) {
            long size = shapeList.get(d);
            numel *= size;
            if (size < 0 || size > Integer.MAX_VALUE || numel > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tensor \"" + name + "\" has shape " + shapeList
                        + ", which is negative or more values than a Java array holds");
            }
            shape[d] = (int) size;
        }
        List<Long> offsets = integers(name, "data_offsets", info.get("data_offsets"));
        if (offsets.size() != 2 || offsets.get(0) < 0 || offsets.get(1) < offsets.get(0)) {
            throw new IllegalArgumentException("tensor \"" + name + "\" has data_offsets " + offsets
                    + "; expected [begin, end] with 0 <= begin <= end");
        }
        long length = offsets.get(1) - offsets.get(0);
        if (length != numel * dtype.size) {
            throw new IllegalArgumentException("tensor \"" + name + "\" of dtype " + dtype + " and shape " + shapeList
                    + " needs " + numel * dtype.size + " bytes, but its data_offsets " + offsets + " hold " + length);
        }
        return new Entry(name, dtype, shape, offsets.get(0), offsets.get(1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static List<Long> integers(String name, String field, Object value) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(v -> v instanceof Long)) {
            throw new IllegalArgumentException("tensor \"" + name + "\": " + field + " must be a list of integers");
        }
        return list.stream().map(v -> (Long) v).toList();
    }

    // ---------------------------------------------------------------- element types

    /** The format's dtype names that nano reads; {@code order} is the reference writer's sort key (alignment). */
    private enum Dtype {
        BOOL(1, 0, DType.BOOL), U8(1, 1, DType.INT64), I8(1, 2, DType.INT64), I16(2, 5, DType.INT64),
        I32(4, 9, DType.INT64), F32(4, 11, DType.FLOAT64), F64(8, 12, DType.FLOAT64), I64(8, 13, DType.INT64);

        final int size;
        final int order;
        final DType nanoType;

        Dtype(int size, int order, DType nanoType) {
            this.size = size;
            this.order = order;
            this.nanoType = nanoType;
        }

        static Dtype of(Tensor t) {
            return switch (t.dtype()) {
                case FLOAT64 -> F64;
                case INT64 -> I64;
                case BOOL -> BOOL;
            };
        }

        static Dtype named(String tensor, Object name) {
            for (Dtype d : values()) {
                if (d.name().equals(name)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("tensor \"" + tensor + "\" has dtype " + name + ", which nano does not "
                    + "read (it reads F64, F32, I64, I32, I16, I8, U8 and BOOL)");
        }

        void put(ByteBuffer out, double v) {
            switch (this) {
                case F64 -> out.putDouble(v);
                case I64 -> out.putLong((long) v);
                default -> out.put((byte) (v != 0 ? 1 : 0)); // BOOL: the only other type nano writes
            }
        }

        double get(ByteBuffer in) {
            return switch (this) {
                case BOOL -> in.get() != 0 ? 1 : 0;
                case U8 -> in.get() & 0xff;
                case I8 -> in.get();
                case I16 -> in.getShort();
                case I32 -> in.getInt();
                case F32 -> in.getFloat();
                case F64 -> in.getDouble();
                case I64 -> in.getLong();
            };
        }
    }
}
