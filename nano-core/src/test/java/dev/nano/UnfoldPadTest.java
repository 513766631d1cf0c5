package dev.nano;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code unfold}/{@code fold} and {@code pad} with modes reflect, replicate and circular: values
 * worked out by hand, {@code fold} as the exact adjoint of {@code unfold}, gradients against finite
 * differences, and the argument checks (PyTorch's wording; the catalogue proves it against libtorch).
 */
class UnfoldPadTest {

    private static int[] i(int... v) {
        return v;
    }

    private static Tensor range(int... shape) {
        double[] v = new double[Shape.numel(shape)];
        for (int k = 0; k < v.length; k++) {
            v[k] = k + 1;
        }
        return new Tensor(v, shape);
    }

    // ---------------------------------------------------------------- unfold / fold

    @Test
    void unfoldLaysEachWindowOutAsAColumn() {
        // 1×1×3×3 image 1..9, 2×2 windows, stride 1: four windows, columns in (row, col) order
        Tensor cols = Nano.unfold(range(1, 1, 3, 3), i(2), i(1), i(0), i(1));
        assertArrayEquals(i(1, 4, 4), cols.shape());
        assertArrayEquals(new double[] {1, 2, 4, 5, 2, 3, 5, 6, 4, 5, 7, 8, 5, 6, 8, 9}, cols.data());
    }

    @Test
    void unfoldReadsZerosInThePaddingAndHonoursStrideAndDilation() {
        // 1×1×2×2 image padded by 1: 3×3 windows with stride 2 and dilation 1 → one window per corner... (2×2 of them)
        Tensor cols = Nano.unfold(range(1, 2, 2), i(3), i(1), i(1), i(2)); // unbatched (C, H, W)
        assertArrayEquals(i(9, 1), cols.shape());
        assertArrayEquals(new double[] {0, 0, 0, 0, 1, 2, 0, 3, 4}, cols.data());
        // dilation 2 on a 1×1×3×3 image: the 2×2 kernel's taps are the four corners
        Tensor corners = Nano.unfold(range(1, 1, 3, 3), i(2), i(2), i(0), i(1));
        assertArrayEquals(new double[] {1, 3, 7, 9}, corners.data());
    }

    @Test
    void foldAddsOverlappingWindowsBack() {
        // fold(ones) counts how many 2×2 windows cover each pixel of a 3×3 image
        Tensor counts = Nano.fold(Nano.ones(1, 4, 4), i(3), i(2), i(1), i(0), i(1));
        assertArrayEquals(i(1, 1, 3, 3), counts.shape());
        assertArrayEquals(new double[] {1, 2, 1, 2, 4, 2, 1, 2, 1}, counts.data());
        Tensor unbatched = Nano.fold(Nano.ones(4, 4), i(3, 3), i(2, 2), i(1, 1), i(0, 0), i(1, 1));
        assertArrayEquals(i(1, 3, 3), unbatched.shape());
    }

    @Test
    void foldIsTheAdjointOfUnfold() {
        // <unfold(x), y> = <x, fold(y)> for every geometry: the two share one index map
        int[][] geometry = {{2, 3, 1, 2}, {3, 1, 1, 1}, {2, 2, 0, 3}};
        for (int[] g : geometry) {
            Tensor x = GradCheck.uniform(11, -1, 1, 2, 3, 7, 6);
            Tensor cols = Nano.unfold(x, i(g[0]), i(g[1]), i(g[2]), i(g[3]));
            Tensor y = GradCheck.uniform(12, -1, 1, cols.shape());
            Tensor back = Nano.fold(y, i(7, 6), i(g[0]), i(g[1]), i(g[2]), i(g[3]));
            double left = cols.mul(y).sum().item();
            double right = x.mul(back).sum().item();
            assertEquals(left, right, 1e-12 * (1 + Math.abs(left)));
        }
    }

    @Test
    void unfoldAndFoldGradientsMatchFiniteDifferences() {
        GradCheck.check("unfold", in -> Nano.unfold(in[0], i(2, 3), i(2, 1), i(1, 0), i(2, 1)),
                GradCheck.uniform(13, -2, 2, 2, 2, 6, 5));
        GradCheck.check("fold", in -> Nano.fold(in[0], i(5, 4), i(2), i(1), i(1), i(2)),
                GradCheck.uniform(14, -2, 2, 2, 8, 9));
        GradCheck.check("unfold unbatched", in -> Nano.unfold(in[0], i(3), i(1), i(1), i(1)),
                GradCheck.uniform(15, -2, 2, 2, 3, 3));
        GradCheck.check("fold unbatched", in -> Nano.fold(in[0], i(3), i(2), i(1), i(0), i(1)),
                GradCheck.uniform(16, -2, 2, 8, 4));
    }

    @Test
    void emptyBatchesUnfoldAndFoldToEmptyResults() {
        assertArrayEquals(i(0, 8, 9), Nano.unfold(Nano.zeros(0, 2, 4, 4), i(2), i(1), i(0), i(1)).shape());
        assertArrayEquals(i(0, 2, 4, 4), Nano.fold(Nano.zeros(0, 8, 9), i(4), i(2), i(1), i(0), i(1)).shape());
    }

    @Test
    void unfoldRefusesBadArgumentsInPyTorchsWords() {
        Tensor x = Nano.zeros(1, 1, 3, 3);
        assertEquals("kernel size should be greater than zero, but got kernel_height: 2 kernel_width: 0",
                assertThrows(IllegalArgumentException.class, () -> Nano.unfold(x, i(2, 0), i(1), i(0), i(1)))
                        .getMessage());
        assertEquals("dilation should be greater than zero, but got dilation_height: 0 dilation_width: 1",
                assertThrows(IllegalArgumentException.class, () -> Nano.unfold(x, i(2), i(0, 1), i(0), i(1)))
                        .getMessage());
        assertEquals("padding should be non-negative, but got pad_height: 0 pad_width: -1",
                assertThrows(IllegalArgumentException.class, () -> Nano.unfold(x, i(2), i(1), i(0, -1), i(1)))
                        .getMessage());
        assertEquals("stride should be greater than zero, but got stride_height: 1 stride_width: 0",
                assertThrows(IllegalArgumentException.class, () -> Nano.unfold(x, i(2), i(1), i(0), i(1, 0)))
                        .getMessage());
        assertEquals("It is expected kernel_size equals to 2, but got size 3",
                assertThrows(IllegalArgumentException.class, () -> Nano.unfold(x, i(1, 2, 3), i(1), i(0), i(1)))
                        .getMessage());
        assertEquals("Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions "
                + "for input, but got: [0, 3, 3]", assertThrows(IllegalArgumentException.class,
                    () -> Nano.unfold(Nano.zeros(0, 3, 3), i(2), i(1), i(0), i(1))).getMessage());
        assertEquals("Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions "
                + "for input, but got: [1, 1, 3, 0]", assertThrows(IllegalArgumentException.class,
                    () -> Nano.unfold(Nano.zeros(1, 1, 3, 0), i(2), i(1), i(0), i(1))).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> Nano.unfold(Nano.zeros(3, 3), i(2), i(1), i(0), i(1)));
        assertEquals("Given input with spatial size (3, 3), kernel_size=(2, 4), dilation=(1, 1), padding=(0, 0), "
                + "calculated shape of the array of sliding blocks as (2, 0), but its components must be at least one.",
                assertThrows(IllegalArgumentException.class, () -> Nano.unfold(x, i(2, 4), i(1), i(0), i(1)))
                        .getMessage());
        assertThrows(NullPointerException.class, () -> Nano.unfold(null, i(2), i(1), i(0), i(1)));
        assertThrows(NullPointerException.class, () -> Nano.unfold(x, null, i(1), i(0), i(1)));
    }

    @Test
    void foldRefusesBadArgumentsInPyTorchsWords() {
        Tensor y = Nano.zeros(1, 4, 4);
        assertEquals("kernel size should be greater than zero, but got kernel_height: 0 kernel_width: 2",
                assertThrows(IllegalArgumentException.class, () -> Nano.fold(y, i(3), i(0, 2), i(1), i(0), i(1)))
                        .getMessage());
        assertEquals("stride should be greater than zero, but got stride_height: 1 stride_width: 0",
                assertThrows(IllegalArgumentException.class, () -> Nano.fold(y, i(3), i(2), i(1), i(0), i(1, 0)))
                        .getMessage());
        assertEquals("dilation should be greater than zero, but got dilation_height: 1 dilation_width: 0",
                assertThrows(IllegalArgumentException.class, () -> Nano.fold(y, i(3), i(2), i(1, 0), i(0), i(1)))
                        .getMessage());
        assertEquals("padding should be non-negative, but got pad_height: -1 pad_width: 0",
                assertThrows(IllegalArgumentException.class, () -> Nano.fold(y, i(3), i(2), i(1), i(-1, 0), i(1)))
                        .getMessage());
        assertEquals("It is expected output_size equals to 2, but got size 0",
                assertThrows(IllegalArgumentException.class, () -> Nano.fold(y, i(), i(2), i(1), i(0), i(1)))
                        .getMessage());
        for (int[] shape : new int[][] {{0, 4}, {4, 0}, {1, 0, 4}, {4}, {1, 1, 4, 4}}) {
            assertEquals("Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero "
                    + "dimensions for input, but got: " + Shape.toString(shape), assertThrows(
                        IllegalArgumentException.class, () -> Nano.fold(Nano.zeros(shape), i(3), i(2), i(1), i(0),
                            i(1))).getMessage());
        }
        assertEquals("Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got "
                + "input.size(1)=4 and kernel_size=(3, 1).", assertThrows(IllegalArgumentException.class,
                    () -> Nano.fold(y, i(3), i(3, 1), i(1), i(0), i(1))).getMessage());
        assertEquals("Given output_size=(3, 4), kernel_size=(2, 2), dilation=(1, 1), padding=(0, 0), stride=(1, 1), "
                + "expected size of input's dimension 2 to match the calculated number of sliding blocks 2 * 3 = 6, but "
                + "got input.size(2)=4.", assertThrows(IllegalArgumentException.class,
                    () -> Nano.fold(y, i(3, 4), i(2), i(1), i(0), i(1))).getMessage());
        assertEquals("Given output_size=(1, 1), kernel_size=(3, 3), dilation=(1, 1), padding=(0, 0), stride=(1, 1), "
                + "calculated shape of the array of sliding blocks as (-1, -1), which is too small (non-positive)",
                assertThrows(IllegalArgumentException.class, () -> Nano.fold(Nano.zeros(1, 9, 1), i(1), i(3), i(1),
                        i(0), i(1))).getMessage());
        assertEquals("Expected output spatial size to be positive, but got: output_size=(2, 0).",
                assertThrows(IllegalArgumentException.class, () -> Nano.fold(Nano.zeros(1, 4, 1), i(2, 0), i(2), i(1),
                        i(0, 1), i(1))).getMessage());
        assertThrows(NullPointerException.class, () -> Nano.fold(null, i(3), i(2), i(1), i(0), i(1)));
    }

    // ---------------------------------------------------------------- pad modes

    @Test
    void eachModeFillsTheBorderByItsRule() {
        Tensor x = Nano.tensor(1, 2, 3).reshape(1, 3);
        assertArrayEquals(new double[] {3, 2, 1, 2, 3, 2}, Nano.pad(x, i(2, 1), "reflect").data());
        assertArrayEquals(new double[] {1, 1, 1, 2, 3, 3}, Nano.pad(x, i(2, 1), "replicate").data());
        assertArrayEquals(new double[] {2, 3, 1, 2, 3, 1}, Nano.pad(x, i(2, 1), "circular").data());
        assertArrayEquals(new double[] {0, 0, 1, 2, 3, 0}, Nano.pad(x, i(2, 1), "constant").data());
        // a negative amount crops first, then the rule applies to what is left
        assertArrayEquals(new double[] {2, 3, 2}, x.pad(i(-1, 1), "reflect").data());
        assertArrayEquals(new double[] {1, 1, 2}, x.pad(i(1, -1), "replicate").data());
        assertArrayEquals(new double[] {2, 3, 2}, x.pad(i(-1, 1), "circular").data());
        assertArrayEquals(new double[] {2, 1, 2}, x.pad(i(1, -1), "circular").data());
    }

    @Test
    void twoAndThreeDimensionalModesPadEveryTrailingDim() {
        // 1×2×2 image [[1, 2], [3, 4]], one on every side
        Tensor x = Nano.tensor(1, 2, 3, 4).reshape(1, 2, 2);
        assertArrayEquals(new double[] {4, 3, 4, 3, 2, 1, 2, 1, 4, 3, 4, 3, 2, 1, 2, 1},
                Nano.pad(x, i(1, 1, 1, 1), "reflect").data());
        assertArrayEquals(new double[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4},
                Nano.pad(x, i(1, 1, 1, 1), "replicate").data());
        assertArrayEquals(new double[] {4, 3, 4, 3, 2, 1, 2, 1, 4, 3, 4, 3, 2, 1, 2, 1},
                Nano.pad(x, i(1, 1, 1, 1), "circular").data());
        Tensor cube = Nano.tensor(1, 2).reshape(1, 2, 1, 1); // (C, D, H, W) = (1, 2, 1, 1)
        assertArrayEquals(new double[] {1, 1, 2, 2}, Nano.pad(cube, i(0, 0, 0, 0, 1, 1), "replicate").data());
        assertArrayEquals(i(1, 4, 1, 1), Nano.pad(cube, i(0, 0, 0, 0, 1, 1), "circular").shape());
    }

    @Test
    void repeatedBorderElementsAddTheirGradients() {
        Tensor x = Nano.tensor(1, 2, 3).reshape(1, 3).requiresGrad(true);
        Nano.pad(x, i(2, 2), "replicate").sum().backward();
        assertArrayEquals(new double[] {3, 1, 3}, x.grad().data());
        Tensor y = Nano.tensor(1, 2, 3).reshape(1, 3).requiresGrad(true);
        Nano.pad(y, i(2, 2), "reflect").sum().backward(); // 3 2 [1 2 3] 2 1
        assertArrayEquals(new double[] {2, 3, 2}, y.grad().data());
    }

    @Test
    void padModeGradientsMatchFiniteDifferences() {
        for (String mode : new String[] {"reflect", "replicate", "circular"}) {
            GradCheck.check(mode + " 1d", in -> Nano.pad(in[0], i(2, 1), mode), GradCheck.uniform(17, -2, 2, 2, 3, 4));
            GradCheck.check(mode + " 2d", in -> Nano.pad(in[0], i(1, 2, -1, 1), mode),
                    GradCheck.uniform(18, -2, 2, 1, 2, 3, 4));
            GradCheck.check(mode + " 3d", in -> Nano.pad(in[0], i(1, 0, 0, 1, 1, 1), mode),
                    GradCheck.uniform(19, -2, 2, 2, 2, 3, 3));
        }
    }

    @Test
    void oneEmptyDimIsAllowedButNotAllAndNotANegativeOne() {
        assertArrayEquals(i(1, 1, 3, 0), Nano.pad(Nano.zeros(1, 1, 3, 3), i(-2, -1, 0, 0), "reflect").shape());
        assertEquals("input (H: 3, W: 3) is too small. Calculated output H: 0 W: 0",
                assertThrows(IllegalArgumentException.class,
                    () -> Nano.pad(Nano.zeros(1, 1, 3, 3), i(-2, -1, -1, -2), "reflect")).getMessage());
        assertEquals("input (W: 3) is too small. Calculated output W: 0", assertThrows(IllegalArgumentException.class,
                () -> Nano.pad(Nano.zeros(1, 1, 3), i(-2, -1), "replicate")).getMessage());
        assertEquals("numel: integer multiplication overflow",
                assertThrows(IllegalArgumentException.class,
                    () -> Nano.pad(Nano.zeros(1, 1, 3, 3), i(-2, -2, 0, 0), "reflect")).getMessage());
    }

    @Test
    void padModesRefuseBadArgumentsInPyTorchsWords() {
        Tensor x = Nano.zeros(1, 2, 3);
        assertEquals("Unrecognised padding mode wrap", assertThrows(UnsupportedOperationException.class,
                () -> Nano.pad(x, i(1, 1), "wrap")).getMessage());
        assertEquals("Padding length must be divisible by 2", assertThrows(IllegalArgumentException.class,
                () -> Nano.pad(x, i(1), "reflect")).getMessage());
        assertEquals("Padding length should be less than or equal to two times the input dimension but got padding "
                + "length 8 and input of dimension 3", assertThrows(IllegalArgumentException.class,
                    () -> Nano.pad(x, i(1, 1, 1, 1, 1, 1, 1, 1), "replicate")).getMessage());
        assertEquals("Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now",
                assertThrows(UnsupportedOperationException.class, () -> Nano.pad(Nano.zeros(3), i(1, 1), "reflect"))
                        .getMessage());
        assertThrows(UnsupportedOperationException.class, () -> Nano.pad(x, i(), "circular"));
        assertThrows(UnsupportedOperationException.class, () -> Nano.pad(Nano.zeros(1, 1, 1, 2, 3), i(1, 1),
                "replicate"));
        assertEquals("Argument #6: Padding size should be less than the corresponding input dimension, but got: "
                + "padding (0, 2) at dimension 1 of input [1, 2, 3]", assertThrows(IllegalArgumentException.class,
                    () -> Nano.pad(x, i(1, 1, 0, 2), "reflect")).getMessage());
        assertEquals("Expected 2D or 3D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions "
                + "for input, but got: [0, 3]", assertThrows(IllegalArgumentException.class,
                    () -> Nano.pad(Nano.zeros(0, 3), i(1, 1), "reflect")).getMessage());
        assertEquals(0, Nano.pad(Nano.zeros(0, 2, 3), i(1, 1), "reflect").numel());
        assertEquals("Padding value causes wrapping around more than once.", assertThrows(
                IllegalArgumentException.class, () -> Nano.pad(x, i(0, 4), "circular")).getMessage());
        assertEquals("Negative padding value is resulting in an empty dimension", assertThrows(
                IllegalArgumentException.class, () -> Nano.pad(x, i(-2, -2), "circular")).getMessage());
        assertEquals("circular padding: dim 2 is cropped to nothing by padding (-3, 1), so there is nothing to wrap "
                + "around", assertThrows(IllegalArgumentException.class, () -> Nano.pad(x, i(-3, 1), "circular"))
                        .getMessage());
        assertArrayEquals(i(1, 2, 0), Nano.pad(x, i(-3, 0), "circular").shape());
        assertThrows(NullPointerException.class, () -> Nano.pad(x, i(1, 1), (String) null));
        assertThrows(NullPointerException.class, () -> Nano.pad(null, i(1, 1), "reflect"));
        assertThrows(NullPointerException.class, () -> Nano.pad(x, null, "reflect"));
    }

    @Test
    void padKeepsTheDtypeOfCopiedValues() {
        Tensor ints = Nano.longTensor(new long[] {1, 2, 3}, 1, 3);
        Tensor padded = Nano.pad(ints, i(1, 1), "replicate");
        assertEquals(DType.INT64, padded.dtype());
        assertArrayEquals(new double[] {1, 1, 2, 3, 3}, padded.data());
    }
}
