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
 * indexSelect maskedSelect nonzero scatter scatterAdd indexAdd indexCopy indexFill: gradients
 * against finite differences (indices without duplicates, where the derivative is the true one),
 * and values worked out by hand from the ops' definitions.
 */
class ScatteringTest {

    private static Tensor longs(long[] values, int... shape) {
        return Nano.longTensor(values, shape);
    }

    static Stream<Arguments> gradCases() {
        Tensor rowIndex = longs(new long[] {2, 0, 3, 1, 3, 0}, 2, 3);
        Tensor lineIndex = longs(new long[] {2, 0}, 2);
        Function<Tensor[], Tensor> indexSelect = in -> in[0].indexSelect(1, longs(new long[] {3, 0, 3}, 3));
        Function<Tensor[], Tensor> maskedSelect = in -> in[0].maskedSelect(Nano.boolTensor(new boolean[] {true,
            false, true, true}, 4));
        Function<Tensor[], Tensor> scatter = in -> in[0].scatter(1, rowIndex, in[1]);
        Function<Tensor[], Tensor> scatterValue = in -> in[0].scatter(1, rowIndex, 0.5);
        Function<Tensor[], Tensor> scatterAdd = in -> in[0].scatterAdd(1, rowIndex, in[1]);
        Function<Tensor[], Tensor> indexAdd = in -> in[0].indexAdd(0, lineIndex, in[1].narrow(0, 0, 2), -1.5);
        Function<Tensor[], Tensor> indexCopy = in -> in[0].indexCopy(0, lineIndex, in[1].narrow(0, 0, 2));
        Function<Tensor[], Tensor> indexFill = in -> in[0].indexFill(1, lineIndex, 3);
        return Stream.of(arguments("indexSelect", indexSelect), arguments("maskedSelect", maskedSelect),
                arguments("scatter", scatter), arguments("scatter value", scatterValue),
                arguments("scatterAdd", scatterAdd), arguments("indexAdd", indexAdd), arguments("indexCopy", indexCopy),
                arguments("indexFill", indexFill));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradCases")
    void gradientMatchesFiniteDifferences(String name, Function<Tensor[], Tensor> op) {
        GradCheck.check(name, op, GradCheck.uniform(3, -2, 2, 3, 4), GradCheck.uniform(4, -2, 2, 3, 4));
    }

    @Test
    void scatterKeepsTheLastWriteAndScatterAddAddsAll() {
        Tensor x = Nano.zeros(1, 3);
        Tensor index = longs(new long[] {1, 1, 0}, 1, 3);
        Tensor src = Nano.tensor(new double[][] {{5, 7, 9}});
        Expect.values(x.scatter(1, index, src), new int[] {1, 3}, 9, 7, 0);
        Expect.values(x.scatterAdd(1, index, src), new int[] {1, 3}, 9, 12, 0);
    }

    @Test
    void indexOpsWriteWholeSlices() {
        Tensor x = Nano.ones(3, 2);
        Tensor source = Nano.tensor(new double[][] {{1, 2}, {3, 4}});
        Tensor index = longs(new long[] {2, 0}, 2);
        Expect.values(x.indexAdd(0, index, source, 2), new int[] {3, 2}, 7, 9, 1, 1, 3, 5);
        Expect.values(x.indexCopy(0, index, source), new int[] {3, 2}, 3, 4, 1, 1, 1, 2);
        Expect.values(x.indexFill(1, longs(new long[] {-1}, 1), 0), new int[] {3, 2}, 1, 0, 1, 0, 1, 0);
        Expect.values(longs(new long[] {1, 2}, 2).indexFill(0, longs(new long[] {0}, 1), 2.5), new int[] {2}, 2, 2);
        Expect.values(Nano.boolTensor(new boolean[] {false, false}, 2).scatter(0, longs(new long[] {1}, 1), -3),
                new int[] {2}, 0, 1);
    }

    /**
     * Inputs PyTorch refuses too (mixed dtypes, an index of the wrong type or rank): nano refuses them,
     * naming the op. The catalogue's error cases pin PyTorch's own words for the other refusals.
     */
    @Test
    void mixedDtypesAndBadIndicesAreRefused() {
        Tensor x = Nano.zeros(2, 3);
        Tensor longIndex = longs(new long[] {0, 1}, 2);
        Tensor longs = longs(new long[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertRefused("scatter", () -> x.scatter(1, longs(new long[] {0}, 1, 1), longs));
        assertRefused("Index tensor", () -> x.scatter(1, longs(new long[] {0}, 1, 1), Nano.zeros(3)));
        assertRefused("index_add_", () -> x.indexAdd(0, longIndex, longs, 1));
        assertRefused("index_copy_", () -> x.indexCopy(0, Nano.zeros(2), Nano.zeros(2, 3)));
        assertRefused("index_copy_", () -> x.indexCopy(0, longIndex, longs));
    }

    private static void assertRefused(String words, org.junit.jupiter.api.function.Executable call) {
        var e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void selectionsAndNonzero() {
        Tensor x = Nano.tensor(new double[][] {{0, 1.5}, {Double.NaN, 0}});
        Expect.values(x.nonzero(), new int[] {2, 2}, 0, 1, 1, 0);
        assertEquals(DType.INT64, x.nonzero().dtype());
        Expect.values(x.indexSelect(0, longs(new long[] {1, 1}, 2)), new int[] {2, 2}, Double.NaN, 0, Double.NaN, 0);
        Expect.values(Nano.scalar(3).indexSelect(0, longs(new long[] {0}, 1)), new int[0], 3);
        Tensor mask = Nano.boolTensor(new boolean[] {true, false}, 2);
        Expect.values(x.maskedSelect(mask), new int[] {2}, 0, Double.NaN);
    }
}
