package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.DType;
import dev.nano.DefaultGenerator;
import dev.nano.Nano;
import dev.nano.PythonFloat;
import dev.nano.Sampling;
import dev.nano.Shape;
import dev.nano.Tensor;

import java.util.Arrays;
import java.util.Random;

/**
 * The functional forms of the layers and losses, like {@code torch.nn.functional}: each takes
 * every tensor it needs as an argument and keeps no state, so a module is a thin wrapper that
 * owns the parameters and calls one of these.
 *
 * <p>Where PyTorch itself composes smaller operators (linear, dropout, cross entropy's
 * log-softmax and label-smoothing terms, the weighted MSE of PyTorch 2.8's torch/nn/functional.py),
 * so does this, and autograd differentiates the composite exactly as PyTorch's does. Where PyTorch runs one kernel with its
 * own backward formula — batch norm, layer norm, NLL, MSE, the two binary cross entropies — the
 * kernel is a small {@code Function} in this package, written in aten's order of operations and
 * named as PyTorch names its graph node ({@code NllLossBackward0}, …).
 *
 * <p>Argument checks happen in PyTorch's order and fail with PyTorch's words, whether PyTorch
 * checks in Python ({@code F.dropout}'s probability, BCE's sizes) or in C++ (shapes, targets).
 */
public final class F {
    /** {@code ignore_index}'s default: a class index no real target has. */
    public static final int DEFAULT_IGNORE_INDEX = -100;

    private F() {
    }

    // ---------------------------------------------------------------- linear

    /**
     * {@code x @ weight.T}.
     * @param input the input tensor
     * @param weight an (out, in) matrix
     * @return a tensor of shape (…, out)
     */
    public static Tensor linear(Tensor input, Tensor weight) {
        return linear(input, weight, null);
    }

    /**
     * {@code x @ weight.T + bias}: {@code weight} is (out, in), {@code input} is (…, in). PyTorch
     * computes the 2-D case as {@code addmm(bias, x, weight.T)}, which expands the bias to the
     * output first, so a bias that does not fit fails with expand's message there.
     * @param input the input tensor
     * @param weight an (out, in) matrix
     * @param bias an (out) vector, or null
     * @return a tensor of shape (…, out)
     */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        Checks.notNull("linear", "input", input);
        Checks.notNull("linear", "weight", weight);
        if (input.dim() == 0 || weight.dim() == 0) {
            throw new IllegalArgumentException("both arguments to linear need to be at least 1D, but they are "
                    + input.dim() + "D and " + weight.dim() + "D");
        }
        Tensor out = input.matmul(weight.t());
        if (bias == null) {
            return out;
        }
        boolean biasIsARow = out.dim() == 2 && bias.dim() == 1 && bias.size(0) == out.size(1);
        if (input.dim() == 2 && !biasIsARow) {
            return out.add(bias.expand(out.shape())); // fails here, with expand's message
        }
        return out.add(bias); // a bias row broadcasts without being copied out to every row

    }

    // ---------------------------------------------------------------- normalisation

    /**
     * Eval-mode batch norm with running statistics and no affine parameters.
     * @param input the input tensor
     * @param runningMean the per-channel running mean, or null
     * @param runningVar the per-channel running variance, or null
     * @return the normalised input, of its shape
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar) {
        return batchNorm(input, runningMean, runningVar, null, null, false, 0.1, 1e-5);
    }

    /**
     * {@code F.batch_norm}: normalises each channel (dim 1) over every other dim.
     *
     * <p>With {@code training} the statistics are the batch's — mean and <em>biased</em>
     * variance — and, if given, {@code runningMean} and {@code runningVar} are updated in place:
     * {@code running = momentum · batch + (1 − momentum) · running}, with the <em>unbiased</em>
     * variance for {@code runningVar}. Without {@code training} the running statistics are used.
     * Either running tensor may be null in training; weight and bias may be null (1 and 0).
     * @param input the input tensor
     * @param runningMean the per-channel running mean, or null
     * @param runningVar the per-channel running variance, or null
     * @param weight the per-channel scale γ, or null
     * @param bias the per-channel shift β, or null
     * @param training false makes dropout the identity (eval mode)
     * @param momentum the weight of the batch statistic in the running update (PyTorch's default 0.1)
     * @param eps added to the variance before the square root, for stability
     * @return the normalised input, of its shape
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        Checks.notNull("batch_norm", "input", input);
        if (training) {
            verifyBatchSize(input.shape());
            if (!(eps > 0)) { // written so that NaN fails too
                throw new IllegalArgumentException("batch_norm eps must be positive during training, but got "
                        + PythonFloat.repr(eps));
            }
        } else if (!(eps >= 0)) {
            throw new IllegalArgumentException("batch_norm eps must be non-negative, but got "
                    + PythonFloat.repr(eps));
        }
        Checks.notNaN("batch_norm", "momentum", momentum); // a NaN momentum would poison the running statistics
        if (input.numel() == 0) {
            return emptyBatchNorm(input, weight, bias);
        }
        // aten reads the channel count as size(1); below 2 dims it finds none.
        int channels = input.dim() >= 2 ? input.size(1) : 0;
        checkPerChannel("running_mean", runningMean, channels, training);
        checkPerChannel("running_var", runningVar, channels, training);
        checkPerChannel("weight", weight, channels, true);
        checkPerChannel("bias", bias, channels, true);
        input.size(1); // below 2 dims: PyTorch's "Dimension out of range" error
        return new BatchNormFunction(runningMean, runningVar, weight != null, bias != null, training, momentum, eps)
                .apply(present(input, weight, bias));
    }

    /**
     * aten's {@code _batch_norm_impl_index} (aten/src/ATen/native/Normalization.cpp) returns early on an
     * input with no elements, before it reads a channel count or checks the running statistics (so an
     * empty 1-D input, or running statistics of any size, are accepted): {@code input.clone()}, times
     * {@code weight[0]}, plus {@code bias[0]}, which keeps the result connected to the graph. The running
     * statistics are left as they are.
     */
    private static Tensor emptyBatchNorm(Tensor input, Tensor weight, Tensor bias) {
        Tensor out = input.cloneTensor();
        if (weight != null) {
            out = out.mul(weight.select(0, 0)); // an empty weight fails here, as weight[0] does in aten
        }
        if (bias != null) {
            out = out.add(bias.select(0, 0));
        }
        return out;
    }

    /** {@code torch.nn.functional._verify_batch_size}: a channel needs two values to have a variance. */
    static void verifyBatchSize(int[] size) {
        if (size.length == 0) {
            throw new IndexOutOfBoundsException("tuple index out of range");
        }
        long valuesPerChannel = size[0];
        for (int d = 2; d < size.length; d++) {
            valuesPerChannel *= size[d];
        }
        if (valuesPerChannel == 1) {
            throw new IllegalArgumentException("Expected more than 1 value per channel when training, got input size "
                    + PyText.size(size));
        }
    }

    private static void checkPerChannel(String name, Tensor t, int channels, boolean optional) {
        if (t == null) {
            if (!optional) {
                throw new IllegalArgumentException(name + " must be defined in evaluation mode");
            }
            return;
        }
        if (t.numel() != channels) {
            throw new IllegalArgumentException(name + " should contain " + channels + " elements not " + t.numel());
        }
    }

    /**
     * Layer norm over the trailing {@code normalizedShape} dims, without affine parameters, eps 1e-5.
     * @param input the input tensor
     * @param normalizedShape the trailing dims normalised together
     * @return the normalised input, of its shape
     */
    public static Tensor layerNorm(Tensor input, int[] normalizedShape) {
        return layerNorm(input, normalizedShape, null, null, 1e-5);
    }

    /**
     * {@code F.layer_norm}: each row of the trailing {@code normalizedShape} dims becomes
     * {@code (x − mean) / sqrt(var + eps) · weight + bias}, with the biased variance. Weight and
     * bias (of {@code normalizedShape}) may be null.
     * @param input the input tensor
     * @param normalizedShape the trailing dims normalised together
     * @param weight the scale γ, of {@code normalizedShape}, or null
     * @param bias the shift β, of {@code normalizedShape}, or null
     * @param eps added to the variance before the square root, for stability
     * @return the normalised input, of its shape
     */
    public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        Checks.notNull("layer_norm", "input", input);
        Checks.notNull("layer_norm", "normalized_shape", normalizedShape);
        Checks.notNaN("layer_norm", "eps", eps);
        String normalized = Shape.toString(normalizedShape);
        if (normalizedShape.length < 1) {
            throw new IllegalArgumentException("Expected normalized_shape to be at least 1-dimensional, i.e., "
                    + "containing at least one element, but got normalized_shape = " + normalized);
        }
        if (weight != null && !Arrays.equals(weight.shape(), normalizedShape)) {
            throw new IllegalArgumentException("Expected weight to be of same shape as normalized_shape, but got "
                    + "weight of shape " + Shape.toString(weight.shape()) + " and normalized_shape = " + normalized);
        }
        if (bias != null && !Arrays.equals(bias.shape(), normalizedShape)) {
            throw new IllegalArgumentException("Expected bias to be of same shape as normalized_shape, but got "
                    + "bias of shape " + Shape.toString(bias.shape()) + " and normalized_shape = " + normalized);
        }
        int[] shape = input.shape();
        int lead = shape.length - normalizedShape.length;
        if (lead < 0 || !Arrays.equals(Arrays.copyOfRange(shape, lead, shape.length), normalizedShape)) {
            StringBuilder expected = new StringBuilder("[*");
            for (int s : normalizedShape) {
                expected.append(", ").append(s);
            }
            throw new IllegalArgumentException("Given normalized_shape=" + normalized + ", expected input with shape "
                    + expected + "], but got input of size" + Shape.toString(shape));
        }
        int rows = Shape.numel(Arrays.copyOf(shape, lead));
        int rowLength = Shape.numel(normalizedShape);
        return new LayerNormFunction(rows, rowLength, weight != null, bias != null, eps)
                .apply(present(input, weight, bias));
    }

    /** The non-null tensors, in order: the inputs of a Function whose weight or bias may be absent. */
    private static Tensor[] present(Tensor... tensors) {
        return Arrays.stream(tensors).filter(t -> t != null).toArray(Tensor[]::new);
    }

    // ---------------------------------------------------------------- embeddings and attention

    /**
     * {@code F.embedding(input, weight)}: row {@code input[i]} of {@code weight} for every index.
     * @param input int64 indices of any shape, each in [0, num_embeddings)
     * @param weight (num_embeddings, embedding_dim)
     * @return a tensor of shape {@code input.shape + (embedding_dim,)}
     */
    public static Tensor embedding(Tensor input, Tensor weight) {
        return embedding(input, weight, null);
    }

    /**
     * {@code F.embedding(input, weight, padding_idx)}: the rows of {@code weight} at the indices;
     * the row {@code padding_idx} gets no gradient. ({@code max_norm}, which renormalises rows of the
     * weight in place, is not offered.)
     * @param input int64 indices of any shape, each in [0, num_embeddings)
     * @param weight (num_embeddings, embedding_dim)
     * @param paddingIdx the row that gets no gradient (negative counts from the end), or null
     * @return a tensor of shape {@code input.shape + (embedding_dim,)}
     */
    public static Tensor embedding(Tensor input, Tensor weight, Integer paddingIdx) {
        Checks.notNull("embedding", "input", input);
        Checks.notNull("embedding", "weight", weight);
        return EmbeddingFunction.embedding(input, weight, paddingIdx);
    }

    /**
     * {@code F.scaled_dot_product_attention(query, key, value)}: {@code softmax(Q Kᵀ / √E) V}.
     * @param query (…, L, E)
     * @param key (…, S, E)
     * @param value (…, S, Ev)
     * @return (…, L, Ev)
     */
    public static Tensor scaledDotProductAttention(Tensor query, Tensor key, Tensor value) {
        return scaledDotProductAttention(query, key, value, null, 0.0, false, null);
    }

    /**
     * {@code F.scaled_dot_product_attention(query, key, value, attn_mask, dropout_p, is_causal, scale)},
     * dropout drawn from the global generator.
     * @param query (…, L, E)
     * @param key (…, S, E)
     * @param value (…, S, Ev)
     * @param attnMask null, a bool mask (true: attend) or a float mask added to the scores; broadcasts to (…, L, S)
     * @param dropoutP the probability of dropping an attention weight (0 for none)
     * @param isCausal whether query i attends only to keys 0..i (no attn_mask allowed then)
     * @param scale the scores' factor, or null for 1/√E
     * @return (…, L, Ev)
     */
    public static Tensor scaledDotProductAttention(Tensor query, Tensor key, Tensor value, Tensor attnMask,
                                                   double dropoutP, boolean isCausal, Double scale) {
        return scaledDotProductAttention(query, key, value, attnMask, dropoutP, isCausal, scale,
                DefaultGenerator.get());
    }

    /**
     * {@link #scaledDotProductAttention(Tensor, Tensor, Tensor, Tensor, double, boolean, Double)} with the
     * dropout mask drawn from {@code generator}.
     * @param query (…, L, E)
     * @param key (…, S, E)
     * @param value (…, S, Ev)
     * @param attnMask null, a bool mask (true: attend) or a float mask added to the scores; broadcasts to (…, L, S)
     * @param dropoutP the probability of dropping an attention weight (0 for none)
     * @param isCausal whether query i attends only to keys 0..i (no attn_mask allowed then)
     * @param scale the scores' factor, or null for 1/√E
     * @param generator the random source of the dropout mask
     * @return (…, L, Ev)
     */
    public static Tensor scaledDotProductAttention(Tensor query, Tensor key, Tensor value, Tensor attnMask,
                                                   double dropoutP, boolean isCausal, Double scale,
                                                   Random generator) {
        String op = "scaled_dot_product_attention";
        Checks.notNull(op, "query", query);
        Checks.notNull(op, "key", key);
        Checks.notNull(op, "value", value);
        Checks.notNull(op, "generator", generator);
        return Attention.scaledDotProductAttention(query, key, value, attnMask, dropoutP, isCausal, scale, generator);
    }

    /**
     * {@code F.one_hot(tensor)}: as many classes as the largest index plus one.
     * @param tensor int64 class indices, each at least 0
     * @return an int64 tensor of shape {@code tensor.shape + (classes,)}
     */
    public static Tensor oneHot(Tensor tensor) {
        return oneHot(tensor, -1);
    }

    /**
     * {@code F.one_hot(tensor, num_classes)}: a 1 at each index along a new last dim.
     * @param tensor int64 class indices, each in [0, numClasses)
     * @param numClasses the new dim's size, or -1 for the largest index plus one
     * @return an int64 tensor of shape {@code tensor.shape + (numClasses,)}
     */
    public static Tensor oneHot(Tensor tensor, int numClasses) {
        return OneHot.oneHot(Checks.notNull("one_hot", "tensor", tensor), numClasses);
    }

    // ---------------------------------------------------------------- dropout

    /**
     * {@code F.dropout(x, p)}: like PyTorch's functional form, it defaults to training.
     * @param input the input tensor
     * @param p the probability of zeroing an element, in [0, 1]
     * @return a new tensor of the input's shape, drawn from the global generator
     */
    public static Tensor dropout(Tensor input, double p) {
        return dropout(input, p, true, DefaultGenerator.get());
    }

    /**
     * {@code F.dropout(x, p, training)}: zeroes each element with probability {@code p}, scaling the rest by
     * 1/(1 − p).
     * @param input the input tensor
     * @param p the probability of zeroing an element, in [0, 1]
     * @param training false makes dropout the identity (eval mode)
     * @return the input itself when not training, else a new tensor of its shape
     */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        return dropout(input, p, training, DefaultGenerator.get());
    }

    /**
     * Zeroes each element with probability {@code p} and scales the kept ones by
     * {@code 1 / (1 − p)}, so the expected value is unchanged. The mask is drawn from
     * {@code generator}: the same seed gives the same mask.
     *
     * <p>In eval mode, with {@code p = 0} or an empty input, PyTorch returns the input tensor
     * itself, and so does this. With {@code p = 1} it returns {@code x · 0} (so an inf input
     * gives NaN, as in PyTorch) without drawing a mask.
     * @param input the input tensor
     * @param p the probability of zeroing an element, in [0, 1]
     * @param training false makes dropout the identity (eval mode)
     * @param generator the random source of the mask
     * @return a new tensor of the input's shape (or the input itself, as described)
     */
    public static Tensor dropout(Tensor input, double p, boolean training, Random generator) {
        Checks.notNull("dropout", "input", input);
        Checks.notNull("dropout", "generator", generator);
        checkProbability(p);
        if (!training || p == 0 || input.numel() == 0) {
            return input;
        }
        if (p == 1) {
            return input.mul(Nano.scalar(0.0));
        }
        return dropoutWithMask(input, dropoutMask(input.shape(), p, generator), p);
    }

    /**
     * A BOOL mask of {@code shape}: each element kept (true) with probability {@code 1 − p}.
     * @param shape the mask's shape
     * @param p the probability of zeroing an element, in [0, 1]
     * @param generator the random source of the mask
     * @return a bool tensor of {@code shape}
     */
    public static Tensor dropoutMask(int[] shape, double p, Random generator) {
        Checks.notNull("dropout_mask", "shape", shape);
        Checks.notNull("dropout_mask", "generator", generator);
        checkProbability(p);
        double keep = 1 - p;
        boolean[] kept = new boolean[Shape.numel(Shape.checkSizes("dropoutMask", shape))];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = Sampling.bernoulli(generator, keep);
        }
        return Nano.boolTensor(kept, shape);
    }

    /**
     * Dropout with a given mask (BOOL, or 0/1 values; it broadcasts against the input):
     * {@code x · noise} with {@code noise = mask / (1 − p)}, which is how aten builds it
     * ({@code bernoulli_(1 − p)} then {@code div_(1 − p)}). A kept element is therefore
     * {@code x · (1 / (1 − p))}, with {@code 1 / (1 − p)} rounded first: bit for bit not
     * {@code x / (1 − p)}. The gradient is {@code grad · noise}. {@code p = 1} gives {@code x · 0}.
     * @param input the input tensor
     * @param mask the kept positions (true or 1); broadcasts against the input
     * @param p the dropout probability the mask was drawn with
     * @return a new tensor of the broadcast shape
     */
    public static Tensor dropoutWithMask(Tensor input, Tensor mask, double p) {
        Checks.notNull("dropout_with_mask", "input", input);
        Checks.notNull("dropout_with_mask", "mask", mask);
        checkProbability(p);
        if (p == 1) {
            return input.mul(Nano.scalar(0.0));
        }
        double[] m = mask.data();
        double[] noise = new double[m.length];
        double keep = 1 - p;
        for (int i = 0; i < m.length; i++) {
            noise[i] = m[i] / keep;
        }
        return input.mul(new Tensor(noise, mask.shape(), DType.FLOAT64));
    }

    private static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got "
                    + PythonFloat.repr(p));
        }
    }

    // ---------------------------------------------------------------- regression loss

    /**
     * Mean squared error, averaged over every element.
     * @param input the input tensor
     * @param target the targets
     * @return a 0-d tensor
     */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, "mean", null);
    }

    /**
     * {@code F.mse_loss(input, target, reduction=reduction)}: (input − target)², reduced.
     * @param input the input tensor
     * @param target the targets
     * @param reduction "none" (one loss per element), "mean" or "sum"
     * @return a 0-d tensor, or the element-wise losses for "none"
     */
    public static Tensor mseLoss(Tensor input, Tensor target, String reduction) {
        return mseLoss(input, target, reduction, null);
    }

    /**
     * {@code (input − target)²}, reduced. Input and target broadcast (PyTorch warns when their
     * sizes differ; nano does not warn). "mean" divides by the number of elements (an empty
     * input gives NaN); see {@link MseLossFunction}. With a {@code weight} of the input's size — the
     * {@code F.mse_loss(weight=)} of PyTorch 2.8's torch/nn/functional.py, later than the oracle's 2.7.1 — each squared error is multiplied by its weight, and "mean"
     * divides by the sum of the weights.
     * @param input the input tensor
     * @param target the targets
     * @param reduction "none" (one loss per element), "mean" or "sum"
     * @param weight per-element weights of the input's size, or null
     * @return a 0-d tensor, or the element-wise losses for "none"
     */
    public static Tensor mseLoss(Tensor input, Tensor target, String reduction, Tensor weight) {
        Checks.notNull("mse_loss", "input", input);
        Checks.notNull("mse_loss", "target", target);
        if (weight == null) {
            LossReduction r = LossReduction.of(reduction);
            int[] shape = Shape.broadcast(input.shape(), target.shape()); // torch.broadcast_tensors
            return new MseLossFunction(r, Shape.numel(shape)).apply(expanded(input, shape), expanded(target, shape));
        }
        LossReduction r = weightedReduction(reduction);
        Shape.broadcast(input.shape(), target.shape());
        if (!Arrays.equals(weight.shape(), input.shape())) {
            throw new IllegalArgumentException("Weights and input must have the same size.");
        }
        Tensor weighted = input.sub(target).square().mul(weight);
        switch (r) {
            case NONE:
                return weighted;
            case SUM:
                return weighted.sum();
            default:
                return weighted.sum().div(weight.sum());
        }
    }

    /** {@code t} broadcast to {@code shape} (itself if it already has that shape). */
    private static Tensor expanded(Tensor t, int[] shape) {
        return Arrays.equals(t.shape(), shape) ? t : t.expand(shape);
    }

    /** The weighted losses (PyTorch 2.8's torch/nn/functional.py) check the reduction with their own message. */
    private static LossReduction weightedReduction(String reduction) {
        try {
            return LossReduction.of(reduction);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid reduction mode: " + reduction
                    + ". Expected one of 'none', 'mean', 'sum'.", e);
        }
    }

    // ---------------------------------------------------------------- classification losses

    /**
     * NLL with the defaults: no class weights, ignore index -100, "mean".
     * @param input log-probabilities, (C) or (N, C, …)
     * @param target int64 class indices
     * @return a 0-d tensor
     */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return nllLoss(input, target, null, DEFAULT_IGNORE_INDEX, "mean");
    }

    /**
     * {@code F.nll_loss(input, target, reduction=reduction)}: −input[i, target_i], reduced.
     * @param input log-probabilities, (C) or (N, C, …)
     * @param target int64 class indices
     * @param reduction "none" (one loss per element), "mean" or "sum"
     * @return a 0-d tensor, or one loss per sample for "none"
     */
    public static Tensor nllLoss(Tensor input, Tensor target, String reduction) {
        return nllLoss(input, target, null, DEFAULT_IGNORE_INDEX, reduction);
    }

    /**
     * {@code F.nll_loss}: the loss of sample i is {@code −weight[t_i] · input[i, t_i]} (input
     * holds log-probabilities, though nothing checks it). {@code input} is (C), (N, C) or
     * (N, C, d1, …); {@code target} holds INT64 class indices of shape (), (N) or (N, d1, …).
     * Targets equal to {@code ignoreIndex} contribute 0 and are left out of the mean, which
     * divides by the summed weights of the other targets — so when every target is ignored the
     * mean is 0/0 = NaN, as in PyTorch.
     * @param input log-probabilities, (C), (N, C) or (N, C, d1, …)
     * @param target int64 class indices, (), (N) or (N, d1, …)
     * @param weight a (C) vector of class weights, or null
     * @param ignoreIndex a target class whose samples contribute nothing (PyTorch's default is −100)
     * @param reduction "none" (one loss per element), "mean" or "sum"
     * @return a 0-d tensor, or one loss per sample for "none"
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, int ignoreIndex, String reduction) {
        Checks.notNull("nll_loss", "input", input);
        Checks.notNull("nll_loss", "target", target);
        LossReduction r = LossReduction.of(reduction);
        NllLossFunction.Layout layout = NllLossFunction.Layout.of(input, target, weight);
        checkNotDifferentiable(weight, "weight", "nll_loss_forward");
        return new NllLossFunction(layout, target, weight, ignoreIndex, r).apply(input);
    }

    /** PyTorch rejects a gradient-requiring tensor where its kernel has no derivative for it. */
    private static void checkNotDifferentiable(Tensor t, String argument, String function) {
        if (t != null && t.requiresGrad() && Nano.isGradEnabled()) {
            throw new IllegalArgumentException("The function '" + function + "' is not differentiable with respect "
                    + "to argument '" + argument + "'. This input cannot have requires_grad True.");
        }
    }

    /**
     * Cross entropy with the defaults: no class weights, ignore index -100, "mean", no label smoothing.
     * @param input logits, (C) or (N, C, …)
     * @param target int64 class indices, or class probabilities of the input's shape
     * @return a 0-d tensor
     */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, null, DEFAULT_IGNORE_INDEX, "mean", 0.0);
    }

    /**
     * {@code F.cross_entropy(input, target, reduction=reduction)}: log-softmax over the classes then NLL.
     * @param input logits, (C) or (N, C, …)
     * @param target int64 class indices, or class probabilities of the input's shape
     * @param reduction "none" (one loss per element), "mean" or "sum"
     * @return a 0-d tensor, or one loss per sample for "none"
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, String reduction) {
        return crossEntropy(input, target, null, DEFAULT_IGNORE_INDEX, reduction, 0.0);
    }

    /**
     * {@code F.cross_entropy}: log-softmax over the class dim (dim 1, or 0 for a 1-D input)
     * followed by NLL. Which of aten's three paths runs is decided as in
     * {@code cross_entropy_loss_symint}:
     * <ol>
     *   <li>a {@code target} of the input's shape holds class <em>probabilities</em>: the loss is
     *       {@code −Σ_c weight_c · target_c · logp_c}, and "mean" divides by the number of
     *       samples (N·d1·…), not by the weights;</li>
     *   <li>class indices with {@code labelSmoothing > 0}: {@code (1 − ε) · nll + ε/C · smooth},
     *       where {@code smooth = −Σ_c weight_c · logp_c} per sample (0 for ignored targets),
     *       reduced like the NLL term;</li>
     *   <li>class indices otherwise: NLL of the log-softmax. A negative smoothing counts as 0.</li>
     * </ol>
     * Every piece is an operator with its own backward, so the gradient is PyTorch's: the
     * composite is differentiated exactly as autograd differentiates aten's composite.
     * @param input logits, (C), (N, C) or (N, C, d1, …)
     * @param target int64 class indices, or class probabilities of the input's shape
     * @param weight a (C) vector of class weights, or null
     * @param ignoreIndex a target class whose samples contribute nothing (PyTorch's default is −100)
     * @param reduction "none" (one loss per element), "mean" or "sum"
     * @param labelSmoothing in [0, 1]: the share of each target's mass spread evenly over all classes
     * @return a 0-d tensor, or one loss per sample for "none"
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, int ignoreIndex, String reduction,
                                      double labelSmoothing) {
        Checks.notNull("cross_entropy", "input", input);
        Checks.notNull("cross_entropy", "target", target);
        LossReduction r = LossReduction.of(reduction);
        int classDim = input.dim() == 1 ? 0 : 1;
        if (Arrays.equals(input.shape(), target.shape())) {
            if (!target.dtype().isFloatingPoint()) {
                throw new IllegalArgumentException("Expected floating point type for target with class probabilities, "
                        + "got " + PyText.scalarType(target.dtype()));
            }
            if (ignoreIndex >= 0) {
                throw new IllegalArgumentException("ignore_index is not supported for floating point target");
            }
            return crossEntropyWithProbabilities(input, target, weight, r, labelSmoothing, classDim);
        }
        if (labelSmoothing > 0) {
            checkLabelSmoothing(labelSmoothing);
            return crossEntropyWithLabelSmoothing(input, target, weight, ignoreIndex, r, labelSmoothing, classDim);
        }
        return nllLoss(input.logSoftmax(classDim), target, weight, ignoreIndex, reduction);
    }

    private static void checkLabelSmoothing(double labelSmoothing) {
        if (labelSmoothing > 1) {
            throw new IllegalArgumentException("label_smoothing must be between 0.0 and 1.0. Got: "
                    + PyText.cpp(labelSmoothing));
        }
    }

    /** aten's {@code cross_entropy_loss_prob_target}. */
    private static Tensor crossEntropyWithProbabilities(Tensor input, Tensor target, Tensor weight, LossReduction r,
                                                        double labelSmoothing, int classDim) {
        int classes = input.size(classDim);
        if (weight != null && (weight.dim() != 1 || weight.numel() != classes)) {
            throw new IllegalArgumentException("cross_entropy: weight tensor should be defined either for all "
                    + classes + " classes or no classes but got weight tensor of shape: "
                    + Shape.toString(weight.shape()));
        }
        Tensor logp = input.logSoftmax(classDim);
        Tensor t = target;
        if (labelSmoothing > 0) {
            checkLabelSmoothing(labelSmoothing);
            t = target.mul(1 - labelSmoothing).add(labelSmoothing / classes);
        }
        Tensor terms = logp.mul(t);
        if (weight != null) {
            terms = terms.mul(input.dim() > 1 ? weight.reshape(classShape(input.dim(), classDim, classes)) : weight);
        }
        switch (r) {
            case NONE:
                return terms.sum(classDim).neg();
            case SUM:
                return terms.sum().neg();
            default:
                if (input.numel() == 0) {
                    return terms.sum().mul(Double.NaN); // aten: .sum().fill_(NaN)
                }
                return terms.sum().neg().div((double) (input.numel() / classes));
        }
    }

    /** {@code [1, C, 1, ...]}: a per-class vector viewed so it broadcasts along the class dim. */
    private static int[] classShape(int rank, int classDim, int classes) {
        int[] shape = new int[rank];
        Arrays.fill(shape, 1);
        shape[classDim] = classes;
        return shape;
    }

    /** aten's {@code cross_entropy_loss_label_smoothing}. */
    private static Tensor crossEntropyWithLabelSmoothing(Tensor input, Tensor target, Tensor weight, int ignoreIndex,
                                                         LossReduction r, double labelSmoothing, int classDim) {
        Tensor logp = input.logSoftmax(classDim);
        Tensor nll = nllLoss(logp, target, weight, ignoreIndex, r.name().toLowerCase(java.util.Locale.ROOT));
        int classes = logp.size(classDim);
        Tensor smooth = weight != null
                ? logp.mul(weight.reshape(classShape(logp.dim(), classDim, classes))).sum(classDim).neg()
                : logp.sum(classDim).neg();
        Tensor ignored = target.eq((double) ignoreIndex);
        smooth = Nano.where(ignored, 0.0, smooth); // masked_fill_(ignore_mask, 0)
        Tensor ret;
        switch (r) {
            case NONE:
                ret = smooth;
                break;
            case SUM:
                ret = smooth.sum();
                break;
            default:
                ret = smooth.sum().div(keptWeight(target, weight, ignoreIndex));
                break;
        }
        return nll.mul(1 - labelSmoothing).add(ret.mul(labelSmoothing / classes));
    }

    /** The mean's divisor: the summed weights (or the count) of the targets that are not ignored. */
    private static double keptWeight(Tensor target, Tensor weight, int ignoreIndex) {
        double sum = 0;
        for (double t : target.data()) {
            if (t != ignoreIndex) {
                sum += weight == null ? 1 : weight.data()[(int) t];
            }
        }
        return sum;
    }

    /**
     * Binary cross entropy with the defaults: no weight, "mean".
     * @param input probabilities in [0, 1]
     * @param target targets in [0, 1], of the input's shape
     * @return a 0-d tensor
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return binaryCrossEntropy(input, target, null, "mean");
    }

    /**
     * {@code F.binary_cross_entropy(input, target, reduction=reduction)}: −(t·log x + (1 − t)·log(1 − x)).
     * @param input probabilities in [0, 1]
     * @param target targets in [0, 1], of the input's shape
     * @param reduction "none" (one loss per element), "mean" or "sum"
     * @return a 0-d tensor, or the element-wise losses for "none"
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, String reduction) {
        return binaryCrossEntropy(input, target, null, reduction);
    }

    /**
     * {@code F.binary_cross_entropy} of probabilities {@code input} in [0, 1] against targets in
     * [0, 1]: {@code −w·(t·log x + (1 − t)·log(1 − x))}, each log clamped at −100 so that x = 0 or
     * 1 gives a finite loss (100). "mean" divides by the number of elements. The gradient is
     * aten's {@code (x − t) / max((1 − x)·x, 1e-12f)}: see {@link BinaryCrossEntropyFunction}.
     * @param input probabilities in [0, 1]
     * @param target targets in [0, 1], of the input's shape
     * @param weight weights broadcasting against the input, or null
     * @param reduction "none" (one loss per element), "mean" or "sum"
     * @return a 0-d tensor, or the element-wise losses for "none"
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, String reduction) {
        Checks.notNull("binary_cross_entropy", "input", input);
        Checks.notNull("binary_cross_entropy", "target", target);
        LossReduction r = LossReduction.of(reduction);
        if (!Arrays.equals(target.shape(), input.shape())) {
            throw new IllegalArgumentException("Using a target size (" + PyText.size(target.shape())
                    + ") that is different to the input size (" + PyText.size(input.shape()) + ") is deprecated. "
                    + "Please ensure they have the same size.");
        }
        if (weight != null) {
            Shape.broadcast(target.shape(), weight.shape()); // F.binary_cross_entropy's _infer_size
        }
        checkNotDifferentiable(weight, "weight", "binary_cross_entropy");
        return new BinaryCrossEntropyFunction(fitted(weight, input.shape()), r).apply(input, target);
    }

    /**
     * A weight or positive weight expanded to the loss's shape. aten multiplies it in place
     * ({@code loss.mul_(weight)}), so it may broadcast but not grow the loss.
     */
    private static Tensor fitted(Tensor weight, int[] shape) {
        if (weight == null) {
            return null;
        }
        checkFitsInPlace(shape, weight.shape());
        return weight.detach().expand(shape);
    }

    private static void checkFitsInPlace(int[] out, int[] operand) {
        int[] broadcast = Shape.broadcast(out, operand);
        if (!Arrays.equals(broadcast, out)) {
            throw new IllegalArgumentException("output with shape " + Shape.toString(out)
                    + " doesn't match the broadcast shape " + Shape.toString(broadcast));
        }
    }

    /**
     * BCE with logits with the defaults: no weight, "mean", no positive weight.
     * @param input logits, any real values
     * @param target targets in [0, 1], of the input's shape
     * @return a 0-d tensor
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, null, "mean", null);
    }

    /**
     * {@code F.binary_cross_entropy_with_logits(input, target, reduction=reduction)}: BCE of sigmoid(input), stable.
     * @param input logits, any real values
     * @param target targets in [0, 1], of the input's shape
     * @param reduction "none" (one loss per element), "mean" or "sum"
     * @return a 0-d tensor, or the element-wise losses for "none"
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, String reduction) {
        return binaryCrossEntropyWithLogits(input, target, null, reduction, null);
    }

    /**
     * {@code F.binary_cross_entropy_with_logits}: BCE of {@code sigmoid(input)}, computed from the
     * logits so it stays finite for any |x|: {@code (1 − t)·x − log σ(x)·(1 + (pw − 1)·t)},
     * times {@code weight}. {@code posWeight} (broadcasting against the target, e.g. one per
     * class) scales the loss of the positive targets. The target is not range-checked.
     * @param input logits, any real values
     * @param target targets, of the input's shape
     * @param weight weights broadcasting against the loss, or null
     * @param reduction "none" (one loss per element), "mean" or "sum"
     * @param posWeight the weight of positive targets, broadcasting against the target, or null
     * @return a 0-d tensor, or the element-wise losses for "none"
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, String reduction,
                                                      Tensor posWeight) {
        Checks.notNull("binary_cross_entropy_with_logits", "input", input);
        Checks.notNull("binary_cross_entropy_with_logits", "target", target);
        LossReduction r = LossReduction.of(reduction);
        if (!Arrays.equals(target.shape(), input.shape())) {
            throw new IllegalArgumentException("Target size (" + PyText.size(target.shape())
                    + ") must be the same as input size (" + PyText.size(input.shape()) + ")");
        }
        checkNotDifferentiable(weight, "weight", "binary_cross_entropy_with_logits");
        checkNotDifferentiable(posWeight, "pos_weight", "binary_cross_entropy_with_logits");
        Tensor fullPosWeight = fitted(posWeight, input.shape());
        Tensor fullWeight = fitted(weight, input.shape());
        return new BinaryCrossEntropyWithLogitsFunction(fullWeight, fullPosWeight, r).apply(input, target);
    }

    // ---------------------------------------------------------------- unfold, fold, pad, dropout2d

    /**
     * {@code F.unfold(input, kernel_size, dilation, padding, stride)}: see {@link Nano#unfold}.
     * @param input (N, C, H, W), or unbatched (C, H, W)
     * @param kernelSize one value or (kH, kW)
     * @param dilation one value or (dH, dW)
     * @param padding one value or (pH, pW)
     * @param stride one value or (sH, sW)
     * @return (N, C·kH·kW, L), or (C·kH·kW, L)
     */
    public static Tensor unfold(Tensor input, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        return Nano.unfold(input, kernelSize, dilation, padding, stride);
    }

    /**
     * {@code F.fold(input, output_size, kernel_size, dilation, padding, stride)}: see {@link Nano#fold}.
     * @param input (N, C·kH·kW, L), or unbatched (C·kH·kW, L)
     * @param outputSize one value or (H, W)
     * @param kernelSize one value or (kH, kW)
     * @param dilation one value or (dH, dW)
     * @param padding one value or (pH, pW)
     * @param stride one value or (sH, sW)
     * @return (N, C, H, W), or (C, H, W)
     */
    public static Tensor fold(Tensor input, int[] outputSize, int[] kernelSize, int[] dilation, int[] padding,
                              int[] stride) {
        return Nano.fold(input, outputSize, kernelSize, dilation, padding, stride);
    }

    /**
     * {@code F.pad(input, pad, mode)}: see {@link Nano#pad(Tensor, int[], String)}.
     * @param input the input
     * @param pad (before, after) pairs, last dim first
     * @param mode "constant", "reflect", "replicate" or "circular"
     * @return the padded tensor
     */
    public static Tensor pad(Tensor input, int[] pad, String mode) {
        return Nano.pad(input, pad, mode);
    }

    /**
     * {@code F.dropout2d(input, p, training)}: channel-wise dropout, PyTorch's {@code feature_dropout}
     * (aten/src/ATen/native/Dropout.cpp, {@code _dropout_impl}): the noise has shape (N, C, 1, ...),
     * {@code bernoulli_(1 − p)} draws it in that order from {@code generator} (one draw per
     * (sample, channel), as {@link #dropoutMask} draws), it is divided by {@code 1 − p} and the input
     * is multiplied by it. As in PyTorch 2.7.1, a 3-d input is read as (N, C, L) (its warning about
     * that is not repeated here). Eval mode, {@code p = 0} or an empty input return the input itself;
     * {@code p = 1} gives {@code input · 0}.
     * @param input (N, C, H, W), or (N, C, L)
     * @param p the probability of zeroing a channel, in [0, 1]
     * @param training false makes it the identity
     * @param generator the random source of the mask
     * @return a new tensor of the input's shape (or the input itself, as described)
     */
    public static Tensor dropout2d(Tensor input, double p, boolean training, Random generator) {
        Checks.notNull("dropout2d", "input", input);
        Checks.notNull("dropout2d", "generator", generator);
        checkProbability(p);
        if (!training || p == 0 || input.numel() == 0) {
            return input;
        }
        if (p == 1) {
            return input.mul(Nano.scalar(0.0));
        }
        if (input.dim() < 2) { // make_feature_noise's check, reached only when a mask is drawn
            throw new IllegalArgumentException("Feature dropout requires at least 2 dimensions in the input");
        }
        int[] noiseShape = new int[input.dim()];
        java.util.Arrays.fill(noiseShape, 1);
        noiseShape[0] = input.size(0);
        noiseShape[1] = input.size(1);
        return dropoutWithMask(input, dropoutMask(noiseShape, p, generator), p);
    }

    /**
     * {@code F.dropout2d(input, p, training)} drawing from the global generator.
     * @param input (N, C, H, W), or (N, C, L)
     * @param p the probability of zeroing a channel, in [0, 1]
     * @param training false makes it the identity
     * @return see {@link #dropout2d(Tensor, double, boolean, Random)}
     */
    public static Tensor dropout2d(Tensor input, double p, boolean training) {
        return dropout2d(input, p, training, DefaultGenerator.get());
    }
}
