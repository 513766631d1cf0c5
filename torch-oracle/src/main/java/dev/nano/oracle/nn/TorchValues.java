package dev.nano.oracle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.oracle.value.Value;

/** Moving values between nano, plain data and libtorch (always float64 or int64). */
final class TorchValues {
    private TorchValues() {
    }

    static NDArray create(NDManager m, Value v) {
        Shape shape = new Shape(longs(v.shape()));
        if (v.dtype() == DType.INT64) {
            long[] l = new long[v.values().length];
            for (int i = 0; i < l.length; i++) {
                l[i] = (long) v.values()[i];
            }
            return m.create(l, shape);
        }
        return m.create(v.values().clone(), shape);
    }

    static NDArray create(NDManager m, Tensor t) {
        return create(m, Value.of(t));
    }

    /** A float64 leaf that requires grad. */
    static NDArray leaf(NDManager m, double[] values, int[] shape) {
        NDArray a = m.create(values.clone(), new Shape(longs(shape)));
        a.setRequiresGradient(true);
        return a;
    }

    static Value read(NDArray a) {
        int[] shape = ints(a.getShape().getShape());
        if (a.getDataType() == DataType.INT64) {
            long[] l = a.toLongArray();
            double[] v = new double[l.length];
            for (int i = 0; i < l.length; i++) {
                v[i] = l[i];
            }
            return new Value(shape, DType.INT64, v);
        }
        if (a.getDataType() != DataType.FLOAT64) {
            throw new IllegalStateException("expected float64 from libtorch, got " + a.getDataType());
        }
        return new Value(shape, DType.FLOAT64, a.toDoubleArray());
    }

    /** A leaf's gradient; DJL reports float32 zeros where nothing flowed. */
    static Value gradient(NDArray leaf) {
        NDArray g = leaf.getGradient();
        int[] shape = ints(leaf.getShape().getShape());
        if (g.getDataType() != DataType.FLOAT64) {
            return new Value(shape, DType.FLOAT64, new double[(int) leaf.getShape().size()]);
        }
        return new Value(shape, DType.FLOAT64, g.toDoubleArray());
    }

    static long[] longs(int[] shape) {
        long[] l = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            l[i] = shape[i];
        }
        return l;
    }

    static int[] ints(long[] shape) {
        int[] s = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            s[i] = (int) shape[i];
        }
        return s;
    }
}
