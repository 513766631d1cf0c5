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
    AUTOGRAD("end-to-end", 10);

    static final int[][] GIVEN_SHAPES = {{2, 3}, {4}, {}};
    static final Set<Integer> STEPS_WITHOUT_GRAD_FOR_PARAM_1 = Set.of(1, 4, 9, 10, 16);
    static final Set<Integer> STEPS_WITH_ZERO_GRAD_FOR_PARAM_2 = Set.of(5, 12);
    static final int[] X_SHAPE = {3, 4};
    static final int[] W_SHAPE = {4, 5};
    static final int[] M_SHAPE = {3, 5};

    private final String id;
    private final int steps;

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
        Random random = new Random(("optim/" + id).hashCode() * 0x9E3779B97F4A7C15L);
        if (this == AUTOGRAD) {
            List<Value> initial = List.of(uniform(random, X_SHAPE), uniform(random, W_SHAPE));
            return new Inputs(initial, List.of(uniform(random, M_SHAPE)), null);
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
