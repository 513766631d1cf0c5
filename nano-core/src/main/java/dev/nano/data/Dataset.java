package dev.nano.data;

import dev.nano.Tensor;

/**
 * A map-style dataset, like {@code torch.utils.data.Dataset}: a size ({@code len(dataset)}) and
 * the example at an index ({@code dataset[i]}), an example being a tuple of tensors such as
 * (image, label).
 */
public interface Dataset {
    /**
     * The number of examples.
     * @return {@code len(dataset)}
     */
    int size();

    /**
     * Example {@code index}, {@code 0 <= index < size()}: one tensor per field.
     * @param index the example's position
     * @return the example's fields, e.g. {@code [image, label]}
     */
    Tensor[] get(int index);
}
