package org.pxrd.core.extensions;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry service of one algorithm family: lists the contributions to its extension point and creates
 * configured instances of them. Built-in and third-party contributions are treated alike.
 *
 * <p>A contributed class implements the family's interface and has a public constructor taking
 * {@link Settings}, or a public no-argument constructor. Anything that goes wrong while loading or
 * constructing it (missing class, wrong type, a constructor that throws) becomes a
 * {@link ContributionException} naming the contribution and its bundle; it never escapes as an unchecked
 * error, so one broken plugin cannot take down the workbench or a batch run.
 *
 * @param <T> the family's interface
 */
public class ContributionRegistry<T> {

    private final ExtensionSource source;
    private final String extensionPointId;
    private final Class<T> type;

    public ContributionRegistry(ExtensionSource source, String extensionPointId, Class<T> type) {
        this.source = Objects.requireNonNull(source, "source");
        this.extensionPointId = Objects.requireNonNull(extensionPointId, "extensionPointId");
        this.type = Objects.requireNonNull(type, "type");
    }

    public String extensionPointId() {
        return extensionPointId;
    }

    public ExtensionSource source() {
        return source;
    }

    /** Every contribution, sorted by id. */
    public List<Contribution> contributions() {
        return source.contributions(extensionPointId);
    }

    public Optional<Contribution> find(String id) {
        return contributions().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The contribution with this id, also accepted without its namespace ({@code cosine} for
     * {@code org.pxrd.losses.cosine}) when that is unambiguous.
     *
     * @throws ContributionException for an unknown or ambiguous id, listing the known ones
     */
    public Contribution get(String id) throws ContributionException {
        List<Contribution> all = contributions();
        List<Contribution> matches = all.stream().filter(c -> c.id().equals(id)).toList();
        if (matches.isEmpty()) {
            matches = all.stream().filter(c -> c.id().endsWith("." + id)).toList();
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String known = all.stream().map(Contribution::id).toList().toString();
        throw new ContributionException((matches.isEmpty() ? "unknown " : "ambiguous ") + "id '" + id + "' for "
                + extensionPointId + " (known: " + known + ")");
    }

    /** An instance of the contribution with its default settings. */
    public T create(String id) throws ContributionException {
        Contribution c = get(id);
        return create(c, c.defaultSettings());
    }

    /** An instance of the contribution with the given settings (as text) over its defaults. */
    public T create(String id, Map<String, String> settings) throws ContributionException {
        Contribution c = get(id);
        Settings s;
        try {
            s = c.defaultSettings().with(settings);
        } catch (IllegalArgumentException e) {
            throw new ContributionException("contribution '" + c.id() + "': " + e.getMessage(), e);
        }
        return create(c, s);
    }

    /** An instance of a contribution with the given validated settings. */
    public T create(Contribution contribution, Settings settings) throws ContributionException {
        Class<?> cls;
        try {
            cls = source.loadClass(contribution);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ContributionException(
                    ContributionException.describe(contribution, "cannot load class " + contribution.className(), e),
                    e);
        }
        if (!type.isAssignableFrom(cls)) {
            throw new ContributionException(ContributionException.describe(contribution,
                    "has class " + cls.getName() + ", which does not implement " + type.getName(), null));
        }
        try {
            Object instance;
            Constructor<?> withSettings = constructor(cls, Settings.class);
            if (withSettings != null) {
                instance = withSettings.newInstance(settings);
            } else {
                Constructor<?> noArgs = constructor(cls);
                if (noArgs == null) {
                    throw new ContributionException(ContributionException.describe(contribution, "has class "
                            + cls.getName() + " without a public (Settings) or no-argument constructor", null));
                }
                instance = noArgs.newInstance();
            }
            return type.cast(instance);
        } catch (InvocationTargetException e) {
            throw new ContributionException(
                    ContributionException.describe(contribution, "failed to start", e.getCause()), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new ContributionException(ContributionException.describe(contribution, "failed to start", e), e);
        }
    }

    private static Constructor<?> constructor(Class<?> cls, Class<?>... parameters) {
        try {
            return cls.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * Tries to create every contribution with its default settings and returns the failures by contribution
     * (for the plugins view and {@code pxrd plugins --check}); contributions that start are discarded.
     */
    public Map<Contribution, ContributionException> check() {
        Map<Contribution, ContributionException> failures = new LinkedHashMap<>();
        for (Contribution c : contributions()) {
            try {
                create(c, c.defaultSettings());
            } catch (ContributionException e) {
                failures.put(c, e);
            } catch (IllegalArgumentException e) {
                failures.put(c, new ContributionException(ContributionException.describe(c, "has invalid defaults", e)));
            }
        }
        return failures;
    }
}
