package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import dev.nano.Shape;
import dev.nano.Slice;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static dev.nano.oracle.cases.Samples.kinds;

/** Small helpers shared by the movement, linear-algebra and factory catalogue entries. */
final class MovementSupport {
    private MovementSupport() {
    }

    static PtNDArray pt(NDArray a) {
        return (PtNDArray) a;
    }

    static PtNDArray[] pts(NDArray[] arrays) {
        PtNDArray[] out = new PtNDArray[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            out[i] = (PtNDArray) arrays[i];
        }
        return out;
    }

    static long[] longs(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** {@code [2, -1]}-style text for case names. */
    static String list(int... values) {
        return Shape.toString(values).replace(" ", "");
    }

    /** A float64 leaf of {@code shape} with random values of random sign, magnitudes in [0.1, 2). */
    static Input draw(String op, String id, int... shape) {
        return Samples.signedLeaf(Samples.rng(op, id), 0.1, 2, shape);
    }

    /** Several leaves for one case, from one generator. */
    static Input[] drawAll(String op, String id, int[]... shapes) {
        Random r = Samples.rng(op, id);
        Input[] out = new Input[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            out[i] = Samples.signedLeaf(r, 0.1, 2, shapes[i]);
        }
        return out;
    }

    /** The edge values of the oracle (±0, ±1, ±huge, tiny, NaN, ±inf) as a (2,5) leaf. */
    static Input edges() {
        return Input.of(new int[] {2, 5}, Samples.EDGE_VALUES.clone());
    }

    static Sample sample(String op, String id, Set<Kind> kinds, Attrs attrs, int... shape) {
        return Sample.of(id, kinds, attrs, draw(op, id, shape));
    }

    static Sample error(String op, String id, String keyPhrase, Attrs attrs, int... shape) {
        return Sample.error(id, keyPhrase, attrs, draw(op, id, shape));
    }

    /** An error case that is also an edge-value case (e.g. a NaN bound). */
    static Sample edgeError(String id, String keyPhrase, Attrs attrs, Input... inputs) {
        return new Sample(id, kinds(Kind.EDGE), List.of(inputs), attrs, keyPhrase, null);
    }

    /**
     * Parses Python slice text {@code "1:3, ::2"} into nano's slices: one per comma, each
     * {@code start:end[:step]} with empty parts meaning "none". The empty string is no slices.
     */
    static Slice[] slices(String text) {
        if (text.isBlank()) {
            return new Slice[0];
        }
        List<Slice> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] p = part.trim().split(":", -1);
            if (p.length < 2 || p.length > 3) {
                throw new IllegalArgumentException("case attribute: bad slice '" + part + "'");
            }
            Integer start = p[0].isBlank() ? null : Integer.valueOf(p[0].trim());
            Integer end = p[1].isBlank() ? null : Integer.valueOf(p[1].trim());
            int step = p.length == 3 && !p[2].isBlank() ? Integer.parseInt(p[2].trim()) : 1;
            out.add(new Slice(start, end, step));
        }
        return out.toArray(new Slice[0]);
    }
}
