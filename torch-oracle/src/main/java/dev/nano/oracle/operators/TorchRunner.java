package dev.nano.oracle.operators;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.nano.DType;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.torch.TorchEngine;
import dev.nano.oracle.torch.TorchScript;
import dev.nano.oracle.torch.Upstream;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a case through PyTorch (libtorch 2.7.1 via DJL's PyTorch engine), in float64.
 *
 * <p>Each case gets its own {@link NDManager}, closed afterwards, so native memory stays flat over
 * thousands of cases. Only one DJL {@link GradientCollector} may be open per JVM, so cases run one
 * at a time. Backward uses {@code JniUtils.backward(output, upstream)}, which is torch's
 * {@code output.backward(upstream)} (DJL's own collector would use ones).
 */
public final class TorchRunner {
    private TorchRunner() {
    }

    /**
     * Runs one case through libtorch (aten's kernels via DJL): forward, then backward with the upstream gradient.
     * @param op the operator
     * @param sample the case
     * @param inputs the inputs
     * @param upstream dL/d(output 0) to use, or null to draw one (regeneration) from {@code upstreamSeed}
     * @param upstreamSeed the seed of a drawn upstream gradient
     * @return PyTorch's outputs and gradients, or its error
     */
    public static Result run(OpInfo op, Sample sample, List<Input> inputs, Value upstream, long upstreamSeed) {
        try (NDManager m = TorchEngine.baseManager().newSubManager()) {
            NDArray[] in = new NDArray[inputs.size()];
            for (int i = 0; i < in.length; i++) {
                in[i] = create(m, inputs.get(i));
                if (inputs.get(i).requiresGrad()) {
                    in[i].setRequiresGradient(true);
                }
            }
            boolean backward = op.expectsGradients(sample);
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray[] outs;
                try {
                    outs = op.torch().apply(m, in, sample.attrs());
                } catch (RuntimeException e) {
                    return Result.failure(e.getMessage());
                }
                List<Value> outputs = new ArrayList<>();
                for (NDArray o : outs) {
                    outputs.add(read(o, op.name()));
                }
                if (!backward) {
                    return new Result(outputs, null, List.of(), null);
                }
                Value up = upstream != null ? upstream : Upstream.draw(outputs.get(0).shape(), upstreamSeed);
                NDArray upArray = m.create(up.values(), new Shape(toLongs(up.shape())));
                try {
                    JniUtils.backward((PtNDArray) outs[0], (PtNDArray) upArray, false, false);
                } catch (RuntimeException e) {
                    // PyTorch's backward can refuse what its forward accepted (e.g. clamp with a
                    // tensor bound smaller than the broadcast shape): its message is the answer.
                    return Result.failure(TorchScript.cleanMessage(e.getMessage()));
                }
                List<Value> grads = new ArrayList<>();
                for (int i = 0; i < in.length; i++) {
                    grads.add(inputs.get(i).requiresGrad() ? gradient(in[i], inputs.get(i)) : null);
                }
                return new Result(outputs, up, grads, null);
            }
        }
    }

    static NDArray create(NDManager m, Input input) {
        Shape shape = new Shape(toLongs(input.shape()));
        double[] v = input.values();
        switch (input.dtype()) {
            case FLOAT64:
                return m.create(v.clone(), shape);
            case BOOL: {
                boolean[] b = new boolean[v.length];
                for (int i = 0; i < v.length; i++) {
                    b[i] = v[i] != 0;
                }
                return m.create(b, shape);
            }
            default: {
                long[] l = new long[v.length];
                for (int i = 0; i < v.length; i++) {
                    l[i] = (long) v[i];
                }
                return m.create(l, shape);
            }
        }
    }

    /** Copies a torch result out before its manager closes. A float32 result is a bug in the adapter. */
    static Value read(NDArray a, String op) {
        int[] shape = toInts(a.getShape().getShape());
        DataType type = a.getDataType();
        if (type == DataType.FLOAT64) {
            return new Value(shape, DType.FLOAT64, a.toDoubleArray());
        }
        if (type == DataType.BOOLEAN) {
            boolean[] b = a.toBooleanArray();
            double[] v = new double[b.length];
            for (int i = 0; i < b.length; i++) {
                v[i] = b[i] ? 1 : 0;
            }
            return new Value(shape, DType.BOOL, v);
        }
        if (type == DataType.INT64) {
            long[] l = a.toLongArray();
            double[] v = new double[l.length];
            for (int i = 0; i < l.length; i++) {
                v[i] = l[i];
            }
            return new Value(shape, DType.INT64, v);
        }
        throw new IllegalStateException(op + ": the torch adapter produced " + type
                + " (a float literal or a default-typed factory leaked in; everything must be float64)");
    }

    /** DJL reports float32 zeros for a leaf nothing flowed into; PyTorch would say None. Both read as zeros. */
    private static Value gradient(NDArray leaf, Input input) {
        NDArray g = leaf.getGradient();
        if (g.getDataType() != DataType.FLOAT64) {
            return new Value(input.shape(), DType.FLOAT64, new double[input.values().length]);
        }
        return new Value(input.shape(), DType.FLOAT64, g.toDoubleArray());
    }

    static long[] toLongs(int[] shape) {
        long[] l = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            l[i] = shape[i];
        }
        return l;
    }

    static int[] toInts(long[] shape) {
        int[] s = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            s[i] = (int) shape[i];
        }
        return s;
    }
}
