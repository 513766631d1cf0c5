package dev.nano.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.nn.F;
import dev.nano.optim.Adam;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

import java.util.ArrayList;
import java.util.List;

/**
 * Training workloads: one MLP step, and a graph of many tiny ops.
 *
 * <p>There is no Python here, so "PyTorch" is libtorch composed through DJL: {@code linear} is
 * torch's {@code linear}, the loss is {@code log_softmax} times a one-hot target (nano calls its
 * own {@code cross_entropy}), and Adam is torch.optim's single-tensor update written with
 * libtorch's in-place ops. Each DJL call crosses JNI, which costs a few microseconds, as
 * Python's dispatch does for PyTorch.
 */
public class Training {
    private Training() {
    }

    /** zero_grad + forward + cross-entropy + backward + Adam step of a 784-256-128-10 MLP. */
    public static class Mlp extends Both {
        static final int[] SIZES = {784, 256, 128, 10};
        static final double LR = 1e-3;
        static final double BETA1 = 0.9;
        static final double BETA2 = 0.999;
        static final double EPS = 1e-8;

        /** The batch size (a JMH parameter). */
        @Param({"64", "256"})
        public int batch;

        final List<Tensor> params = new ArrayList<>();
        Adam adam;
        Tensor x;
        Tensor target;

        final List<NDArray> tParams = new ArrayList<>();
        final List<NDArray> expAvg = new ArrayList<>();
        final List<NDArray> expAvgSq = new ArrayList<>();
        int torchSteps;
        NDArray tx;
        NDArray tOneHot;

        @Override
        protected void prepare() {
            for (int layer = 0; layer < 3; layer++) {
                int in = SIZES[layer];
                int out = SIZES[layer + 1];
                double[] w = gaussian(10 + layer, out * in);
                for (int i = 0; i < w.length; i++) {
                    w[i] /= Math.sqrt(in);
                }
                double[] b = new double[out];
                params.add(nano(w, out, in).requiresGrad(true));
                params.add(nano(b, out).requiresGrad(true));
                tParams.add(torchLeaf(w, out, in));
                tParams.add(torchLeaf(b, out));
            }
            for (NDArray p : tParams) {
                expAvg.add(p.zerosLike());
                expAvgSq.add(p.zerosLike());
            }
            adam = Adam.builder(params).lr(LR).build();
            double[] xs = gaussian(20, batch * SIZES[0]);
            long[] labels = new long[batch];
            double[] oneHot = new double[batch * 10];
            for (int i = 0; i < batch; i++) {
                labels[i] = i % 10;
                oneHot[i * 10 + i % 10] = 1;
            }
            x = nano(xs, batch, SIZES[0]);
            target = Nano.longTensor(labels, batch);
            tx = torch(xs, batch, SIZES[0]);
            tOneHot = torch(oneHot, batch, 10);
        }

        /**
         * nano: one training step with {@code nn.F} and {@code optim.Adam}.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object stepNano(Both.Path path) {
            adam.zeroGrad();
            Tensor h = F.linear(x, params.get(0), params.get(1)).relu();
            h = F.linear(h, params.get(2), params.get(3)).relu();
            Tensor loss = F.crossEntropy(F.linear(h, params.get(4), params.get(5)), target);
            loss.backward();
            adam.step();
            return loss;
        }

        /**
         * libtorch: the same step, Adam written out as {@code torch.optim.Adam}'s single-tensor loop.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object stepTorch() {
            try (NDScope ignored = new NDScope()) {
                JniUtils.setGradMode(true);
                NDArray h = linear(tx, 0).getNDArrayInternal().relu();
                h = linear(h, 2).getNDArrayInternal().relu();
                NDArray logits = linear(h, 4);
                NDArray loss = logits.logSoftmax(1).mul(tOneHot).sum().neg().div(batch);
                JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                JniUtils.setGradMode(false);
                torchSteps++;
                double bias1 = 1 - Math.pow(BETA1, torchSteps);
                double bias2Sqrt = Math.sqrt(1 - Math.pow(BETA2, torchSteps));
                for (int i = 0; i < tParams.size(); i++) {
                    NDArray p = tParams.get(i);
                    NDArray g = p.getGradient();
                    expAvg.get(i).muli(BETA1).addi(g.mul(1 - BETA1));          // exp_avg.lerp_(grad, 1 - beta1)
                    // exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                    expAvgSq.get(i).muli(BETA2).addi(g.mul(g).muli(1 - BETA2));
                    NDArray denom = expAvgSq.get(i).sqrt().divi(bias2Sqrt).addi(EPS);
                    // param.addcdiv_(exp_avg, denom, value=-step_size)
                    p.stopGradient().subi(expAvg.get(i).div(denom).muli(LR / bias1));
                    g.muli(0); // zero_grad: libtorch's gradient buffer is reused
                }
                return null;
            }
        }

        private NDArray linear(NDArray input, int at) {
            return ai.djl.nn.core.Linear.linear(input, tParams.get(at), tParams.get(at + 1)).singletonOrThrow();
        }
    }

    /** 10,000 tiny ops on 0-d tensors (a running {@code y = y * w + x}, 5,000 times), then backward. */
    public static class TinyOps extends Both {
        static final int STEPS = 5_000;
        Tensor w;
        Tensor x;
        NDArray tw;
        NDArray tx;

        @Override
        protected void prepare() {
            w = Nano.scalar(0.999).requiresGrad(true);
            x = Nano.scalar(0.001).requiresGrad(true);
            tw = torch.create(0.999);
            tw.setRequiresGradient(true);
            tx = torch.create(0.001);
            tx.setRequiresGradient(true);
        }

        /**
         * nano: builds the 10,000-node graph and runs backward through it.
         * @param path which of nano's kernels run (a JMH parameter)
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object graphNano(Both.Path path) {
            w.zeroGrad();
            x.zeroGrad();
            Tensor y = x;
            for (int i = 0; i < STEPS; i++) {
                y = y.mul(w).add(x);
            }
            y.backward();
            return w.grad();
        }

        /**
         * libtorch: builds the 10,000-node graph and runs backward through it.
         * @return the result, so that JMH does not optimise the work away
         */
        @Benchmark
        public Object graphTorch() {
            try (NDScope ignored = new NDScope()) {
                JniUtils.setGradMode(true);
                NDArray y = tx;
                for (int i = 0; i < STEPS; i++) {
                    y = y.mul(tw).add(tx);
                }
                Ops.backward(y);
                return null;
            }
        }
    }
}
