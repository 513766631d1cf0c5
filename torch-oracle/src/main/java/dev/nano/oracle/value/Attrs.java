package dev.nano.oracle.value;

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

    /**
     * No attributes.
     * @return the empty attributes
     */
    public static Attrs none() {
        return new Attrs();
    }

    /**
     * One attribute.
     * @param key the attribute's name (PyTorch's argument name)
     * @param value the value
     * @return the attributes
     */
    public static Attrs of(String key, Object value) {
        return new Attrs().with(key, value);
    }

    /**
     * These attributes and one more.
     * @param key the attribute's name (PyTorch's argument name)
     * @param value the value
     * @return new attributes
     */
    public Attrs with(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /**
     * Whether the attribute is set.
     * @param key the attribute's name (PyTorch's argument name)
     * @return true if set
     */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * An int attribute.
     * @param key the attribute's name (PyTorch's argument name)
     * @return the value
     */
    public int getInt(String key) {
        return (Integer) require(key);
    }

    /**
     * A double attribute.
     * @param key the attribute's name (PyTorch's argument name)
     * @return the value
     */
    public double getDouble(String key) {
        return ((Number) require(key)).doubleValue();
    }

    /**
     * A Double that may be null (an optional bound).
     * @param key the attribute's name (PyTorch's argument name)
     * @return the value, or null
     */
    public Double getOptionalDouble(String key) {
        Object v = values.get(key);
        return v == null ? null : ((Number) v).doubleValue();
    }

    /**
     * A boolean attribute.
     * @param key the attribute's name (PyTorch's argument name)
     * @return the value
     */
    public boolean getBool(String key) {
        return (Boolean) require(key);
    }

    /**
     * A string attribute.
     * @param key the attribute's name (PyTorch's argument name)
     * @return the value
     */
    public String getString(String key) {
        return (String) require(key);
    }

    /**
     * An int-array attribute (e.g. dims).
     * @param key the attribute's name (PyTorch's argument name)
     * @return the value
     */
    public int[] getInts(String key) {
        return ((int[]) require(key)).clone();
    }

    /**
     * A string attribute with a default.
     * @param key the attribute's name (PyTorch's argument name)
     * @param fallback the value when unset
     * @return the value
     */
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

    /**
     * Read-only view, for writing fixtures.
     * @return the read-only map
     */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
