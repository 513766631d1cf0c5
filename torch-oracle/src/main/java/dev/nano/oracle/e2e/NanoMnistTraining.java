package dev.nano.oracle.e2e;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.data.DataLoader;
import dev.nano.nn.CrossEntropyLoss;
import dev.nano.nn.Dropout;
import dev.nano.nn.Linear;
import dev.nano.nn.ReLU;
import dev.nano.nn.Sequential;
import dev.nano.optim.SGD;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/** A run in nano, written as a user would: Sequential, DataLoader, CrossEntropyLoss, SGD. */
public final class NanoMnistTraining {
    private NanoMnistTraining() {
    }

    /**
     * The run's MLP from the seed alone, as a PyTorch script builds it: {@code Nano.manualSeed(INIT_SEED)},
     * then the layers with their default initialisation (PyTorch's generator, so libtorch's weights bit for
     * bit); the global generator then draws the dropout masks, as libtorch's does.
     * @param run the run (whether it has a Dropout layer)
     * @return the network
     */
    public static Sequential model(MnistRun run) {
        Nano.manualSeed(MnistRun.INIT_SEED);
        Linear hidden = new Linear(784, MnistRun.HIDDEN);
        Linear out = new Linear(MnistRun.HIDDEN, 10);
        return run.dropout() > 0 ? new Sequential(hidden, new ReLU(), new Dropout(run.dropout()), out)
                : new Sequential(hidden, new ReLU(), out);
    }

    /**
     * The batches of the run: shuffled each epoch by randperm from {@link MnistRun#SHUFFLE_SEED}, 64 a batch.
     * @param data the digits
     * @return the loader
     */
    public static DataLoader loader(MnistData data) {
        return DataLoader.builder(data.trainWithIndices()).batchSize(MnistRun.BATCH).shuffle(true)
                .generator(new Random(MnistRun.SHUFFLE_SEED)).build();
    }

    /**
     * Trains for {@code steps} steps (then tests when {@code test}); {@code progress} is told after
     * every step. Returns the trace, and leaves the trained model in {@code model}.
     * @param run the run's settings
     * @param data the digits
     * @param steps how many steps
     * @param test whether to test afterwards
     * @param model the network
     * @param optimizer the optimizer over {@code model}'s parameters
     * @param progress told after every step
     * @return the trace
     */
    public static Trace run(MnistRun run, MnistData data, int steps, boolean test, Sequential model, SGD optimizer,
                            Consumer<Trace> progress) {
        Trace trace = new Trace();
        model.namedParameters().forEach((name, p) -> trace.shapes.put(name, p.shape()));
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        DataLoader loader = loader(data);
        long start = System.nanoTime();
        model.train();
        outer:
        while (true) {
            for (Tensor[] batch : loader) {
                if (trace.steps() == steps) {
                    break outer;
                }
                optimizer.zeroGrad();
                Tensor logits = model.forward(batch[0]);
                Tensor loss = criterion.forward(logits, batch[1]);
                loss.backward();
                optimizer.step();
                trace.losses.add(loss.item());
                trace.correct.add(correct(logits, batch[1]));
                long[] indices = new long[batch[2].numel()];
                for (int i = 0; i < indices.length; i++) {
                    indices[i] = (long) batch[2].data()[i];
                }
                trace.batches.add(indices);
                if (MnistRun.CHECKPOINTS.contains(trace.steps())) {
                    trace.trainSeconds += (System.nanoTime() - start) / 1e9;
                    trace.checkpoints.put(trace.steps(), parameters(model));
                    start = System.nanoTime();
                }
                progress.accept(trace);
            }
        }
        trace.trainSeconds += (System.nanoTime() - start) / 1e9;
        if (test) {
            test(model, data, trace);
        }
        return trace;
    }

    private static int correct(Tensor logits, Tensor labels) {
        double[] predicted = logits.argmax(1, false).data();
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == labels.data()[i] ? 1 : 0;
        }
        return correct;
    }

    /**
     * The run's SGD over the model's parameters.
     * @param run the run's settings
     * @param model the network
     * @return the optimizer
     */
    public static SGD optimizer(MnistRun run, Sequential model) {
        return SGD.builder(model.parameters()).lr(run.lr()).momentum(run.momentum()).build();
    }

    static Map<String, double[]> parameters(Sequential model) {
        Map<String, double[]> out = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> out.put(name, p.data().clone()));
        return out;
    }

    /**
     * Mean cross entropy and accuracy on the test digits, in eval mode without a graph.
     * @param model the network
     * @param data the digits
     * @param trace where the results are written
     */
    public static void test(Sequential model, MnistData data, Trace trace) {
        model.eval();
        Tensor[] all = data.test().tensors();
        try (var noGrad = Nano.noGrad()) {
            Tensor logits = model.forward(all[0]);
            trace.testLoss = new CrossEntropyLoss().forward(logits, all[1]).item();
            trace.testAccuracy = correct(logits, all[1]) / (double) all[1].numel();
        }
        model.train();
    }
}
