package dev.nano.oracle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.fixtures.FixtureFile;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Json;
import dev.nano.oracle.fixtures.Recording;
import dev.nano.oracle.torch.Dispatch;
import dev.nano.oracle.value.Input;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a regeneration keeps of the dispatches it cannot run, without libtorch: a changed case keeps
 * no answer to another question and is named; answers of another libtorch version are not mixed in;
 * the dispatch restriction must be runnable. {@code RestrictedRegenerationDriftTest} regenerates with
 * live libtorch under a restricted dispatch set.
 */
class KeptDispatchesTest {
    private static final FixtureStore COMMITTED = FixtureStore.locate();

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
