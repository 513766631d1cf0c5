package dev.nano.oracle;

import dev.nano.oracle.family.CaseFilter;
import dev.nano.oracle.family.Check;
import dev.nano.oracle.family.Family;
import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.torch.Dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Live PyTorch against the committed fixtures — the drift check — of every family (operator cases,
 * optimizer trajectories, nn scenarios, the recorded MNIST training runs), under the CPU dispatch
 * this JVM runs. The JUnit drift test runs the same checks one by one; {@code main} runs all of
 * them in one go, which is how {@code DispatchMatrixTest} checks every other dispatch in a child JVM.
 *
 * <p>A failure says what differs between the machine that recorded the fixtures and this one, and
 * recommends regenerating only when libtorch's version changed.
 */
public final class DriftCheck {

    private DriftCheck() {
    }

    /**
     * Every drift check under this JVM's dispatch; prints the failures and exits 1 if there are any.
     * @param args none
     */
    public static void main(String[] args) {
        FixtureStore store = FixtureStore.locate();
        CaseFilter every = CaseFilter.parse(null, null, null);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Family family : Families.ALL) {
            for (Check check : family.drift(store, every)) {
                String problem = check.run();
                if (problem != null) {
                    problems.add(problem);
                }
                checked++;
            }
        }
        System.out.printf(Locale.ROOT, "drift under %s=%s: %d checked, %d differ%n", Dispatch.ENV, Dispatch.current(),
                checked, problems.size());
        problems.forEach(p -> System.out.println(p + "\n"));
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
