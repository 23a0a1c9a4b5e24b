package org.pxrd.cli;

import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.pxrd.core.extensions.ExtensionSources;

/**
 * The Equinox application {@code org.pxrd.cli.app}: runs {@code pxrd <command> [args]} inside the product and
 * returns the command's exit status.
 */
public class PxrdApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        Map<?, ?> arguments = context.getArguments();
        String[] args = (String[]) arguments.get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        return Pxrd.run(args == null ? new String[0] : args, System.out, System.err, ExtensionSources.detect());
    }

    @Override
    public void stop() {
        // commands react to interruption; nothing to release here
    }
}
