package dev.nano.badinput;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.nn.F;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Sizes beyond one Java array: size arithmetic is done in {@code long}, so every such call fails
 * with the one message "... has more elements than a Java array can hold (2147483647)" instead of
 * a {@code NegativeArraySizeException}, an index error, a clamped length or an out-of-memory.
 */
final class OverflowCases {
    private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
    private static final String TOO_MANY = "has more elements than a Java array can hold (2147483647)";

    private OverflowCases() {
    }

    private static String shape(String op, String shape) {
        return op + ": a tensor of shape " + shape + " " + TOO_MANY;
    }

    static List<BadCase> cases() {
        List<BadCase> list = new ArrayList<>();
        BadCase.Rows r = new BadCase.Rows("overflow", list);
        r.add("Nano.eye(46341)", IAE, shape("eye", "[46341, 46341]"), () -> Nano.eye(46341));
        r.add("Nano.eye(2147483647, 2)", IAE, shape("eye", "[2147483647, 2]"), () -> Nano.eye(Integer.MAX_VALUE, 2));
        r.add("Nano.zeros(65536, 65536)", IAE, shape("full", "[65536, 65536]"), () -> Nano.zeros(65536, 65536));
        r.add("Nano.ones(2 x 31 dims)", IAE, TOO_MANY, () -> Nano.ones(twos(31)));
        r.add("Nano.full([100000, 100000, 1], 1)", IAE, shape("full", "[100000, 100000, 1]"),
                () -> Nano.full(new int[] {100000, 100000, 1}, 1));
        r.add("Nano.rand(rng, 65536, 65536)", IAE, shape("rand", "[65536, 65536]"),
                () -> Nano.rand(new Random(0), 65536, 65536));
        r.add("Nano.randn(65536, 65536)", IAE, shape("randn", "[65536, 65536]"), () -> Nano.randn(65536, 65536));
        r.add("Nano.tensor(values, 65536, 65536)", IAE, TOO_MANY, () -> Nano.tensor(new double[1], 65536, 65536));
        r.add("Nano.boolTensor(values, 65536, 65536)", IAE, TOO_MANY,
                () -> Nano.boolTensor(new boolean[1], 65536, 65536));
        r.add("Nano.longTensor(values, 65536, 65536)", IAE, TOO_MANY,
                () -> Nano.longTensor(new long[1], 65536, 65536));
        r.add("Nano.arange(0, 3e9)", IAE, shape("arange", "[3000000000]"), () -> Nano.arange(0, 3e9));
        r.add("Nano.arange(1e300)", IAE, TOO_MANY, () -> Nano.arange(1e300));
        r.add("Nano.arange(0, 1, 1e-10)", IAE, shape("arange", "[10000000000]"), () -> Nano.arange(0, 1, 1e-10));
        r.add("zeros(65536,1).matmul(zeros(1,65536))", IAE, shape("matmul", "[65536, 65536]"),
                () -> Nano.zeros(65536, 1).matmul(Nano.zeros(1, 65536)));
        r.add("zeros(50000,0).matmul(zeros(0,50000))", IAE, shape("matmul", "[50000, 50000]"),
                () -> Nano.zeros(50000, 0).matmul(Nano.zeros(0, 50000)));
        r.add("zeros(3,30000,1).matmul(zeros(1,30000))", IAE, shape("matmul", "[3, 30000, 30000]"),
                () -> Nano.zeros(3, 30000, 1).matmul(Nano.zeros(1, 30000)));
        r.add("zeros(65536,1).mm(zeros(1,65536))", IAE, shape("mm", "[65536, 65536]"),
                () -> Nano.zeros(65536, 1).mm(Nano.zeros(1, 65536)));
        r.add("zeros(40000,1,1).matmul(zeros(1,1,60000))", IAE, shape("matmul", "[40000, 1, 60000]"),
                () -> Nano.zeros(40000, 1, 1).matmul(Nano.zeros(1, 1, 60000)));
        r.add("zeros(3).pad([2000000000, 2000000000])", IAE, shape("pad", "[4000000003]"),
                () -> Nano.zeros(3).pad(new int[] {2_000_000_000, 2_000_000_000}, 0));
        r.add("zeros(2,3).pad([0, 0, 1500000000, 0])", IAE, shape("pad", "[1500000002, 3]"),
                () -> Nano.zeros(2, 3).pad(new int[] {0, 0, 1_500_000_000, 0}, 0));
        r.add("zeros(3).pad([2147483647, 1])", IAE, shape("pad", "[2147483651]"),
                () -> Nano.zeros(3).pad(new int[] {Integer.MAX_VALUE, 1}, 0));
        r.add("cat([zeros(0,1500000000)] * 2, dim 1)", IAE, shape("cat", "[3000000000]"),
                () -> Nano.cat(new Tensor[] {Nano.zeros(0, 1_500_000_000), Nano.zeros(0, 1_500_000_000)}, 1));
        r.add("cat([zeros(1,0), zeros(2147483647,0)], dim 0)", IAE, shape("cat", "[2147483648]"),
                () -> Nano.cat(new Tensor[] {Nano.zeros(1, 0), Nano.zeros(Integer.MAX_VALUE, 0)}, 0));
        r.add("zeros(1).expand(65536, 65536)", IAE, TOO_MANY, () -> Nano.zeros(1).expand(65536, 65536));
        r.add("zeros(65536,1).add(zeros(1,65536))", IAE, TOO_MANY,
                () -> Nano.zeros(65536, 1).add(Nano.zeros(1, 65536)));
        r.add("zeros(65536,1).lt(zeros(1,65536))", IAE, TOO_MANY,
                () -> Nano.zeros(65536, 1).lt(Nano.zeros(1, 65536)));
        r.add("where(cond (65536,1), a (1,65536), b)", IAE, TOO_MANY,
                () -> Nano.where(Nano.zeros(65536, 1).gt(0), Nano.zeros(1, 65536), Nano.zeros(1)));
        r.add("zeros(4).reshape(65536, 65536)", IAE, "shape '[65536, 65536]' is invalid for input of size 4",
                () -> Nano.zeros(4).reshape(65536, 65536));
        r.add("F.dropoutMask([65536, 65536], 0.5, rng)", IAE, TOO_MANY,
                () -> F.dropoutMask(new int[] {65536, 65536}, 0.5, new Random(0)));
        return list;
    }

    private static int[] twos(int n) {
        int[] s = new int[n];
        java.util.Arrays.fill(s, 2);
        return s;
    }
}
