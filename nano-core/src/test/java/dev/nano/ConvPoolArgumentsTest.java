package dev.nano;

import dev.nano.nn.AdaptiveAvgPool2d;
import dev.nano.nn.Conv1d;
import dev.nano.nn.Conv2d;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The rarer argument checks of the convolutions and pools, each with PyTorch's words, and the
 * paths only some inputs reach (one input needing no gradient, windows wholly in the padding).
 */
class ConvPoolArgumentsTest {
    private static int[] i(int... v) {
        return v;
    }

    private static void expect(String message, org.junit.jupiter.api.function.Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void convolutionChecks() {
        Tensor x = Nano.zeros(1, 2, 5, 5);
        Tensor w = Nano.zeros(4, 2, 3, 3);
        expect("weight should have at least three dimensions", () -> Nano.conv2d(x, Nano.zeros(4, 2), null, i(1),
                "same", i(1), 1));
        expect("non-positive groups is not supported", () -> Nano.conv2d(x, w, null, i(1), "same", i(1), 0));
        expect("Expected 3-dimensional input for 3-dimensional weight[4, 2, 3], but got 4-dimensional input of size "
                + "[1, 2, 5, 5] instead", () -> Nano.conv2d(x, Nano.zeros(4, 2, 3), null, i(1), "same", i(1), 1));
        expect("conv2d: expected stride to be a single integer value or a list of 2 values to match the convolution "
                + "dimensions, but got stride=[1, 2, 3]", () -> Nano.conv2d(x, w, null, i(1, 2, 3), i(0), i(1), 1));
        expect("dilation should be greater than zero", () -> Nano.conv2d(x, w, null, i(1), i(0), i(0), 1));
        expect("dilation should be greater than zero", () -> Nano.conv2d(x, w, null, i(1), i(0), i(-1), 1));
        expect("non-positive groups is not supported", () -> Nano.conv2d(x, w, null, i(1), i(0), i(1), 0));
        expect("Expected 3-dimensional input for 3-dimensional weight [4, 2, 3], but got 4-dimensional input of size "
                + "[1, 2, 5, 5] instead", () -> Nano.conv2d(x, Nano.zeros(4, 2, 3), null, i(1), i(0), i(1), 1));
        expect("Given groups=8, expected weight to be at least 8 at dimension 0, but got weight of size [4, 2, 3, 3] "
                + "instead", () -> Nano.conv2d(x, w, null, i(1), i(0), i(1), 8));
        expect("Given weight of size [4, 2, 3, 3], expected bias to be 1-dimensional with 4 elements, but got bias of "
                + "size [1, 4] instead", () -> Nano.conv2d(x, w, Nano.zeros(1, 4), i(1), i(0), i(1), 1));
        // dilation 0 on an empty input: PyTorch's check_shape_forward lets it pass
        assertArrayEquals(i(0, 4, 3, 3), Nano.conv2d(Nano.zeros(0, 2, 3, 3), w, null, i(1), i(0), i(0), 1).shape());
        assertArrayEquals(i(1, 4, 5), Nano.conv1d(Nano.zeros(1, 2, 5), Nano.zeros(4, 2, 3), null, 1, "same", 1, 1)
                .shape());
    }

    @Test
    void transposedConvolutionChecks() {
        Tensor x = Nano.zeros(1, 2, 3, 3);
        Tensor w = Nano.zeros(2, 3, 3, 3);
        expect("non-positive stride is not supported", () -> Nano.convTranspose2d(x, w, null, i(0), i(0), i(0), 1,
                i(1)));
        expect("dilation should be greater than zero", () -> Nano.convTranspose2d(x, w, null, i(1), i(0), i(0), 1,
                i(-1)));
        expect("non-positive groups is not supported", () -> Nano.convTranspose2d(x, w, null, i(1), i(0), i(0), 0,
                i(1)));
        expect("Expected 3-dimensional input for 3-dimensional weight [2, 3, 3], but got 4-dimensional input of size "
                + "[1, 2, 3, 3] instead", () -> Nano.convTranspose2d(x, Nano.zeros(2, 3, 3), null, i(1), i(0), i(0), 1,
                i(1)));
        expect("Given groups=4, expected weight to be at least 4 at dimension 0, but got weight of size [2, 3, 3, 3] "
                + "instead", () -> Nano.convTranspose2d(x, w, null, i(1), i(0), i(0), 4, i(1)));
        expect("Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size "
                + "[[3, 3, 3, 3]] instead", () -> Nano.convTranspose2d(Nano.zeros(1, 3, 3, 3), Nano.zeros(3, 3, 3, 3),
                null, i(1), i(0), i(0), 2, i(1)));
        expect("Given transposed=1, weight of size [2, 3, 3, 3], expected bias to be 1-dimensional with 3 elements, but"
                + " got bias of size [2] instead", () -> Nano.convTranspose2d(x, w, Nano.zeros(2), i(1), i(0), i(0), 1,
                i(1)));
        expect("Given input size per channel: (1 x 1). Calculated output size per channel: (-1 x -1). Output size is "
                + "too small", () -> Nano.convTranspose2d(Nano.zeros(1, 2, 1, 1), Nano.zeros(2, 3, 1, 1), null, i(1),
                i(1), i(0), 1, i(1)));
        expect("Given input size per channel: (1). Calculated output size per channel: (-1). Output size is too small",
                () -> Nano.convTranspose1d(Nano.zeros(1, 2, 1), Nano.zeros(2, 3, 1), null, 1, 1, 0, 1, 1));
        assertArrayEquals(i(3, 5, 5), Nano.convTranspose2d(Nano.zeros(2, 3, 3), w, Nano.zeros(3), i(1), i(0), i(0), 1,
                i(1)).shape());
    }

    @Test
    void onlyTheInputsThatNeedAGradientGetOne() {
        Tensor x = GradCheck.uniform(1, -1, 1, 1, 2, 4, 4);
        Tensor w = GradCheck.uniform(2, -1, 1, 2, 2, 3, 3).requiresGrad(true);
        Tensor b = GradCheck.uniform(3, -1, 1, 2);
        Nano.conv2d(x, w, b, i(1), i(1), i(1), 1).sum().backward();
        assertNull(x.grad());
        assertNull(b.grad());
        assertArrayEquals(i(2, 2, 3, 3), w.grad().shape());
        Tensor wt = GradCheck.uniform(2, -1, 1, 2, 2, 3, 3).requiresGrad(true);
        Nano.convTranspose2d(x, wt, b, i(1), i(1), i(0), 1, i(1)).sum().backward();
        assertNull(x.grad());
        assertArrayEquals(i(2, 2, 3, 3), wt.grad().shape());
        Tensor xg = GradCheck.uniform(1, -1, 1, 1, 2, 4, 4).requiresGrad(true);
        Nano.convTranspose2d(xg, GradCheck.uniform(2, -1, 1, 2, 2, 3, 3), null, i(1), i(1), i(0), 1, i(1)).sum()
                .backward();
        assertArrayEquals(i(1, 2, 4, 4), xg.grad().shape());
        Nano.conv2d(xg, GradCheck.uniform(2, -1, 1, 2, 2, 3, 3), null, i(1), i(1), i(1), 1).sum().backward();
    }

    @Test
    void poolingChecks() {
        Tensor x = Nano.zeros(1, 2, 4, 4);
        expect("max_pool2d: stride must either be omitted, a single int, or a tuple of two ints",
                () -> Nano.maxPool2d(x, i(2), i(1, 1, 1), i(0), i(1), false));
        expect("avg_pool2d: stride must either be omitted, a single int, or a tuple of two ints",
                () -> Nano.avgPool2d(x, i(2), i(1, 1, 1), i(0), false, true, null));
        expect("non-empty 3D or 4D (batch mode) tensor expected for input",
                () -> Nano.avgPool2d(Nano.zeros(4, 4), i(2), i(), i(0), false, true, null));
        expect("adaptive_avg_pool2d: output_size must be 2", () -> Nano.adaptiveAvgPool2d(x, 1, 2, 3));
        expect("adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got [4, 4]",
                () -> Nano.adaptiveAvgPool2d(Nano.zeros(4, 4), 2));
        expect("adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {-1, 2}",
                () -> Nano.adaptiveAvgPool2d(x, -1, 2));
        expect("kernel size should be greater than zero, but got kH: 0 kW: 0",
                () -> Nano.maxPool2d(x, i(0), i(1), i(0), i(1), false));
        expect("stride should be greater than zero, but got dH: -1 dW: -1",
                () -> Nano.maxPool2d(x, i(2), i(-1), i(0), i(1), false));
        expect("stride should not be zero", () -> Nano.maxPool2d(x, i(2), i(0), i(0), i(1), false));
        expect("Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:[1, 0, 4, 4]",
                () -> Nano.maxPool2d(Nano.zeros(1, 0, 4, 4), i(2), i(), i(0), i(1), false));
        expect("Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:[0, 4, 4]",
                () -> Nano.maxPool2d(Nano.zeros(0, 4, 4), i(2), i(), i(0), i(1), false));
        expect("max_pool2d: padding must either be a single int, or a tuple of two ints",
                () -> Nano.maxPool2d(x, i(2), i(), null, i(1), false));
        // ceil mode with padding: windows [-1, 2) holds 1, 2 and a pad cell (divisor 3), [2, 4) holds 3 and one
        // pad cell (divisor 2)
        Expect.values(Nano.avgPool1d(new Tensor(new double[] {1, 2, 3}, 1, 1, 3), 3, 3, 1, true, true),
                i(1, 1, 2), 1, 1.5);
        Expect.values(Nano.avgPool2d(new Tensor(new double[] {1, 2, 3, 4}, 1, 1, 2, 2), i(1), i(2), i(0), false,
                true, null), i(1, 1, 1, 1), 1);
    }

    @Test
    void moduleVariants() {
        assertEquals("Conv2d(3, 8, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1))",
                new Conv2d(3, 8, 3, 2, 1).toString());
        assertEquals("Conv1d(2, 4, kernel_size=(3,), stride=(1,))", new Conv1d(2, 4, 3).toString());
        assertEquals("Conv1d(2, 4, kernel_size=(3,), stride=(1,), dilation=(2,), groups=2, bias=False)",
                new Conv1d(2, 4, 3, 1, 0, 2, 2, false, new Random(1)).toString());
        assertEquals("Conv2d(2, 4, kernel_size=(3, 2), stride=(1, 1), padding='valid')", new Conv2d(2, 4, i(3, 2),
                i(1), "valid", i(1), 1, true, new Random(1)).toString());
        assertEquals("AdaptiveAvgPool2d(output_size=1)", new AdaptiveAvgPool2d(1).toString());
        assertEquals("Conv1d: expected one value or two, got 3".replace("Conv1d", "Conv2d"),
                assertThrows(IllegalArgumentException.class, () -> new Conv2d(2, 4, i(1, 2, 3), i(1), i(0), i(1), 1,
                        true, new Random(1))).getMessage());
        expect("in_channels must be divisible by groups", () -> new Conv1d(3, 4, 3, 1, 0, 1, 2, true, new Random(1)));
        expect("groups must be a positive integer", () -> new Conv2d(2, 4, i(3), i(1), i(0), i(1), 0, true,
                new Random(1)));
        expect("out_channels must be divisible by groups", () -> new Conv2d(2, 3, i(3), i(1), i(0), i(1), 2, true,
                new Random(1)));
    }
}
