package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Tensor;

/**
 * aten's {@code apply_loss_reduction} for the loss kernels that reduce inside their node: "none"
 * keeps the elementwise losses, "sum" adds them, "mean" adds them and divides by their count
 * (0/0 = NaN for an empty input). Backward hands every element the same upstream gradient when
 * the loss was reduced; the kernels divide by the count themselves for "mean".
 */
final class LossReduction {
    private LossReduction() {
    }

    static Tensor reduce(double[] loss, int[] shape, Reduction reduction) {
        if (reduction == Reduction.NONE) {
            return new Tensor(loss, shape, DType.FLOAT64);
        }
        double sum = 0;
        for (double v : loss) {
            sum += v;
        }
        double value = reduction == Reduction.MEAN ? sum / loss.length : sum;
        return new Tensor(new double[] {value}, new int[0], DType.FLOAT64);
    }

    /** dL/d(loss element i): the element's own for "none", the one scalar otherwise. */
    static double upstream(Tensor gradOutput, int i, Reduction reduction) {
        return gradOutput.data()[reduction == Reduction.NONE ? i : 0];
    }
}
