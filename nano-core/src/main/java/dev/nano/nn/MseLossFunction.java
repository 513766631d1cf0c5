package dev.nano.nn;

/**
 * Mean squared error, as aten's {@code mse_loss} and {@code mse_loss_backward} compute it, on an
 * input and target of the same shape (F.mse_loss broadcasts them first):
 * <pre>
 *   loss  = (x − t)²,  then mean or sum
 *   dL/dx = norm · (x − t) · g,   dL/dt = norm · (t − x) · g,   norm = 2/numel for "mean", else 2
 * </pre>
 */
final class MseLossFunction extends ElementwiseLossFunction {
    /** aten's {@code norm}: 2/numel for "mean" (the mean folded into the factor), else 2. */
    private final double norm;

    /** {@code count}: the number of elements of the (broadcast) input and target. */
    MseLossFunction(LossReduction reduction, int count) {
        super(null, reduction);
        this.norm = reduction == LossReduction.MEAN ? 2.0 / count : 2.0;
    }

    @Override
    public String name() {
        return "MseLossBackward0";
    }

    @Override
    double loss(int i, double x, double t) {
        double d = x - t;
        return d * d;
    }

    @Override
    double inputGradient(int i, double x, double t, double g) {
        return norm * (x - t) * g;
    }

    @Override
    double targetGradient(int i, double x, double t, double g) {
        return norm * (t - x) * g;
    }

    @Override
    boolean meanDividesAfterwards() {
        return false;
    }
}
