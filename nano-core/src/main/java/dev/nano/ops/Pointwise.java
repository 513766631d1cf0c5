package dev.nano.ops;

import dev.nano.Nano;
import dev.nano.Tensor;

/**
 * The three-operand pointwise ops {@code lerp addcmul addcdiv}, each in PyTorch's order of operations
 * (aten/src/ATen/native/Lerp.h, cpu/PointwiseOpsKernel.cpp) and with its gradients from
 * tools/autograd/derivatives.yaml. A number operand (lerp's weight, addcmul's and addcdiv's value)
 * is a 0-d tensor that does not require grad.
 */
public final class Pointwise {
    private Pointwise() {
    }

    /**
     * {@code torch.lerp(start, end, weight)}: {@code start + weight·(end − start)}; shapes broadcast.
     * @param start the start
     * @param end the end
     * @param weight the weight
     * @return a new tensor of the broadcast shape
     */
    public static Tensor lerp(Tensor start, Tensor end, Tensor weight) {
        return new Lerp().apply(start, end, weight);
    }

    /**
     * {@code torch.lerp} with a number for the weight.
     * @param start the start
     * @param end the end
     * @param weight the weight
     * @return a new tensor of the broadcast shape
     */
    public static Tensor lerp(Tensor start, Tensor end, double weight) {
        return new Lerp().apply(start, end, Nano.scalar(weight));
    }

    /**
     * {@code torch.addcmul(self, tensor1, tensor2, value=v)}: {@code self + v·tensor1·tensor2}; shapes broadcast.
     * @param self the addend
     * @param tensor1 the first factor
     * @param tensor2 the second factor
     * @param value the scale
     * @return a new tensor of the broadcast shape
     */
    public static Tensor addcmul(Tensor self, Tensor tensor1, Tensor tensor2, double value) {
        return new Addcmul(value).apply(self, tensor1, tensor2);
    }

    /**
     * {@code torch.addcdiv(self, tensor1, tensor2, value=v)}: {@code self + v·tensor1 / tensor2}; shapes broadcast.
     * @param self the addend
     * @param tensor1 the numerator
     * @param tensor2 the denominator
     * @param value the scale
     * @return a new tensor of the broadcast shape
     */
    public static Tensor addcdiv(Tensor self, Tensor tensor1, Tensor tensor2, double value) {
        return new Addcdiv(value).apply(self, tensor1, tensor2);
    }

    /**
     * lerp (aten/src/ATen/native/Lerp.h): {@code start + w·(end − start)} for |w| &lt; ½, else
     * {@code end − (end − start)·(1 − w)}, exact at both ends. libtorch's AVX2 and AVX-512 lanes fuse
     * the multiply-add (one rounding instead of two), so their answers can differ from this one, and
     * from libtorch's default dispatch, in the last bit. Gradients: {@code grad·(1 − weight)},
     * {@code grad·weight}, {@code grad·(end − self)}.
     */
    static final class Lerp extends ElementwiseTernary {
        double f(double s, double e, double w) {
            return Math.abs(w) < 0.5 ? s + w * (e - s) : e - (e - s) * (1 - w);
        }

        double grad(int which, double g, double s, double e, double w) {
            return switch (which) {
                case 0 -> g * (1 - w);
                case 1 -> g * w;
                default -> g * (e - s);
            };
        }
    }

    /** {@code self + value·t1·t2}; gradients {@code grad}, {@code grad·(t2·value)}, {@code grad·(t1·value)}. */
    static final class Addcmul extends ElementwiseTernary {
        private final double value;

        Addcmul(double value) {
            this.value = value;
        }

        double f(double s, double t1, double t2) { return s + value * t1 * t2; }

        double grad(int which, double g, double s, double t1, double t2) {
            return switch (which) {
                case 0 -> g;
                case 1 -> g * (t2 * value);
                default -> g * (t1 * value);
            };
        }
    }

    /**
     * {@code self + value·t1 / t2}; gradients {@code grad}, {@code grad·(value / t2)} and
     * {@code −grad·(value·t1 / (t2·t2))}.
     */
    static final class Addcdiv extends ElementwiseTernary {
        private final double value;

        Addcdiv(double value) {
            this.value = value;
        }

        double f(double s, double t1, double t2) { return s + value * t1 / t2; }

        double grad(int which, double g, double s, double t1, double t2) {
            return switch (which) {
                case 0 -> g;
                case 1 -> g * (value / t2);
                default -> -g * (value * t1 / (t2 * t2));
            };
        }
    }
}
