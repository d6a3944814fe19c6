-- The OpenVEX justification of an analyst's not_affected decision, exported in VEX documents.
alter table decision add column justification text
    check (justification in ('component_not_present', 'vulnerable_code_not_present',
                             'vulnerable_code_not_in_execute_path',
                             'vulnerable_code_cannot_be_controlled_by_adversary',
                             'inline_mitigations_already_exist'));
