package dev.nano.oracle;

import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.fixtures.Recording;
import dev.nano.oracle.torch.ChildJvm;
import dev.nano.oracle.torch.Dispatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regenerating on a machine with fewer CPU dispatches loses nothing recorded elsewhere: the
 * operators whose committed fixtures hold answers under a dispatch outside {@code default} and
 * {@code avx2} (what an AVX2-only CPU offers) are recorded again by live libtorch under those two,
 * merged as {@code scripts/regen-fixtures} merges them, and must come out byte for byte as
 * committed, their {@code avx512} answers included; the manifest then says which dispatches were
 * recorded here and where the others were kept from. Live libtorch against the committed fixtures,
 * so a drift test (left out where there is no libtorch, like the others).
 */
class RestrictedRegenerationDriftTest {
    private static final FixtureStore COMMITTED = FixtureStore.locate();

    /** The committed operator fixtures with an answer recorded under a dispatch outside {@code restricted}. */
    private static List<OpInfo> opsWithAnswersBeyond(List<String> restricted) {
        List<OpInfo> ops = new ArrayList<>();
        for (OpInfo op : Catalogue.all()) {
            FixtureFile file = COMMITTED.read(COMMITTED.pathOf(op.family(), op.name()));
            if (file.cases().stream().anyMatch(c -> c.kernels().keySet().stream().anyMatch(d -> !restricted.contains(d)))) {
                ops.add(op);
            }
        }
        return ops;
    }

    @Test
    void aRestrictedRegenerationKeepsTheAnswersItCannotRecord(@TempDir Path tmp) throws IOException {
        List<String> restricted = Dispatch.supported().stream().filter(d -> d.equals("default") || d.equals("avx2"))
                .toList();
        Recording committed = COMMITTED.readManifest().recordedBy();
        List<OpInfo> ops = opsWithAnswersBeyond(restricted);
        assertFalse(ops.isEmpty(), "the committed fixtures hold no answer beyond " + restricted
                + ", so this test would prove nothing");

        Map<String, FixtureStore> runs = new LinkedHashMap<>();
        String names = String.join(",", ops.stream().map(OpInfo::name).toList());
        Map<String, CompletableFuture<ChildJvm.Outcome>> children = new LinkedHashMap<>(); // side by side, as regen does
        restricted.forEach(d -> children.put(d, CompletableFuture.supplyAsync(() -> ChildJvm.run(d, Regenerate.class,
                Regenerate.RECORD_OPS_INTO, tmp.resolve(d).toString(), names))));
        for (String d : restricted) {
            ChildJvm.Outcome outcome = children.get(d).join();
            assertTrue(outcome.ok(), "recording under " + d + " failed:\n" + outcome.output());
            runs.put(d, new FixtureStore(tmp.resolve(d)));
        }
        KeptDispatches kept = new KeptDispatches(committed, restricted);
        assertNull(kept.refusal(committed.pytorch()));
        FixtureStore regenerated = new FixtureStore(tmp.resolve("merged"));
        for (OpInfo op : ops) {
            Path committedPath = COMMITTED.pathOf(op.family(), op.name());
            List<FixtureCase> cases = kept.keep(op.name(), Regenerate.mergeKernels(op, runs),
                    COMMITTED.read(committedPath));
            Path path = regenerated.pathOf(op.family(), op.name());
            regenerated.write(path, op.name(), cases);
            assertEquals(Files.readString(committedPath), Files.readString(path),
                    op.name() + ": regenerating under " + restricted + " changed the committed fixture");
        }

        Recording written = kept.recording(Recording.here(committed.pytorch(), committed.djl(), restricted));
        assertEquals(committed.dispatches(), written.dispatches());
        assertEquals(restricted, written.recordedHere());
        List<String> missing = committed.dispatches().stream().filter(d -> !restricted.contains(d)).toList();
        assertEquals(missing, List.copyOf(written.keptFrom().keySet()));
        missing.forEach(d -> assertEquals(committed.source(d), written.keptFrom().get(d)));
        assertTrue(written.unrecorded().isEmpty(), written.unrecorded().toString());
        assertTrue(kept.summary().get(0).contains("kept from libtorch " + committed.pytorch()), kept.summary().get(0));

        // The manifest says so, and reads back the same.
        FixtureStore manifestStore = new FixtureStore(tmp.resolve("manifest"));
        manifestStore.writeManifest(new Manifest(FixtureStore.SCHEMA, written, 0, List.of()));
        String json = Files.readString(manifestStore.manifestPath());
        assertTrue(json.contains("\"recordedHere\"") && json.contains("\"keptFrom\""), json);
        assertEquals(written, manifestStore.readManifest().recordedBy());
    }
}
