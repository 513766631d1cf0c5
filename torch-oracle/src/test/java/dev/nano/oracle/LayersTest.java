package dev.nano.oracle;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The harness's packages form layers that only point down (docs/WALKTHROUGH.md draws them):
 *
 * <pre>
 * entry       dev.nano.oracle (Regenerate, DriftCheck, Families), report/
 * families    family/ (Family, CaseFilter), operators/, optim/, nn/, e2e/, mutation/
 * catalogue   cases/
 * fixtures    fixtures/, compare/
 * torch       torch/ (libtorch adapters)
 * values      value/ (Value, Result, Input, Attrs, Tolerance, Kind, Progress)
 * </pre>
 *
 * <p>Each layer imports only the layers below it, and no two packages import each other, however
 * indirectly. Run on main before the packages moved (8d54ddf), all four rules failed: the layer rule
 * 229 times (every package reached the root package's {@code Value}/{@code Result}, which sat beside
 * {@code Regenerate}); the torch rule 18 times ({@code torch.TorchRunner} used {@code cases.OpInfo},
 * {@code Sample}, {@code Input}); the subpackage cycle rule found 2 cycles ({@code cases -> torch ->
 * cases} and {@code mutation -> report -> mutation}, where {@code MutationScore} called
 * {@code report.OperatorUniverse}); with the root package as a slice, 63 cycles through it.
 */
class LayersTest {
    private static final String ORACLE = "dev.nano.oracle";
    private static JavaClasses classes;

    /** Reads torch-oracle's main classes from their folder: scanning the classpath's jars for the package is slow. */
    @BeforeAll
    static void importMainClasses() throws URISyntaxException {
        Path mainClasses = Path.of(Families.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(mainClasses);
    }

    @Test
    void layersOnlyPointDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("values").definedBy(ORACLE + ".value..")
                .layer("torch").definedBy(ORACLE + ".torch..")
                .layer("fixtures").definedBy(ORACLE + ".fixtures..", ORACLE + ".compare..")
                .layer("catalogue").definedBy(ORACLE + ".cases..")
                .layer("families").definedBy(ORACLE + ".family..", ORACLE + ".operators..", ORACLE + ".optim..",
                        ORACLE + ".nn..", ORACLE + ".e2e..", ORACLE + ".mutation..", ORACLE + ".sizes..")
                .layer("entry").definedBy(ORACLE, ORACLE + ".report..")
                .whereLayer("entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("families").mayOnlyBeAccessedByLayers("entry")
                .whereLayer("catalogue").mayOnlyBeAccessedByLayers("families", "entry")
                .whereLayer("fixtures").mayOnlyBeAccessedByLayers("catalogue", "families", "entry")
                .whereLayer("torch").mayOnlyBeAccessedByLayers("fixtures", "catalogue", "families", "entry")
                .check(classes);
    }

    /** The libtorch adapters know nothing of the catalogue: an entry calls them, never the reverse. */
    @Test
    void torchAdaptersDoNotKnowTheCatalogue() {
        noClasses().that().resideInAPackage(ORACLE + ".torch..").should().dependOnClassesThat()
                .resideInAnyPackage(ORACLE + ".cases..", ORACLE + ".fixtures..")
                .check(classes);
    }

    @Test
    void subpackagesFormNoCycle() {
        slices().matching(ORACLE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /** {@code (*)..} leaves out the root package's own classes; this rule counts them as a slice of their own. */
    @Test
    void theRootPackageIsInNoCycleEither() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String pkg = c.getPackageName();
                if (pkg.equals(ORACLE)) {
                    return SliceIdentifier.of("(root)");
                }
                if (!pkg.startsWith(ORACLE + ".")) {
                    return SliceIdentifier.ignore();
                }
                return SliceIdentifier.of(pkg.substring(ORACLE.length() + 1).split("\\.")[0]);
            }

            @Override
            public String getDescription() {
                return "the root package and each first-level subpackage of " + ORACLE;
            }
        }).should().beFreeOfCycles().check(classes);
    }
}
