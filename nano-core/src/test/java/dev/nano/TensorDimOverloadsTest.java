package dev.nano;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Tensor's one-dim shorthands ({@code x.sum(1, true)}, {@code x.var(0)}, {@code x.max(1)}, ...) reach
 * the reduction with the right dims and keepdim, on x = [[1, 2], [3, 4]] with hand-computed answers.
 */
class TensorDimOverloadsTest {
    private static Tensor x() {
        return Nano.tensor(new double[][] {{1, 2}, {3, 4}});
    }

    private static void assertTensor(int[] shape, double[] values, Tensor t) {
        assertArrayEquals(shape, t.shape());
        assertArrayEquals(values, t.toDoubleArray(), 1e-15);
    }

    @Test
    void sumsAndMeansAlongOneDim() {
        assertTensor(new int[] {2, 1}, new double[] {3, 7}, x().sum(1, true));
        assertTensor(new int[] {2}, new double[] {2, 3}, x().mean(0));
        assertTensor(new int[] {1, 2}, new double[] {2, 3}, x().mean(0, true));
        assertTensor(new int[] {2}, new double[] {2, 12}, x().prod(1));
        // log(e^1 + e^2) = 2 + log(1 + e^-1); log(e^3 + e^4) = 4 + log(1 + e^-1)
        double l = Math.log1p(Math.exp(-1));
        assertTensor(new int[] {2}, new double[] {2 + l, 4 + l}, x().logsumexp(1));
    }

    @Test
    void varianceAndStandardDeviationAlongOneDim() {
        // columns (1, 3) and (2, 4): mean 2 and 3, squared deviations 1 + 1, unbiased: / (2 - 1)
        assertTensor(new int[] {2}, new double[] {2, 2}, x().var(0));
        assertTensor(new int[] {1, 2}, new double[] {1, 1}, x().var(new int[] {0}, false, true));
        assertTensor(new int[] {2}, new double[] {Math.sqrt(2), Math.sqrt(2)}, x().std(0));
        assertTensor(new int[] {2, 1}, new double[] {0.5, 0.5}, x().std(new int[] {1}, false, true));
    }

    @Test
    void extremaAlongOneDim() {
        assertTensor(new int[] {2}, new double[] {2, 4}, x().amax(1));
        assertTensor(new int[] {2}, new double[] {1, 2}, x().amin(0));
        ValuesIndices max = x().max(1);
        assertTensor(new int[] {2}, new double[] {2, 4}, max.values());
        assertTensor(new int[] {2}, new double[] {1, 1}, max.indices());
        ValuesIndices min = x().min(0);
        assertTensor(new int[] {2}, new double[] {1, 2}, min.values());
        assertTensor(new int[] {2}, new double[] {0, 0}, min.indices());
    }
}
