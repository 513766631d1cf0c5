package dev.nano.oracle;

import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.Kind;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.nn.NnScenario;
import dev.nano.oracle.nn.NnScenarios;
import dev.nano.oracle.optim.OptimCase;
import dev.nano.oracle.optim.OptimErrorCases;
import dev.nano.oracle.optim.OptimGrid;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -Dop=}, {@code -Dfamily=}, {@code -Devidence=}: a selection that matches no case fails
 * the build (it would otherwise pass with nothing checked), and no selection leaves a case out.
 */
class SelectionTest {

    /** Runs with the selected tests ({@link Selection#TAG}), so that a selection of nothing fails. */
    @Test
    @Tag(Selection.TAG)
    void theSelectionMatchesAtLeastOneCaseAndNoSelectionMatchesAll() {
        Selection selection = Selection.current();
        long parity = ParityCase.all().filter(selection::matches).count();
        long optim = OptimCase.all().filter(selection::matches).count();
        long optimErrors = OptimErrorCases.all().stream().filter(c -> selection.matchesOptimizerError(c.optimizer()))
                .count();
        long scenarios = NnScenarios.ALL.stream().filter(s -> selection.matchesScenario(s.name())).count();
        long selected = parity + optim + optimErrors + scenarios;
        if (!selection.active()) {
            long all = ParityCase.all().count() + OptimCase.all().count() + OptimErrorCases.all().size()
                    + NnScenarios.ALL.size();
            assertEquals(all, selected, "without -Dop/-Dfamily/-Devidence every case runs");
            return;
        }
        System.out.printf("selection %s: %d catalogue cases, %d optimizer cases, %d optimizer error cases, "
                + "%d nn scenarios%n", selection, parity, optim, optimErrors, scenarios);
        if (selected == 0) {
            CaseFailure.fail("the selection " + selection + " matches no case.\n  operators: "
                    + String.join(", ", operators()) + "\n  families: " + String.join(", ", families())
                    + "\n  evidence: " + EnumSet.allOf(Kind.class).stream().map(Selection::shortName)
                    .collect(Collectors.joining(", ")));
        }
    }

    @Test
    void propertiesAreCommaSeparatedCaseInsensitiveListsThatNarrowEachOther() {
        Selection s = Selection.parse(" ELU, gelu ,", "", "Edge Values,backward");
        assertEquals(Set.of("elu", "gelu"), s.ops());
        assertEquals(Set.of(), s.families());
        assertEquals(EnumSet.of(Kind.EDGE, Kind.BACKWARD), s.evidence());
        assertTrue(s.active());
        assertEquals("-Dop=elu,gelu -Devidence=backward,edge", s.toString());

        long eluEdge = ParityCase.all().filter(s::matches).count();
        long elu = ParityCase.all().filter(Selection.parse("elu", null, null)::matches).count();
        assertTrue(eluEdge > 0 && eluEdge < ParityCase.all().filter(Selection.parse("elu,gelu", null, null)::matches)
                .count(), "evidence narrows the operators' cases");
        assertTrue(elu > 0);
        assertTrue(ParityCase.all().filter(Selection.parse("elu", null, null)::matches)
                .allMatch(c -> c.op().name().equals("elu")));
    }

    @Test
    void noPropertySelectsEverything() {
        Selection none = Selection.parse(null, " ", null);
        assertFalse(none.active());
        assertEquals("every case", none.toString());
    }

    @Test
    void optimizersAndScenariosHaveTheirOwnFamilies() {
        Selection optim = Selection.parse(null, "optim", null);
        assertEquals(0, ParityCase.all().filter(optim::matches).count());
        assertEquals(OptimCase.all().count(), OptimCase.all().filter(optim::matches).count());
        assertTrue(optim.matchesOptimizerError("sgd"));
        assertFalse(optim.matchesScenario(NnScenarios.ALL.get(0).name()));

        String scenario = NnScenarios.ALL.get(0).name();
        assertTrue(Selection.parse(null, "scenarios", null).matchesScenario(scenario));
        assertTrue(Selection.parse(null, "nn", null).matchesScenario(scenario), "a scenario is also nn");
        assertTrue(Selection.parse(scenario, null, null).matchesScenario(scenario));
        assertFalse(Selection.parse(null, null, "forward").matchesScenario(scenario));

        Selection adam = Selection.parse("adam", null, null);
        assertTrue(OptimCase.all().anyMatch(adam::matches));
        assertTrue(OptimCase.all().filter(adam::matches).allMatch(c -> c.config().optimizer().equals("adam")),
                "an operator name is matched whole: adam is not adamw");

        Selection errors = Selection.parse("adam", null, "errors");
        assertTrue(errors.matchesOptimizerError("adam"));
        assertFalse(errors.matchesOptimizerError("sgd"));
        assertEquals(0, OptimCase.all().filter(errors::matches).count(), "a trajectory is no error case");
        assertEquals("adagrad", OptimErrorCases.all().stream().filter(c -> c.id().startsWith("adagrad["))
                .findFirst().orElseThrow().optimizer());
    }

    @Test
    void anUnknownKindOfEvidenceIsRefusedWithTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Selection.parse(null, null, "edgy"));
        assertEquals("-Devidence=edgy is no kind of evidence; the kinds are forward, backward, gradcheck, "
                + "broadcast, scalar, zero_dim, empty, edge, nondiff, dims, error", e.getMessage());
    }

    private static Set<String> operators() {
        Set<String> names = new TreeSet<>();
        Catalogue.all().forEach(op -> names.add(op.name()));
        names.addAll(OptimGrid.OPTIMIZERS);
        NnScenarios.ALL.stream().map(NnScenario::name).forEach(names::add);
        return names;
    }

    private static Set<String> families() {
        Set<String> names = new TreeSet<>();
        Catalogue.all().stream().map(OpInfo::family).forEach(names::add);
        names.add(Selection.OPTIM_FAMILY);
        names.add(Selection.SCENARIO_FAMILY);
        return names;
    }
}
