package org.pxrd.ui.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.graphics.Point;
import org.jfree.chart.renderer.PaintScale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pxrd.model.Lattice;
import org.pxrd.model.Structure;
import org.pxrd.study.landscape.LandscapeSlice;
import org.pxrd.study.landscape.LatticeParameter;
import org.pxrd.ui.editor.StructureEditor;
import org.pxrd.ui.files.StructureOpener;
import org.pxrd.ui.landscape.LandscapeGrid.Axis;
import org.pxrd.ui.landscape.LandscapeGrid.MapPoint;
import org.pxrd.ui.landscape.LandscapeGrid.Trajectory;
import org.pxrd.ui.testsupport.Screenshots;
import org.pxrd.ui.testsupport.Ui;

/**
 * The landscape view on a closed-form landscape, f(a, c) = (a − 4)² + 2 (c − 6)² on a 41 × 31 grid, with its one
 * minimum and a gradient-descent path on it: a click on the map reports the grid cell under the pointer.
 */
class LandscapeViewTest {

    private static final int NX = 41;
    private static final int NY = 31;
    private LandscapeView view;
    private Structure base;

    private static double f(double a, double c) {
        return (a - 4) * (a - 4) + 2 * (c - 6) * (c - 6);
    }

    private static double[] axis(double from, double to, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = from + (to - from) * i / (n - 1);
        }
        return v;
    }

    /** The landscape, and gradient descent on it from (4.8, 5.1) with step 0.1: x ← x − 0.1 ∇f. */
    private LandscapeGrid grid() {
        double[] a = axis(3, 5, NX);
        double[] c = axis(5, 7, NY);
        double[][] values = new double[NX][NY];
        for (int i = 0; i < NX; i++) {
            for (int j = 0; j < NY; j++) {
                values[i][j] = f(a[i], c[j]);
            }
        }
        List<MapPoint> path = new ArrayList<>();
        double x = 4.8;
        double y = 5.1;
        for (int k = 0; k < 15; k++) {
            path.add(new MapPoint(x, y));
            x -= 0.1 * 2 * (x - 4);
            y -= 0.1 * 4 * (y - 6);
        }
        return new LandscapeGrid("closed form: (a − 4)² + 2 (c − 6)²", new Axis("a", "Å", a), new Axis("c", "Å", c),
                values, "f (loss units)", List.of(new MapPoint(4, 6)), List.of(new Trajectory("gradient descent", path)),
                (pa, pc) -> {
                    double[] p = base.lattice().parameters();
                    return base.withLattice(Lattice.fromParameters(pa, pa, pc, p[3], p[4], p[5]));
                });
    }

    @BeforeEach
    void open() throws Exception {
        base = StructureOpener.open(Ui.page(), Ui.example("BPO4")).structure();
        view = (LandscapeView) Ui.page().showView(LandscapeView.ID);
    }

    @AfterEach
    void close() {
        view.setLandscape(null);
        Ui.closeEditors();
    }

    @Test
    void aClickReportsTheLatticeParametersAndLossOfTheCellUnderThePointer() {
        LandscapeGrid grid = grid();
        view.setLandscape(grid);
        Ui.waitUntil("the heat map to be drawn", view::isDrawn);
        assertThat(view.infoText()).startsWith("Click the map");

        Point p = view.pixelOf(4.5, 5.6); // grid a: 3 + 0.05 i, so i = 30; grid c: 5 + 2/30 j, so j = 9
        assertThat(view.clickAt(p.x, p.y)).isTrue();
        assertThat(view.selectedCell()).containsExactly(30, 9);
        double c = 5 + 2.0 * 9 / 30;
        assertThat(view.infoText()).isEqualTo(String.format(java.util.Locale.ROOT,
                "a = 4.5000 Å, c = %.5g Å: f (loss units) = %.6g", c, f(4.5, c)));
        Screenshots.take("landscape-view");
        Screenshots.takeMaximized("landscape-view-maximized", view);

        StructureEditor editor = view.openSelected();
        assertThat(editor).isNotNull();
        double[] lattice = editor.structure().lattice().parameters();
        assertThat(lattice[0]).isCloseTo(4.5, within(1e-12));
        assertThat(lattice[2]).isCloseTo(c, within(1e-12));

        assertThat(view.clickAt(0, 0)).as("outside the map").isFalse();
        assertThat(view.selectedCell()).containsExactly(30, 9);
    }

    @Test
    void theColourScaleSpansTheFiniteValuesAndLeavesNanBlank() {
        LandscapeGrid grid = grid();
        double[] range = Heatmap.range(grid);
        assertThat(range[0]).isZero(); // the grid contains the minimum (4, 6)
        assertThat(range[1]).isCloseTo(f(3, 5), within(1e-12)); // and the far corner f = 1 + 2
        PaintScale scale = Heatmap.scale(grid);
        assertThat(scale.getPaint(0)).isEqualTo(new java.awt.Color(68, 1, 84));
        assertThat(scale.getPaint(range[1])).isEqualTo(new java.awt.Color(253, 231, 37));
        assertThat(((java.awt.Color) scale.getPaint(Double.NaN)).getAlpha()).isZero();
    }

    @Test
    void aGridThatDoesNotFitItsAxesIsRefusedWithOneLine() {
        Axis a = new Axis("a", "Å", axis(3, 5, 3));
        Axis c = new Axis("c", "Å", axis(5, 7, 2));
        assertThatThrownBy(() -> new LandscapeGrid("t", a, c, new double[2][2], "f", List.of(), List.of(), null))
                .hasMessage("the grid has 2 columns for 3 values of a");
        assertThatThrownBy(() -> new Axis("c", "Å", new double[] {1, 1}))
                .hasMessage("the c axis must increase: 1.0 then 1.0");
    }

    @Test
    void computeMapsTheActiveStructuresLandscapeWithItsLowestPointAtTheStructure() {
        // BPO4 (tetragonal) is the active editor's structure: a and c within ±5% on 11 x 11, cosine loss
        view.controls().set(LatticeParameter.A, LatticeParameter.C, 0.05, 11, "cosine", 0);
        assertThat(view.controls().start()).isNotNull();
        Ui.waitUntil("the landscape", () -> view.landscape() != null, 120_000);
        LandscapeGrid g = view.landscape();
        assertThat(g.x().values()).hasSize(11);
        assertThat(g.y().values()).hasSize(11);
        double[] truth = base.lattice().parameters();
        assertThat(g.x().values()[5]).isCloseTo(truth[0], within(1e-9));
        assertThat(g.y().values()[5]).isCloseTo(truth[2], within(1e-9));
        assertThat(g.value(5, 5)).isCloseTo(-1, within(1e-9));
        for (int i = 0; i < 11; i++) {
            for (int j = 0; j < 11; j++) {
                if (i != 5 || j != 5) {
                    assertThat(g.value(i, j)).as("loss at %d,%d", i, j).isGreaterThan(g.value(5, 5));
                }
            }
        }
        assertThat(g.minima()).contains(new MapPoint(truth[0], truth[2]));
        assertThat(g.structureAt().at(truth[0] * 1.01, truth[2]).lattice().a()).isCloseTo(truth[0] * 1.01,
                within(1e-9));
    }

    @Test
    void trajectoriesOfAComputedSliceKeepTheirPathsAndKinds() {
        LandscapeSlice slice = new LandscapeSlice(LatticeParameter.A, LatticeParameter.C, axis(3, 5, 3),
                axis(5, 7, 3), new double[][] {{1, 2, 3}, {4, 0, 6}, {7, 8, 9}}, 4, 6,
                LandscapeSlice.localMinima(axis(3, 5, 3), axis(5, 7, 3), new double[][] {{1, 2, 3}, {4, 0, 6},
                        {7, 8, 9}}),
                List.of(new LandscapeSlice.Trajectory(0, LandscapeSlice.Kind.CONSTRAINED, new double[] {4.5, 4},
                        new double[] {6.5, 6}, new double[] {0.5, 0}, "CONVERGED")), "org.pxrd.losses.cosine");
        LandscapeGrid g = LandscapeGrids.of(slice, base, "Cosine");
        assertThat(g.value(0, 1)).as("values[j][i] of the slice become values[i][j]").isEqualTo(4);
        assertThat(g.value(1, 0)).isEqualTo(2);
        assertThat(g.minima()).containsExactly(new MapPoint(4, 6));
        assertThat(g.trajectories()).singleElement().satisfies(t -> {
            assertThat(t.label()).isEqualTo("constrained 1");
            assertThat(t.points()).containsExactly(new MapPoint(4.5, 6.5), new MapPoint(4, 6));
        });
    }

    @Test
    void computeWithoutAStructureSaysSo() {
        Ui.closeEditors();
        Ui.processEvents();
        assertThat(view.controls().start()).isNull();
        assertThat(view.infoText()).startsWith("Open a structure first");
    }
}
