package dev.nano;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** softmax and logSoftmax along one dim: values by hand, overflow, -inf rows, gradients. */
class SoftmaxTest {

    private static final double NAN = Double.NaN;

    /** A shape and one of its dims. */
    record DimCase(int[] shape, int dim) {
        @Override
        public String toString() {
            return "shape " + Arrays.toString(shape) + " dim " + dim;
        }
    }

    static List<DimCase> dimCases() {
        List<DimCase> cases = new ArrayList<>();
        for (int[] shape : new int[][] {{}, {5}, {3, 4}, {2, 3, 4}}) {
            int rank = Math.max(shape.length, 1);
            for (int d = -rank; d < rank; d++) {
                cases.add(new DimCase(shape, d));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "softmax gradcheck {0}")
    @MethodSource("dimCases")
    void softmaxGradCheck(DimCase c) {
        GradCheck.check("softmax " + c, in -> Nano.softmax(in[0], c.dim()), GradCheck.uniform(21, -2, 2, c.shape()));
    }

    @ParameterizedTest(name = "logSoftmax gradcheck {0}")
    @MethodSource("dimCases")
    void logSoftmaxGradCheck(DimCase c) {
        GradCheck.check("logSoftmax " + c, in -> Nano.logSoftmax(in[0], c.dim()),
                GradCheck.uniform(22, -2, 2, c.shape()));
    }

    @Test
    void theLastDimGivesTheSameBitsAsAStridedDim() {
        // softmax over the last dim takes a loop for stride 1 (vectorised); over dim 0 of the
        // transpose, the general strided loop: both must compute the same numbers.
        Tensor x = GradCheck.uniform(23, -30, 30, 7, 45);
        Tensor g = GradCheck.uniform(24, -1, 1, 7, 45);
        Tensor rows = x.detach().requiresGrad(true);
        Tensor columns = x.t().detach().requiresGrad(true); // a new (45, 7) array: rows become columns
        Tensor byRows = Nano.softmax(rows, -1);
        Tensor byColumns = Nano.softmax(columns, 0);
        byRows.backward(g);
        byColumns.backward(g.t());
        assertArrayEquals(byRows.data(), byColumns.t().data());
        assertArrayEquals(rows.grad().data(), columns.grad().t().data());
    }

    @Test
    void softmaxValuesAndGradient() {
        // exp(0) : exp(log 3) = 1 : 3; backward y * (g - Σ g y) with g = [1, 0]: Σ g y = 1/4
        Tensor x = Nano.tensor(0, Math.log(3)).requiresGrad(true);
        Tensor y = Nano.softmax(x, 0);
        Expect.values(y, new int[] {2}, 0.25, 0.75);
        y.backward(Nano.tensor(1, 0));
        Expect.values(x.grad(), new int[] {2}, 0.25 * 0.75, 0.75 * -0.25);
    }

    @Test
    void logSoftmaxValuesAndGradient() {
        // backward g - exp(y) Σ g with g = [1, 0]: [1 - 1/4, -3/4]
        Tensor x = Nano.tensor(0, Math.log(3)).requiresGrad(true);
        Tensor y = Nano.logSoftmax(x, -1);
        Expect.values(y, new int[] {2}, Math.log(0.25), Math.log(0.75));
        y.backward(Nano.tensor(1, 0));
        Expect.values(x.grad(), new int[] {2}, 0.75, -0.75);
    }

    @Test
    void aLargeValueDoesNotOverflow() {
        // exp(1000) overflows; after subtracting the max: exp(-1000) = 0 and exp(0) = 1
        Expect.values(Nano.softmax(Nano.tensor(0, 1000), 0), new int[] {2}, 0, 1);
        Expect.values(Nano.logSoftmax(Nano.tensor(0, 1000), 0), new int[] {2}, -1000, 0);
        Expect.values(Nano.softmax(Nano.tensor(1000, 1000), 0), new int[] {2}, 0.5, 0.5);
    }

    @Test
    void minusInfinityGetsZeroWeight() {
        Expect.values(Nano.softmax(Nano.tensor(Double.NEGATIVE_INFINITY, 0), 0), new int[] {2}, 0, 1);
        Expect.values(Nano.logSoftmax(Nano.tensor(Double.NEGATIVE_INFINITY, 0), 0), new int[] {2},
                Double.NEGATIVE_INFINITY, 0);
    }

    @Test
    void aRowOfAllMinusInfinityIsNaN() {
        Tensor x = Nano.tensor(new double[][] {{Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, {0, 0}});
        Expect.values(Nano.softmax(x, 1), new int[] {2, 2}, NAN, NAN, 0.5, 0.5);
        Expect.values(Nano.logSoftmax(x, 1), new int[] {2, 2}, NAN, NAN, Math.log(0.5), Math.log(0.5));
    }

    @Test
    void nanPoisonsItsRowOnly() {
        Tensor x = Nano.tensor(new double[][] {{1, NAN}, {0, 0}});
        Expect.values(Nano.softmax(x, -1), new int[] {2, 2}, NAN, NAN, 0.5, 0.5);
    }

    @Test
    void alongTheFirstDim() {
        Tensor x = Nano.tensor(new double[][] {{0, 0}, {Math.log(3), 0}});
        Expect.values(Nano.softmax(x, 0), new int[] {2, 2}, 0.25, 0.5, 0.75, 0.5);
    }

    @Test
    void rowsSumToOneAlongTheMiddleDim() {
        Tensor y = Nano.softmax(GradCheck.uniform(3, -5, 5, 2, 3, 4), 1);
        Tensor sums = Nano.sum(y, new int[] {1}, false);
        Expect.values(sums, new int[] {2, 4}, 1, 1, 1, 1, 1, 1, 1, 1);
    }

    @Test
    void zeroDimInput() {
        Tensor x = Nano.scalar(4).requiresGrad(true);
        Tensor y = Nano.softmax(x, 0);
        Expect.values(y, new int[] {}, 1);
        y.backward();
        Expect.values(x.grad(), new int[] {}, 0);
        Expect.values(Nano.logSoftmax(Nano.scalar(4), -1), new int[] {}, 0);
    }

    @Test
    void emptyInput() {
        Expect.values(Nano.softmax(Nano.zeros(0, 3), 1), new int[] {0, 3});
        Expect.values(Nano.logSoftmax(Nano.zeros(2, 0), 1), new int[] {2, 0});
    }

    @Test
    void nodeNames() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        assertEquals("SoftmaxBackward0", Nano.softmax(x, 0).gradFn().name());
        assertEquals("LogSoftmaxBackward0", Nano.logSoftmax(x, 0).gradFn().name());
    }

    @Test
    void dimOutOfRangeFails() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> Nano.softmax(Nano.zeros(2, 3), 2));
        assertEquals("Dimension out of range (expected to be in range of [-2, 1], but got 2)", e.getMessage());
        IndexOutOfBoundsException s = assertThrows(IndexOutOfBoundsException.class,
                () -> Nano.logSoftmax(Nano.scalar(1), -2));
        assertEquals("Dimension out of range (expected to be in range of [-1, 0], but got -2)", s.getMessage());
    }
}
