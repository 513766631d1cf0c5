package dev.nano;

/**
 * The element type of a tensor. nano computes in float64 end to end; the other two types exist
 * for the results PyTorch gives them: comparisons return {@code BOOL}, and indices
 * ({@code argmax}, {@code max(dim)}, the index of {@code gather}) are {@code INT64}.
 * All three are stored in a {@code double[]} (booleans as 0/1), which is exact for every index
 * a Java array can hold.
 */
public enum DType {
    FLOAT64("torch.float64"),
    INT64("torch.int64"),
    BOOL("torch.bool");

    private final String torchName;

    DType(String torchName) {
        this.torchName = torchName;
    }

    /** The name PyTorch prints for this type, e.g. {@code torch.float64}. */
    public String torchName() {
        return torchName;
    }

    public boolean isFloatingPoint() {
        return this == FLOAT64;
    }
}
