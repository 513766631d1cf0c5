package dev.nano.oracle.rng;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.nano.DType;
import dev.nano.oracle.family.CaseFilter;
import dev.nano.oracle.family.Check;
import dev.nano.oracle.family.Family;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureException;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.torch.TorchEngine;
import dev.nano.oracle.value.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The random streams ({@code fixtures/rng/streams.json}): after the same seed, nano's generator
 * draws exactly libtorch's float64 values ({@code rand}, {@code randn} on both sides of 16,
 * {@code randint}, {@code randperm}, {@code uniform_}, {@code normal_}, {@code bernoulli},
 * dropout masks), bit for bit except the last bits {@link RngComparison} allows, with its reasons.
 *
 * <p>libtorch is seeded with TorchScript's {@code torch.manual_seed}; regeneration also checks
 * that DJL's {@code Engine.setRandomSeed} reaches the same generator (a problem otherwise).
 */
public final class RngFamily implements Family {
    /** The fixture family. */
    public static final String FAMILY = "rng";
    private static final String FILE = "streams";

    @Override
    public String name() {
        return "random streams";
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
        List<FixtureCase> cases = new ArrayList<>();
        int values = 0;
        try (NDManager m = TorchEngine.baseManager().newSubManager()) {
            for (RngCase c : RngCases.all()) {
                List<Value> outputs = new ArrayList<>();
                for (double[] v : c.torch(m)) {
                    outputs.add(new Value(new int[] {v.length}, DType.FLOAT64, v));
                    values += v.length;
                }
                cases.add(new FixtureCase(c.id(), List.of(), Json.attrs(Map.of()), List.of(), null, outputs,
                        List.of(), null));
            }
            String djl = djlSeedReachesTheSameGenerator(m);
            if (djl != null) {
                problems.add(djl);
            }
        }
        Path path = path(store);
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.write(path, "rng streams", cases);
        written.add(path);
        System.out.printf(Locale.ROOT, "%-22s %7d   (%d values)%n", FAMILY + "/" + FILE, cases.size(), values);
        return List.of(new Manifest.Entry(store.relative(path), cases.size(), FixtureStore.sha256(path)));
    }

    /** DJL's {@code Engine.setRandomSeed} (JniUtils.setSeed, {@code torch::manual_seed}) then the first case's calls. */
    private static String djlSeedReachesTheSameGenerator(NDManager m) {
        RngCase probe = RngCases.all().get(RngCases.all().size() - 1);
        List<double[]> scripted = probe.torch(m);
        Engine.getEngine("PyTorch").setRandomSeed((int) probe.seed());
        for (int i = 0; i < probe.calls().size(); i++) {
            if (!java.util.Arrays.equals(scripted.get(i), probe.calls().get(i).torch(m))) {
                return probe + ": DJL's setRandomSeed and TorchScript's torch.manual_seed give different streams";
            }
        }
        return null;
    }

    private static boolean kept(RngCase c, CaseFilter filter) {
        return c.calls().stream().anyMatch(call -> filter.keeps(call.op(), Set.of(FAMILY), Set.of()));
    }

    @Override
    public List<Check> parity(FixtureStore store, CaseFilter filter) {
        FixtureFile file = store.read(path(store));
        return RngCases.all().stream().filter(c -> kept(c, filter))
                .map(c -> new Check(c.toString(), () -> RngComparison.diff(c, recorded(file, c), c.nano(), "nano")))
                .toList();
    }

    @Override
    public List<Check> drift(FixtureStore store, CaseFilter filter) {
        FixtureFile file = store.read(path(store));
        return RngCases.all().stream().filter(c -> kept(c, filter)).map(c -> new Check(c.toString(), () -> {
            try (NDManager m = TorchEngine.baseManager().newSubManager()) {
                return RngComparison.diff(c, recorded(file, c), c.torch(m), "live libtorch");
            }
        })).toList();
    }

    static List<double[]> recorded(FixtureFile file, RngCase c) {
        FixtureCase fixture = file.find(c.id());
        if (fixture == null) {
            throw new FixtureException(c + ": not in " + file.path() + "; run " + FixtureStore.REGENERATE);
        }
        return fixture.outputs().stream().map(Value::values).toList();
    }

    @Override
    public RngSection report(FixtureStore store) {
        System.err.println("checking the random streams against their PyTorch fixtures...");
        FixtureFile file = store.read(path(store));
        List<RngComparison.Row> rows = new ArrayList<>();
        for (RngCase c : RngCases.all()) {
            List<double[]> torch = recorded(file, c);
            List<double[]> nano = c.nano();
            rows.add(new RngComparison.Row(c, torch.stream().mapToInt(v -> v.length).sum(),
                    RngComparison.identical(torch, nano), RngComparison.diff(c, torch, nano, "nano")));
        }
        return new RngSection(rows);
    }
}
