package dev.nano.nn;

/**
 * The {@code reduction} argument of every loss: "none" keeps one loss per element, "mean"
 * averages them (each loss says over what), "sum" adds them up.
 */
enum Reduction {
    NONE, MEAN, SUM;

    /** {@code torch.nn._reduction.get_enum}, with its error for any other string. */
    static Reduction of(String reduction) {
        if (reduction != null) {
            switch (reduction) {
                case "none":
                    return NONE;
                case "mean":
                    return MEAN;
                case "sum":
                    return SUM;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(reduction + " is not a valid value for reduction");
    }
}
