package dev.nano;

/**
 * The argument checks every public entry point shares, so that each kind of bad input fails the
 * same way everywhere:
 * <ul>
 *   <li>a null argument: {@link NullPointerException} naming the op and the parameter;</li>
 *   <li>a size too large for one Java array: {@link IllegalArgumentException} with one message,
 *       computed in {@code long} so that it never wraps around into a negative size first;</li>
 *   <li>a hyperparameter that must be a number: NaN is refused explicitly, because a check
 *       written as {@code x < 0} lets NaN through.</li>
 * </ul>
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Returns {@code value}, or fails with "{@code op}: argument '{@code name}' must not be null".
     * @param <T> the argument's type
     * @param op the operator's name, for the message
     * @param name the argument's name, for the message
     * @param value the argument
     * @return {@code value}
     */
    public static <T> T notNull(String op, String name, T value) {
        if (value == null) {
            throw nullArgument(op, name);
        }
        return value;
    }

    /**
     * The exception {@link #notNull} throws, for callers that test for null themselves.
     * @param op the operator's name, for the message
     * @param name the argument's name, for the message
     * @return the exception, to be thrown by the caller
     */
    public static NullPointerException nullArgument(String op, String name) {
        return new NullPointerException(op + ": argument '" + name + "' must not be null");
    }

    /**
     * {@link #notNull} for an array and each of its elements.
     * @param <T> the element type
     * @param op the operator's name, for the message
     * @param name the argument's name, for the message
     * @param values the array
     * @return {@code values}
     */
    public static <T> T[] noNulls(String op, String name, T[] values) {
        notNull(op, name, values);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new NullPointerException(op + ": argument '" + name + "' must not contain null (null at index "
                        + i + ")");
            }
        }
        return values;
    }

    /**
     * The number of elements of a tensor of {@code shape}, computed in {@code long}, or the one
     * overflow message nano gives for every tensor too large for a {@code double[]}:
     * "matmul: a tensor of shape [65536, 65536] has more elements than a Java array can hold (2147483647)".
     * A shape with a zero size is empty, however large its other sizes.
     * @param op the operator's name, for the message
     * @param shape the sizes
     * @return the element count
     */
    public static int numel(String op, long... shape) {
        long n = 1;
        for (long s : shape) {
            if (s == 0) {
                return 0;
            }
        }
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException((op == null ? "" : op + ": ")
                        + "Trying to create tensor with negative dimension " + s + ": "
                        + java.util.Arrays.toString(shape));
            }
            if (n > Integer.MAX_VALUE / s) {
                throw tooLarge(op, shape);
            }
            n *= s;
        }
        return (int) n;
    }

    /**
     * {@link #numel(String, long...)} for an {@code int[]} shape.
     * @param op the operator's name, for the message
     * @param shape the sizes
     * @return the element count
     */
    public static int numel(String op, int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
            if (n > Integer.MAX_VALUE || s < 0) { // the rare case: let the long version say why
                return numel(op, java.util.Arrays.stream(shape).asLongStream().toArray());
            }
        }
        return (int) n;
    }

    private static IllegalArgumentException tooLarge(String op, long[] shape) {
        return new IllegalArgumentException((op == null ? "" : op + ": ") + "a tensor of shape "
                + java.util.Arrays.toString(shape) + " has more elements than a Java array can hold ("
                + Integer.MAX_VALUE + ")");
    }

    /**
     * Fails unless {@code value} is a number (not NaN): "{@code op}: {@code name} must be a number, got nan".
     * @param op the operator's name, for the message
     * @param name the argument's name, for the message
     * @param value the argument
     * @return {@code value}
     */
    public static double notNaN(String op, String name, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(op + ": " + name + " must be a number, got nan");
        }
        return value;
    }
}
