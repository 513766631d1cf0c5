package dev.nano.oracle.report;

import dev.nano.nn.Module;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.nn.NnScenario;
import dev.nano.oracle.nn.NnScenarios;
import dev.nano.oracle.nn.ScenarioComparison;
import dev.nano.oracle.nn.ScenarioSection;
import dev.nano.oracle.nn.Step;
import dev.nano.oracle.nn.Upstreams;
import dev.nano.oracle.operators.OperatorCoverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The report's nn section: one row per module of nano (read from nano's {@code dev.nano.nn}
 * package, so a new module shows up uncovered) × mode. A module's forward is a thin wrapper over
 * a catalogue operator ({@code F.batchNorm}, {@code relu}, …), whose evidence is in the operator
 * table; what the catalogue cannot show — a module's state across calls and its train/eval
 * behaviour — comes from the recorded PyTorch scenarios ({@code fixtures/nn/scenarios/}), and is
 * credited here only to the modules and modes the scenario steps exercise.
 */
public final class ModuleCoverage {

    /** One row: scenario evidence per mode, the operator(s) its forward runs, and a status. */
    public record Row(String module, String train, String eval, String operators, int steps, String status) {
    }

    /** The catalogue operators each module's forward is built on. */
    public static final Map<String, List<String>> OPERATORS = Map.ofEntries(
            Map.entry("Linear", List.of("linear")), Map.entry("BatchNorm1d", List.of("batchNorm")),
            Map.entry("BatchNorm2d", List.of("batchNorm")), Map.entry("LayerNorm", List.of("layerNorm")),
            Map.entry("Dropout", List.of("dropout", "dropoutWithMask")), Map.entry("ReLU", List.of("relu")),
            Map.entry("Sigmoid", List.of("sigmoid")), Map.entry("Tanh", List.of("tanh")),
            Map.entry("GELU", List.of("gelu")), Map.entry("Softmax", List.of("softmax")),
            Map.entry("LogSoftmax", List.of("logSoftmax")), Map.entry("Flatten", List.of("flatten")),
            Map.entry("MSELoss", List.of("mseLoss")), Map.entry("NLLLoss", List.of("nllLoss")),
            Map.entry("CrossEntropyLoss", List.of("crossEntropy")), Map.entry("BCELoss", List.of("binaryCrossEntropy")),
            Map.entry("BCEWithLogitsLoss", List.of("binaryCrossEntropyWithLogits")), Map.entry("Sequential", List.of()),
            Map.entry("Conv2d", List.of("conv2d")), Map.entry("Conv1d", List.of("conv1d")),
            Map.entry("MaxPool2d", List.of("maxPool2d")), Map.entry("AvgPool2d", List.of("avgPool2d")),
            Map.entry("AdaptiveAvgPool2d", List.of("adaptiveAvgPool2d")),
            Map.entry("Embedding", List.of("embedding")), Map.entry("ModuleList", List.of()),
            Map.entry("MultiheadAttention", List.of("linear", "split", "chunk", "maskedFill", "bmm", "baddbmm",
                    "softmax", "mean", "scaledDotProductAttention")),
            Map.entry("TransformerEncoderLayer", List.of("layerNorm", "linear", "relu", "gelu", "dropout",
                    "scaledDotProductAttention")),
            Map.entry("ConvTranspose2d", List.of("convTranspose2d")),
            Map.entry("Dropout2d", List.of("dropoutWithMask")));

    /** Modules whose forward depends on train()/eval(); the others behave the same in both modes. */
    public static final Set<String> MODE_DEPENDENT = Set.of("BatchNorm1d", "BatchNorm2d", "Dropout", "Sequential");

    /** Which scenario steps (by id) exercise which modules in which mode. */
    public record Credit(String scenario, Pattern steps, String mode, List<String> modules) {
    }

    /** Which evidence credits which nn module. */
    public static final List<Credit> CREDITS = Stream.concat(Stream.of(
            new Credit("batchnorm-running-stats", Pattern.compile("^\\((8,3|4,3,5|6,2)\\).*/ train.*"), "train",
                    List.of("BatchNorm1d")),
            new Credit("batchnorm-running-stats", Pattern.compile("^\\((8,3|4,3,5|6,2)\\).*/ eval"), "eval",
                    List.of("BatchNorm1d")),
            new Credit("batchnorm-running-stats", Pattern.compile("^\\(2,3,4,5\\).*/ train.*"), "train",
                    List.of("BatchNorm2d")),
            new Credit("batchnorm-running-stats", Pattern.compile("^\\(2,3,4,5\\).*/ eval"), "eval",
                    List.of("BatchNorm2d")),
            new Credit("dropout-statistics", Pattern.compile(".*"), "train", List.of("Dropout")),
            new Credit("train-eval", Pattern.compile("^train.*"), "train",
                    List.of("Sequential", "Linear", "BatchNorm1d", "Dropout")),
            new Credit("train-eval", Pattern.compile("^eval.*"), "eval",
                    List.of("Sequential", "Linear", "BatchNorm1d", "Dropout")),
            new Credit("end-to-end", Pattern.compile("^step.*"), "train",
                    List.of("Sequential", "Linear", "BatchNorm1d", "ReLU", "Dropout", "CrossEntropyLoss")),
            new Credit("end-to-end", Pattern.compile("^eval.*"), "eval",
                    List.of("Sequential", "Linear", "BatchNorm1d", "ReLU", "Dropout"))),
            moduleForwards().stream()).toList();

    /**
     * The "modules" scenario: each stateless module built with its defaults and with other
     * arguments, in both modes; a step is credited to the module its id starts with.
     */
    private static List<Credit> moduleForwards() {
        List<Credit> credits = new ArrayList<>();
        for (String module : List.of("CrossEntropyLoss", "NLLLoss", "MSELoss", "BCELoss", "BCEWithLogitsLoss",
                "LayerNorm", "Softmax", "LogSoftmax", "Flatten", "GELU", "Sigmoid", "Tanh")) {
            for (String mode : List.of("train", "eval")) {
                credits.add(new Credit("modules", Pattern.compile("^" + Pattern.quote(module) + "\\(.* / " + mode),
                        mode, List.of(module)));
            }
        }
        return credits;
    }

    private ModuleCoverage() {
    }

    /**
     * The public, concrete {@link Module} classes of nano's {@code dev.nano.nn} package.
     * @return the class names
     */
    public static TreeSet<String> modules() {
        TreeSet<String> names = new TreeSet<>();
        try {
            Path root = Paths.get(Module.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> classNames = new ArrayList<>();
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.list(root.resolve("dev/nano/nn"))) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                            .forEach(n -> classNames.add(n.substring(0, n.length() - 6)));
                }
            } else {
                try (var jar = new java.util.jar.JarFile(root.toFile())) {
                    jar.stream().map(java.util.jar.JarEntry::getName)
                            .filter(n -> n.matches("dev/nano/nn/[A-Za-z0-9]+\\.class"))
                            .forEach(n -> classNames.add(n.substring("dev/nano/nn/".length(), n.length() - 6)));
                }
            }
            for (String simple : classNames) {
                Class<?> c = Class.forName("dev.nano.nn." + simple);
                if (Module.class.isAssignableFrom(c) && Modifier.isPublic(c.getModifiers())
                        && !Modifier.isAbstract(c.getModifiers())) {
                    names.add(simple);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot list nano's modules", e);
        }
        return names;
    }

    /**
     * The rows, the scenario steps compared at a looser tolerance (with the reason), and the
     * failing scenario steps (with what differs).
     */
    public record Section(List<Row> rows, List<String> deviations, List<String> failures) {
    }

    /**
     * The module table's rows.
     * @param scenarios the nn scenarios, run through nano
     * @param operatorRows the operator table's rows
     * @return the section
     */
    public static Section rows(ScenarioSection scenarios, List<OperatorCoverage> operatorRows) {
        Map<String, Map<String, Boolean>> stepOk = scenarios.stepOk();
        Map<String, Boolean> operatorComplete = new LinkedHashMap<>();
        operatorRows.forEach(r -> operatorComplete.put(r.name(), r.complete()));

        List<Row> rows = new ArrayList<>();
        for (String module : modules()) {
            int[] counts = new int[4]; // train passed, train failed, eval passed, eval failed
            for (Credit credit : CREDITS) {
                if (!credit.modules().contains(module)) {
                    continue;
                }
                int base = credit.mode().equals("train") ? 0 : 2;
                stepOk.getOrDefault(credit.scenario(), Map.of()).forEach((id, ok) -> {
                    if (credit.steps().matcher(id).matches()) {
                        counts[base + (ok ? 0 : 1)]++;
                    }
                });
            }
            boolean modeDependent = MODE_DEPENDENT.contains(module);
            String train = cell(counts[0], counts[1], false);
            String eval = cell(counts[2], counts[3], !modeDependent);
            List<String> ops = OPERATORS.get(module);
            String operators;
            boolean opsOk;
            if (ops == null) {
                operators = "?";
                opsOk = false;
            } else if (ops.isEmpty()) {
                operators = "(its children)";
                opsOk = true;
            } else {
                opsOk = ops.stream().allMatch(o -> operatorComplete.getOrDefault(o, false));
                operators = String.join(", ", ops) + (opsOk ? " ✓" : " ✗");
            }
            List<String> gaps = new ArrayList<>();
            if (ops == null) {
                gaps.add("no operator mapping (add it to ModuleCoverage.OPERATORS)");
            } else if (!opsOk) {
                gaps.add("an operator it runs is incomplete");
            }
            if (counts[1] + counts[3] > 0) {
                gaps.add((counts[1] + counts[3]) + " scenario steps failing");
            }
            if (modeDependent && (counts[0] == 0 || counts[2] == 0)) {
                gaps.add("mode-dependent but no scenario in " + (counts[0] == 0 ? "train" : "eval") + " mode");
            }
            String status = !gaps.isEmpty() ? String.join("; ", gaps)
                    : counts[0] == 0 ? "complete via its operator (the module itself runs in no scenario)" : "complete";
            rows.add(new Row(module, train, eval, operators, counts[0] + counts[1] + counts[2] + counts[3], status));
        }
        return new Section(rows, scenarios.deviations(), scenarios.failures());
    }

    private static String cell(int passed, int failed, boolean modeIndependent) {
        if (failed > 0) {
            return "✗";
        }
        if (passed > 0) {
            return "✓ " + passed;
        }
        return modeIndependent ? "–" : "·";
    }
}
