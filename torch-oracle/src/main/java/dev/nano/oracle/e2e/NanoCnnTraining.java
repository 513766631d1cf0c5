package dev.nano.oracle.e2e;

import dev.nano.Nano;
import dev.nano.Tensor;
import dev.nano.data.DataLoader;
import dev.nano.nn.Conv2d;
import dev.nano.nn.CrossEntropyLoss;
import dev.nano.nn.Flatten;
import dev.nano.nn.Linear;
import dev.nano.nn.MaxPool2d;
import dev.nano.nn.Module;
import dev.nano.nn.ReLU;
import dev.nano.nn.Sequential;
import dev.nano.optim.SGD;

import java.util.function.Consumer;

/** The CNN run in nano, written as a user would: Sequential, DataLoader, CrossEntropyLoss, SGD. */
public final class NanoCnnTraining {
    private NanoCnnTraining() {
    }

    /** PyTorch's {@code nn.Unflatten(1, (1, 28, 28))}: the loader's 784 pixels as a one-channel image. */
    static final class ToImage extends Module {
        ToImage() {
        }

        @Override
        public Tensor forward(Tensor input) {
            return input.reshape(input.size(0), 1, 28, 28);
        }
    }

    /**
     * LeNet with its initial weights: {@code Nano.manualSeed(INIT_SEED)}, then each layer's default
     * initialisation in construction order (as {@code torch.manual_seed} then {@code nn.Sequential(...)}).
     * @return the network
     */
    public static Sequential model() {
        Nano.manualSeed(CnnRun.INIT_SEED);
        return new Sequential(new ToImage(), new Conv2d(1, 6, 5), new ReLU(), new MaxPool2d(2), new Conv2d(6, 16, 5),
                new ReLU(), new MaxPool2d(2), new Flatten(), new Linear(256, 120), new ReLU(), new Linear(120, 10));
    }

    /**
     * The run's SGD over the model's parameters.
     * @param model the network
     * @return the optimizer
     */
    public static SGD optimizer(Sequential model) {
        return SGD.builder(model.parameters()).lr(CnnRun.LR).momentum(CnnRun.MOMENTUM).build();
    }

    /**
     * Trains for {@code steps} steps (then tests when {@code test}); the trained model stays in {@code model}.
     * @param data the digits
     * @param steps how many steps
     * @param test whether to test afterwards
     * @param model the network
     * @param optimizer the optimizer over {@code model}'s parameters
     * @param progress told after every step
     * @return the trace
     */
    public static Trace run(MnistData data, int steps, boolean test, Sequential model, SGD optimizer,
                            Consumer<Trace> progress) {
        Trace trace = new Trace();
        model.namedParameters().forEach((name, p) -> trace.shapes.put(name, p.shape()));
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        DataLoader loader = NanoMnistTraining.loader(data);
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
                long[] indices = new long[batch[2].numel()];
                int correct = 0;
                double[] predicted = logits.argmax(1, false).data();
                for (int i = 0; i < indices.length; i++) {
                    indices[i] = (long) batch[2].data()[i];
                    correct += predicted[i] == batch[1].data()[i] ? 1 : 0;
                }
                trace.correct.add(correct);
                trace.batches.add(indices);
                if (CnnRun.CHECKPOINTS.contains(trace.steps())) {
                    trace.trainSeconds += (System.nanoTime() - start) / 1e9;
                    trace.checkpoints.put(trace.steps(), NanoMnistTraining.parameters(model));
                    start = System.nanoTime();
                }
                progress.accept(trace);
            }
        }
        trace.trainSeconds += (System.nanoTime() - start) / 1e9;
        if (test) {
            NanoMnistTraining.test(model, data, trace);
        }
        return trace;
    }
}
