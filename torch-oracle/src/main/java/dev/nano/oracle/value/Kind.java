package dev.nano.oracle.value;

/**
 * The kinds of evidence a case can give about an operator. The report has a column for each;
 * a case credits only the operator it names.
 */
public enum Kind {
    /** The op's values were compared with PyTorch (every case that is not an error case). */
    FORWARD("forward"),
    /** Gradients of the inputs were compared with PyTorch's, under a random upstream gradient. */
    BACKWARD("backward"),
    /** nano's analytic gradient agreed with central finite differences of nano's forward. */
    GRADCHECK("gradcheck"),
    /** Two or more tensor inputs of different shapes that broadcast. */
    BROADCAST("broadcast"),
    /** A Java scalar on either side ({@code t + 2}, {@code 2 - t}). */
    SCALAR("scalar/rhs"),
    /** A 0-d input or output. */
    ZERO_DIM("0-d"),
    /** An input with a size-0 dim. */
    EMPTY("empty"),
    /** 0, -0.0, ±1, huge magnitudes, NaN, ±inf, and domain boundaries. */
    EDGE("edge values"),
    /** Kinks and ties, where PyTorch picks a particular (sub)gradient. */
    NONDIFF("non-diff/ties"),
    /** dim / several dims / negative dims / keepdim / full reduction variants. */
    DIMS("dims/keepdim"),
    /** Inputs PyTorch rejects; nano must reject them with the same key phrase. */
    ERROR("errors");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    /**
     * The name the report and the selection use, e.g. "errors".
     * @return the label
     */
    public String label() {
        return label;
    }
}
