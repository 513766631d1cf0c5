package dev.nano.data;

import dev.nano.DType;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TensorDatasetTest {
    static final Tensor X = Nano.tensor(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 2, 2);
    static final Tensor Y = Nano.longTensor(new long[] {7, 8, 9}, 3);

    @Test
    void exampleIIsRowIOfEachTensor() {
        TensorDataset ds = new TensorDataset(X, Y);
        assertEquals(3, ds.size());
        Tensor[] e = ds.get(1);
        assertArrayEquals(new int[] {2, 2}, e[0].shape());
        assertArrayEquals(new double[] {4, 5, 6, 7}, e[0].data());
        assertArrayEquals(new int[0], e[1].shape());
        assertEquals(DType.INT64, e[1].dtype());
        assertEquals(8, e[1].item());
        assertArrayEquals(new double[] {8, 9, 10, 11}, ds.get(-1)[0].data());
        assertEquals(2, ds.tensors().length);
    }

    @Test
    void examplesAreCopiesWithoutAGraph() {
        Tensor w = Nano.ones(2, 3).requiresGrad(true);
        Tensor[] e = new TensorDataset(w).get(0);
        assertFalse(e[0].requiresGrad());
        e[0].data()[0] = 5;
        assertEquals(1, w.data()[0]);
    }

    @Test
    void badInputIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TensorDataset(X, Nano.zeros(4)));
        assertEquals("Size mismatch between tensors: [3, 2, 2] and [4] differ in their first dimension", e.getMessage());
        assertThrows(IllegalArgumentException.class, TensorDataset::new);
        var e2 = assertThrows(IllegalArgumentException.class, () -> new TensorDataset(Nano.scalar(1)));
        assertEquals("TensorDataset: a 0-d tensor has no first dimension to index", e2.getMessage());
        var e3 = assertThrows(IndexOutOfBoundsException.class, () -> new TensorDataset(X).get(3));
        assertEquals("index 3 is out of bounds for dimension 0 with size 3", e3.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> new TensorDataset(X).get(-4));
    }
}
