package dev.nano.oracle.torch;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which libtorch CPU dispatches a machine offers, and which one a JVM runs. */
class DispatchTest {
    private static final Set<String> AVX512_CPU = Set.of("sse2", "avx", "avx2", "fma", "avx512f", "avx512bw",
            "avx512dq", "avx512vl", "avx512cd");

    @Test
    void anAvx512CpuOffersAllThreeCanonicalFirst() {
        assertEquals(List.of("default", "avx2", "avx512"), Dispatch.supported("Linux", "amd64", AVX512_CPU));
    }

    @Test
    void avx512NeedsAllFourOfLibtorchsFeatures() {
        assertEquals(List.of("default", "avx2"),
                Dispatch.supported("Linux", "amd64", Set.of("avx2", "fma", "avx512f", "avx512cd")));
        assertEquals(List.of("default"), Dispatch.supported("Linux", "x86_64", Set.of("sse4_2", "avx")));
    }

    @Test
    void otherArchitecturesHaveOnlyTheDefault() {
        assertEquals(List.of("default"), Dispatch.supported("Linux", "aarch64", AVX512_CPU));
        assertEquals(List.of("default"), Dispatch.supported("Mac OS X", "aarch64", Set.of()));
    }

    @Test
    void theEnvironmentChoosesASupportedDispatchElseTheWidestRuns() {
        List<String> all = List.of("default", "avx2", "avx512");
        assertEquals("avx512", Dispatch.current(null, all));
        assertEquals("avx2", Dispatch.current("AVX2", all));
        assertEquals("default", Dispatch.current("default", all));
        assertEquals("avx2", Dispatch.current("avx512", List.of("default", "avx2")));
        assertEquals("avx512", Dispatch.current("sse9", all));
    }

    @Test
    void thisMachineOffersTheCanonicalDispatch() {
        assertEquals(Dispatch.CANONICAL, Dispatch.supported().get(0));
    }
}
