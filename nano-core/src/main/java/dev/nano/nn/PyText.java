package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Shape;

import java.math.BigDecimal;

/**
 * How PyTorch writes values into its error messages, so that nano's messages read the same:
 * Python's {@code repr} of a float ({@code 1e-05}, {@code 1.5}, {@code nan}), a
 * {@code torch.Size([1, 3])}, and the C++ scalar type names ({@code Double}, {@code Long}).
 */
final class PyText {
    private PyText() {
    }

    /** Python's {@code repr(float)}: shortest digits, exponent form below 1e-4 and from 1e16. */
    static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = d.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = d.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sign = exponent < 0 ? "-" : "+";
        String exp = String.format(java.util.Locale.ROOT, "%02d", Math.abs(exponent));
        return (v < 0 ? "-" : "") + mantissa + "e" + sign + exp;
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
        return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exponent));
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
