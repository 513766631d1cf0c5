package dev.nano.oracle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.nn.BatchNorm1d;
import dev.nano.oracle.torch.TorchEngine;
import dev.nano.oracle.torch.TorchFunctional;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A BatchNorm1d trained on 33,000 small batches, past the 32,767 a {@code num_batches_tracked}
 * kept in a (signed) short could count: with {@code momentum=None} the running statistics are the
 * cumulative average, whose factor is {@code 1 / num_batches_tracked}, so a counter that stops or
 * wraps changes them at once; with momentum 0.1 the counter is only counted. Recorded (output,
 * {@code running_mean}, {@code running_var}, {@code num_batches_tracked}) at the first batches,
 * around 127/128, 255/256 and 32,767/32,768, every 5,000th batch and the last; a wrong update at any
 * batch changes every later running statistic. Forward only: the gradients are
 * {@link BatchNormRunningStats}' subject; this scenario's is the counter.
 *
 * <p>PyTorch's side is {@code _BatchNorm.forward}'s counting and factor around libtorch's
 * {@code batch_norm}, as in {@link BatchNormRunningStats}.
 */
final class BatchNormLongRun implements NnScenario {
    static final int BATCHES = 33_000;
    static final int[] SHAPE = {4, 2};
    /** The momenta run: null is the cumulative average. */
    static final Double[] MOMENTA = {null, 0.1};

    @Override
    public String name() {
        return "batchnorm-long-run";
    }

    /**
     * Not replayed by the drift check: 66,000 batch_norm calls through DJL cost seconds of CPU under each
     * CPU dispatch; the kernel and the counting are those BatchNormRunningStats' drift checks batch by batch,
     * and scripts/regen-fixtures prints any change of the recorded values. nano's parity runs every build.
     */
    @Override
    public boolean checkedLive() {
        return false;
    }

    static boolean recorded(int batch) {
        return batch <= 2 || batch % 5000 == 0 || batch == BATCHES || Math.abs(batch - 128) <= 1
                || Math.abs(batch - 256) <= 1 || Math.abs(batch - (1 << 15)) <= 1;
    }

    private static String id(Double momentum, int batch) {
        return "momentum " + (momentum == null ? "None" : momentum) + " / batch " + batch;
    }

    /** Every batch of one run, drawn in order from one seeded stream: values around a per-channel offset. */
    private double[][] batches(Double momentum) {
        Random r = new Random((name() + "/" + momentum).hashCode() * 0x9E3779B97F4A7C15L);
        double[][] all = new double[BATCHES][];
        for (int b = 0; b < BATCHES; b++) {
            double[] v = new double[SHAPE[0] * SHAPE[1]];
            for (int i = 0; i < v.length; i++) {
                v[i] = 0.5 * (i % SHAPE[1]) - 0.2 + (2 * r.nextDouble() - 1);
            }
            all[b] = v;
        }
        return all;
    }

    @Override
    public List<Step> runNano(Upstreams upstreams) {
        List<Step> steps = new ArrayList<>();
        for (Double momentum : MOMENTA) {
            BatchNorm1d bn = new BatchNorm1d(SHAPE[1], 1e-5, momentum, true, true, true);
            double[][] batches = batches(momentum);
            for (int b = 1; b <= BATCHES; b++) {
                Tensor y = bn.forward(new Tensor(batches[b - 1], SHAPE));
                if (recorded(b)) {
                    steps.add(step(momentum, b, batches[b - 1], List.of(Value.of(y), Value.of(bn.runningMean()),
                            Value.of(bn.runningVar()), Value.of(bn.numBatchesTracked()))));
                }
            }
        }
        return steps;
    }

    @Override
    public List<Step> runTorch(Upstreams upstreams) {
        List<Step> steps = new ArrayList<>();
        for (Double momentum : MOMENTA) {
            try (NDManager m = TorchEngine.baseManager().newSubManager()) {
                NDArray runningMean = m.zeros(new Shape(SHAPE[1]), DataType.FLOAT64);
                NDArray runningVar = m.ones(new Shape(SHAPE[1]), DataType.FLOAT64);
                NDArray weight = m.ones(new Shape(SHAPE[1]), DataType.FLOAT64);
                NDArray bias = m.zeros(new Shape(SHAPE[1]), DataType.FLOAT64);
                double[][] batches = batches(momentum);
                long numBatchesTracked = 0;
                for (int b = 1; b <= BATCHES; b++) {
                    try (NDManager batch = m.newSubManager()) {
                        NDArray x = batch.create(batches[b - 1], new Shape(SHAPE[0], SHAPE[1]));
                        numBatchesTracked += 1; // _BatchNorm.forward, training with tracked statistics
                        double factor = momentum == null ? 1.0 / numBatchesTracked : momentum;
                        NDArray y = TorchFunctional.batchNorm(x, runningMean, runningVar, weight, bias, true, factor,
                                1e-5);
                        if (recorded(b)) {
                            steps.add(step(momentum, b, batches[b - 1], List.of(TorchValues.read(y),
                                    TorchValues.read(runningMean), TorchValues.read(runningVar),
                                    new Value(new int[0], DType.INT64, new double[] {numBatchesTracked}))));
                        }
                    }
                }
            }
        }
        return steps;
    }

    private static Step step(Double momentum, int batch, double[] x, List<Value> outputs) {
        return Step.of(id(momentum, batch), List.of(new Input(SHAPE, DType.FLOAT64, x, false)),
                new Result(outputs, null, List.of(), null));
    }
}
