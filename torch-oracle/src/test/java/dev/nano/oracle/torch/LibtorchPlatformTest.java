package dev.nano.oracle.torch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The build puts this platform's libtorch on the classpath (or none where none is published). */
class LibtorchPlatformTest {

    @Test
    void eachPublishedPlatformHasItsClassifier() {
        assertEquals("linux-x86_64", LibtorchPlatform.classifierFor("Linux", "amd64"));
        assertEquals("linux-aarch64", LibtorchPlatform.classifierFor("Linux", "aarch64"));
        assertEquals("osx-aarch64", LibtorchPlatform.classifierFor("Mac OS X", "aarch64"));
        assertEquals("win-x86_64", LibtorchPlatform.classifierFor("Windows 11", "amd64"));
        assertNull(LibtorchPlatform.classifierFor("Mac OS X", "x86_64"));
        assertNull(LibtorchPlatform.classifierFor("FreeBSD", "amd64"));
        assertNull(LibtorchPlatform.classifierFor("Linux", "ppc64le"));
    }

    @Test
    void theLibtorchOnTheClasspathIsThisPlatformsOrNone() {
        String here = LibtorchPlatform.classifierFor(System.getProperty("os.name"), System.getProperty("os.arch"));
        String loaded = LibtorchPlatform.onClasspath();
        if (loaded != null) { // none when the pom's no-libtorch profile is active
            assertEquals(here, loaded, "the pom put another platform's libtorch on the classpath");
        }
    }
}
