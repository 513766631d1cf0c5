package dev.nano;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Constant padding, {@code F.pad(x, pad, mode="constant", value)}; negative amounts crop. */
class MovementPadTest {

    /** [[1, 2], [3, 4]] */
    private static Tensor x22() {
        return Nano.tensor(new double[][] {{1, 2}, {3, 4}});
    }

    static Stream<Arguments> gradCases() {
        return Stream.of(
                arguments("(3,4) last dim (1,2)", new int[] {3, 4}, new int[] {1, 2}),
                arguments("(3,4) both dims (0,1,2,0)", new int[] {3, 4}, new int[] {0, 1, 2, 0}),
                arguments("(2,3,4) (1,1,1,1,1,1)", new int[] {2, 3, 4}, new int[] {1, 1, 1, 1, 1, 1}),
                arguments("(3,4) crop (-1,-1)", new int[] {3, 4}, new int[] {-1, -1}),
                arguments("(3,4) mixed (2,-1,-2,1)", new int[] {3, 4}, new int[] {2, -1, -2, 1}),
                arguments("(3,4) crop to empty (-2,-2)", new int[] {3, 4}, new int[] {-2, -2}),
                arguments("(3,4) no padding", new int[] {3, 4}, new int[0]),
                arguments("0-d no padding", new int[0], new int[0]),
                arguments("(0,3) padded", new int[] {0, 3}, new int[] {1, 1, 2, 0}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradCases")
    void gradientMatchesFiniteDifferences(String name, int[] shape, int[] pad) {
        GradCheck.check(name, in -> in[0].pad(pad, 0.5), GradCheck.uniform(8, -2, 2, shape));
    }

    @Test
    void padTheLastDim() {
        Expect.values(x22().pad(new int[] {1, 0}, 9), new int[] {2, 3}, 9, 1, 2, 9, 3, 4);
    }

    @Test
    void padTheFirstDimToo() {
        // the second pair pads dim 0: one row of 9 above and one below
        Expect.values(x22().pad(new int[] {0, 0, 1, 1}, 9), new int[] {4, 2}, 9, 9, 1, 2, 3, 4, 9, 9);
    }

    @Test
    void negativePaddingCrops() {
        Expect.values(x22().pad(new int[] {-1, 1}, 0), new int[] {2, 2}, 2, 0, 4, 0);
        Expect.values(x22().pad(new int[] {0, -1, -1, 0}, 0), new int[] {1, 1}, 3);
        Expect.values(x22().pad(new int[] {-1, -1}, 0), new int[] {2, 0});
    }

    @Test
    void gradientDropsThePaddingAndZeroesTheCroppedPart() {
        Tensor x = x22().requiresGrad(true);
        // out[i] = [value, x[i][0]]: x[i][1] was cropped
        x.pad(new int[] {1, -1}, 7).backward(Nano.tensor(new double[] {10, 20, 30, 40}, 2, 2));
        Expect.values(x.grad(), new int[] {2, 2}, 20, 0, 40, 0);
    }

    @Test
    void paddingAnIntTensorKeepsItsType() {
        Tensor padded = Nano.longTensor(new long[] {1, 2}, 2).pad(new int[] {1, 0}, 2.7);
        assertEquals(DType.INT64, padded.dtype());
        Expect.values(padded, new int[] {3}, 2, 1, 2);
    }

    @Test
    void nodeName() {
        Tensor x = x22().requiresGrad(true);
        assertEquals("ConstantPadNdBackward0", x.pad(new int[] {1, 1}, 0).gradFn().name());
    }

    // ---------------------------------------------------------------- errors

    private static void assertFails(String message, Runnable call) {
        RuntimeException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void oddPaddingLength() {
        assertFails("Padding length must be divisible by 2", () -> x22().pad(new int[] {1, 1, 1}, 0));
    }

    @Test
    void paddingMoreDimsThanTheInputHas() {
        assertFails("Padding length should be less than or equal to two times the input dimension but got padding "
                + "length 6 and input of dimension 2", () -> x22().pad(new int[] {1, 1, 1, 1, 1, 1}, 0));
    }

    @Test
    void croppingMoreThanTheInput() {
        assertFails("narrow(): length must be non-negative.", () -> x22().pad(new int[] {-2, -1}, 0));
        assertFails("narrow(): length must be non-negative.", () -> x22().pad(new int[] {3, -3}, 0));
    }

    /**
     * PyTorch's constant_pad_nd: once any pad is positive, every padded dim must come out with
     * size > 0 (an empty dim padded by 0 on both sides included); pure cropping may empty a dim.
     */
    @Test
    void paddingThatLeavesAPaddedDimEmpty() {
        assertFails("The input size 2, plus negative padding -2 and 0 resulted in a negative output size, which is"
                + " invalid. Check dimension 0 of your input.", () -> x22().pad(new int[] {1, 1, -2, 0}, 0));
        assertFails("The input size 0, plus negative padding 0 and 0 resulted in a negative output size, which is"
                + " invalid. Check dimension 1 of your input.",
                () -> Nano.zeros(2, 0, 3).pad(new int[] {0, 0, 0, 0, 1, 0}, 0));
        Expect.values(x22().pad(new int[] {-1, -1}, 0), new int[] {2, 0});
        Expect.values(Nano.zeros(2, 0).pad(new int[] {1, 0}, 5), new int[] {2, 1}, 5, 5);
    }
}
