package dev.nano.nn;

import dev.nano.DType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The number formats of PyTorch's messages: Python's repr and C++'s operator<<. */
class PyTextTest {

    @Test
    void pythonRepr() {
        assertEquals("1e-05", PyText.repr(1e-5));
        assertEquals("0.0001", PyText.repr(1e-4));
        assertEquals("0.1", PyText.repr(0.1));
        assertEquals("1.5", PyText.repr(1.5));
        assertEquals("-0.1", PyText.repr(-0.1));
        assertEquals("2.0", PyText.repr(2));
        assertEquals("123456789.0", PyText.repr(123456789));
        assertEquals("1000000000000000.0", PyText.repr(1e15));
        assertEquals("1e+16", PyText.repr(1e16));
        assertEquals("-2.5e-07", PyText.repr(-2.5e-7));
        assertEquals("1.7976931348623157e+308", PyText.repr(Double.MAX_VALUE));
        assertEquals("0.0", PyText.repr(0.0));
        assertEquals("-0.0", PyText.repr(-0.0));
        assertEquals("nan", PyText.repr(Double.NaN));
        assertEquals("inf", PyText.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PyText.repr(Double.NEGATIVE_INFINITY));
    }

    @Test
    void cppStream() {
        assertEquals("1.5", PyText.cpp(1.5));
        assertEquals("2", PyText.cpp(2));
        assertEquals("1e-07", PyText.cpp(1e-7));
        assertEquals("0.0001", PyText.cpp(1e-4));
        assertEquals("1.23457e+06", PyText.cpp(1234567));
        assertEquals("123457", PyText.cpp(123456.7));
        assertEquals("-3.25", PyText.cpp(-3.25));
        assertEquals("0", PyText.cpp(0.0));
        assertEquals("-0", PyText.cpp(-0.0));
        assertEquals("nan", PyText.cpp(Double.NaN));
        assertEquals("inf", PyText.cpp(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PyText.cpp(Double.NEGATIVE_INFINITY));
    }

    @Test
    void sizesAndScalarTypes() {
        assertEquals("torch.Size([1, 3])", PyText.size(new int[] {1, 3}));
        assertEquals("torch.Size([])", PyText.size(new int[0]));
        assertEquals("Double", PyText.scalarType(DType.FLOAT64));
        assertEquals("Long", PyText.scalarType(DType.INT64));
        assertEquals("Bool", PyText.scalarType(DType.BOOL));
    }
}
