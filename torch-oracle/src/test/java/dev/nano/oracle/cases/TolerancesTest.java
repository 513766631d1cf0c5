package dev.nano.oracle.cases;

import dev.nano.oracle.value.Tolerance;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The derived tolerances name real operators and cases, and each carries its derivation. */
class TolerancesTest {

    @Test
    void everyDerivedToleranceBelongsToACatalogueOperatorAndSaysWhy() {
        Set<String> names = Catalogue.all().stream().map(OpInfo::name).collect(Collectors.toSet());
        List<String> stale = new ArrayList<>();
        for (String op : List.of("abs", "gelu", "sum", "batchNorm", "mm")) {
            Tolerance t = Tolerances.derived(op);
            assertTrue(t.inUlps() && t.reason().contains("measured"), op + ": " + t);
        }
        Tolerances.caseExceptions().keySet().forEach(key -> {
            String op = key.substring(0, key.indexOf('['));
            String id = key.substring(key.indexOf('[') + 1, key.length() - 1);
            OpInfo entry = Catalogue.byName(op);
            if (entry == null || entry.samples().stream().noneMatch(s -> s.id().equals(id))) {
                stale.add(key);
            }
        });
        names.stream().filter(n -> Tolerances.derived(n) != null).forEach(n -> assertTrue(
                Catalogue.byName(n).toleranceDerived(), n));
        assertEquals(List.of(), stale, "case exceptions naming no catalogue case");
    }

    @Test
    void anOperatorsDerivedToleranceReplacesAStricterCaseToleranceButNotALooserOne() {
        OpInfo sum = Catalogue.byName("sum");
        Sample heavy = sum.samples().stream().filter(s -> s.id().equals("(8,) heavy cancellation")).findFirst()
                .orElseThrow();
        assertEquals(heavy.tolerance(), sum.toleranceFor(heavy), "the order-dependent case keeps its own");
        OpInfo expm1 = Catalogue.byName("expm1");
        Sample tiny = expm1.samples().stream().filter(s -> s.tolerance() != null && s.tolerance().noLooserThanDefault())
                .findFirst().orElseThrow();
        assertEquals(expm1.tolerance(), expm1.toleranceFor(tiny), "a tiny-magnitude case is compared in ulps");
    }

    @Test
    void powersOfTwo() {
        assertEquals(8.0, Tolerances.powerOfTwoAtLeast(8));
        assertEquals(16.0, Tolerances.powerOfTwoAtLeast(8.5));
        assertEquals(1.0, Tolerances.powerOfTwoAtLeast(0.75));
        assertEquals(0.0, Tolerances.powerOfTwoAtLeast(0));
    }
}
