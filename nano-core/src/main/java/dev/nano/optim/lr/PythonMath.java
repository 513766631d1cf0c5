package dev.nano.optim.lr;

/**
 * The two places where Python's arithmetic, which torch/optim/lr_scheduler.py is written in, differs
 * from Java's: dividing a float by zero raises {@code ZeroDivisionError} instead of giving ±inf or NaN,
 * and {@code %} takes the sign of the divisor. Every other operation of the schedules is the same IEEE
 * double arithmetic in both languages.
 */
final class PythonMath {
    private PythonMath() {
    }

    /**
     * Python's {@code a / b} on floats.
     * @param where the schedule and the argument that made {@code b} zero, for the message
     */
    static double div(double a, double b, String where) {
        if (b == 0.0) {
            throw new ArithmeticException(where + ": float division by zero");
        }
        return a / b;
    }

    /**
     * Python's {@code a % b} on ints: the result has the sign of {@code b}.
     * @param where the schedule and the argument that made {@code b} zero, for the message
     */
    static int mod(int a, int b, String where) {
        if (b == 0) {
            throw new ArithmeticException(where + ": integer modulo by zero");
        }
        return Math.floorMod(a, b);
    }

    /** Python's {@code max(a, b)}: {@code a} unless {@code b} is greater (so a NaN {@code a} is kept). */
    static double max(double a, double b) {
        return b > a ? b : a;
    }
}
