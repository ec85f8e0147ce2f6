// The fact row of structuring (Rules §13, step 2): one answer value, breakdown category,
// table cell or entity of a submission, or one missing answer with its reason. The facts
// table (src/db/schema.ts), the ranking evidence, the report and the exports all read it;
// each takes the fields it needs with Pick/Omit rather than declaring its own row type.
export interface Fact {
  year: number;
  organisationId: string;
  agencyType: string;
  region: string;
  itemId: string;
  /** Breakdown dimension or table column; null for a plain value. */
  dimension: string | null;
  /** Breakdown category, table row number or entity code; null for a plain value. */
  category: string | null;
  value: number | null;
  textValue: string | null;
  missingReason: string | null;
  /** Drawn from a submitted (not yet accepted) submission. */
  provisional: boolean;
}

/** The numeric part of a fact: what the report and the Arrow/CSV exports carry. */
export type NumericFact = Omit<Fact, 'provisional' | 'textValue'>;
