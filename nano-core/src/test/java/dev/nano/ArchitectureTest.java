package dev.nano;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * nano-core's layers, bottom to top, each using only those below it:
 * <pre>
 *   base      Shape DType Checks Parallel PythonFloat Slice DefaultGenerator ...  (dev.nano, plain helpers)
 *   autograd  Function Context Engine GradMode GradientSums
 *   ops       the operators (Function subclasses and their kernels)
 *   tensor    Tensor, Nano (with Tensor's printing and ValuesIndices): the user's entry points
 *   nn optim data io   the library built on tensors
 * </pre>
 * The one arrow that points up is inherent to methods on a tensor: {@code Tensor}/{@code Nano} call into
 * {@code ops} and {@code autograd}, whose functions take and return tensors (PyTorch's {@code Tensor}
 * and {@code aten} have the same pair, tinygrad's {@code Tensor} and {@code function.py} too). Everything else
 * points down, so a reader can learn the layers in this order.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    /** nano-core's main classes, read from where {@link Tensor} was loaded (classpath or module path alike). */
    @BeforeAll
    static void importMainClasses() throws URISyntaxException {
        Path mainClasses = Path.of(Tensor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(mainClasses);
    }

    /**
     * Tensor and Nano, whose methods are the operators, with Tensor's printed form, max/min's result pair
     * and the entries of {@code x.index(...)} (an index tensor or mask is a tensor).
     */
    private static final DescribedPredicate<JavaClass> TENSOR_API =
            belongToAnyOf(Tensor.class, Nano.class, TensorFormatter.class, ValuesIndices.class, Index.class)
                    .as("Tensor, Nano, TensorFormatter, ValuesIndices, Index");

    /** The rest of the root package: shapes, dtypes, checks, the thread pool, the generator. */
    private static final DescribedPredicate<JavaClass> BASE =
            resideInAPackage("dev.nano").and(DescribedPredicate.not(TENSOR_API)).as("dev.nano's base classes");

    @Test
    void layersPointDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("base").definedBy(BASE)
                .layer("autograd").definedBy("dev.nano.autograd..")
                .layer("ops").definedBy("dev.nano.ops..")
                .layer("tensor").definedBy(TENSOR_API)
                .layer("nn").definedBy("dev.nano.nn..")
                .layer("optim").definedBy("dev.nano.optim..")
                .layer("data").definedBy("dev.nano.data..")
                .layer("io").definedBy("dev.nano.io..")
                .whereLayer("base").mayNotAccessAnyLayer()
                .whereLayer("autograd").mayOnlyAccessLayers("base", "tensor")
                .whereLayer("ops").mayOnlyAccessLayers("base", "autograd", "tensor")
                .whereLayer("tensor").mayOnlyAccessLayers("base", "autograd", "ops")
                .whereLayer("nn").mayOnlyAccessLayers("base", "autograd", "tensor")
                .whereLayer("optim").mayOnlyAccessLayers("base", "autograd", "tensor")
                .whereLayer("data").mayOnlyAccessLayers("base", "autograd", "tensor")
                .whereLayer("io").mayOnlyAccessLayers("base", "tensor")
                .because("each layer of nano-core uses only the layers below it (and ops/autograd the tensor "
                        + "they compute on)")
                .check(classes);
    }

    /**
     * module-info exports neither {@code dev.nano.ops} nor {@code dev.nano.autograd.internal}; the layers keep
     * {@code ops} to Tensor and Nano, and this keeps the engine's door into a tensor to Tensor and the engine.
     */
    @Test
    void onlyTensorAndTheEngineUseTheEnginesDoorIntoATensor() {
        classes().that().resideInAPackage("dev.nano.autograd.internal..")
                .should().onlyBeAccessed().byClassesThat(resideInAPackage("dev.nano.autograd..")
                        .or(belongToAnyOf(Tensor.class)))
                .because("attaching a graph node and accumulating a gradient are the engine's business")
                .check(classes);
    }

    @Test
    void subpackagesFormNoCycle() {
        slices().matching("dev.nano.(*)..").should().beFreeOfCycles()
                .because("ops, autograd, nn, optim, data and io can each be read without the ones above it")
                .check(classes);
    }
}
