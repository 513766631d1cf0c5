package dev.nano;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * sort argsort topk kthvalue: gradients against finite differences (on distinct values, away from
 * ties), and orders worked out by hand: NaN as the largest value, equal values in input order.
 */
class OrderingTest {

    static Stream<Arguments> gradCases() {
        Function<Tensor[], Tensor> sort = in -> in[0].sort(1, false, false).values();
        Function<Tensor[], Tensor> sortDescending = in -> in[0].sort(0, true, true).values();
        Function<Tensor[], Tensor> topk = in -> in[0].topk(2, -1, true).values();
        Function<Tensor[], Tensor> bottomk = in -> in[0].topk(3, 1, false).values();
        Function<Tensor[], Tensor> kthvalue = in -> in[0].kthvalue(2, 2, false).values();
        Function<Tensor[], Tensor> kthvalueKeepdim = in -> in[0].kthvalue(1, 0, true).values();
        return Stream.of(arguments("sort", sort), arguments("sort descending", sortDescending),
                arguments("topk", topk), arguments("topk smallest", bottomk), arguments("kthvalue", kthvalue),
                arguments("kthvalue keepdim", kthvalueKeepdim));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradCases")
    void gradientMatchesFiniteDifferences(String name, Function<Tensor[], Tensor> op) {
        // Random values in [-2, 2] are distinct with probability 1 and far apart next to eps = 1e-6.
        GradCheck.check(name, op, GradCheck.uniform(5, -2, 2, 2, 3, 4));
    }

    @Test
    void nanSortsAsTheLargestAndTiesKeepTheirOrder() {
        Tensor x = Nano.tensor(2, Double.NaN, 1, 2, -0.0, 0.0);
        ValuesIndices up = x.sort(0, false, false);
        Expect.values(up.values(), new int[] {6}, -0.0, 0.0, 1, 2, 2, Double.NaN);
        Expect.values(up.indices(), new int[] {6}, 4, 5, 2, 0, 3, 1);
        Expect.values(x.argsort(0, true, true), new int[] {6}, 1, 0, 3, 2, 4, 5);
    }

    @Test
    void eachSortedValueSendsItsGradientBack() {
        Tensor x = Nano.tensor(3, 1, 2).requiresGrad(true);
        x.sort(0, false, false).values().backward(Nano.tensor(10, 20, 30));
        Expect.values(x.grad(), new int[] {3}, 30, 10, 20);
    }

    @Test
    void topkAndKthvalue() {
        Tensor x = Nano.tensor(new double[][] {{4, 1, 3}, {0, 5, 2}});
        ValuesIndices top = x.topk(2, 1, true);
        Expect.values(top.values(), new int[] {2, 2}, 4, 3, 5, 2);
        Expect.values(top.indices(), new int[] {2, 2}, 0, 2, 1, 2);
        ValuesIndices kth = x.kthvalue(2, 0, false);
        Expect.values(kth.values(), new int[] {3}, 4, 5, 3);
        Expect.values(kth.indices(), new int[] {3}, 0, 1, 0);
        assertEquals(0, Nano.scalar(7).topk(0, 0, true).values().dim());
        Expect.values(Nano.scalar(7).kthvalue(1, -1, true).values(), new int[0], 7);
    }
}
