package dev.nano;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Max, average and adaptive pooling: hand-derived values (windows small enough to add up by eye),
 * PyTorch's tie and NaN rules, ceil-mode windows, gradients against finite differences, and
 * PyTorch's messages.
 */
class PoolingTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static int[] i(int... v) {
        return v;
    }

    /** A 1×1×H×W tensor holding {@code values} row by row. */
    private static Tensor plane(int h, int w, double... values) {
        return new Tensor(values, 1, 1, h, w);
    }

    @Test
    void maxPoolPicksTheMaximumAndItsFlatIndex() {
        Tensor x = plane(3, 4, 1, 5, 2, 0, 3, 4, 9, 8, 7, 6, 1, 2);
        ValuesIndices r = Nano.maxPool2d(x, i(2), i(), i(0), i(1), false);
        Expect.values(r.values(), i(1, 1, 1, 2), 5, 9);
        Expect.values(r.indices(), i(1, 1, 1, 2), 1, 6);
        assertEquals(DType.INT64, r.indices().dtype());
    }

    @Test
    void tiesGoToTheFirstCellAndNaNToTheLastNaN() {
        // window 1: 4 4 / 4 4 -> first cell (index 0); window 2: 1 NaN / NaN 2 -> last NaN (index 6)
        Tensor x = plane(2, 4, 4, 4, 1, NAN, 4, 4, NAN, 2);
        ValuesIndices r = Nano.maxPool2d(x, i(2), i(2), i(0), i(1), false);
        Expect.values(r.values(), i(1, 1, 1, 2), 4, NAN);
        Expect.values(r.indices(), i(1, 1, 1, 2), 0, 6);
        Tensor xg = x.detach().requiresGrad(true);
        Nano.maxPool2d(xg, i(2), i(2), i(0), i(1), false).values().backward(new Tensor(new double[] {3, 7}, 1, 1, 1, 2));
        Expect.values(xg.grad(), i(1, 1, 2, 4), 3, 0, 0, 0, 0, 0, 7, 0);
    }

    @Test
    void aWindowOfMinusInfinityKeepsItsFirstCell() {
        ValuesIndices r = Nano.maxPool2d(plane(1, 3, -INF, -INF, 2), i(1, 2), i(1, 2), i(0, 1), i(1), false);
        // windows: [pad, -inf] -> first inside cell 0; [-inf, 2] -> 2 at index 2
        Expect.values(r.values(), i(1, 1, 1, 2), -INF, 2);
        Expect.values(r.indices(), i(1, 1, 1, 2), 0, 2);
    }

    @Test
    void ceilModeKeepsAPartialWindowButNotOneStartingInThePadding() {
        // length 5, kernel 2, stride 2: floor gives 2 windows, ceil 3 (the last one holds only x[4])
        Tensor x = new Tensor(new double[] {1, 2, 3, 4, 5}, 1, 1, 5);
        Expect.values(Nano.maxPool1d(x, 2, 2, 0, 1, false).values(), i(1, 1, 2), 2, 4);
        Expect.values(Nano.maxPool1d(x, 2, 2, 0, 1, true).values(), i(1, 1, 3), 2, 4, 5);
        // length 4, kernel 2, stride 2, pad 1: ceil would give 4 windows, but the 4th starts at
        // 3·2 − 1 = 5 ≥ 4 + 1, inside the right padding, so pooling_output_shape drops it
        Tensor y = new Tensor(new double[] {1, 2, 3, 4}, 1, 1, 4);
        Expect.values(Nano.maxPool1d(y, 2, 2, 1, 1, true).values(), i(1, 1, 3), 1, 3, 4);
        // the last window [3, 5) reaches into the right padding (x[3] and one pad cell): 4 / 2
        Expect.values(Nano.avgPool1d(y, 2, 2, 1, true, true), i(1, 1, 3), 0.5, 2.5, 2);
    }

    @Test
    void avgPoolDivisors() {
        Tensor x = plane(2, 3, 1, 2, 3, 4, 5, 6);
        // kernel 2, stride 2, pad 1: windows rows {pad,0}/{1,pad}... first window holds x[0,0] only
        Expect.values(Nano.avgPool2d(x, i(2), i(2), i(1), false, true, null), i(1, 1, 2, 2),
                1 / 4.0, 5 / 4.0, 4 / 4.0, 11 / 4.0);
        Expect.values(Nano.avgPool2d(x, i(2), i(2), i(1), false, false, null), i(1, 1, 2, 2),
                1 / 1.0, 5 / 2.0, 4 / 1.0, 11 / 2.0);
        Expect.values(Nano.avgPool2d(x, i(2), i(2), i(1), false, false, 3), i(1, 1, 2, 2),
                1 / 3.0, 5 / 3.0, 4 / 3.0, 11 / 3.0);
        // ceil mode: a window that reaches past the right padding counts only up to it
        Expect.values(Nano.avgPool2d(x, i(2), i(2), i(0), true, true, null), i(1, 1, 1, 2),
                12 / 4.0, 9 / 2.0);
    }

    @Test
    void adaptiveWindowsOverlapAsPyTorchs() {
        // length 5 into 3: [0,2) [1,4) [3,5)
        Tensor x = new Tensor(new double[] {1, 2, 3, 4, 5}, 1, 1, 5);
        Expect.values(Nano.adaptiveAvgPool1d(x, 3), i(1, 1, 3), 1.5, 3, 4.5);
        ValuesIndices m = Nano.adaptiveMaxPool2d(new Tensor(new double[] {1, 2, 3, 4, 5}, 1, 1, 1, 5), 1, 3);
        Expect.values(m.values(), i(1, 1, 1, 3), 2, 4, 5);
        Expect.values(m.indices(), i(1, 1, 1, 3), 1, 3, 4);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor x = GradCheck.uniform(11, -2, 2, 2, 3, 7, 6);
        GradCheck.check("max_pool2d k3 s2 p1 d1 ceil", in -> Nano.maxPool2d(in[0], i(3), i(2), i(1), i(1), true)
                .values(), x);
        GradCheck.check("max_pool2d k(2,3) s(1,2) d2", in -> Nano.maxPool2d(in[0], i(2, 3), i(1, 2), i(0, 1),
                i(2), false).values(), x);
        GradCheck.check("avg_pool2d k3 s2 p1 ceil include", in -> Nano.avgPool2d(in[0], i(3), i(2), i(1), true, true,
                null), x);
        GradCheck.check("avg_pool2d k(2,3) exclude", in -> Nano.avgPool2d(in[0], i(2, 3), i(3, 2), i(1), true, false,
                null), x);
        GradCheck.check("avg_pool2d divisor 5", in -> Nano.avgPool2d(in[0], i(2), i(1), i(0), false, true, 5), x);
        GradCheck.check("adaptive_avg_pool2d (3,4)", in -> Nano.adaptiveAvgPool2d(in[0], 3, 4), x);
        GradCheck.check("adaptive_max_pool2d (4,3)", in -> Nano.adaptiveMaxPool2d(in[0], 4, 3).values(), x);
        Tensor y = GradCheck.uniform(12, -2, 2, 2, 3, 9);
        GradCheck.check("max_pool1d", in -> Nano.maxPool1d(in[0], 3, 2, 1, 2, true).values(), y);
        GradCheck.check("avg_pool1d", in -> Nano.avgPool1d(in[0], 3, 2, 1, true, false), y);
        GradCheck.check("adaptive_avg_pool1d", in -> Nano.adaptiveAvgPool1d(in[0], 4), y);
    }

    @Test
    void unbatchedAndEmptyBatches() {
        assertArrayEquals(i(3, 3, 2), Nano.maxPool2d(Nano.zeros(3, 7, 5), i(2), i(), i(0), i(1), false)
                .values().shape());
        assertArrayEquals(i(0, 3, 3, 2), Nano.avgPool2d(Nano.zeros(0, 3, 7, 5), i(2), i(), i(0), false, true, null)
                .shape());
    }

    @Test
    void anAdaptivePoolsEmptyOutputHasNoBackward() {
        // found by scripts/fuzz: PyTorch's forward makes the empty output, its backward refuses it
        Tensor x = Nano.ones(1, 4, 5).requiresGrad(true);
        Tensor out = Nano.adaptiveAvgPool2d(x, 0, 3);
        assertArrayEquals(i(1, 0, 3), out.shape());
        expect("adaptive_avg_pool2d_backward(): Expected grad_output to have non-zero size for non-batch dimensions, "
                + "but grad_output has sizes [1, 0, 3] with dimension 1 being empty", () -> out.sum().backward());
        Tensor y = Nano.ones(2, 1, 4, 5).requiresGrad(true);
        Tensor m = Nano.adaptiveMaxPool2d(y, 2, 0).values();
        expect("adaptive_max_pool2d_backward(): Expected grad_output to have non-zero size for non-batch dimensions, "
                + "but grad_output has sizes [2, 1, 2, 0] with dimension 3 being empty", () -> m.sum().backward());
    }

    @Test
    void badArgumentsFailWithPyTorchsMessages() {
        Tensor x = Nano.zeros(1, 2, 4, 4);
        expect("pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1",
                () -> Nano.maxPool2d(x, i(3), i(), i(2), i(1), false));
        // found by scripts/fuzz: with dilation 2 the padding passes Pool.h's effective-kernel check but not
        // pool2d_shape_check's, which in libtorch 2.7.1 compares with half the kernel itself
        expect("pad should be smaller than or equal to half of kernel size, but got padW = 1, padH = 2, kW = 3, kH = 3",
                () -> Nano.maxPool2d(Nano.zeros(1, 2, 9, 9), i(3), i(), i(2, 1), i(2), false));
        expect("Given input size: (2x4x4). Calculated output size: (2x0x0). Output size is too small",
                () -> Nano.maxPool2d(x, i(5), i(), i(0), i(1), false));
        expect("pad must be non-negative, but got pad: -1", () -> Nano.avgPool2d(x, i(3), i(), i(-1), false, true,
                null));
        expect("divisor must be not zero", () -> Nano.avgPool2d(x, i(2), i(), i(0), false, true, 0));
        expect("max_pool2d: kernel_size must either be a single int, or a tuple of two ints",
                () -> Nano.maxPool2d(x, i(1, 2, 3), i(), i(0), i(1), false));
        expect("non-empty 3D or 4D (batch mode) tensor expected for input",
                () -> Nano.maxPool2d(Nano.zeros(4, 4), i(2), i(), i(0), i(1), false));
        expect("Expected 2 to 3 dimensions, but got 1-dimensional tensor for argument #1 'self' (while checking "
                + "arguments for max_pool1d)", () -> Nano.maxPool1d(Nano.zeros(4), 2, 0, 0, 1, false));
        expect("adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has "
                + "sizes [1, 2, 0, 4] with dimension 2 being empty", () -> Nano.adaptiveAvgPool2d(Nano.zeros(1, 2, 0,
                4), 2));
    }

    private static void expect(String message, org.junit.jupiter.api.function.Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
