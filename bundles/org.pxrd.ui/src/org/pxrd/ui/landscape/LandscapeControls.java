package org.pxrd.ui.landscape;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.model.Structure;
import org.pxrd.optimization.run.CancellationToken;
import org.pxrd.study.landscape.Landscape;
import org.pxrd.study.landscape.LandscapeOptions;
import org.pxrd.study.landscape.LandscapeSlice;
import org.pxrd.study.landscape.LatticeParameter;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.structure.ActiveStructure;

/**
 * The landscape view's bar: the two lattice parameters, the relative span, the grid steps per axis, the loss and
 * the number of study trajectories (each start refined unconstrained, from a constrained start and constrained:
 * the study's Fig. 3), and Compute / Cancel. Compute runs {@link Landscape#compute} for the active structure on
 * all cores in a job whose progress is the finished grid rows; the result goes to the view on the UI thread.
 */
public final class LandscapeControls {

    /** Job family of the landscape computations (to find or wait for them). */
    public static final Object FAMILY = LandscapeControls.class;

    private final Composite bar;
    private final ActiveStructure active;
    private final Consumer<LandscapeGrid> show;
    private final Consumer<String> problem;
    private final Combo xCombo;
    private final Combo yCombo;
    private final Text spanText;
    private final Text stepsText;
    private final Combo lossCombo;
    private final Text trajectoriesText;
    private final Button compute;
    private final List<Contribution> losses;
    private Job job;
    private CancellationToken cancellation;

    LandscapeControls(Composite parent, ActiveStructure active, Consumer<LandscapeGrid> show,
            Consumer<String> problem) {
        this.active = active;
        this.show = show;
        this.problem = problem;
        bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(13, false));
        xCombo = parameterCombo("Parameters:", LatticeParameter.A);
        yCombo = parameterCombo(null, LatticeParameter.C);
        spanText = number("± span:", "0.2", "relative half-width of each axis around the structure's value");
        stepsText = number("steps:", "51", "grid points per axis (odd puts the structure itself on the grid)");
        new Label(bar, SWT.NONE).setText("loss:");
        lossCombo = new Combo(bar, SWT.READ_ONLY);
        losses = PxrdUiPlugin.services().losses().contributions();
        losses.forEach(c -> lossCombo.add(c.name()));
        for (int i = 0; i < losses.size(); i++) {
            if (losses.get(i).id().endsWith(".cosine")) {
                lossCombo.select(i);
            }
        }
        trajectoriesText = number("trajectories:", "0", "distorted starts (lattice noise 0.05) whose three study "
                + "refinements are drawn");
        compute = new Button(bar, SWT.PUSH);
        compute.setText("Compute");
        compute.addListener(SWT.Selection, e -> {
            if (job == null) {
                start();
            } else {
                cancel();
            }
        });
    }

    Control control() {
        return bar;
    }

    private Combo parameterCombo(String label, LatticeParameter selected) {
        if (label != null) {
            new Label(bar, SWT.NONE).setText(label);
        }
        Combo combo = new Combo(bar, SWT.READ_ONLY);
        for (LatticeParameter p : LatticeParameter.values()) {
            combo.add(p.symbol());
        }
        combo.select(selected.index());
        return combo;
    }

    private Text number(String label, String value, String tip) {
        new Label(bar, SWT.NONE).setText(label);
        Text text = new Text(bar, SWT.BORDER | SWT.RIGHT);
        text.setText(value);
        text.setToolTipText(tip);
        GridData data = new GridData();
        data.widthHint = 48;
        text.setLayoutData(data);
        return text;
    }

    /** Sets the form (for tests and scripted use): parameters, span, steps, loss id suffix, trajectories. */
    public void set(LatticeParameter x, LatticeParameter y, double span, int steps, String lossId, int trajectories) {
        xCombo.select(x.index());
        yCombo.select(y.index());
        spanText.setText(Double.toString(span));
        stepsText.setText(Integer.toString(steps));
        for (int i = 0; i < losses.size(); i++) {
            if (losses.get(i).id().equals(lossId) || losses.get(i).id().endsWith("." + lossId)) {
                lossCombo.select(i);
            }
        }
        trajectoriesText.setText(Integer.toString(trajectories));
    }

    /**
     * Starts the computation for the active structure.
     *
     * @return the job, or null when the form or the structure is unusable (the problem line says why)
     */
    public Job start() {
        Structure structure = active.current().orElse(null);
        if (structure == null) {
            problem.accept("Open a structure first: the landscape is the active structure's.");
            return null;
        }
        LandscapeOptions options;
        String lossName;
        try {
            int loss = lossCombo.getSelectionIndex();
            if (loss < 0) {
                throw new IllegalArgumentException("choose a loss");
            }
            lossName = losses.get(loss).name();
            options = LandscapeOptions.study(LatticeParameter.values()[xCombo.getSelectionIndex()],
                    LatticeParameter.values()[yCombo.getSelectionIndex()], parse(spanText, "span"),
                    whole(stepsText, "steps"), losses.get(loss).id(), whole(trajectoriesText, "trajectories"));
        } catch (IllegalArgumentException e) {
            problem.accept("Cannot compute the landscape: " + e.getMessage());
            return null;
        }
        CancellationToken token = new CancellationToken();
        int rows = options.steps();
        Display display = bar.getDisplay();
        Job started = new Job("Loss landscape of " + structure.name() + " (" + lossName + ")") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(getName(), rows);
                int[] reported = {0};
                String outcome;
                LandscapeGrid grid = null;
                try {
                    LandscapeSlice slice = new Landscape(PxrdUiPlugin.services().extensions()).compute(structure,
                            options, Runtime.getRuntime().availableProcessors(), done -> {
                                synchronized (reported) {
                                    if (done > reported[0]) {
                                        monitor.worked(done - reported[0]);
                                        reported[0] = done;
                                    }
                                }
                                if (monitor.isCanceled()) {
                                    token.cancel();
                                }
                            }, token);
                    grid = LandscapeGrids.of(slice, structure, lossName);
                    outcome = null;
                } catch (ContributionException | IllegalArgumentException e) {
                    outcome = token.isCancelled() ? "Landscape cancelled." : "Cannot compute the landscape: "
                            + e.getMessage();
                } catch (RuntimeException e) { // a contribution that throws: reported, the workbench goes on
                    PxrdUiPlugin.logError("the landscape computation failed: " + e, e);
                    outcome = "The landscape computation failed: " + e;
                } finally {
                    monitor.done();
                }
                LandscapeGrid result = grid;
                String message = outcome;
                display.asyncExec(() -> finished(result, message));
                return token.isCancelled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
            }

            @Override
            protected void canceling() {
                token.cancel();
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        started.setPriority(Job.LONG);
        job = started;
        cancellation = token;
        compute.setText("Cancel");
        started.schedule();
        return started;
    }

    /** Cancels a running computation (it stops at its next grid row or refinement step). */
    public void cancel() {
        if (cancellation != null) {
            cancellation.cancel();
        }
    }

    private void finished(LandscapeGrid grid, String message) {
        job = null;
        cancellation = null;
        if (bar.isDisposed()) {
            return;
        }
        compute.setText("Compute");
        if (grid != null) {
            show.accept(grid);
        } else {
            problem.accept(message);
        }
    }

    private static double parse(Text text, String name) {
        try {
            return Double.parseDouble(text.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + text.getText() + "' is not a number");
        }
    }

    private static int whole(Text text, String name) {
        try {
            return Integer.parseInt(text.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + text.getText() + "' is not a whole number");
        }
    }

    void dispose() {
        cancel();
    }
}
