package dev.nano.nn;

import dev.nano.DType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The formats of PyTorch's messages: C++'s operator<<, sizes, scalar types (Python's repr: PythonFloatTest). */
class PyTextTest {

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
