package dev.nano;

/**
 * The element type of a tensor. nano computes in float64 end to end; the other two types exist
 * for the results PyTorch gives them: comparisons return {@code BOOL}, and indices
 * ({@code argmax}, {@code max(dim)}, the index of {@code gather}) are {@code INT64}.
 * All three are stored in a {@code double[]} (booleans as 0/1), which is exact for every index
 * a Java array can hold.
 */
public enum DType {
    /** 64-bit IEEE floating point, the dtype of every computed value ({@code torch.float64}). */
    FLOAT64("torch.float64"),
    /** 64-bit integers, for indices and class labels ({@code torch.int64}); stored exactly within ±2^53. */
    INT64("torch.int64"),
    /**
     * Booleans, the result of comparisons and the condition of {@code where} ({@code torch.bool}); stored as 0 and 1.
     */
    BOOL("torch.bool");

    private final String torchName;

    DType(String torchName) {
        this.torchName = torchName;
    }

    /**
     * The name PyTorch prints for this type, e.g. {@code torch.float64}.
     * @return the PyTorch name
     */
    public String torchName() {
        return torchName;
    }

    /**
     * {@code dtype.is_floating_point}: whether values of this type can be fractional (only float64 here).
     * @return true for {@link #FLOAT64}
     */
    public boolean isFloatingPoint() {
        return this == FLOAT64;
    }
}
