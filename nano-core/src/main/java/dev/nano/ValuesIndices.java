package dev.nano;

/**
 * What {@code max(dim)} and {@code min(dim)} return, like PyTorch's named tuple
 * {@code (values, indices)}. Only {@code values} carries a gradient; {@code indices} is INT64.
 */
public record ValuesIndices(Tensor values, Tensor indices) {
}
