package dev.nano.oracle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import dev.nano.oracle.torch.TorchRunner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
 * <p>A TorchScript archive is a zip: {@code code/__torch__.py} holds the class source,
 * {@code data.pkl} a pickled instance (a module with only its {@code training} flag),
 * {@code constants.pkl} an empty tuple, {@code version} the file format version.
 */
public final class TorchFunctional {
    /** torch.nn._reduction.get_enum. */
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
            "class NnReference(Module):",
            "  __parameters__ = []",
            "  __buffers__ = []",
            "  training : bool",
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
            // Tensor ** float -> aten::pow.Tensor_Scalar (DJL's pow(Number) is pow.Tensor_Tensor, which lacks
            // the special-cased exponents 0.5, -0.5, -1, 2, 3, -2 of pow_tensor_scalar_kernel)
            "  def pow_scalar(self: __torch__.NnReference, input: Tensor, exponent: float) -> Tensor:",
            "    return torch.pow(input, exponent)",
            // x.clamp_min(float) / x.clamp_max(float) -> aten::clamp_min / aten::clamp_max (Scalar overloads)
            "  def clamp_min(self: __torch__.NnReference, input: Tensor, bound: float) -> Tensor:",
            "    return torch.clamp_min(input, bound)",
            "  def clamp_max(self: __torch__.NnReference, input: Tensor, bound: float) -> Tensor:",
            "    return torch.clamp_max(input, bound)",
            // F.gelu -> torch._C._nn.gelu(input, approximate=approximate)
            "  def gelu(self: __torch__.NnReference, input: Tensor, approximate: str) -> Tensor:",
            "    return torch.gelu(input, approximate=approximate)",
            // F.mse_loss (2.7): broadcast_tensors, then torch._C._nn.mse_loss
            "  def mse_loss(self: __torch__.NnReference, input: Tensor, target: Tensor, reduction: int) -> Tensor:",
            "    expanded = torch.broadcast_tensors([input, target])",
            "    return torch.mse_loss(expanded[0], expanded[1], reduction)",
            // F.mse_loss(weight=...) exists in Python only (2.13): written out as functional.py does it
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

    private static PtSymbolBlock module;

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

    public static NDArray linear(NDArray input, NDArray weight, NDArray bias) {
        List<IValue> args = new ArrayList<>();
        args.add(tensor(input));
        args.add(tensor(weight));
        optional(args, bias, input);
        return call("linear", args, input);
    }

    /** Updates {@code runningMean} and {@code runningVar} in place when training, as torch does. */
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

    public static NDArray dropout(NDArray input, double p, boolean training) {
        return call("dropout", new ArrayList<>(List.of(tensor(input), IValue.from(p), IValue.from(training))), input);
    }

    /** {@code approximate} "none" (exact, F.gelu's default) or "tanh"; DJL's JniUtils.gelu has only the first. */
    public static NDArray gelu(NDArray input, String approximate) {
        return call("gelu", new ArrayList<>(List.of(tensor(input), IValue.from(approximate))), input);
    }

    /** {@code input ** exponent} with a float exponent: aten::pow.Tensor_Scalar, PyTorch's own special cases. */
    public static NDArray powScalar(NDArray input, double exponent) {
        return call("pow_scalar", new ArrayList<>(List.of(tensor(input), IValue.from(exponent))), input);
    }

    /** {@code input.clamp_min(bound)}: aten::clamp_min (a NaN bound fills the output with NaN). */
    public static NDArray clampMin(NDArray input, double bound) {
        return call("clamp_min", new ArrayList<>(List.of(tensor(input), IValue.from(bound))), input);
    }

    /** {@code input.clamp_max(bound)}: aten::clamp_max (a NaN bound fills the output with NaN). */
    public static NDArray clampMax(NDArray input, double bound) {
        return call("clamp_max", new ArrayList<>(List.of(tensor(input), IValue.from(bound))), input);
    }

    /** {@code weight} null: PyTorch 2.7's F.mse_loss; otherwise 2.13's weighted form. */
    public static NDArray mseLoss(NDArray input, NDArray target, String reduction, NDArray weight) {
        List<IValue> args = new ArrayList<>(List.of(tensor(input), tensor(target)));
        if (weight != null) {
            args.add(tensor(weight));
        }
        args.add(IValue.from(reductionEnum(reduction)));
        return call(weight == null ? "mse_loss" : "weighted_mse_loss", args, input);
    }

    public static NDArray nllLoss(NDArray input, NDArray target, NDArray weight, long ignoreIndex, String reduction) {
        List<IValue> args = new ArrayList<>(List.of(tensor(input), tensor(target)));
        optional(args, weight, input);
        args.add(IValue.from(reductionEnum(reduction)));
        args.add(IValue.from(ignoreIndex));
        return call("nll_loss", args, input);
    }

    public static NDArray crossEntropy(NDArray input, NDArray target, NDArray weight, long ignoreIndex,
                                       String reduction, double labelSmoothing) {
        List<IValue> args = new ArrayList<>(List.of(tensor(input), tensor(target)));
        optional(args, weight, input);
        args.add(IValue.from(reductionEnum(reduction)));
        args.add(IValue.from(ignoreIndex));
        args.add(IValue.from(labelSmoothing));
        return call("cross_entropy", args, input);
    }

    public static NDArray binaryCrossEntropy(NDArray input, NDArray target, NDArray weight, String reduction) {
        List<IValue> args = new ArrayList<>(List.of(tensor(input), tensor(target)));
        optional(args, weight, input);
        args.add(IValue.from(reductionEnum(reduction)));
        return call("binary_cross_entropy", args, input);
    }

    public static NDArray binaryCrossEntropyWithLogits(NDArray input, NDArray target, NDArray weight,
                                                       String reduction, NDArray posWeight) {
        List<IValue> args = new ArrayList<>(List.of(tensor(input), tensor(target)));
        optional(args, weight, input);
        optional(args, posWeight, input);
        args.add(IValue.from(reductionEnum(reduction)));
        return call("binary_cross_entropy_with_logits", args, input);
    }

    // ------------------------------------------------------------------ plumbing

    private static IValue tensor(NDArray a) {
        return IValue.from((PtNDArray) a);
    }

    /** An optional tensor: the tensor (or an empty placeholder) and whether it is there. */
    private static void optional(List<IValue> args, NDArray a, NDArray input) {
        NDArray t = a != null ? a : input.getManager().zeros(new Shape(0), DataType.FLOAT64);
        args.add(tensor(t));
        args.add(IValue.from(a != null));
    }

    /**
     * Runs one method with autograd on. DJL's public {@code IValueUtils.runMethod} runs methods in
     * inference mode (no graph, so no backward); the native call it wraps takes an
     * "is training" flag, which is reached here by reflection.
     */
    private static NDArray call(String method, List<IValue> args, NDArray input) {
        NDManager manager = input.getManager();
        long[] handles = args.stream().mapToLong(IValue::getHandle).toArray();
        try {
            Object lib = libraryField().get(null);
            long result = (Long) runMethod().invoke(lib, module().getHandle(), method, handles, true, false);
            try (IValue out = newIValue(result)) {
                return out.toTensor((PtNDManager) manager);
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new RuntimeException(cleanMessage(cause.getMessage()), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call DJL's moduleRunMethod", e);
        } finally {
            args.forEach(IValue::close);
        }
    }

    /** The TorchScript interpreter prefixes a traceback; keep the error itself ("RuntimeError: ..."). */
    static String cleanMessage(String message) {
        if (message == null) {
            return null;
        }
        String[] lines = message.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].matches("^[A-Za-z]*Error: .*")) {
                return String.join("\n", java.util.Arrays.copyOfRange(lines, i, lines.length)).strip();
            }
        }
        return message;
    }

    private static java.lang.reflect.Field libraryField() throws ReflectiveOperationException {
        java.lang.reflect.Field f = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary").getDeclaredField("LIB");
        f.setAccessible(true);
        return f;
    }

    private static Method runMethod() throws ReflectiveOperationException {
        Method m = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary").getDeclaredMethod("moduleRunMethod",
                long.class, String.class, long[].class, boolean.class, boolean.class);
        m.setAccessible(true);
        return m;
    }

    private static IValue newIValue(long handle) throws ReflectiveOperationException {
        Constructor<IValue> c = IValue.class.getDeclaredConstructor(long.class);
        c.setAccessible(true);
        return c.newInstance(handle);
    }

    /** The module, built and loaded once per JVM (it lives as long as the base manager). */
    static synchronized PtSymbolBlock module() {
        if (module == null) {
            NDManager base = TorchRunner.baseManager();
            try {
                module = JniUtils.loadModule((PtNDManager) base, new ByteArrayInputStream(archive()), false, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return module;
    }

    /** The TorchScript zip: class source, pickled instance, constants, format version. */
    static byte[] archive() {
        try {
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(zip)) {
                store(z, "nnref/data.pkl", pickledInstance());
                store(z, "nnref/code/__torch__.py", SOURCE.getBytes(StandardCharsets.UTF_8));
                store(z, "nnref/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'}); // PROTO 2, (), STOP
                // Version 10, as torch.jit.save writes for code calling gelu(approximate=...): source
                // loaded with an older version is compiled against the old operator schemas
                // (gelu_0_9 has no approximate). The upgraders between 3 and 10 (div, full,
                // linspace, logspace, gelu) change nothing for the float64 calls above.
                store(z, "nnref/version", "10\n".getBytes(StandardCharsets.US_ASCII));
            }
            return zip.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Pickle protocol 2 of {@code __torch__.NnReference()} with {@code training = True}:
     * GLOBAL, EMPTY_TUPLE, NEWOBJ, then BUILD with the attribute dict.
     */
    private static byte[] pickledInstance() throws IOException {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(new byte[] {(byte) 0x80, 2});                                     // PROTO 2
        p.write(('c' + "__torch__\n" + CLASS + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        p.write(new byte[] {'q', 0, ')', (byte) 0x81, 'q', 1});                    // BINPUT, EMPTY_TUPLE, NEWOBJ
        p.write(new byte[] {'}', 'q', 2, 'X', 8, 0, 0, 0});                        // EMPTY_DICT, BINUNICODE(8)
        p.write("training".getBytes(StandardCharsets.US_ASCII));
        p.write(new byte[] {'q', 3, (byte) 0x88, 's', 'b', '.'});                  // NEWTRUE, SETITEM, BUILD, STOP
        return p.toByteArray();
    }

    /** Zip entries are stored uncompressed, as torch.jit.save writes them. */
    private static void store(ZipOutputStream z, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        z.putNextEntry(e);
        z.write(data);
        z.closeEntry();
    }
}
