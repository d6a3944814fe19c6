package dev.portcullis.lint.rules;

import dev.portcullis.lint.Rule;
import java.util.ArrayList;
import java.util.List;

/** Every lint rule Portcullis has, in id order of each concern. */
public final class RuleCatalog {

    private RuleCatalog() {
    }

    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(AptRules.all());
        rules.addAll(ApkRules.all());
        rules.addAll(RpmRules.all());
        rules.addAll(LanguagePackageRules.all());
        rules.addAll(BaseImageRules.all());
        rules.addAll(CopyRules.all());
        rules.addAll(InstructionRules.all());
        rules.addAll(ShellUsageRules.all());
        rules.addAll(ShippedImageRules.all());
        rules.addAll(SecretRules.all());
        rules.addAll(LabelRules.all());
        rules.addAll(PragmaRules.all());
        rules.addAll(BuildCheckRules.all());
        return List.copyOf(rules);
    }
}
