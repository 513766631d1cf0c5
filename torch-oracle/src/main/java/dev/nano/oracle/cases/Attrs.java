package dev.nano.oracle.cases;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The non-tensor arguments of a call (dims, keepdim, a scalar operand, the form of the call),
 * in insertion order so that fixtures are written deterministically. Values are Integer, Double,
 * Boolean, String, int[] or null.
 */
public final class Attrs {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public static Attrs none() {
        return new Attrs();
    }

    public static Attrs of(String key, Object value) {
        return new Attrs().with(key, value);
    }

    public Attrs with(String key, Object value) {
        values.put(key, value);
        return this;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public int getInt(String key) {
        return (Integer) require(key);
    }

    public double getDouble(String key) {
        return ((Number) require(key)).doubleValue();
    }

    /** A Double that may be null (an optional bound). */
    public Double getOptionalDouble(String key) {
        Object v = values.get(key);
        return v == null ? null : ((Number) v).doubleValue();
    }

    public boolean getBool(String key) {
        return (Boolean) require(key);
    }

    public String getString(String key) {
        return (String) require(key);
    }

    public int[] getInts(String key) {
        return ((int[]) require(key)).clone();
    }

    public String getString(String key, String fallback) {
        Object v = values.get(key);
        return v == null ? fallback : (String) v;
    }

    private Object require(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("case attribute '" + key + "' is missing (have " + values.keySet() + ")");
        }
        return values.get(key);
    }

    /** Read-only view, for writing fixtures. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
