package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Tensor;

/**
 * The {@code reduction} argument of every loss: "none" keeps one loss per element, "mean"
 * averages them (each loss says over what), "sum" adds them up. For the losses that reduce inside
 * their node it is also aten's {@code apply_loss_reduction} (aten/src/ATen/native/Loss.cpp): "mean"
 * adds the losses and divides by their count (0/0 = NaN for an empty input).
 */
enum LossReduction {
    NONE, MEAN, SUM;

    /** {@code torch.nn._reduction.get_enum}, with its error for any other string. */
    static LossReduction of(String reduction) {
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

    /** The per-element losses of {@code shape} as this reduction returns them: themselves, or a 0-d sum or mean. */
    Tensor reduce(double[] loss, int[] shape) {
        if (this == NONE) {
            return new Tensor(loss, shape, DType.FLOAT64);
        }
        double sum = 0;
        for (double v : loss) {
            sum += v;
        }
        double value = this == MEAN ? sum / loss.length : sum;
        return new Tensor(new double[] {value}, new int[0], DType.FLOAT64);
    }

    /**
     * dL/d(loss element i): the element's own for "none", the one scalar otherwise (every element gets the same
     * upstream gradient when the loss was reduced; "mean" divides by the count in the loss's backward).
     */
    double upstream(Tensor gradOutput, int i) {
        return gradOutput.data()[this == NONE ? i : 0];
    }
}
