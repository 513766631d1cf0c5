package dev.nano.nn;

import dev.nano.Checks;
import dev.nano.DefaultGenerator;
import dev.nano.Nano;
import dev.nano.Sampling;
import dev.nano.Tensor;

import java.util.Arrays;
import java.util.Random;

/**
 * Parameter initialisation, PyTorch's {@code torch.nn.init}. The generator is always given: layers pass their own
 * or {@link dev.nano.DefaultGenerator#get()}, which {@link Nano#manualSeed(long)} restarts (PyTorch keeps
 * {@code manual_seed} at the top level too, not in {@code torch.nn.init}).
 */
public final class Init {
    private Init() {
    }

    /**
     * Fills {@code tensor} in place with values uniform in [a, b): {@code u·(b − a) + a} with
     * PyTorch's 53-bit {@code u}, as {@code torch.nn.init.uniform_}. Not recorded by autograd.
     * @param tensor the tensor to fill
     * @param a the lower bound
     * @param b the upper bound
     * @param generator the random source
     * @return {@code tensor}
     */
    public static Tensor uniform(Tensor tensor, double a, double b, Random generator) {
        Checks.notNull("uniform_", "tensor", tensor);
        Checks.notNull("uniform_", "generator", generator);
        // libtorch's order of checks; each is written so that NaN fails it.
        if (!(a >= -Double.MAX_VALUE && a <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("uniform_: from is out of bounds for double, got " + a);
        }
        if (!(b >= -Double.MAX_VALUE && b <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("uniform_: to is out of bounds for double, got " + b);
        }
        if (a > b) {
            throw new IllegalArgumentException("uniform_ expects to return a [from, to) range, but found from=" + a
                    + " > to=" + b);
        }
        if (!(b - a <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("uniform_ expects to-from <= std::numeric_limits<double>::max(), but "
                    + "found to=" + b + " and from=" + a + " which result in to-from to exceed the limit");
        }
        if (!tensor.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("uniform_: expected a float64 tensor, got "
                    + tensor.dtype().torchName());
        }
        try (var ignored = Nano.noGrad()) {
            double[] data = tensor.data();
            for (int i = 0; i < data.length; i++) {
                data[i] = Sampling.uniform(generator, a, b);
            }
        }
        return tensor;
    }

    /**
     * Fills {@code tensor} in place with normal values, {@code torch.nn.init.normal_}: PyTorch's
     * {@code normal_} kernel, so 16 or more elements take its block-of-16 Box–Muller path and fewer
     * take one cached-pair draw each. Not recorded by autograd.
     * @param tensor the tensor to fill (contiguous)
     * @param mean the mean
     * @param std the standard deviation, at least 0
     * @param generator the random source
     * @return {@code tensor}
     */
    public static Tensor normal(Tensor tensor, double mean, double std, Random generator) {
        Checks.notNull("normal_", "tensor", tensor);
        Checks.notNull("normal_", "generator", generator);
        if (!(std >= 0.0)) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + PyText.cpp(std));
        }
        try (var ignored = Nano.noGrad()) {
            Sampling.normalFill(tensor.data(), mean, std, generator);
        }
        return tensor;
    }

    /**
     * {@code torch.nn.init.uniform_(tensor, a, b)} from the global generator.
     * @param tensor the tensor to fill
     * @param a the lower bound
     * @param b the upper bound
     * @return {@code tensor}
     */
    public static Tensor uniform(Tensor tensor, double a, double b) {
        return uniform(tensor, a, b, DefaultGenerator.get());
    }

    /**
     * {@code torch.nn.init.normal_(tensor, mean, std)} from the global generator.
     * @param tensor the tensor to fill
     * @param mean the mean
     * @param std the standard deviation
     * @return {@code tensor}
     */
    public static Tensor normal(Tensor tensor, double mean, double std) {
        return normal(tensor, mean, std, DefaultGenerator.get());
    }

    /**
     * {@code torch.nn.init.constant_(tensor, val)}: every element set to {@code val}. Draws nothing.
     * @param tensor the tensor to fill
     * @param val the value
     * @return {@code tensor}
     */
    public static Tensor constant(Tensor tensor, double val) {
        Checks.notNull("constant_", "tensor", tensor);
        try (var ignored = Nano.noGrad()) {
            Arrays.fill(tensor.data(), val);
        }
        return tensor;
    }

    /**
     * {@code torch.nn.init.zeros_(tensor)}.
     * @param tensor the tensor to fill
     * @return {@code tensor}
     */
    public static Tensor zeros(Tensor tensor) {
        return constant(tensor, 0.0);
    }

    /**
     * {@code torch.nn.init.ones_(tensor)}.
     * @param tensor the tensor to fill
     * @return {@code tensor}
     */
    public static Tensor ones(Tensor tensor) {
        return constant(tensor, 1.0);
    }

    /**
     * {@code torch.nn.init.eye_(tensor)}: the identity in a 2-D tensor (ones on the main diagonal of a
     * rectangle too), zeros elsewhere.
     * @param tensor a 2-D tensor
     * @return {@code tensor}
     * @throws IllegalArgumentException for any other number of dims, with PyTorch's message
     */
    public static Tensor eye(Tensor tensor) {
        Checks.notNull("eye_", "tensor", tensor);
        if (tensor.dim() != 2) {
            throw new IllegalArgumentException("Only tensors with 2 dimensions are supported");
        }
        int rows = tensor.size(0);
        int cols = tensor.size(1);
        try (var ignored = Nano.noGrad()) {
            double[] data = tensor.data();
            Arrays.fill(data, 0.0);
            for (int i = 0; i < Math.min(rows, cols); i++) {
                data[i * cols + i] = 1.0;
            }
        }
        return tensor;
    }

    /**
     * {@code torch.nn.init.calculate_gain(nonlinearity, param)}: the recommended gain for a
     * nonlinearity (1 for linear, conv and sigmoid; 5/3 for tanh; √2 for relu;
     * √(2 / (1 + slope²)) for leaky_relu, slope {@code param} or 0.01; 3/4 for selu).
     * @param nonlinearity the nonlinearity's functional name, e.g. "relu"
     * @param param leaky_relu's negative slope, or null for its default
     * @return the gain
     * @throws IllegalArgumentException for an unknown nonlinearity, with PyTorch's message
     */
    public static double calculateGain(String nonlinearity, Double param) {
        Checks.notNull("calculate_gain", "nonlinearity", nonlinearity);
        switch (nonlinearity) {
            case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d",
                 "sigmoid":
                return 1;
            case "tanh":
                return 5.0 / 3;
            case "relu":
                return Math.sqrt(2.0);
            case "leaky_relu":
                double slope = param == null ? 0.01 : param;
                return Math.sqrt(2.0 / (1 + slope * slope));
            case "selu":
                return 3.0 / 4;
            default:
                throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity);
        }
    }

    /**
     * {@code calculate_gain(nonlinearity)} with no parameter.
     * @param nonlinearity the nonlinearity's functional name
     * @return the gain
     */
    public static double calculateGain(String nonlinearity) {
        return calculateGain(nonlinearity, null);
    }

    /**
     * PyTorch's {@code _calculate_fan_in_and_fan_out}: dim 1 (input feature maps) and dim 0 (output
     * feature maps), each times the receptive field (the product of the dims after the second).
     * @param tensor a tensor of at least 2 dims
     * @return {fan_in, fan_out}
     * @throws IllegalArgumentException for fewer than 2 dims, with PyTorch's message
     */
    public static int[] fanInAndFanOut(Tensor tensor) {
        Checks.notNull("_calculate_fan_in_and_fan_out", "tensor", tensor);
        if (tensor.dim() < 2) {
            throw new IllegalArgumentException(
                    "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
        }
        int receptiveField = 1;
        for (int d = 2; d < tensor.dim(); d++) {
            receptiveField *= tensor.size(d);
        }
        return new int[] {tensor.size(1) * receptiveField, tensor.size(0) * receptiveField};
    }

    private static int correctFan(Tensor tensor, String mode) {
        Checks.notNull("kaiming", "mode", mode);
        String lower = mode.toLowerCase(java.util.Locale.ROOT);
        if (!lower.equals("fan_in") && !lower.equals("fan_out")) {
            throw new IllegalArgumentException("Mode " + lower + " not supported, please use one of ['fan_in', "
                    + "'fan_out']");
        }
        int[] fans = fanInAndFanOut(tensor);
        return lower.equals("fan_in") ? fans[0] : fans[1];
    }

    /**
     * {@code torch.nn.init.kaiming_uniform_(tensor, a, mode, nonlinearity, generator)}: uniform in
     * [−bound, bound) with {@code bound = √3 · gain / √fan}, computed in PyTorch's order. A tensor
     * with no elements is left alone and draws nothing (PyTorch warns and returns).
     * @param tensor the tensor to fill (at least 2-D)
     * @param a the negative slope for leaky_relu
     * @param mode "fan_in" or "fan_out"
     * @param nonlinearity the nonlinearity's functional name
     * @param generator the random source
     * @return {@code tensor}
     */
    public static Tensor kaimingUniform(Tensor tensor, double a, String mode, String nonlinearity,
                                        Random generator) {
        Checks.notNull("kaiming_uniform_", "tensor", tensor);
        if (tensor.numel() == 0) {
            return tensor;
        }
        double std = calculateGain(nonlinearity, a) / Math.sqrt(correctFan(tensor, mode));
        double bound = Math.sqrt(3.0) * std;
        return uniform(tensor, -bound, bound, generator);
    }

    /**
     * {@code kaiming_uniform_(tensor)}: a = 0, fan_in, leaky_relu, the global generator.
     * @param tensor the tensor to fill
     * @return {@code tensor}
     */
    public static Tensor kaimingUniform(Tensor tensor) {
        return kaimingUniform(tensor, 0, "fan_in", "leaky_relu", DefaultGenerator.get());
    }

    /**
     * {@code torch.nn.init.kaiming_normal_(tensor, a, mode, nonlinearity, generator)}: normal with mean 0
     * and {@code std = gain / √fan}.
     * @param tensor the tensor to fill (at least 2-D)
     * @param a the negative slope for leaky_relu
     * @param mode "fan_in" or "fan_out"
     * @param nonlinearity the nonlinearity's functional name
     * @param generator the random source
     * @return {@code tensor}
     */
    public static Tensor kaimingNormal(Tensor tensor, double a, String mode, String nonlinearity,
                                       Random generator) {
        Checks.notNull("kaiming_normal_", "tensor", tensor);
        if (tensor.numel() == 0) {
            return tensor;
        }
        double std = calculateGain(nonlinearity, a) / Math.sqrt(correctFan(tensor, mode));
        return normal(tensor, 0, std, generator);
    }

    /**
     * {@code torch.nn.init.xavier_uniform_(tensor, gain, generator)}: uniform in [−a, a) with
     * {@code a = √3 · gain · √(2 / (fan_in + fan_out))}.
     * @param tensor the tensor to fill (at least 2-D)
     * @param gain the scaling factor
     * @param generator the random source
     * @return {@code tensor}
     */
    public static Tensor xavierUniform(Tensor tensor, double gain, Random generator) {
        int[] fans = fanInAndFanOut(tensor);
        double std = gain * Math.sqrt(2.0 / (double) (fans[0] + fans[1]));
        double a = Math.sqrt(3.0) * std;
        return uniform(tensor, -a, a, generator);
    }

    /**
     * {@code torch.nn.init.xavier_normal_(tensor, gain, generator)}: normal with mean 0 and
     * {@code std = gain · √(2 / (fan_in + fan_out))}.
     * @param tensor the tensor to fill (at least 2-D)
     * @param gain the scaling factor
     * @param generator the random source
     * @return {@code tensor}
     */
    public static Tensor xavierNormal(Tensor tensor, double gain, Random generator) {
        int[] fans = fanInAndFanOut(tensor);
        double std = gain * Math.sqrt(2.0 / (double) (fans[0] + fans[1]));
        return normal(tensor, 0.0, std, generator);
    }

    // ---------------------------------------------------------------- trunc_normal_

    private static final System.Logger LOG = System.getLogger(Init.class.getName());

    /**
     * {@code torch.nn.init.trunc_normal_(tensor, mean, std, a, b, generator)}: normal values redrawn
     * into [a, b] by PyTorch's method (torch/nn/init.py, {@code _no_grad_trunc_normal_}): uniform values
     * between the normal CDF at a and at b, mapped back through the inverse CDF
     * ({@code erfinv(2u − 1)·std·√2 + mean}), then clamped to [a, b]. The draws are {@code uniform_}'s,
     * so after the same seed the values are PyTorch's. Warns, as PyTorch does, when the mean is more
     * than 2 std outside [a, b]. Not recorded by autograd.
     * @param tensor the tensor to fill
     * @param mean the mean of the normal distribution
     * @param std its standard deviation (not 0: PyTorch divides by it)
     * @param a the lower cut-off
     * @param b the upper cut-off
     * @param generator the random source
     * @return {@code tensor}
     */
    public static Tensor truncNormal(Tensor tensor, double mean, double std, double a, double b, Random generator) {
        Checks.notNull("trunc_normal_", "tensor", tensor);
        Checks.notNull("trunc_normal_", "generator", generator);
        if (mean < a - 2 * std || mean > b + 2 * std) {
            LOG.log(System.Logger.Level.WARNING, "mean is more than 2 std from [a, b] in nn.init.trunc_normal_. "
                    + "The distribution of values may be incorrect.");
        }
        if (std == 0.0) { // Python: ZeroDivisionError, from (a - mean) / std
            throw new IllegalArgumentException("trunc_normal_: std is 0.0: float division by zero");
        }
        double l = normCdf((a - mean) / std);
        double u = normCdf((b - mean) / std);
        uniform(tensor, 2 * l - 1, 2 * u - 1, generator); // checks the range (a > b, a negative std) first
        double scale = std * Math.sqrt(2.0);
        double[] data = tensor.data();
        Erfinv.inPlace(data);
        for (int i = 0; i < data.length; i++) {
            double v = data[i] * scale + mean;          // mul_ then add_: one rounding each, as libtorch's two kernels
            data[i] = Math.min(Math.max(v, a), b);      // clamp_(min=a, max=b); NaN stays NaN
        }
        return tensor;
    }

    /**
     * {@code trunc_normal_} with PyTorch's defaults: mean 0, std 1, cut at [−2, 2], the global generator.
     * @param tensor the tensor to fill
     * @return {@code tensor}
     */
    public static Tensor truncNormal(Tensor tensor) {
        return truncNormal(tensor, 0.0, 1.0, -2.0, 2.0, DefaultGenerator.get());
    }

    /** The normal CDF as torch/nn/init.py writes it: {@code (1 + math.erf(x / math.sqrt(2))) / 2}, C's erf. */
    private static double normCdf(double x) {
        try (var ignored = Nano.noGrad()) {
            return (1.0 + Nano.erf(Nano.scalar(x / Math.sqrt(2.0))).item()) / 2.0;
        }
    }
}
