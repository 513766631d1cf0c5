package dev.nano.oracle.value;

import dev.nano.DType;
import dev.nano.Tensor;

/** A tensor's contents as plain data: what fixtures store and what the comparisons read. */
public record Value(int[] shape, DType dtype, double[] values) {

    /**
     * A value holding a copy of nano tensor {@code t}.
     * @param t the tensor
     * @return the value
     */
    public static Value of(Tensor t) {
        return new Value(t.shape(), t.dtype(), t.toDoubleArray());
    }

    /**
     * The value of a case input.
     * @param input the input
     * @return the value
     */
    public static Value of(Input input) {
        return new Value(input.shape(), input.dtype(), input.values().clone());
    }

    /**
     * A nano tensor with these values (not requiring grad).
     * @return a new tensor
     */
    public Tensor toTensor() {
        return new Tensor(values.clone(), shape, dtype);
    }

    /**
     * The shape as {@code (3,4)}-style text.
     * @return the text
     */
    public String shapeText() {
        return Input.shapeText(shape);
    }
}
