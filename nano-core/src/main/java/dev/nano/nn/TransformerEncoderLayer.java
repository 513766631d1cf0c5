package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.DefaultGenerator;
import dev.nano.Tensor;

import java.util.Random;

/**
 * {@code nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward, dropout, activation,
 * layer_norm_eps, batch_first, norm_first, bias)}: self-attention then a two-layer feed-forward
 * block, each with a residual connection and a LayerNorm — after the block (norm_first false, the
 * default) or before it (norm_first true). The forward pass is torch/nn/modules/transformer.py's
 * slow path ({@code _sa_block}, {@code _ff_block}); its children and their names are PyTorch's
 * ({@code self_attn}, {@code linear1}, {@code dropout}, {@code linear2}, {@code norm1}, {@code norm2},
 * {@code dropout1}, {@code dropout2}), built in PyTorch's order, so the generator's draws and the
 * state-dict keys are PyTorch's.
 */
public class TransformerEncoderLayer extends Module {
    private final boolean normFirst;
    private final String activation;
    private final MultiheadAttention selfAttn;
    private final Linear linear1;
    private final Dropout dropout;
    private final Linear linear2;
    private final LayerNorm norm1;
    private final LayerNorm norm2;
    private final Dropout dropout1;
    private final Dropout dropout2;

    /**
     * {@code nn.TransformerEncoderLayer(d_model, nhead)}: feed-forward width 2048, dropout 0.1, relu,
     * eps 1e-5, (S, N, E) inputs, norm after each block, with biases; from the default generator.
     * @param dModel the model's width
     * @param nhead the number of attention heads
     */
    public TransformerEncoderLayer(int dModel, int nhead) {
        this(dModel, nhead, 2048, 0.1, "relu", 1e-5, false, false, true, DefaultGenerator.get());
    }

    /**
     * {@code nn.TransformerEncoderLayer(...)} with every argument, from {@code generator}.
     * @param dModel the model's width
     * @param nhead the number of attention heads
     * @param dimFeedforward the feed-forward block's hidden width
     * @param dropout the dropout probability of every dropout in the layer
     * @param activation "relu" or "gelu"
     * @param layerNormEps the LayerNorms' eps
     * @param batchFirst true for (N, S, E) inputs
     * @param normFirst true for LayerNorm before each block (pre-norm)
     * @param bias whether the linear layers and LayerNorms have biases
     * @param generator the random source of the initial weights
     */
    public TransformerEncoderLayer(int dModel, int nhead, int dimFeedforward, double dropout, String activation,
                                   double layerNormEps, boolean batchFirst, boolean normFirst, boolean bias,
                                   Random generator) {
        Checks.notNull("TransformerEncoderLayer", "activation", activation);
        if (!activation.equals("relu") && !activation.equals("gelu")) {
            throw new IllegalArgumentException("activation should be relu/gelu, not " + activation);
        }
        this.normFirst = normFirst;
        this.activation = activation;
        this.selfAttn = registerModule("self_attn", new MultiheadAttention(dModel, nhead, dropout, bias, batchFirst,
                generator));
        this.linear1 = registerModule("linear1", new Linear(dModel, dimFeedforward, bias, generator));
        this.dropout = registerModule("dropout", new Dropout(dropout));
        this.linear2 = registerModule("linear2", new Linear(dimFeedforward, dModel, bias, generator));
        this.norm1 = registerModule("norm1", new LayerNorm(new int[] {dModel}, layerNormEps, true, bias));
        this.norm2 = registerModule("norm2", new LayerNorm(new int[] {dModel}, layerNormEps, true, bias));
        this.dropout1 = registerModule("dropout1", new Dropout(dropout));
        this.dropout2 = registerModule("dropout2", new Dropout(dropout));
    }

    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null);
    }

    /**
     * {@code layer(src, src_mask, src_key_padding_mask)}.
     * @param src (S, N, E), or (N, S, E) with batch_first
     * @param srcMask null, or an (S, S) or (N·heads, S, S) mask (bool: true means "do not attend")
     * @param srcKeyPaddingMask null, or an (N, S) mask (bool: true means "ignore that key")
     * @return a tensor of src's shape
     */
    public Tensor forward(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask) {
        Tensor x = src;
        if (normFirst) {
            x = x.add(selfAttentionBlock(norm1.forward(x), srcMask, srcKeyPaddingMask));
            return x.add(feedForwardBlock(norm2.forward(x)));
        }
        x = norm1.forward(x.add(selfAttentionBlock(x, srcMask, srcKeyPaddingMask)));
        return norm2.forward(x.add(feedForwardBlock(x)));
    }

    /** {@code _sa_block}: self-attention without weights, then dropout1. */
    private Tensor selfAttentionBlock(Tensor x, Tensor mask, Tensor keyPaddingMask) {
        return dropout1.forward(selfAttn.forward(x, x, x, keyPaddingMask, false, mask, true).output());
    }

    /** {@code _ff_block}: linear2(dropout(activation(linear1(x)))), then dropout2. */
    private Tensor feedForwardBlock(Tensor x) {
        Tensor h = linear1.forward(x);
        h = activation.equals("relu") ? h.relu() : h.gelu();
        return dropout2.forward(linear2.forward(dropout.forward(h)));
    }

    /**
     * {@code layer.self_attn}.
     * @return the attention module
     */
    public MultiheadAttention selfAttn() {
        return selfAttn;
    }

    /**
     * {@code layer.norm_first}.
     * @return true for pre-norm
     */
    public boolean normFirst() {
        return normFirst;
    }

    @Override
    protected String extraRepr() {
        return "";
    }
}
