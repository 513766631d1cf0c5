package dev.nano.oracle.cases;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.nano.Index;
import dev.nano.Slice;
import dev.nano.Tensor;
import dev.nano.oracle.value.Attrs;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Kind;

import java.util.ArrayList;
import java.util.List;

import static dev.nano.oracle.cases.MovementSupport.draw;
import static dev.nano.oracle.cases.MovementSupport.edges;
import static dev.nano.oracle.cases.Samples.kinds;

/**
 * The {@code index} entry's advanced-indexing cases: {@code x[...]} with index tensors, integer lists,
 * bool masks, {@code None} and {@code ...} beside integers and slices. The attribute {@code index} is
 * the index as DJL's {@link NDIndex} reads it ({@code "{}, :, null, ..., 1:3"}, each {@code {}} the next
 * int64 or bool input after {@code x}), plus Python lists such as {@code [0, 2, 2]}. The torch side hands
 * it to DJL's {@code JniUtils.indexAdv}, which builds libtorch's {@code std::vector<TensorIndex>} and calls
 * {@code Tensor::index} (aten/src/ATen/TensorIndexing.h, {@code get_item}): the code Python's
 * {@code x[...]} runs, ending in aten::index for tensor indices and aten::index_put_ (accumulate) in
 * backward. A list travels as an int64 tensor, which is what Python makes of it.
 */
final class AdvancedIndexSamples {
    static final String ATTR = "index";

    private AdvancedIndexSamples() {
    }

    private static Input longs(int[] shape, double... values) {
        return Input.int64(shape, values);
    }

    private static Input mask(int[] shape, double... values) {
        return Input.bool(shape, values);
    }

    private static int[] s(int... shape) {
        return shape;
    }

    private static Sample ok(String id, Kind[] kinds, String index, int[] xShape, Input... indices) {
        Input[] inputs = new Input[indices.length + 1];
        inputs[0] = draw("index", id, xShape);
        System.arraycopy(indices, 0, inputs, 1, indices.length);
        return Sample.of(Input.shapeText(xShape) + " [" + id + "]", kinds(kinds), Attrs.of(ATTR, index), inputs);
    }

    private static Sample bad(String id, String keyPhrase, String index, int[] xShape, Input... indices) {
        Input[] inputs = new Input[indices.length + 1];
        inputs[0] = draw("index", id, xShape);
        System.arraycopy(indices, 0, inputs, 1, indices.length);
        return Sample.error(Input.shapeText(xShape) + " [" + id + "]", keyPhrase, Attrs.of(ATTR, index), inputs);
    }

    private static final Kind[] NONE = {};
    private static final Kind[] DIMS = {Kind.DIMS};

    static List<Sample> all() {
        List<Sample> s = new ArrayList<>();
        // Integer lists and index tensors; duplicates accumulate in backward.
        s.add(ok("[0, 2, 2]", NONE, "[0, 2, 2]", s(5)));
        s.add(ok("[-1, 0, -1, 3]", NONE, "[-1, 0, -1, 3]", s(5)));
        s.add(ok("i(2,3)", NONE, "{}", s(5), longs(s(2, 3), 0, -1, 2, 4, 4, 1)));
        s.add(ok("i(2,), :", DIMS, "{}, :", s(3, 4), longs(s(2), 2, 0)));
        s.add(ok(":, i(3,)", DIMS, ":, {}", s(3, 4), longs(s(3), 3, 3, -4)));
        s.add(ok("i(2,1), i(3,) broadcast", DIMS, "{}, {}", s(3, 4), longs(s(2, 1), 0, 2), longs(s(3), 1, 3, 1)));
        s.add(ok("i, :, i apart", DIMS, "{}, :, {}", s(2, 3, 4), longs(s(2), 1, 0), longs(s(2), 3, 3)));
        s.add(ok(":, i, i adjacent", DIMS, ":, {}, {}", s(2, 3, 4), longs(s(2, 2), 0, 2, 1, 1), longs(s(2), 0, 3)));
        s.add(ok("0, :, i", DIMS, "0, :, {}", s(2, 3, 4), longs(s(3), 3, 0, 3)));
        s.add(ok("i, 1", DIMS, "{}, 1", s(3, 4), longs(s(4), 2, 0, 2, 1)));
        s.add(ok("None, i, ..., 1:3", DIMS, "null, {}, ..., 1:3", s(3, 4, 5), longs(s(2), 2, 1)));
        s.add(ok("..., i", DIMS, "..., {}", s(2, 3, 4), longs(s(2, 2), 3, 0, 0, 3)));
        s.add(ok("i, None, :", DIMS, "{}, null, :", s(3, 4), longs(s(2), 1, 1)));
        s.add(ok("::2, i", DIMS, "::2, {}", s(5, 3), longs(s(2), 2, 0)));
        // Bool masks: the positions of their true elements.
        s.add(ok("mask (3,4)", DIMS, "{}", s(3, 4), mask(s(3, 4), 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1)));
        s.add(ok("mask (3,) rows", DIMS, "{}", s(3, 4), mask(s(3), 1, 0, 1)));
        s.add(ok(":, mask (4,)", DIMS, ":, {}", s(3, 4), mask(s(4), 0, 1, 1, 0)));
        s.add(ok("mask (2,3), :", DIMS, "{}, :", s(2, 3, 4), mask(s(2, 3), 1, 1, 0, 0, 1, 1)));
        s.add(ok("..., mask (4,)", DIMS, "..., {}", s(2, 3, 4), mask(s(4), 1, 0, 0, 1)));
        s.add(ok("mask (3,), i(2,)", DIMS, "{}, {}", s(3, 4), mask(s(3), 1, 0, 1), longs(s(2), 3, 0)));
        s.add(ok("None, mask (3,)", DIMS, "null, {}", s(3, 4), mask(s(3), 0, 1, 1)));
        // Empty: no positions, an all-false mask, an empty dim indexed by no positions.
        s.add(ok("i(0,)", NONE, "{}", s(3, 4), longs(s(0))));
        s.add(ok("all-false mask", NONE, "{}", s(3, 4), mask(s(3, 4), new double[12])));
        s.add(ok("i(0,) on (0,4)", NONE, "{}", s(0, 4), longs(s(0))));
        s.add(ok(":, i(2,) on (0,4)", DIMS, ":, {}", s(0, 4), longs(s(2), 1, 3)));
        // 0-d index tensors: a position acts as an integer; True adds a dim of size 1.
        s.add(ok("0-d i", NONE, "{}", s(5), longs(s(), 3)));
        s.add(ok("0-d True", NONE, "{}", s(3), mask(s(), 1)));
        s.add(ok("0-d False", NONE, "{}", s(3), mask(s(), 0)));
        s.add(ok("0-d x, None", NONE, "null", s()));
        // Edge values pass through untouched.
        s.add(Sample.of("edge values [:, [4, 0, 4]]", kinds(Kind.EDGE), Attrs.of(ATTR, ":, [4, 0, 4]"), edges()));
        s.add(Sample.of("edge values [mask]", kinds(Kind.EDGE), Attrs.of(ATTR, "{}"), edges(),
                mask(s(2, 5), 1, 1, 0, 1, 0, 0, 1, 1, 1, 0)));
        // What PyTorch rejects, in its words.
        s.add(bad("i=5", "index 5 is out of bounds for dimension 0 with size 3", "{}", s(3), longs(s(1), 5)));
        s.add(bad("i=-4", "index -4 is out of bounds for dimension 0 with size 3", "{}", s(3), longs(s(2), 0, -4)));
        s.add(bad(":, 7", "index 7 is out of bounds for dimension 1 with size 4", ":, 7", s(3, 4)));
        s.add(bad("mask (2,)", "The shape of the mask [2] at index 0 does not match the shape of the indexed tensor "
                + "[3, 4] at index 0", "{}", s(3, 4), mask(s(2), 1, 0)));
        // libtorch moves on by one dim after a mask of two: the slice lands on the mask's second dim.
        s.add(bad("mask (2,3), 1:", "The shape of the mask [2, 3] at index 1 does not match the shape of the "
                + "indexed tensor [2, 2, 4] at index 1", "{}, 1:", s(2, 3, 4), mask(s(2, 3), 1, 1, 0, 0, 1, 1)));
        s.add(bad("i(2,), i(3,)", "shape mismatch: indexing tensors could not be broadcast together with shapes "
                + "[2], [3]", "{}, {}", s(3, 4), longs(s(2), 0, 1), longs(s(3), 0, 1, 2)));
        s.add(bad("i on (0,4)", "index is out of bounds for dimension with size 0", "{}", s(0, 4), longs(s(1), 0)));
        s.add(bad("i, i, i", "too many indices for tensor of dimension 2", "{}, {}, {}", s(3, 4), longs(s(1), 0),
                longs(s(1), 0), longs(s(1), 0)));
        return s;
    }

    // ---------------------------------------------------------------- the two sides

    /** The index text split at its top-level commas (a list's commas stay inside it). */
    static List<String> entries(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (c == ',' && depth == 0) {
                out.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(text.substring(start).trim());
        return out;
    }

    /** nano's side: the entries as {@link Index} values, each {@code {}} the next input after {@code x}. */
    static Tensor nano(Tensor[] in, Attrs a) {
        List<Index> index = new ArrayList<>();
        int next = 1;
        for (String e : entries(a.getString(ATTR))) {
            if (e.equals("{}")) {
                index.add(Index.tensor(in[next++]));
            } else if (e.equals("null")) {
                index.add(Index.none());
            } else if (e.equals("...")) {
                index.add(Index.ellipsis());
            } else if (e.startsWith("[")) {
                index.add(Index.list(listValues(e)));
            } else if (e.contains(":")) {
                Slice slice = MovementSupport.slices(e)[0];
                index.add(Index.slice(slice.start(), slice.end(), slice.step()));
            } else {
                index.add(Index.at(Long.parseLong(e)));
            }
        }
        return in[0].index(index.toArray(new Index[0]));
    }

    /** PyTorch's side: libtorch's Tensor::index through DJL, a list as an int64 tensor (as Python makes it). */
    static NDArray torch(NDArray[] in, Attrs a) {
        List<Object> tensors = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        int next = 1;
        for (String e : entries(a.getString(ATTR))) {
            if (e.equals("{}")) {
                tensors.add(in[next++]);
                parts.add(e);
            } else if (e.startsWith("[")) {
                tensors.add(in[0].getManager().create(listValues(e)));
                parts.add("{}");
            } else {
                parts.add(e);
            }
        }
        NDIndex index = new NDIndex(String.join(", ", parts), tensors.toArray());
        return JniUtils.indexAdv((PtNDArray) in[0], index, (PtNDManager) in[0].getManager());
    }

    private static long[] listValues(String list) {
        String inner = list.substring(1, list.length() - 1).trim();
        if (inner.isEmpty()) {
            return new long[0];
        }
        String[] parts = inner.split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Long.parseLong(parts[i].trim());
        }
        return out;
    }
}
