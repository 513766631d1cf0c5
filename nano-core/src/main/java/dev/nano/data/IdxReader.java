package dev.nano.data;

import dev.nano.DType;
import dev.nano.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX files MNIST and Fashion-MNIST are published in ({@code train-images-idx3-ubyte},
 * optionally gzipped): a big-endian header of two zero bytes, a type byte, the number of
 * dimensions, one 4-byte size per dimension, then the values row-major.
 *
 * <p>Every type of the format is read: unsigned byte (0x08, the type of every MNIST-family file),
 * signed byte (0x09), short (0x0B), int (0x0C) — as int64 tensors — and float (0x0D) and double
 * (0x0E), as float64. Values come back unscaled (images 0…255); {@link Mnist} scales them to [0, 1].
 *
 * <p>A file that is not IDX, declares another type, or ends before its header says it should is
 * refused with the file's name and the byte offset where reading stopped.
 */
public final class IdxReader {
    /** IDX's type codes, the size of one value, and the tensor type it is read as. */
    private enum Type {
        UNSIGNED_BYTE(0x08, 1, DType.INT64), SIGNED_BYTE(0x09, 1, DType.INT64), SHORT(0x0B, 2, DType.INT64),
        INT(0x0C, 4, DType.INT64), FLOAT(0x0D, 4, DType.FLOAT64), DOUBLE(0x0E, 8, DType.FLOAT64);

        final int code;
        final int size;
        final DType dtype;

        Type(int code, int size, DType dtype) {
            this.code = code;
            this.size = size;
            this.dtype = dtype;
        }

        static Type of(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }

        /** Value {@code i} of the data starting at {@code start}; IDX is big-endian. */
        double read(ByteBuffer data, int start, int i) {
            int at = start + i * size;
            return switch (this) {
                case UNSIGNED_BYTE -> data.get(at) & 0xff;
                case SIGNED_BYTE -> data.get(at);
                case SHORT -> data.getShort(at);
                case INT -> data.getInt(at);
                case FLOAT -> data.getFloat(at);
                case DOUBLE -> data.getDouble(at);
            };
        }
    }

    private IdxReader() {
    }

    /**
     * The tensor stored in {@code file} ({@code .gz} files, recognised by their magic bytes, are unzipped).
     * @param file an IDX file, possibly gzipped
     * @return a tensor of the stored shape (float64 values of the stored bytes)
     */
    public static Tensor read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                bytes = gunzip(file, bytes);
            }
            return parse(file.toString(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("IDX file " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static byte[] gunzip(Path file, byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new IllegalArgumentException("IDX file " + file + ": the gzip stream is corrupt or truncated ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Parses the bytes of an IDX file; {@code name} is only for messages. */
    static Tensor parse(String name, byte[] bytes) {
        require(name, bytes, 0, 4, "the 4-byte magic number");
        if (bytes[0] != 0 || bytes[1] != 0) {
            throw new IllegalArgumentException("IDX file " + name + ": not an IDX file: the magic number must start "
                    + "with two zero bytes, got 0x" + hex(bytes[0]) + " 0x" + hex(bytes[1]) + " at offset 0");
        }
        Type type = Type.of(bytes[2] & 0xff);
        if (type == null) {
            throw new IllegalArgumentException("IDX file " + name + ": data type 0x" + hex(bytes[2])
                    + " at offset 2 is not one of IDX's (0x08 unsigned byte, 0x09 signed byte, 0x0b short, 0x0c int, "
                    + "0x0d float, 0x0e double)");
        }
        int dims = bytes[3] & 0xff;
        if (dims == 0) {
            throw new IllegalArgumentException("IDX file " + name + ": 0 dimensions declared at offset 3");
        }
        require(name, bytes, 4, 4 * dims, dims + " dimension sizes");
        int[] shape = new int[dims];
        long count = 1;
        for (int d = 0; d < dims; d++) {
            int offset = 4 + 4 * d;
            long size = ((bytes[offset] & 0xffL) << 24) | ((bytes[offset + 1] & 0xff) << 16)
                    | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
            count *= size;
            if (size > Integer.MAX_VALUE || count > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("IDX file " + name + ": dimension size " + size + " at offset "
                        + offset + " makes more values than a Java array holds");
            }
            shape[d] = (int) size;
        }
        int start = 4 + 4 * dims;
        long end = start + count * type.size;
        if (end > bytes.length) {
            throw new IllegalArgumentException("IDX file " + name + ": truncated: expected " + count + " values of "
                    + type.size + " byte(s) at offset " + start + ", but the file ends at offset " + bytes.length);
        }
        if (bytes.length > end) {
            throw new IllegalArgumentException("IDX file " + name + ": " + (bytes.length - end)
                    + " unexpected bytes after the last value, at offset " + end);
        }
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = type.read(data, start, i);
        }
        return new Tensor(values, shape, type.dtype);
    }

    private static void require(String name, byte[] bytes, int offset, int length, String what) {
        if (bytes.length - offset < length) {
            throw new IllegalArgumentException("IDX file " + name + ": truncated: expected " + what + " at offset "
                    + offset + ", but the file ends at offset " + bytes.length);
        }
    }

    private static String hex(byte b) {
        return String.format("%02x", b & 0xff);
    }
}
