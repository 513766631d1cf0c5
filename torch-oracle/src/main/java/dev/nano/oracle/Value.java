package dev.nano.oracle;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.oracle.cases.Input;

/** A tensor's contents as plain data: what fixtures store and what the comparisons read. */
public record Value(int[] shape, DType dtype, double[] values) {

    public static Value of(Tensor t) {
        return new Value(t.shape(), t.dtype(), t.toDoubleArray());
    }

    public static Value of(Input input) {
        return new Value(input.shape(), input.dtype(), input.values().clone());
    }

    public Tensor toTensor() {
        return new Tensor(values.clone(), shape, dtype);
    }

    public String shapeText() {
        return Input.shapeText(shape);
    }
}
