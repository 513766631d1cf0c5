package dev.nano.ops;

import dev.nano.Checks;
import dev.nano.DType;
import dev.nano.Nano;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Function;
import dev.nano.autograd.GradMode;

import java.util.Arrays;

/**
 * PyTorch's in-place forms {@code add_ mul_ copy_ fill_ zero_}: the result goes into the tensor's
 * own storage instead of a new array, which is the whole point — for a million elements, the
 * out-of-place {@code add} spends as long allocating and zeroing its 8 MB result as adding.
 *
 * <p>Every write follows PyTorch's rules (torch/csrc/autograd/VariableTypeUtils.h,
 * {@code check_inplace}): the tensor's version counter moves on, so a graph node that saved it
 * refuses to run backward on the new values; a leaf that requires grad may be written only with grad
 * mode off; the other operand must broadcast to the written tensor's shape, never grow it. When
 * nothing needs recording (grad mode off, or no input requires grad) the op loops over the storage
 * directly; otherwise it goes through {@link Function#applyInPlace}, which records the op as
 * PyTorch does and makes the written tensor the output of the new node.
 */
public final class InPlace {
    private InPlace() {
    }

    /**
     * {@code self.add_(other)}: {@code self += other}.
     * @param self the tensor written
     * @param other broadcasts to {@code self}'s shape
     * @return {@code self}
     */
    public static Tensor add(Tensor self, Tensor other) {
        return binary("add_", self, other, false, new Arithmetic.Add());
    }

    /**
     * {@code self.add_(other, alpha=alpha)}: {@code self += alpha · other}, the product rounded first.
     * @param self the tensor written
     * @param other broadcasts to {@code self}'s shape
     * @param alpha the multiplier of {@code other}
     * @return {@code self}
     */
    public static Tensor add(Tensor self, Tensor other, double alpha) {
        return binary("add_", self, other, false, new Arithmetic.AddScaled(alpha, "AddBackward0"));
    }

    /**
     * {@code self.mul_(other)}: {@code self *= other}.
     * @param self the tensor written
     * @param other broadcasts to {@code self}'s shape
     * @return {@code self}
     */
    public static Tensor mul(Tensor self, Tensor other) {
        return binary("mul_", self, other, false, new Arithmetic.Mul());
    }

    /**
     * {@code self.copy_(src)}: {@code src}'s values, broadcast to {@code self}'s shape and converted
     * to its dtype (float to int64 rounds toward zero, anything non-zero is {@code true}), as PyTorch's
     * copy_ converts. The gradient goes to {@code src}; {@code self}'s old history gets zeros.
     * @param self the tensor written
     * @param src broadcasts to {@code self}'s shape
     * @return {@code self}
     */
    public static Tensor copy(Tensor self, Tensor src) {
        Checks.notNull("copy_", "input", self);
        Checks.notNull("copy_", "src", src);
        checkBroadcastsInto("copy_", self, src);
        if (recording(self, src) && self.dtype() == DType.FLOAT64) {
            return new Overwrite.CopyFrom().applyInPlace(self, src);
        }
        Function.checkWritable("copy_", self);
        Overwrite.copyValues(src, self.data(), self.shape(), self.dtype());
        self.markModifiedInPlace();
        return self;
    }

    /**
     * {@code self.fill_(value)}: every element becomes {@code value} (converted to the dtype as copy_ does).
     * @param self the tensor written
     * @param value the value
     * @return {@code self}
     */
    public static Tensor fill(Tensor self, double value) {
        Checks.notNull("fill_", "input", self);
        if (recording(self, self)) {
            return new Overwrite.Fill(value, "FillBackward0").applyInPlace(self);
        }
        Arrays.fill(self.data(), Overwrite.convert(value, self.dtype()));
        self.markModifiedInPlace();
        return self;
    }

    /**
     * {@code self.zero_()}: every element becomes 0.
     * @param self the tensor written
     * @return {@code self}
     */
    public static Tensor zero(Tensor self) {
        Checks.notNull("zero_", "input", self);
        if (recording(self, self)) {
            return new Overwrite.Fill(0.0, "ZeroBackward0").applyInPlace(self);
        }
        Arrays.fill(self.data(), 0.0);
        self.markModifiedInPlace();
        return self;
    }

    /** The binary ops' shared path: checks first (so a refused call changes nothing), then one of the two writes. */
    private static Tensor binary(String op, Tensor self, Tensor other, boolean number, ElementwiseBinary function) {
        Checks.notNull(op, "input", self);
        Checks.notNull(op, "other", other);
        checkBroadcastsInto(op, self, other);
        checkFloat64(op, self, other.dtype() == DType.FLOAT64 ? (number ? "Float" : "Double") : null);
        if (recording(self, other)) {
            return function.applyInPlace(self, other);
        }
        function.writeInto(self, other);
        self.markModifiedInPlace();
        return self;
    }

    /** Whether the write must be recorded in the graph: grad mode on and some input requires grad. */
    private static boolean recording(Tensor self, Tensor other) {
        return GradMode.isEnabled() && (self.requiresGrad() || other.requiresGrad());
    }

    /** An in-place op cannot change the written tensor's shape: the other operand must broadcast to it. */
    private static void checkBroadcastsInto(String op, Tensor self, Tensor other) {
        int[] shape = Shape.broadcast(self.shape(), other.shape());
        if (!Arrays.equals(shape, self.shape())) {
            throw new IllegalArgumentException(op + ": output with shape " + Shape.toString(self.shape())
                    + " doesn't match the broadcast shape " + Shape.toString(shape));
        }
    }

    /**
     * The written tensor must be float64. With a float operand PyTorch refuses too, in these words
     * ({@code Float} for a Python number, whose type is the default float32); with integer operands
     * PyTorch would compute in integers, which nano does not.
     */
    private static void checkFloat64(String op, Tensor self, String floatResultType) {
        if (self.dtype() == DType.FLOAT64) {
            return;
        }
        String target = self.dtype() == DType.BOOL ? "Bool" : "Long";
        if (floatResultType != null) {
            throw new IllegalArgumentException(op + ": result type " + floatResultType
                    + " can't be cast to the desired output type " + target);
        }
        throw new IllegalArgumentException(op + ": nano computes in float64 and writes only float64 tensors, got a "
                + self.dtype().torchName() + " tensor; convert it with toFloat64() first");
    }

    /**
     * {@code self.mul_(other)} with a number.
     * @param self the tensor written
     * @param other the factor
     * @return {@code self}
     */
    public static Tensor mul(Tensor self, double other) {
        return binary("mul_", self, Nano.scalar(other), true, new Arithmetic.Mul());
    }

    /**
     * {@code self.add_(other)} with a number.
     * @param self the tensor written
     * @param other the summand
     * @return {@code self}
     */
    public static Tensor add(Tensor self, double other) {
        return binary("add_", self, Nano.scalar(other), true, new Arithmetic.Add());
    }
}
