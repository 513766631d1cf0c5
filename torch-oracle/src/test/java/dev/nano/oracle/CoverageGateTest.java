package dev.nano.oracle;

import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.OpInfo;
import dev.nano.oracle.cases.OperatorUniverse;
import dev.nano.oracle.cases.Oracle;
import dev.nano.oracle.operators.OperatorCoverage;
import dev.nano.oracle.optim.OptimGrid;
import dev.nano.oracle.optim.OptimizerCoverage;
import dev.nano.oracle.report.ModuleCoverage;
import dev.nano.oracle.value.Kind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The coverage gate: every operator nano offers (read from nano, not the catalogue) has forward
 * evidence, backward evidence if differentiable, and every other kind of evidence or a written
 * exclusion. Whether the evidence passes is the parity tests' job; this checks it exists.
 */
class CoverageGateTest {

    @Test
    void everyOperatorHasEveryKindOfEvidenceOrAWrittenReason() {
        List<String> gaps = new ArrayList<>();
        for (String name : OperatorUniverse.operators()) {
            OpInfo op = Catalogue.byName(name);
            if (op == null) {
                gaps.add(name + ": no catalogue entry, so no evidence of any kind");
                continue;
            }
            OperatorCoverage row = OperatorCoverage.of(name, op, null);
            for (Kind kind : row.missing()) {
                String why = kind == Kind.FORWARD ? "lacks forward evidence (never excusable)"
                        : kind == Kind.BACKWARD && op.differentiable() ? "lacks backward evidence although differentiable"
                        : "lacks " + kind.label() + " evidence and has no written exclusion";
                gaps.add(name + ": " + why);
            }
        }
        if (!gaps.isEmpty()) {
            fail(gaps.size() + " coverage gaps (see scripts/coverage-gaps):\n  " + String.join("\n  ", gaps));
        }
    }

    @Test
    void everyOptimizerHyperparameterOfNanoIsVariedByTheGrid() throws ReflectiveOperationException {
        List<String> gaps = new ArrayList<>();
        for (var e : OptimizerCoverage.OPTIMIZERS.entrySet()) {
            for (String h : OptimizerCoverage.hyperparameters(e.getValue())) {
                boolean varied = OptimGrid.of(e.getKey()).stream().anyMatch(c -> c.hyperparameters().containsKey(h));
                if (!varied) {
                    gaps.add(e.getKey() + " / " + h + ": nano's builder offers it, no grid configuration sets it");
                }
            }
        }
        assertTrue(gaps.isEmpty(), () -> "optimizer coverage gaps:\n  " + String.join("\n  ", gaps));
    }

    @Test
    void everyModuleOfNanoIsMappedToItsOperatorsAndModeDependentOnesRunInBothModes() {
        List<String> gaps = new ArrayList<>();
        for (String module : ModuleCoverage.modules()) {
            List<String> ops = ModuleCoverage.OPERATORS.get(module);
            if (ops == null) {
                gaps.add(module + ": no operator mapping in ModuleCoverage.OPERATORS");
            } else {
                ops.stream().filter(o -> Catalogue.byName(o) == null)
                        .forEach(o -> gaps.add(module + ": its operator " + o + " has no catalogue entry"));
            }
            if (ModuleCoverage.MODE_DEPENDENT.contains(module)) {
                for (String mode : List.of("train", "eval")) {
                    boolean credited = ModuleCoverage.CREDITS.stream()
                            .anyMatch(c -> c.mode().equals(mode) && c.modules().contains(module));
                    if (!credited) {
                        gaps.add(module + ": behaves differently in " + mode + " mode but no scenario runs it there");
                    }
                }
            }
        }
        assertTrue(gaps.isEmpty(), () -> "nn module coverage gaps:\n  " + String.join("\n  ", gaps));
    }

    @Test
    void everyCatalogueEntryNamesAnOperatorOfNano() {
        List<String> strays = new ArrayList<>();
        for (OpInfo op : Catalogue.all()) {
            if (!OperatorUniverse.operators().contains(op.name())) {
                strays.add(op.name());
            }
        }
        assertTrue(strays.isEmpty(), "catalogue entries that are not nano operators: " + strays);
    }

    /** Issue 10: the oracle is PyTorch's own kernel; a composition must say why no kernel can be reached. */
    @Test
    void everyCatalogueEntryCallsPyTorchsKernelOrSaysWhyNot() {
        List<String> unexplained = new ArrayList<>();
        for (OpInfo op : Catalogue.all()) {
            Oracle o = op.oracle();
            if (o == null || (!o.isKernel() && (o.reason() == null || o.reason().isBlank()))) {
                unexplained.add(op.name());
            }
        }
        assertTrue(unexplained.isEmpty(), "catalogue entries composing torch ops without a written reason: "
                + unexplained);
    }

    @Test
    void anExclusionWithoutAReasonCannotBeWritten() {
        var e = assertThrows(IllegalArgumentException.class, () -> OpInfo.builder("add", "ops").exclude(Kind.DIMS, " "));
        assertTrue(e.getMessage().contains("add") && e.getMessage().contains("dims"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OpInfo.builder("add", "ops").exclude(Kind.DIMS, null));
    }

    @Test
    void aCompositionWithoutAReasonCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> Oracle.composed(" "));
        OpInfo add = Catalogue.byName("add");
        assertThrows(IllegalStateException.class, () -> OpInfo.builder("add", "ops").nanoMulti(add.nano())
                .torchMulti((in, a) -> add.torch().apply(null, in, a)).build(),
                "an entry that does not say what its torch side calls is refused");
    }

    @Test
    void theGateNoticesAMissingKind() {
        OpInfo add = Catalogue.byName("add");
        OpInfo stripped = OpInfo.builder("add", "ops").nanoMulti(add.nano()).oracle(add.oracle())
                .torchMulti((in, a) -> add.torch().apply(null, in, a))
                .samples(add.samples().stream().filter(s -> !s.kinds().contains(Kind.BROADCAST)).toList())
                .build();
        assertTrue(OperatorCoverage.of("add", stripped, null).missing().contains(Kind.BROADCAST),
                "removing every broadcast case of add must leave a broadcast gap");
    }
}
