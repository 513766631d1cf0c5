package dev.nano.nn;

import dev.nano.Generator;
import dev.nano.Nano;
import dev.nano.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ConvTranspose2d, Dropout2d and Conv2d's padding modes: each module against the functional form
 * it is defined by, PyTorch's parameter shapes, state-dict keys, reprs and messages. (That the
 * initial weights and Dropout2d's masks are libtorch's own after the same seed is checked against
 * libtorch in torch-oracle's random-stream family, fixtures/rng/streams.json.)
 */
class ConvLayersTest {

    private static int[] i(int... v) {
        return v;
    }

    @Test
    void convTranspose2dIsTheFunctionalFormWithPyTorchsWeightLayout() {
        ConvTranspose2d up = new ConvTranspose2d(4, 6, i(3), i(2), i(1), i(1), 2, true, i(1), new Random(1));
        assertEquals(List.of("weight", "bias"), List.copyOf(up.stateDict().keySet()));
        assertArrayEquals(i(4, 3, 3, 3), up.weight().shape());
        assertArrayEquals(i(6), up.bias().shape());
        Tensor x = Nano.randn(new Random(2), 2, 4, 3, 5);
        Tensor expected = Nano.convTranspose2d(x, up.weight(), up.bias(), i(2), i(1), i(1), 2, i(1));
        assertArrayEquals(expected.data(), up.forward(x).data());
        assertArrayEquals(i(2, 6, 6, 10), up.forward(x).shape());
        assertEquals("ConvTranspose2d(4, 6, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), output_padding=(1, 1), "
                + "groups=2)", up.toString());
        ConvTranspose2d plain = new ConvTranspose2d(3, 2, 2);
        assertEquals("ConvTranspose2d(3, 2, kernel_size=(2, 2), stride=(1, 1))", plain.toString());
        ConvTranspose2d dilated = new ConvTranspose2d(3, 2, i(2), i(1), i(0), i(0), 1, false, i(2), new Random(3));
        assertNull(dilated.bias());
        assertEquals("ConvTranspose2d(3, 2, kernel_size=(2, 2), stride=(1, 1), dilation=(2, 2), bias=False)",
                dilated.toString());
        assertEquals("groups must be a positive integer", assertThrows(IllegalArgumentException.class,
                () -> new ConvTranspose2d(4, 4, i(3), i(1), i(0), i(0), 0, true, i(1), new Random(1))).getMessage());
        assertEquals("in_channels must be divisible by groups", assertThrows(IllegalArgumentException.class,
                () -> new ConvTranspose2d(3, 4, i(3), i(1), i(0), i(0), 2, true, i(1), new Random(1))).getMessage());
        assertEquals("out_channels must be divisible by groups", assertThrows(IllegalArgumentException.class,
                () -> new ConvTranspose2d(4, 3, i(3), i(1), i(0), i(0), 2, true, i(1), new Random(1))).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ConvTranspose2d(4, 4, i(3, 3, 3), i(1), i(0), i(0), 1, true, i(1), new Random(1)));
        assertThrows(NullPointerException.class,
                () -> new ConvTranspose2d(4, 4, i(3), i(1), i(0), i(0), 1, true, i(1), null));
    }

    @Test
    void convWeightsFollowKaimingUniformThenTheBiasBound() {
        // fan_in of a transposed weight (in, out/groups, kH, kW) is out/groups · kH · kW, read from its shape
        Generator g = new Generator(5);
        ConvTranspose2d up = new ConvTranspose2d(8, 2, i(3), i(1), i(0), i(0), 1, true, i(1), g);
        double fanIn = 2 * 9;
        double weightBound = Math.sqrt(3.0) * (Math.sqrt(2.0 / (1 + Math.pow(Math.sqrt(5), 2))) / Math.sqrt(fanIn));
        double max = 0;
        for (double v : up.weight().data()) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= weightBound && max > 0.8 * weightBound, "weights span the kaiming bound: " + max);
        for (double v : up.bias().data()) {
            assertTrue(Math.abs(v) <= 1 / Math.sqrt(fanIn));
        }
        // the same draws in the same order as the functions they are defined by
        Generator replay = new Generator(5);
        Tensor w = Init.kaimingUniform(Nano.zeros(8, 2, 3, 3), Math.sqrt(5), "fan_in", "leaky_relu", replay);
        Tensor b = Init.uniform(Nano.zeros(2), -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn), replay);
        assertArrayEquals(w.data(), up.weight().data());
        assertArrayEquals(b.data(), up.bias().data());
        // no input channels: fan_in 0, no weights to draw and the bias left at 0 (PyTorch leaves it uninitialised)
        Conv2d empty = new Conv2d(0, 3, i(2), i(1), i(0), i(1), 1, true, new Generator(1));
        assertArrayEquals(new double[3], empty.bias().data());
    }

    @Test
    void conv2dPaddingModesPadFirstThenConvolveWithoutPadding() {
        Tensor x = Nano.randn(new Random(7), 2, 3, 5, 6);
        for (String mode : new String[] {"reflect", "replicate", "circular"}) {
            Conv2d conv = new Conv2d(3, 4, i(3, 2), i(1), i(1, 2), i(1), 1, true, mode, new Random(8));
            Tensor expected = Nano.conv2d(Nano.pad(x, i(2, 2, 1, 1), mode), conv.weight(), conv.bias(), i(1), i(0),
                    i(1), 1);
            assertArrayEquals(expected.data(), conv.forward(x).data(), mode);
            assertEquals(mode, conv.paddingMode());
            assertEquals("Conv2d(3, 4, kernel_size=(3, 2), stride=(1, 1), padding=(1, 2), padding_mode=" + mode + ")",
                    conv.toString());
            // 'same': dilation·(k − 1) split with the extra one on the right/bottom, as _reversed_padding_repeated_twice
            Conv2d same = new Conv2d(3, 4, i(4, 3), i(1), "same", i(1, 2), 1, false, mode, new Random(9));
            Tensor sameExpected = Nano.conv2d(Nano.pad(x, i(2, 2, 1, 2), mode), same.weight(), null, i(1), i(0),
                    i(1, 2), 1);
            assertArrayEquals(sameExpected.data(), same.forward(x).data(), mode);
            assertArrayEquals(x.shape().length == 4 ? i(2, 4, 5, 6) : null, same.forward(x).shape());
            Conv2d valid = new Conv2d(3, 4, i(3), i(1), "valid", i(1), 1, true, mode, new Random(10));
            assertArrayEquals(i(2, 4, 3, 4), valid.forward(x).shape());
        }
        Conv2d zeros = new Conv2d(3, 4, i(3), i(1), i(1), i(1), 1, true, "zeros", new Random(8));
        assertEquals("zeros", zeros.paddingMode());
        assertEquals("padding_mode must be one of {'zeros', 'reflect', 'replicate', 'circular'}, but got "
                + "padding_mode='wrap'", assertThrows(IllegalArgumentException.class,
                    () -> new Conv2d(3, 4, i(3), i(1), i(1), i(1), 1, true, "wrap", new Random(8))).getMessage());
        assertThrows(NullPointerException.class,
                () -> new Conv2d(3, 4, i(3), i(1), i(1), i(1), 1, true, (String) null, new Random(8)));
    }

    @Test
    void dropout2dZeroesWholeChannels() {
        Tensor x = Nano.ones(3, 8, 2, 2);
        Tensor y = F.dropout2d(x, 0.5, true, new Generator(3));
        int dropped = 0;
        for (int plane = 0; plane < 24; plane++) {
            double first = y.data()[plane * 4];
            assertTrue(first == 0 || first == 2, "kept values are scaled by 1/(1 − p): " + first);
            for (int k = 1; k < 4; k++) {
                assertEquals(first, y.data()[plane * 4 + k], "one decision per (sample, channel)");
            }
            dropped += first == 0 ? 1 : 0;
        }
        assertTrue(dropped > 0 && dropped < 24);
        // the mask is dropoutMask's draws over the (N, C, 1, 1) noise, in that order
        Tensor mask = F.dropoutMask(i(3, 8, 1, 1), 0.5, new Generator(3));
        assertArrayEquals(F.dropoutWithMask(x, mask, 0.5).data(), y.data());
        assertArrayEquals(i(2, 5, 7), F.dropout2d(Nano.ones(2, 5, 7), 0.3, true, new Generator(1)).shape());
    }

    @Test
    void dropout2dIdentityCasesAndChecks() {
        Tensor x = Nano.ones(2, 3, 2, 2);
        assertSame(x, F.dropout2d(x, 0.5, false));
        assertSame(x, F.dropout2d(x, 0.0, true));
        Tensor empty = Nano.zeros(0, 3, 2, 2);
        assertSame(empty, F.dropout2d(empty, 0.5, true));
        assertArrayEquals(new double[24], F.dropout2d(x, 1.0, true).data());
        assertEquals("Feature dropout requires at least 2 dimensions in the input",
                assertThrows(IllegalArgumentException.class, () -> F.dropout2d(Nano.ones(4), 0.5, true)).getMessage());
        assertEquals("dropout probability has to be between 0 and 1, but got 1.5",
                assertThrows(IllegalArgumentException.class, () -> F.dropout2d(x, 1.5, true)).getMessage());
        assertThrows(NullPointerException.class, () -> F.dropout2d(null, 0.5, true));
        assertThrows(NullPointerException.class, () -> F.dropout2d(x, 0.5, true, null));
    }

    @Test
    void dropout2dModuleFollowsTrainAndEval() {
        Dropout2d drop = new Dropout2d();
        assertEquals(0.5, drop.p());
        assertEquals("Dropout2d(p=0.5, inplace=False)", drop.toString());
        Tensor x = Nano.ones(2, 6, 2, 2);
        Nano.manualSeed(11);
        Tensor trained = drop.forward(x);
        Nano.manualSeed(11);
        assertArrayEquals(F.dropout2d(x, 0.5, true).data(), trained.data());
        drop.eval();
        assertSame(x, drop.forward(x));
        Dropout2d own = new Dropout2d(0.25, new Generator(4));
        assertArrayEquals(F.dropout2d(x, 0.25, true, new Generator(4)).data(), own.forward(x).data());
        assertEquals("dropout probability has to be between 0 and 1, but got -0.1",
                assertThrows(IllegalArgumentException.class, () -> new Dropout2d(-0.1)).getMessage());
    }
}
