package dev.nano.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.nano.Tensor;
import dev.nano.oracle.torch.AtenKernel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The operator rows of the table, each measured on nano and on libtorch with the same inputs.
 * Forward+backward rows reduce to a scalar with {@code sum()} and call backward on it (the same
 * graph on both sides). libtorch's leaf gradients accumulate between calls (an in-place add, as
 * after a {@code zero_grad(set_to_none=False)}); nano's are set to null first.
 */
public class Ops {
    private Ops() {
    }

    /** {@code a @ b} for n × n matrices, forward only, and forward+backward through {@code sum()}. */
    public static class Matmul extends Both {
        /** The matrix size (a JMH parameter). */
        @Param({"128", "256", "512"})
        public int n;
        Tensor a;
        Tensor b;
        NDArray ta;
        NDArray tb;

        @Override
        protected void prepare() {
            double[] x = gaussian(1, n * n);
            double[] y = gaussian(2, n * n);
            a = nano(x, n, n).requiresGrad(true);
            b = nano(y, n, n).requiresGrad(true);
            ta = torchLeaf(x, n, n);
            tb = torchLeaf(y, n, n);
        }

        /**
         * nano: {@code a @ b}, forward only.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object forwardNano(Both.Path path) {
            return a.detach().matmul(b.detach());
        }

        /**
         * libtorch: {@code a @ b}, forward only.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object forwardTorch() {
            try (NDScope ignored = new NDScope()) {
                return ta.stopGradient().matMul(tb.stopGradient()).getShape();
            }
        }

        /**
         * nano: {@code (a @ b).sum()} forward and backward.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object trainNano(Both.Path path) {
            a.zeroGrad();
            b.zeroGrad();
            a.matmul(b).sum().backward();
            return a.grad();
        }

        /**
         * libtorch: {@code (a @ b).sum()} forward and backward.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object trainTorch() {
            try (NDScope ignored = new NDScope()) {
                JniUtils.setGradMode(true);
                backward(ta.matMul(tb).sum());
                return null;
            }
        }
    }

    /** Elementwise ops on 1e6 elements, and the reductions on a 1000 × 1000 matrix. */
    public static class Elementwise extends Both {
        static final int N = 1000;
        Tensor x;
        Tensor y;
        Tensor upstream;
        NDArray tx;
        NDArray ty;
        NDArray tUpstream;
        Tensor acc;
        NDArray tAcc;

        @Override
        protected void prepare() {
            double[] xs = gaussian(3, N * N);
            double[] ys = gaussian(4, N * N);
            double[] us = gaussian(5, N * N);
            x = nano(xs, N, N).requiresGrad(true);
            y = nano(ys, N, N).requiresGrad(true);
            upstream = nano(us, N, N);
            tx = torchLeaf(xs, N, N);
            ty = torchLeaf(ys, N, N);
            tUpstream = torch(us, N, N);
            acc = nano(xs.clone(), N, N);
            tAcc = torch(xs, N, N);
        }

        /**
         * nano: {@code x + y} on 1e6 elements.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object addNano(Both.Path path) {
            return x.detach().add(y.detach());
        }

        /**
         * nano: {@code acc.add_(y)} on 1e6 elements, into a tensor that needs no new array (PyTorch's in-place form).
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object addInPlaceNano(Both.Path path) {
            return acc.add_(y.detach());
        }

        /**
         * libtorch: {@code acc.add_(y)} on 1e6 elements.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object addInPlaceTorch() {
            return tAcc.addi(ty.stopGradient()).getShape();
        }

        /**
         * libtorch: {@code x + y} on 1e6 elements.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object addTorch() {
            try (NDScope ignored = new NDScope()) {
                return tx.stopGradient().add(ty.stopGradient()).getShape();
            }
        }

        /**
         * nano: {@code (x * y).sum()} forward and backward.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object mulTrainNano(Both.Path path) {
            x.zeroGrad();
            y.zeroGrad();
            x.mul(y).sum().backward();
            return x.grad();
        }

        /**
         * libtorch: {@code (x * y).sum()} forward and backward.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object mulTrainTorch() {
            try (NDScope ignored = new NDScope()) {
                JniUtils.setGradMode(true);
                backward(tx.mul(ty).sum());
                return null;
            }
        }

        /**
         * nano: {@code tanh(x)} on 1e6 elements.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object tanhNano(Both.Path path) {
            return x.detach().tanh();
        }

        /**
         * libtorch: {@code tanh(x)} on 1e6 elements.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object tanhTorch() {
            try (NDScope ignored = new NDScope()) {
                return tx.stopGradient().tanh().getShape();
            }
        }

        /**
         * nano: {@code x.sum()} of 1e6 elements.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object sumAllNano(Both.Path path) {
            return x.detach().sum();
        }

        /**
         * libtorch: {@code x.sum()} of 1e6 elements.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object sumAllTorch() {
            try (NDScope ignored = new NDScope()) {
                return tx.stopGradient().sum().getShape();
            }
        }

        /**
         * nano: {@code x.sum(1)}, the row sums of a 1000 × 1000 matrix.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object sumRowsNano(Both.Path path) {
            return x.detach().sum(1);
        }

        /**
         * libtorch: {@code x.sum(1)}, the row sums of a 1000 × 1000 matrix.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object sumRowsTorch() {
            try (NDScope ignored = new NDScope()) {
                return tx.stopGradient().sum(new int[] {1}).getShape();
            }
        }

        /**
         * softmax(dim=-1) forward, then backward with a random upstream gradient.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object softmaxTrainNano(Both.Path path) {
            x.zeroGrad();
            x.softmax(-1).backward(upstream);
            return x.grad();
        }

        /**
         * libtorch: softmax(dim=-1) forward, then backward with the same upstream gradient.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object softmaxTrainTorch() {
            try (NDScope ignored = new NDScope()) {
                JniUtils.setGradMode(true);
                NDArray s = tx.softmax(-1);
                JniUtils.backward((PtNDArray) s, (PtNDArray) tUpstream, false, false);
                JniUtils.setGradMode(false);
                return null;
            }
        }
    }

    /**
     * The exp-based rows of issue 20: exp, sigmoid, softmax and logsumexp on a 1000 × 1000 matrix,
     * forward and forward+backward.
     */
    public static class Transcendental extends Both {
        static final int N = 1000;
        /** libtorch's own logsumexp kernel (DJL has no method for it), through TorchScript as the oracle calls it. */
        private static final AtenKernel LOGSUMEXP = AtenKernel.of("aten::logsumexp",
                "x: Tensor, dims: List[int], keepdim: bool", "torch.logsumexp(x, dims, keepdim)");
        Tensor x;
        NDArray tx;

        @Override
        protected void prepare() {
            double[] xs = gaussian(6, N * N);
            x = nano(xs, N, N).requiresGrad(true);
            tx = torchLeaf(xs, N, N);
        }

        /**
         * nano: {@code exp(x)} on 1e6 elements.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object expNano(Both.Path path) {
            return x.detach().exp();
        }

        /**
         * libtorch: {@code exp(x)} on 1e6 elements.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object expTorch() {
            try (NDScope ignored = new NDScope()) {
                return tx.stopGradient().exp().getShape();
            }
        }

        /**
         * nano: {@code exp(x).sum()} forward and backward.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object expTrainNano(Both.Path path) {
            x.zeroGrad();
            x.exp().sum().backward();
            return x.grad();
        }

        /**
         * libtorch: {@code exp(x).sum()} forward and backward.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object expTrainTorch() {
            try (NDScope ignored = new NDScope()) {
                JniUtils.setGradMode(true);
                backward(tx.exp().sum());
                return null;
            }
        }

        /**
         * nano: {@code sigmoid(x)} on 1e6 elements.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object sigmoidNano(Both.Path path) {
            return x.detach().sigmoid();
        }

        /**
         * libtorch: {@code sigmoid(x)} on 1e6 elements.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object sigmoidTorch() {
            try (NDScope ignored = new NDScope()) {
                return JniUtils.sigmoid((PtNDArray) tx.stopGradient()).getShape();
            }
        }

        /**
         * nano: {@code sigmoid(x).sum()} forward and backward.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object sigmoidTrainNano(Both.Path path) {
            x.zeroGrad();
            x.sigmoid().sum().backward();
            return x.grad();
        }

        /**
         * libtorch: {@code sigmoid(x).sum()} forward and backward.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object sigmoidTrainTorch() {
            try (NDScope ignored = new NDScope()) {
                JniUtils.setGradMode(true);
                backward(JniUtils.sigmoid((PtNDArray) tx).sum());
                return null;
            }
        }

        /**
         * nano: {@code softmax(x, dim=-1)}, forward only.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object softmaxNano(Both.Path path) {
            return x.detach().softmax(-1);
        }

        /**
         * libtorch: {@code softmax(x, dim=-1)}, forward only.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object softmaxTorch() {
            try (NDScope ignored = new NDScope()) {
                return tx.stopGradient().softmax(-1).getShape();
            }
        }

        /**
         * nano: {@code logsumexp(x, dim=-1).sum()} forward and backward.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object logsumexpTrainNano(Both.Path path) {
            x.zeroGrad();
            x.logsumexp(-1).sum().backward();
            return x.grad();
        }

        /**
         * libtorch: {@code logsumexp(x, dim=-1).sum()} forward and backward.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object logsumexpTrainTorch() {
            try (NDScope ignored = new NDScope()) {
                JniUtils.setGradMode(true);
                backward(LOGSUMEXP.call(tx, new int[] {-1}, false).sum());
                return null;
            }
        }
    }

    static void backward(NDArray scalarLoss) {
        JniUtils.backward((PtNDArray) scalarLoss, (PtNDArray) scalarLoss.onesLike(), false, false);
        JniUtils.setGradMode(false);
    }
}
