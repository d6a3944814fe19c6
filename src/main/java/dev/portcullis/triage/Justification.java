package dev.portcullis.triage;

import java.util.Locale;

/**
 * Why a vulnerability does not affect a product, as the OpenVEX 0.2.0 specification names the
 * justifications of a {@code not_affected} statement.
 *
 * @see <a href="https://github.com/openvex/spec/blob/v0.2.0/OPENVEX-SPEC.md#status-justifications">OpenVEX justifications</a>
 */
public enum Justification {
    COMPONENT_NOT_PRESENT,
    VULNERABLE_CODE_NOT_PRESENT,
    VULNERABLE_CODE_NOT_IN_EXECUTE_PATH,
    VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY,
    INLINE_MITIGATIONS_ALREADY_EXIST;

    /** Returns the OpenVEX label, for example {@code component_not_present}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads an OpenVEX label; returns null for a label the specification does not define. */
    public static Justification ofLabel(String label) {
        if (label == null) {
            return null;
        }
        for (Justification justification : values()) {
            if (justification.label().equals(label.strip())) {
                return justification;
            }
        }
        return null;
    }
}
