package dev.nano.oracle;

import dev.nano.oracle.fixtures.FixtureCase;
import dev.nano.oracle.torch.TorchRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PyTorch, live through DJL, against the committed fixtures: catches stale fixtures and libtorch
 * drift. Error cases must still be rejected by PyTorch with the catalogue's key phrase.
 */
class TorchDriftTest {

    static Stream<ParityCase> cases() {
        return ParityCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pytorchStillComputesTheFixture(ParityCase c) {
        FixtureCase fixture = c.requireFreshFixture();
        Result torch = TorchRunner.run(c.op(), c.sample(), fixture.inputs(), fixture.upstream(), 0);
        Compare.Diff diff = Compare.diff(fixture, torch, c.sample().effectiveTolerance(), c.sample().expectError());
        assertTrue(diff.ok(), () -> c + ": live PyTorch differs from the fixture (regenerate with "
                + "scripts/regen-fixtures if libtorch changed on purpose):\n" + diff.describe());
    }
}
