// The rule functions of every family, registered in registry.cpp. One file per family.
#pragma once

#include "context.hpp"

namespace budgetcheck::rules {

// footing.cpp: sums down a column
void subject_children(const Document&, RuleContext&);
void total_rows(const Document&, RuleContext&);
void line_children(const Document&, RuleContext&);
void project_hierarchy(const Document&, RuleContext&);
void of_which(const Document&, RuleContext&);

// crossfoot.cpp: sums across a row
void column_groups(const Document&, RuleContext&);
void budget_stages(const Document&, RuleContext&);
void two_sided_balance(const Document&, RuleContext&);
void roll_forward(const Document&, RuleContext&);
void completion_rate(const Document&, RuleContext&);
void full_year_budget(const Document&, RuleContext&);
void share_of_total(const Document&, RuleContext&);

// crosstable.cpp: identities between tables
void income_summary(const Document&, RuleContext&);
void expenditure_summary(const Document&, RuleContext&);
void fiscal_summary(const Document&, RuleContext&);
void general_public_vs_fiscal(const Document&, RuleContext&);
void general_public_within_expenditure(const Document&, RuleContext&);
void basic_table(const Document&, RuleContext&);
void three_public_economic(const Document&, RuleContext&);
void project_table(const Document&, RuleContext&);
void performance_funds(const Document&, RuleContext&);
void fund_tables(const Document&, RuleContext&);
void same_figure(const Document&, RuleContext&);
void economic_functional(const Document&, RuleContext&);
void subject_present(const Document&, RuleContext&);
void operating_expenses(const Document&, RuleContext&);

// yoy.cpp: year over year
void change_amount(const Document&, RuleContext&);
void change_percent(const Document&, RuleContext&);
void prior_year_columns(const Document&, RuleContext&);
void subject_recoded(const Document&, RuleContext&);
void excluding_capital(const Document&, RuleContext&);

// classification.cpp
void parent_code(const Document&, RuleContext&);
void catalog_name(const Document&, RuleContext&);
void economic_column(const Document&, RuleContext&);

// performance.cpp
void weights(const Document&, RuleContext&);
void funds_sum(const Document&, RuleContext&);
void indicator_categories(const Document&, RuleContext&);
void indicator_format(const Document&, RuleContext&);
void rate_above_100(const Document&, RuleContext&);

// outturn.cpp: a 决算 against its budget
void three_public_over_budget(const Document&, RuleContext&);

// completeness.cpp
void required_tables(const Document&, RuleContext&);
void empty_table_explained(const Document&, RuleContext&);
void contents_tables(const Document&, RuleContext&);
void detail_level(const Document&, RuleContext&);
void narrative_topics(const Document&, RuleContext&);
void empty_table_note(const Document&, RuleContext&);
void unlabelled_rows(const Document&, RuleContext&);
void three_public_items(const Document&, RuleContext&);

// text.cpp: words a template left behind, and years
void template_residue(const Document&, RuleContext&);
void well_formed_amounts(const Document&, RuleContext&);
void title_year(const Document&, RuleContext&);
void text_years(const Document&, RuleContext&);

// narrative.cpp: the claims of the 情况说明
void narrative_amounts(const Document&, RuleContext&);
void narrative_shares(const Document&, RuleContext&);
void narrative_changes(const Document&, RuleContext&);
void narrative_prior_year(const Document&, RuleContext&);
void narrative_counts(const Document&, RuleContext&);
void narrative_breakdowns(const Document&, RuleContext&);
void narrative_unit_name(const Document&, RuleContext&);
void narrative_change_reason(const Document&, RuleContext&);
void narrative_unverifiable(const Document&, RuleContext&);

// The rounding note has no function of its own: the identity rules report it.
void none(const Document&, RuleContext&);

}  // namespace budgetcheck::rules
