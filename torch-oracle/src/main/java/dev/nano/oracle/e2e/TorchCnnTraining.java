package dev.nano.oracle.e2e;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.nano.Tensor;
import dev.nano.oracle.optim.OptimConfig;
import dev.nano.oracle.optim.TorchOptimizer;
import dev.nano.oracle.torch.TorchEngine;
import dev.nano.oracle.torch.TorchFunctional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The CNN run in libtorch: aten's convolution ({@code Conv2d.conv2d}, DJL's call of
 * {@code torch::convolution}), {@code relu}, {@code max_pool2d} ({@code Pool.maxPool2d}),
 * {@code F.linear} and {@code F.cross_entropy} ({@link TorchFunctional}), autograd's backward and
 * {@code torch.optim.SGD}'s step ({@link TorchOptimizer}), on the batches of
 * {@link TorchMnistTraining#batches}. As in {@link TorchMnistTraining}, each step runs in its own
 * sub-manager and the parameters and momentum buffers are carried as Java arrays (exact copies).
 */
public final class TorchCnnTraining {
    private TorchCnnTraining() {
    }

    /** LeNet's forward on (batch, 784) pixels with the parameters in nano's order. */
    static NDArray forward(NDArray pixels, List<NDArray> p) {
        Shape one = new Shape(1, 1);
        Shape zero = new Shape(0, 0);
        Shape two = new Shape(2, 2);
        NDArray h = pixels.reshape(-1, 1, 28, 28);
        h = Activation.relu(Conv2d.conv2d(h, p.get(0), p.get(1), one, zero, one, 1).singletonOrThrow());
        h = Pool.maxPool2d(h, two, two, zero, false);
        h = Activation.relu(Conv2d.conv2d(h, p.get(2), p.get(3), one, zero, one, 1).singletonOrThrow());
        h = Pool.maxPool2d(h, two, two, zero, false);
        h = h.reshape(h.getShape().get(0), 256);
        h = Activation.relu(TorchFunctional.linear(h, p.get(4), p.get(5)));
        return TorchFunctional.linear(h, p.get(6), p.get(7));
    }

    /**
     * libtorch's run from the given initial weights on the run's batches.
     * @param data the digits
     * @param steps how many steps
     * @param test whether to test afterwards
     * @param initial the initial weights by PyTorch's names (1.weight, 1.bias, 4.weight, ...)
     * @param progress told after every step
     * @return the trace
     */
    public static Trace run(MnistData data, int steps, boolean test, Map<String, Tensor> initial,
                            Consumer<Trace> progress) {
        Trace trace = new Trace();
        Map<String, double[]> params = new LinkedHashMap<>();
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
            NDArray y = m.create(TorchMnistTraining.longs(train[1].data()), new Shape(train[1].size(0)));
            TorchOptimizer sgd = TorchOptimizer.create(OptimConfig.of("sgd", "lr", CnnRun.LR, "momentum",
                    CnnRun.MOMENTUM), m, Arrays.asList(new NDArray[names.size()]));
            long start = System.nanoTime();
            for (long[] batch : TorchMnistTraining.batches(data.train().size(), steps)) {
                try (NDManager step = m.newSubManager()) {
                    NDArray index = step.create(batch);
                    NDArray xb = x.get(new NDIndex("{}", index));
                    NDArray yb = y.get(new NDIndex("{}", index));
                    xb.attach(step);
                    yb.attach(step);
                    List<NDArray> p = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        NDArray leaf = step.create(params.get(names.get(i)),
                                TorchMnistTraining.shape(trace.shapes.get(names.get(i))));
                        leaf.setRequiresGradient(true);
                        p.add(leaf);
                        sgd.state(i).clear();
                        for (Map.Entry<String, double[]> s : state.get(i).entrySet()) {
                            sgd.state(i).put(s.getKey(), step.create(s.getValue(), leaf.getShape()));
                        }
                    }
                    NDArray loss = TorchFunctional.crossEntropy(forward(xb, p), yb, null, -100, "mean", 0.0);
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
                if (CnnRun.CHECKPOINTS.contains(trace.steps())) {
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
            NDArray y = t.create(TorchMnistTraining.longs(test[1].data()), new Shape(test[1].size(0)));
            List<NDArray> p = new ArrayList<>();
            params.forEach((name, v) -> p.add(t.create(v, TorchMnistTraining.shape(trace.shapes.get(name)))));
            NDArray logits = forward(x, p);
            trace.testLoss = TorchFunctional.crossEntropy(logits, y, null, -100, "mean", 0.0).toDoubleArray()[0];
            long correct = logits.argMax(1).eq(y).sum().toType(DataType.INT64, false).getLong();
            trace.testAccuracy = correct / (double) test[0].size(0);
        }
    }
}
