package org.pxrd.diffraction.preprocess;

import org.pxrd.model.Pattern;

/** A broken plugin (contributed by this fragment): throws an unexpected exception on every pattern. */
public final class FailingPreprocessor implements PatternPreprocessor {

    @Override
    public Pattern apply(Pattern pattern) {
        throw new IllegalStateException("internal error of a plugin");
    }
}
