package dev.nano.oracle.family;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A section the report writes into its shared tables instead of on its own: the operators',
 * optimizers' and nn scenarios' (the report's summary line counts the three together, and the
 * module table credits nn modules from both operators and scenarios). Its own renderings are empty.
 */
public interface SharedTablesSection extends Section {

    @Override
    default String text() {
        return "";
    }

    @Override
    default String markdown() {
        return "";
    }

    @Override
    default String html() {
        return "";
    }

    @Override
    default void json(ObjectNode root) {
        // the shared tables write it
    }
}
