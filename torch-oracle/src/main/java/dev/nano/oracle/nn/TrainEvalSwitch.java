package dev.nano.oracle.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.nn.BatchNorm1d;
import dev.nano.nn.Dropout;
import dev.nano.nn.F;
import dev.nano.nn.Linear;
import dev.nano.nn.Sequential;
import dev.nano.oracle.torch.TorchEngine;
import dev.nano.oracle.torch.TorchFunctional;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A model whose output depends on its mode — {@code Sequential(Linear(4,6), BatchNorm1d(6),
 * Dropout(0.5), Linear(6,3))} — switched with {@code train()} and {@code eval()} on the whole
 * model and on one submodule: each step's output, the gradients of the input and of every
 * parameter, and the batch norm's running statistics.
 *
 * <p>nano's side calls the module API; PyTorch's side is told, per step, which modules are in
 * training mode, as PyTorch's {@code Module.train()} would leave them ({@code eval()} on a
 * submodule touches only that subtree, a later {@code train()} on the model resets everything).
 * Dropout masks are drawn from nano's seeded generator and given to both sides.
 */
final class TrainEvalSwitch implements NnScenario {
    static final long INIT_SEED = 11;
    static final long MASK_SEED = 12;
    static final double P = 0.5;
    static final int[] X_SHAPE = {5, 4};

    /** What nano does before the step, and the mode each module is then in. */
    record Action(String id, String batch, Consumer<Sequential> nano, boolean batchNormTraining,
                  boolean dropoutTraining) {
    }

    static final List<Action> STEPS = List.of(
            new Action("train, batch A", "A", Sequential::train, true, true),
            new Action("train, batch B", "B", m -> { }, true, true),
            new Action("eval, batch A", "A", Sequential::eval, false, false),
            new Action("eval, batch B", "B", m -> { }, false, false),
            new Action("train() after eval, batch A", "A", Sequential::train, true, true),
            new Action("model train, batch norm eval, batch B", "B", m -> {
                m.train();
                m.get(1).eval();
            }, false, true),
            new Action("model train, dropout eval, batch A", "A", m -> {
                m.train();
                m.get(2).eval();
            }, true, false),
            new Action("train again, batch B", "B", Sequential::train, true, true));

    @Override
    public String name() {
        return "train-eval";
    }

    static Sequential model() {
        Random init = new Random(INIT_SEED);
        return new Sequential(new Linear(4, 6, true, init), new BatchNorm1d(6), new Dropout(P, new Random(MASK_SEED)),
                new Linear(6, 3, true, init));
    }

    double[] batch(String name) {
        Random r = new Random((name() + "/" + name).hashCode());
        double[] v = new double[X_SHAPE[0] * X_SHAPE[1]];
        for (int i = 0; i < v.length; i++) {
            v[i] = 4 * r.nextDouble() - 2;
        }
        return v;
    }

    /** The step's input, then the parameters in registration order, all requiring grad. */
    private List<Input> inputs(Action a, List<Tensor> parameters) {
        List<Input> in = new ArrayList<>(List.of(Input.of(X_SHAPE, batch(a.batch()))));
        for (Tensor p : parameters) {
            in.add(Input.of(p.shape(), p.toDoubleArray()));
        }
        return in;
    }

    @Override
    public List<Step> runNano(Upstreams upstreams) {
        Sequential model = model();
        BatchNorm1d bn = (BatchNorm1d) model.get(1);
        List<Tensor> parameters = model.parameters();
        List<Step> steps = new ArrayList<>();
        for (Action a : STEPS) {
            a.nano().accept(model);
            if (bn.isTraining() != a.batchNormTraining() || model.get(2).isTraining() != a.dropoutTraining()) {
                throw new IllegalStateException(a.id() + ": nano's modules are not in the modes PyTorch's would be");
            }
            List<Input> in = inputs(a, parameters);
            Tensor x = new Tensor(in.get(0).values().clone(), X_SHAPE).requiresGrad(true);
            Tensor y = model.forward(x);
            Value up = upstreams.of(a.id(), y.shape());
            y.backward(up.toTensor());
            List<Value> outputs = List.of(Value.of(y), Value.of(bn.runningMean()), Value.of(bn.runningVar()),
                    Value.of(bn.numBatchesTracked()));
            List<Value> grads = new ArrayList<>(List.of(NnScenarios.grad(x)));
            parameters.forEach(p -> grads.add(NnScenarios.grad(p)));
            model.zeroGrad();
            steps.add(Step.of(a.id(), in, new Result(outputs, up, grads, null)));
        }
        return steps;
    }

    @Override
    public List<Step> runTorch(Upstreams upstreams) {
        List<Tensor> parameters = model().parameters(); // the same initial values
        Random masks = new Random(MASK_SEED);
        List<Step> steps = new ArrayList<>();
        try (NDManager m = TorchEngine.baseManager().newSubManager();
             GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray runningMean = m.zeros(new Shape(6), DataType.FLOAT64);
            NDArray runningVar = m.ones(new Shape(6), DataType.FLOAT64);
            long numBatchesTracked = 0;
            for (Action a : STEPS) {
                List<Input> in = inputs(a, parameters);
                NDArray x = TorchValues.leaf(m, in.get(0).values(), X_SHAPE);
                List<NDArray> p = new ArrayList<>();
                for (Tensor t : parameters) {
                    p.add(TorchValues.leaf(m, t.data(), t.shape()));
                }
                NDArray h = TorchFunctional.linear(x, p.get(0), p.get(1));
                double factor = 0.1;
                if (a.batchNormTraining()) {
                    numBatchesTracked += 1;
                }
                h = TorchFunctional.batchNorm(h, runningMean, runningVar, p.get(2), p.get(3), a.batchNormTraining(),
                        factor, 1e-5);
                if (a.dropoutTraining()) {
                    h = dropout(h, F.dropoutMask(TorchValues.ints(h.getShape().getShape()), P, masks), P);
                }
                NDArray y = TorchFunctional.linear(h, p.get(4), p.get(5));
                List<Value> outputs = List.of(TorchValues.read(y), TorchValues.read(runningMean),
                        TorchValues.read(runningVar), new Value(new int[0], DType.INT64, new double[] {numBatchesTracked}));
                Value up = upstreams.of(a.id(), outputs.get(0).shape());
                JniUtils.backward((PtNDArray) y, (PtNDArray) TorchValues.create(m, up), false, false);
                List<Value> grads = new ArrayList<>(List.of(TorchValues.gradient(x)));
                p.forEach(t -> grads.add(TorchValues.gradient(t)));
                steps.add(Step.of(a.id(), in, new Result(outputs, up, grads, null)));
            }
        }
        return steps;
    }

    /** PyTorch's dropout with a given mask: {@code x * mask * (1/(1-p))}. */
    static NDArray dropout(NDArray x, Tensor mask, double p) {
        NDArray keep = TorchValues.create(x.getManager(), Value.of(mask.toFloat64()));
        return x.mul(keep).mul(1.0 / (1 - p));
    }
}
