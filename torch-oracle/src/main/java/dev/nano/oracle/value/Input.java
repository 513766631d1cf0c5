package dev.nano.oracle.value;

import dev.nano.DType;
import dev.nano.Shape;

/**
 * One input tensor of a case: its shape, dtype, row-major values, and whether it is a leaf that
 * requires grad (so that its gradient is compared).
 */
public record Input(int[] shape, DType dtype, double[] values, boolean requiresGrad) {

    /**
     * Checks that the values fill the shape.
     * @param shape the shape
     * @param dtype the dtype
     * @param values the values, row-major
     * @param requiresGrad whether the input is a leaf that requires grad
     */
    public Input {
        if (values.length != Shape.numel(shape)) {
            throw new IllegalArgumentException("input of shape " + Shape.toString(shape) + " given " + values.length
                    + " values");
        }
    }

    /**
     * A float64 leaf that requires grad.
     * @param shape the shape
     * @param values the values, row-major
     * @return the input
     */
    public static Input of(int[] shape, double... values) {
        return new Input(shape, DType.FLOAT64, values, true);
    }

    /**
     * A float64 constant (no gradient compared).
     * @param shape the shape
     * @param values the values, row-major
     * @return the input
     */
    public static Input constant(int[] shape, double... values) {
        return new Input(shape, DType.FLOAT64, values, false);
    }

    /**
     * A bool constant (values 0 and 1).
     * @param shape the shape
     * @param values the values, row-major
     * @return the input
     */
    public static Input bool(int[] shape, double... values) {
        return new Input(shape, DType.BOOL, values, false);
    }

    /**
     * An int64 constant, e.g. indices.
     * @param shape the shape
     * @param values the values, row-major
     * @return the input
     */
    public static Input int64(int[] shape, double... values) {
        return new Input(shape, DType.INT64, values, false);
    }

    /**
     * {@code (3,4)}-style text for case names.
     * @return the text
     */
    public String shapeText() {
        return shapeText(shape);
    }

    /**
     * {@code (3,4)}-style text of {@code shape}.
     * @param shape the shape
     * @return the text
     */
    public static String shapeText(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? "," : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
