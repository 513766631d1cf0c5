package dev.nano.oracle.cases;

import dev.nano.DType;
import dev.nano.Shape;

/**
 * One input tensor of a case: its shape, dtype, row-major values, and whether it is a leaf that
 * requires grad (so that its gradient is compared).
 */
public record Input(int[] shape, DType dtype, double[] values, boolean requiresGrad) {

    public Input {
        if (values.length != Shape.numel(shape)) {
            throw new IllegalArgumentException("input of shape " + Shape.toString(shape) + " given " + values.length
                    + " values");
        }
    }

    /** A float64 leaf that requires grad. */
    public static Input of(int[] shape, double... values) {
        return new Input(shape, DType.FLOAT64, values, true);
    }

    /** A float64 constant (no gradient compared). */
    public static Input constant(int[] shape, double... values) {
        return new Input(shape, DType.FLOAT64, values, false);
    }

    public static Input bool(int[] shape, double... values) {
        return new Input(shape, DType.BOOL, values, false);
    }

    public static Input int64(int[] shape, double... values) {
        return new Input(shape, DType.INT64, values, false);
    }

    /** {@code (3,4)}-style text for case names. */
    public String shapeText() {
        return shapeText(shape);
    }

    public static String shapeText(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? "," : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
