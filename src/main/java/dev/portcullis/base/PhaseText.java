package dev.portcullis.base;

/**
 * Describes a line's phase with its dates in one sentence part, for the base report table and the overview.
 *
 * <pre>{@code
 * PhaseText.describe(node20AsOf20261204); // "END OF LIFE since 2026-04-30"
 * }</pre>
 */
public final class PhaseText {

    private PhaseText() {}

    public static String describe(LineStatus line) {
        return switch (line.phase()) {
            case PREVIEW -> "not yet released" + (line.released() == null ? "" : " (release " + line.released() + ")");
            case ACTIVE -> "active" + until(line);
            case ACTIVE_LTS -> "active LTS" + (line.maintenanceFrom() == null ? "" : ", maintenance from " + line.maintenanceFrom())
                    + until(line);
            case MAINTENANCE -> "maintenance" + until(line);
            case SECURITY_SUPPORT -> "security support until " + line.endOfLife()
                    + (line.ltsEnd() == null ? "" : ", LTS until " + line.ltsEnd());
            case LTS -> "regular security support ended " + line.endOfLife() + "; LTS until " + line.ltsEnd();
            case EXTENDED -> "regular security support ended " + line.endOfLife()
                    + (line.ltsEnd() == null ? "" : ", LTS ended " + line.ltsEnd())
                    + "; only extended (commercial) support until " + line.extendedEnd();
            case END_OF_LIFE -> "END OF LIFE since " + lastEnd(line);
            case UNKNOWN -> "phase unknown";
        };
    }

    private static String until(LineStatus line) {
        return line.endOfLife() == null ? "" : ", end of life " + line.endOfLife();
    }

    private static Object lastEnd(LineStatus line) {
        if (line.extendedEnd() != null) {
            return line.extendedEnd();
        }
        return line.ltsEnd() != null ? line.ltsEnd() : line.endOfLife();
    }
}
