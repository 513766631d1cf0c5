package dev.nano.oracle.mutation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nano.oracle.cases.Catalogue;
import dev.nano.oracle.cases.OperatorUniverse;
import dev.nano.oracle.fixtures.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code scripts/mutation-score}, after PIT has run: reads PIT's {@code mutations.xml} and the
 * committed list of equivalent mutants, prints the mutation score of nano overall, per package,
 * per operator and per class of shared code, lists every surviving mutant, and writes the summary
 * the coverage report reads ({@link MutationSummary}).
 *
 * <p>Arguments: {@code mutations.xml equivalents.tsv summary.json measuredOn wallSeconds cpuSeconds}.
 */
public final class MutationScore {
    private MutationScore() {
    }

    /**
     * Prints the scores and writes the summary.
     *
     * @param args {@code mutations.xml equivalents.tsv summary.json measuredOn wallSeconds cpuSeconds}
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: MutationScore mutations.xml equivalents.tsv summary.json "
                    + "measuredOn wallSeconds cpuSeconds");
        }
        List<Mutant> mutants = Mutant.read(Path.of(args[0]));
        Equivalents equivalents = Equivalents.read(Path.of(args[1]));
        TreeSet<String> operators = new TreeSet<>(OperatorUniverse.operators());
        Catalogue.all().forEach(op -> operators.add(op.name()));
        CodeOwner owner = new CodeOwner(operators);

        Tally all = new Tally();
        Map<String, Tally> packages = new TreeMap<>();
        Map<String, Tally> byOperator = new TreeMap<>();
        Map<String, Tally> sharedClasses = new TreeMap<>();
        ArrayNode survivors = JsonNodeFactory.instance.arrayNode();
        ArrayNode equivalentNodes = JsonNodeFactory.instance.arrayNode();
        List<String> survivorLines = new ArrayList<>();
        for (Mutant m : mutants) {
            Optional<String> reason = m.killed() ? Optional.empty() : equivalents.reasonFor(m);
            boolean eq = reason.isPresent();
            all.add(m, eq);
            packages.computeIfAbsent(m.packageName(), k -> new Tally()).add(m, eq);
            List<String> ops = owner.operatorsOf(m);
            for (String op : ops) {
                byOperator.computeIfAbsent(op, k -> new Tally()).add(m, eq);
            }
            if (ops.isEmpty()) {
                String top = m.mutatedClass().replaceFirst("\\$.*", "");
                sharedClasses.computeIfAbsent(top.substring(top.lastIndexOf('.') + 1), k -> new Tally()).add(m, eq);
            }
            if (m.killed()) {
                continue;
            }
            ObjectNode n = JsonNodeFactory.instance.objectNode().put("class", m.mutatedClass())
                    .put("method", m.method()).put("line", m.line()).put("mutator", m.mutator())
                    .put("description", m.description()).put("status", m.status())
                    .put("operators", String.join(",", ops));
            if (eq) {
                equivalentNodes.add(n.put("reason", reason.get()));
            } else {
                survivors.add(n);
                survivorLines.add(m.status() + " " + m.where() + (ops.isEmpty() ? "" : " [" + String.join(",", ops)
                        + "]"));
            }
        }

        StringBuilder out = new StringBuilder();
        out.append("Mutation score of nano-core (PIT; killed by the parity tests against the committed PyTorch "
                + "fixtures and nano-core's own tests)\n\n");
        out.append(String.format("%-40s %s%n", "all", all.text()));
        out.append("\nper package\n");
        packages.forEach((k, t) -> out.append(String.format("  %-38s %s%n", k, t.text())));
        out.append("\nper operator (a mutant in code shared by several operators counts for each)\n");
        byOperator.forEach((k, t) -> out.append(String.format("  %-38s %s%n", k, t.text())));
        out.append("\nshared code, per class\n");
        sharedClasses.forEach((k, t) -> out.append(String.format("  %-38s %s%n", k, t.text())));
        out.append("\nsurviving mutants not listed as equivalent (").append(survivorLines.size()).append(")\n");
        survivorLines.forEach(l -> out.append("  ").append(l).append('\n'));
        List<Equivalents.Row> stale = equivalents.stale(mutants);
        if (!stale.isEmpty()) {
            out.append("\nstale rows of the equivalents list (no surviving mutant matches them)\n");
            stale.forEach(r -> out.append("  ").append(r).append('\n'));
        }
        System.out.print(out);

        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("measuredOn", args[3]).put("tool", "PIT (pitest-maven, pitest-junit5-plugin)")
                .put("wallSeconds", Long.parseLong(args[4])).put("cpuSeconds", Long.parseLong(args[5]));
        all.json(root.putObject("all"));
        ObjectNode pk = root.putObject("packages");
        packages.forEach((k, t) -> t.json(pk.putObject(k)));
        ObjectNode op = root.putObject("operators");
        byOperator.forEach((k, t) -> t.json(op.putObject(k)));
        ObjectNode cl = root.putObject("sharedClasses");
        sharedClasses.forEach((k, t) -> t.json(cl.putObject(k)));
        root.set("survivors", survivors);
        root.set("equivalents", equivalentNodes);
        Path summary = Path.of(args[2]);
        try {
            Files.createDirectories(summary.getParent());
            Files.writeString(summary, Json.WRITER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("\nWritten: " + summary);
    }
}
