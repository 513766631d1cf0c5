package dev.nano.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.jni.JniUtils;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.nn.F;
import dev.nano.optim.SGD;
import org.openjdk.jmh.annotations.Benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * Convolution and pooling rows: {@code conv2d} forward+backward on LeNet's first layer (batch 64,
 * 1→6, 5×5 over 28×28) and on a 64→64 3×3 layer over 32×32 (batch 16, padding 1),
 * {@code max_pool2d} 2×2 forward+backward over (64, 6, 24, 24), and one LeNet training step (conv
 * 5×5 → ReLU → max-pool → conv 5×5 → ReLU → max-pool → Linear → ReLU → Linear, cross entropy, SGD
 * with momentum), each on nano and on libtorch (DJL's {@code Conv2d.conv2d} and
 * {@code Pool.maxPool2d}, which call aten's convolution and max_pool2d) with the same inputs.
 */
public class Conv {
    private Conv() {
    }

    /** One convolution layer's data: input, weight, bias on both sides. */
    static final class Layer {
        final Tensor x;
        final Tensor w;
        final Tensor b;
        final NDArray tx;
        final NDArray tw;
        final NDArray tb;
        final int padding;

        Layer(Both both, long seed, int batch, int in, int out, int k, int size, int padding) {
            double[] xs = Both.gaussian(seed, batch * in * size * size);
            double[] ws = Both.gaussian(seed + 1, out * in * k * k);
            double[] bs = Both.gaussian(seed + 2, out);
            x = Both.nano(xs, batch, in, size, size).requiresGrad(true);
            w = Both.nano(ws, out, in, k, k).requiresGrad(true);
            b = Both.nano(bs, out).requiresGrad(true);
            tx = both.torchLeaf(xs, batch, in, size, size);
            tw = both.torchLeaf(ws, out, in, k, k);
            tb = both.torchLeaf(bs, out);
            this.padding = padding;
        }

        Object trainNano() {
            x.zeroGrad();
            w.zeroGrad();
            b.zeroGrad();
            Nano.conv2d(x, w, b, new int[] {1}, new int[] {padding}, new int[] {1}, 1).sum().backward();
            return w.grad();
        }

        Object trainTorch() {
            try (NDScope ignored = new NDScope()) {
                JniUtils.setGradMode(true);
                Ops.backward(Conv2d.conv2d(tx, tw, tb, new Shape(1, 1), new Shape(padding, padding), new Shape(1, 1),
                        1).singletonOrThrow().sum());
                return null;
            }
        }
    }

    /** conv2d forward+backward, LeNet's first layer: batch 64, 1→6 channels, 5×5 over 28×28. */
    public static class Lenet extends Both {
        Layer layer;

        @Override
        protected void prepare() {
            layer = new Layer(this, 30, 64, 1, 6, 5, 28, 0);
        }

        /**
         * nano: {@code conv2d(x, w, b).sum()} forward and backward.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object trainNano(Both.Path path) {
            return layer.trainNano();
        }

        /**
         * libtorch: the same.
         * @return null
         */
        @Benchmark
        public Object trainTorch() {
            return layer.trainTorch();
        }
    }

    /** conv2d forward+backward, 64→64 channels, 3×3 with padding 1 over 32×32, batch 16. */
    public static class Wide extends Both {
        Layer layer;

        @Override
        protected void prepare() {
            layer = new Layer(this, 40, 16, 64, 64, 3, 32, 1);
        }

        /**
         * nano: {@code conv2d(x, w, b, padding=1).sum()} forward and backward.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object trainNano(Both.Path path) {
            return layer.trainNano();
        }

        /**
         * libtorch: the same.
         * @return null
         */
        @Benchmark
        public Object trainTorch() {
            return layer.trainTorch();
        }
    }

    /** max_pool2d 2×2 (stride 2) forward+backward over (64, 6, 24, 24): LeNet's first pooling. */
    public static class MaxPool extends Both {
        Tensor x;
        NDArray tx;

        @Override
        protected void prepare() {
            double[] xs = gaussian(50, 64 * 6 * 24 * 24);
            x = nano(xs, 64, 6, 24, 24).requiresGrad(true);
            tx = torchLeaf(xs, 64, 6, 24, 24);
        }

        /**
         * nano: {@code max_pool2d(x, 2).sum()} forward and backward.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object trainNano(Both.Path path) {
            x.zeroGrad();
            Nano.maxPool2d(x, new int[] {2}, new int[] {2}, new int[] {0}, new int[] {1}, false).values().sum()
                    .backward();
            return x.grad();
        }

        /**
         * libtorch: the same.
         * @return null
         */
        @Benchmark
        public Object trainTorch() {
            try (NDScope ignored = new NDScope()) {
                JniUtils.setGradMode(true);
                Ops.backward(Pool.maxPool2d(tx, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false).sum());
                return null;
            }
        }
    }

    /** One LeNet training step, batch 64: forward, cross entropy, backward, SGD with momentum 0.9. */
    public static class Cnn extends Both {
        static final int BATCH = 64;
        static final double LR = 0.01;
        static final double MOMENTUM = 0.9;
        /** (out, in, kH, kW) of conv1, conv2; (out, in) of fc1, fc2. */
        static final int[][] SHAPES = {{6, 1, 5, 5}, {16, 6, 5, 5}, {120, 256}, {10, 120}};

        final List<Tensor> params = new ArrayList<>();
        final List<NDArray> tParams = new ArrayList<>();
        final List<NDArray> buffers = new ArrayList<>();
        SGD sgd;
        Tensor x;
        Tensor target;
        NDArray tx;
        NDArray tOneHot;
        boolean firstTorchStep = true;

        @Override
        protected void prepare() {
            for (int l = 0; l < SHAPES.length; l++) {
                int[] s = SHAPES[l];
                int fanIn = 1;
                for (int d = 1; d < s.length; d++) {
                    fanIn *= s[d];
                }
                int n = fanIn * s[0];
                double[] w = gaussian(60 + l, n);
                for (int i = 0; i < n; i++) {
                    w[i] /= Math.sqrt(fanIn);
                }
                double[] b = new double[s[0]];
                params.add(nano(w, s).requiresGrad(true));
                params.add(nano(b, s[0]).requiresGrad(true));
                tParams.add(torchLeaf(w, s));
                tParams.add(torchLeaf(b, s[0]));
            }
            sgd = SGD.builder(params).lr(LR).momentum(MOMENTUM).build();
            double[] xs = gaussian(70, BATCH * 28 * 28);
            long[] labels = new long[BATCH];
            double[] oneHot = new double[BATCH * 10];
            for (int i = 0; i < BATCH; i++) {
                labels[i] = i % 10;
                oneHot[i * 10 + i % 10] = 1;
            }
            x = nano(xs, BATCH, 1, 28, 28);
            target = Nano.longTensor(labels, BATCH);
            tx = torch(xs, BATCH, 1, 28, 28);
            tOneHot = torch(oneHot, BATCH, 10);
        }

        /**
         * nano: one step with {@code Nano.conv2d}, {@code maxPool2d}, {@code nn.F} and {@code optim.SGD}.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the loss
         */
        @Benchmark
        public Object stepNano(Both.Path path) {
            sgd.zeroGrad();
            int[] one = {1};
            int[] two = {2};
            int[] zero = {0};
            Tensor h = Nano.conv2d(x, params.get(0), params.get(1), one, zero, one, 1).relu();
            h = Nano.maxPool2d(h, two, two, zero, one, false).values();
            h = Nano.conv2d(h, params.get(2), params.get(3), one, zero, one, 1).relu();
            h = Nano.maxPool2d(h, two, two, zero, one, false).values().reshape(BATCH, 256);
            h = F.linear(h, params.get(4), params.get(5)).relu();
            Tensor loss = F.crossEntropy(F.linear(h, params.get(6), params.get(7)), target);
            loss.backward();
            sgd.step();
            return loss;
        }

        /**
         * libtorch: the same step, SGD with momentum written out as {@code torch.optim.SGD}'s loop.
         * @return null
         */
        @Benchmark
        public Object stepTorch() {
            try (NDScope ignored = new NDScope()) {
                JniUtils.setGradMode(true);
                Shape one = new Shape(1, 1);
                Shape zero = new Shape(0, 0);
                Shape two = new Shape(2, 2);
                NDArray h = Conv2d.conv2d(tx, tParams.get(0), tParams.get(1), one, zero, one, 1).singletonOrThrow()
                        .getNDArrayInternal().relu();
                h = Pool.maxPool2d(h, two, two, zero, false);
                h = Conv2d.conv2d(h, tParams.get(2), tParams.get(3), one, zero, one, 1).singletonOrThrow()
                        .getNDArrayInternal().relu();
                h = Pool.maxPool2d(h, two, two, zero, false).reshape(BATCH, 256);
                h = ai.djl.nn.core.Linear.linear(h, tParams.get(4), tParams.get(5)).singletonOrThrow()
                        .getNDArrayInternal().relu();
                NDArray logits = ai.djl.nn.core.Linear.linear(h, tParams.get(6), tParams.get(7)).singletonOrThrow();
                NDArray loss = logits.logSoftmax(1).mul(tOneHot).sum().neg().div(BATCH);
                Ops.backward(loss);
                for (int i = 0; i < tParams.size(); i++) {
                    NDArray p = tParams.get(i);
                    NDArray g = p.getGradient();
                    if (firstTorchStep) { // buf = clone(grad), then buf.mul_(momentum).add_(grad)
                        NDArray buf = g.duplicate();
                        buf.detach();
                        buffers.add(buf);
                    } else {
                        buffers.get(i).muli(MOMENTUM).addi(g);
                    }
                    p.stopGradient().subi(buffers.get(i).mul(LR));
                    g.muli(0); // zero_grad: libtorch's gradient buffer is reused
                }
                firstTorchStep = false;
                return null;
            }
        }
    }
}
