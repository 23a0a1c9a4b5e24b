package org.pxrd.study.report;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.renderer.PaintScale;

/**
 * The viridis colour map (matplotlib's, van der Walt and Smith 2015) between two values, linear between six stops;
 * values outside are clamped, equal bounds give the middle colour, and NaN (no value, e.g. no cell) gets
 * {@code missing}. Shared by the headless landscape figure and the workbench's heat map.
 *
 * @param lower the value drawn dark purple
 * @param upper the value drawn yellow
 * @param missing the paint of NaN
 */
public record ViridisScale(double lower, double upper, Paint missing) implements PaintScale {

    private static final Color[] STOPS = {new Color(0x440154), new Color(0x414487), new Color(0x2A788E),
        new Color(0x22A884), new Color(0x7AD151), new Color(0xFDE725)};

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return missing;
        }
        double t = upper > lower ? (value - lower) / (upper - lower) : 0.5;
        t = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int k = Math.min(STOPS.length - 2, (int) Math.floor(t));
        double f = t - k;
        Color a = STOPS[k];
        Color b = STOPS[k + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
