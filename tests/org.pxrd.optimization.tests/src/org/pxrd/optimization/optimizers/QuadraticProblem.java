package org.pxrd.optimization.optimizers;

import java.util.function.UnaryOperator;

/**
 * A {@link StepProblem} on the quadratic f(x) = ½ (x − c)ᵀ A (x − c) with a given projector, driven step by step by
 * the tests: closed-form gradient A (x − c), so optimizer steps can be checked against hand-computed formulas.
 */
final class QuadraticProblem implements StepProblem {

    private final double[][] a;
    private final double[] c;
    private final double[] eta;
    private final UnaryOperator<double[]> projector;
    private double[] x;
    private double[] g;
    private double f;
    private double[] trial;
    private double[] trialGradient;
    private double trialValue;
    int evaluations;
    int steps;

    QuadraticProblem(double[][] a, double[] c, double[] eta, double[] start, UnaryOperator<double[]> projector) {
        this.a = a;
        this.c = c;
        this.eta = eta;
        this.projector = projector;
        this.x = start.clone();
        this.g = gradientAt(x);
        this.f = valueAt(x);
    }

    double valueAt(double[] p) {
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            d[i] = p[i] - c[i];
        }
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                s += 0.5 * d[i] * a[i][j] * d[j];
            }
        }
        return s;
    }

    double[] gradientAt(double[] p) {
        double[] grad = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                grad[i] += a[i][j] * (p[j] - c[j]);
            }
        }
        return grad;
    }

    /** Runs {@code n} steps of a stepper. */
    void run(Stepper stepper, int n) throws Exception {
        for (int k = 0; k < n; k++) {
            stepper.step(this);
            steps++;
        }
    }

    @Override
    public int dimension() {
        return x.length;
    }

    @Override
    public double[] point() {
        return x;
    }

    @Override
    public double value() {
        return f;
    }

    @Override
    public double[] gradient() {
        return g;
    }

    @Override
    public double[] learningRates() {
        return eta;
    }

    @Override
    public void project(double[] v) {
        double[] p = projector.apply(v.clone());
        System.arraycopy(p, 0, v, 0, v.length);
    }

    @Override
    public double evaluate(double[] point) {
        evaluations++;
        trial = point.clone();
        trialGradient = gradientAt(trial);
        trialValue = valueAt(trial);
        return trialValue;
    }

    @Override
    public double[] trialGradient() {
        return trialGradient;
    }

    @Override
    public void stay() {
    }

    @Override
    public void accept() {
        x = trial;
        g = trialGradient;
        f = trialValue;
    }
}
