package dev.nano.oracle.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.nano.Tensor;
import dev.nano.nn.BCELoss;
import dev.nano.nn.BCEWithLogitsLoss;
import dev.nano.nn.CrossEntropyLoss;
import dev.nano.nn.Flatten;
import dev.nano.nn.GELU;
import dev.nano.nn.LayerNorm;
import dev.nano.nn.LogSoftmax;
import dev.nano.nn.Loss;
import dev.nano.nn.MSELoss;
import dev.nano.nn.Module;
import dev.nano.nn.NLLLoss;
import dev.nano.nn.Sigmoid;
import dev.nano.nn.Softmax;
import dev.nano.nn.Tanh;
import dev.nano.oracle.torch.TorchEngine;
import dev.nano.oracle.torch.TorchFunctional;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The stateless modules themselves — their constructors' defaults and the wiring of their
 * arguments into the operator they call — against PyTorch: each module built with its defaults
 * and with one or two sets of other arguments, run once in training mode (as constructed) and
 * once after {@code eval()}, forward on seeded inputs and backward with a seeded upstream
 * gradient. The operators are tested on their own in the catalogue; what only this shows is,
 * for example, that {@code new CrossEntropyLoss()} ignores the target -100 and averages, that
 * {@code new LayerNorm(4)} uses eps 1e-5 with a weight of ones and a bias of zeros, that
 * {@code new Flatten()} keeps the batch dimension.
 *
 * <p>PyTorch's side never reads a nano module: it calls PyTorch's kernels with the arguments the
 * PyTorch module would pass them, its defaults written out here from the PyTorch source
 * ({@code torch/nn/modules/*.py}, see the semantics notes §8, §13), so a wrong default in nano
 * is a difference. LayerNorm's parameters are recorded as inputs — nano's as its constructor
 * made them, PyTorch's as {@code ones} and {@code zeros} — with their gradients.
 *
 * <p>Each step's inputs are: the module's float input (requires grad), then for losses the
 * target and any weight tensors given to the constructor (constants), then the module's
 * parameters (require grad).
 */
final class ModuleForwards implements NnScenario {

    /** One construction of one module: what it is given, and what PyTorch computes for it. */
    record Case(String id, List<Input> inputs, List<Input> torchParameters, Function<Tensor[], Module> nano,
                Function<NDArray[], NDArray> torch) {
    }

    /** PyTorch's defaults (torch/nn/modules/*.py), not nano's. */
    static final double LAYER_NORM_EPS = 1e-5;
    static final long IGNORE_INDEX = -100;
    static final String REDUCTION = "mean";
    static final double LABEL_SMOOTHING = 0.0;
    static final int FLATTEN_START = 1;
    static final int FLATTEN_END = -1;
    static final String GELU_APPROXIMATE = "none";

    static final List<String> MODES = List.of("train", "eval");

    @Override
    public String name() {
        return "modules";
    }

    // ------------------------------------------------------------------ the cases

    List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)
        c.add(new Case("CrossEntropyLoss()", List.of(floats("ce0", 5, 3), targets(new int[] {5}, 0, 2, -100, 1, 2)),
                List.of(), t -> new CrossEntropyLoss(),
                a -> TorchFunctional.crossEntropy(a[0], a[1], null, IGNORE_INDEX, REDUCTION, LABEL_SMOOTHING)));
        c.add(new Case("CrossEntropyLoss(weight=w, ignore_index=1, reduction='sum', label_smoothing=0.1)",
                List.of(floats("ce1", 5, 3), targets(new int[] {5}, 1, 0, 2, 2, 1), positive("ce1w", 3)), List.of(),
                t -> new CrossEntropyLoss(t[2], 1, "sum", 0.1),
                a -> TorchFunctional.crossEntropy(a[0], a[1], a[2], 1, "sum", 0.1)));
        c.add(new Case("CrossEntropyLoss(weight=w, reduction='none', label_smoothing=0.25) (2,3,4)",
                List.of(floats("ce2", 2, 3, 4), targets(new int[] {2, 4}, 0, 1, 2, -100, 2, 2, 0, 1),
                        positive("ce2w", 3)), List.of(),
                t -> new CrossEntropyLoss(t[2], -100, "none", 0.25),
                a -> TorchFunctional.crossEntropy(a[0], a[1], a[2], IGNORE_INDEX, "none", 0.25)));

        // NLLLoss(weight=None, ignore_index=-100, reduction='mean')
        c.add(new Case("NLLLoss()", List.of(floats("nll0", 5, 3), targets(new int[] {5}, 2, -100, 0, 1, 1)),
                List.of(), t -> new NLLLoss(),
                a -> TorchFunctional.nllLoss(a[0], a[1], null, IGNORE_INDEX, REDUCTION)));
        c.add(new Case("NLLLoss(weight=w, ignore_index=2, reduction='sum')",
                List.of(floats("nll1", 5, 3), targets(new int[] {5}, 2, 0, 1, 2, 0), positive("nll1w", 3)),
                List.of(), t -> new NLLLoss(t[2], 2, "sum"),
                a -> TorchFunctional.nllLoss(a[0], a[1], a[2], 2, "sum")));
        c.add(new Case("NLLLoss(ignore_index=0, reduction='none') (2,3,4)",
                List.of(floats("nll2", 2, 3, 4), targets(new int[] {2, 4}, 0, 1, 2, 1, 2, 0, 0, 1)), List.of(),
                t -> new NLLLoss(null, 0, "none"),
                a -> TorchFunctional.nllLoss(a[0], a[1], null, 0, "none")));

        // MSELoss(reduction='mean')
        c.add(new Case("MSELoss()", List.of(floats("mse0", 3, 4), constants("mse0t", 3, 4)), List.of(),
                t -> new MSELoss(), a -> TorchFunctional.mseLoss(a[0], a[1], REDUCTION, null)));
        c.add(new Case("MSELoss(reduction='sum')", List.of(floats("mse1", 3, 4), constants("mse1t", 3, 4)),
                List.of(), t -> new MSELoss("sum"), a -> TorchFunctional.mseLoss(a[0], a[1], "sum", null)));
        c.add(new Case("MSELoss(reduction='none')", List.of(floats("mse2", 3, 4), constants("mse2t", 3, 4)),
                List.of(), t -> new MSELoss("none"), a -> TorchFunctional.mseLoss(a[0], a[1], "none", null)));

        // BCELoss(weight=None, reduction='mean')
        c.add(new Case("BCELoss()", List.of(probabilities("bce0", 3, 4), unitTargets("bce0t", 3, 4)), List.of(),
                t -> new BCELoss(), a -> TorchFunctional.binaryCrossEntropy(a[0], a[1], null, REDUCTION)));
        c.add(new Case("BCELoss(weight=w (4,), reduction='sum')",
                List.of(probabilities("bce1", 3, 4), unitTargets("bce1t", 3, 4), positive("bce1w", 4)), List.of(),
                t -> new BCELoss(t[2], "sum"), a -> TorchFunctional.binaryCrossEntropy(a[0], a[1], a[2], "sum")));
        c.add(new Case("BCELoss(weight=w, reduction='none')",
                List.of(probabilities("bce2", 3, 4), unitTargets("bce2t", 3, 4), positive("bce2w", 3, 4)), List.of(),
                t -> new BCELoss(t[2], "none"), a -> TorchFunctional.binaryCrossEntropy(a[0], a[1], a[2], "none")));

        // BCEWithLogitsLoss(weight=None, reduction='mean', pos_weight=None)
        c.add(new Case("BCEWithLogitsLoss()", List.of(floats("bcel0", 3, 4), unitTargets("bcel0t", 3, 4)),
                List.of(), t -> new BCEWithLogitsLoss(),
                a -> TorchFunctional.binaryCrossEntropyWithLogits(a[0], a[1], null, REDUCTION, null)));
        c.add(new Case("BCEWithLogitsLoss(weight=w (4,), reduction='sum', pos_weight=p (4,))",
                List.of(floats("bcel1", 3, 4), unitTargets("bcel1t", 3, 4), positive("bcel1w", 4),
                        positive("bcel1p", 4)), List.of(),
                t -> new BCEWithLogitsLoss(t[2], "sum", t[3]),
                a -> TorchFunctional.binaryCrossEntropyWithLogits(a[0], a[1], a[2], "sum", a[3])));
        c.add(new Case("BCEWithLogitsLoss(reduction='none', pos_weight=p (4,))",
                List.of(floats("bcel2", 3, 4), unitTargets("bcel2t", 3, 4), positive("bcel2p", 4)), List.of(),
                t -> new BCEWithLogitsLoss(null, "none", t[2]),
                a -> TorchFunctional.binaryCrossEntropyWithLogits(a[0], a[1], null, "none", a[2])));

        // LayerNorm(normalized_shape, eps=1e-5, elementwise_affine=True, bias=True): weight ones, bias zeros
        c.add(new Case("LayerNorm((4,))", List.of(floats("ln0", 3, 4)), List.of(ones(4), zeros(4)),
                t -> new LayerNorm(4),
                a -> TorchFunctional.layerNorm(a[0], new int[] {4}, a[1], a[2], LAYER_NORM_EPS)));
        c.add(new Case("LayerNorm((3, 4), eps=0.001, bias=False)", List.of(floats("ln1", 2, 3, 4)),
                List.of(ones(3, 4)), t -> new LayerNorm(new int[] {3, 4}, 1e-3, true, false),
                a -> TorchFunctional.layerNorm(a[0], new int[] {3, 4}, a[1], null, 1e-3)));
        c.add(new Case("LayerNorm((4,), eps=0.5, elementwise_affine=False)", List.of(floats("ln2", 2, 3, 4)),
                List.of(), t -> new LayerNorm(new int[] {4}, 0.5, false, true),
                a -> TorchFunctional.layerNorm(a[0], new int[] {4}, null, null, 0.5)));

        // Softmax(dim): nano has no default (PyTorch's dim=None picks a dim implicitly and is deprecated)
        for (int dim : new int[] {1, -1, 0}) {
            int[] shape = dim == 1 ? new int[] {3, 4} : new int[] {2, 3, 4};
            c.add(new Case("Softmax(dim=" + dim + ") " + Input.shapeText(shape),
                    List.of(floats("softmax" + dim, shape)), List.of(), t -> new Softmax(dim),
                    a -> JniUtils.softmax((PtNDArray) a[0], dim, DataType.FLOAT64)));
        }

        // LogSoftmax(dim): likewise
        for (int dim : new int[] {1, -2}) {
            int[] shape = dim == 1 ? new int[] {3, 4} : new int[] {2, 3, 4};
            c.add(new Case("LogSoftmax(dim=" + dim + ") " + Input.shapeText(shape),
                    List.of(floats("logsoftmax" + dim, shape)), List.of(), t -> new LogSoftmax(dim),
                    a -> JniUtils.logSoftmax((PtNDArray) a[0], dim, DataType.FLOAT64)));
        }

        // Flatten(start_dim=1, end_dim=-1)
        c.add(new Case("Flatten() (2,3,4,5)", List.of(floats("flatten0", 2, 3, 4, 5)), List.of(), t -> new Flatten(),
                a -> JniUtils.flatten((PtNDArray) a[0], FLATTEN_START, FLATTEN_END)));
        c.add(new Case("Flatten(0, 2) (2,3,4,5)", List.of(floats("flatten1", 2, 3, 4, 5)), List.of(),
                t -> new Flatten(0, 2), a -> JniUtils.flatten((PtNDArray) a[0], 0, 2)));
        c.add(new Case("Flatten(-3, -2) (2,3,4,5)", List.of(floats("flatten2", 2, 3, 4, 5)), List.of(),
                t -> new Flatten(-3, -2), a -> JniUtils.flatten((PtNDArray) a[0], -3, -2)));

        // GELU(approximate='none')
        c.add(new Case("GELU()", List.of(floats("gelu0", 3, 4)), List.of(), t -> new GELU(),
                a -> TorchFunctional.gelu(a[0], GELU_APPROXIMATE)));
        c.add(new Case("GELU(approximate='tanh')", List.of(floats("gelu1", 3, 4)), List.of(), t -> new GELU("tanh"),
                a -> TorchFunctional.gelu(a[0], "tanh")));

        // Sigmoid(), Tanh(): no arguments
        c.add(new Case("Sigmoid() (3,4)", List.of(floats("sigmoid0", 3, 4)), List.of(), t -> new Sigmoid(),
                a -> JniUtils.sigmoid((PtNDArray) a[0])));
        c.add(new Case("Sigmoid() ()", List.of(floats("sigmoid1")), List.of(), t -> new Sigmoid(),
                a -> JniUtils.sigmoid((PtNDArray) a[0])));
        c.add(new Case("Tanh() (3,4)", List.of(floats("tanh0", 3, 4)), List.of(), t -> new Tanh(), a -> a[0].tanh()));
        c.add(new Case("Tanh() ()", List.of(floats("tanh1")), List.of(), t -> new Tanh(), a -> a[0].tanh()));
        return c;
    }

    // ------------------------------------------------------------------ the two runs

    @Override
    public List<Step> runNano(Upstreams upstreams) {
        List<Step> steps = new ArrayList<>();
        for (Case c : cases()) {
            for (String mode : MODES) {
                String id = c.id() + " / " + mode;
                Tensor[] leaves = new Tensor[c.inputs().size()];
                for (int i = 0; i < leaves.length; i++) {
                    Input in = c.inputs().get(i);
                    leaves[i] = new Tensor(in.values().clone(), in.shape(), in.dtype())
                            .requiresGrad(in.requiresGrad());
                }
                Module module = c.nano().apply(leaves);
                if (mode.equals("eval")) {
                    module.eval();
                } else if (!module.isTraining()) {
                    throw new IllegalStateException(id + ": a new nano module is not in training mode, as PyTorch's "
                            + "is");
                }
                List<Tensor> parameters = module.parameters();
                List<Input> inputs = new ArrayList<>(c.inputs());
                parameters.forEach(p -> inputs.add(Input.of(p.shape(), p.toDoubleArray())));
                Result result;
                try {
                    Tensor y = module instanceof Loss loss ? loss.forward(leaves[0], leaves[1])
                            : module.forward(leaves[0]);
                    Value up = upstreams.of(id, y.shape());
                    y.backward(up.toTensor());
                    List<Value> grads = new ArrayList<>();
                    for (int i = 0; i < leaves.length; i++) {
                        grads.add(c.inputs().get(i).requiresGrad() ? NnScenarios.grad(leaves[i]) : null);
                    }
                    parameters.forEach(p -> grads.add(NnScenarios.grad(p)));
                    result = new Result(List.of(Value.of(y)), up, grads, null);
                } catch (RuntimeException e) {
                    result = Result.failure(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                steps.add(Step.of(id, inputs, result));
            }
        }
        return steps;
    }

    @Override
    public List<Step> runTorch(Upstreams upstreams) {
        List<Step> steps = new ArrayList<>();
        for (Case c : cases()) {
            // PyTorch's stateless modules ignore self.training: the same kernels in both modes.
            for (String mode : MODES) {
                String id = c.id() + " / " + mode;
                List<Input> inputs = new ArrayList<>(c.inputs());
                inputs.addAll(c.torchParameters());
                try (NDManager m = TorchEngine.baseManager().newSubManager();
                     GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                    NDArray[] arrays = new NDArray[inputs.size()];
                    for (int i = 0; i < arrays.length; i++) {
                        Input in = inputs.get(i);
                        arrays[i] = in.requiresGrad() ? TorchValues.leaf(m, in.values(), in.shape())
                                : TorchValues.create(m, new Value(in.shape(), in.dtype(), in.values()));
                    }
                    NDArray y = c.torch().apply(arrays);
                    Value out = TorchValues.read(y);
                    Value up = upstreams.of(id, out.shape());
                    JniUtils.backward((PtNDArray) y, (PtNDArray) TorchValues.create(m, up), false, false);
                    List<Value> grads = new ArrayList<>();
                    for (int i = 0; i < arrays.length; i++) {
                        grads.add(inputs.get(i).requiresGrad() ? TorchValues.gradient(arrays[i]) : null);
                    }
                    steps.add(Step.of(id, inputs, new Result(List.of(out), up, grads, null)));
                }
            }
        }
        return steps;
    }

    // ------------------------------------------------------------------ seeded data

    private Random random(String what) {
        return new Random((name() + "/" + what).hashCode());
    }

    /** Uniform in [-2, 2), requires grad. */
    private Input floats(String what, int... shape) {
        Random r = random(what);
        double[] v = new double[dev.nano.Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = 4 * r.nextDouble() - 2;
        }
        return Input.of(shape, v);
    }

    /** Uniform in [-2, 2), a constant. */
    private Input constants(String what, int... shape) {
        Input in = floats(what, shape);
        return Input.constant(in.shape(), in.values());
    }

    /** Uniform in [0.05, 0.95), requires grad: BCELoss's input. */
    private Input probabilities(String what, int... shape) {
        Random r = random(what);
        double[] v = new double[dev.nano.Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.05 + 0.9 * r.nextDouble();
        }
        return Input.of(shape, v);
    }

    /** Uniform in [0, 1), a constant: soft binary targets. */
    private Input unitTargets(String what, int... shape) {
        Random r = random(what);
        double[] v = new double[dev.nano.Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble();
        }
        return Input.constant(shape, v);
    }

    /** Uniform in [0.5, 2), a constant: class and element weights. */
    private Input positive(String what, int... shape) {
        Random r = random(what);
        double[] v = new double[dev.nano.Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.5 + 1.5 * r.nextDouble();
        }
        return Input.constant(shape, v);
    }

    private static Input targets(int[] shape, int... classes) {
        return Input.int64(shape, Arrays.stream(classes).asDoubleStream().toArray());
    }

    private static Input ones(int... shape) {
        double[] v = new double[dev.nano.Shape.numel(shape)];
        Arrays.fill(v, 1.0);
        return Input.of(shape, v);
    }

    private static Input zeros(int... shape) {
        return Input.of(shape, new double[dev.nano.Shape.numel(shape)]);
    }
}
