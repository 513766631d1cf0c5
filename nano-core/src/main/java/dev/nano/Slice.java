package dev.nano;

/**
 * A Python-style range for {@link Tensor#index}: {@code start:end:step}. A null start or end
 * means "from the beginning" / "to the end"; negative positions count from the end, and
 * positions past the end are clamped, as in Python. The step must be positive (PyTorch does not
 * support negative steps).
 *
 * <pre>{@code x.index(Slice.all(), Slice.of(1, null, 2))   // x[:, 1::2]}</pre>
 */
public record Slice(Integer start, Integer end, int step) {

    /**
     * {@code :}
     * @return the slice that keeps a whole dim
     */
    public static Slice all() {
        return new Slice(null, null, 1);
    }

    /**
     * {@code start:end}
     * @param start the first index (negative counts from the end), or null for the beginning
     * @param end the exclusive end (negative counts from the end), or null for the end
     * @return a slice with step 1
     */
    public static Slice of(Integer start, Integer end) {
        return new Slice(start, end, 1);
    }

    /**
     * {@code start:end:step}
     * @param start the first index (negative counts from the end), or null for the beginning
     * @param end the exclusive end (negative counts from the end), or null for the end
     * @param step the stride, positive as in PyTorch
     * @return the slice
     */
    public static Slice of(Integer start, Integer end, int step) {
        return new Slice(start, end, step);
    }

    @Override
    public String toString() {
        return (start == null ? "" : start) + ":" + (end == null ? "" : end) + (step == 1 ? "" : ":" + step);
    }
}
