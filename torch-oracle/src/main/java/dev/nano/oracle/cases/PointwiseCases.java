package dev.nano.oracle.cases;

import dev.nano.oracle.cases.Samples.Domain;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.nano.oracle.cases.Samples.INF;
import static dev.nano.oracle.cases.Samples.NAN;
import static dev.nano.oracle.cases.Samples.kinds;

/**
 * The three-operand ops {@code lerp addcmul addcdiv}: equal shapes, three-way broadcasts, 0-d and
 * empty operands, the edge values in every operand, a mismatch (PyTorch's message names the shape
 * broadcast so far and the next operand's), and the number operand (lerp's weight, the value of
 * addcmul and addcdiv) as an attribute.
 *
 * <p>libtorch's AVX2 and AVX-512 lerp lanes fuse the multiply-add; its default dispatch does not, and
 * neither does nano. A fused result can differ in the last bit, and where end − start cancels, by more
 * relative to a tiny result: the fixtures record each dispatch's answer where they differ.
 */
final class PointwiseCases {
    private PointwiseCases() {
    }

    private static final int[][][] SHAPES = {
        {{}, {}, {}}, {{5}, {5}, {5}}, {{3, 4}, {3, 4}, {3, 4}}, {{2, 3, 4}, {2, 3, 4}, {2, 3, 4}},
        {{3, 1}, {1, 4}, {4}}, {{4}, {3, 1}, {}}, {{}, {2, 3}, {3}}, {{2, 1, 3}, {4, 1}, {1}},
        {{0}, {0}, {0}}, {{2, 0, 3}, {3}, {}},
    };
    private static final double[] EDGES = {0.0, -0.0, 1.0, -1.0, 0.5, 1e300, -1e300, NAN, INF, -INF};

    static List<OpInfo> entries() {
        return List.of(lerp(),
                addc("addcmul", Domain.signed(0.1, 3), (x, t1, t2, v) -> v == null ? x.addcmul(t1, t2)
                        : x.addcmul(t1, t2, v)),
                // The divisor stays away from 0 in the random cases; its zeros are in the edge cube.
                addc("addcdiv", Domain.signed(0.5, 3), (x, t1, t2, v) -> v == null ? x.addcdiv(t1, t2)
                        : x.addcdiv(t1, t2, v)));
    }

    /** nano's addcmul or addcdiv, with {@code value} null for the overload without it. */
    private interface AddcCall {
        dev.nano.Tensor apply(dev.nano.Tensor x, dev.nano.Tensor t1, dev.nano.Tensor t2, Double value);
    }

    /** Equal and broadcast shapes, drawn from each operand's domain. */
    private static List<Sample> shapes(String op, String prefix, Attrs attrs, Domain... domains) {
        List<Sample> out = new ArrayList<>();
        for (int[][] sh : SHAPES) {
            String id = prefix + Input.shapeText(sh[0]) + "|" + Input.shapeText(sh[1]) + "|" + Input.shapeText(sh[2]);
            Random r = Samples.rng(op, id);
            boolean same = Arrays.equals(sh[0], sh[1]) && Arrays.equals(sh[1], sh[2]);
            out.add(Sample.of(id, same ? kinds() : kinds(Kind.BROADCAST), attrs, domains[0].draw(r, sh[0]),
                    domains[1].draw(r, sh[1]), domains[2].draw(r, sh[2])));
        }
        return out;
    }

    /** Each edge value in each operand against every edge value of the others: (n,1,1), (n,1), (n). */
    private static Sample edgeCube(String prefix, Attrs attrs) {
        int n = EDGES.length;
        return Sample.of(prefix + "edge cube", kinds(Kind.EDGE, Kind.BROADCAST), attrs,
                Input.of(new int[] {n, 1, 1}, EDGES.clone()), Input.of(new int[] {n, 1}, EDGES.clone()),
                Input.of(new int[] {n}, EDGES.clone()));
    }

    /**
     * Found by the fuzzer: under the avx2 and avx512 dispatches libtorch fuses the multiply-add of lerp
     * and addcmul (one rounding), so a product that overflows alone can still meet an infinity
     * (addcmul(inf, 1, -1e20, value=1e300) is inf there, NaN unfused). The default dispatch (the
     * fixtures' record) and nano do not fuse; known only when this JVM runs another dispatch.
     */
    private static final String FUSED = "libtorch's avx2/avx512 lerp and addcmul fuse the multiply-add (one "
            + "rounding), so where a product overflows or cancels their answers differ from the unfused default "
            + "dispatch's, which nano follows";

    private static boolean fusedLanes(Sample c, String problem) {
        boolean extreme = c.inputs().stream().flatMapToDouble(in -> Arrays.stream(in.values()))
                .anyMatch(v -> !Double.isFinite(v) || Math.abs(v) >= 1e15 || v != 0 && Math.abs(v) < 1e-15)
                || c.attrs().has("value") && Math.abs(c.attrs().getDouble("value")) >= 1e15;
        return !dev.nano.oracle.torch.Dispatch.CANONICAL.equals(dev.nano.oracle.torch.Dispatch.current()) && extreme;
    }

    private static Sample mismatch(String op) {
        Random r = Samples.rng(op, "mismatch");
        return Sample.error("(2,3)|(2,3)|(2,4) mismatch",
                "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
                Attrs.none(), Samples.leaf(r, 0.5, 1.5, 2, 3), Samples.leaf(r, 0.5, 1.5, 2, 3),
                Samples.leaf(r, 0.5, 1.5, 2, 4));
    }

    private static OpInfo lerp() {
        AtenKernel tensorWeight = AtenKernel.of("aten::lerp.Tensor", "x: Tensor, e: Tensor, w: Tensor",
                "torch.lerp(x, e, w)");
        AtenKernel numberWeight = AtenKernel.of("aten::lerp.Scalar", "x: Tensor, e: Tensor, w: float",
                "torch.lerp(x, e, w)");
        Domain d = Domain.signed(0.1, 3);
        List<Sample> s = new ArrayList<>(shapes("lerp", "", Attrs.none(), d, d, Domain.signed(0.05, 1.5)));
        s.add(edgeCube("", Attrs.none()));
        // Weights at and around the formula's switch (|w| = 0.5) and at the ends 0 and 1, where lerp is exact.
        s.add(Sample.of("weights at the switch", kinds(Kind.EDGE, Kind.NONDIFF), Attrs.none(),
                Samples.values(1, 1, 1, 1, 1, 1, -2, 1e300),
                Samples.values(3, 3, 3, 3, 3, 3, 5, -1e300),
                Samples.values(0.5, -0.5, 0.49999999999999994, 0, 1, 2, 0.5, 0.75)));
        for (double w : new double[] {0.25, 0.5, 0.75, -1.0, 0.0, 1.0}) {
            Attrs a = Attrs.of("weight", w);
            String prefix = "weight=" + UnarySamples.fmt(w) + " ";
            for (int[][] sh : new int[][][] {{{3, 4}, {3, 4}}, {{}, {3}}, {{2, 1}, {3}}}) {
                String id = prefix + Input.shapeText(sh[0]) + "|" + Input.shapeText(sh[1]);
                Random r = Samples.rng("lerp", id);
                s.add(Sample.of(id, Arrays.equals(sh[0], sh[1]) ? kinds(Kind.SCALAR)
                        : kinds(Kind.SCALAR, Kind.BROADCAST), a, d.draw(r, sh[0]), d.draw(r, sh[1])));
            }
            Sample edges = Samples.edgeProduct(prefix + "edge product", EDGES, true);
            s.add(new Sample(edges.id(), kinds(Kind.EDGE, Kind.BROADCAST, Kind.SCALAR), edges.inputs(), a, null, null));
        }
        s.add(mismatch("lerp"));
        return OpInfo.builder("lerp", "ops")
                .fuzz(FuzzRule.elementwise())
                .oracle(Oracle.kernel("aten::lerp.Tensor, aten::lerp.Scalar", Oracle.TORCHSCRIPT))
                .knownDisagreement(FUSED, PointwiseCases::fusedLanes)
                .nano((in, a) -> a.has("weight") ? in[0].lerp(in[1], a.getDouble("weight")) : in[0].lerp(in[1], in[2]))
                .torch((in, a) -> a.has("weight") ? numberWeight.call(in[0], in[1], a.getDouble("weight"))
                        : tensorWeight.call(in[0], in[1], in[2]))
                .samples(s)
                .exclude(Kind.DIMS, "elementwise: no dim argument")
                .build();
    }

    /** addcmul or addcdiv, with and without {@code value}. */
    private static OpInfo addc(String op, Domain divisor, AddcCall nano) {
        AtenKernel plain = AtenKernel.of("aten::" + op, "x: Tensor, t1: Tensor, t2: Tensor", "torch." + op
                + "(x, t1, t2)");
        AtenKernel valued = AtenKernel.of("aten::" + op, "x: Tensor, t1: Tensor, t2: Tensor, v: float", "torch." + op
                + "(x, t1, t2, value=v)");
        Domain d = Domain.signed(0.1, 3);
        List<Sample> s = new ArrayList<>(shapes(op, "", Attrs.none(), d, d, divisor));
        s.add(edgeCube("", Attrs.none()));
        for (double v : new double[] {2.5, -0.5, 0.0, 1e300}) {
            String prefix = "value=" + UnarySamples.fmt(v) + " ";
            Attrs a = Attrs.of("value", v);
            List<Sample> sized = shapes(op, prefix, a, d, d, divisor).subList(0, 6);
            if (v == 1e300) { // the value overflows every product: an edge, where finite differences do not apply
                sized = sized.stream().map(c -> new Sample(c.id(), kinds(Kind.EDGE), c.inputs(), c.attrs(), null,
                        null)).toList();
            }
            s.addAll(sized);
            s.add(edgeCube(prefix, a));
        }
        s.add(mismatch(op));
        OpInfo.Builder b = OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.elementwise())
                .oracle(Oracle.kernel("aten::" + op, Oracle.TORCHSCRIPT))
                .nano((in, a) -> nano.apply(in[0], in[1], in[2], a.getOptionalDouble("value")))
                .torch((in, a) -> a.has("value") ? valued.call(in[0], in[1], in[2], a.getDouble("value"))
                        : plain.call(in[0], in[1], in[2]))
                .samples(s)
                .knownDisagreement(FUSED, PointwiseCases::fusedLanes)
                .exclude(Kind.SCALAR, "value is a keyword attribute (the value= cases), not an operand")
                .exclude(Kind.NONDIFF, "a polynomial (addcmul) or rational (addcdiv) function: no kinks or ties; "
                        + "its zero divisors are in the edge cube")
                .exclude(Kind.DIMS, "elementwise: no dim argument");
        return b.build();
    }
}
