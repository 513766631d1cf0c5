package dev.nano.oracle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.nn.ClipGrad;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.torch.TorchEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code ClipGrad.clipGradNorm} against live libtorch: {@code clip_grad_norm_}'s body
 * (torch/nn/utils/clip_grad.py, 2.7.1) written in TorchScript over libtorch's own kernels,
 * {@code aten::_foreach_norm}, {@code aten::linalg_vector_norm} of the stacked norms, the
 * coefficient as the tensor computes {@code max_norm / (total + 1e-6)} (reciprocal, then multiply),
 * {@code clamp(max=1)}, {@code aten::_foreach_mul_}. The norms are reductions whose summation order
 * nano does not copy (libtorch's vectorised accumulation), so values agree to 1e-13 relative, not
 * bit for bit; everything after the norm is the same arithmetic.
 */
class ClipGradParityTest {
    private static final AtenKernel CLIP = AtenKernel.withBody("aten::_foreach_norm",
            "g0: Tensor, g1: Tensor, g2: Tensor, p: float, max_norm: float",
            "    gs = [g0.clone(), g1.clone(), g2.clone()]\n"
                    + "    norms = torch._foreach_norm(gs, p)\n"
                    + "    total = torch.linalg_vector_norm(torch.stack(norms), p)\n"
                    + "    coef = torch.clamp(torch.reciprocal(total + 1e-6) * max_norm, max=1.0)\n"
                    + "    torch._foreach_mul_(gs, coef)\n"
                    + "    return torch.cat([total.reshape([1]), gs[0].reshape([-1]), gs[1].reshape([-1]), "
                    + "gs[2].reshape([-1])])");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (double p : new double[] {2, 1, Double.POSITIVE_INFINITY, 3, 0.5}) {
            for (double maxNorm : new double[] {0.25, 1000}) {
                out.add(Arguments.of(p, maxNorm));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "clip_grad_norm_(max_norm={1}, norm_type={0})")
    @MethodSource("cases")
    void totalNormAndClippedGradsAreLibtorchs(double p, double maxNorm) {
        Random r = new Random(("clip/" + p + "/" + maxNorm).hashCode());
        int[][] shapes = {{3, 4}, {7}, {2, 2, 2}};
        List<Tensor> params = new ArrayList<>();
        List<double[]> grads = new ArrayList<>();
        for (int[] shape : shapes) {
            Tensor t = Nano.zeros(shape).requiresGrad(true);
            Tensor g = Nano.randn(r, shape);
            grads.add(g.data().clone());
            t.setGrad(g);
            params.add(t);
        }
        double nanoTotal = ClipGrad.clipGradNorm(params, maxNorm, p, false).item();
        double[] torch;
        try (NDManager m = TorchEngine.baseManager().newSubManager()) {
            List<NDArray> args = new ArrayList<>();
            for (int i = 0; i < shapes.length; i++) {
                long[] dims = java.util.Arrays.stream(shapes[i]).mapToLong(d -> d).toArray();
                args.add(m.create(grads.get(i), new Shape(dims)));
            }
            torch = CLIP.call(args.get(0), args.get(1), args.get(2), p, maxNorm).toDoubleArray();
        }
        assertEquals(torch[0], nanoTotal, 1e-13 * Math.abs(torch[0]), "total norm");
        int k = 1;
        for (Tensor param : params) {
            for (double v : param.grad().data()) {
                assertEquals(torch[k], v, 1e-13 * Math.abs(torch[k]), "clipped grad element " + (k - 1));
                k++;
            }
        }
    }
}
