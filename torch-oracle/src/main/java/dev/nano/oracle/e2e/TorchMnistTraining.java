package dev.nano.oracle.e2e;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.oracle.optim.OptimConfig;
import dev.nano.oracle.optim.TorchOptimizer;
import dev.nano.oracle.torch.AtenKernel;
import dev.nano.oracle.torch.TorchEngine;
import dev.nano.oracle.torch.TorchFunctional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The same run in libtorch: {@code F.linear}, {@code relu}, {@code F.linear} and
 * {@code F.cross_entropy} (PyTorch's own kernels, through {@link TorchFunctional}), autograd's
 * backward, and {@code torch.optim.SGD}'s step ({@link TorchOptimizer}, written in torch.optim's
 * order). Batches are what {@code DataLoader(shuffle=True)} takes: {@code x[perm[k·64 : (k+1)·64]]}
 * with libtorch's own indexing, the permutation drawn per epoch from a replay of the run's
 * generator. The initial weights are libtorch's own, from the seed ({@link TorchSeededInit}); the
 * dropout masks ({@code torch.dropout(h, p, train=True)}) come from the same global generator after them.
 *
 * <p>Native memory: every step runs in its own sub-manager, closed at the end of the step; the
 * parameters and the momentum buffers are carried from step to step as Java arrays (exact copies).
 */
public final class TorchMnistTraining {
    private static final AtenKernel DROPOUT = AtenKernel.of("aten::dropout", "x: Tensor, p: float",
            "torch.dropout(x, p, True)");

    private TorchMnistTraining() {
    }

    /**
     * The permutation's slice for each step, epoch after epoch: what RandomSampler + BatchSampler yield.
     * @param examples the training set's size
     * @param steps how many steps
     * @return the batches' dataset indices
     */
    public static List<long[]> batches(int examples, int steps) {
        Random replay = new Random(MnistRun.SHUFFLE_SEED);
        List<long[]> out = new ArrayList<>();
        while (out.size() < steps) {
            double[] perm = Nano.randperm(examples, replay).data();
            for (int from = 0; from < examples && out.size() < steps; from += MnistRun.BATCH) {
                long[] batch = new long[Math.min(MnistRun.BATCH, examples - from)];
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = (long) perm[from + i];
                }
                out.add(batch);
            }
        }
        return out;
    }

    /**
     * PyTorch's run from the seed and the same batches: the reference trace.
     * @param run the run's settings
     * @param data the digits
     * @param steps how many steps
     * @param test whether to test afterwards
     * @param progress told after every step
     * @return the trace
     */
    public static Trace run(MnistRun run, MnistData data, int steps, boolean test, Consumer<Trace> progress) {
        Trace trace = new Trace();
        Map<String, double[]> params = new LinkedHashMap<>();
        Map<String, Tensor> initial;
        try (NDManager init = TorchEngine.baseManager().newSubManager()) {
            initial = TorchSeededInit.weights(run, init);
        }
        initial.forEach((name, t) -> {
            params.put(name, t.data().clone());
            trace.shapes.put(name, t.shape());
        });
        List<String> names = new ArrayList<>(params.keySet());
        List<Map<String, double[]>> state = new ArrayList<>();
        names.forEach(n -> state.add(new LinkedHashMap<>()));
        Tensor[] train = data.train().tensors();
        try (NDManager m = TorchEngine.baseManager().newSubManager();
             GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray x = m.create(train[0].data(), new Shape(train[0].size(0), train[0].size(1)));
            NDArray y = m.create(longs(train[1].data()), new Shape(train[1].size(0)));
            // SGD's state starts empty; create() only needs the number of parameters from the list.
            TorchOptimizer sgd = TorchOptimizer.create(OptimConfig.of("sgd", "lr", run.lr(), "momentum",
                    run.momentum()), m, Arrays.asList(new NDArray[names.size()]));
            long start = System.nanoTime();
            for (long[] batch : batches(data.train().size(), steps)) {
                try (NDManager step = m.newSubManager()) {
                    NDArray index = step.create(batch);
                    NDArray xb = x.get(new NDIndex("{}", index));
                    NDArray yb = y.get(new NDIndex("{}", index));
                    xb.attach(step);
                    yb.attach(step);
                    List<NDArray> p = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        NDArray leaf = step.create(params.get(names.get(i)), shape(trace.shapes.get(names.get(i))));
                        leaf.setRequiresGradient(true);
                        p.add(leaf);
                        sgd.state(i).clear();
                        for (Map.Entry<String, double[]> s : state.get(i).entrySet()) {
                            sgd.state(i).put(s.getKey(), step.create(s.getValue(), leaf.getShape()));
                        }
                    }
                    NDArray hidden = Activation.relu(TorchFunctional.linear(xb, p.get(0), p.get(1)));
                    if (run.dropout() > 0) {
                        hidden = DROPOUT.call(hidden, run.dropout());
                    }
                    NDArray logits = TorchFunctional.linear(hidden, p.get(2), p.get(3));
                    NDArray loss = TorchFunctional.crossEntropy(logits, yb, null, -100, "mean", 0.0);
                    JniUtils.backward((PtNDArray) loss, (PtNDArray) step.create(1.0), false, false);
                    NDArray[] values = p.stream().map(NDArray::stopGradient).toArray(NDArray[]::new);
                    NDArray[] grads = p.stream().map(NDArray::getGradient).toArray(NDArray[]::new);
                    sgd.step(values, grads);
                    for (int i = 0; i < names.size(); i++) {
                        params.put(names.get(i), values[i].toDoubleArray());
                        state.get(i).clear();
                        for (Map.Entry<String, NDArray> s : sgd.state(i).entrySet()) {
                            state.get(i).put(s.getKey(), s.getValue().toDoubleArray());
                        }
                        sgd.state(i).clear();
                    }
                    trace.losses.add(loss.toDoubleArray()[0]);
                    trace.batches.add(batch);
                }
                if (MnistRun.CHECKPOINTS.contains(trace.steps())) {
                    Map<String, double[]> copy = new LinkedHashMap<>();
                    params.forEach((k, v) -> copy.put(k, v.clone()));
                    trace.checkpoints.put(trace.steps(), copy);
                }
                progress.accept(trace);
            }
            trace.trainSeconds = (System.nanoTime() - start) / 1e9;
            if (test) {
                test(m, data, params, trace);
            }
        }
        return trace;
    }

    private static void test(NDManager m, MnistData data, Map<String, double[]> params, Trace trace) {
        Tensor[] test = data.test().tensors();
        try (NDManager t = m.newSubManager()) {
            NDArray x = t.create(test[0].data(), new Shape(test[0].size(0), test[0].size(1)));
            NDArray y = t.create(longs(test[1].data()), new Shape(test[1].size(0)));
            List<NDArray> p = new ArrayList<>();
            params.forEach((name, v) -> p.add(t.create(v, shape(trace.shapes.get(name)))));
            NDArray logits = TorchFunctional.linear(Activation.relu(TorchFunctional.linear(x, p.get(0), p.get(1))),
                    p.get(2), p.get(3));
            trace.testLoss = TorchFunctional.crossEntropy(logits, y, null, -100, "mean", 0.0).toDoubleArray()[0];
            long correct = logits.argMax(1).eq(y).sum().toType(DataType.INT64, false).getLong();
            trace.testAccuracy = correct / (double) test[0].size(0);
        }
    }

    static long[] longs(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (long) values[i];
        }
        return out;
    }

    static Shape shape(int[] dims) {
        long[] l = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            l[i] = dims[i];
        }
        return new Shape(l);
    }
}
