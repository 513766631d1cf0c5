package dev.nano.nn;

import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conv1d, Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d: PyTorch's parameter names and shapes,
 * its initialisation bounds (±1/√fan_in), its reprs (as {@code print(module)} shows them in
 * PyTorch 2.7) and its constructor messages; forward is the functional form with the module's
 * parameters.
 */
class ConvModulesTest {

    @Test
    void conv2dParametersAndInitBounds() {
        Conv2d conv = new Conv2d(6, 16, new int[] {5}, new int[] {1}, new int[] {0}, new int[] {1}, 1, true,
                new Random(1));
        assertEquals(List.of("weight", "bias"), List.copyOf(conv.stateDict().keySet()));
        assertArrayEquals(new int[] {16, 6, 5, 5}, conv.weight().shape());
        assertArrayEquals(new int[] {16}, conv.bias().shape());
        // kaiming_uniform_(a=√5): √3 · √(2/(1 + a²)) / √fan_in, PyTorch's arithmetic; the bias ±1/√fan_in
        double weightBound = Math.sqrt(3.0) * (Math.sqrt(2.0 / (1 + Math.pow(Math.sqrt(5), 2))) / Math.sqrt(6 * 25));
        for (double v : conv.weight().data()) {
            assertTrue(Math.abs(v) <= weightBound, "outside the kaiming bound: " + v);
        }
        double bound = 1 / Math.sqrt(6 * 25);
        for (double v : conv.bias().data()) {
            assertTrue(Math.abs(v) <= bound, "outside ±1/sqrt(fan_in): " + v);
        }
        Conv2d depthwise = new Conv2d(4, 8, new int[] {3}, new int[] {1}, new int[] {1}, new int[] {1}, 4, false,
                new Random(2));
        assertArrayEquals(new int[] {8, 1, 3, 3}, depthwise.weight().shape());
        assertNull(depthwise.bias());
        assertEquals(List.of("weight"), List.copyOf(depthwise.stateDict().keySet()));
    }

    @Test
    void forwardIsTheFunctionalForm() {
        Conv2d conv = new Conv2d(2, 3, new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 0}, new int[] {1}, 1, true,
                new Random(3));
        Tensor x = Nano.randn(new Random(4), 2, 2, 6, 5);
        assertArrayEquals(Nano.conv2d(x, conv.weight(), conv.bias(), new int[] {2, 1}, new int[] {1, 0},
                new int[] {1}, 1).data(), conv.forward(x).data());
        assertArrayEquals(Nano.maxPool2d(x, new int[] {2}, new int[] {2}, new int[] {0}, new int[] {1}, false)
                .values().data(), new MaxPool2d(2).forward(x).data());
        assertArrayEquals(Nano.avgPool2d(x, new int[] {3}, new int[] {2}, new int[] {1}, true, false, null).data(),
                new AvgPool2d(3, 2, 1, true, false, null).forward(x).data());
        assertArrayEquals(new int[] {2, 2, 1, 1}, new AdaptiveAvgPool2d(1).forward(x).shape());
        Conv1d c1 = new Conv1d(2, 4, 3, 2, 1, 1, 2, true, new Random(5));
        assertArrayEquals(new int[] {4, 1, 3}, c1.weight().shape());
        assertArrayEquals(new int[] {2, 4, 3}, c1.forward(Nano.randn(new Random(6), 2, 2, 5)).shape());
    }

    @Test
    void reprsArePyTorchs() {
        assertEquals("Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1))", new Conv2d(1, 6, 5).toString());
        assertEquals("Conv2d(4, 8, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), groups=4, bias=False)",
                new Conv2d(4, 8, new int[] {3}, new int[] {2}, new int[] {1}, new int[] {1}, 4, false,
                        new Random(1)).toString());
        assertEquals("Conv2d(2, 2, kernel_size=(3, 3), stride=(1, 1), padding=same, dilation=(2, 2))".replace(
                "padding=same", "padding='same'"), new Conv2d(2, 2, new int[] {3}, new int[] {1}, "same",
                new int[] {2}, 1, true, new Random(1)).toString());
        assertEquals("Conv1d(2, 4, kernel_size=(3,), stride=(2,), padding=(1,))",
                new Conv1d(2, 4, 3, 2, 1, 1, 1, true, new Random(1)).toString());
        assertEquals("MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
                new MaxPool2d(2).toString());
        assertEquals("AvgPool2d(kernel_size=2, stride=2, padding=0)", new AvgPool2d(2).toString());
        assertEquals("AdaptiveAvgPool2d(output_size=(1, 1))", new AdaptiveAvgPool2d(1, 1).toString());
    }

    @Test
    void constructorChecksArePyTorchs() {
        assertEquals("in_channels must be divisible by groups", assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(3, 4, new int[] {3}, new int[] {1}, new int[] {0}, new int[] {1}, 2, true,
                        new Random(1))).getMessage());
        assertEquals("out_channels must be divisible by groups", assertThrows(IllegalArgumentException.class,
                () -> new Conv1d(4, 3, 3, 1, 0, 1, 2, true, new Random(1))).getMessage());
        assertEquals("groups must be a positive integer", assertThrows(IllegalArgumentException.class,
                () -> new Conv1d(4, 4, 3, 1, 0, 1, 0, true, new Random(1))).getMessage());
        assertEquals("padding='same' is not supported for strided convolutions",
                assertThrows(IllegalArgumentException.class, () -> new Conv2d(2, 2, new int[] {3}, new int[] {2},
                        "same", new int[] {1}, 1, true, new Random(1))).getMessage());
        assertEquals("Invalid padding string 'full', should be one of {'valid', 'same'}",
                assertThrows(IllegalArgumentException.class, () -> new Conv2d(2, 2, new int[] {3}, new int[] {1},
                        "full", new int[] {1}, 1, true, new Random(1))).getMessage());
    }
}
