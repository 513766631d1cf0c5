package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Nano;
import dev.nano.Shape;
import dev.nano.Tensor;

import java.util.Arrays;
import java.util.Random;

/**
 * {@code F.scaled_dot_product_attention(query, key, value, attn_mask, dropout_p, is_causal, scale)}
 * as libtorch's math backend computes it (aten/src/ATen/native/transformers/attention.cpp,
 * {@code _scaled_dot_product_attention_math}):
 * <pre>
 *   attn = safe_softmax(scale · Q Kᵀ + mask)      (is_causal: the mask is −inf above the diagonal)
 *   attn = dropout(attn, dropout_p)               (only when dropout_p &gt; 0)
 *   out  = attn @ V
 * </pre>
 * A bool mask says which keys a query may attend to (true: attend); it becomes 0 / −inf
 * ({@code convert_boolean_attn_mask}). A float mask is added as it is, −inf included, and gets a
 * gradient. Batch dims broadcast as matmul's do; the mask broadcasts into the scores' shape.
 * libtorch 2.7.1 on CPU picks the math backend for 3-D float64 inputs and its flash kernel for
 * 4-D ones (unless the mask needs a gradient or dropout is on); both give zeros for a row whose
 * every key is masked, and so does this.
 */
final class Attention {
    private Attention() {
    }

    static Tensor scaledDotProductAttention(Tensor query, Tensor key, Tensor value, Tensor attnMask, double dropoutP,
                                            boolean isCausal, Double scale, Random generator) {
        if (query.dtype() != key.dtype() || query.dtype() != value.dtype()) {
            throw new IllegalArgumentException("Expected query, key, and value to have the same dtype, but got "
                    + "query.dtype: " + name(query) + " key.dtype: " + name(key) + " and value.dtype: " + name(value)
                    + " instead.");
        }
        if (query.dim() < 2 || key.dim() < 2 || value.dim() < 2) {
            // Two spaces before "at least": PyTorch's message has them.
            throw new IllegalArgumentException("Expected query, key, and value to all be  at least 2 dimensional, but "
                    + "got query.dim: " + query.dim() + " key.dim: " + key.dim() + " and value.dim: " + value.dim()
                    + " instead.");
        }
        if (attnMask != null && attnMask.dtype() != DType.BOOL && attnMask.dtype() != query.dtype()) {
            throw new IllegalArgumentException("Expected attn_mask dtype to be bool or float or to match query dtype, "
                    + "but got attn_mask.dtype: " + name(attnMask) + " and  query.dtype: " + name(query)
                    + " instead.");
        }
        if (isCausal && attnMask != null) {
            throw new IllegalArgumentException("_scaled_dot_product_attention: Explicit attn_mask should not be set "
                    + "when is_causal=True");
        }
        int[] qb = batchDims(query);
        int[] kb = batchDims(key);
        int[] batch = Shape.broadcast(qb, kb);
        int batches = Shape.numel(batch);
        int queries = query.size(-2);
        int keys = key.size(-2);
        int embed = query.size(-1);
        if (key.size(-1) != embed) {
            throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: ["
                    + batches + ", " + embed + "] but got: [" + batches + ", " + key.size(-1) + "].");
        }
        int[] scores = with(batch, queries, keys);
        Tensor mask = attnMask == null ? null : additive(attnMask, scores);
        double factor = scale != null ? scale : 1.0 / Math.sqrt(embed);
        Tensor q = Nano.reshape(Nano.expand(query, with(batch, queries, embed)), batches, queries, embed);
        Tensor k = Nano.reshape(Nano.expand(key, with(batch, keys, embed)), batches, keys, embed);
        AttentionWeights weights = new AttentionWeights(factor, isCausal);
        Tensor attn = mask == null ? weights.apply(q, k) : weights.apply(q, k, Nano.reshape(mask, batches, queries,
                keys));
        attn = Nano.reshape(attn, scores);
        if (dropoutP > 0) {
            // at::dropout, only for a positive p: a negative one is no dropout, as in the math backend.
            attn = F.dropout(attn, dropoutP, true, generator);
        }
        return Nano.matmul(attn, value);
    }

    /** The mask as scores to add, expanded to the scores' shape: a bool mask becomes 0 (attend) or −inf. */
    private static Tensor additive(Tensor attnMask, int[] scores) {
        int[] broadcast = Shape.broadcast(scores, attnMask.shape());
        if (!Arrays.equals(broadcast, scores)) {
            // The math backend adds the mask in place (attn.add_(mask)): the scores cannot grow.
            throw new IllegalArgumentException("output with shape " + Shape.toString(scores)
                    + " doesn't match the broadcast shape " + Shape.toString(broadcast));
        }
        Tensor m = attnMask;
        if (m.dtype() == DType.BOOL) {
            m = Nano.where(m, Nano.scalar(0.0), Nano.scalar(Double.NEGATIVE_INFINITY));
        }
        return Nano.expand(m, scores);
    }

    private static int[] batchDims(Tensor t) {
        return Arrays.copyOf(t.shape(), t.dim() - 2);
    }

    private static int[] with(int[] batch, int rows, int cols) {
        int[] shape = Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = rows;
        shape[batch.length + 1] = cols;
        return shape;
    }

    /** The name c10 prints for a dtype ({@code c10::toString} of the type meta). */
    private static String name(Tensor t) {
        switch (t.dtype()) {
            case INT64:
                return "long int";
            case BOOL:
                return "bool";
            default:
                return "double";
        }
    }
}
