package dev.nano.ops;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * {@code torch.bmm(b1, b2)} and {@code torch.baddbmm(input, b1, b2, beta, alpha)}: a batch of
 * matrix products of equal batch sizes, no broadcasting (that is matmul's). The checks and their
 * words are aten's (aten/src/ATen/native/LinearAlgebra.cpp, {@code common_checks_baddbmm_bmm}; for
 * baddbmm the structured meta first expands {@code input} to the result's shape with
 * {@code expand_size}, so a bad input fails with expand's message before the batches are checked).
 * The products run through {@link LinAlg#matmul}'s batched kernel.
 */
public final class BatchMatmul {
    private BatchMatmul() {
    }

    /**
     * {@code torch.bmm(b1, b2)}: (B, n, k) · (B, k, p) → (B, n, p).
     * @param b1 a 3-D tensor
     * @param b2 a 3-D tensor with the same batch size
     * @return a new tensor
     */
    public static Tensor bmm(Tensor b1, Tensor b2) {
        checkBatches(b1, b2);
        return LinAlg.matmul(b1, b2);
    }

    /**
     * {@code torch.baddbmm(input, b1, b2, beta=beta, alpha=alpha)}: {@code beta · input + alpha · (b1 @ b2)}.
     * With {@code beta = 0} the input's values are not read (a NaN there does not propagate), as in PyTorch.
     * @param input broadcasts to (B, n, p)
     * @param b1 (B, n, k)
     * @param b2 (B, k, p)
     * @param beta the input's factor
     * @param alpha the product's factor
     * @return a new tensor of shape (B, n, p)
     */
    public static Tensor baddbmm(Tensor input, Tensor b1, Tensor b2, double beta, double alpha) {
        int[] target = {b1.size(0), b1.size(1), b2.size(2)};
        Tensor expanded = MoveExpand.expand(input, target);
        checkBatches(b1, b2);
        return new Baddbmm(beta, alpha).apply(expanded, b1, b2);
    }

    private static void checkBatches(Tensor b1, Tensor b2) {
        if (b1.dim() != 3) {
            throw new IllegalArgumentException("batch1 must be a 3D tensor");
        }
        if (b2.dim() != 3) {
            throw new IllegalArgumentException("batch2 must be a 3D tensor");
        }
        int[] s1 = b1.shape();
        int[] s2 = b2.shape();
        if (s2[0] != s1[0] || s2[1] != s1[2]) {
            throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: ["
                    + s1[0] + ", " + s1[2] + "] but got: [" + s2[0] + ", " + s2[1] + "].");
        }
    }

    /**
     * {@code beta · input + alpha · (b1 @ b2)}, as aten's kernel combines them, and the gradients in
     * derivatives.yaml's order: {@code maybe_multiply(grad, beta)} for the input and
     * {@code maybe_multiply(grad.bmm(b2ᵀ), alpha)} for b1 (the product first, then alpha: with a huge
     * alpha, scaling the upstream first would overflow where PyTorch does not; found by the fuzzer).
     * {@code maybe_multiply} leaves a gradient as it is when the factor is 1. PyTorch's node:
     * BaddbmmBackward0.
     */
    static final class Baddbmm extends Function {
        private final double beta;
        private final double alpha;

        Baddbmm(double beta, double alpha) {
            this.beta = beta;
            this.alpha = alpha;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            ctx.saveForBackward(inputs[1], inputs[2]);
            double[] in = inputs[0].data();
            Tensor product = LinAlg.matmul(inputs[1], inputs[2]);
            double[] p = product.data();
            double[] out = new double[p.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = beta == 0 ? alpha * p[i] : beta * in[i] + alpha * p[i];
            }
            return new Tensor(out, product.shape(), DType.FLOAT64);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            Tensor b1 = ctx.savedTensors()[0];
            Tensor b2 = ctx.savedTensors()[1];
            Tensor g1 = ctx.needsInputGrad(1) ? scaled(LinAlg.matmul(gradOutput, b2.transpose(1, 2)), alpha) : null;
            Tensor g2 = ctx.needsInputGrad(2) ? scaled(LinAlg.matmul(b1.transpose(1, 2), gradOutput), alpha) : null;
            return new Tensor[] {scaled(gradOutput, beta), g1, g2};
        }

        private static Tensor scaled(Tensor g, double factor) {
            if (factor == 1) {
                return g;
            }
            double[] gs = g.data();
            double[] out = new double[gs.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = gs[i] * factor;
            }
            return new Tensor(out, g.shape(), DType.FLOAT64);
        }

        @Override
        public String name() {
            return "BaddbmmBackward0";
        }
    }
}
