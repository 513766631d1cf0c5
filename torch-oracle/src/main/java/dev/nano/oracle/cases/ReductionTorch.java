package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;

/**
 * Small helpers for the reductions' DJL calls ({@code JniUtils} takes {@link PtNDArray} and
 * {@code long[]} dims). The reductions DJL does not reach (amax/amin, mean over dims, var/std,
 * logsumexp, max/min with indices) are no longer composed here from other torch ops: they call
 * PyTorch's own kernels through the TorchScript bridge, at their catalogue entries.
 */
final class ReductionTorch {
    private ReductionTorch() {
    }

    static PtNDArray pt(NDArray a) {
        return (PtNDArray) a;
    }

    static long[] longs(int[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            l[i] = v[i];
        }
        return l;
    }
}
