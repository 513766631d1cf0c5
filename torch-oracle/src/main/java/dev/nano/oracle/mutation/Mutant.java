package dev.nano.oracle.mutation;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * One mutant of PIT's {@code mutations.xml}: where nano's code was changed, how, and what became of it.
 *
 * @param mutatedClass binary name of the class, e.g. {@code dev.nano.ops.Unary$Exp}
 * @param method       the method that was changed
 * @param line         source line
 * @param mutator      PIT's mutator, short name (e.g. {@code MathMutator})
 * @param description  PIT's words for the change
 * @param status       PIT's verdict: KILLED, SURVIVED, NO_COVERAGE, TIMED_OUT, MEMORY_ERROR, RUN_ERROR
 * @param killingTest  the test that killed it, or empty
 */
public record Mutant(String mutatedClass, String method, int line, String mutator, String description,
                     String status, String killingTest) {

    /**
     * True when a test failed on the mutant (PIT counts time-outs and crashes as detected, and so do we).
     * @return whether it was killed
     */
    public boolean killed() {
        return !status.equals("SURVIVED") && !status.equals("NO_COVERAGE");
    }

    /**
     * The package, e.g. {@code dev.nano.ops}.
     * @return the mutated class's package
     */
    public String packageName() {
        return mutatedClass.substring(0, mutatedClass.lastIndexOf('.'));
    }

    /**
     * One line for a person: class.method:line mutator — description.
     * @return the line
     */
    public String where() {
        return mutatedClass.substring(mutatedClass.lastIndexOf('.') + 1) + "." + method + ":" + line + " " + mutator
                + " (" + description + ")";
    }

    /**
     * Every mutant of a PIT XML report.
     * @param mutationsXml PIT's {@code mutations.xml}
     * @return the mutants, in report order
     */
    public static List<Mutant> read(Path mutationsXml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(mutationsXml.toFile());
            NodeList nodes = doc.getElementsByTagName("mutation");
            List<Mutant> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                String mutator = text(e, "mutator");
                out.add(new Mutant(text(e, "mutatedClass"), text(e, "mutatedMethod"),
                        Integer.parseInt(text(e, "lineNumber")), mutator.substring(mutator.lastIndexOf('.') + 1),
                        text(e, "description"), e.getAttribute("status"), text(e, "killingTest")));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read PIT's report " + mutationsXml + ": " + e.getMessage(), e);
        }
    }

    private static String text(Element e, String tag) {
        NodeList list = e.getElementsByTagName(tag);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent().trim();
    }
}
