package dev.nano.oracle.e2e;

import java.util.List;

/**
 * The end-to-end CNN run on the bundled MNIST digits: a LeNet-style network
 * ({@code Unflatten(1, (1, 28, 28)), Conv2d(1, 6, 5), ReLU, MaxPool2d(2), Conv2d(6, 16, 5), ReLU,
 * MaxPool2d(2), Flatten, Linear(256, 120), ReLU, Linear(120, 10)}), cross entropy, SGD with
 * momentum, the MLP runs' batches ({@link MnistRun#BATCH} shuffled each epoch from
 * {@link MnistRun#SHUFFLE_SEED}), the same in nano and in libtorch.
 */
public final class CnnRun {
    /** The fixture's name, {@code fixtures/e2e/<NAME>.json}. */
    public static final String NAME = "mnist-cnn-sgd-momentum";
    /** SGD's learning rate. */
    public static final double LR = 0.01;
    /** SGD's momentum. */
    public static final double MOMENTUM = 0.9;
    /** Steps of the recorded run: a little over three epochs of the 8,004 training digits. */
    public static final int STEPS = 400;
    /** The prefix of the run that {@code mvn verify} trains nano for. */
    public static final int VERIFY_STEPS = 200;
    /** Steps after which the parameters are recorded (safetensors files next to the fixture). */
    public static final List<Integer> CHECKPOINTS = List.of(VERIFY_STEPS, STEPS);
    /**
     * Seed of the initial weights: {@code Nano.manualSeed(INIT_SEED)} then the layers' default
     * initialisation, which is {@code torch.manual_seed(INIT_SEED)} then PyTorch's (the conv and linear
     * layers' reset_parameters draw libtorch's numbers: fixtures/rng/streams.json).
     */
    public static final long INIT_SEED = 2026;

    private CnnRun() {
    }
}
