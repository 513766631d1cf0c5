package dev.nano.oracle.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.nn.BatchNorm1d;
import dev.nano.nn.CrossEntropyLoss;
import dev.nano.nn.Dropout;
import dev.nano.nn.F;
import dev.nano.nn.Linear;
import dev.nano.nn.ReLU;
import dev.nano.nn.Sequential;
import dev.nano.optim.Adam;
import dev.nano.oracle.optim.OptimConfig;
import dev.nano.oracle.optim.TorchOptimizer;
import dev.nano.oracle.torch.TorchEngine;
import dev.nano.oracle.torch.TorchFunctional;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Tolerance;
import dev.nano.oracle.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small model trained for ten steps (its fixture is {@code end-to-end.json}, a name kept from before
 * "end to end" came to mean only the MNIST runs of {@code dev.nano.oracle.e2e}):
 * {@code Sequential(Linear(4,8), BatchNorm1d(8), ReLU(), Dropout(0.2), Linear(8,3))}, cross entropy,
 * Adam (lr 0.01), ten steps on one batch of 32, from the same initial weights and with the same
 * dropout masks in nano and PyTorch. After each step: the
 * loss, every parameter, and the batch norm's running statistics. Then, in eval mode and
 * without gradients, the logits and predicted classes of a held-out batch.
 *
 * <p>PyTorch's side: the layers are torch.nn.functional's kernels; Adam is
 * {@code torch.optim.Adam}'s single-tensor step (torch/optim/adam.py, {@code _single_tensor_adam}) in
 * libtorch operations.
 */
final class SmallModelTraining implements NnScenario {
    static final long INIT_SEED = 7;
    static final long MASK_SEED = 8;
    static final double P = 0.2;
    static final double LR = 0.01;
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;
    static final int STEPS = 10;
    static final int BATCH = 32;
    static final int FEATURES = 4;
    static final int CLASSES = 3;

    @Override
    public String name() {
        return "end-to-end";
    }

    static Sequential model() {
        Random init = new Random(INIT_SEED);
        return new Sequential(new Linear(FEATURES, 8, true, init), new BatchNorm1d(8), new ReLU(),
                new Dropout(P, new Random(MASK_SEED)), new Linear(8, CLASSES, true, init));
    }

    /** Features, and classes from a fixed linear rule, so that there is something to learn. */
    static Input[] data(String which) {
        Random r = new Random(("end-to-end/" + which).hashCode());
        double[] x = new double[BATCH * FEATURES];
        double[] y = new double[BATCH];
        for (int i = 0; i < BATCH; i++) {
            double[] score = new double[CLASSES];
            for (int f = 0; f < FEATURES; f++) {
                x[i * FEATURES + f] = 2 * r.nextDouble() - 1;
                for (int c = 0; c < CLASSES; c++) {
                    score[c] += x[i * FEATURES + f] * Math.sin(1 + c * FEATURES + f);
                }
            }
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                best = score[c] > score[best] ? c : best;
            }
            y[i] = best;
        }
        return new Input[] {Input.constant(new int[] {BATCH, FEATURES}, x), Input.int64(new int[] {BATCH}, y)};
    }

    /**
     * The first layer's bias feeds a batch norm in training mode, which removes any per-channel
     * shift: its exact gradient is 0, and both frameworks compute rounding noise (~1e-17) there.
     * Adam divides that noise by √v + eps ≈ 1e-8 and moves the bias by ~1e-11 per step, in
     * directions that depend on the order of each framework's sums; the running mean carries the
     * bias. Those two are compared on their own, at this tolerance; everything else at the default.
     */
    static final Tolerance NOISE_DRIVEN = Tolerance.looser(1e-10, 1e-9, "Linear(4,8)'s bias has an exact gradient "
            + "of 0 (the batch norm after it removes per-channel shifts): both frameworks see rounding noise, which "
            + "Adam turns into ~1e-11 steps that differ between them; the running mean inherits them");

    /** After step k: loss, the parameters and the running variance; then the first bias and the running mean. */
    private static List<Step> snapshot(String id, List<Input> inputs, Value loss, List<Value> parameters,
                                       Value runningMean, Value runningVar) {
        List<Value> main = new ArrayList<>(List.of(loss));
        for (int i = 0; i < parameters.size(); i++) {
            if (i != 1) {
                main.add(parameters.get(i));
            }
        }
        main.add(runningVar);
        return List.of(Step.of(id, inputs, new Result(main, null, List.of(), null)),
                new Step(id + ": first layer's bias and running mean", List.of(),
                        new Result(List.of(parameters.get(1), runningMean), null, List.of(), null), NOISE_DRIVEN));
    }

    /**
     * Eval mode normalises with the running mean, which carries the first bias's noise (see
     * {@link #NOISE_DRIVEN}), so the logits are compared at that tolerance; the predicted classes
     * exactly.
     */
    private static List<Step> evaluation(Input[] test, Value logits, Value predicted) {
        return List.of(new Step("eval on held-out batch: logits", List.of(test),
                        new Result(List.of(logits), null, List.of(), null), NOISE_DRIVEN),
                Step.of("eval on held-out batch: predicted classes", List.of(),
                        new Result(List.of(predicted), null, List.of(), null)));
    }

    @Override
    public List<Step> runNano(Upstreams upstreams) {
        Sequential model = model();
        BatchNorm1d bn = (BatchNorm1d) model.get(1);
        Adam adam = Adam.builder(model.parameters()).lr(LR).betas(BETA1, BETA2).eps(EPS).build();
        CrossEntropyLoss lossFunction = new CrossEntropyLoss();
        Input[] train = data("train");
        Tensor x = Value.of(train[0]).toTensor();
        Tensor y = Value.of(train[1]).toTensor();
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of("initial parameters", List.of(), new Result(values(model.parameters()), null, List.of(),
                null)));
        model.train();
        for (int step = 1; step <= STEPS; step++) {
            adam.zeroGrad();
            Tensor loss = lossFunction.forward(model.forward(x), y);
            loss.backward();
            adam.step();
            steps.addAll(snapshot("step " + step, List.of(train), Value.of(loss), values(model.parameters()),
                    Value.of(bn.runningMean()), Value.of(bn.runningVar())));
        }
        model.eval();
        Input[] test = data("test");
        try (var noGrad = Nano.noGrad()) {
            Tensor logits = model.forward(Value.of(test[0]).toTensor());
            steps.addAll(evaluation(test, Value.of(logits), Value.of(logits.argmax(1, false))));
        }
        return steps;
    }

    private static List<Value> values(List<Tensor> tensors) {
        return tensors.stream().map(Value::of).toList();
    }

    @Override
    public List<Step> runTorch(Upstreams upstreams) {
        List<double[]> parameters = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        for (Tensor t : model().parameters()) {
            parameters.add(t.toDoubleArray());
            shapes.add(t.shape());
        }
        Random masks = new Random(MASK_SEED);
        Input[] train = data("train");
        List<Step> steps = new ArrayList<>();
        try (NDManager m = TorchEngine.baseManager().newSubManager();
             GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            List<NDArray> p = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                p.add(TorchValues.leaf(m, parameters.get(i), shapes.get(i)));
            }
            steps.add(Step.of("initial parameters", List.of(), new Result(p.stream().map(TorchValues::read).toList(),
                    null, List.of(), null)));
            NDArray runningMean = m.zeros(new Shape(8), DataType.FLOAT64);
            NDArray runningVar = m.ones(new Shape(8), DataType.FLOAT64);
            // The same torch.optim.Adam that fixtures/optim checks nano's Adam against.
            TorchOptimizer adam = TorchOptimizer.create(OptimConfig.of("adam", "lr", LR, "beta1", BETA1,
                    "beta2", BETA2, "eps", EPS), m, p);
            NDArray x = TorchValues.create(m, Value.of(train[0]));
            NDArray y = TorchValues.create(m, Value.of(train[1]));
            for (int step = 1; step <= STEPS; step++) {
                NDArray h = TorchFunctional.linear(x, p.get(0), p.get(1));
                h = TorchFunctional.batchNorm(h, runningMean, runningVar, p.get(2), p.get(3), true, 0.1, 1e-5);
                h = Activation.relu(h);
                h = TrainEvalSwitch.dropout(h, F.dropoutMask(TorchValues.ints(h.getShape().getShape()), P, masks), P);
                NDArray logits = TorchFunctional.linear(h, p.get(4), p.get(5));
                NDArray loss = TorchFunctional.crossEntropy(logits, y, null, -100, "mean", 0.0);
                Value lossValue = TorchValues.read(loss);
                JniUtils.backward((PtNDArray) loss, (PtNDArray) m.create(1.0), false, false);
                NDArray[] params = p.stream().map(NDArray::stopGradient).toArray(NDArray[]::new);
                NDArray[] grads = p.stream().map(NDArray::getGradient).toArray(NDArray[]::new);
                adam.step(params, grads);
                List<NDArray> next = new ArrayList<>();
                for (int i = 0; i < p.size(); i++) {
                    next.add(TorchValues.leaf(m, params[i].toDoubleArray(), shapes.get(i)));
                }
                p = next;
                steps.addAll(snapshot("step " + step, List.of(train), lossValue,
                        p.stream().map(TorchValues::read).toList(), TorchValues.read(runningMean),
                        TorchValues.read(runningVar)));
            }
            Input[] test = data("test");
            NDArray h = TorchFunctional.linear(TorchValues.create(m, Value.of(test[0])), p.get(0), p.get(1));
            h = TorchFunctional.batchNorm(h, runningMean, runningVar, p.get(2), p.get(3), false, 0.1, 1e-5);
            NDArray logits = TorchFunctional.linear(Activation.relu(h), p.get(4), p.get(5));
            NDArray predicted = logits.argMax(1);
            steps.addAll(evaluation(test, TorchValues.read(logits), TorchValues.read(predicted)));
        }
        return steps;
    }
}
