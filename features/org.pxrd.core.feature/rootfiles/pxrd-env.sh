# Shared by the pxrd launcher and the repository's build/test scripts (POSIX sh; sourced, not run).
# pxrd_find_java prints the path of a java executable of version 21 or newer: JAVA_HOME first, then the java
# on PATH, then the newest JDK under /usr/lib/jvm. It fails with a one-line message when there is none.

pxrd_java_version() {
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
