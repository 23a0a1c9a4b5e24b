package org.pxrd.io.cif;

import java.util.ArrayList;
import java.util.List;

import org.pxrd.io.StructureFormat;
import org.pxrd.io.StructureFormatException;
import org.pxrd.model.Structure;

/**
 * CIF 1.1 files: every data block that holds atoms becomes a structure (read by {@link CifParser} and
 * {@link CifStructureReader}, symmetry expanded); a block can be picked by name. Writing: {@link CifWriter}
 * (P1, or the asymmetric unit with the operations when the structure carries its symmetry).
 */
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
        CifStructureReader reader = reader(source);
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
    public Structure read(String text, String source, String name) throws StructureFormatException {
        List<CifBlock> blocks = new CifParser(source).parse(text);
        for (CifBlock block : blocks) {
            if (block.name().equalsIgnoreCase(name)) {
                if (!CifStructureReader.hasStructure(block)) {
                    throw new StructureFormatException(source, block.line(), "data_" + block.name()
                            + " holds no atom sites (_atom_site_fract_x/y/z)");
                }
                return reader(source).read(block);
            }
        }
        List<String> withAtoms = blocks.stream().filter(CifStructureReader::hasStructure).map(CifBlock::name).toList();
        throw new StructureFormatException(source, 0, "no data block named '" + name + "' (blocks with atoms: "
                + (withAtoms.isEmpty() ? "none" : String.join(", ", withAtoms)) + ")");
    }

    private CifStructureReader reader(String source) {
        return new CifStructureReader(source, resolver, CifStructureReader.DEFAULT_MERGE_TOLERANCE);
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
        return true;
    }

    @Override
    public String write(Structure structure) {
        return new CifWriter().write(structure);
    }
}
