package dev.nano.oracle.lr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nano.oracle.family.CaseFilter;
import dev.nano.oracle.family.Check;
import dev.nano.oracle.family.Family;
import dev.nano.oracle.fixtures.FixtureException;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.value.Kind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The learning-rate schedulers ({@code fixtures/schedulers/schedules.json}): every configuration of
 * {@link LrCases} run by the transcription of torch/optim/lr_scheduler.py ({@link TorchLrScheduler};
 * PyTorch's schedulers are Python only, libtorch has none) and by nano, compared bit for bit at every
 * step, with the warnings and errors. "Drift" reruns the transcription against the committed fixtures.
 */
public final class SchedulerFamily implements Family {
    /** The fixture family, also the {@code -Dfamily=} name. */
    public static final String FAMILY = "schedulers";
    private static final String FILE = "schedules";

    @Override
    public String name() {
        return "LR schedulers";
    }

    static Path path(FixtureStore store) {
        return store.pathOf(FAMILY, FILE);
    }

    /**
     * The family's fixture files.
     * @param store the fixtures
     * @return the relative paths
     */
    public static List<String> fixturePaths(FixtureStore store) {
        return List.of(store.relative(path(store)));
    }

    @Override
    public List<Manifest.Entry> regenerate(FixtureStore store, Set<Path> written, List<String> problems) {
        ObjectNode file = Json.MAPPER.createObjectNode();
        file.put("schema", FixtureStore.SCHEMA);
        file.put("op", "transcription of torch/optim/lr_scheduler.py");
        ArrayNode cases = file.putArray("cases");
        int values = 0;
        for (LrCase c : LrCases.all()) {
            LrRun run = LrRun.torch(c);
            cases.add(toJson(c, run));
            values += LrComparison.values(run);
            if (c.steps() < 100) {
                problems.add(c + ": fewer than 100 steps");
            }
        }
        Path path = path(store);
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, Json.WRITER.writeValueAsString(file) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.add(path);
        System.out.printf(Locale.ROOT, "%-22s %7d   (%d values)%n", FAMILY + "/" + FILE, LrCases.all().size(), values);
        return List.of(new Manifest.Entry(store.relative(path), LrCases.all().size(), FixtureStore.sha256(path)));
    }

    private static ObjectNode toJson(LrCase c, LrRun run) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("case", c.id());
        ArrayNode lrs = node.putArray("lrs");
        run.lrs().forEach(v -> lrs.add(Json.doubles(v)));
        ArrayNode momenta = node.putArray("momenta");
        run.momenta().forEach(v -> momenta.add(Json.doubles(v)));
        ArrayNode warnings = node.putArray("warnings");
        run.warnings().forEach(warnings::add);
        if (run.error() != null) {
            node.put("error", run.error());
            node.put("errorStep", run.errorStep());
        }
        return node;
    }

    static Map<String, LrRun> recorded(FixtureStore store) {
        Path path = path(store);
        String where = store.relative(path);
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(path.toFile());
        } catch (IOException e) {
            throw new FixtureException(where + ": cannot read (" + e.getMessage() + "); run " + FixtureStore.REGENERATE);
        }
        Map<String, LrRun> runs = new HashMap<>();
        for (JsonNode c : tree.get("cases")) {
            String id = c.get("case").asText();
            List<double[]> lrs = new ArrayList<>();
            c.get("lrs").forEach(v -> lrs.add(Json.readDoubles(v, where + " " + id)));
            List<double[]> momenta = new ArrayList<>();
            c.get("momenta").forEach(v -> momenta.add(Json.readDoubles(v, where + " " + id)));
            List<String> warnings = new ArrayList<>();
            c.get("warnings").forEach(w -> warnings.add(w.asText()));
            String error = c.has("error") ? c.get("error").asText() : null;
            int errorStep = c.has("errorStep") ? c.get("errorStep").asInt() : -1;
            runs.put(id, new LrRun(lrs, momenta, warnings, error, errorStep));
        }
        return runs;
    }

    static LrRun recorded(Map<String, LrRun> runs, LrCase c, FixtureStore store) {
        LrRun run = runs.get(c.id());
        if (run == null) {
            throw new FixtureException(c + ": not in " + store.relative(path(store)) + "; run " + FixtureStore.REGENERATE);
        }
        return run;
    }

    private static boolean kept(LrCase c, CaseFilter filter, Map<String, LrRun> runs) {
        LrRun run = runs.get(c.id());
        Set<Kind> kinds = run != null && run.error() != null ? Set.of(Kind.ERROR) : Set.of();
        return filter.keeps(c.scheduler(), Set.of(FAMILY), kinds);
    }

    @Override
    public List<Check> parity(FixtureStore store, CaseFilter filter) {
        Map<String, LrRun> runs = recorded(store);
        return LrCases.all().stream().filter(c -> kept(c, filter, runs))
                .map(c -> new Check(c.toString(), () -> LrComparison.diff(c, recorded(runs, c, store), LrRun.nano(c),
                        "nano")))
                .toList();
    }

    @Override
    public List<Check> drift(FixtureStore store, CaseFilter filter) {
        Map<String, LrRun> runs = recorded(store);
        return LrCases.all().stream().filter(c -> kept(c, filter, runs))
                .map(c -> new Check(c.toString(), () -> LrComparison.diff(c, recorded(runs, c, store), LrRun.torch(c),
                        "the transcription")))
                .toList();
    }

    /**
     * The configurations, for tests.
     * @return the number of configurations
     */
    public static int caseCount() {
        return LrCases.all().size();
    }

    /**
     * The cases in the committed fixture file (its own format: one learning-rate trajectory per case).
     * @param store the fixtures
     * @return the number of recorded cases
     */
    public static int recordedCases(FixtureStore store) {
        return recorded(store).size();
    }

    @Override
    public SchedulerSection report(FixtureStore store) {
        Map<String, LrRun> runs = recorded(store);
        List<LrComparison.Row> rows = new ArrayList<>();
        for (LrCase c : LrCases.all()) {
            LrRun torch = recorded(runs, c, store);
            LrRun nano = LrRun.nano(c);
            rows.add(new LrComparison.Row(c, LrComparison.values(torch), LrComparison.exact(torch, nano),
                    LrComparison.diff(c, torch, nano, "nano")));
        }
        return new SchedulerSection(rows);
    }
}
