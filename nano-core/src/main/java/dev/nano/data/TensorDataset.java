package dev.nano.data;

import dev.nano.Shape;
import dev.nano.Tensor;

import java.util.Arrays;

/**
 * {@code torch.utils.data.TensorDataset}: example {@code i} is row {@code i} (along the first
 * dimension) of each tensor, e.g. {@code new TensorDataset(images, labels)}.
 */
public final class TensorDataset implements Dataset {
    private final Tensor[] tensors;

    /**
     * {@code TensorDataset(*tensors)}: example i is the i-th row of every tensor.
     * @param tensors at least one tensor, all with the same size of dim 0
     */
    public TensorDataset(Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("TensorDataset needs at least one tensor");
        }
        for (Tensor t : tensors) {
            if (t.dim() == 0) {
                throw new IllegalArgumentException("TensorDataset: a 0-d tensor has no first dimension to index");
            }
            if (t.size(0) != tensors[0].size(0)) {
                throw new IllegalArgumentException("Size mismatch between tensors: "
                        + Shape.toString(tensors[0].shape()) + " and " + Shape.toString(t.shape())
                        + " differ in their first dimension");
            }
        }
        this.tensors = tensors.clone();
    }

    @Override
    public int size() {
        return tensors[0].size(0);
    }

    /** The rows at {@code index}, copied, without a graph; a negative index counts from the end, as in Python. */
    @Override
    public Tensor[] get(int index) {
        int n = size();
        if (index < -n || index >= n) {
            throw new IndexOutOfBoundsException("index " + index + " is out of bounds for dimension 0 with size " + n);
        }
        int row = index < 0 ? index + n : index;
        Tensor[] example = new Tensor[tensors.length];
        for (int f = 0; f < tensors.length; f++) {
            Tensor t = tensors[f];
            int[] rowShape = Arrays.copyOfRange(t.shape(), 1, t.dim());
            int width = Shape.numel(rowShape);
            example[f] = new Tensor(Arrays.copyOfRange(t.data(), row * width, (row + 1) * width), rowShape, t.dtype());
        }
        return example;
    }

    /**
     * The tensors the dataset indexes.
     * @return a copy of the array of tensors (the tensors themselves are shared)
     */
    public Tensor[] tensors() {
        return tensors.clone();
    }
}
