package dev.nano;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code conv1d} and {@code conv2d}: values against the definition written out as plain loops
 * (a second, independent implementation: no im2col, no matrix kernel), gradients against finite
 * differences, and PyTorch's messages for bad arguments.
 */
class ConvolutionTest {

    /** (name, input shape, weight shape, bias?, stride, padding, dilation, groups) */
    static Stream<Arguments> conv2dCases() {
        return Stream.of(
                arguments("3x3 plain", new int[] {2, 3, 5, 6}, new int[] {4, 3, 3, 3}, true, i(1), i(0), i(1), 1),
                arguments("stride 2 not dividing", new int[] {1, 2, 7, 6}, new int[] {3, 2, 3, 2}, true, i(2, 3),
                        i(0), i(1), 1),
                arguments("padding 1,2", new int[] {2, 2, 4, 5}, new int[] {3, 2, 3, 3}, false, i(1), i(1, 2), i(1), 1),
                arguments("dilation 2", new int[] {1, 2, 7, 7}, new int[] {2, 2, 3, 2}, true, i(1), i(1), i(2, 3), 1),
                arguments("groups 2", new int[] {2, 4, 5, 5}, new int[] {6, 2, 3, 3}, true, i(1), i(1), i(1), 2),
                arguments("depthwise", new int[] {2, 3, 5, 4}, new int[] {3, 1, 3, 3}, true, i(2), i(1), i(1), 3),
                arguments("depthwise multiplier 2", new int[] {1, 2, 4, 4}, new int[] {4, 1, 2, 2}, false, i(1), i(0),
                        i(1), 2),
                arguments("1x1", new int[] {2, 3, 3, 4}, new int[] {5, 3, 1, 1}, true, i(1), i(0), i(1), 1),
                arguments("kernel = input", new int[] {2, 2, 3, 4}, new int[] {3, 2, 3, 4}, true, i(1), i(0), i(1), 1),
                arguments("everything at once", new int[] {2, 4, 9, 8}, new int[] {4, 2, 3, 2}, true, i(3, 2),
                        i(2, 1), i(2, 3), 2),
                arguments("wide (packed product)", new int[] {1, 2, 6, 9}, new int[] {9, 2, 2, 2}, true, i(1), i(1),
                        i(1), 1));
    }

    private static int[] i(int... v) {
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conv2dCases")
    void conv2dMatchesTheDefinition(String name, int[] xs, int[] ws, boolean bias, int[] stride, int[] pad,
                                    int[] dil, int groups) {
        Tensor x = GradCheck.uniform(1, -2, 2, xs);
        Tensor w = GradCheck.uniform(2, -1, 1, ws);
        Tensor b = bias ? GradCheck.uniform(3, -1, 1, ws[0]) : null;
        Tensor out = Nano.conv2d(x, w, b, stride, pad, dil, groups);
        double[] expected = direct(x, w, b, two(stride), two(pad), two(pad), two(dil), groups, out.shape());
        assertEquals(expected.length, out.numel(), name);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], out.data()[k], 1e-12 * (1 + Math.abs(expected[k])), name + " at " + k);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conv2dCases")
    void conv2dGradientsMatchFiniteDifferences(String name, int[] xs, int[] ws, boolean bias, int[] stride,
                                               int[] pad, int[] dil, int groups) {
        Tensor x = GradCheck.uniform(4, -2, 2, xs);
        Tensor w = GradCheck.uniform(5, -1, 1, ws);
        if (bias) {
            GradCheck.check(name, in -> Nano.conv2d(in[0], in[1], in[2], stride, pad, dil, groups), x, w,
                    GradCheck.uniform(6, -1, 1, ws[0]));
        } else {
            GradCheck.check(name, in -> Nano.conv2d(in[0], in[1], null, stride, pad, dil, groups), x, w);
        }
    }

    @Test
    void conv1dGradientsMatchFiniteDifferences() {
        GradCheck.check("conv1d stride 2 pad 1 dil 2 groups 2",
                in -> Nano.conv1d(in[0], in[1], in[2], 2, 1, 2, 2),
                GradCheck.uniform(7, -2, 2, 2, 4, 9), GradCheck.uniform(8, -1, 1, 6, 2, 3),
                GradCheck.uniform(9, -1, 1, 6));
        GradCheck.check("conv1d same, even kernel", in -> Nano.conv1d(in[0], in[1], null, 1, "same", 1, 1),
                GradCheck.uniform(7, -2, 2, 1, 2, 6), GradCheck.uniform(8, -1, 1, 3, 2, 4));
    }

    @Test
    void conv1dIsConv2dOfHeightOne() {
        Tensor x = GradCheck.uniform(1, -2, 2, 2, 3, 8);
        Tensor w = GradCheck.uniform(2, -1, 1, 4, 3, 3);
        Tensor b = GradCheck.uniform(3, -1, 1, 4);
        Tensor out = Nano.conv1d(x, w, b, 2, 1, 2, 1);
        double[] expected = direct(x.reshape(2, 3, 1, 8), w.reshape(4, 3, 1, 3), b, i(1, 2), i(0, 1), i(0, 1),
                i(1, 2), 1, new int[] {2, 4, 1, 3});
        assertArrayEquals(new int[] {2, 4, 3}, out.shape());
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], out.data()[k], 1e-12);
        }
    }

    @Test
    void sameWithAnEvenKernelPutsTheExtraZeroOnTheRight() {
        // _convolution_same: total padding d·(k−1) = 3, left 1, right 2; output as long as the input
        Tensor x = GradCheck.uniform(1, -2, 2, 1, 2, 5, 6);
        Tensor w = GradCheck.uniform(2, -1, 1, 3, 2, 4, 3);
        Tensor out = Nano.conv2d(x, w, null, i(1), "same", i(1), 1);
        assertArrayEquals(new int[] {1, 3, 5, 6}, out.shape());
        double[] expected = direct(x, w, null, i(1, 1), i(1, 1), i(2, 1), i(1, 1), 1, out.shape());
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], out.data()[k], 1e-12);
        }
        GradCheck.check("same 4x3", in -> Nano.conv2d(in[0], in[1], null, i(1), "same", i(1), 1), x, w);
        assertArrayEquals(new int[] {1, 3, 2, 4},
                Nano.conv2d(x, w, null, i(1), "valid", i(1), 1).shape());
    }

    @Test
    void unbatchedAndEmptyBatches() {
        Tensor w = GradCheck.uniform(2, -1, 1, 4, 3, 3, 3);
        assertArrayEquals(new int[] {4, 3, 2}, Nano.conv2d(GradCheck.uniform(1, -1, 1, 3, 5, 4), w, null, i(1), i(0),
                i(1), 1).shape());
        Tensor empty = Nano.zeros(0, 3, 5, 4).requiresGrad(true);
        Tensor wg = GradCheck.uniform(2, -1, 1, 4, 3, 3, 3).requiresGrad(true);
        Tensor out = Nano.conv2d(empty, wg, null, i(1), i(0), i(1), 1);
        assertArrayEquals(new int[] {0, 4, 3, 2}, out.shape());
        out.sum().backward();
        assertArrayEquals(new double[4 * 27], wg.grad().data());
    }

    @Test
    void badArgumentsFailWithPyTorchsMessages() {
        Tensor x = Nano.zeros(2, 3, 5, 5);
        Tensor w = Nano.zeros(4, 3, 3, 3);
        expect("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [2, 3]",
                () -> Nano.conv2d(Nano.zeros(2, 3), w, null, i(1), i(0), i(1), 1));
        expect("negative padding is not supported", () -> Nano.conv2d(x, w, null, i(1), i(-1), i(1), 1));
        expect("non-positive stride is not supported", () -> Nano.conv2d(x, w, null, i(0), i(0), i(1), 1));
        expect("Given groups=1, weight of size [4, 3, 3, 3], expected input[2, 5, 5, 5] to have 3 channels, but got"
                + " 5 channels instead", () -> Nano.conv2d(Nano.zeros(2, 5, 5, 5), w, null, i(1), i(0), i(1), 1));
        expect("Given groups=3, expected weight to be divisible by 3 at dimension 0, but got weight of size "
                + "[[4, 1, 3, 3]] instead", () -> Nano.conv2d(x, Nano.zeros(4, 1, 3, 3), null, i(1), i(0), i(1), 3));
        expect("Calculated padded input size per channel: (2 x 7). Kernel size: (3 x 3). Kernel size can't be "
                + "greater than actual input size",
                () -> Nano.conv2d(Nano.zeros(1, 3, 2, 7), w, null, i(1), i(0), i(1), 1));
        expect("Given weight of size [4, 3, 3, 3], expected bias to be 1-dimensional with 4 elements, but got bias of"
                + " size [5] instead", () -> Nano.conv2d(x, w, Nano.zeros(5), i(1), i(0), i(1), 1));
        expect("padding='same' is not supported for strided convolutions",
                () -> Nano.conv2d(x, w, null, i(2), "same", i(1), 1));
        expect("Invalid padding string: 'full'", () -> Nano.conv2d(x, w, null, i(1), "full", i(1), 1));
    }

    private static void expect(String message, org.junit.jupiter.api.function.Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    private static int[] two(int[] v) {
        return v.length == 1 ? new int[] {v[0], v[0]} : v;
    }

    /** The definition: out[n,o,i,j] = b[o] + Σ_{c in o's group, p, q} x[n,c,i·s−pad+p·d, j·s−pad+q·d] · w[o,c,p,q]. */
    static double[] direct(Tensor x, Tensor w, Tensor b, int[] s, int[] padTop, int[] padRightUnused, int[] d,
                           int groups, int[] outShape) {
        int[] xs = x.shape();
        int[] ws = w.shape();
        int outH = outShape[outShape.length - 2];
        int outW = outShape[outShape.length - 1];
        int perGroupOut = ws[0] / groups;
        double[] out = new double[xs[0] * ws[0] * outH * outW];
        for (int n = 0; n < xs[0]; n++) {
            for (int o = 0; o < ws[0]; o++) {
                int g = o / perGroupOut;
                for (int i = 0; i < outH; i++) {
                    for (int j = 0; j < outW; j++) {
                        double sum = 0;
                        for (int c = 0; c < ws[1]; c++) {
                            for (int p = 0; p < ws[2]; p++) {
                                for (int q = 0; q < ws[3]; q++) {
                                    int h = i * s[0] - padTop[0] + p * d[0];
                                    int v = j * s[1] - padTop[1] + q * d[1];
                                    if (h >= 0 && h < xs[2] && v >= 0 && v < xs[3]) {
                                        int cin = g * ws[1] + c;
                                        sum += x.data()[((n * xs[1] + cin) * xs[2] + h) * xs[3] + v]
                                                * w.data()[((o * ws[1] + c) * ws[2] + p) * ws[3] + q];
                                    }
                                }
                            }
                        }
                        out[((n * ws[0] + o) * outH + i) * outW + j] = sum + (b == null ? 0 : b.data()[o]);
                    }
                }
            }
        }
        return out;
    }
}
