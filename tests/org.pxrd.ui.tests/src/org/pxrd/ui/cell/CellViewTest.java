package org.pxrd.ui.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Structure;
import org.pxrd.ui.editor.StructureEditor;
import org.pxrd.ui.files.StructureOpener;
import org.pxrd.ui.testsupport.Ui;

/** The 3D cell view follows the active structure editor, with Jmol and with the pure-SWT fallback. */
class CellViewTest {

    /** Jmol keeps coordinates as 32-bit floats: cell parameters agree to about 1e-6 relative. */
    private static final double JMOL_FLOAT_TOLERANCE = 1e-4;

    @AfterEach
    void close() {
        Ui.closeEditors();
    }

    @Test
    void jmolShowsTheActiveEditorsCellAndFollowsEditsAndUndo() throws Exception {
        StructureEditor editor = StructureOpener.open(Ui.page(), Ui.example("BPO4"));
        CellView view = (CellView) Ui.page().showView(CellView.ID);
        Ui.page().activate(editor);
        Ui.processEvents();

        assertThat(view.rendererFailures()).isEmpty();
        assertThat(view.renderer()).isInstanceOf(JmolCellRenderer.class);
        JmolCellRenderer jmol = (JmolCellRenderer) view.renderer();
        assertThat(jmol.name()).startsWith("Jmol 14.31");
        Ui.waitUntil("Jmol loads the structure", () -> jmol.loaded() == editor.structure());
        assertThat(jmol.cellParameter(0)).isCloseTo(4.441994, within(JMOL_FLOAT_TOLERANCE));
        assertThat(jmol.cellParameter(2)).isCloseTo(6.70984, within(JMOL_FLOAT_TOLERANCE));
        // the 12 sites, plus the images of B (z = 0.25, 0.75: none) and P on faces, edges and corners of the cell
        assertThat(jmol.atomCount()).isGreaterThanOrEqualTo(editor.structure().size());

        editor.apply("Set a", editor.structure().withLattice(Lattice.fromParameters(5.5, 4.441994, 6.70984, 90, 90,
                90)));
        Ui.processEvents();
        assertThat(view.shownStructure()).isSameAs(editor.structure());
        Ui.waitUntil("Jmol loads the edit", () -> jmol.loaded() == editor.structure());
        assertThat(jmol.cellParameter(0)).isCloseTo(5.5, within(JMOL_FLOAT_TOLERANCE));

        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.undo", null);
        Ui.waitUntil("Jmol loads the undone structure", () -> jmol.loaded() == editor.structure());
        assertThat(jmol.cellParameter(0)).isCloseTo(4.441994, within(JMOL_FLOAT_TOLERANCE));

        Ui.closeEditors();
        assertThat(view.shownStructure()).isNull();
        Ui.waitUntil("Jmol clears", () -> jmol.loaded() == null);
        assertThat(jmol.atomCount()).isZero();
    }

    @Test
    void whenJmolCannotBeEmbeddedTheSwtRendererDrawsTheCellAndFollowsTheEditor() throws Exception {
        StructureEditor editor = StructureOpener.open(Ui.page(), Ui.example("MnCo"));
        CellView view = (CellView) Ui.page().showView(CellView.ID);
        view.useRenderers(List.of(parent -> {
            throw new IllegalStateException("no AWT in this test");
        }));
        Ui.page().activate(editor);
        Ui.processEvents();

        assertThat(view.renderer()).isInstanceOf(BallAndStickRenderer.class);
        assertThat(view.rendererFailures()).containsExactly("IllegalStateException: no AWT in this test");
        BallAndStickRenderer swt = (BallAndStickRenderer) view.renderer();
        // MnCo (Pm-3m): Mn at the corners (1 site drawn at all 8), Co at the body centre bonded to the 8 corners
        CellScene scene = swt.scene();
        assertThat(scene.atoms()).hasSize(9);
        assertThat(scene.bonds()).hasSize(8);
        double[] before = nearestAtomOnScreen(swt);
        assertNearestAtomIsDrawnInItsColour(swt);

        Structure s = editor.structure();
        double a = s.lattice().a();
        editor.apply("Set a", s.withLattice(Lattice.fromParameters(1.5 * a, a, a, 90, 90, 90)));
        Ui.processEvents();
        assertThat(swt.scene().atoms().get(8).cart()[0]).isNotEqualTo(scene.atoms().get(8).cart()[0]);
        assertThat(nearestAtomOnScreen(swt)).isNotEqualTo(before);
        assertNearestAtomIsDrawnInItsColour(swt);

        view.useRenderers(CellRenderers.defaultOrder()); // leave the view as the workbench would have it
    }

    @Test
    void theSceneRepeatsAtomsOnTheCellFacesAndBondsTheNearestNeighbours() {
        // rock salt FeH (Fm-3m, 8 atoms, Fe at 0 0 0): the drawn cell is the 3 x 3 x 3 grid of points spaced a/2,
        // Fe where the grid indices sum to an even number (corners and face centres: 14), H elsewhere (edge
        // centres and the body centre: 13); bonds join grid neighbours at a/2: 2 per grid line, 9 lines per axis,
        // 3 axes = 54. Fe-Fe at a/sqrt(2) lies beyond the 15 % bond slack.
        Structure feH = editorStructure("FeH");
        CellScene scene = new CellScene(feH);
        assertThat(scene.atoms().stream().filter(x -> x.element() == Element.Fe)).hasSize(14);
        assertThat(scene.atoms().stream().filter(x -> x.element() == Element.H)).hasSize(13);
        assertThat(scene.nearestDistance()).isCloseTo(feH.lattice().a() / 2, within(1e-9));
        assertThat(scene.bonds()).hasSize(54);
        for (CellScene.Bond b : scene.bonds()) {
            double[] u = scene.atoms().get(b.from()).cart();
            double[] v = scene.atoms().get(b.to()).cart();
            double d = Math.sqrt(Math.pow(u[0] - v[0], 2) + Math.pow(u[1] - v[1], 2) + Math.pow(u[2] - v[2], 2));
            assertThat(d).isCloseTo(feH.lattice().a() / 2, within(1e-9));
            assertThat(scene.atoms().get(b.from()).element()).isNotEqualTo(scene.atoms().get(b.to()).element());
        }
    }

    private static Structure editorStructure(String key) {
        try {
            return StructureOpener.open(Ui.page(), Ui.example(key)).structure();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Screen position (x, y) of the atom nearest the viewer in a 400 x 400 drawing. */
    private static double[] nearestAtomOnScreen(BallAndStickRenderer swt) {
        CellScene scene = swt.scene();
        double scale = scene.scale(400, 400, BallAndStickRenderer.MARGIN);
        CellScene.Projected nearest = null;
        for (CellScene.Atom atom : scene.atoms()) {
            CellScene.Projected p = scene.project(atom.cart(), swt.rotation(), scale, 400, 400);
            if (nearest == null || p.depth() > nearest.depth()) {
                nearest = p;
            }
        }
        return new double[] {nearest.x(), nearest.y()};
    }

    /** Draws into an image and checks the centre pixel of the nearest atom (painted last) has its element colour. */
    private static void assertNearestAtomIsDrawnInItsColour(BallAndStickRenderer swt) {
        CellScene scene = swt.scene();
        double scale = scene.scale(400, 400, BallAndStickRenderer.MARGIN);
        int nearest = 0;
        double depth = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scene.atoms().size(); i++) {
            double d = scene.project(scene.atoms().get(i).cart(), swt.rotation(), scale, 400, 400).depth();
            if (d > depth) {
                depth = d;
                nearest = i;
            }
        }
        CellScene.Projected p = scene.project(scene.atoms().get(nearest).cart(), swt.rotation(), scale, 400, 400);
        Image image = new Image(Display.getCurrent(), 400, 400);
        try {
            GC gc = new GC(image);
            swt.paint(gc, 400, 400);
            gc.dispose();
            ImageData data = image.getImageData();
            RGB pixel = data.palette.getRGB(data.getPixel((int) Math.round(p.x()), (int) Math.round(p.y())));
            int expected = ElementColors.rgb(scene.atoms().get(nearest).element());
            assertThat(pixel).isEqualTo(new RGB((expected >> 16) & 0xFF, (expected >> 8) & 0xFF, expected & 0xFF));
        } finally {
            image.dispose();
        }
    }
}
