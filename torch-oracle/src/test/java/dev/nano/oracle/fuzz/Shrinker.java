package dev.nano.oracle.fuzz;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.value.Input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Shrinks a failing case to a small one that fails the same way, in the terms of tensors: drop a
 * dimension, shrink a size, reduce a broadcast partner to a 0-d tensor, replace a value by a simpler
 * one of the pool (0, then 1, then −1). Each change is kept when the case still fails; the passes
 * repeat until no change is kept (a fixed point). The value that makes the case fail stays, since
 * replacing it makes the case pass.
 *
 * <p>A change applies to one input, or to every input of the same shape at once (cat's and stack's
 * inputs must keep one shape, and an elementwise pair of equal shapes shrinks as a pair).
 */
final class Shrinker {
    /** A bound on the attempts, so that a pathological case cannot stall a run (each costs ~1 ms). */
    private static final int MAX_ATTEMPTS = 5_000;

    private final Predicate<FuzzCase> stillFails;
    private int attempts;

    private Shrinker(Predicate<FuzzCase> stillFails) {
        this.stillFails = stillFails;
    }

    /** The smallest case reached from {@code failing} along which {@code stillFails} held at every step. */
    static FuzzCase shrink(FuzzCase failing, Predicate<FuzzCase> stillFails) {
        return new Shrinker(stillFails).toFixedPoint(failing);
    }

    private FuzzCase toFixedPoint(FuzzCase c) {
        FuzzCase current = c;
        boolean changed = true;
        while (changed && attempts < MAX_ATTEMPTS) {
            changed = false;
            for (FuzzCase candidate : candidates(current)) {
                if (attempts++ >= MAX_ATTEMPTS) {
                    break;
                }
                if (stillFails.test(candidate)) {
                    current = candidate;
                    changed = true;
                    break; // start again from the smaller case: its candidates are smaller too
                }
            }
        }
        return current;
    }

    /** Every one-step simplification of {@code c}, biggest steps first. */
    static List<FuzzCase> candidates(FuzzCase c) {
        List<FuzzCase> out = new ArrayList<>();
        List<Input> inputs = c.sample().inputs();
        for (int i = 0; i < inputs.size(); i++) {
            int[] shape = inputs.get(i).shape();
            for (int axis = 0; axis < shape.length; axis++) { // drop a dimension, keeping one of its slices
                for (int at = 0; at < shape[axis]; at++) {
                    out.add(reshaped(c, i, axis, at, true, false));
                    out.add(reshaped(c, i, axis, at, true, true));
                }
            }
            if (i > 0 && shape.length > 0 && Shape.numel(shape) > 0 && !Arrays.equals(shape, inputs.get(0).shape())) {
                out.add(replace(c, i, new Input(new int[0], inputs.get(i).dtype(),
                        new double[] {inputs.get(i).values()[0]}, inputs.get(i).requiresGrad())));
            }
            for (int axis = 0; axis < shape.length; axis++) { // shrink a size by one, removing one slice
                for (int at = 0; shape[axis] > 1 && at < shape[axis]; at++) {
                    out.add(reshaped(c, i, axis, at, false, false));
                    out.add(reshaped(c, i, axis, at, false, true));
                }
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            double[] simplest = in.dtype() == DType.FLOAT64 ? FuzzValues.SIMPLEST : new double[] {0, 1};
            for (int j = 0; j < in.values().length; j++) {
                for (double r : simplest) {
                    if (simpler(r, in.values()[j], simplest)) {
                        double[] v = in.values().clone();
                        v[j] = r;
                        out.add(replace(c, i, new Input(in.shape(), in.dtype(), v, in.requiresGrad())));
                    }
                }
            }
        }
        out.removeIf(x -> x == null);
        return out;
    }

    /** Whether {@code r} comes before {@code v} in the order of simplicity (any value of the pool before others). */
    private static boolean simpler(double r, double v, double[] order) {
        int rank = indexOf(order, r);
        int current = indexOf(order, v);
        return current < 0 || rank < current;
    }

    private static int indexOf(double[] order, double v) {
        for (int k = 0; k < order.length; k++) {
            if (Double.compare(order[k], v) == 0) { // -0.0 is not 0.0: it may be what fails
                return k;
            }
        }
        return -1;
    }

    /**
     * Input {@code i} (and, with {@code sameShapes}, every input of its shape) with the dimension
     * {@code axis} dropped, keeping its slice {@code at} ({@code dropAxis}), or with that slice removed.
     * Null when {@code sameShapes} would change nothing more than the single-input form.
     */
    private static FuzzCase reshaped(FuzzCase c, int i, int axis, int at, boolean dropAxis, boolean sameShapes) {
        List<Input> inputs = c.sample().inputs();
        int[] shape = inputs.get(i).shape();
        List<Input> out = new ArrayList<>(inputs);
        int touched = 0;
        for (int k = 0; k < inputs.size(); k++) {
            if (k == i || sameShapes && Arrays.equals(inputs.get(k).shape(), shape)) {
                out.set(k, dropAxis ? keepSlice(inputs.get(k), axis, at) : removeSlice(inputs.get(k), axis, at));
                touched++;
            }
        }
        return sameShapes && touched == 1 ? null : withInputs(c, out);
    }

    private static FuzzCase replace(FuzzCase c, int i, Input in) {
        List<Input> out = new ArrayList<>(c.sample().inputs());
        out.set(i, in);
        return withInputs(c, out);
    }

    private static FuzzCase withInputs(FuzzCase c, List<Input> inputs) {
        Sample s = c.sample();
        return new FuzzCase(c.op(), new Sample(s.id(), s.kinds(), inputs, s.attrs(), s.expectError(),
                s.tolerance()), c.upstreamSeed());
    }

    /** The slice {@code at} along {@code axis}, that dimension removed: (2,3) keeping row 1 is (3,). */
    static Input keepSlice(Input in, int axis, int at) {
        int[] shape = new int[in.shape().length - 1];
        System.arraycopy(in.shape(), 0, shape, 0, axis);
        System.arraycopy(in.shape(), axis + 1, shape, axis, shape.length - axis);
        return filter(in, axis, index -> index == at, shape);
    }

    /** Everything but the slice {@code at} along {@code axis}: (2,3) without column 0 is (2,2). */
    static Input removeSlice(Input in, int axis, int at) {
        int[] shape = in.shape().clone();
        shape[axis]--;
        return filter(in, axis, index -> index != at, shape);
    }

    /** The elements whose index along {@code axis} passes {@code keep}, in row-major order. */
    private static Input filter(Input in, int axis, IntPredicate keep, int[] newShape) {
        int inner = Shape.numel(Arrays.copyOfRange(in.shape(), axis + 1, in.shape().length));
        int size = in.shape()[axis];
        double[] v = new double[Shape.numel(newShape)];
        int k = 0;
        for (int flat = 0; flat < in.values().length; flat++) {
            if (keep.test(flat / inner % size)) {
                v[k++] = in.values()[flat];
            }
        }
        return new Input(newShape, in.dtype(), v, in.requiresGrad());
    }
}
