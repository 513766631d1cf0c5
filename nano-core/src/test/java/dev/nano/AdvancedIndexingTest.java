package dev.nano;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code x.index(Index...)}: PyTorch's {@code x[...]} with integers, slices, None, ellipsis, index
 * tensors, lists and masks. Values are worked out by hand on {@code arange} inputs (element = its
 * flat position), gradients by finite differences and, for repeated picks, by hand; messages are
 * PyTorch's (the catalogue's index cases compare them with libtorch's own).
 */
class AdvancedIndexingTest {

    /** 0, 1, 2, ... in {@code shape}: every value names the position it came from. */
    private static Tensor positions(int... shape) {
        return Nano.arange(Shape.numel(shape)).reshape(shape);
    }

    private static Tensor longs(long[] values, int... shape) {
        return Nano.longTensor(values, shape);
    }

    private static Tensor mask(boolean[] values, int... shape) {
        return Nano.boolTensor(values, shape);
    }

    @Test
    void aListPicksPositionsAndRepeatsThem() {
        Expect.values(positions(5).index(Index.list(0, 2, 2, -1)), new int[] {4}, 0, 2, 2, 4);
    }

    @Test
    void indexTensorsBroadcastTogether() {
        // x[i, j] with i (2,1), j (3,): out[a][b] = x[i[a]][j[b]] = 4·i + j
        Tensor out = positions(3, 4).index(Index.tensor(longs(new long[] {0, 2}, 2, 1)),
                Index.tensor(longs(new long[] {1, 3, -4}, 3)));
        Expect.values(out, new int[] {2, 3}, 1, 3, 0, 9, 11, 8);
    }

    @Test
    void adjacentIndexTensorsStayInPlaceAndApartOnesGoFirst() {
        Tensor x = positions(2, 3, 4); // element = 12a + 4b + c
        // x[:, i, j] with i, j (2,): adjacent, so the result is (2, 2): x[a][i[k]][j[k]]
        Tensor adjacent = x.index(Index.all(), Index.list(2, 0), Index.list(1, 3));
        Expect.values(adjacent, new int[] {2, 2}, 9, 3, 21, 15);
        // x[i, :, j]: apart, so their shape (2,) comes first: out[k][b] = x[i[k]][b][j[k]]
        Tensor apart = x.index(Index.list(1, 0), Index.all(), Index.list(3, 0));
        Expect.values(apart, new int[] {2, 3}, 15, 19, 23, 0, 4, 8);
    }

    @Test
    void integersSlicesNoneAndEllipsisAreBasicIndexing() {
        Tensor x = positions(3, 4, 5);
        // x[None, 1, ..., 1:3]: shape (1, 4, 2), elements 20 + 5b + c for c in {1, 2}
        Expect.values(x.index(Index.none(), Index.at(1), Index.ellipsis(), Index.slice(1, 3)), new int[] {1, 4, 2},
                21, 22, 26, 27, 31, 32, 36, 37);
        // x[-1, ::2, 4] through a 0-d int64 tensor for the last integer
        Expect.values(x.index(Index.at(-1), Index.slice(null, null, 2), Index.tensor(longs(new long[] {4}))),
                new int[] {2}, 44, 54);
        Expect.values(Nano.scalar(7).index(Index.none()), new int[] {1}, 7);
    }

    @Test
    void anIntegerBesideAnIndexTensorSelectsFirst() {
        // x[0, :, i]: the integer removes dim 0, then i indexes the last dim: (3, 3)
        Tensor out = positions(2, 3, 4).index(Index.at(0), Index.all(), Index.list(3, 0, 3));
        Expect.values(out, new int[] {3, 3}, 3, 0, 3, 7, 4, 7, 11, 8, 11);
    }

    @Test
    void masksPickTheirTrueElementsInRowMajorOrder() {
        Tensor x = positions(3, 4);
        Expect.values(x.index(Index.mask(x.gt(8))), new int[] {3}, 9, 10, 11);
        Expect.values(x.index(Index.mask(mask(new boolean[] {true, false, true}, 3))), new int[] {2, 4},
                0, 1, 2, 3, 8, 9, 10, 11);
        Expect.values(x.index(Index.all(), Index.mask(mask(new boolean[] {false, true, true, false}, 4))),
                new int[] {3, 2}, 1, 2, 5, 6, 9, 10);
        // a mask (3,) beside a position list (2,): both give 2 positions, which pair up
        Expect.values(x.index(Index.mask(mask(new boolean[] {true, false, true}, 3)), Index.list(3, 0)),
                new int[] {2}, 3, 8);
        Expect.values(x.index(Index.mask(mask(new boolean[12], 3, 4))), new int[] {0});
    }

    @Test
    void zeroDimMasksAddADimOfOneOrZero() {
        Tensor x = positions(3);
        Expect.values(x.index(Index.tensor(Nano.boolTensor(new boolean[] {true}))), new int[] {1, 3}, 0, 1, 2);
        Expect.values(x.index(Index.tensor(Nano.boolTensor(new boolean[] {false}))), new int[] {0, 3});
    }

    @Test
    void emptyIndicesGiveEmptyResults() {
        Expect.values(positions(3, 4).index(Index.tensor(longs(new long[0], 0))), new int[] {0, 4});
        Expect.values(positions(0, 4).index(Index.all(), Index.list(1, 3)), new int[] {0, 2});
        Expect.values(positions(0, 4).index(Index.list()), new int[] {0, 4});
    }

    @Test
    void aPositionPickedTwiceGetsBothGradients() {
        // aten::index_put_ with accumulate=True: d/dx sum(g · x[[0, 2, 2]]) = g scattered and added
        Tensor x = positions(4).requiresGrad(true);
        Tensor out = x.index(Index.list(0, 2, 2));
        out.backward(Nano.tensor(new double[] {1, 10, 100}, 3));
        Expect.values(x.grad(), new int[] {4}, 1, 0, 110, 0);
        assertEquals("IndexBackward0", out.gradFn().name());
        assertEquals("SliceBackward0", x.index(Index.all()).gradFn().name(), "basic indexing alone");
    }

    static Stream<Arguments> gradCases() {
        Tensor m = mask(new boolean[] {true, true, false, false, true, true}, 2, 3);
        return Stream.of(
                arguments("[[0, 2, 2, -1]]", new int[] {5}, new Index[] {Index.list(0, 2, 2, -1)}),
                arguments("[i, :, j] apart", new int[] {2, 3, 4}, new Index[] {Index.list(1, 0, 1), Index.all(),
                        Index.list(3, 3, 0)}),
                arguments("[None, ..., i]", new int[] {3, 4}, new Index[] {Index.none(), Index.ellipsis(),
                        Index.tensor(longs(new long[] {0, 3, 3, 1}, 2, 2))}),
                arguments("[mask (2,3), :]", new int[] {2, 3, 4}, new Index[] {Index.mask(m), Index.all()}),
                arguments("[1:, 0]", new int[] {3, 4}, new Index[] {Index.slice(1, null), Index.at(0)}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradCases")
    void gradientMatchesFiniteDifferences(String name, int[] shape, Index[] index) {
        GradCheck.check(name, in -> in[0].index(index), GradCheck.uniform(5, -2, 2, shape));
    }

    @Test
    void badIndicesAreRejectedInPyTorchsWords() {
        Tensor x = positions(3, 4);
        assertEquals("index 5 is out of bounds for dimension 0 with size 3", assertThrows(IndexOutOfBoundsException.class,
                () -> positions(3).index(Index.list(5))).getMessage());
        assertEquals("index -4 is out of bounds for dimension 0 with size 3", assertThrows(
                IndexOutOfBoundsException.class, () -> positions(3).index(Index.list(0, -4))).getMessage());
        assertEquals("index 7 is out of bounds for dimension 1 with size 4", assertThrows(IndexOutOfBoundsException.class,
                () -> x.index(Index.all(), Index.at(7))).getMessage());
        assertEquals("The shape of the mask [2] at index 0 does not match the shape of the indexed tensor [3, 4] at "
                + "index 0", assertThrows(IndexOutOfBoundsException.class,
                () -> x.index(Index.mask(mask(new boolean[] {true, false}, 2)))).getMessage());
        assertEquals("The shape of the mask [2, 3] at index 1 does not match the shape of the indexed tensor "
                + "[2, 2, 4] at index 1", assertThrows(IndexOutOfBoundsException.class, () -> positions(2, 3, 4).index(
                Index.mask(mask(new boolean[6], 2, 3)), Index.slice(1, null))).getMessage());
        assertEquals("shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]",
                assertThrows(IndexOutOfBoundsException.class, () -> x.index(Index.list(0, 1), Index.list(0, 1, 2)))
                        .getMessage());
        assertEquals("index is out of bounds for dimension with size 0", assertThrows(IndexOutOfBoundsException.class,
                () -> positions(0, 4).index(Index.list(0))).getMessage());
        assertEquals("too many indices for tensor of dimension 2", assertThrows(IndexOutOfBoundsException.class,
                () -> x.index(Index.list(0), Index.list(0), Index.list(0))).getMessage());
        // Worded as aten's IndexingUtils.h and TensorIndexing.h do; DJL's own parser stops these before libtorch.
        assertEquals("tensors used as indices must be long, int, byte or bool tensors",
                assertThrows(IndexOutOfBoundsException.class, () -> x.index(Index.tensor(Nano.zeros(2)))).getMessage());
        assertEquals("an index can only have a single ellipsis ('...')", assertThrows(IndexOutOfBoundsException.class,
                () -> x.index(Index.ellipsis(), Index.ellipsis())).getMessage());
        assertEquals("index: a mask must be a bool tensor, got INT64 (for positions use Index.tensor)",
                assertThrows(IllegalArgumentException.class, () -> Index.mask(longs(new long[] {1}, 1))).getMessage());
    }

    @Test
    void theEntriesPrintAsPythonWritesThem() {
        assertEquals("[-1, 1:3, None, ..., ::2, :, tensor(INT64 [2])]", java.util.Arrays.toString(new Index[] {
                Index.at(-1), Index.slice(1, 3), Index.none(), Index.ellipsis(), Index.slice(null, null, 2),
                Index.all(), Index.list(0, 1)}));
        Tensor m = mask(new boolean[] {true}, 1);
        assertSame(m, ((Index.ByTensor) Index.mask(m)).indices());
    }
}
