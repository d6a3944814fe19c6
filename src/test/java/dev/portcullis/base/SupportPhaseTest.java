package dev.portcullis.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.vulndb.ReleaseCycle;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupportPhaseTest {

    // Node.js 20 as the release schedule states it.
    private static final ReleaseCycle NODE_20 = new ReleaseCycle("nodejs", "20", "iron", LocalDate.parse("2023-04-18"),
            LocalDate.parse("2023-10-24"), LocalDate.parse("2024-10-22"), LocalDate.parse("2026-04-30"), null, null, null, "test");
    // Debian 12 as distro-info-data states it.
    private static final ReleaseCycle DEBIAN_12 = new ReleaseCycle("debian", "12", "bookworm", LocalDate.parse("2023-06-10"),
            null, null, LocalDate.parse("2026-07-11"), LocalDate.parse("2028-06-30"), LocalDate.parse("2033-06-30"), null, "test");

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            2023-04-17, PREVIEW
            2023-04-18, ACTIVE
            2023-10-24, ACTIVE_LTS
            2024-10-21, ACTIVE_LTS
            2024-10-22, MAINTENANCE
            2026-04-29, MAINTENANCE
            2026-04-30, END_OF_LIFE
            2026-12-04, END_OF_LIFE
            """)
    void shouldPhaseNodeLine(LocalDate date, SupportPhase expected) {
        assertThat(SupportPhase.ofRuntime(NODE_20, date)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            2023-06-09, PREVIEW
            2023-06-10, SECURITY_SUPPORT
            2026-07-10, SECURITY_SUPPORT
            2026-07-11, LTS
            2028-06-29, LTS
            2028-06-30, EXTENDED
            2033-06-30, END_OF_LIFE
            """)
    void shouldPhaseDistroRelease(LocalDate date, SupportPhase expected) {
        assertThat(SupportPhase.ofDistro(DEBIAN_12, date)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            END_OF_LIFE,      true,  false
            EXTENDED,         true,  false
            LTS,              false, true
            MAINTENANCE,      false, true
            PREVIEW,          false, false
            UNKNOWN,          false, false
            """)
    void shouldClassifyPhase(SupportPhase phase, boolean endOfLife, boolean supported) {
        assertThat(phase.isEndOfLife()).isEqualTo(endOfLife);
        assertThat(phase.isSupported()).isEqualTo(supported);
    }
}
