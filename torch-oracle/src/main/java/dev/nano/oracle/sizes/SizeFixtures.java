package dev.nano.oracle.sizes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nano.DType;
import dev.nano.Tensor;
import dev.nano.data.Sha256Sums;
import dev.nano.io.SafeTensors;
import dev.nano.oracle.fixtures.FixtureException;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.value.Input;
import dev.nano.oracle.value.Result;
import dev.nano.oracle.value.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fixtures/sizes/<op>.json} and {@code <op>.safetensors} beside it: PyTorch's answers to an
 * operator's size cases. The inputs and the upstream gradient are not stored: they are drawn again
 * from the case's seed ({@link SizeCase#drawInputs}), and the JSON keeps their sha256, so a generator
 * that drew other values (on another platform, or after an edit) is reported as a stale fixture
 * rather than as a wrong answer. The outputs and gradients are stored whole, in the safetensors file,
 * each in the narrowest of I8, I16, I32, F32 and F64 that holds every one of its values exactly
 * (sign of zero and NaN included; checked when written), so that the exact integer cases take one
 * or two bytes per value; nano's own {@link SafeTensors} reader reads them back as float64.
 *
 * <pre>
 * {"schema": 2, "op": "matmul", "values": "matmul.safetensors", "sha256": "…",
 *  "cases": [{"case": "(33,131)@(131,67)", "family": "matmul", "attrs": {…},
 *             "inputs": [{"shape": [33,131], "dtype": "float64", "sha256": "…"}…],
 *             "upstream": {"shape": [33,67], "sha256": "…"},
 *             "outputs": [{"shape": [33,67], "dtype": "float64"}], "grads": [{…} | null…]}…]}
 * </pre>
 * The tensors are named {@code <case>|output <i>} and {@code <case>|grad <i>}.
 */
public final class SizeFixtures {
    /** The fixture family (folder) of the size cases. */
    public static final String FAMILY = "sizes";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SizeFixtures() {
    }

    /**
     * One recorded case: PyTorch's result and the digests of what it was run on.
     * @param id              the case id
     * @param inputDigests    the sha256 of each input's values
     * @param upstreamDigest  the sha256 of the upstream gradient's values, or null without backward
     * @param result          PyTorch's outputs and gradients; its upstream is null (drawn again by the reader)
     */
    public record Recorded(String id, List<String> inputDigests, String upstreamDigest, Result result) {
    }

    /**
     * The fixture file of an operator's size cases.
     * @param store the fixtures
     * @param op the operator
     * @return the path
     */
    public static Path path(FixtureStore store, String op) {
        return store.root().resolve(FAMILY).resolve(op + ".json");
    }

    /**
     * Every size-case fixture, as the manifest lists them.
     * @param store the fixtures
     * @return the relative paths
     */
    public static List<String> fixturePaths(FixtureStore store) {
        return SizeCases.operators().stream().map(op -> store.relative(path(store, op))).toList();
    }

    /**
     * The sha256 of a tensor's values (each double's bits, big-endian).
     * @param values the values
     * @return the hex digest
     */
    public static String digest(double[] values) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(values.length * Double.BYTES);
            for (double v : values) {
                b.putLong(Double.doubleToRawLongBits(v));
            }
            return HexFormat.of().formatHex(md.digest(b.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes an operator's fixture and its safetensors file.
     * @param path the JSON file
     * @param op the operator
     * @param cases the cases, each with the inputs and upstream it was run on and PyTorch's result
     */
    static void write(Path path, String op, List<Written> cases) {
        Path values = path.resolveSibling(op + ".safetensors");
        Map<String, Value> tensors = new LinkedHashMap<>();
        ObjectNode file = NODES.objectNode();
        file.put("schema", FixtureStore.SCHEMA);
        file.put("op", op);
        file.put("values", values.getFileName().toString());
        ArrayNode array = NODES.arrayNode();
        for (Written w : cases) {
            ObjectNode node = array.addObject();
            node.put("case", w.c().id());
            node.put("family", w.c().family());
            node.set("attrs", Json.attrs(w.c().attrs().asMap()));
            ArrayNode inputs = node.putArray("inputs");
            for (Input in : w.inputs()) {
                ObjectNode i = inputs.addObject();
                i.set("shape", Json.ints(in.shape()));
                i.put("dtype", in.dtype().name().toLowerCase(java.util.Locale.ROOT));
                i.put("sha256", digest(in.values()));
            }
            Result r = w.result();
            if (r.upstream() != null) {
                node.putObject("upstream").<ObjectNode>set("shape", Json.ints(r.upstream().shape()))
                        .put("sha256", digest(r.upstream().values()));
            }
            ArrayNode outputs = node.putArray("outputs");
            for (int k = 0; k < r.outputs().size(); k++) {
                outputs.add(described(r.outputs().get(k)));
                tensors.put(w.c().id() + "|output " + k, r.outputs().get(k));
            }
            ArrayNode grads = node.putArray("grads");
            for (int k = 0; k < r.grads().size(); k++) {
                Value g = r.grads().get(k);
                if (g == null) {
                    grads.addNull();
                } else {
                    grads.add(described(g));
                    tensors.put(w.c().id() + "|grad " + k, g);
                }
            }
        }
        try {
            Files.createDirectories(path.getParent());
            Files.write(values, CompactSafeTensors.bytes(tensors));
            file.put("sha256", Sha256Sums.of(values));
            file.set("cases", array);
            Files.writeString(path, Json.WRITER.writeValueAsString(file) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One case as it was run through PyTorch at regeneration. */
    record Written(SizeCase c, List<Input> inputs, Result result) {
    }

    private static ObjectNode described(Value v) {
        ObjectNode n = NODES.objectNode();
        n.set("shape", Json.ints(v.shape()));
        n.put("dtype", v.dtype().name().toLowerCase(java.util.Locale.ROOT));
        return n;
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads an operator's fixture and PyTorch's values from the safetensors file beside it.
     * @param store the fixtures
     * @param path the JSON file
     * @return the cases, by id, in file order
     */
    public static Map<String, Recorded> read(FixtureStore store, Path path) {
        String where = store.relative(path);
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FixtureException(where + ": cannot be read (" + e.getMessage() + "); run "
                    + FixtureStore.REGENERATE, e);
        }
        if (tree == null || tree.path("schema").asInt(-1) != FixtureStore.SCHEMA || !tree.path("cases").isArray()
                || !tree.path("values").isTextual()) {
            throw new FixtureException(where + ": not a size-case fixture of schema " + FixtureStore.SCHEMA + "; run "
                    + FixtureStore.REGENERATE);
        }
        Path values = path.resolveSibling(tree.get("values").asText());
        if (!Files.isRegularFile(values) || !Sha256Sums.of(values).equals(tree.path("sha256").asText())) {
            throw new FixtureException(store.relative(values) + " is missing or was changed after regeneration (its "
                    + "sha256 disagrees with " + where + "); run " + FixtureStore.REGENERATE);
        }
        Map<String, Tensor> tensors = SafeTensors.load(values);
        Map<String, Recorded> cases = new LinkedHashMap<>();
        for (JsonNode c : tree.get("cases")) {
            String id = c.path("case").asText();
            String at = where + " case '" + id + "'";
            List<String> inputDigests = new ArrayList<>();
            for (JsonNode in : c.path("inputs")) {
                inputDigests.add(in.path("sha256").asText());
            }
            List<Value> outputs = new ArrayList<>();
            for (int k = 0; k < c.path("outputs").size(); k++) {
                outputs.add(tensor(tensors, id + "|output " + k, c.path("outputs").get(k), at));
            }
            List<Value> grads = new ArrayList<>();
            for (int k = 0; k < c.path("grads").size(); k++) {
                JsonNode g = c.path("grads").get(k);
                grads.add(g.isNull() ? null : tensor(tensors, id + "|grad " + k, g, at));
            }
            String upstream = c.has("upstream") ? c.path("upstream").path("sha256").asText() : null;
            cases.put(id, new Recorded(id, inputDigests, upstream, new Result(outputs, null, grads, null)));
        }
        return cases;
    }

    private static Value tensor(Map<String, Tensor> tensors, String name, JsonNode described, String where) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new FixtureException(where + ": the safetensors file has no tensor '" + name + "'; run "
                    + FixtureStore.REGENERATE);
        }
        int[] shape = Json.readInts(described.get("shape"), where + " " + name + " shape");
        if (!java.util.Arrays.equals(shape, t.shape())) {
            throw new FixtureException(where + ": tensor '" + name + "' has another shape than the JSON says");
        }
        DType dtype = DType.valueOf(described.path("dtype").asText().toUpperCase(java.util.Locale.ROOT));
        return new Value(shape, dtype, t.data());
    }

    /**
     * The safetensors format written with the narrowest exact dtype per tensor (nano's own writer
     * writes only F64, I64 and BOOL). The header is the format's JSON, padded to 8 bytes with spaces.
     */
    static final class CompactSafeTensors {
        private CompactSafeTensors() {
        }

        /** The narrowest of I8, I16, I32, F32 and F64 that holds every value exactly. */
        static String dtypeOf(double[] values) {
            long min = 0;
            long max = 0;
            boolean integers = true;
            boolean floats = true;
            for (double v : values) {
                long bits = Double.doubleToRawLongBits(v);
                if (integers) {
                    long asLong = (long) v;
                    if (Double.doubleToRawLongBits((double) asLong) == bits && Math.abs(asLong) < (1L << 31)) {
                        min = Math.min(min, asLong);
                        max = Math.max(max, asLong);
                    } else {
                        integers = false;
                    }
                }
                floats &= Double.doubleToRawLongBits((double) (float) v) == bits;
            }
            if (integers && min >= Byte.MIN_VALUE && max <= Byte.MAX_VALUE) {
                return "I8";
            }
            if (integers && min >= Short.MIN_VALUE && max <= Short.MAX_VALUE) {
                return "I16";
            }
            if (integers && min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE) {
                return "I32";
            }
            return floats ? "F32" : "F64";
        }

        static byte[] bytes(Map<String, Value> tensors) {
            StringBuilder header = new StringBuilder("{");
            List<String> types = new ArrayList<>();
            long offset = 0;
            for (Map.Entry<String, Value> e : tensors.entrySet()) {
                double[] v = e.getValue().values();
                String type = dtypeOf(v);
                types.add(type);
                long end = offset + (long) v.length * size(type);
                header.append(header.length() > 1 ? "," : "").append(Json.MAPPER.valueToTree(e.getKey()).toString())
                        .append(":{\"dtype\":\"").append(type).append("\",\"shape\":")
                        .append(Json.ints(e.getValue().shape()).toString()).append(",\"data_offsets\":[")
                        .append(offset).append(',').append(end).append("]}");
                offset = end;
            }
            header.append('}');
            byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
            int padded = (json.length + 7) / 8 * 8;
            ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
            out.putLong(padded).put(json);
            for (int i = json.length; i < padded; i++) {
                out.put((byte) ' ');
            }
            int k = 0;
            for (Value t : tensors.values()) {
                String type = types.get(k++);
                for (double v : t.values()) {
                    switch (type) {
                        case "I8" -> out.put((byte) v);
                        case "I16" -> out.putShort((short) v);
                        case "I32" -> out.putInt((int) v);
                        case "F32" -> out.putFloat((float) v);
                        default -> out.putDouble(v);
                    }
                }
            }
            return out.array();
        }

        private static int size(String type) {
            return switch (type) {
                case "I8" -> 1;
                case "I16" -> 2;
                case "I32", "F32" -> 4;
                default -> 8;
            };
        }
    }
}
