package dev.nano.oracle;

import dev.nano.oracle.torch.ChildJvm;
import dev.nano.oracle.torch.Dispatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;


/**
 * The drift check under every libtorch CPU dispatch this machine offers, not only the one this JVM
 * runs: libtorch picks its kernels once, when it loads, so each other dispatch runs
 * {@link DriftCheck} in a child JVM with {@code ATEN_CPU_CAPABILITY} set. Users' CI runs on
 * whatever CPU it gets, so the fixtures must hold on all of them (kernel-dependent answers are
 * recorded per dispatch; nothing is pinned).
 */
class DispatchMatrixTest {

    @TestFactory
    @DisplayName("live PyTorch vs fixtures")
    Stream<DynamicTest> pytorchComputesTheFixturesUnderEveryOtherDispatch() {
        String here = Dispatch.current();
        List<String> others = Dispatch.supported().stream().filter(d -> !d.equals(here)).toList();
        System.out.println("libtorch CPU dispatches on this machine: " + Dispatch.supported() + "; this JVM runs "
                + here + ", child JVMs check " + others);
        return others.stream().map(d -> DynamicTest.dynamicTest("under " + Dispatch.ENV + "=" + d, () -> {
            ChildJvm.Outcome outcome = ChildJvm.run(d, DriftCheck.class);
            if (!outcome.ok()) {
                CaseFailure.fail("under " + Dispatch.ENV + "=" + d + " (exit " + outcome.exitCode() + "):\n"
                        + outcome.output());
            }
        }));
    }
}
