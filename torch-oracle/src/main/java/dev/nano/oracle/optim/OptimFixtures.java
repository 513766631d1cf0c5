package dev.nano.oracle.optim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nano.oracle.fixtures.FixtureException;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.value.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fixtures/optim/<optimizer>.json}: per configuration and scenario, what the run started
 * from and, after every step, the gradients, the parameters and the state, as PyTorch computed
 * them. Values use the encoding of the op fixtures ({@link Json}): shortest round-trip doubles,
 * NaN and ±inf as strings, arrays on one line.
 *
 * <pre>
 * {"schema": 1, "optimizer": "adam", "cases": [
 *   {"config": "adam[lr=0.01]", "hyperparameters": {"lr": 0.01}, "scenario": "given-gradients",
 *    "initial": [value…], "constants": [value…],
 *    "steps": [{"grads": [value | null…], "params": [value…], "state": [{"step": value, "exp_avg": value…}…]}…]}…]}
 * </pre>
 */
public final class OptimFixtures {
    /** The fixture family of the optimizers. */
    public static final String FAMILY = "optim";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OptimFixtures() {
    }

    /** One recorded run. For given gradients the inputs' gradients are the steps' gradients. */
    public record Case(String config, JsonNode hyperparameters, Scenario scenario, Scenario.Inputs inputs,
                       Trajectory trajectory) {
        /**
         * The case id, {@code config/scenario}.
         * @return the id
         */
        public String id() {
            return config + " " + scenario.id();
        }
    }

    /** The fixtures of one optimizer. */
    public record File(String optimizer, List<Case> cases) {
        /**
         * The case of a configuration and scenario.
         * @param config the configuration's id
         * @param scenario the scenario
         * @return the case, or null
         */
        public Case find(String config, Scenario scenario) {
            return cases.stream().filter(c -> c.config().equals(config) && c.scenario() == scenario).findFirst()
                    .orElse(null);
        }
    }

    /**
     * The fixture file of an optimizer.
     * @param store the fixtures
     * @param optimizer the optimizer's name
     * @return the path
     */
    public static Path path(FixtureStore store, String optimizer) {
        return store.pathOf(FAMILY, optimizer);
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes an optimizer's fixture file.
     * @param path the file
     * @param optimizer the optimizer's name
     * @param cases its cases
     */
    public static void write(Path path, String optimizer, List<Case> cases) {
        ObjectNode file = NODES.objectNode();
        file.put("schema", FixtureStore.SCHEMA);
        file.put("optimizer", optimizer);
        ArrayNode array = file.putArray("cases");
        for (Case c : cases) {
            ObjectNode node = array.addObject();
            node.put("config", c.config());
            node.set("hyperparameters", c.hyperparameters());
            node.put("scenario", c.scenario().id());
            node.set("initial", values(c.inputs().initial()));
            node.set("constants", values(c.inputs().constants()));
            ArrayNode steps = node.putArray("steps");
            for (Trajectory.Step s : c.trajectory().steps()) {
                ObjectNode step = steps.addObject();
                step.set("grads", values(s.grads()));
                step.set("params", values(s.params()));
                ArrayNode state = step.putArray("state");
                for (Map<String, Value> perParam : s.state()) {
                    ObjectNode names = state.addObject();
                    perParam.forEach((name, v) -> names.set(name, Json.value(v)));
                }
            }
        }
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, Json.WRITER.writeValueAsString(file) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode values(List<Value> values) {
        ArrayNode array = NODES.arrayNode();
        for (Value v : values) {
            if (v == null) {
                array.addNull();
            } else {
                array.add(Json.value(v));
            }
        }
        return array;
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads an optimizer's fixture file.
     * @param store the fixtures
     * @param path the file
     * @return the file
     */
    public static File read(FixtureStore store, Path path) {
        String where = store.relative(path);
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FixtureException(where + ": cannot be read as JSON (" + e.getMessage() + "); regenerate it with "
                    + FixtureStore.REGENERATE, e);
        }
        if (tree == null || tree.path("schema").asInt(-1) != FixtureStore.SCHEMA || !tree.path("cases").isArray()
                || !tree.path("optimizer").isTextual()) {
            throw new FixtureException(where + ": not an optimizer fixture of schema " + FixtureStore.SCHEMA
                    + "; regenerate it with " + FixtureStore.REGENERATE);
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : tree.get("cases")) {
            cases.add(readCase(c, where));
        }
        return new File(tree.get("optimizer").asText(), cases);
    }

    private static Case readCase(JsonNode node, String file) {
        String config = node.path("config").asText(null);
        if (config == null) {
            throw new FixtureException(file + ": a case has no 'config'");
        }
        String where = file + " case '" + config + " " + node.path("scenario").asText() + "'";
        Scenario scenario;
        try {
            scenario = Scenario.byId(node.path("scenario").asText());
        } catch (IllegalArgumentException e) {
            throw new FixtureException(where + ": " + e.getMessage(), e);
        }
        List<Value> initial = readValues(node.get("initial"), where + " initial", false);
        List<Value> constants = readValues(node.get("constants"), where + " constants", false);
        JsonNode stepsNode = node.get("steps");
        if (stepsNode == null || !stepsNode.isArray()) {
            throw new FixtureException(where + ": missing steps");
        }
        List<Trajectory.Step> steps = new ArrayList<>();
        List<List<Value>> givenGrads = new ArrayList<>();
        for (int i = 0; i < stepsNode.size(); i++) {
            JsonNode s = stepsNode.get(i);
            String at = where + " step " + (i + 1);
            List<Value> grads = readValues(s.get("grads"), at + " grads", true);
            List<Value> params = readValues(s.get("params"), at + " params", false);
            JsonNode stateNode = s.get("state");
            if (stateNode == null || !stateNode.isArray() || stateNode.size() != params.size()
                    || grads.size() != params.size()) {
                throw new FixtureException(at + ": expected one grad and one state entry per parameter");
            }
            List<Map<String, Value>> state = new ArrayList<>();
            for (int p = 0; p < stateNode.size(); p++) {
                Map<String, Value> names = new LinkedHashMap<>();
                int param = p;
                for (Map.Entry<String, JsonNode> e : stateNode.get(p).properties()) {
                    names.put(e.getKey(), Json.readValue(e.getValue(), at + " state " + param + "." + e.getKey()));
                }
                state.add(names);
            }
            steps.add(new Trajectory.Step(grads, params, state));
            givenGrads.add(grads);
        }
        Scenario.Inputs inputs = new Scenario.Inputs(initial, constants,
                !scenario.givesGradients() ? null
                        : givenGrads.size() == scenario.steps() ? givenGrads
                        : scenario.inputs().givenGrads()); // a sparse record: the seeded gradients of every step
        return new Case(config, node.get("hyperparameters"), scenario, inputs, new Trajectory(steps));
    }

    private static List<Value> readValues(JsonNode array, String where, boolean nullable) {
        if (array == null || !array.isArray()) {
            throw new FixtureException(where + ": expected an array of values");
        }
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode v = array.get(i);
            if (v.isNull() && nullable) {
                values.add(null);
            } else {
                values.add(Json.readValue(v, where + " " + i));
            }
        }
        return Collections.unmodifiableList(values);
    }
}
