package dev.nano.oracle.family;

import dev.nano.oracle.fixtures.FixtureStore;
import dev.nano.oracle.fixtures.Manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One family of evidence that nano computes what PyTorch computes: the catalogue's operators, the
 * optimizers, the nn scenarios, the end-to-end MNIST training runs. Each family records PyTorch's
 * answers into its fixtures, checks nano against them (parity), checks live libtorch against them
 * (drift) and gives the coverage report a section. {@code Regenerate}, {@code DriftCheck}, the
 * parity and drift tests and the report loop over {@code Families.ALL}; a new family is one class
 * implementing this interface and one line there.
 */
public interface Family {

    /**
     * The family's name, as the report and the tests print it.
     * @return e.g. "operators"
     */
    String name();

    /**
     * Runs every case of the family through libtorch (under this JVM's CPU dispatch) and writes its
     * fixtures into {@code store}.
     * @param store    where to write
     * @param written  every path written, added to (files not written are removed as stale)
     * @param problems cases whose PyTorch answer contradicts the family's own expectation, added to
     * @return the manifest's entries for the files written, in order
     */
    List<Manifest.Entry> regenerate(FixtureStore store, Set<Path> written, List<String> problems);

    /**
     * nano against the committed fixtures: one check per case the filter keeps. Needs no libtorch.
     * @param store  the committed fixtures
     * @param filter {@code -Dop=}, {@code -Dfamily=}, {@code -Devidence=}
     * @return the checks
     */
    List<Check> parity(FixtureStore store, CaseFilter filter);

    /**
     * Live libtorch against the committed fixtures, under this JVM's CPU dispatch: catches stale
     * fixtures and libtorch drift.
     * @param store  the committed fixtures
     * @param filter {@code -Dop=}, {@code -Dfamily=}, {@code -Devidence=}
     * @return the checks
     */
    List<Check> drift(FixtureStore store, CaseFilter filter);

    /**
     * Runs nano on every case against the committed fixtures and says how far each part of nano
     * this family covers is proven equal to PyTorch.
     * @param store the committed fixtures
     * @return the family's section of the coverage report
     */
    Section report(FixtureStore store);
}
