package dev.nano;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * repeat tile repeatInterleave flip roll unbind movedim diag diagonal unflatten broadcastTo expandAs
 * meshgrid: gradients against finite differences, values worked out by hand from the ops'
 * definitions (torch's documented examples where it has them), and the argument checks only
 * nano's own API reaches.
 */
class ArrangementTest {

    private static Tensor longs(long[] values, int... shape) {
        return Nano.longTensor(values, shape);
    }

    static Stream<Arguments> gradCases() {
        Function<Tensor[], Tensor> repeat = in -> in[0].repeat(2, 1, 3);
        Function<Tensor[], Tensor> tile = in -> in[0].tile(2);
        Function<Tensor[], Tensor> interleave = in -> in[0].repeatInterleave(3, 1);
        Function<Tensor[], Tensor> interleaveFlat = in -> in[0].repeatInterleave(2);
        Function<Tensor[], Tensor> interleaveCounts = in -> in[0].repeatInterleave(longs(new long[] {2, 0, 1}, 3), 1);
        Function<Tensor[], Tensor> flip = in -> in[0].flip(0, -1);
        Function<Tensor[], Tensor> roll = in -> in[0].roll(new int[] {1, -5}, new int[] {0, 1});
        Function<Tensor[], Tensor> rollFlat = in -> in[0].roll(new int[] {4}, new int[0]);
        Function<Tensor[], Tensor> unbind = in -> Nano.stack(in[0].unbind(1), 0);
        Function<Tensor[], Tensor> movedim = in -> in[0].movedim(new int[] {0, 2}, new int[] {2, 1});
        Function<Tensor[], Tensor> diagVector = in -> in[0].select(0, 0).diag(-1);
        Function<Tensor[], Tensor> diagMatrix = in -> in[0].select(0, 1).diag(1);
        Function<Tensor[], Tensor> diagonal = in -> in[0].diagonal(-1, 2, 1);
        Function<Tensor[], Tensor> unflatten = in -> in[0].unflatten(-1, 2, -1);
        Function<Tensor[], Tensor> broadcastTo = in -> in[0].narrow(0, 0, 1).broadcastTo(4, 3, 4);
        Function<Tensor[], Tensor> expandAs = in -> in[0].narrow(1, 0, 1).expandAs(Nano.zeros(2, 3, 4));
        Function<Tensor[], Tensor> meshgrid = in -> Nano.stack(Nano.meshgrid("xy", in[0].select(0, 0).select(0, 0),
                in[0].select(0, 1).select(0, 1), in[0].select(0, 1).select(0, 2)), 0);
        return Stream.of(arguments("repeat", repeat), arguments("tile", tile), arguments("repeatInterleave", interleave),
                arguments("repeatInterleave flat", interleaveFlat),
                arguments("repeatInterleave counts", interleaveCounts), arguments("flip", flip), arguments("roll", roll),
                arguments("roll flat", rollFlat), arguments("unbind", unbind), arguments("movedim", movedim),
                arguments("diag of a vector", diagVector), arguments("diag of a matrix", diagMatrix),
                arguments("diagonal", diagonal), arguments("unflatten", unflatten),
                arguments("broadcastTo", broadcastTo), arguments("expandAs", expandAs), arguments("meshgrid", meshgrid));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradCases")
    void gradientMatchesFiniteDifferences(String name, Function<Tensor[], Tensor> op) {
        GradCheck.check(name, op, GradCheck.uniform(11, -2, 2, 2, 3, 4));
    }

    @Test
    void repeatAndTileLayWholeCopiesSideBySide() {
        Tensor x = Nano.tensor(1, 2, 3);
        // torch.Tensor.repeat's documented example: x.repeat(4, 2) has rows [1, 2, 3, 1, 2, 3]
        Expect.values(x.repeat(2, 2), new int[] {2, 6}, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3);
        Expect.values(Nano.tensor(new double[][] {{1, 2}, {3, 4}}).tile(2), new int[] {2, 4}, 1, 2, 1, 2, 3, 4, 3, 4);
        Expect.values(x.repeat(0), new int[] {0});
    }

    @Test
    void anElementRepeatedKTimesGetsKGradients() {
        Tensor x = Nano.tensor(1, 2).requiresGrad(true);
        x.repeatInterleave(longs(new long[] {3, 1}, 2)).backward(Nano.tensor(1, 10, 100, 1000));
        Expect.values(x.grad(), new int[] {2}, 111, 1000);
    }

    @Test
    void repeatInterleaveRepeatsInPlace() {
        // torch.repeat_interleave's documented examples
        Tensor y = Nano.tensor(new double[][] {{1, 2}, {3, 4}});
        Expect.values(y.repeatInterleave(2), new int[] {8}, 1, 1, 2, 2, 3, 3, 4, 4);
        Expect.values(y.repeatInterleave(longs(new long[] {1, 2}, 2), 0), new int[] {3, 2}, 1, 2, 3, 4, 3, 4);
        Expect.values(y.repeatInterleave(3, 1), new int[] {2, 6}, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4);
        Expect.values(y.repeatInterleave(longs(new long[] {2}, 1)), new int[] {8}, 1, 1, 2, 2, 3, 3, 4, 4);
    }

    @Test
    void flipAndRollMoveAlongTheirDims() {
        Tensor x = Nano.arange(8).reshape(2, 2, 2);
        Expect.values(x.flip(0, 1), new int[] {2, 2, 2}, 6, 7, 4, 5, 2, 3, 0, 1);
        Tensor r = Nano.tensor(1, 2, 3, 4, 5, 6, 7, 8).reshape(4, 2);
        // torch.roll's documented examples
        Expect.values(r.roll(new int[] {1}, new int[0]), new int[] {4, 2}, 8, 1, 2, 3, 4, 5, 6, 7);
        Expect.values(r.roll(new int[] {-1}, new int[] {0}), new int[] {4, 2}, 3, 4, 5, 6, 7, 8, 1, 2);
        Expect.values(r.roll(new int[] {2, 1}, new int[] {0, 1}), new int[] {4, 2}, 6, 5, 8, 7, 2, 1, 4, 3);
        // the same dim named twice rolls twice
        Expect.values(r.roll(new int[] {1, 1}, new int[] {0, 0}), new int[] {4, 2}, 5, 6, 7, 8, 1, 2, 3, 4);
    }

    @Test
    void unbindGivesTheSlicesAndNothingForAnEmptyDim() {
        Tensor[] rows = Nano.tensor(new double[][] {{1, 2, 3}, {4, 5, 6}}).unbind(-1);
        assertEquals(3, rows.length);
        Expect.values(rows[2], new int[] {2}, 3, 6);
        assertEquals(0, Nano.zeros(2, 0).unbind(1).length);
    }

    @Test
    void movedimKeepsTheOtherDimsInOrder() {
        Tensor x = Nano.zeros(2, 3, 4, 5);
        assertEquals("[4, 2, 3, 5]", java.util.Arrays.toString(x.movedim(2, 0).shape()));
        assertEquals("[3, 5, 4, 2]", java.util.Arrays.toString(x.movedim(new int[] {0, 2}, new int[] {3, 2}).shape()));
        assertEquals(0, Nano.scalar(4).movedim(new int[] {0}, new int[] {-1}).dim());
    }

    @Test
    void diagBuildsAMatrixFromAVectorAndReadsOneBack() {
        Expect.values(Nano.tensor(1, 2).diag(1), new int[] {3, 3}, 0, 1, 0, 0, 0, 2, 0, 0, 0);
        Expect.values(Nano.tensor(1, 2).diag(-1), new int[] {3, 3}, 0, 0, 0, 1, 0, 0, 0, 2, 0);
        Tensor m = Nano.arange(12).reshape(3, 4);
        Expect.values(m.diag(1), new int[] {3}, 1, 6, 11);
        Expect.values(m.diag(-2), new int[] {1}, 8);
        Expect.values(m.diag(7), new int[] {0});
        assertEquals(DType.INT64, longs(new long[] {1, 2}, 2).diag(0).dtype());
    }

    @Test
    void diagonalAppendsTheDiagonalAsTheLastDim() {
        Tensor x = Nano.arange(24).reshape(2, 3, 4);
        // dims 0 and 2 dropped, the diagonal x[i][j][i] appended
        Expect.values(x.diagonal(0, 0, 2), new int[] {3, 2}, 0, 13, 4, 17, 8, 21);
        // offset -1 drops the first row (dim1 = 2): x[k][j][k + 1]
        Expect.values(x.diagonal(-1, 2, 0), new int[] {3, 2}, 1, 14, 5, 18, 9, 22);
    }

    @Test
    void unflattenSplitsOneDim() {
        assertEquals("[2, 3, 2, 5]", java.util.Arrays.toString(Nano.zeros(2, 6, 5).unflatten(1, 3, -1).shape()));
    }

    @Test
    void meshgridIndexing() {
        Tensor a = Nano.tensor(1, 2, 3);
        Tensor b = Nano.tensor(4, 5);
        Tensor[] ij = Nano.meshgrid("ij", a, b);
        Expect.values(ij[0], new int[] {3, 2}, 1, 1, 2, 2, 3, 3);
        Expect.values(ij[1], new int[] {3, 2}, 4, 5, 4, 5, 4, 5);
        Tensor[] xy = Nano.meshgrid("xy", a, b);
        Expect.values(xy[0], new int[] {2, 3}, 1, 2, 3, 1, 2, 3);
        Expect.values(xy[1], new int[] {2, 3}, 4, 4, 4, 5, 5, 5);
        Expect.values(Nano.meshgrid("xy", a)[0], new int[] {3}, 1, 2, 3);
    }

    @Test
    void badArgumentsSpeakAsPyTorch() {
        var e = assertThrows(IllegalArgumentException.class, () -> Nano.meshgrid("ij"));
        assertEquals("meshgrid expects a non-empty TensorList", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Nano.repeat(Nano.zeros(2), 65536, 65536));
        assertEquals("repeat: a tensor of shape [65536, 131072] has more elements than a Java array can hold "
                + "(2147483647)", e.getMessage());
        var range = assertThrows(IndexOutOfBoundsException.class, () -> Nano.scalar(1).repeatInterleave(2, 0));
        assertEquals("Dimension out of range (expected to be in range of [-1, 0], but got 1)", range.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Nano.zeros(2).diag(Integer.MAX_VALUE));
        assertEquals("diag: a tensor of shape [2147483649, 2147483649] has more elements than a Java array can hold "
                + "(2147483647)", e.getMessage());
        // unflatten's other size errors are infer_size's own, passed through as aten does
        e = assertThrows(IllegalArgumentException.class, () -> Nano.zeros(2, 6).unflatten(1, -2, 3));
        assertTrue(e.getMessage().startsWith("invalid shape dimension -2"), e.getMessage()); // PyTorch's words
        var npe = assertThrows(NullPointerException.class, () -> Nano.roll(Nano.zeros(2), null, new int[0]));
        assertEquals("roll: argument 'shifts' must not be null", npe.getMessage());
    }
}
