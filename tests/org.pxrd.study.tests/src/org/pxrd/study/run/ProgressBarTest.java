package org.pxrd.study.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The progress line: counts, rate, ETA, and how often it is printed. */
class ProgressBarTest {

    private static final long SECOND = 1_000_000_000L;

    private static RunRecord record(String status) {
        return RunRecord.parse(("{\"index\":0,\"id\":\"a/lattice@0.1/lattice/cosine/none/0\",\"structure\":\"a\","
                + "\"noise\":\"lattice\",\"level\":0.1,\"refine\":\"lattice\",\"distortion\":0,\"loss\":\"cosine\","
                + "\"lossId\":\"x.cosine\",\"projector\":\"none\",\"projectorId\":\"none\",\"seed\":1,"
                + "\"distortionSeed\":2,\"status\":\"%s\",\"message\":\"\",\"steps\":3,\"seconds\":0.5,"
                + "\"start\":{\"lattice\":[1,1,1,90,90,90],\"frac\":[[0,0,0]]},\"final\":{\"lattice\":[1,1,1,90,90,"
                + "90],\"frac\":[[0,0,0]]},\"lossStart\":0,\"lossFinal\":0,\"match\":true,\"rms\":0,"
                + "\"distanceStart\":0,\"distanceFinal\":0,\"similarityStart\":1,\"similarityFinal\":1}")
                .formatted(status));
    }

    @Test
    void aLogGetsALineEveryFewSecondsWithRateAndEta() {
        StringWriter out = new StringWriter();
        AtomicLong now = new AtomicLong(0);
        ProgressBar bar = new ProgressBar(new PrintWriter(out), "quick", false, now::get);
        bar.started(1200, 200);
        // 50 runs over 20 s, one every 0.4 s: a line at most every 5 s
        for (int i = 0; i < 50; i++) {
            now.addAndGet(400_000_000L);
            bar.finished(record(i == 7 ? "FAILED" : "CONVERGED"));
        }
        bar.ended();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("study quick: 200/1200 runs (16.7%), ETA unknown");
        assertThat(lines).hasSizeBetween(4, 6);
        // 50 runs in 20 s = 2.5 runs/s; 950 left = 380 s
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("study quick: 250/1200 runs (20.8%), 2.50 runs/s, ETA 6m20s, 1 failed");
        assertThat(out.toString()).doesNotContain("\r");
    }

    @Test
    void aTerminalLineIsRedrawnInPlace() {
        StringWriter out = new StringWriter();
        AtomicLong now = new AtomicLong(0);
        ProgressBar bar = new ProgressBar(new PrintWriter(out), "paper", true, now::get);
        bar.started(10, 0);
        for (int i = 0; i < 10; i++) {
            now.addAndGet(3 * SECOND);
            bar.finished(record("MAX_STEPS"));
        }
        bar.ended();
        String text = out.toString();
        assertThat(text).startsWith("\rstudy paper: 0/10 runs (0.0%), ETA unknown");
        assertThat(text.chars().filter(c -> c == '\r').count()).isEqualTo(12);
        assertThat(text).endsWith("\rstudy paper: 10/10 runs (100.0%), 0.333 runs/s, ETA 0s" + " ".repeat(0)
                + System.lineSeparator());
    }

    @Test
    void durationsAndRatesAreShort() {
        assertThat(ProgressBar.duration(42.4)).isEqualTo("42s");
        assertThat(ProgressBar.duration(448)).isEqualTo("7m28s");
        assertThat(ProgressBar.duration(3 * 3600 + 5 * 60 + 10)).isEqualTo("3h05m");
        assertThat(ProgressBar.rate(153.2)).isEqualTo("153");
        assertThat(ProgressBar.rate(12.34)).isEqualTo("12.3");
        assertThat(ProgressBar.rate(0.01234)).isEqualTo("0.0123");
    }
}
