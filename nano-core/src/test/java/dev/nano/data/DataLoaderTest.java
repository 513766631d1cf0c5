package dev.nano.data;

import dev.nano.DefaultGenerator;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DataLoaderTest {
    /** Ten examples: x = (i, 10 + i), y = i, so a batch shows which examples it holds. */
    static TensorDataset tenExamples() {
        double[] x = new double[20];
        long[] y = new long[10];
        for (int i = 0; i < 10; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 10 + i;
            y[i] = i;
        }
        return new TensorDataset(Nano.tensor(x, 10, 2), Nano.longTensor(y, 10));
    }

    private static List<double[]> labels(DataLoader loader) {
        List<double[]> out = new ArrayList<>();
        for (Tensor[] batch : loader) {
            out.add(batch[1].data());
        }
        return out;
    }

    @Test
    void withoutShuffleBatchesAreConsecutiveSlicesAndTheLastIsShorter() {
        DataLoader loader = DataLoader.builder(tenExamples()).batchSize(4).build();
        assertEquals(3, loader.size());
        List<Tensor[]> batches = new ArrayList<>();
        loader.forEach(batches::add);
        assertEquals(3, batches.size());
        assertArrayEquals(new int[] {4, 2}, batches.get(0)[0].shape());
        assertArrayEquals(new double[] {0, 10, 1, 11, 2, 12, 3, 13}, batches.get(0)[0].data());
        assertArrayEquals(new int[] {2}, batches.get(2)[1].shape());
        assertArrayEquals(new double[] {8, 9}, batches.get(2)[1].data());
    }

    @Test
    void dropLastDropsTheShortBatch() {
        DataLoader loader = DataLoader.builder(tenExamples()).batchSize(4).dropLast(true).build();
        assertEquals(2, loader.size());
        assertEquals(2, labels(loader).size());
        assertEquals(10, DataLoader.builder(tenExamples()).build().size()); // PyTorch's default batch size is 1
        assertEquals(1, DataLoader.builder(tenExamples()).batchSize(6).dropLast(true).build().size());
    }

    @Test
    void shuffledBatchesAreSlicesOfRandpermFromTheGeneratorANewOneEachEpoch() {
        DataLoader loader = DataLoader.builder(tenExamples()).batchSize(4).shuffle(true).generator(new Random(3))
                .build();
        Random replay = new Random(3);
        for (int epoch = 0; epoch < 2; epoch++) {
            double[] perm = Nano.randperm(10, replay).data();
            List<double[]> got = labels(loader);
            assertArrayEquals(Arrays.copyOfRange(perm, 0, 4), got.get(0));
            assertArrayEquals(Arrays.copyOfRange(perm, 4, 8), got.get(1));
            assertArrayEquals(Arrays.copyOfRange(perm, 8, 10), got.get(2));
        }
    }

    @Test
    void shuffleWithoutAGeneratorUsesTheDefaultOne() {
        DataLoader loader = DataLoader.builder(tenExamples()).batchSize(10).shuffle(true).build();
        Nano.manualSeed(11);                                 // after the loader was built: still obeyed
        List<double[]> first = labels(loader);
        Nano.manualSeed(11);
        assertArrayEquals(Nano.randperm(10, DefaultGenerator.get()).data(), first.get(0));
    }

    @Test
    void aCustomCollateBuildsTheBatch() {
        DataLoader loader = DataLoader.builder(tenExamples()).batchSize(3)
                .collate(examples -> new Tensor[] {Nano.scalar(examples.size())}).build();
        assertEquals(List.of(3.0, 3.0, 3.0, 1.0), labelsOrSizes(loader));
    }

    private static List<Double> labelsOrSizes(DataLoader loader) {
        List<Double> out = new ArrayList<>();
        loader.forEach(b -> out.add(b[0].item()));
        return out;
    }

    @Test
    void iteratorEndsWithNoSuchElement() {
        Iterator<Tensor[]> it = DataLoader.builder(tenExamples()).batchSize(10).build().iterator();
        it.next();
        assertFalse(it.hasNext());
        var e = assertThrows(NoSuchElementException.class, it::next);
        assertEquals("the epoch has 1 batches", e.getMessage());
    }

    @Test
    void badOptionsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(tenExamples()).batchSize(0));
        assertEquals("batch_size should be a positive integer value, but got batch_size=0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(null));
        assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(tenExamples()).collate(null));
        TensorDataset ds = tenExamples();
        assertSame(ds, DataLoader.builder(ds).build().dataset());
    }

    @Test
    void defaultCollateStacksEachFieldAndRefusesRaggedExamples() {
        Tensor[] batch = DataLoader.stackFields(List.of(new Tensor[] {Nano.tensor(1, 2), Nano.scalar(3)},
                new Tensor[] {Nano.tensor(4, 5), Nano.scalar(6)}));
        assertArrayEquals(new int[] {2, 2}, batch[0].shape());
        assertArrayEquals(new double[] {3, 6}, batch[1].data());
        var e = assertThrows(IllegalArgumentException.class, () -> DataLoader.stackFields(List.of(
                new Tensor[] {Nano.scalar(1), Nano.scalar(2)}, new Tensor[] {Nano.scalar(3)})));
        assertEquals("each element in list of batch should be of equal size: example 0 has 2 fields, example 1 has 1",
                e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> DataLoader.stackFields(List.of(
                new Tensor[] {Nano.tensor(1, 2)}, new Tensor[] {Nano.tensor(1, 2, 3)})));
        assertNotEquals(null, e2.getMessage());
    }
}
