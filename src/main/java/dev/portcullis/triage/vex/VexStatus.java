package dev.portcullis.triage.vex;

/** A VEX statement's status, in OpenVEX's words; CycloneDX and CSAF statuses map onto these. */
public enum VexStatus {
    NOT_AFFECTED,
    AFFECTED,
    FIXED,
    UNDER_INVESTIGATION
}
