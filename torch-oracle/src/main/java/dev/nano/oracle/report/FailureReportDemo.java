package dev.nano.oracle.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

/**
 * {@code scripts/coverage-gaps --demo-failure}: the report as it reads when nano and PyTorch
 * disagree. Copies the fixtures to a temporary directory, changes two recorded PyTorch answers
 * there (a NaN into a gradient of {@code elu[edges]}, a relative 1e-8 into the output of
 * {@code sin[()]}; every dispatch's answer alike, and the manifest re-hashed so that the copy is not
 * refused as tampered), and runs the whole report on the copy. The committed fixtures are untouched;
 * the exit status is the report's (1).
 */
public final class FailureReportDemo {
    private FailureReportDemo() {
    }

    /**
     * Runs the report on a tampered copy of the fixtures and exits with its status.
     * @param args none
     * @throws java.io.IOException if the tampered copy cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path copy = Files.createTempDirectory("nano-failure-demo");
        Path fixtures = copy.resolve("fixtures");
        copyTree(FixtureStore.locate().root(), fixtures);
        List<String> changed = new ArrayList<>();
        changed.add(tamper(fixtures, "ops/elu.json", "edges", "grads", 1, v -> Double.NaN));
        changed.add(tamper(fixtures, "ops/sin.json", "()", "outputs", 0, v -> v * (1 + 1e-8)));
        rehash(fixtures, changed);
        System.err.println("failure demo: PyTorch's answers changed in " + changed + " of the copy " + fixtures);
        int status = Report.write(new FixtureStore(fixtures), copy.resolve("torch-oracle/target/coverage"));
        System.out.flush();
        System.exit(status);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Changes value {@code index} of the first tensor of {@code part} in every recorded answer of a case. */
    private static String tamper(Path fixtures, String file, String caseId, String part, int index,
                                 DoubleUnaryOperator change) throws IOException {
        Path path = fixtures.resolve(file);
        JsonNode root = Json.MAPPER.readTree(path.toFile());
        for (JsonNode c : root.get("cases")) {
            if (!c.get("case").asText().equals(caseId)) {
                continue;
            }
            List<JsonNode> answers = new ArrayList<>(List.of(c));
            if (c.has("kernels")) {
                c.get("kernels").forEach(answers::add);
            }
            for (JsonNode answer : answers) {
                ArrayNode values = (ArrayNode) answer.get(part).get(0).get("values");
                // Non-finite values are written as the strings "NaN", "Infinity", "-Infinity".
                double v = values.get(index).isTextual() ? Double.parseDouble(values.get(index).asText())
                        : values.get(index).asDouble();
                double w = change.applyAsDouble(v);
                if (Double.isFinite(w)) {
                    values.set(index, Json.MAPPER.getNodeFactory().numberNode(w));
                } else {
                    values.set(index, Json.MAPPER.getNodeFactory().textNode(Double.toString(w)));
                }
            }
        }
        Json.WRITER.writeValue(path.toFile(), root);
        return file;
    }

    private static void rehash(Path fixtures, List<String> changed) {
        try {
            Path manifest = fixtures.resolve("manifest.json");
            ObjectNode root = (ObjectNode) Json.MAPPER.readTree(manifest.toFile());
            for (JsonNode entry : root.get("files")) {
                if (changed.contains(entry.get("path").asText())) {
                    ((ObjectNode) entry).put("sha256", FixtureStore.sha256(fixtures.resolve(entry.get("path")
                            .asText())));
                }
            }
            Json.WRITER.writeValue(manifest.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
