package dev.nano.optim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Numbers in error messages print as Python's repr prints them (the expected strings are Python's). */
class PythonFloatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "-1.0, -1.0", "0.001, 0.001", "1e-8, 1e-08", "1e-10, 1e-10", "0.0001, 0.0001", "0.00001, 1e-05",
        "1e15, 1000000000000000.0", "1e16, 1e+16", "1.5, 1.5", "123.456, 123.456", "0.1, 0.1",
        "100.0, 100.0", "-2.5e-05, -2.5e-05", "1e100, 1e+100", "4.9e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308", "0.30000000000000004, 0.30000000000000004",
        "1234567890123456.7, 1234567890123456.8", "12345678901234567.0, 1.2345678901234568e+16",
        "0.9, 0.9", "0.999, 0.999", "-0.5, -0.5", "1.0, 1.0", "10.0, 10.0", "2.0, 2.0",
        "NaN, nan", "Infinity, inf", "-Infinity, -inf", "0.0, 0.0", "-0.0, -0.0",
    })
    void printsLikePythonRepr(double value, String python) {
        assertEquals(python, PythonFloat.repr(value));
    }
}
