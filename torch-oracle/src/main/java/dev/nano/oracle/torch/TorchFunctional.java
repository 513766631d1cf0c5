package dev.nano.oracle.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.IValue;

import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch's own {@code torch.nn.functional} kernels, called from Java.
 *
 * <p>DJL exposes {@code batch_norm}, {@code layer_norm} and {@code dropout} but none of the loss
 * kernels ({@code nll_loss_nd}, {@code cross_entropy_loss}, {@code binary_cross_entropy}, …).
 * Composing them from smaller torch ops would test nano against a re-implementation, not
 * against PyTorch: BCE's clamped gradient, NLL's divisor, the label-smoothing path and every
 * C++ error message would be ours. So this class writes a tiny TorchScript module by hand — one
 * method per kernel, each a single call of the {@code aten} operator that the Python function
 * in {@code torch/nn/functional.py} ends in — and loads it into libtorch. TorchScript compiles
 * {@code torch.nll_loss_nd(...)} to the same {@code aten::nll_loss_nd} that
 * {@code F.nll_loss} calls, with the same autograd formulas and the same errors.
 *
 * <p>What the Python wrappers do before the kernel is written out in the method (F.mse_loss's
 * {@code broadcast_tensors}, F.binary_cross_entropy's weight {@code expand}, the weighted MSE
 * that only exists in Python); their Python-side {@code ValueError}s (size checks, an invalid
 * reduction string, a dropout probability outside [0, 1]) cannot be reached from libtorch and
 * are tested in nano-core instead.
 *
 * <p>The module is loaded through {@link TorchScript}, the bridge that also reaches the catalogue's
 * one-line kernels ({@link AtenKernel}).
 */
public final class TorchFunctional {
    /**
     * torch.nn._reduction.get_enum.
     * @param reduction "none", "mean" or "sum"
     * @return 0, 1 or 2, the enum aten's loss kernels take
     */
    public static long reductionEnum(String reduction) {
        return switch (reduction) {
            case "none" -> 0;
            case "mean" -> 1;
            case "sum" -> 2;
            default -> throw new IllegalArgumentException(reduction + " is not a valid value for reduction");
        };
    }

    private static final String CLASS = "NnReference";

    /** One method per kernel. An optional tensor travels as (tensor, has_it) since DJL cannot pass None. */
    private static final String SOURCE = String.join("\n",
            "  def forward(self: __torch__.NnReference, x: Tensor) -> Tensor:",
            "    return x",
            // F.linear -> torch._C._nn.linear
            "  def linear(self: __torch__.NnReference, input: Tensor, weight: Tensor, bias: Tensor, has_bias: bool)"
                    + " -> Tensor:",
            optional("b", "bias", "has_bias"),
            "    return torch.linear(input, weight, b)",
            // F.batch_norm -> torch.batch_norm(input, weight, bias, running_mean, running_var, training,
            //                                  momentum, eps, torch.backends.cudnn.enabled)
            "  def batch_norm(self: __torch__.NnReference, input: Tensor, running_mean: Tensor, has_running_mean: bool,"
                    + " running_var: Tensor, has_running_var: bool, weight: Tensor, has_weight: bool, bias: Tensor,"
                    + " has_bias: bool, training: bool, momentum: float, eps: float) -> Tensor:",
            optional("rm", "running_mean", "has_running_mean"),
            optional("rv", "running_var", "has_running_var"),
            optional("w", "weight", "has_weight"),
            optional("b", "bias", "has_bias"),
            "    return torch.batch_norm(input, w, b, rm, rv, training, momentum, eps, True)",
            // F.layer_norm -> torch.layer_norm(input, normalized_shape, weight, bias, eps, cudnn_enabled)
            "  def layer_norm(self: __torch__.NnReference, input: Tensor, normalized_shape: List[int], weight: Tensor,"
                    + " has_weight: bool, bias: Tensor, has_bias: bool, eps: float) -> Tensor:",
            optional("w", "weight", "has_weight"),
            optional("b", "bias", "has_bias"),
            "    return torch.layer_norm(input, normalized_shape, w, b, eps, True)",
            // F.dropout -> _VF.dropout
            "  def dropout(self: __torch__.NnReference, input: Tensor, p: float, train: bool) -> Tensor:",
            "    return torch.dropout(input, p, train)",
            // F.gelu -> torch._C._nn.gelu(input, approximate=approximate)
            "  def gelu(self: __torch__.NnReference, input: Tensor, approximate: str) -> Tensor:",
            "    return torch.gelu(input, approximate=approximate)",
            // F.mse_loss (2.7): broadcast_tensors, then torch._C._nn.mse_loss
            "  def mse_loss(self: __torch__.NnReference, input: Tensor, target: Tensor, reduction: int) -> Tensor:",
            "    expanded = torch.broadcast_tensors([input, target])",
            "    return torch.mse_loss(expanded[0], expanded[1], reduction)",
            // No PyTorch kernel (and no F.mse_loss of libtorch 2.7.1) takes a weight: written out, squared errors
            // times weight, then the reduction
            "  def weighted_mse_loss(self: __torch__.NnReference, input: Tensor, target: Tensor, weight: Tensor,"
                    + " reduction: int) -> Tensor:",
            "    expanded = torch.broadcast_tensors([input, target])",
            "    squared_errors = torch.pow(torch.sub(expanded[0], expanded[1]), 2)",
            "    weighted_squared_errors = torch.mul(squared_errors, weight)",
            "    if reduction == 0:",
            "      result = weighted_squared_errors",
            "    elif reduction == 2:",
            "      result = torch.sum(weighted_squared_errors)",
            "    else:",
            "      result = torch.div(torch.sum(weighted_squared_errors), torch.sum(weight))",
            "    return result",
            // F.nll_loss -> torch._C._nn.nll_loss_nd
            "  def nll_loss(self: __torch__.NnReference, input: Tensor, target: Tensor, weight: Tensor,"
                    + " has_weight: bool, reduction: int, ignore_index: int) -> Tensor:",
            optional("w", "weight", "has_weight"),
            "    return torch.nll_loss_nd(input, target, w, reduction, ignore_index)",
            // F.cross_entropy -> torch._C._nn.cross_entropy_loss
            "  def cross_entropy(self: __torch__.NnReference, input: Tensor, target: Tensor, weight: Tensor,"
                    + " has_weight: bool, reduction: int, ignore_index: int, label_smoothing: float) -> Tensor:",
            optional("w", "weight", "has_weight"),
            "    return torch.cross_entropy_loss(input, target, w, reduction, ignore_index, label_smoothing)",
            // F.binary_cross_entropy: weight.expand(_infer_size(target.size(), weight.size())), then the kernel
            "  def binary_cross_entropy(self: __torch__.NnReference, input: Tensor, target: Tensor, weight: Tensor,"
                    + " has_weight: bool, reduction: int) -> Tensor:",
            "    w = annotate(Optional[Tensor], None)",
            "    if has_weight:",
            "      w = torch.broadcast_tensors([target, weight])[1]",
            "    else:",
            "      pass",
            "    return torch.binary_cross_entropy(input, target, w, reduction)",
            // F.binary_cross_entropy_with_logits -> torch.binary_cross_entropy_with_logits
            "  def binary_cross_entropy_with_logits(self: __torch__.NnReference, input: Tensor, target: Tensor,"
                    + " weight: Tensor, has_weight: bool, pos_weight: Tensor, has_pos_weight: bool, reduction: int)"
                    + " -> Tensor:",
            optional("w", "weight", "has_weight"),
            optional("pw", "pos_weight", "has_pos_weight"),
            "    return torch.binary_cross_entropy_with_logits(input, target, w, pw, reduction)",
            "");

    private TorchFunctional() {
    }

    private static String optional(String local, String tensor, String flag) {
        return String.join("\n",
                "    " + local + " = annotate(Optional[Tensor], None)",
                "    if " + flag + ":",
                "      " + local + " = " + tensor,
                "    else:",
                "      pass");
    }

    // ------------------------------------------------------------------ the functions

    /**
     * {@code F.linear(input, weight, bias)} by aten's kernel.
     * @param input the input
     * @param weight the weights, or null
     * @param bias the bias, or null
     * @return the output
     */
    public static NDArray linear(NDArray input, NDArray weight, NDArray bias) {
        List<IValue> args = new ArrayList<>();
        args.add(tensor(input));
        args.add(tensor(weight));
        optional(args, bias, input);
        return call("linear", args, input);
    }

    /**
     * Updates {@code runningMean} and {@code runningVar} in place when training, as torch does.
     * @param input the input
     * @param runningMean the running mean, or null
     * @param runningVar the running variance, or null
     * @param weight the weights, or null
     * @param bias the bias, or null
     * @param training whether batch statistics are used (and the running ones updated)
     * @param momentum the running update weight
     * @param eps added to the variance for stability
     * @return the output
     */
    public static NDArray batchNorm(NDArray input, NDArray runningMean, NDArray runningVar, NDArray weight,
                                    NDArray bias, boolean training, double momentum, double eps) {
        List<IValue> args = new ArrayList<>();
        args.add(tensor(input));
        optional(args, runningMean, input);
        optional(args, runningVar, input);
        optional(args, weight, input);
        optional(args, bias, input);
        args.add(IValue.from(training));
        args.add(IValue.from(momentum));
        args.add(IValue.from(eps));
        return call("batch_norm", args, input);
    }

    /**
     * {@code F.layer_norm} by aten's kernel.
     * @param input the input
     * @param normalizedShape the trailing dims normalised together
     * @param weight the weights, or null
     * @param bias the bias, or null
     * @param eps added to the variance for stability
     * @return the output
     */
    public static NDArray layerNorm(NDArray input, int[] normalizedShape, NDArray weight, NDArray bias, double eps) {
        List<IValue> args = new ArrayList<>();
        args.add(tensor(input));
        long[] shape = new long[normalizedShape.length];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = normalizedShape[i];
        }
        args.add(IValue.listFrom(shape));
        optional(args, weight, input);
        optional(args, bias, input);
        args.add(IValue.from(eps));
        return call("layer_norm", args, input);
    }

    /**
     * {@code F.dropout(input, p, training)} by aten's kernel (its mask is libtorch's own random draw).
     * @param input the input
     * @param p the zeroing probability
     * @param training whether to drop at all
     * @return the output
     */
    public static NDArray dropout(NDArray input, double p, boolean training) {
        return call("dropout", new ArrayList<>(List.of(tensor(input), IValue.from(p), IValue.from(training))), input);
    }

    /**
     * {@code approximate} "none" (exact, F.gelu's default) or "tanh"; DJL's JniUtils.gelu has only the first.
     * @param input the input
     * @param approximate "none" or "tanh"
     * @return the output
     */
    public static NDArray gelu(NDArray input, String approximate) {
        return call("gelu", new ArrayList<>(List.of(tensor(input), IValue.from(approximate))), input);
    }

    /**
     * {@code weight} null: PyTorch 2.7.1's F.mse_loss; otherwise the weighted form written out (no kernel takes
     * a weight): squared errors times weight, then the reduction.
     * @param input the input
     * @param target the targets
     * @param reduction "none", "mean" or "sum"
     * @param weight the weights, or null
     * @return the loss
     */
    public static NDArray mseLoss(NDArray input, NDArray target, String reduction, NDArray weight) {
        List<IValue> args = new ArrayList<>(List.of(tensor(input), tensor(target)));
        if (weight != null) {
            args.add(tensor(weight));
        }
        args.add(IValue.from(reductionEnum(reduction)));
        return call(weight == null ? "mse_loss" : "weighted_mse_loss", args, input);
    }

    /**
     * {@code F.nll_loss} by aten's kernel.
     * @param input the input
     * @param target the targets
     * @param weight the weights, or null
     * @param ignoreIndex the ignored target class
     * @param reduction "none", "mean" or "sum"
     * @return the loss
     */
    public static NDArray nllLoss(NDArray input, NDArray target, NDArray weight, long ignoreIndex, String reduction) {
        List<IValue> args = new ArrayList<>(List.of(tensor(input), tensor(target)));
        optional(args, weight, input);
        args.add(IValue.from(reductionEnum(reduction)));
        args.add(IValue.from(ignoreIndex));
        return call("nll_loss", args, input);
    }

    /**
     * {@code F.cross_entropy} by aten's kernel.
     * @param input the input
     * @param target the targets
     * @param weight the weights, or null
     * @param ignoreIndex the ignored target class
     * @param reduction "none", "mean" or "sum"
     * @param labelSmoothing the smoothing share, in [0, 1]
     * @return the loss
     */
    public static NDArray crossEntropy(NDArray input, NDArray target, NDArray weight, long ignoreIndex,
                                       String reduction, double labelSmoothing) {
        List<IValue> args = new ArrayList<>(List.of(tensor(input), tensor(target)));
        optional(args, weight, input);
        args.add(IValue.from(reductionEnum(reduction)));
        args.add(IValue.from(ignoreIndex));
        args.add(IValue.from(labelSmoothing));
        return call("cross_entropy", args, input);
    }

    /**
     * {@code F.binary_cross_entropy} by aten's kernel.
     * @param input the input
     * @param target the targets
     * @param weight the weights, or null
     * @param reduction "none", "mean" or "sum"
     * @return the loss
     */
    public static NDArray binaryCrossEntropy(NDArray input, NDArray target, NDArray weight, String reduction) {
        List<IValue> args = new ArrayList<>(List.of(tensor(input), tensor(target)));
        optional(args, weight, input);
        args.add(IValue.from(reductionEnum(reduction)));
        return call("binary_cross_entropy", args, input);
    }

    /**
     * {@code F.binary_cross_entropy_with_logits} by aten's kernel.
     * @param input the input
     * @param target the targets
     * @param weight the weights, or null
     * @param reduction "none", "mean" or "sum"
     * @param posWeight the positive targets' weight, or null
     * @return the loss
     */
    public static NDArray binaryCrossEntropyWithLogits(NDArray input, NDArray target, NDArray weight,
                                                       String reduction, NDArray posWeight) {
        List<IValue> args = new ArrayList<>(List.of(tensor(input), tensor(target)));
        optional(args, weight, input);
        optional(args, posWeight, input);
        args.add(IValue.from(reductionEnum(reduction)));
        return call("binary_cross_entropy_with_logits", args, input);
    }

    // ------------------------------------------------------------------ plumbing

    private static final TorchScript MODULE = TorchScript.of(CLASS, SOURCE);

    private static IValue tensor(NDArray a) {
        return TorchScript.tensor(a);
    }

    /** An optional tensor: the tensor (or an empty placeholder) and whether it is there. */
    private static void optional(List<IValue> args, NDArray a, NDArray input) {
        NDArray t = a != null ? a : input.getManager().zeros(new Shape(0), DataType.FLOAT64);
        args.add(tensor(t));
        args.add(IValue.from(a != null));
    }

    private static NDArray call(String method, List<IValue> args, NDArray input) {
        return MODULE.call(method, input.getManager(), args);
    }
}
