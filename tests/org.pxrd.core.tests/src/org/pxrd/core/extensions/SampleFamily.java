package org.pxrd.core.extensions;

/** The interface of the test family {@code org.pxrd.core.testSamples}. */
public interface SampleFamily {

    double value();

    /** Configured through its declared settings. */
    final class Configured implements SampleFamily {
        private final double width;
        private final int repeats;

        public Configured(Settings settings) {
            this.width = settings.getDouble("width");
            this.repeats = settings.getInt("repeats");
        }

        @Override
        public double value() {
            return width * repeats;
        }
    }

    /** No settings, no-argument constructor. */
    final class Plain implements SampleFamily {
        @Override
        public double value() {
            return 42;
        }
    }

    /** A plugin whose constructor throws. */
    final class Throwing implements SampleFamily {
        public Throwing() {
            throw new IllegalStateException("licence server unreachable");
        }

        @Override
        public double value() {
            return 0;
        }
    }
}
