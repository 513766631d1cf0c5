package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.DefaultGenerator;
import dev.nano.Nano;
import dev.nano.Tensor;

import java.util.Random;

/**
 * {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx)}: a lookup table of
 * {@code num_embeddings} rows. Initialised as PyTorch's {@code reset_parameters}: {@code normal_(0, 1)}
 * from the generator, then the padding row set to zeros (torch/nn/modules/sparse.py). With a
 * {@link dev.nano.Generator} seeded alike (or after {@code Nano.manualSeed}), PyTorch's very weight.
 */
public class Embedding extends Module {
    private final int numEmbeddings;
    private final int embeddingDim;
    private final Integer paddingIdx;
    private final Tensor weight;

    /**
     * {@code nn.Embedding(num_embeddings, embedding_dim)} from the default generator.
     * @param numEmbeddings the number of rows
     * @param embeddingDim the size of each row
     */
    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null, DefaultGenerator.get());
    }

    /**
     * {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx)} from {@code generator}.
     * @param numEmbeddings the number of rows
     * @param embeddingDim the size of each row
     * @param paddingIdx the row kept at zero that gets no gradient (negative counts from the end), or null
     * @param generator the random source of the initial weight
     */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx, Random generator) {
        Checks.notNull("Embedding", "generator", generator);
        Integer padding = paddingIdx;
        if (padding != null) {
            if (padding >= numEmbeddings || padding < -numEmbeddings) {
                throw new IllegalArgumentException("Padding_idx must be within num_embeddings");
            }
            padding = padding < 0 ? numEmbeddings + padding : padding;
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = padding;
        Tensor w = Init.normal(Nano.zeros(numEmbeddings, embeddingDim), 0, 1, generator);
        if (padding != null) {
            double[] values = w.data();
            java.util.Arrays.fill(values, padding * embeddingDim, (padding + 1) * embeddingDim, 0.0);
        }
        this.weight = registerParameter("weight", w);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.embedding(input, weight, paddingIdx);
    }

    /**
     * {@code embedding.weight}: the (num_embeddings, embedding_dim) table.
     * @return the weight parameter
     */
    public Tensor weight() {
        return weight;
    }

    /**
     * {@code embedding.padding_idx}, counted from the start.
     * @return the padding row, or null
     */
    public Integer paddingIdx() {
        return paddingIdx;
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}
