package dev.nano.oracle.sizes;

import dev.nano.DType;
import dev.nano.Shape;
import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;
import dev.nano.oracle.value.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One large (or deliberately sized) case of a catalogue operator: the operator's own nano and
 * PyTorch calls ({@link OpInfo}), on inputs of a chosen shape drawn at test time from a seed. Only
 * PyTorch's answer is stored ({@link SizeFixtures}); the inputs and the upstream gradient are drawn
 * again, identically on every platform: {@link SplittableRandom} is specified bit for bit by its
 * Javadoc, and the seed is {@link String#hashCode} of the case's name, also specified.
 *
 * @param op       the catalogue operator, e.g. "matmul"
 * @param family   the family of kernels it stands for ("elementwise", "broadcasting", "reductions", "softmax",
 *                 "matmul", "linear", "losses"), as {@code dev.nano.ops.SizeClasses} names them
 * @param id       the case id, unique within the operator
 * @param attrs    the call's attributes (the same keys the operator's catalogue cases use)
 * @param inputs   the inputs' shapes and how their values are drawn
 */
public record SizeCase(String op, String family, String id, Attrs attrs, List<Spec> inputs) {

    /** How an input's values are drawn. */
    public enum Draw {
        /**
         * Integers in [-4, 4] without 0: sums and products of a few thousand of them are exact in float64, so
         * every answer is exact whatever the summation order, and fits a narrow integer type in the fixture
         * (no product is -0.0, which an integer type could not hold; zero inputs are the catalogue's subject).
         */
        SMALL_INTEGERS,
        /** Uniform in [-3, 3): full-precision values for the transcendental kernels. */
        UNIFORM,
        /** Class indices in [0, classes), int64, not differentiated; {@link Spec#classes} gives the count. */
        CLASS_INDICES
    }

    /**
     * One input.
     * @param shape   its shape
     * @param draw    how its values are drawn
     * @param classes the class count for {@link Draw#CLASS_INDICES}, else 0
     */
    public record Spec(int[] shape, Draw draw, int classes) {
        /**
         * A differentiable float64 input.
         * @param draw  how its values are drawn
         * @param shape its shape
         * @return the spec
         */
        public static Spec of(Draw draw, int... shape) {
            return new Spec(shape, draw, 0);
        }

        /**
         * An int64 target of class indices.
         * @param classes the class count
         * @param shape   its shape
         * @return the spec
         */
        public static Spec classes(int classes, int... shape) {
            return new Spec(shape, Draw.CLASS_INDICES, classes);
        }
    }

    /**
     * Copies the inputs.
     * @param op     the catalogue operator
     * @param family the family of kernels it stands for
     * @param id     the case id
     * @param attrs  the call's attributes
     * @param inputs the inputs
     */
    public SizeCase {
        inputs = List.copyOf(inputs);
    }

    /**
     * The catalogue entry whose calls this case makes.
     * @return the entry
     */
    public OpInfo opInfo() {
        OpInfo info = Catalogue.byName(op);
        if (info == null) {
            throw new IllegalStateException("size case " + this + ": no catalogue operator '" + op + "'");
        }
        return info;
    }

    @Override
    public String toString() {
        return op + "[" + id + "]";
    }

    /**
     * The seed of one input, from the case's name: the same on every platform.
     * @param what which input (or "upstream")
     * @return the seed
     */
    long seed(String what) {
        return ("sizes/" + op + "/" + id + "/" + what).hashCode() * 0x9E3779B97F4A7C15L;
    }

    /**
     * The inputs, drawn from their seeds.
     * @return the inputs
     */
    public List<Input> drawInputs() {
        List<Input> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Spec s = inputs.get(i);
            SplittableRandom random = new SplittableRandom(seed("input " + i));
            double[] v = new double[Shape.numel(s.shape())];
            for (int k = 0; k < v.length; k++) {
                v[k] = switch (s.draw()) {
                    case SMALL_INTEGERS -> (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(4));
                    case UNIFORM -> -3 + 6 * random.nextDouble();
                    case CLASS_INDICES -> random.nextInt(s.classes());
                };
            }
            out.add(s.draw() == Draw.CLASS_INDICES ? new Input(s.shape(), DType.INT64, v, false)
                    : Input.of(s.shape(), v));
        }
        return out;
    }

    /**
     * The catalogue-style sample of this case (default tolerance), for {@code NanoRunner} and {@code TorchRunner}.
     * @return the sample
     */
    public Sample sample() {
        return new Sample(id, EnumSet.noneOf(Kind.class), drawInputs(), attrs, null, null);
    }

    /**
     * The upstream gradient of output 0: ±1 and ±2, so that the gradients of the exact cases stay exact.
     * @param shape the output's shape
     * @return the gradient
     */
    public Value upstream(int[] shape) {
        SplittableRandom random = new SplittableRandom(seed("upstream"));
        double[] v = new double[Shape.numel(shape)];
        for (int k = 0; k < v.length; k++) {
            v[k] = (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(2));
        }
        return new Value(shape, DType.FLOAT64, v);
    }

    /**
     * The shape of input {@code i}.
     * @param i the input
     * @return its shape
     */
    int[] shape(int i) {
        return inputs.get(i).shape();
    }

    /**
     * A readable description of the shapes, for the gate's messages.
     * @return e.g. "(33,131)|(131,67)"
     */
    String shapes() {
        return String.join("|", inputs.stream().map(s -> Arrays.toString(s.shape())).toList());
    }
}
