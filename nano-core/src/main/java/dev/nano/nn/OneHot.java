package dev.nano.nn;

import dev.nano.DType;
import dev.nano.Tensor;

/**
 * {@code F.one_hot(tensor, num_classes)}: an int64 tensor of shape {@code tensor.shape + (num_classes,)}
 * with a 1 at each index. The checks and their words are aten's
 * (aten/src/ATen/native/Onehot.cpp); with {@code num_classes = -1} the number of classes is the
 * largest index plus one.
 */
final class OneHot {
    private OneHot() {
    }

    static Tensor oneHot(Tensor tensor, int numClasses) {
        if (tensor.dtype() != DType.INT64) {
            throw new IllegalArgumentException("one_hot is only applicable to index tensor of type LongTensor.");
        }
        double[] idx = tensor.data();
        if (idx.length == 0 && numClasses <= 0) {
            throw new IllegalArgumentException("Can not infer total number of classes from empty tensor.");
        }
        int classes = numClasses;
        if (idx.length > 0) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : idx) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (min < 0) {
                throw new IllegalArgumentException("Class values must be non-negative.");
            }
            if (numClasses == -1) {
                classes = (int) max + 1;
            } else if (max >= numClasses) {
                throw new IllegalArgumentException("Class values must be smaller than num_classes.");
            }
        }
        int[] shape = new int[tensor.dim() + 1];
        System.arraycopy(tensor.shape(), 0, shape, 0, tensor.dim());
        shape[tensor.dim()] = classes;
        double[] out = new double[idx.length * classes];
        for (int i = 0; i < idx.length; i++) {
            out[i * classes + (int) idx[i]] = 1;
        }
        return new Tensor(out, shape, DType.INT64);
    }
}
