package org.pxrd.io.cif;

import java.util.ArrayList;
import java.util.List;

import org.pxrd.io.StructureFormat;
import org.pxrd.io.StructureFormatException;
import org.pxrd.model.Structure;

/** CIF 1.1 files: every data block that holds atoms becomes a structure. */
public class CifFormat implements StructureFormat {

    private final SpaceGroupResolver resolver;

    public CifFormat() {
        this((hm, hall, number) -> org.pxrd.symmetry.SpaceGroups.table().resolve(hm, hall, number));
    }

    public CifFormat(SpaceGroupResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public List<Structure> read(String text, String source) throws StructureFormatException {
        List<CifBlock> blocks = new CifParser(source).parse(text);
        CifStructureReader reader = new CifStructureReader(source, resolver, CifStructureReader.DEFAULT_MERGE_TOLERANCE);
        List<Structure> structures = new ArrayList<>();
        for (CifBlock block : blocks) {
            if (CifStructureReader.hasStructure(block)) {
                structures.add(reader.read(block));
            }
        }
        if (structures.isEmpty()) {
            throw new StructureFormatException(source, blocks.get(0).line(),
                    "no data block holds atom sites (_atom_site_fract_x/y/z)");
        }
        return structures;
    }

    @Override
    public boolean recognizes(String head) {
        for (String line : head.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            return t.regionMatches(true, 0, "data_", 0, 5);
        }
        return false;
    }

    @Override
    public boolean canWrite() {
        return false;
    }

    @Override
    public String write(Structure structure) throws StructureFormatException {
        throw new StructureFormatException(structure.name(), 0, "writing CIF files is not available yet");
    }
}
