package dev.nano.oracle.family;

import dev.nano.oracle.CaseFailure;
import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.nn.NnScenario;
import dev.nano.oracle.nn.NnScenarios;
import dev.nano.oracle.operators.ParityCase;
import dev.nano.oracle.optim.OptimCase;
import dev.nano.oracle.optim.OptimErrorCases;
import dev.nano.oracle.optim.OptimGrid;
import dev.nano.oracle.value.Kind;
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
class CaseFilterTest {

    /** Runs with the selected tests ({@link CaseFilter#TAG}), so that a selection of nothing fails. */
    @Test
    @Tag(CaseFilter.TAG)
    void theSelectionMatchesAtLeastOneCaseAndNoSelectionMatchesAll() {
        CaseFilter selection = CaseFilter.current();
        long parity = ParityCase.all().filter(c -> c.keptBy(selection)).count();
        long optim = OptimCase.all().filter(c -> c.keptBy(selection)).count();
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
                    + "\n  evidence: " + EnumSet.allOf(Kind.class).stream().map(CaseFilter::shortName)
                    .collect(Collectors.joining(", ")));
        }
    }

    @Test
    void propertiesAreCommaSeparatedCaseInsensitiveListsThatNarrowEachOther() {
        CaseFilter s = CaseFilter.parse(" ELU, gelu ,", "", "Edge Values,backward");
        assertEquals(Set.of("elu", "gelu"), s.ops());
        assertEquals(Set.of(), s.families());
        assertEquals(EnumSet.of(Kind.EDGE, Kind.BACKWARD), s.evidence());
        assertTrue(s.active());
        assertEquals("-Dop=elu,gelu -Devidence=backward,edge", s.toString());

        long eluEdge = ParityCase.all().filter(c -> c.keptBy(s)).count();
        long elu = ParityCase.all().filter(c -> c.keptBy(CaseFilter.parse("elu", null, null))).count();
        assertTrue(eluEdge > 0 && eluEdge < ParityCase.all().filter(c -> c.keptBy(CaseFilter.parse("elu,gelu", null, null)))
                .count(), "evidence narrows the operators' cases");
        assertTrue(elu > 0);
        assertTrue(ParityCase.all().filter(c -> c.keptBy(CaseFilter.parse("elu", null, null)))
                .allMatch(c -> c.op().name().equals("elu")));
    }

    @Test
    void noPropertySelectsEverything() {
        CaseFilter none = CaseFilter.parse(null, " ", null);
        assertFalse(none.active());
        assertEquals("every case", none.toString());
    }

    @Test
    void optimizersAndScenariosHaveTheirOwnFamilies() {
        CaseFilter optim = CaseFilter.parse(null, "optim", null);
        assertEquals(0, ParityCase.all().filter(c -> c.keptBy(optim)).count());
        assertEquals(OptimCase.all().count(), OptimCase.all().filter(c -> c.keptBy(optim)).count());
        assertTrue(optim.matchesOptimizerError("sgd"));
        assertFalse(optim.matchesScenario(NnScenarios.ALL.get(0).name()));

        String scenario = NnScenarios.ALL.get(0).name();
        assertTrue(CaseFilter.parse(null, "scenarios", null).matchesScenario(scenario));
        assertTrue(CaseFilter.parse(null, "nn", null).matchesScenario(scenario), "a scenario is also nn");
        assertTrue(CaseFilter.parse(scenario, null, null).matchesScenario(scenario));
        assertFalse(CaseFilter.parse(null, null, "forward").matchesScenario(scenario));

        CaseFilter adam = CaseFilter.parse("adam", null, null);
        assertTrue(OptimCase.all().anyMatch(c -> c.keptBy(adam)));
        assertTrue(OptimCase.all().filter(c -> c.keptBy(adam)).allMatch(c -> c.config().optimizer().equals("adam")),
                "an operator name is matched whole: adam is not adamw");

        CaseFilter errors = CaseFilter.parse("adam", null, "errors");
        assertTrue(errors.matchesOptimizerError("adam"));
        assertFalse(errors.matchesOptimizerError("sgd"));
        assertEquals(0, OptimCase.all().filter(c -> c.keptBy(errors)).count(), "a trajectory is no error case");
        assertEquals("adagrad", OptimErrorCases.all().stream().filter(c -> c.id().startsWith("adagrad["))
                .findFirst().orElseThrow().optimizer());
    }

    @Test
    void anUnknownKindOfEvidenceIsRefusedWithTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> CaseFilter.parse(null, null, "edgy"));
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
        names.add(CaseFilter.OPTIM_FAMILY);
        names.add(CaseFilter.SCENARIO_FAMILY);
        return names;
    }
}
