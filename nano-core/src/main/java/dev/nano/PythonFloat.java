package dev.nano;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Prints a double the way Python's {@code repr(float)} does, so that nano's error messages read
 * exactly like PyTorch's and torch.optim's f-strings: {@code -1.0}, {@code 0.001}, {@code 1e-08},
 * {@code 1e+16}, {@code 5e-324}, {@code nan}, {@code inf}. Java's {@code Double.toString} writes
 * {@code 1.0E-8}, and on Java 17 not always the shortest digits ({@code 4.9E-324}). The one printer
 * of the library: {@code nn} and {@code optim} both use it.
 *
 * <p>Python prints the shortest decimal that reads back as the same double (of two such decimals
 * the nearer), in fixed notation when its decimal exponent is in [-4, 16), else as
 * {@code d.ddde±XX}.
 */
public final class PythonFloat {
    private PythonFloat() {
    }

    /**
     * @param x any double
     * @return Python's {@code repr(x)}
     */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(x));
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale(); // of the first digit
        String sign = x < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format(java.util.Locale.ROOT, "%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        if (exponent < 0) {
            return sign + "0." + "0".repeat(-exponent - 1) + digits;
        }
        if (digits.length() <= exponent + 1) {
            return sign + digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
        }
        return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
    }

    /**
     * The fewest significant digits that still read back as {@code x} (finite, positive). Both
     * neighbours at each precision are tried, not only the nearest: at a power of two the doubles
     * below are twice as close as those above, so the nearest decimal can fall outside while the
     * one on the other side reads back ({@code 2^-1017} is {@code 7.120236347223045e-307}, not
     * {@code 7.1202363472230444e-307}).
     */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int precision = 1; ; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downReads = down.doubleValue() == x;
            boolean upReads = up.doubleValue() == x;
            if (downReads && upReads) {
                int nearer = exact.subtract(down).compareTo(up.subtract(exact));
                BigDecimal pick = nearer < 0 ? down : nearer > 0 ? up
                        : exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
                return pick.stripTrailingZeros();
            }
            if (downReads || upReads) {
                return (downReads ? down : up).stripTrailingZeros();
            }
        }
    }
}
