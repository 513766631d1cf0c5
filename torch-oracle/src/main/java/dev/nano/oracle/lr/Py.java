package dev.nano.oracle.lr;

/**
 * Python's semantics where they differ from Java's, for the transcription of lr_scheduler.py:
 * exceptions ({@code ValueError}, {@code ZeroDivisionError}, {@code KeyError}, …), float division by
 * zero, and {@code %} / {@code //} on ints rounding toward negative infinity.
 */
final class Py {
    private Py() {
    }

    /** A Python exception: its type and {@code str(e)}. */
    static final class Error extends RuntimeException {
        final String type;

        Error(String type, String message) {
            super(message);
            this.type = type;
        }

        /** As recorded in the fixture: {@code ValueError: message}. */
        String recorded() {
            return type + ": " + getMessage();
        }
    }

    static Error valueError(String message) {
        return new Error("ValueError", message);
    }

    /** {@code a / b} on floats. */
    static double div(double a, double b) {
        if (b == 0.0) {
            throw new Error("ZeroDivisionError", "float division by zero");
        }
        return a / b;
    }

    /** {@code a / b} on ints (true division). */
    static double truediv(long a, long b) {
        if (b == 0) {
            throw new Error("ZeroDivisionError", "division by zero");
        }
        return (double) a / (double) b;
    }

    /** {@code a % b} on ints. */
    static long mod(long a, long b) {
        if (b == 0) {
            throw new Error("ZeroDivisionError", "integer modulo by zero");
        }
        return Math.floorMod(a, b);
    }

    /** {@code a // b} on ints. */
    static long floordiv(long a, long b) {
        if (b == 0) {
            throw new Error("ZeroDivisionError", "integer division or modulo by zero");
        }
        return Math.floorDiv(a, b);
    }

    /** {@code x ** y} on floats: C's pow, as CPython's float_pow calls it. */
    static double pow(double x, double y) {
        if (x == 0.0 && y < 0) {
            throw new Error("ZeroDivisionError", "0.0 cannot be raised to a negative power");
        }
        return Math.pow(x, y);
    }

    /** {@code max(a, b)}: the first unless the second is greater. */
    static double max(double a, double b) {
        return b > a ? b : a;
    }

    /** {@code float} as an f-string prints it. */
    static String str(double x) {
        return dev.nano.PythonFloat.repr(x);
    }
}
