# Shared by the pxrd launcher and the repository's build/test scripts (POSIX sh; sourced, not run).
# pxrd_find_java prints the path of a java executable of version 21 or newer: JAVA_HOME first, then the java
# on PATH, then the newest JDK under /usr/lib/jvm. It fails with a one-line message when there is none.

# The Java feature version of a java executable (21, 25, ...). It reads the JDK's "release" file, which every
# JDK 9+ image has, rather than starting a JVM: that extra JVM cost ~0.1-0.2 s of every pxrd start (one per
# candidate tried). Without a release file it asks the JVM itself.
pxrd_java_version() {
    pxrd_release="$(pxrd_java_home "$1")/release"
    if [ -r "$pxrd_release" ]; then
        version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$pxrd_release")
        if [ -n "$version" ]; then
            case "$version" in
                1.*) echo "${version%%.*}.$(echo "$version" | cut -d. -f2)" ;; # 1.8.0_x: the old scheme
                *) echo "${version%%[.+-]*}" ;;
            esac
            return 0
        fi
    fi
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p'
}

pxrd_find_java() {
    for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java 2>/dev/null)" \
            $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -t- -k2 -V -r); do
        [ -n "$candidate" ] && [ -x "$candidate" ] || continue
        version=$(pxrd_java_version "$candidate")
        if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "pxrd: needs Java 21 or newer; none found in JAVA_HOME, on PATH or under /usr/lib/jvm (install a JDK 21+ and set JAVA_HOME)" >&2
    return 1
}

# The JAVA_HOME of a java executable found by pxrd_find_java.
pxrd_java_home() {
    dirname "$(dirname "$(readlink -f "$1")")"
}
