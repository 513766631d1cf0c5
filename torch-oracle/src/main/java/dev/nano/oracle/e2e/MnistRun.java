package dev.nano.oracle.e2e;

import java.util.List;

/**
 * One end-to-end training run on the bundled MNIST digits: a 784-128-10 MLP
 * ({@code Linear, ReLU, Linear}, with {@code Dropout} after the ReLU when {@code dropout > 0}), cross
 * entropy, SGD, batches of 64 shuffled each epoch, trained for {@code steps} steps, the same in nano and
 * in libtorch. Both start from the seed alone: {@code manualSeed(INIT_SEED)} then the layers' own
 * initialisation, in each framework; the dropout masks come from the same generator afterwards.
 *
 * @param name     the fixture's name, {@code fixtures/e2e/<name>.json}
 * @param lr       SGD's learning rate
 * @param momentum SGD's momentum (0: plain SGD)
 * @param dropout  the dropout probability after the ReLU (0: no Dropout layer)
 */
public record MnistRun(String name, double lr, double momentum, double dropout) {
    /**
     * A run without dropout.
     * @param name the fixture's name
     * @param lr SGD's learning rate
     * @param momentum SGD's momentum
     */
    public MnistRun(String name, double lr, double momentum) {
        this(name, lr, momentum, 0.0);
    }

    /** Examples per batch. */
    public static final int BATCH = 64;
    /** Hidden units of the MLP. */
    public static final int HIDDEN = 128;
    /** Eight epochs of the 8,004 training digits: 126 batches each, the last of 4 examples (no drop_last). */
    public static final int STEPS = 1008;
    /** The prefix of the run that {@code mvn verify} trains nano for (a few seconds); the script runs all. */
    public static final int VERIFY_STEPS = 200;
    /** Steps after which the parameters are recorded (as safetensors files next to the fixture). */
    public static final List<Integer> CHECKPOINTS = List.of(VERIFY_STEPS, STEPS);
    /** The seed given to {@code manual_seed} before the model is built: its weights, then its dropout masks. */
    public static final long INIT_SEED = 2026;
    /** Seed of the shuffling permutations. */
    public static final long SHUFFLE_SEED = 14;

    /** Plain SGD, lr 0.1. */
    public static final MnistRun SGD = new MnistRun("mnist-mlp-sgd", 0.1, 0.0);
    /** SGD with momentum 0.9, lr 0.02. */
    public static final MnistRun MOMENTUM = new MnistRun("mnist-mlp-sgd-momentum", 0.02, 0.9);
    /** SGD with momentum 0.9, lr 0.02, dropout 0.2 in train mode: libtorch's masks, step for step. */
    public static final MnistRun DROPOUT = new MnistRun("mnist-mlp-dropout", 0.02, 0.9, 0.2);
    /** Every run. */
    public static final List<MnistRun> ALL = List.of(SGD, MOMENTUM, DROPOUT);

    /**
     * The run called {@code name}.
     * @param name the run's name
     * @return the run
     */
    public static MnistRun byName(String name) {
        return ALL.stream().filter(r -> r.name.equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no run " + name + "; runs: " + ALL.stream().map(MnistRun::name).toList()));
    }
}
