package dev.nano.ops;

import dev.nano.Checks;
import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.Tensor;
import dev.nano.autograd.Context;
import dev.nano.autograd.Function;
import dev.nano.ops.MatrixKernel.View;

import java.util.Arrays;

/**
 * {@code matmul mm dot t}. Every product here is a stack of matrix products: a vector on the left
 * is read as a one-row matrix, a vector on the right as a one-column matrix, and the dims before
 * the last two are batch dims that broadcast like any elementwise op. So
 *
 * <pre>
 *   (4,) @ (4,)          -> ()          dot
 *   (2,3) @ (3,)         -> (2,)        matrix-vector
 *   (3,) @ (3,4)         -> (4,)        a 1 is prepended, then removed
 *   (2,1,3,4) @ (5,4,2)  -> (2,5,3,2)   batch dims (2,1) and (5,) broadcast to (2,5)
 * </pre>
 *
 * and one class, {@link MatrixProduct}, computes all of them. Its gradients are the usual
 * {@code dA = dOut · Bᵀ} and {@code dB = Aᵀ · dOut}, per batch, then summed over the batch dims an
 * operand was broadcast along.
 */
public final class LinAlg {
    private LinAlg() {
    }

    /**
     * PyTorch's matmul: dot, matrix-vector, matrix-matrix, or batched with broadcast batch dims.
     * @param a the left operand
     * @param b the right operand
     * @return a new tensor
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        int da = a.dim();
        int db = b.dim();
        if (da == 0 || db == 0) {
            throw new IllegalArgumentException("both arguments to matmul need to be at least 1D, but they are " + da
                    + "D and " + db + "D");
        }
        checkMatmulDtypes(a, b);
        checkMatmulShapes(a.shape(), a.requiresGrad(), b.shape(), b.requiresGrad());
        checkResultSize("matmul", a.shape(), b.shape());
        if (da == 1 && db == 1) {
            return new Dot().apply(a, b);
        }
        if (da == 2 && db == 1) {
            return new Mv().apply(a, b);
        }
        if (da <= 2 && db == 2) {
            return new Mm().apply(a, b);
        }
        return new BatchedMatmul().apply(a, b);
    }

    /**
     * Matrix product of two 2-D tensors.
     * @param a the left operand
     * @param b the right operand
     * @return a new tensor
     */
    public static Tensor mm(Tensor a, Tensor b) {
        if (a.dim() != 2) {
            throw new IllegalArgumentException("self must be a matrix");
        }
        if (b.dim() != 2) {
            throw new IllegalArgumentException("mat2 must be a matrix");
        }
        if (a.dtype() != b.dtype()) {
            throw mmDtypes(a.dtype(), b.dtype());
        }
        checkMm(a.shape(), b.shape());
        checkResultSize("mm", a.shape(), b.shape());
        return new Mm().apply(a, b);
    }

    /**
     * Inner product of two 1-D tensors of the same length.
     * @param a the left operand
     * @param b the right operand
     * @return a new tensor
     */
    public static Tensor dot(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw new IllegalArgumentException("1D tensors expected, but got " + a.dim() + "D and " + b.dim()
                    + "D tensors");
        }
        if (a.dtype() != b.dtype()) {
            throw dotDtypes(a.dtype(), b.dtype());
        }
        checkDot(a.shape(), b.shape());
        return new Dot().apply(a, b);
    }

    /**
     * Transpose of a matrix; a 0-d or 1-D tensor is returned as it is (as a new node).
     * @param x the input tensor
     * @return a new tensor
     */
    public static Tensor t(Tensor x) {
        if (x.dim() > 2) {
            throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but self is " + x.dim()
                    + "D");
        }
        return MoveAxes.t(x);
    }

    // ---------------------------------------------------------------- shape checks

    /**
     * Fails with the message PyTorch gives for these shapes. PyTorch's matmul hands the work to
     * dot, mv, mm or bmm, sometimes after folding batch dims into matrix rows, and the error
     * comes from whichever of those ran; this follows the same route. (Whether PyTorch folds can
     * depend on which operand requires grad, hence the two flags.)
     */
    static void checkMatmulShapes(int[] a, boolean aRequiresGrad, int[] b, boolean bRequiresGrad) {
        int da = a.length;
        int db = b.length;
        if (da == 1 && db == 1) {
            checkDot(a, b);
        } else if (da == 2 && db == 1) {
            checkMv(a, b);
        } else if (da == 1 && db == 2) {
            checkMm(new int[] {1, a[0]}, b);
        } else if (da == 2 && db == 2) {
            checkMm(a, b);
        } else if (foldsBatchIntoRows(a, aRequiresGrad, b, bRequiresGrad)) {
            if (da >= db) { // a (at least 3-D) becomes one tall matrix
                int[] folded = {Shape.numel(Arrays.copyOf(a, da - 1)), a[da - 1]};
                if (db == 2) {
                    checkMm(folded, b);
                } else {
                    checkMv(folded, b);
                }
            } else { // b is the big one: PyTorch computes (bᵀ folded) · aᵀ instead
                int[] bT = b.clone();
                bT[db - 1] = b[db - 2];
                bT[db - 2] = b[db - 1];
                int[] folded = {Shape.numel(Arrays.copyOf(bT, db - 1)), bT[db - 1]};
                if (da == 2) {
                    checkMm(folded, new int[] {a[1], a[0]});
                } else {
                    checkMv(folded, a);
                }
            }
        } else if (da == 3 && db == 3 && a[0] != b[0] && a[0] == 1 && aRequiresGrad) {
            checkMatmulShapes(Arrays.copyOfRange(a, 1, 3), true, b, bRequiresGrad);
        } else if (da == 3 && db == 3 && a[0] != b[0] && b[0] == 1 && bRequiresGrad) {
            checkMatmulShapes(a, aRequiresGrad, Arrays.copyOfRange(b, 1, 3), true);
        } else {
            int[] batch = Shape.broadcast(batchDims(a), batchDims(b));
            int batches = Shape.numel(batch);
            int m1 = a[da - 1];
            int m2 = db > 1 ? b[db - 2] : b[0];
            if (m1 != m2) {
                throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: ["
                        + batches + ", " + m1 + "] but got: [" + batches + ", " + m2 + "].");
            }
        }
    }

    /**
     * PyTorch's dot, mv, mm and bmm each refuse operands of two dtypes, each in its own words
     * (aten/src/ATen/native/LinearAlgebra.cpp, Blas.cpp), where nano's dtype rule would read an int64
     * operand as numbers next to a float64 one. matmul's message is that of the route it takes, as in
     * {@link #checkMatmulShapes}; a folded product whose big operand is b runs as (bᵀ folded) · aᵀ, so
     * its message names b's dtype first.
     */
    static void checkMatmulDtypes(Tensor a, Tensor b) {
        DType x = a.dtype();
        DType y = b.dtype();
        if (x == y) {
            return;
        }
        int da = a.dim();
        int db = b.dim();
        if (da == 1 && db == 1) {
            throw dotDtypes(x, y);
        }
        if (da == 2 && db == 1) {
            throw scalarTypeDtypes(x, y);
        }
        if (da <= 2 && db == 2) {
            throw mmDtypes(x, y);
        }
        if (foldsBatchIntoRows(a.shape(), a.requiresGrad(), b.shape(), b.requiresGrad())) {
            if (da >= db) {
                throw db == 2 ? mmDtypes(x, y) : scalarTypeDtypes(x, y);
            }
            throw da == 2 ? mmDtypes(y, x) : scalarTypeDtypes(y, x);
        }
        throw scalarTypeDtypes(x, y); // bmm
    }

    private static IllegalArgumentException dotDtypes(DType a, DType b) {
        return new IllegalArgumentException("dot : expected both vectors to have same dtype, but found "
                + Selection.scalarTypeName(a) + " and " + Selection.scalarTypeName(b));
    }

    /** mm's meta function prints the dtypes as caffe2's TypeMeta names them ("long int", "double", "bool"). */
    private static IllegalArgumentException mmDtypes(DType a, DType b) {
        return new IllegalArgumentException("expected m1 and m2 to have the same dtype, but got: " + typeMetaName(a)
                + " != " + typeMetaName(b));
    }

    /** mv and bmm: the kernel expects the second operand in the first one's dtype. */
    private static IllegalArgumentException scalarTypeDtypes(DType a, DType b) {
        return new IllegalArgumentException("expected scalar type " + Selection.scalarTypeName(a) + " but found "
                + Selection.scalarTypeName(b));
    }

    private static String typeMetaName(DType dtype) {
        switch (dtype) {
            case FLOAT64:
                return "double";
            case INT64:
                return "long int";
            default:
                return "bool";
        }
    }

    /**
     * PyTorch's {@code should_fold}: one operand at least 3-D, the other at most 2-D, and the big
     * one can be viewed as a single matrix without a copy (or the small one requires grad).
     */
    private static boolean foldsBatchIntoRows(int[] a, boolean aRequiresGrad, int[] b, boolean bRequiresGrad) {
        boolean aLarger = a.length >= b.length;
        int bigRank = aLarger ? a.length : b.length;
        int smallRank = aLarger ? b.length : a.length;
        if (bigRank < 3 || smallRank > 2) {
            return false;
        }
        if (aLarger ? bRequiresGrad : aRequiresGrad) {
            return true;
        }
        if (a.length == 2) {
            return false;
        }
        if (aLarger) {
            return true; // a is contiguous: its batch dims fold into rows for free
        }
        // PyTorch would fold bᵀ, a strided view; that is free only if b is empty or has one row.
        return Shape.numel(b) == 0 || b[b.length - 2] == 1;
    }

    /**
     * The product and the gradients it may need must each fit in one Java array. Checked in
     * {@code long} before any {@code int} arithmetic on sizes can wrap around: (65536,1) @ (1,65536)
     * fails here with the one overflow message instead of an index error deep in the kernel.
     */
    private static void checkResultSize(String op, int[] a, int[] b) {
        int[] aStack = a.length == 1 ? new int[] {1, a[0]} : a;
        int[] bStack = b.length == 1 ? new int[] {b[0], 1} : b;
        int n = aStack[aStack.length - 2];
        int k = aStack[aStack.length - 1];
        int p = bStack[bStack.length - 1];
        int[] batch = Shape.broadcast(batchDims(aStack), batchDims(bStack));
        Checks.numel(op, withMatrix(batch, n, p));
        Checks.numel(op, withMatrix(batch, n, k)); // the gradient of a, before it is summed over broadcast batch dims
        Checks.numel(op, withMatrix(batch, k, p)); // the gradient of b
    }

    /** A batch shape followed by one (rows, cols) matrix, in long: the sizes are not multiplied here. */
    private static long[] withMatrix(int[] batch, int rows, int cols) {
        long[] shape = new long[batch.length + 2];
        for (int i = 0; i < batch.length; i++) {
            shape[i] = batch[i];
        }
        shape[batch.length] = rows;
        shape[batch.length + 1] = cols;
        return shape;
    }

    private static int[] batchDims(int[] shape) {
        return Arrays.copyOf(shape, Math.max(shape.length - 2, 0));
    }

    private static void checkMm(int[] a, int[] b) {
        if (a[1] != b[0]) {
            throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + a[0] + "x" + a[1]
                    + " and " + b[0] + "x" + b[1] + ")");
        }
    }

    private static void checkMv(int[] matrix, int[] vector) {
        if (matrix[1] != vector[0]) {
            throw new IllegalArgumentException("size mismatch, got input (" + matrix[0] + "), mat (" + matrix[0] + "x"
                    + matrix[1] + "), vec (" + vector[0] + ")");
        }
    }

    private static void checkDot(int[] a, int[] b) {
        if (a[0] != b[0]) {
            throw new IllegalArgumentException("inconsistent tensor size, expected tensor [" + a[0] + "] and src ["
                    + b[0] + "] to have the same number of elements, but got " + a[0] + " and " + b[0]
                    + " elements respectively");
        }
    }

    // ---------------------------------------------------------------- the op

    /**
     * {@code a @ b} for shapes already checked. Both operands are viewed as stacks of matrices,
     * {@code a} as {@code (batchA..., n, k)} and {@code b} as {@code (batchB..., k, p)}; batch
     * {@code i} of the broadcast batch reads the matrix blocks {@code aBlocks[i]} and
     * {@code bBlocks[i]} (the same block again along a broadcast dim).
     */
    abstract static class MatrixProduct extends Function {
        private int[] aStack;
        private int[] bStack;
        private int[] batch;
        private int[] aBlocks;
        private int[] bBlocks;
        private int n;
        private int k;
        private int p;

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            Tensor a = inputs[0];
            Tensor b = inputs[1];
            // A vector on the left is a one-row matrix; on the right, a one-column matrix.
            aStack = a.dim() == 1 ? new int[] {1, a.size(0)} : a.shape();
            bStack = b.dim() == 1 ? new int[] {b.size(0), 1} : b.shape();
            n = aStack[aStack.length - 2];
            k = aStack[aStack.length - 1];
            p = bStack[bStack.length - 1];
            batch = Shape.broadcast(batchDims(aStack), batchDims(bStack));
            aBlocks = blockStarts(batchDims(aStack), batch, n * k);
            bBlocks = blockStarts(batchDims(bStack), batch, k * p);

            double[] out = new double[aBlocks.length * n * p];
            MatrixKernel.eachBatch(aBlocks.length, (long) n * k * p, i -> Kernels.ACTIVE.product(
                    new View(a.data(), aBlocks[i], k, 1), new View(b.data(), bBlocks[i], p, 1),
                    out, i * n * p, n, k, p));
            ctx.saveForBackward(a, b);
            return new Tensor(out, outputShape(a.dim(), b.dim()), DType.FLOAT64);
        }

        /** The broadcast batch dims, then n unless a was a vector, then p unless b was a vector. */
        private int[] outputShape(int da, int db) {
            int[] shape = Arrays.copyOf(batch, batch.length + (da > 1 ? 1 : 0) + (db > 1 ? 1 : 0));
            int at = batch.length;
            if (da > 1) {
                shape[at++] = n;
            }
            if (db > 1) {
                shape[at] = p;
            }
            return shape;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOutput) {
            Tensor[] saved = ctx.savedTensors();
            Tensor a = saved[0];
            Tensor b = saved[1];
            double[] g = gradOutput.data();
            int batches = aBlocks.length;
            Tensor gradA = null;
            Tensor gradB = null;
            if (ctx.needsInputGrad(0)) {
                double[] ga = new double[batches * n * k];
                MatrixKernel.eachBatch(batches, (long) n * k * p, i -> Kernels.ACTIVE.product( // dA = dOut · Bᵀ,
                        new View(g, i * n * p, p, 1), new View(b.data(), bBlocks[i], 1, p), // Bᵀ read in place
                        ga, i * n * k, n, p, k));
                // Undo the batch broadcast: sum over the batch dims a was broadcast along.
                gradA = new Tensor(SumKernels.sumTo(ga, withMatrix(batch, n, k), aStack), a.shape(), DType.FLOAT64);
            }
            if (ctx.needsInputGrad(1)) {
                double[] gb = new double[batches * k * p];
                MatrixKernel.eachBatch(batches, (long) n * k * p, i -> Kernels.ACTIVE.product( // dB = Aᵀ · dOut,
                        new View(a.data(), aBlocks[i], 1, k), new View(g, i * n * p, p, 1), // Aᵀ read in place
                        gb, i * k * p, k, n, p));
                gradB = new Tensor(SumKernels.sumTo(gb, withMatrix(batch, k, p), bStack), b.shape(), DType.FLOAT64);
            }
            return new Tensor[] {gradA, gradB};
        }

        private static int[] withMatrix(int[] batch, int rows, int cols) {
            int[] shape = Arrays.copyOf(batch, batch.length + 2);
            shape[batch.length] = rows;
            shape[batch.length + 1] = cols;
            return shape;
        }

        /** Where, for each batch of the broadcast {@code batch}, an operand's matrix starts. */
        private static int[] blockStarts(int[] ownBatch, int[] batch, int blockSize) {
            int[] starts = Shape.broadcastMap(ownBatch, batch);
            for (int i = 0; i < starts.length; i++) {
                starts[i] *= blockSize;
            }
            return starts;
        }
    }

    /** 1-D · 1-D. */
    static final class Dot extends MatrixProduct {
    }

    /** 2-D · 1-D. */
    static final class Mv extends MatrixProduct {
    }

    /** 2-D · 2-D, and 1-D · 2-D (which PyTorch runs as mm on a one-row matrix). */
    static final class Mm extends MatrixProduct {
    }

    /**
     * Anything with 3 or more dims. PyTorch computes these with bmm (or mm, after folding the
     * batch dims into rows) and reshapes the result with {@code _unsafe_view}, which is the node
     * its {@code grad_fn} shows.
     */
    static final class BatchedMatmul extends MatrixProduct {
        @Override
        public String name() {
            return "UnsafeViewBackward0";
        }
    }
}
