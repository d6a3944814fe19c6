package dev.portcullis.triage.reachability;

import java.util.List;

/** Whether the application can load an installed package, with the evidence. */
public sealed interface Reachability {

    /**
     * A literal import chain leads from an entry point into the package.
     *
     * @param chain the imports from the entry point to the first file of the package, in load order
     */
    record Reached(List<ImportStep> chain) implements Reachability {

        public Reached {
            chain = List.copyOf(chain);
        }
    }

    /**
     * The package may be loaded through a load the analysis could not resolve.
     *
     * @param causes the loads that kept the package from being proven unreachable, at most a few
     */
    record PossiblyReached(List<UndeterminedLoad> causes) implements Reachability {

        public PossiblyReached {
            causes = List.copyOf(causes);
        }
    }

    /**
     * No import from the entry points resolves into the package.
     *
     * @param searched the entry points whose imports were followed
     */
    record NotReached(List<EntryPoint> searched) implements Reachability {

        public NotReached {
            searched = List.copyOf(searched);
        }
    }
}
