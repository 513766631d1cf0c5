package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

/**
 * Batch norm's kernel, per channel c (dim 1), over the n = N·L (or N·H·W) values of the
 * channel, as aten's CPU kernels compute it ({@code batch_norm_cpu_collect_stats},
 * {@code batch_norm_cpu_collect_linear_and_constant_terms}, {@code batch_norm_backward_cpu}):
 * <pre>
 *   training:  mean = Σx / n,   varSum = Σ(x − mean)²,   invstd = 1 / sqrt(varSum/n + eps)
 *   eval:      mean = running_mean,                      invstd = 1 / sqrt(running_var + eps)
 *   y = x · alpha + beta,   alpha = invstd · w,   beta = b − mean · alpha
 * </pre>
 * Training normalises with the <em>biased</em> variance and feeds the <em>unbiased</em> one
 * ({@code varSum / (n − 1)}) to the running average. Backward, with {@code dotp = Σ dy·(x − mean)}:
 * <pre>
 *   training:  dx = (dy − Σdy/n − (x − mean) · dotp·invstd²/n) · invstd · w
 *   eval:      dx = dy · invstd · w            (the statistics are constants)
 *   dw = dotp · invstd,   db = Σdy
 * </pre>
 * PyTorch names the node NativeBatchNormBackward0.
 */
final class BatchNormFunction extends Function {
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final boolean hasWeight;
    private final boolean hasBias;
    private final boolean training;
    private final double momentum;
    private final double eps;
    /** Per channel, kept for backward. */
    private double[] mean;
    private double[] invstd;

    BatchNormFunction(Tensor runningMean, Tensor runningVar, boolean hasWeight, boolean hasBias, boolean training,
                      double momentum, double eps) {
        this.runningMean = runningMean;
        this.runningVar = runningVar;
        this.hasWeight = hasWeight;
        this.hasBias = hasBias;
        this.training = training;
        this.momentum = momentum;
        this.eps = eps;
    }

    @Override
    public String name() {
        return "NativeBatchNormBackward0";
    }

    /** Where channel c's values of sample b start, and how many follow (the spatial size). */
    private static final class Layout {
        final int batch;
        final int channels;
        final int spatial;

        Layout(int[] shape) {
            batch = shape[0];
            channels = shape[1];
            int s = 1;
            for (int d = 2; d < shape.length; d++) {
                s *= shape[d];
            }
            spatial = s;
        }

        int start(int b, int c) {
            return (b * channels + c) * spatial;
        }
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor input = inputs[0];
        double[] w = hasWeight ? inputs[1].data() : null;
        double[] bias = hasBias ? inputs[hasWeight ? 2 : 1].data() : null;
        double[] x = input.data();
        Layout at = new Layout(input.shape());
        int n = at.batch * at.spatial;
        mean = new double[at.channels];
        invstd = new double[at.channels];
        double[] y = new double[x.length];
        if (x.length == 0) {
            // aten returns early on an empty batch: no statistics, running buffers untouched.
            ctx.saveForBackward(inputs);
            return new Tensor(y, input.shape(), DType.FLOAT64);
        }
        for (int c = 0; c < at.channels; c++) {
            if (training) {
                double sum = 0;
                for (int b = 0; b < at.batch; b++) {
                    for (int i = at.start(b, c), end = i + at.spatial; i < end; i++) {
                        sum += x[i];
                    }
                }
                double m = sum / n;
                double varSum = 0;
                for (int b = 0; b < at.batch; b++) {
                    for (int i = at.start(b, c), end = i + at.spatial; i < end; i++) {
                        varSum += (x[i] - m) * (x[i] - m);
                    }
                }
                mean[c] = m;
                invstd[c] = invStd(varSum / n, eps);
                updateRunningStatistics(c, m, varSum, n);
            } else {
                mean[c] = runningMean.data()[c];
                invstd[c] = 1 / Math.sqrt(runningVar.data()[c] + eps);
            }
            double alpha = invstd[c] * (w == null ? 1 : w[c]);
            double beta = (bias == null ? 0 : bias[c]) - mean[c] * alpha;
            for (int b = 0; b < at.batch; b++) {
                for (int i = at.start(b, c), end = i + at.spatial; i < end; i++) {
                    y[i] = x[i] * alpha + beta;
                }
            }
        }
        ctx.saveForBackward(inputs);
        return new Tensor(y, input.shape(), DType.FLOAT64);
    }

    /** aten's InvStd: 0 (not inf) when both the variance and eps are 0. */
    private static double invStd(double var, double eps) {
        if (var == 0 && eps == 0) {
            return 0;
        }
        return 1 / Math.sqrt(var + eps);
    }

    /** {@code running = momentum · batch + (1 − momentum) · running}, in place, unbiased variance. */
    private void updateRunningStatistics(int c, double batchMean, double varSum, int n) {
        if (runningMean != null) {
            double[] rm = runningMean.data();
            rm[c] = momentum * batchMean + (1 - momentum) * rm[c];
        }
        if (runningVar != null) {
            double[] rv = runningVar.data();
            double unbiased = varSum / (n - 1);
            rv[c] = momentum * unbiased + (1 - momentum) * rv[c];
        }
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor[] saved = ctx.savedTensors();
        Tensor input = saved[0];
        double[] x = input.data();
        double[] w = hasWeight ? saved[1].data() : null;
        double[] dy = gradOutput.data();
        Layout at = new Layout(input.shape());
        int n = at.batch * at.spatial;
        double[] dx = new double[x.length];
        double[] dw = new double[at.channels];
        double[] db = new double[at.channels];
        if (x.length > 0) {
            for (int c = 0; c < at.channels; c++) {
                double m = mean[c];
                double sum = 0;
                double dotp = 0;
                for (int b = 0; b < at.batch; b++) {
                    for (int i = at.start(b, c), end = i + at.spatial; i < end; i++) {
                        sum += dy[i];
                        dotp += (x[i] - m) * dy[i];
                    }
                }
                double scale = w == null ? 1 : w[c];
                if (training) {
                    double k = dotp * invstd[c] * invstd[c] / n;
                    double gradMean = sum / n;
                    for (int b = 0; b < at.batch; b++) {
                        for (int i = at.start(b, c), end = i + at.spatial; i < end; i++) {
                            double projection = (x[i] - m) * k;
                            dx[i] = (dy[i] - gradMean - projection) * invstd[c] * scale;
                        }
                    }
                } else {
                    for (int b = 0; b < at.batch; b++) {
                        for (int i = at.start(b, c), end = i + at.spatial; i < end; i++) {
                            dx[i] = dy[i] * invstd[c] * scale;
                        }
                    }
                }
                dw[c] = dotp * invstd[c];
                db[c] = sum;
            }
        }
        Tensor[] grads = new Tensor[1 + (hasWeight ? 1 : 0) + (hasBias ? 1 : 0)];
        grads[0] = new Tensor(dx, input.shape(), DType.FLOAT64);
        if (hasWeight) {
            grads[1] = new Tensor(dw, new int[] {at.channels}, DType.FLOAT64);
        }
        if (hasBias) {
            grads[grads.length - 1] = new Tensor(db, new int[] {at.channels}, DType.FLOAT64);
        }
        return grads;
    }
}
