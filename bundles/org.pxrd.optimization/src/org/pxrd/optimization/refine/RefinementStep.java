package org.pxrd.optimization.refine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pxrd.optimization.run.StepEvent;

/**
 * One step of a refinement (step 0 is the start), as trace files and views see it. The fields of a run, in order:
 * <ul>
 * <li>{@code loss}: the objective f (loss units; with an energy term f = L + λE/N);</li>
 * <li>{@code xrd_loss} and {@code energy_eV_per_atom}, when an energy term is on;</li>
 * <li>{@code caglioti_W_deg2}, the W of the simulation, when annealing;</li>
 * <li>{@code start}, the index of the start, with more than one start (steps count from 0 again for each);</li>
 * <li>the parameters: {@code a_A, b_A, c_A, alpha_deg, beta_deg, gamma_deg}, the fractional coordinates
 * {@code x1, y1, z1, ...}, and the instrument block when an instrument group is refined (e.g.
 * {@code U_deg2, V_deg2, W_deg2, eta, zero_deg, scale}).</li>
 * </ul>
 */
public final class RefinementStep implements StepEvent {

    /** The columns of one run's events, shared by all of them. */
    static final class Columns {
        final List<String> fields;
        final boolean energy;
        final boolean anneal;
        final boolean starts;
        final int parameters;

        Columns(ParameterLayout layout, boolean energy, boolean anneal, boolean starts) {
            this.energy = energy;
            this.anneal = anneal;
            this.starts = starts;
            List<String> f = new ArrayList<>();
            f.add("loss");
            if (energy) {
                f.add("xrd_loss");
                f.add("energy_eV_per_atom");
            }
            if (anneal) {
                f.add("caglioti_W_deg2");
            }
            if (starts) {
                f.add("start");
            }
            List<String> names = layout.names();
            int traced = layout.structureSize();
            for (ParameterGroup g : layout.refined()) {
                if (g.isInstrument()) {
                    traced = layout.size();
                }
            }
            this.parameters = traced;
            f.addAll(names.subList(0, traced));
            this.fields = List.copyOf(f);
        }
    }

    private final Columns columns;
    private final int step;
    private final int start;
    private final double loss;
    private final double xrdLoss;
    private final double energyPerAtom;
    private final double cagliotiW;
    private final double[] parameters;

    RefinementStep(Columns columns, int step, int start, double loss, double xrdLoss, double energyPerAtom,
            double cagliotiW, double[] full) {
        this.columns = columns;
        this.step = step;
        this.start = start;
        this.loss = loss;
        this.xrdLoss = xrdLoss;
        this.energyPerAtom = energyPerAtom;
        this.cagliotiW = cagliotiW;
        this.parameters = Arrays.copyOf(full, columns.parameters);
    }

    @Override
    public int step() {
        return step;
    }

    /** The index of the start (0 without multi-start). */
    public int start() {
        return start;
    }

    /** The objective f at this step (loss units). */
    public double loss() {
        return loss;
    }

    /** The XRD loss L at this step, in the loss's own units and sign. */
    public double xrdLoss() {
        return xrdLoss;
    }

    /** E/N in eV/atom (NaN without an energy term). */
    public double energyPerAtom() {
        return energyPerAtom;
    }

    /** The Caglioti W of the simulation at this step (deg²). */
    public double cagliotiW() {
        return cagliotiW;
    }

    /** a, b, c (Å), α, β, γ (degrees). */
    public double[] lattice() {
        return Arrays.copyOf(parameters, 6);
    }

    /** The traced parameters (see the class comment), a copy. */
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public List<String> fields() {
        return columns.fields;
    }

    @Override
    public double[] values() {
        double[] v = new double[columns.fields.size()];
        int k = 0;
        v[k++] = loss;
        if (columns.energy) {
            v[k++] = xrdLoss;
            v[k++] = energyPerAtom;
        }
        if (columns.anneal) {
            v[k++] = cagliotiW;
        }
        if (columns.starts) {
            v[k++] = start;
        }
        System.arraycopy(parameters, 0, v, k, parameters.length);
        return v;
    }
}
