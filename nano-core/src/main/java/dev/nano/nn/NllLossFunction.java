package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;

import java.util.Arrays;

/**
 * The negative log-likelihood kernel ({@code nll_loss} / {@code nll_loss2d} in aten's
 * {@code LossNLL.cpp}, {@code LossNLL2d.cpp}). Each target position p — a sample, or a sample
 * and a spatial position — picks one class {@code t = target[p]}:
 * <pre>
 *   loss[p] = −w[t] · input[p, t]          (0 where t == ignore_index)
 *   sum     = Σ_p loss[p]
 *   mean    = sum / Σ_{p not ignored} w[t]  (the count of kept targets when unweighted)
 * </pre>
 * Backward writes into the picked element only: {@code −w[t] · g[p]} for "none", and
 * {@code w[t] · −(g / totalWeight)} for "mean" ({@code −g} for "sum"). Ignored positions get 0.
 * A 1-D input is a single sample and is always handled by the reduced path (its "none" output
 * is a 0-d tensor), as in aten. PyTorch names the node NllLossBackward0 (NllLoss2DBackward0 for
 * the spatial layouts).
 */
final class NllLossFunction extends Function {
    private final Layout layout;
    private final double[] target;
    private final double[] weight;
    private final int ignoreIndex;
    private final LossReduction reduction;
    private double totalWeight;

    NllLossFunction(Layout layout, Tensor target, Tensor weight, int ignoreIndex, LossReduction reduction) {
        this.layout = layout;
        this.target = target.data();
        this.weight = weight == null ? null : weight.data();
        this.ignoreIndex = ignoreIndex;
        this.reduction = reduction;
    }

    @Override
    public String name() {
        return layout.spatial ? "NllLoss2DBackward0" : "NllLossBackward0";
    }

    /**
     * How an input of shape (N, C, d1, …) is read: N samples, C classes, S = d1·… positions per
     * sample; input[p = b·S + s, class c] is at {@code (b·C + c)·S + s}. A 1-D input (C) is one
     * sample. Built by {@link #of}, which checks the shapes as aten does, with aten's messages.
     */
    static final class Layout {
        final int batch;
        final int classes;
        final int positionsPerSample;
        final boolean oneSample;
        final boolean spatial;
        final int[] targetShape;

        private Layout(int batch, int classes, int positionsPerSample, boolean oneSample, boolean spatial,
                       int[] targetShape) {
            this.batch = batch;
            this.classes = classes;
            this.positionsPerSample = positionsPerSample;
            this.oneSample = oneSample;
            this.spatial = spatial;
            this.targetShape = targetShape;
        }

        int positions() {
            return batch * positionsPerSample;
        }

        int index(int position, int c) {
            int b = position / positionsPerSample;
            int s = position % positionsPerSample;
            return (b * classes + c) * positionsPerSample + s;
        }

        /** {@code nll_loss_nd}'s checks, then those of the 1-D/2-D or the spatial kernel. */
        static Layout of(Tensor input, Tensor target, Tensor weight) {
            int[] in = input.shape();
            int[] t = target.shape();
            if (in.length < 1) {
                throw new IllegalArgumentException("Expected 1 or more dimensions (got " + in.length + ")");
            }
            if (in.length != 1 && t.length == 0) {
                throw new IllegalArgumentException("Dimension specified as 0 but tensor has no dimensions");
            }
            if (in.length != 1 && in[0] != t[0]) {
                throw new IllegalArgumentException("Expected input batch_size (" + in[0] + ") to match target "
                        + "batch_size (" + t[0] + ").");
            }
            Layout layout = in.length <= 2 ? flat(in, t, weight) : spatial(in, t, weight);
            if (target.dtype() != DType.INT64) {
                throw new IllegalArgumentException("expected scalar type Long but found "
                        + PyText.scalarType(target.dtype()));
            }
            return layout;
        }

        /** The checks of {@code TORCH_META_FUNC(nll_loss_forward)}. */
        private static Layout flat(int[] in, int[] t, Tensor weight) {
            if (t.length > 1) {
                throw new IllegalArgumentException("0D or 1D target tensor expected, multi-target not supported");
            }
            boolean noBatchDim = in.length == 1 && t.length == 0;
            if (!noBatchDim && in[0] != t[0]) {
                throw new IllegalArgumentException("size mismatch (got input: " + Shape.toString(in) + ", target: "
                        + Shape.toString(t) + ")");
            }
            if (in.length == 1 && t.length == 1) {
                throw new IllegalArgumentException("Expected target to be 0D when input is 1D, but got target.dim ="
                        + t.length);
            }
            int classes = in[in.length - 1];
            if (weight != null && (weight.dim() != 1 || weight.numel() != classes)) {
                throw new IllegalArgumentException("weight tensor should be defined either for all " + classes
                        + " classes or no classes but got weight tensor of shape: " + Shape.toString(weight.shape()));
            }
            boolean oneSample = in.length == 1;
            return new Layout(oneSample ? 1 : in[0], classes, 1, oneSample, false, t);
        }

        /**
         * (N, C, d1, …): {@code nll_loss_nd} requires a target of (N, d1, …) and hands the
         * problem to {@code nll_loss2d}, whose own checks read a 4-D input as (N, C, H, W).
         */
        private static Layout spatial(int[] in, int[] t, Tensor weight) {
            int[] spatialDims = Arrays.copyOfRange(in, 2, in.length);
            if (in.length == 4) {
                if (t.length != 3) {
                    throw new IllegalArgumentException("only batches of spatial targets supported (3D tensors) but "
                            + "got targets of dimension: " + t.length);
                }
            } else {
                int[] expected = new int[spatialDims.length + 1];
                expected[0] = in[0];
                System.arraycopy(spatialDims, 0, expected, 1, spatialDims.length);
                if (!Arrays.equals(Arrays.copyOfRange(t, 1, t.length), spatialDims)) {
                    throw new IllegalArgumentException("Expected target size " + Shape.toString(expected) + ", got "
                            + Shape.toString(t));
                }
            }
            if (weight != null && weight.numel() != in[1]) {
                throw new IllegalArgumentException("weight tensor should be defined either for all or no classes");
            }
            if (in.length == 4 && !Arrays.equals(Arrays.copyOfRange(t, 1, 3), spatialDims)) {
                throw new IllegalArgumentException("size mismatch (got input: " + Shape.toString(in) + " , target: "
                        + Shape.toString(t));
            }
            return new Layout(in[0], in[1], Shape.numel(spatialDims), false, true, t);
        }
    }

    private int classOf(int position) {
        int t = (int) target[position];
        if (t < 0 || t >= layout.classes) {
            throw new IndexOutOfBoundsException("Target " + (long) target[position] + " is out of bounds.");
        }
        return t;
    }

    private double weightOf(int c) {
        return weight == null ? 1 : weight[c];
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        double[] x = inputs[0].data();
        int positions = layout.positions();
        if (reduction == LossReduction.NONE && !layout.oneSample) {
            double[] out = new double[positions];
            for (int p = 0; p < positions; p++) {
                if (target[p] != ignoreIndex) {
                    int t = classOf(p);
                    out[p] = -x[layout.index(p, t)] * weightOf(t);
                }
            }
            return new Tensor(out, layout.targetShape, DType.FLOAT64);
        }
        double loss = 0;
        double kept = 0;
        for (int p = 0; p < positions; p++) {
            if (target[p] == ignoreIndex) {
                continue;
            }
            int t = classOf(p);
            loss -= x[layout.index(p, t)] * weightOf(t);
            kept += weightOf(t);
        }
        totalWeight = kept;
        if (reduction == LossReduction.MEAN) {
            loss /= totalWeight; // every target ignored (or none at all): 0 / 0 = NaN
        }
        return new Tensor(new double[] {loss}, new int[0], DType.FLOAT64);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        double[] g = gradOutput.data();
        double[] dx = new double[ctx.inputs()[0].numel()];
        int positions = layout.positions();
        if (reduction == LossReduction.NONE && !layout.oneSample) {
            for (int p = 0; p < positions; p++) {
                if (target[p] != ignoreIndex) {
                    int t = classOf(p);
                    dx[layout.index(p, t)] = -weightOf(t) * g[p];
                }
            }
        } else {
            double grad = -(reduction == LossReduction.MEAN ? g[0] / totalWeight : g[0]);
            for (int p = 0; p < positions; p++) {
                if (target[p] != ignoreIndex) {
                    int t = classOf(p);
                    dx[layout.index(p, t)] = weight == null ? grad : weight[t] * grad;
                }
            }
        }
        return new Tensor[] {new Tensor(dx, ctx.inputs()[0].shape(), DType.FLOAT64)};
    }
}
