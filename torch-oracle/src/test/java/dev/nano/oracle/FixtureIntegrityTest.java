package dev.nano.oracle;

import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.Sample;
import dev.nano.oracle.e2e.E2eFixtures;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureException;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.nn.NnScenarios;
import dev.nano.oracle.optim.OptimConfig;
import dev.nano.oracle.optim.OptimFixtures;
import dev.nano.oracle.optim.OptimGrid;
import dev.nano.oracle.optim.Scenario;
import dev.nano.oracle.lr.SchedulerFamily;
import dev.nano.oracle.rng.RngFamily;
import dev.nano.oracle.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The fixtures are whole, unmodified, and in step with the catalogue. */
class FixtureIntegrityTest {
    private final FixtureStore store = FixtureStore.locate();

    @Test
    void everyFileMatchesItsManifestHashAndCount() {
        Manifest manifest = store.readManifest();
        int total = 0;
        for (Manifest.Entry e : manifest.files()) {
            Path path = store.root().resolve(e.path());
            assertTrue(Files.isRegularFile(path), "manifest lists " + e.path() + " but the file is missing; run "
                    + FixtureStore.REGENERATE);
            assertEquals(e.sha256(), FixtureStore.sha256(path), e.path() + " was changed after regeneration "
                    + "(its sha256 disagrees with manifest.json); run " + FixtureStore.REGENERATE);
            int cases = e.path().startsWith(OptimFixtures.FAMILY + "/") ? OptimFixtures.read(store, path).cases().size()
                    : e.path().startsWith(SchedulerFamily.FAMILY + "/") ? SchedulerFamily.recordedCases(store)
                    : store.read(path).cases().size();
            assertEquals(e.cases(), cases, e.path() + ": case count differs from the manifest");
            total += e.cases();
        }
        assertEquals(manifest.totalCases(), total, "manifest totalCases");
        assertEquals("2.7.1", manifest.pytorch(), "fixtures must come from the oracle's libtorch 2.7.1");
    }

    @Test
    void everyFixtureFileIsInTheManifest() throws IOException {
        Manifest manifest = store.readManifest();
        try (Stream<Path> files = Files.walk(store.root())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                if (p.equals(store.manifestPath())) {
                    continue;
                }
                assertNotNull(manifest.find(store.relative(p)), store.relative(p) + " is not in manifest.json; run "
                        + FixtureStore.REGENERATE);
            }
        }
    }

    @Test
    void catalogueAndFixturesHoldTheSameCases() {
        List<String> problems = new ArrayList<>();
        Set<String> expectedFiles = new HashSet<>();
        expectedFiles.addAll(NnScenarios.fixturePaths(store)); // checked step by step in NnScenarioParityTest
        expectedFiles.addAll(E2eFixtures.fixturePaths(store)); // checked in MnistEndToEndParityTest
        expectedFiles.addAll(RngFamily.fixturePaths(store)); // checked case by case by the random-stream family
        expectedFiles.addAll(SchedulerFamily.fixturePaths(store)); // checked case by case by the scheduler family
        for (OpInfo op : Catalogue.all()) {
            Path path = store.pathOf(op.family(), op.name());
            expectedFiles.add(store.relative(path));
            if (!Files.isRegularFile(path)) {
                problems.add(op.name() + ": no fixture file " + store.relative(path));
                continue;
            }
            FixtureFile file = store.read(path);
            Set<String> ids = new HashSet<>();
            for (Sample s : op.samples()) {
                ids.add(s.id());
                if (file.find(s.id()) == null) {
                    problems.add(op.name() + "[" + s.id() + "]: in the catalogue, not in " + store.relative(path));
                }
            }
            for (FixtureCase c : file.cases()) {
                if (!ids.contains(c.id())) {
                    problems.add(op.name() + "[" + c.id() + "]: in " + store.relative(path)
                            + ", no longer in the catalogue");
                }
            }
        }
        for (String optimizer : OptimGrid.OPTIMIZERS) { // checked case by case in optimGridAndFixturesHoldTheSameCases
            expectedFiles.add(store.relative(OptimFixtures.path(store, optimizer)));
        }
        for (Manifest.Entry e : store.readManifest().files()) {
            if (!expectedFiles.contains(e.path())) {
                problems.add(e.path() + ": fixture of an operator the catalogue no longer has");
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " differences between catalogue and fixtures; run " + FixtureStore.REGENERATE
                    + ":\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void optimGridAndFixturesHoldTheSameCases() {
        List<String> problems = new ArrayList<>();
        for (String optimizer : OptimGrid.OPTIMIZERS) {
            Path path = OptimFixtures.path(store, optimizer);
            String where = store.relative(path);
            if (!Files.isRegularFile(path)) {
                problems.add(optimizer + ": no fixture file " + where);
                continue;
            }
            OptimFixtures.File file = OptimFixtures.read(store, path);
            Set<String> ids = new HashSet<>();
            for (OptimConfig config : OptimGrid.of(optimizer)) {
                for (Scenario scenario : Scenario.values()) {
                    ids.add(config.id() + " " + scenario.id());
                    if (file.find(config.id(), scenario) == null) {
                        problems.add(config + " " + scenario.id() + ": in the grid, not in " + where);
                    }
                }
            }
            for (OptimFixtures.Case c : file.cases()) {
                if (!ids.contains(c.id())) {
                    problems.add(c.id() + ": in " + where + ", no longer in the grid");
                }
            }
            if (store.readManifest().find(where) == null) {
                problems.add(where + ": not in manifest.json");
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " differences between the optimizer grid and fixtures; run "
                    + FixtureStore.REGENERATE + ":\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void aMalformedFixtureNamesItsFileAndCase(@TempDir Path dir) throws IOException {
        FixtureStore temp = new FixtureStore(dir);
        Path broken = dir.resolve("ops/broken.json");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "{\"schema\":2,\"op\":\"x\",\"cases\":[{\"case\":\"c1\",\"inputs\":[{\"shape\":[2],"
                + "\"dtype\":\"float64\",\"values\":[1,\"oops\"],\"requiresGrad\":true}]}]}");
        FixtureException e = assertThrows(FixtureException.class, () -> temp.read(broken));
        assertTrue(e.getMessage().contains("ops/broken.json case 'c1' input 0"), e.getMessage());
        assertTrue(e.getMessage().contains("'oops'"), e.getMessage());

        Files.writeString(broken, "{not json");
        FixtureException e2 = assertThrows(FixtureException.class, () -> temp.read(broken));
        assertTrue(e2.getMessage().startsWith("ops/broken.json: cannot be read as JSON"), e2.getMessage());
    }

    @Test
    void nonFiniteValuesAndNegativeZeroRoundTripBitExactly(@TempDir Path dir) {
        FixtureStore temp = new FixtureStore(dir);
        double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.1, 1e-310,
            Double.MAX_VALUE, Math.PI};
        var input = dev.nano.oracle.value.Input.of(new int[] {8}, values);
        FixtureCase c = new FixtureCase("c", List.of(), dev.nano.oracle.fixtures.Json.attrs(java.util.Map.of()),
                List.of(input), null, List.of(Value.of(input)), List.of(), null);
        Path path = dir.resolve("ops/x.json");
        temp.write(path, "x", List.of(c));
        double[] back = temp.read(path).cases().get(0).outputs().get(0).values();
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(back[i]), "value " + i);
        }
    }
}
