package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Shape;

import java.math.BigDecimal;

/**
 * How PyTorch writes values into its error messages, so that nano's messages read the same:
 * C++'s {@code operator<<} of a double, a {@code torch.Size([1, 3])}, and the C++ scalar type
 * names ({@code Double}, {@code Long}). Python's {@code repr} of a float is {@link dev.nano.PythonFloat}.
 */
final class PyText {
    private PyText() {
    }

    /**
     * How C++'s {@code operator<<} writes a double into ATen's messages ({@code %g}: six
     * significant digits, no trailing zeros): {@code 1.5}, {@code 2}, {@code 1e-07}.
     */
    static String cpp(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -4 && exponent < 6) {
            return d.toPlainString();
        }
        String digits = d.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exponent));
    }

    /** {@code torch.Size([1, 3])}, as Python prints {@code input.size()}. */
    static String size(int[] shape) {
        return "torch.Size(" + Shape.toString(shape) + ")";
    }

    /** The C++ name of a dtype in ATen's messages ("expected scalar type Long but found Double"). */
    static String scalarType(DType dtype) {
        return switch (dtype) {
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
            case BOOL -> "Bool";
        };
    }
}
