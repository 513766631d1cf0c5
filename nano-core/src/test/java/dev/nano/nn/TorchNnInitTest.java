package dev.nano.nn;

import dev.nano.Generator;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** torch.nn.init: the gains and fans as PyTorch's Python computes them, and its errors word for word. */
class TorchNnInitTest {

    @Test
    void gainsAreTorchNnInitsTable() {
        assertEquals(1.0, Init.calculateGain("conv2d"));
        assertEquals(1.0, Init.calculateGain("sigmoid"));
        assertEquals(5.0 / 3, Init.calculateGain("tanh"));
        assertEquals(Math.sqrt(2.0), Init.calculateGain("relu"));
        assertEquals(Math.sqrt(2.0 / (1 + 0.01 * 0.01)), Init.calculateGain("leaky_relu"));
        assertEquals(Math.sqrt(2.0 / 6.000000000000001), Init.calculateGain("leaky_relu", Math.sqrt(5)),
                "a = √5: a² rounds to 5.000000000000001");
        assertEquals(0.75, Init.calculateGain("selu"));
        assertEquals("Unsupported nonlinearity gelu",
                assertThrows(IllegalArgumentException.class, () -> Init.calculateGain("gelu")).getMessage());
    }

    @Test
    void fansCountTheReceptiveField() {
        assertArrayEquals(new int[] {3 * 5 * 7, 4 * 5 * 7}, Init.fanInAndFanOut(Nano.zeros(4, 3, 5, 7)));
        assertEquals("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions",
                assertThrows(IllegalArgumentException.class, () -> Init.fanInAndFanOut(Nano.zeros(5))).getMessage());
        assertEquals("Mode fan_avg not supported, please use one of ['fan_in', 'fan_out']",
                assertThrows(IllegalArgumentException.class, () -> Init.kaimingUniform(Nano.zeros(2, 2), 0,
                        "FAN_AVG", "relu", new Generator(0))).getMessage());
    }

    @Test
    void kaimingUniformBoundIsSqrt3TimesGainOverSqrtFan() {
        Tensor w = Init.kaimingUniform(Nano.zeros(64, 16), 0, "fan_in", "relu", new Generator(0));
        double bound = Math.sqrt(3.0) * (Math.sqrt(2.0) / Math.sqrt(16));
        for (double v : w.data()) {
            assertEquals(true, v >= -bound && v < bound, "value " + v + " bound " + bound);
        }
        Tensor empty = Nano.zeros(0, 3);
        Generator g = new Generator(5);
        Init.kaimingUniform(empty, 0, "fan_in", "relu", g);
        assertEquals(new Generator(5).random(), g.random(), "a tensor with no elements draws nothing");
    }

    @Test
    void constantZerosOnesAndEye() {
        assertArrayEquals(new double[] {2.5, 2.5}, Init.constant(Nano.zeros(2), 2.5).data());
        assertArrayEquals(new double[] {1, 1, 1}, Init.ones(Nano.zeros(3)).data());
        assertArrayEquals(new double[] {0, 0}, Init.zeros(Nano.ones(2)).data());
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0}, Init.eye(Nano.ones(2, 3)).data());
        assertEquals("Only tensors with 2 dimensions are supported",
                assertThrows(IllegalArgumentException.class, () -> Init.eye(Nano.zeros(2, 2, 2))).getMessage());
    }

    @Test
    void normalRejectsANegativeStdWithAtensMessage() {
        Tensor t = Nano.ones(3);
        assertEquals("normal expects std >= 0.0, but found std -1", assertThrows(IllegalArgumentException.class,
                () -> Init.normal(t, 0, -1, new Generator(0))).getMessage());
        assertArrayEquals(new double[] {1, 1, 1}, t.data(), "unchanged");
    }
}
