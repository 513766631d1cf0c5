package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.DType;
import dev.nano.DefaultGenerator;
import dev.nano.Nano;
import dev.nano.Tensor;

import java.util.List;
import java.util.Random;

/**
 * {@code nn.MultiheadAttention(embed_dim, num_heads, dropout, bias, batch_first)} with query, key
 * and value of the same size (PyTorch's packed {@code in_proj_weight}) and no {@code add_bias_kv} or
 * {@code add_zero_attn}. The forward pass follows torch/nn/functional.py's
 * {@code multi_head_attention_forward} line by line: the packed in-projection, the masks made
 * additive ({@code _canonical_mask}: a bool mask's true means "do not attend", the opposite of
 * {@code scaled_dot_product_attention}'s), then with {@code need_weights} the explicit
 * {@code baddbmm}, {@code softmax}, {@code bmm} (a fully masked row is NaN there, as in PyTorch),
 * and without it {@code scaled_dot_product_attention} (zeros there); then {@code out_proj}.
 *
 * <p>Initialised as PyTorch's {@code __init__} draws: first {@code out_proj}
 * ({@code NonDynamicallyQuantizableLinear}, a Linear: kaiming-uniform weight, uniform bias), then
 * {@code _reset_parameters}: {@code xavier_uniform_} on {@code in_proj_weight}, zeros on both biases.
 * The state-dict keys are PyTorch's: {@code in_proj_weight}, {@code in_proj_bias},
 * {@code out_proj.weight}, {@code out_proj.bias}.
 */
public class MultiheadAttention extends Module {
    private final int embedDim;
    private final int numHeads;
    private final int headDim;
    private final double dropout;
    private final boolean batchFirst;
    private final Tensor inProjWeight;
    private final Tensor inProjBias;
    private final Linear outProj;

    /**
     * The attention's output and, when asked for, its weights.
     * @param output the attention's output, shaped like the query
     * @param weights the attention weights, or null without need_weights
     */
    public record Output(Tensor output, Tensor weights) {
    }

    /**
     * {@code nn.MultiheadAttention(embed_dim, num_heads)}: no dropout, with biases, (L, N, E) inputs.
     * @param embedDim the model's width E
     * @param numHeads the number of heads, dividing E
     */
    public MultiheadAttention(int embedDim, int numHeads) {
        this(embedDim, numHeads, 0.0, true, false, DefaultGenerator.get());
    }

    /**
     * {@code nn.MultiheadAttention(embed_dim, num_heads, dropout, bias, batch_first)} from {@code generator}.
     * @param embedDim the model's width E
     * @param numHeads the number of heads, dividing E
     * @param dropout the probability of dropping an attention weight in training
     * @param bias whether the in- and out-projections have biases
     * @param batchFirst true for (N, L, E) inputs and outputs, false for (L, N, E)
     * @param generator the random source of the initial weights
     */
    public MultiheadAttention(int embedDim, int numHeads, double dropout, boolean bias, boolean batchFirst,
                              Random generator) {
        Checks.notNull("MultiheadAttention", "generator", generator);
        if (embedDim <= 0 || numHeads <= 0) {
            throw new IllegalArgumentException("embed_dim and num_heads must be greater than 0, got embed_dim="
                    + embedDim + " and num_heads=" + numHeads + " instead");
        }
        if (embedDim % numHeads != 0) {
            throw new IllegalArgumentException("embed_dim must be divisible by num_heads");
        }
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        this.headDim = embedDim / numHeads;
        this.dropout = dropout;
        this.batchFirst = batchFirst;
        Tensor w = registerParameter("in_proj_weight", Nano.zeros(3 * embedDim, embedDim));
        Tensor b = registerParameter("in_proj_bias", bias ? Nano.zeros(3 * embedDim) : null);
        this.outProj = registerModule("out_proj", new Linear(embedDim, embedDim, bias, generator));
        try (var ignored = Nano.noGrad()) {
            Init.xavierUniform(w, 1.0, generator);
            if (bias) {
                Init.zeros(outProj.bias());
            }
        }
        this.inProjWeight = w;
        this.inProjBias = b;
    }

    @Override
    public Tensor forward(Tensor input) {
        return forward(input, input, input, null, false, null, true).output();
    }

    /**
     * {@code mha(query, key, value, key_padding_mask, need_weights, attn_mask, average_attn_weights)}.
     * @param query (L, N, E), or (N, L, E) with batch_first
     * @param key (S, N, E), or (N, S, E)
     * @param value (S, N, E), or (N, S, E)
     * @param keyPaddingMask null, or (N, S): bool (true: ignore that key) or float (added)
     * @param needWeights whether to return the attention weights
     * @param attnMask null, or (L, S) or (N·heads, L, S): bool (true: do not attend) or float (added)
     * @param averageAttnWeights whether the returned weights are averaged over the heads
     * @return the output (like query) and the weights ((N, L, S) averaged, (N, heads, L, S) not; null
     *         without need_weights)
     */
    public Output forward(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, boolean needWeights,
                          Tensor attnMask, boolean averageAttnWeights) {
        String op = "multi_head_attention_forward";
        Checks.notNull(op, "query", query);
        Checks.notNull(op, "key", key);
        Checks.notNull(op, "value", value);
        boolean self = query == key && key == value;
        boolean kv = key == value;
        if (batchFirst) {
            query = query.transpose(1, 0);
            key = self ? query : key.transpose(1, 0);
            value = kv ? key : value.transpose(1, 0);
        }
        if (query.dim() != 3 || key.dim() != 3 || value.dim() != 3) {
            throw new IllegalArgumentException("query, key and value should be 3-D (batched) in nano's "
                    + "MultiheadAttention, but received a " + query.dim() + "-D query, " + key.dim() + "-D key and "
                    + value.dim() + "-D value");
        }
        int tgtLen = query.size(0);
        int bsz = query.size(1);
        int srcLen = key.size(0);
        if (query.size(2) != embedDim) {
            throw new IllegalArgumentException("was expecting embedding dimension of " + embedDim + ", but got "
                    + query.size(2));
        }
        if (key.size(0) != value.size(0) || key.size(1) != value.size(1)) {
            throw new IllegalArgumentException("key shape " + torchSize(key.shape()) + " does not match value shape "
                    + torchSize(value.shape()));
        }
        Tensor[] qkv = inProjection(query, key, value, self, kv);
        Tensor mask = attnMask == null ? null : canonical(attnMask, "attn_mask");
        if (mask != null) {
            if (mask.dim() == 2) {
                if (mask.size(0) != tgtLen || mask.size(1) != srcLen) {
                    throw new IllegalArgumentException("The shape of the 2D attn_mask is " + torchSize(mask.shape())
                            + ", but should be (" + tgtLen + ", " + srcLen + ").");
                }
                mask = mask.unsqueeze(0);
            } else if (mask.dim() == 3) {
                if (mask.size(0) != bsz * numHeads || mask.size(1) != tgtLen || mask.size(2) != srcLen) {
                    throw new IllegalArgumentException("The shape of the 3D attn_mask is " + torchSize(mask.shape())
                            + ", but should be (" + bsz * numHeads + ", " + tgtLen + ", " + srcLen + ").");
                }
            } else {
                throw new IllegalArgumentException("attn_mask's dimension " + mask.dim() + " is not supported");
            }
        }
        // (L, N, E) -> (N·heads, L, head_dim)
        Tensor q = qkv[0].reshape(tgtLen, bsz * numHeads, headDim).transpose(0, 1);
        Tensor k = qkv[1].reshape(srcLen, bsz * numHeads, headDim).transpose(0, 1);
        Tensor v = qkv[2].reshape(srcLen, bsz * numHeads, headDim).transpose(0, 1);
        if (keyPaddingMask != null) {
            Tensor kpm = canonical(keyPaddingMask, "key_padding_mask");
            if (kpm.dim() != 2 || kpm.size(0) != bsz || kpm.size(1) != srcLen) {
                throw new IllegalArgumentException("expecting key_padding_mask shape of (" + bsz + ", " + srcLen
                        + "), but got " + torchSize(kpm.shape()));
            }
            kpm = kpm.reshape(bsz, 1, 1, srcLen).expand(bsz, numHeads, 1, srcLen)
                    .reshape(bsz * numHeads, 1, srcLen);
            mask = mask == null ? kpm : mask.add(kpm);
        }
        double p = training ? dropout : 0.0;
        Tensor out;
        Tensor weights = null;
        if (needWeights) {
            Tensor scaled = q.mul(Math.sqrt(1.0 / headDim));
            Tensor scores = mask == null ? scaled.bmm(k.transpose(-2, -1))
                    : Nano.baddbmm(mask, scaled, k.transpose(-2, -1), 1.0, 1.0);
            weights = scores.softmax(-1);
            Tensor used = p > 0 ? F.dropout(weights, p, true) : weights;
            out = used.bmm(v).transpose(0, 1).reshape(tgtLen * bsz, embedDim);
            weights = weights.reshape(bsz, numHeads, tgtLen, srcLen);
            if (averageAttnWeights) {
                weights = weights.mean(new int[] {1}, false);
            }
        } else {
            if (mask != null) {
                mask = mask.size(0) == 1 && mask.dim() == 3 ? mask.unsqueeze(0)
                        : mask.reshape(bsz, numHeads, -1, srcLen);
            }
            Tensor q4 = q.reshape(bsz, numHeads, tgtLen, headDim);
            Tensor k4 = k.reshape(bsz, numHeads, srcLen, headDim);
            Tensor v4 = v.reshape(bsz, numHeads, srcLen, headDim);
            out = F.scaledDotProductAttention(q4, k4, v4, mask, p, false, null)
                    .permute(2, 0, 1, 3).reshape(bsz * tgtLen, embedDim);
        }
        out = outProj.forward(out).reshape(tgtLen, bsz, embedDim);
        return new Output(batchFirst ? out.transpose(1, 0) : out, weights);
    }

    /**
     * {@code _in_projection_packed}: one linear for self-attention, split into q, k, v; otherwise the
     * weight's rows for q and for k and v (or each) applied separately.
     */
    private Tensor[] inProjection(Tensor query, Tensor key, Tensor value, boolean self, boolean kv) {
        if (self) {
            List<Tensor> proj = F.linear(query, inProjWeight, inProjBias).split(embedDim, -1);
            return new Tensor[] {proj.get(0), proj.get(1), proj.get(2)};
        }
        if (kv) {
            List<Tensor> wSplit = inProjWeight.split(new int[] {embedDim, 2 * embedDim}, 0);
            List<Tensor> bSplit = inProjBias == null ? null : inProjBias.split(new int[] {embedDim, 2 * embedDim}, 0);
            Tensor q = F.linear(query, wSplit.get(0), bSplit == null ? null : bSplit.get(0));
            List<Tensor> kvProj = F.linear(key, wSplit.get(1), bSplit == null ? null : bSplit.get(1))
                    .split(embedDim, -1);
            return new Tensor[] {q, kvProj.get(0), kvProj.get(1)};
        }
        List<Tensor> w = inProjWeight.chunk(3, 0);
        List<Tensor> b = inProjBias == null ? null : inProjBias.chunk(3, 0);
        return new Tensor[] {F.linear(query, w.get(0), b == null ? null : b.get(0)),
                F.linear(key, w.get(1), b == null ? null : b.get(1)),
                F.linear(value, w.get(2), b == null ? null : b.get(2))};
    }

    /** {@code F._canonical_mask}: a bool mask becomes 0 / −inf (true: −inf), a float mask stays as it is. */
    static Tensor canonical(Tensor mask, String name) {
        if (mask.dtype() == DType.BOOL) {
            return Nano.zeros(mask.shape()).maskedFill(mask, Double.NEGATIVE_INFINITY);
        }
        if (mask.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException("only bool and floating types of " + name + " are supported");
        }
        return mask;
    }

    private static String torchSize(int[] shape) {
        return "torch.Size(" + java.util.Arrays.toString(shape) + ")";
    }

    /**
     * {@code mha.in_proj_weight}: the packed (3·E, E) projection of query, key and value.
     * @return the parameter
     */
    public Tensor inProjWeight() {
        return inProjWeight;
    }

    /**
     * {@code mha.in_proj_bias}: (3·E), or null without bias.
     * @return the parameter, or null
     */
    public Tensor inProjBias() {
        return inProjBias;
    }

    /**
     * {@code mha.out_proj}: the output projection.
     * @return the linear layer
     */
    public Linear outProj() {
        return outProj;
    }

    /**
     * {@code mha.batch_first}.
     * @return true for (N, L, E) inputs
     */
    public boolean batchFirst() {
        return batchFirst;
    }

    @Override
    protected String extraRepr() {
        return "";
    }
}
