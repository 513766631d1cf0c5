package dev.nano.oracle.optim;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.oracle.value.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The two ways every configuration is run, both recorded after every step.
 *
 * <ul>
 *   <li>{@link #GIVEN_GRADIENTS}: three parameters of shapes (2, 3), (4) and () receive a seeded
 *       gradient sequence for 20 steps. The second has no gradient (null) on steps 1, 4, 9, 10 and
 *       16, so it starts late and its step count lags; the third gets an all-zero gradient on steps
 *       5 and 12, which must not be skipped. Gradient scales vary from step to step (0.01 to 3).</li>
 *   <li>{@link #AUTOGRAD}: parameters x (3, 4) and W (4, 5) of the objective
 *       {@code x.matmul(W).relu().logSoftmax(1).mul(m).add(m).sum()} with a constant m (3, 5);
 *       PyTorch computes the gradients with its autograd, nano with its own; 10 steps.</li>
 * </ul>
 */
public enum Scenario {
    /** Given gradients, 20 steps. */
    GIVEN_GRADIENTS("given-gradients", 20),
    /**
     * Gradients from autograd, 10 steps. Its id "end-to-end" is recorded in the fixtures and the
     * report; in the code "end to end" means only the MNIST runs ({@code dev.nano.oracle.e2e}).
     */
    AUTOGRAD("end-to-end", 10),
    /**
     * Given gradients over 1,100 steps for every configuration: the horizon where a step counter kept
     * in a byte (127, 255) or an update that goes wrong after a few hundred steps (Adam's bias
     * correction after step 100) shows. Parameters (3) and (); the gradients change sign and scale over
     * time ({@link #longGradient}). Recorded at the steps {@link #records} names, not every step.
     */
    LONG_HORIZON("long-horizon", 1100),
    /**
     * Given gradients over 33,000 steps, past a counter kept in a (signed) short, 32,767, for the
     * configurations whose update reads the step count ({@link #appliesTo}). A counter in a char (65,535)
     * or an int is beyond what this harness pays for: the JVM has no unsigned short that arithmetic
     * would produce by accident, and 2^31 steps are not cheap.
     */
    PAST_SHORT_COUNTER("past-short-counter", 33_000);

    static final int[][] GIVEN_SHAPES = {{2, 3}, {4}, {}};
    static final int[][] LONG_SHAPES = {{3}, {}};
    static final Set<Integer> STEPS_WITHOUT_GRAD_FOR_PARAM_1 = Set.of(1, 4, 9, 10, 16);
    static final Set<Integer> STEPS_WITH_ZERO_GRAD_FOR_PARAM_2 = Set.of(5, 12);
    static final int[] X_SHAPE = {3, 4};
    static final int[] W_SHAPE = {4, 5};
    static final int[] M_SHAPE = {3, 5};

    private final String id;
    private final int steps;
    private Inputs inputs;

    Scenario(String id, int steps) {
        this.id = id;
        this.steps = steps;
    }

    /**
     * The id in case names.
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The number of steps.
     * @return the count
     */
    public int steps() {
        return steps;
    }

    /**
     * Whether the gradients are given (seeded) rather than computed by autograd.
     * @return true for every scenario but {@link #AUTOGRAD}
     */
    public boolean givesGradients() {
        return this != AUTOGRAD;
    }

    /**
     * Whether the drift check (live libtorch against the fixture, under every CPU dispatch) replays this
     * scenario. The long ones are not replayed: the torch side ({@code TorchOptimizer}, libtorch through
     * DJL) costs about 0.9 ms a step, so they would add some 70 s of CPU per dispatch to the build; they
     * run the same code and libtorch ops the short scenarios' drift checks at every step, and
     * {@code scripts/regen-fixtures} prints any change of their recorded values. nano's parity with them is
     * checked in every build (about 1.3 s).
     * @return true for the short scenarios
     */
    public boolean checkedLive() {
        return this == GIVEN_GRADIENTS || this == AUTOGRAD;
    }

    /**
     * Whether every configuration runs this scenario: the 33,000-step one runs only where the update
     * reads the step count (Adam's and AdamW's bias corrections, Adagrad's learning-rate decay) or the
     * state keeps one (RMSprop's "step"), with the default hyperparameters, and Adagrad's decaying
     * configurations, where a counter stuck at 32,767 changes the step size itself.
     * @param config the configuration
     * @return whether it runs this scenario
     */
    public boolean appliesTo(OptimConfig config) {
        if (this != PAST_SHORT_COUNTER) {
            return true;
        }
        Object decay = config.hyperparameters().get("lr_decay");
        return !config.optimizer().equals("sgd") && (config.hyperparameters().isEmpty()
                || decay instanceof Double d && d > 0);
    }

    /**
     * Whether the fixture keeps step {@code step} (1-based). The short scenarios keep every step; the long
     * ones keep the first steps, the steps around each counter limit a plausible implementation might
     * have (127/128, 255/256, 1023/1024, 32767/32768), every 100th (1,000th) step and the last: an error
     * in any step changes every later parameter, so a sparse record still catches it, and the fixture
     * stays small (about 25 steps a run).
     * @param step the step, from 1
     * @return whether it is recorded
     */
    public boolean records(int step) {
        return switch (this) {
            case GIVEN_GRADIENTS, AUTOGRAD -> true;
            case LONG_HORIZON -> step <= 3 || step % 100 == 0 || step == steps || near(step, 128) || near(step, 256)
                    || near(step, 1024);
            case PAST_SHORT_COUNTER -> step <= 2 || step % 1000 == 0 || step == steps || near(step, 1 << 15);
        };
    }

    private static boolean near(int step, int limit) {
        return step >= limit - 1 && step <= limit + 1;
    }

    /**
     * The scenario with this id.
     * @param id the id
     * @return the scenario
     */
    public static Scenario byId(String id) {
        for (Scenario s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + id + "'");
    }

    /**
     * What a run starts from; the same for every configuration (seeded by the scenario only).
     * @return the inputs
     */
    public Inputs inputs() {
        synchronized (this) {
            if (inputs == null) { // drawn once per JVM: the long scenarios draw 33,000 steps of gradients
                inputs = draw();
            }
            return inputs;
        }
    }

    private Inputs draw() {
        Random random = new Random(("optim/" + id).hashCode() * 0x9E3779B97F4A7C15L);
        if (this == AUTOGRAD) {
            List<Value> initial = List.of(uniform(random, X_SHAPE), uniform(random, W_SHAPE));
            return new Inputs(initial, List.of(uniform(random, M_SHAPE)), null);
        }
        if (this != GIVEN_GRADIENTS) {
            return longInputs(random);
        }
        List<Value> initial = new ArrayList<>();
        for (int[] shape : GIVEN_SHAPES) {
            initial.add(uniform(random, shape));
        }
        List<List<Value>> grads = new ArrayList<>();
        for (int step = 1; step <= steps; step++) {
            double scale = Math.pow(10, -2 + 2.5 * random.nextDouble()); // 0.01 .. ~3
            List<Value> g = new ArrayList<>();
            for (int i = 0; i < GIVEN_SHAPES.length; i++) {
                Value v = scaled(uniform(random, GIVEN_SHAPES[i]), scale);
                if (i == 1 && STEPS_WITHOUT_GRAD_FOR_PARAM_1.contains(step)) {
                    v = null;
                } else if (i == 2 && STEPS_WITH_ZERO_GRAD_FOR_PARAM_2.contains(step)) {
                    v = new Value(GIVEN_SHAPES[i], DType.FLOAT64, new double[Shape.numel(GIVEN_SHAPES[i])]);
                }
                g.add(v);
            }
            grads.add(Collections.unmodifiableList(g));
        }
        return new Inputs(initial, List.of(), grads);
    }

    /** Parameters (3) and (); every step a gradient from {@link #longGradient}, none for () every 37th step. */
    private Inputs longInputs(Random random) {
        List<Value> initial = new ArrayList<>();
        for (int[] shape : LONG_SHAPES) {
            initial.add(uniform(random, shape));
        }
        List<List<Value>> grads = new ArrayList<>();
        for (int step = 1; step <= steps; step++) {
            List<Value> g = new ArrayList<>();
            for (int i = 0; i < LONG_SHAPES.length; i++) {
                g.add(i == 1 && step % 37 == 0 ? null : longGradient(random, LONG_SHAPES[i], step, i));
            }
            grads.add(Collections.unmodifiableList(g));
        }
        return new Inputs(initial, List.of(), grads);
    }

    /**
     * A gradient whose sign and scale change over time, as in training: each element's sign follows a slow
     * wave of its own (period 150 steps, shifted per element) with random flips one step in ten; the scale
     * sweeps 10^-3 to 10 and back every 700 steps, times a random factor in [0.5, 1.5). Every 53rd step the
     * gradient is zero (which must not be skipped).
     */
    private static Value longGradient(Random random, int[] shape, int step, int param) {
        double[] v = new double[Shape.numel(shape)];
        double scale = Math.pow(10, -3 + 4 * (0.5 - 0.5 * Math.cos(2 * Math.PI * step / 700.0)));
        for (int k = 0; k < v.length; k++) {
            double wave = Math.sin(2 * Math.PI * step / 150.0 + 1.3 * k + 0.7 * param);
            double sign = (wave >= 0 ? 1 : -1) * (random.nextInt(10) == 0 ? -1 : 1);
            v[k] = step % 53 == 0 ? 0 : sign * scale * (0.5 + random.nextDouble());
        }
        return new Value(shape, DType.FLOAT64, v);
    }

    private static Value uniform(Random random, int[] shape) {
        double[] v = new double[Shape.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = -1 + 2 * random.nextDouble();
        }
        return new Value(shape, DType.FLOAT64, v);
    }

    private static Value scaled(Value v, double scale) {
        double[] s = v.values().clone();
        for (int i = 0; i < s.length; i++) {
            s[i] *= scale;
        }
        return new Value(v.shape(), DType.FLOAT64, s);
    }

    /**
     * @param initial    the parameters' starting values
     * @param constants  fixed tensors of the objective (autograd scenario: m), else empty
     * @param givenGrads per step, per parameter, the gradient to set (null: no gradient that step);
     *                   null for the autograd scenario, where the objective's autograd makes them
     */
    public record Inputs(List<Value> initial, List<Value> constants, List<List<Value>> givenGrads) {
    }
}
