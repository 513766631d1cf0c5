package dev.nano.oracle.e2e;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.data.DataLoader;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.torch.TorchEngine;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * nano's DataLoader against PyTorch's indexing: with shuffling, batch {@code k} of an epoch must
 * be {@code x[perm[k·B : (k+1)·B]]} and {@code y[…]} as libtorch computes them, for the
 * permutation drawn from the same generator — every batch of two epochs of the bundled digits,
 * the short last batch included, value for value.
 */
class DataLoaderParityTest {
    @Test
    void shuffledBatchesAreLibtorchsSlicesOfTheSamePermutation() {
        MnistData data = MnistData.bundled(FixtureStore.locate());
        Tensor[] all = data.train().tensors();
        int n = data.train().size();
        DataLoader loader = DataLoader.builder(data.train()).batchSize(MnistRun.BATCH).shuffle(true)
                .generator(new Random(MnistRun.SHUFFLE_SEED)).build();
        Random replay = new Random(MnistRun.SHUFFLE_SEED);
        int batches = 0;
        try (NDManager m = TorchEngine.baseManager().newSubManager()) {
            NDArray x = m.create(all[0].data(), new Shape(n, 784));
            NDArray y = m.create(TorchMnistTraining.longs(all[1].data()), new Shape(n));
            for (int epoch = 0; epoch < 2; epoch++) {
                long[] perm = TorchMnistTraining.longs(Nano.randperm(n, replay).data());
                int k = 0;
                for (Tensor[] batch : loader) {
                    int from = k * MnistRun.BATCH;
                    int to = Math.min(from + MnistRun.BATCH, n);
                    try (NDManager b = m.newSubManager()) {
                        NDArray index = b.create(java.util.Arrays.copyOfRange(perm, from, to));
                        NDArray xb = x.get(new NDIndex("{}", index));
                        NDArray yb = y.get(new NDIndex("{}", index));
                        xb.attach(b);
                        yb.attach(b);
                        assertArrayEquals(new int[] {to - from, 784}, batch[0].shape());
                        assertArrayEquals(xb.toDoubleArray(), batch[0].data(), "epoch " + epoch + " batch " + k);
                        assertArrayEquals(yb.toLongArray(), TorchMnistTraining.longs(batch[1].data()));
                    }
                    k++;
                    batches++;
                }
                assertEquals(126, k);
            }
        }
        assertEquals(252, batches);
    }
}
