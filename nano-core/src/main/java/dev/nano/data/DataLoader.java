package dev.nano.data;

import dev.nano.DefaultGenerator;
import dev.nano.Nano;
import dev.nano.Tensor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.Function;

/**
 * Batches of a {@link Dataset}, like {@code torch.utils.data.DataLoader}:
 *
 * <pre>{@code
 * DataLoader loader = DataLoader.builder(train).batchSize(64).shuffle(true).generator(new Random(0)).build();
 * for (int epoch = 0; epoch < 8; epoch++) {
 *     for (Tensor[] batch : loader) {          // batch[0]: (64, 784) images, batch[1]: (64) labels
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Each pass over the loader (each {@link #iterator()}) is one epoch. Without shuffling the
 * examples come in order; with shuffling, each epoch draws a fresh {@code randperm(size,
 * generator)} and batch {@code k} is the examples at positions {@code [k·B, (k+1)·B)} of that
 * permutation — the slices PyTorch's {@code RandomSampler} + {@code BatchSampler} take. The last
 * batch is smaller when the size is not a multiple of the batch size, unless {@code dropLast}.
 * A batch is the collate function applied to its examples; the default stacks each field along
 * a new first dimension ({@code default_collate}).
 */
public final class DataLoader implements Iterable<Tensor[]> {
    private final Dataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final Random generator; // null: the default generator, looked up each epoch
    private final boolean dropLast;
    private final Function<List<Tensor[]>, Tensor[]> collate;

    private DataLoader(Builder b) {
        this.dataset = b.dataset;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.generator = b.generator;
        this.dropLast = b.dropLast;
        this.collate = b.collate;
    }

    /**
     * {@code DataLoader(dataset)}: starts a builder (batch size 1, no shuffle, keep the last batch).
     * @param dataset the examples to batch
     * @return a new builder
     */
    public static Builder builder(Dataset dataset) {
        if (dataset == null) {
            throw new IllegalArgumentException("DataLoader: dataset is null");
        }
        return new Builder(dataset);
    }

    /**
     * The number of batches per epoch ({@code len(loader)}).
     * @return the batch count
     */
    public int size() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /**
     * {@code loader.dataset}: the dataset being batched.
     * @return the dataset
     */
    public Dataset dataset() {
        return dataset;
    }

    /** One epoch: draws the epoch's permutation now (when shuffling), then yields its batches. */
    @Override
    public Iterator<Tensor[]> iterator() {
        int n = dataset.size();
        int[] order = new int[n];
        if (shuffle) {
            // Without a generator of its own, the default one as it is now (after any Nano.manualSeed).
            double[] perm = Nano.randperm(n, generator != null ? generator : DefaultGenerator.get()).data();
            for (int i = 0; i < n; i++) {
                order[i] = (int) perm[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
        }
        int batches = size();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Tensor[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the epoch has " + batches + " batches");
                }
                int from = next * batchSize;
                int to = Math.min(from + batchSize, n);
                next++;
                List<Tensor[]> examples = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    examples.add(dataset.get(order[i]));
                }
                return collate.apply(examples);
            }
        };
    }

    /**
     * {@code default_collate} for examples of tensors: field {@code f} of the batch is the stack of
     * field {@code f} of every example, so (784)-shaped images become a (B, 784) batch. Examples
     * must have the same number of fields and each field the same shape (stack's message otherwise).
     * @param examples the examples of one batch
     * @return one stacked tensor per field
     */
    public static Tensor[] stackFields(List<Tensor[]> examples) {
        int fields = examples.get(0).length;
        Tensor[] batch = new Tensor[fields];
        try (var ignored = Nano.noGrad()) {
            for (int f = 0; f < fields; f++) {
                List<Tensor> column = new ArrayList<>(examples.size());
                for (int e = 0; e < examples.size(); e++) {
                    Tensor[] example = examples.get(e);
                    if (example.length != fields) {
                        throw new IllegalArgumentException("each element in list of batch should be of equal size: "
                                + "example 0 has " + fields + " fields, example " + e + " has " + example.length);
                    }
                    column.add(example[f]);
                }
                batch[f] = Nano.stack(column, 0);
            }
        }
        return batch;
    }

    /** Options under PyTorch's names and defaults: batch size 1, no shuffling, keep the last batch. */
    public static final class Builder {
        private final Dataset dataset;
        private int batchSize = 1;
        private boolean shuffle;
        private Random generator;
        private boolean dropLast;
        private Function<List<Tensor[]>, Tensor[]> collate = DataLoader::stackFields;

        private Builder(Dataset dataset) {
            this.dataset = dataset;
        }

        /**
         * How many examples each batch holds, PyTorch's {@code batch_size}.
         * @param batchSize how many examples per batch (positive)
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batch_size should be a positive integer value, but got batch_size="
                        + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * A new order every epoch, drawn from the generator.
         * @param shuffle true draws a new order every epoch
         * @return this builder
         */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /**
         * Where the permutations come from; without one, {@link DefaultGenerator#get()}.
         * @param generator the random source
         * @return this builder
         */
        public Builder generator(Random generator) {
            this.generator = generator;
            return this;
        }

        /**
         * Drop the last batch of an epoch when it is smaller than the batch size.
         * @param dropLast true drops a short last batch
         * @return this builder
         */
        public Builder dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /**
         * How a list of examples becomes a batch; {@link #stackFields} by default.
         * @param collate the function from examples to batch
         * @return this builder
         */
        public Builder collate(Function<List<Tensor[]>, Tensor[]> collate) {
            if (collate == null) {
                throw new IllegalArgumentException("DataLoader: collate is null");
            }
            this.collate = collate;
            return this;
        }

        /**
         * Builds the loader.
         * @return a new loader
         */
        public DataLoader build() {
            return new DataLoader(this);
        }
    }
}
