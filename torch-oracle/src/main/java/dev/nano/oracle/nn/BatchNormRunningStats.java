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
import dev.nano.nn.BatchNorm2d;
import dev.nano.nn.BatchNorm;
import dev.nano.oracle.torch.TorchEngine;
import dev.nano.oracle.torch.TorchFunctional;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * BatchNorm1d/2d modules over several batches: after each training batch the output, the
 * gradients of input, weight and bias, {@code running_mean}, {@code running_var} and
 * {@code num_batches_tracked}; then an eval batch (running statistics used, not updated), then
 * one more training batch. Per momentum (0.1, 0.0, 1.0, None = cumulative average), per input
 * rank, with affine off, tracking off (eval then uses the batch's statistics) and bias off.
 *
 * <p>PyTorch's side is {@code _BatchNorm.forward} (the Python glue: count the batch, pick the
 * momentum factor, choose the statistics) around libtorch's {@code batch_norm} kernel.
 */
final class BatchNormRunningStats implements NnScenario {

    /** One module configuration. {@code momentum} null: cumulative average. */
    record Config(String id, int[] shape, Double momentum, boolean affine, boolean track, boolean bias, double eps) {
        int channels() {
            return shape[1];
        }
    }

    static final List<Config> CONFIGS = List.of(
            new Config("(8,3) momentum 0.1", new int[] {8, 3}, 0.1, true, true, true, 1e-5),
            new Config("(8,3) momentum 0.0", new int[] {8, 3}, 0.0, true, true, true, 1e-5),
            new Config("(8,3) momentum 1.0", new int[] {8, 3}, 1.0, true, true, true, 1e-5),
            new Config("(8,3) momentum None", new int[] {8, 3}, null, true, true, true, 1e-5),
            new Config("(4,3,5) momentum 0.1", new int[] {4, 3, 5}, 0.1, true, true, true, 1e-5),
            new Config("(4,3,5) momentum None", new int[] {4, 3, 5}, null, true, true, true, 1e-5),
            new Config("(2,3,4,5) momentum 0.1", new int[] {2, 3, 4, 5}, 0.1, true, true, true, 1e-5),
            new Config("(2,3,4,5) momentum None", new int[] {2, 3, 4, 5}, null, true, true, true, 1e-5),
            new Config("(8,3) affine off", new int[] {8, 3}, 0.1, false, true, true, 1e-5),
            new Config("(4,3,5) track_running_stats off", new int[] {4, 3, 5}, 0.1, true, false, true, 1e-5),
            new Config("(8,3) bias off", new int[] {8, 3}, 0.1, true, true, false, 1e-5),
            new Config("(6,2) momentum 0.3 eps 1e-3", new int[] {6, 2}, 0.3, true, true, true, 1e-3));

    /** The steps of every configuration, in order; "eval" switches the module to eval mode. */
    static final String[] STEPS = {"train 1", "train 2", "train 3", "eval", "train 4"};

    @Override
    public String name() {
        return "batchnorm-running-stats";
    }

    private Random rng(Config c, String what) {
        return new Random((name() + "/" + c.id() + "/" + what).hashCode() * 0x9E3779B97F4A7C15L);
    }

    /** Batch values around a per-channel offset, so that the running mean has somewhere to go. */
    double[] batch(Config c, String step) {
        Random r = rng(c, step);
        int n = dev.nano.Shape.numel(c.shape());
        int inner = n / c.shape()[0] / c.channels();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int channel = (i / inner) % c.channels();
            v[i] = 0.5 * channel - 0.4 + 1.5 * (2 * r.nextDouble() - 1);
        }
        return v;
    }

    double[] weight(Config c) {
        double[] w = new double[c.channels()];
        Random r = rng(c, "weight");
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.5 + r.nextDouble();
        }
        return w;
    }

    double[] bias(Config c) {
        double[] b = new double[c.channels()];
        Random r = rng(c, "bias");
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextDouble() - 0.5;
        }
        return b;
    }

    private List<Input> inputs(Config c, String step) {
        List<Input> in = new ArrayList<>();
        in.add(Input.of(c.shape(), batch(c, step)));
        if (c.affine()) {
            in.add(Input.of(new int[] {c.channels()}, weight(c)));
            if (c.bias()) {
                in.add(Input.of(new int[] {c.channels()}, bias(c)));
            }
        }
        return in;
    }

    @Override
    public List<Step> runNano(Upstreams upstreams) {
        List<Step> steps = new ArrayList<>();
        for (Config c : CONFIGS) {
            BatchNorm bn = c.shape().length == 4
                    ? new BatchNorm2d(c.channels(), c.eps(), c.momentum(), c.affine(), c.track(), c.bias())
                    : new BatchNorm1d(c.channels(), c.eps(), c.momentum(), c.affine(), c.track(), c.bias());
            if (c.affine()) {
                System.arraycopy(weight(c), 0, bn.weight().data(), 0, c.channels());
                if (c.bias()) {
                    System.arraycopy(bias(c), 0, bn.bias().data(), 0, c.channels());
                }
            }
            for (String name : STEPS) {
                String id = c.id() + " / " + name;
                bn.train(!name.startsWith("eval"));
                List<Input> in = inputs(c, name);
                Tensor x = new Tensor(in.get(0).values().clone(), c.shape()).requiresGrad(true);
                Tensor y = bn.forward(x);
                Value up = upstreams.of(id, y.shape());
                y.backward(up.toTensor());
                List<Value> outputs = new ArrayList<>(List.of(Value.of(y)));
                if (c.track()) {
                    outputs.add(Value.of(bn.runningMean()));
                    outputs.add(Value.of(bn.runningVar()));
                    outputs.add(Value.of(bn.numBatchesTracked()));
                }
                List<Value> grads = new ArrayList<>(List.of(NnScenarios.grad(x)));
                if (c.affine()) {
                    grads.add(NnScenarios.grad(bn.weight()));
                    if (c.bias()) {
                        grads.add(NnScenarios.grad(bn.bias()));
                    }
                }
                bn.zeroGrad();
                steps.add(Step.of(id, in, new Result(outputs, up, grads, null)));
            }
        }
        return steps;
    }

    @Override
    public List<Step> runTorch(Upstreams upstreams) {
        List<Step> steps = new ArrayList<>();
        try (NDManager m = TorchEngine.baseManager().newSubManager();
             GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            for (Config c : CONFIGS) {
                NDArray runningMean = c.track() ? m.zeros(new Shape(c.channels()), DataType.FLOAT64) : null;
                NDArray runningVar = c.track() ? m.ones(new Shape(c.channels()), DataType.FLOAT64) : null;
                long numBatchesTracked = 0;
                for (String name : STEPS) {
                    String id = c.id() + " / " + name;
                    boolean training = !name.startsWith("eval");
                    List<Input> in = inputs(c, name);
                    NDArray x = TorchValues.leaf(m, in.get(0).values(), c.shape());
                    NDArray w = c.affine() ? TorchValues.leaf(m, weight(c), new int[] {c.channels()}) : null;
                    NDArray b = c.affine() && c.bias() ? TorchValues.leaf(m, bias(c), new int[] {c.channels()}) : null;
                    // _BatchNorm.forward
                    double factor = c.momentum() == null ? 0.0 : c.momentum();
                    if (training && c.track()) {
                        numBatchesTracked += 1;
                        factor = c.momentum() == null ? 1.0 / numBatchesTracked : c.momentum();
                    }
                    boolean useBatchStatistics = training || runningMean == null;
                    boolean passRunning = !training || c.track();
                    NDArray y = TorchFunctional.batchNorm(x, passRunning ? runningMean : null,
                            passRunning ? runningVar : null, w, b, useBatchStatistics, factor, c.eps());
                    List<Value> outputs = new ArrayList<>(List.of(TorchValues.read(y)));
                    if (c.track()) {
                        outputs.add(TorchValues.read(runningMean));
                        outputs.add(TorchValues.read(runningVar));
                        outputs.add(new Value(new int[0], DType.INT64, new double[] {numBatchesTracked}));
                    }
                    Value up = upstreams.of(id, outputs.get(0).shape());
                    JniUtils.backward((PtNDArray) y, (PtNDArray) TorchValues.create(m, up), false, false);
                    List<Value> grads = new ArrayList<>(List.of(TorchValues.gradient(x)));
                    if (w != null) {
                        grads.add(TorchValues.gradient(w));
                    }
                    if (b != null) {
                        grads.add(TorchValues.gradient(b));
                    }
                    steps.add(Step.of(id, in, new Result(outputs, up, grads, null)));
                }
            }
        }
        return steps;
    }
}
