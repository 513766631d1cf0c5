package dev.nano;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Numbers in error messages print as Python prints them. Each expected string is CPython 3's own
 * {@code repr(x)}; each x is given as Java's exact hexadecimal literal of the double ({@code x.hex()}
 * in Python), so that no decimal parsing sits between the two sides.
 */
class PythonFloatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "-0x1.0000000000000p+0, -1.0", "0x1.0624dd2f1a9fcp-10, 0.001", "0x1.5798ee2308c3ap-27, 1e-08",
        "0x1.b7cdfd9d7bdbbp-34, 1e-10", "0x1.a36e2eb1c432dp-14, 0.0001", "0x1.4f8b588e368f1p-17, 1e-05",
        "0x1.c6bf526340000p+49, 1000000000000000.0", "0x1.1c37937e08000p+53, 1e+16", "0x1.8000000000000p+0, 1.5",
        "0x1.edd2f1a9fbe77p+6, 123.456", "0x1.999999999999ap-4, 0.1", "0x1.9000000000000p+6, 100.0",
        "-0x1.a36e2eb1c432dp-16, -2.5e-05", "0x1.249ad2594c37dp+332, 1e+100", "0x0.0000000000001p-1022, 5e-324",
        "0x1.fffffffffffffp+1023, 1.7976931348623157e+308", "0x1.3333333333334p-2, 0.30000000000000004",
        "0x1.18b54f22aeb03p+50, 1234567890123456.8", "0x1.5ee2a2eb5a5c4p+53, 1.2345678901234568e+16",
        "0x1.ccccccccccccdp-1, 0.9", "-0x1.0000000000000p-1, -0.5", "0x1.0000000000000p+1, 2.0",
        "0x1.4000000000000p+3, 10.0", "0x1.d6f3454000000p+26, 123456789.0", "-0x1.0c6f7a0b5ed8dp-22, -2.5e-07",
        "0x1.52d02c7e14af6p+76, 1e+23", "0x1.52d02c7e14af7p+76, 1.0000000000000001e+23",
        "0x1.0f0cf064dd592p+73, 1e+22", "0x1.0000000000000p+53, 9007199254740992.0",
        "0x1.0000000000000p+60, 1.152921504606847e+18", "0x1.5555555555555p-2, 0.3333333333333333",
        "0x1.0000000000000p-1022, 2.2250738585072014e-308", "0x1.0000000000000p-1017, 7.120236347223045e-307",
        "0x1.0000000000000p-1007, 7.291122019556398e-304", "0x1.0000000000000p-956, 1.6418147205193505e-288",
        "0x1.0000000000000p-920, 1.1282464849155185e-277", "0x0.0000000000003p-1022, 1.5e-323",
        "NaN, nan", "Infinity, inf", "-Infinity, -inf", "0.0, 0.0", "-0.0, -0.0",
    })
    void printsLikePythonRepr(double value, String python) {
        assertEquals(python, PythonFloat.repr(value));
    }
}
