package dev.nano.oracle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.fixtures.Manifest;
import dev.nano.oracle.fixtures.Recording;
import dev.nano.oracle.torch.ChildJvm;
import dev.nano.oracle.torch.Dispatch;
import dev.nano.oracle.value.Input;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regenerating on a machine with fewer CPU dispatches loses nothing recorded elsewhere: the
 * operators whose committed fixtures hold kernel-dependent answers are recorded again by live
 * libtorch under a restricted dispatch set (at most {@code default} and {@code avx2}, as an
 * AVX2-only CPU offers), merged as {@code scripts/regen-fixtures} merges them, and must come out
 * byte for byte as committed, their {@code avx512} answers included; the manifest then says which
 * dispatches were recorded here and where the others were kept from.
 */
class KeptDispatchesTest {
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

    @Test
    void aChangedCaseHasNoKeptAnswerAndIsNamed() {
        Recording committed = new Recording("2.7.1", "0.36.0", "default", List.of("default", "avx2", "avx512"),
                "Linux/amd64", "17");
        OpInfo elu = Catalogue.all().stream().filter(o -> o.name().equals("elu")).findFirst().orElseThrow();
        FixtureFile file = COMMITTED.read(COMMITTED.pathOf(elu.family(), elu.name()));
        FixtureCase kernelDependent = file.cases().stream().filter(c -> c.kernels().containsKey("avx512"))
                .findFirst().orElseThrow();
        List<FixtureCase> fresh = new ArrayList<>();
        for (FixtureCase c : file.cases()) {
            FixtureCase withoutAvx512 = c.withKernels(Map.of());
            fresh.add(c == kernelDependent ? changedInput(withoutAvx512) : withoutAvx512);
        }
        KeptDispatches kept = new KeptDispatches(committed, List.of("default", "avx2"));
        List<FixtureCase> merged = kept.keep("elu", fresh, file);

        FixtureCase changed = merged.stream().filter(c -> c.id().equals(kernelDependent.id())).findFirst().orElseThrow();
        assertFalse(changed.kernels().containsKey("avx512"), "a changed case must not keep an answer to another question");
        Recording written = kept.recording(Recording.here("2.7.1", "0.36.0", List.of("default", "avx2")));
        assertEquals(List.of("elu[" + kernelDependent.id() + "]"), written.unrecorded().get("avx512"));
        assertTrue(kept.summary().get(0).contains("elu[" + kernelDependent.id() + "]"), kept.summary().get(0));

        // A case unknown under avx512 stays unknown at the next restricted regeneration, though unchanged then.
        KeptDispatches next = new KeptDispatches(written, List.of("default", "avx2"));
        next.keep("elu", merged, new FixtureFile(file.path(), file.schema(), file.op(), merged));
        assertEquals(written.unrecorded(), next.recording(written).unrecorded());
    }

    @Test
    void answersFromAnotherLibtorchAreNotMixedIn() {
        Recording committed = new Recording("2.7.1", "0.36.0", "default", List.of("default", "avx2", "avx512"),
                "Linux/amd64", "17");
        String refusal = new KeptDispatches(committed, List.of("default", "avx2")).refusal("2.8.0");
        assertEquals("Refusing to regenerate: the committed fixtures hold avx512 answers recorded by libtorch 2.7.1, "
                + "which this machine cannot re-record under libtorch 2.8.0; regenerate on a machine that offers "
                + "avx512, or delete fixtures/ to record only this machine's dispatches.", refusal);
        assertNull(new KeptDispatches(committed, List.of("default", "avx2", "avx512")).refusal("2.8.0"),
                "every committed dispatch is recorded again: nothing to keep, nothing to refuse");
        assertNull(new KeptDispatches(null, List.of("default")).refusal("2.8.0"), "no committed fixtures");
    }

    @Test
    void theDispatchRestrictionMustBeRunnableAndKeepTheCanonicalOne() {
        assertEquals(List.of("default"), Dispatch.supportedOrRestrictedTo(" Default "));
        assertEquals(Dispatch.supported(), Dispatch.supportedOrRestrictedTo(null));
        IllegalArgumentException noDefault = assertThrows(IllegalArgumentException.class,
                () -> Dispatch.supportedOrRestrictedTo("avx2"));
        assertEquals("nano.dispatches: 'avx2' leaves out default, whose answers are the fixtures' main record",
                noDefault.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Dispatch.supportedOrRestrictedTo("default,neon"));
        assertTrue(unknown.getMessage().startsWith("nano.dispatches: this machine cannot run 'neon'; it offers default"),
                unknown.getMessage());
    }

    /** The same case asked with its first input's first value changed. */
    private static FixtureCase changedInput(FixtureCase c) {
        List<Input> inputs = new ArrayList<>(c.inputs());
        ObjectNode node = Json.input(inputs.get(0));
        node.withArray("values").set(0, Json.MAPPER.getNodeFactory().numberNode(12345.0));
        inputs.set(0, Json.readInput(node, "changed"));
        FixtureCase changed = new FixtureCase(c.id(), c.kinds(), c.attrs(), inputs, c.upstream(), c.outputs(),
                c.grads(), c.error());
        assertNotEquals(Json.input(c.inputs().get(0)), Json.input(inputs.get(0)));
        return changed;
    }
}
