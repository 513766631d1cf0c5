package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Parallel;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * The weights of scaled dot-product attention, one (L, S) matrix per batch:
 * {@code P = safe_softmax(scale · Q Kᵀ + M)} for Q (B, L, E), K (B, S, E) and an optional additive
 * mask M (B, L, S), with is_causal's mask ({@code j > i} is −inf) built in. "Safe" is
 * {@code at::_safe_softmax} (aten/src/ATen/native/transformers/attention.cpp), which the math
 * backend uses since PyTorch 2.5: a row whose scores are all −inf gives zeros, not NaN, and so
 * does libtorch's CPU flash kernel (measured on 2.7.1, float64).
 *
 * <p>Backward is softmax's ({@code dS = P ∘ (dP − Σ_j dP ∘ P)}, zero on a fully masked row)
 * followed by the two products: {@code dQ = scale · dS K}, {@code dK = scale · dSᵀ Q}, and the
 * mask's gradient is {@code dS} itself.
 */
final class AttentionWeights extends Function {
    private final double scale;
    private final boolean causal;
    private int batches;
    private int queries;
    private int keys;
    private int embed;
    private boolean masked;

    AttentionWeights(double scale, boolean causal) {
        this.scale = scale;
        this.causal = causal;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor q = inputs[0];
        Tensor k = inputs[1];
        batches = q.size(0);
        queries = q.size(1);
        keys = k.size(1);
        embed = q.size(2);
        double[] qs = q.data();
        double[] ks = k.data();
        masked = inputs.length > 2;
        double[] mask = masked ? inputs[2].data() : null;
        double[] p = new double[batches * queries * keys];
        Parallel.forRange(batches * queries, Math.max(1, 4096 / Math.max(1, keys * Math.max(1, embed))),
                (from, to) -> {
                    for (int row = from; row < to; row++) {
                        scoreRow(qs, ks, mask, p, row);
                        safeSoftmax(p, row * keys, row % queries);
                    }
                });
        Tensor result = new Tensor(p, new int[] {batches, queries, keys}, DType.FLOAT64);
        ctx.saveForBackward(q, k, result);
        return result;
    }

    /** Row {@code row} (batch b, query i) of the scores: scale · q_i · k_j + mask. */
    private void scoreRow(double[] qs, double[] ks, double[] mask, double[] p, int row) {
        int b = row / queries;
        int qAt = row * embed;
        int out = row * keys;
        for (int j = 0; j < keys; j++) {
            int kAt = (b * keys + j) * embed;
            double dot = 0;
            for (int e = 0; e < embed; e++) {
                dot += qs[qAt + e] * ks[kAt + e];
            }
            double s = dot * scale;
            p[out + j] = mask == null ? s : s + mask[out + j];
        }
    }

    /**
     * Softmax of one row in place, as nano's softmax computes it ({@code exp(x − max) · (1 / Σ)}),
     * except that a row of only −inf (after is_causal's mask) becomes zeros.
     */
    private void safeSoftmax(double[] p, int start, int query) {
        if (causal) {
            // Added, not written: a NaN score (0 · inf) stays NaN under the mask, as in both of libtorch's
            // backends (found by the fuzzer).
            for (int j = query + 1; j < keys; j++) {
                p[start + j] += Double.NEGATIVE_INFINITY;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        boolean nan = false;
        boolean allMasked = true;
        for (int j = 0; j < keys; j++) {
            double v = p[start + j];
            nan |= v != v;
            allMasked &= v == Double.NEGATIVE_INFINITY;
            max = Math.max(max, v);
        }
        if (allMasked) {
            for (int j = 0; j < keys; j++) {
                p[start + j] = 0.0;
            }
            return;
        }
        if (nan) {
            max = Double.NaN;
        }
        double sum = 0;
        for (int j = 0; j < keys; j++) {
            double e = Math.exp(p[start + j] - max);
            p[start + j] = e;
            sum += e;
        }
        double inv = 1 / sum;
        for (int j = 0; j < keys; j++) {
            p[start + j] *= inv;
        }
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor[] saved = ctx.savedTensors();
        double[] qs = saved[0].data();
        double[] ks = saved[1].data();
        double[] p = saved[2].data();
        double[] g = gradOutput.data();
        double[] ds = new double[p.length];
        for (int row = 0; row < batches * queries; row++) {
            int start = row * keys;
            double dot = 0;
            for (int j = 0; j < keys; j++) {
                dot += g[start + j] * p[start + j];
            }
            for (int j = 0; j < keys; j++) {
                ds[start + j] = (g[start + j] - dot) * p[start + j];
            }
        }
        double[] dq = new double[qs.length];
        double[] dk = new double[ks.length];
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < queries; i++) {
                int row = (b * queries + i) * keys;
                int qAt = (b * queries + i) * embed;
                for (int j = 0; j < keys; j++) {
                    double d = ds[row + j] * scale;
                    int kAt = (b * keys + j) * embed;
                    for (int e = 0; e < embed; e++) {
                        dq[qAt + e] += d * ks[kAt + e];
                        dk[kAt + e] += d * qs[qAt + e];
                    }
                }
            }
        }
        Tensor dQ = new Tensor(dq, saved[0].shape(), DType.FLOAT64);
        Tensor dK = new Tensor(dk, saved[1].shape(), DType.FLOAT64);
        if (!masked) {
            return new Tensor[] {dQ, dK};
        }
        return new Tensor[] {dQ, dK, new Tensor(ds, saved[2].shape(), DType.FLOAT64)};
    }

    @Override
    public String name() {
        return "ScaledDotProductAttentionBackward0";
    }
}
