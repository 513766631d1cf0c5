package dev.nano.oracle.cases;

import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import dev.nano.oracle.cases.ReductionSamples.Draw;
import dev.nano.oracle.cases.Samples.Domain;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;

import static dev.nano.oracle.cases.ReductionSamples.dimAttrs;
import static dev.nano.oracle.cases.ReductionSamples.matrix;
import static dev.nano.oracle.cases.ReductionTorch.pt;
import static dev.nano.oracle.cases.Samples.INF;
import static dev.nano.oracle.cases.Samples.NAN;
import static dev.nano.oracle.cases.Samples.kinds;

/**
 * {@code softmax(dim)} and {@code logSoftmax(dim)}: torch's own kernels through
 * {@code JniUtils.softmax/logSoftmax(x, dim, FLOAT64)} (DJL's native calls
 * {@code x.softmax(dim, dtype)} / {@code x.log_softmax(dim, dtype)}; the dtype is the input's).
 */
final class SoftmaxCases {
    private SoftmaxCases() {
    }

    private static final AtenKernel SOFTMAX = AtenKernel.of("aten::softmax.int", "x: Tensor, dim: int",
            "torch.softmax(x, dim)");

    static List<OpInfo> entries() {
        return List.of(entry("softmax", false), entry("logSoftmax", true));
    }

    private static OpInfo entry(String op, boolean log) {
        Draw draw = ReductionSamples.domain(Domain.signed(0.1, 3));
        List<Sample> s = new ArrayList<>();
        for (Sample sample : ReductionSamples.singleDim(op, draw, null, false)) {
            // dim=-1 of (), (5,) is the plain call; everything else varies the dim.
            boolean plain = sample.inputs().get(0).shape().length <= 1 && sample.attrs().getInt("dim") == -1;
            s.add(plain ? new Sample(sample.id(), kinds(), sample.inputs(), sample.attrs(), null, null) : sample);
        }
        s.add(ReductionSamples.dimCase(op, draw, null, new int[] {0}, 0, false, kinds()));
        s.add(ReductionSamples.dimCase(op, draw, null, new int[] {2, 0, 3}, 0, false, kinds(Kind.DIMS)));
        s.add(ReductionSamples.dimCase(op, draw, null, new int[] {2, 0, 3}, 1, false, kinds(Kind.DIMS)));
        s.add(ReductionSamples.dimCase(op, draw, null, new int[] {2, 0, 3}, -1, false, kinds(Kind.DIMS)));
        s.add(Sample.of("(4,4) 1000 and -1000 dim=1", kinds(Kind.EDGE), dimAttrs(null, 1, false),
                matrix(new double[] {1000, -1000, 0, 1}, new double[] {1000, 1000, 999, -1000},
                        new double[] {1e300, -1e300, 0, 1}, new double[] {-1000, -1000, -1000, -1000})));
        s.add(Sample.of("(4,3) 1000 and -1000 dim=0", kinds(Kind.EDGE), dimAttrs(null, 0, false),
                matrix(new double[] {1000, -1000, 0}, new double[] {-1000, 1000, 1}, new double[] {0, 999, 2},
                        new double[] {1, -1000, 3})));
        s.add(Sample.of("(4,3) -inf, all -inf, +inf, NaN dim=-1", kinds(Kind.EDGE), dimAttrs(null, -1, false),
                matrix(new double[] {-INF, 1, 2}, new double[] {-INF, -INF, -INF}, new double[] {INF, 1, -2},
                        new double[] {0.5, NAN, 1})));
        s.add(Sample.of("(3,) equal values", kinds(Kind.EDGE), dimAttrs(null, 0, false), Samples.values(0.7, 0.7, 0.7)));
        Input m = draw.draw(Samples.rng(op, "errors"), new int[] {3, 4});
        s.add(Sample.error("(3,4) dim=2", "Dimension out of range (expected to be in range of [-2, 1], but got 2)",
                dimAttrs(null, 2, false), m));
        s.add(Sample.error("(3,4) dim=-3", "Dimension out of range (expected to be in range of [-2, 1], but got -3)",
                dimAttrs(null, -3, false), m));
        s.add(Sample.error("() dim=1", "Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                dimAttrs(null, 1, false), draw.draw(Samples.rng(op, "errors"), new int[] {})));
        OpInfo.Builder builder = OpInfo.builder(op, "ops")
                .fuzz(FuzzRule.alongDims().orderDependent())
                .nano((in, a) -> log ? in[0].logSoftmax(a.getInt("dim")) : in[0].softmax(a.getInt("dim")));
        if (log) {
            // DJL's JNI calls Tensor::log_softmax(dim, kDouble): aten::log_softmax.int, whose dtype
            // conversion is a no-op for float64 input (F.log_softmax(x, dim) reaches the same _log_softmax).
            builder.oracle(Oracle.kernel("aten::log_softmax.int", Oracle.DJL))
                    .torch((in, a) -> JniUtils.logSoftmax(pt(in[0]), a.getInt("dim"), DataType.FLOAT64));
        } else {
            // torch.softmax(x, dim) as Python calls it, with no dtype: DJL's softmax(dim, kDouble) would
            // convert an integer input first, where PyTorch's kernels refuse it.
            s.add(Sample.error("int64 (2,) dim=0", "\"softmax_lastdim_kernel_impl\" not implemented for 'Long'",
                    dimAttrs(null, 0, false), Input.int64(new int[] {2}, 1, 2)));
            s.add(Sample.error("int64 (2,2) dim=0", "\"softmax_kernel_impl\" not implemented for 'Long'",
                    dimAttrs(null, 0, false), Input.int64(new int[] {2, 2}, 1, 2, 3, 4)));
            s.add(Sample.error("bool (2,) dim=-1", "\"softmax_lastdim_kernel_impl\" not implemented for 'Bool'",
                    dimAttrs(null, -1, false), Input.bool(new int[] {2}, 1, 0)));
            builder.torchKernel(SOFTMAX, (in, a) -> SOFTMAX.call(in[0], a.getInt("dim")));
        }
        return builder
                .samples(s)
                .exclude(Kind.BROADCAST, "one tensor input: nothing to broadcast")
                .exclude(Kind.SCALAR, "no tensor-scalar form")
                .exclude(Kind.NONDIFF, "smooth everywhere: no kinks or ties (equal values are an ordinary point)")
                .build();
    }
}
