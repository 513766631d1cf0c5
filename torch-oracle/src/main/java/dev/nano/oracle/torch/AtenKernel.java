package dev.nano.oracle.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.IValue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@code aten} operator, reached through the {@link TorchScript} bridge by a method of one
 * line, e.g. {@code AtenKernel.of("aten::expm1", "x: Tensor", "torch.expm1(x)")}. The catalogue
 * uses it wherever DJL has no Java call that ends in exactly that operator, so that values,
 * gradients (autograd runs through the method) and error messages are PyTorch's own.
 *
 * <p>Arguments map to TorchScript types: {@link NDArray} to {@code Tensor}, {@code Long} or
 * {@code Integer} to {@code int}, {@code Double} to {@code float}, {@code Boolean} to
 * {@code bool}, {@code String} to {@code str}, {@code int[]}/{@code long[]} to {@code List[int]},
 * {@code double[]} to {@code List[float]}. TorchScript's {@code None} cannot be passed from DJL:
 * an optional argument travels as a value and a flag, unpacked in the method's body.
 */
public final class AtenKernel {
    private static final AtomicInteger MODULES = new AtomicInteger();

    private final String op;
    private final TorchScript module;

    private AtenKernel(String op, TorchScript module) {
        this.op = op;
        this.module = module;
    }

    /**
     * A kernel whose method returns {@code expression}.
     *
     * @param op         the aten operator the expression compiles to, e.g. "aten::expm1" (for the report)
     * @param params     the method's parameters in TorchScript, e.g. "x: Tensor, dims: List[int]"
     * @param expression the single call, e.g. "torch.amax(x, dims, keepdim)"
     * @return the kernel (compiled on its first call)
     */
    public static AtenKernel of(String op, String params, String expression) {
        return withBody(op, params, "    return " + expression);
    }

    /**
     * A kernel whose method body is given whole (each line indented by four spaces): for an
     * optional argument unpacked before the one call, e.g.
     * {@code lo = annotate(Optional[float], None)} / {@code if has_lo: lo = min}.
     *
     * @param op     the aten operator the body ends in
     * @param params the method's parameters in TorchScript
     * @param body   the method's body, ending in {@code return <the call>}
     * @return the kernel (compiled on its first call)
     */
    public static AtenKernel withBody(String op, String params, String body) {
        String className = "Aten" + MODULES.incrementAndGet() + "_" + op.replaceAll("[^A-Za-z0-9]", "_");
        String method = "  def forward(self: __torch__." + className + ", " + params + ") -> Tensor:\n" + body;
        return new AtenKernel(op, TorchScript.of(className, method));
    }

    /**
     * The aten operator this kernel calls.
     *
     * @return e.g. "aten::expm1"
     */
    public String op() {
        return op;
    }

    /**
     * Calls the kernel; the result lives in the manager of the first tensor argument.
     *
     * @param args the method's arguments, in order (at least one tensor)
     * @return the kernel's result
     */
    public NDArray call(Object... args) {
        for (Object a : args) {
            if (a instanceof NDArray t) {
                return callIn(t.getManager(), args);
            }
        }
        throw new IllegalArgumentException(op + ": call(...) needs a tensor argument; use callIn(manager, ...)");
    }

    /**
     * Calls the kernel with the result in {@code manager} (for factories, which take no tensor).
     *
     * @param manager where the result tensor is attached
     * @param args    the method's arguments, in order
     * @return the kernel's result
     */
    public NDArray callIn(NDManager manager, Object... args) {
        List<IValue> values = new ArrayList<>();
        for (Object a : args) {
            values.add(value(a));
        }
        return module.call("forward", manager, values);
    }

    private IValue value(Object a) {
        if (a instanceof NDArray t) {
            return TorchScript.tensor(t);
        }
        if (a instanceof Integer i) {
            return IValue.from((long) i);
        }
        if (a instanceof Long l) {
            return IValue.from(l);
        }
        if (a instanceof Double d) {
            return IValue.from(d);
        }
        if (a instanceof Boolean b) {
            return IValue.from(b);
        }
        if (a instanceof String s) {
            return IValue.from(s);
        }
        if (a instanceof int[] ints) {
            long[] l = new long[ints.length];
            for (int i = 0; i < ints.length; i++) {
                l[i] = ints[i];
            }
            return IValue.listFrom(l);
        }
        if (a instanceof long[] longs) {
            return IValue.listFrom(longs);
        }
        if (a instanceof double[] doubles) {
            return IValue.listFrom(doubles);
        }
        throw new IllegalArgumentException(op + ": no TorchScript type for a " + a.getClass().getSimpleName());
    }

    @Override
    public String toString() {
        return op;
    }
}
