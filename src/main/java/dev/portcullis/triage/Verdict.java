package dev.portcullis.triage;

/**
 * The one conclusion triage draws for a finding. When several apply, the one with the lowest
 * {@link #precedence()} wins, in this order: {@link NotAffected}, {@link AlreadyPatched},
 * {@link LowRisk} because the distro rates the issue unimportant, {@link UpstreamPending},
 * {@link LowRisk} from deployment context, {@link Affected}.
 *
 * <pre>{@code
 * Verdict verdict = new Verdict.NotAffected(Justification.COMPONENT_NOT_PRESENT,
 *         "layer 3 deletes every file of the package");
 * verdict.kind(); // NOT_AFFECTED
 * }</pre>
 */
public sealed interface Verdict {

    VerdictKind kind();

    /** Returns the position in the verdict order, 0 first. */
    int precedence();

    /** Returns one sentence that states the verdict's reason. */
    String reason();

    /** Actionable: the package is vulnerable. {@code reason} states the fix when one exists. */
    record Affected(String reason) implements Verdict {
        public VerdictKind kind() {
            return VerdictKind.AFFECTED;
        }

        public int precedence() {
            return 5;
        }
    }

    /** The installed version is at or past the fix, or the distro backported it. */
    record AlreadyPatched(String reason) implements Verdict {
        public VerdictKind kind() {
            return VerdictKind.ALREADY_PATCHED;
        }

        public int precedence() {
            return 1;
        }
    }

    /** The vulnerability does not affect the image, for the OpenVEX justification given. */
    record NotAffected(Justification justification, String reason) implements Verdict {
        public VerdictKind kind() {
            return VerdictKind.NOT_AFFECTED;
        }

        public int precedence() {
            return 0;
        }
    }

    /** The distro has released no fix for the image's release. */
    record UpstreamPending(PendingReason pending, String reason) implements Verdict {
        public VerdictKind kind() {
            return VerdictKind.UPSTREAM_PENDING;
        }

        public int precedence() {
            return 3;
        }
    }

    /**
     * The distro rates the issue unimportant, or the exploit needs conditions the deployment lacks.
     *
     * @param fromDistro true for the distro's rating, false for deployment context
     * @param reason the distro's reason quoted, or the conditions stated
     */
    record LowRisk(boolean fromDistro, String reason) implements Verdict {
        public VerdictKind kind() {
            return VerdictKind.LOW_RISK;
        }

        public int precedence() {
            return fromDistro ? 2 : 4;
        }
    }
}
