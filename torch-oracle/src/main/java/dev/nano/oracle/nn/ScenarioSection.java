package dev.nano.oracle.nn;

import dev.nano.oracle.family.SharedTablesSection;

import java.util.List;
import java.util.Map;

/**
 * The nn scenarios' part of the report: which step of which scenario passed, the steps compared
 * at a looser tolerance (with the reason) and the failing steps (with what differs). The report's
 * module table credits each nano module from these steps and shows it, so the section's own
 * renderings are empty.
 *
 * @param stepOk     per scenario, per step id, whether nano matched PyTorch
 * @param deviations the steps compared at a looser tolerance, with the reason
 * @param failures   the failing steps, as {@code nn <scenario>[<step>]: what differs}
 */
public record ScenarioSection(Map<String, Map<String, Boolean>> stepOk, List<String> deviations,
                              List<String> failures) implements SharedTablesSection {

    @Override
    public boolean complete() {
        return failures.isEmpty();
    }
}
