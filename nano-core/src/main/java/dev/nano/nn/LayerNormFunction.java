package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * Layer norm's kernel, one row (the trailing normalized dims, N values) at a time, as aten's
 * {@code LayerNormKernelImplInternal} and {@code LayerNormBackwardKernelImplInternal} compute it:
 * <pre>
 *   mean = Σx / N,   var = Σ(x − mean)² / N (biased),   rstd = 1 / sqrt(var + eps)
 *   y = (x · rstd + (−rstd · mean)) · γ + β              (γ = 1, β = 0 when absent)
 * </pre>
 * Backward, per row, with {@code ds = Σ dy·x·γ} and {@code db = Σ dy·γ}:
 * <pre>
 *   b = (db · mean − ds) · rstd³ / N,   c = −b · mean − db · rstd / N
 *   dx = rstd · dy · γ + b · x + c
 *   dγ = Σ_rows dy · (rstd · x − rstd · mean),   dβ = Σ_rows dy
 * </pre>
 * (The mean and variance are taken in two passes; aten's Welford moments differ in the last
 * bits only.) PyTorch names the node NativeLayerNormBackward0.
 */
final class LayerNormFunction extends Function {
    private final int rows;
    private final int rowLength;
    private final boolean hasWeight;
    private final boolean hasBias;
    private final double eps;
    private double[] mean;
    private double[] rstd;

    LayerNormFunction(int rows, int rowLength, boolean hasWeight, boolean hasBias, double eps) {
        this.rows = rows;
        this.rowLength = rowLength;
        this.hasWeight = hasWeight;
        this.hasBias = hasBias;
        this.eps = eps;
    }

    @Override
    public String name() {
        return "NativeLayerNormBackward0";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor input = inputs[0];
        double[] x = input.data();
        double[] gamma = hasWeight ? inputs[1].data() : null;
        double[] beta = hasBias ? inputs[hasWeight ? 2 : 1].data() : null;
        double[] y = new double[x.length];
        mean = new double[rows];
        rstd = new double[rows];
        int n = rowLength;
        for (int r = 0; r < rows; r++) {
            int start = r * n;
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += x[start + j];
            }
            double m = sum / n;
            double squares = 0;
            for (int j = 0; j < n; j++) {
                double d = x[start + j] - m;
                squares += d * d;
            }
            double s = 1 / Math.sqrt(squares / n + eps);
            double shift = -s * m;
            for (int j = 0; j < n; j++) {
                double g = gamma == null ? 1 : gamma[j];
                double b = beta == null ? 0 : beta[j];
                y[start + j] = (x[start + j] * s + shift) * g + b;
            }
            mean[r] = m;
            rstd[r] = s;
        }
        ctx.saveForBackward(inputs);
        return new Tensor(y, input.shape(), DType.FLOAT64);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor[] saved = ctx.savedTensors();
        Tensor input = saved[0];
        double[] x = input.data();
        double[] gamma = hasWeight ? saved[1].data() : null;
        double[] dy = gradOutput.data();
        int n = rowLength;
        double scale = 1.0 / n;
        double[] dx = new double[x.length];
        double[] dgamma = new double[n];
        double[] dbeta = new double[n];
        for (int r = 0; r < rows; r++) {
            int start = r * n;
            double a = rstd[r];
            double shift = -a * mean[r];
            double ds = 0;
            double db = 0;
            for (int j = 0; j < n; j++) {
                double g = gamma == null ? 1 : gamma[j];
                ds += dy[start + j] * x[start + j] * g;
                db += dy[start + j] * g;
                dgamma[j] += dy[start + j] * (a * x[start + j] + shift);
                dbeta[j] += dy[start + j];
            }
            double b = (db * mean[r] - ds) * a * a * a * scale;
            double c = -b * mean[r] - db * a * scale;
            for (int j = 0; j < n; j++) {
                double g = gamma == null ? 1 : gamma[j];
                dx[start + j] = a * dy[start + j] * g + b * x[start + j] + c;
            }
        }
        Tensor[] grads = new Tensor[1 + (hasWeight ? 1 : 0) + (hasBias ? 1 : 0)];
        grads[0] = new Tensor(dx, input.shape(), DType.FLOAT64);
        if (hasWeight) {
            grads[1] = new Tensor(dgamma, saved[1].shape(), DType.FLOAT64);
        }
        if (hasBias) {
            grads[grads.length - 1] = new Tensor(dbeta, saved[grads.length - 1].shape(), DType.FLOAT64);
        }
        return grads;
    }
}
