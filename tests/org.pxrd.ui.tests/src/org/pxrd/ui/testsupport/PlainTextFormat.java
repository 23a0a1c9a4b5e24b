package org.pxrd.ui.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.pxrd.io.StructureFormat;
import org.pxrd.io.StructureFormatException;
import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Species;
import org.pxrd.model.Structure;

/**
 * A test-only structure format (extension {@code .pxrdtest}): a name line, a cell line and one line per site, with
 * every number written by {@link Double#toString} so a write-read round trip is exact.
 * <pre>
 * pxrdtest NAME
 * cell a b c alpha beta gamma
 * site LABEL SPECIES x y z occupancy B
 * </pre>
 */
public class PlainTextFormat implements StructureFormat {

    @Override
    public List<Structure> read(String text, String source) throws StructureFormatException {
        String[] lines = text.split("\n");
        if (lines.length < 3 || !lines[0].startsWith("pxrdtest ")) {
            throw new StructureFormatException(source, 1, "not a pxrdtest file");
        }
        try {
            String[] cell = lines[1].split(" ");
            Lattice lattice = Lattice.fromParameters(Double.parseDouble(cell[1]), Double.parseDouble(cell[2]),
                    Double.parseDouble(cell[3]), Double.parseDouble(cell[4]), Double.parseDouble(cell[5]),
                    Double.parseDouble(cell[6]));
            List<Site> sites = new ArrayList<>();
            for (int i = 2; i < lines.length; i++) {
                String[] f = lines[i].split(" ");
                sites.add(new Site(Species.parse(f[2]), new double[] {Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5])}, Double.parseDouble(f[6]),
                        Double.parseDouble(f[7]), f[1]));
            }
            return List.of(new Structure(lines[0].substring(9), lattice, sites));
        } catch (RuntimeException e) {
            throw new StructureFormatException(source, 0, e.getMessage());
        }
    }

    @Override
    public boolean recognizes(String head) {
        return head.startsWith("pxrdtest ");
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public String write(Structure structure) {
        StringBuilder sb = new StringBuilder("pxrdtest ").append(structure.name()).append("\ncell");
        for (double p : structure.lattice().parameters()) {
            sb.append(' ').append(p);
        }
        for (Site s : structure.sites()) {
            sb.append("\nsite ").append(s.label()).append(' ').append(s.species());
            for (double x : s.frac()) {
                sb.append(' ').append(x);
            }
            sb.append(' ').append(s.occupancy()).append(' ').append(s.bIso());
        }
        return sb.append('\n').toString();
    }
}
