// Validation of a submission content against the form of (version, agency type).
// Validators are compiled once per (version, agencyType, mode) into a plan of closures
// and memoised; validating a payload is a single pass without schema parsing.
import type { Bilingual } from '../../shared/lang.js';
import { getForm, type Form } from './forms.js';
import { onQuestionnaireCacheClear } from './loader.js';
import { itemRef, message, refDetail, details, unknownRef, type IssueCode, type MessageParams } from './messages.js';
import { compileRule, type Answers } from './rules.js';
import { skippedItems } from './skip.js';
import { COMMENT_MAX, compileValueCheck, isObj, storableCheck, type Emit, type ValueCheck } from './checks.js';

export type ValidationMode = 'draft' | 'complete';
export type Severity = 'error' | 'warning';

export interface Issue {
  itemId: string;
  path: string;
  code: string;
  severity: Severity;
  ruleId?: string;
  message: Bilingual;
}

export interface ValidationResult {
  valid: boolean;
  issues: Issue[];
}

export interface Validator {
  versionId: string;
  agencyType: string;
  mode: ValidationMode;
  form: Form;
  validate(content: unknown): ValidationResult;
}

/**
 * Consistency and completeness codes. In draft mode they are reported (with their
 * severity) but never make the content invalid; every other code is structural.
 */
export const CONSISTENCY_CODES: ReadonlySet<string> = new Set([
  'breakdown.sum',
  'yes_no.description_required',
  'rule.violated',
]);
/** Codes only raised in complete mode. */
export const COMPLETENESS_CODES: ReadonlySet<string> = new Set(['answer.missing', 'text.empty']);

/** Codes reported as warnings (never blocking). */
export const WARNING_CODES: ReadonlySet<string> = new Set(['table.cell_missing']);

/** Whether an issue makes the content invalid in the given mode. */
export function isBlocking(issue: Issue, mode: ValidationMode): boolean {
  if (issue.severity !== 'error') return false;
  return mode === 'complete' || !CONSISTENCY_CODES.has(issue.code);
}

/**
 * Whether a complete-mode issue would make a draft invalid: the complete validator reports
 * everything the draft one does plus completeness codes, so one pass serves a save's
 * refusal and the readiness the page shows.
 */
export function blocksDraft(issue: Issue): boolean {
  return isBlocking(issue, 'draft') && !COMPLETENESS_CODES.has(issue.code);
}

interface ItemPlan {
  id: string;
  ref: Bilingual;
  check: ValueCheck;
}

const ENTRY_KEYS = new Set(['value', 'missingReason', 'missingComment']);
const own = (o: object, k: string) => Object.hasOwn(o, k);

export function compileValidator(form: Form, mode: ValidationMode): Validator {
  const full = mode === 'complete';
  const plans = new Map<string, ItemPlan>();
  for (const [id, loc] of form.index) {
    const ref = itemRef(loc);
    plans.set(id, { id, ref, check: compileValueCheck(loc.item, ref, form.dimensionByCode) });
  }
  const reasons = new Map(
    form.missingReasons.map((r) => [
      r.code,
      { label: r.label, commentRequired: r.commentRequired || r.code === 'other' },
    ]),
  );
  const rules = form.rules.map((r) => ({ compiled: compileRule(r, form.index), subject: plans.get(r.left[0].item)! }));
  const contentRef: Bilingual = { kk: '', ru: '' };

  function checkEntry(plan: ItemPlan, entry: unknown, emit: Emit): void {
    const { id, ref } = plan;
    if (!isObj(entry) || Object.keys(entry).some((k) => !ENTRY_KEYS.has(k))) return emit('answer.invalid', id, ref);
    const hasValue = own(entry, 'value');
    const hasReason = own(entry, 'missingReason');
    if (hasValue && hasReason) return emit('answer.conflict', id, ref);
    if (hasValue) {
      if (own(entry, 'missingComment')) emit('reason.comment_invalid', `${id}.missingComment`, ref);
      return plan.check(entry.value, emit, full);
    }
    if (!hasReason) return emit('answer.invalid', id, ref);
    const reason = typeof entry.missingReason === 'string' ? reasons.get(entry.missingReason) : undefined;
    if (!reason) return emit('reason.unknown', `${id}.missingReason`, ref, { code: String(entry.missingReason) });
    const comment = entry.missingComment;
    if (comment !== undefined && typeof comment !== 'string')
      emit('reason.comment_invalid', `${id}.missingComment`, ref);
    else if (
      typeof comment === 'string' &&
      !storableCheck(comment, `${id}.missingComment`, refDetail(ref, details.comment()), emit)
    )
      return;
    else if (typeof comment === 'string' && comment.length > COMMENT_MAX)
      emit('text.too_long', `${id}.missingComment`, refDetail(ref, details.comment()), {
        max: COMMENT_MAX,
        length: comment.length,
      });
    else if (reason.commentRequired && (comment === undefined || comment.trim() === ''))
      emit('reason.comment_required', `${id}.missingComment`, ref, { reason: reason.label });
  }

  function validate(content: unknown): ValidationResult {
    const issues: Issue[] = [];
    let currentItem = '';
    const emit: Emit = (code, path, ref, params) =>
      void issues.push({
        itemId: currentItem,
        path,
        code,
        severity: WARNING_CODES.has(code) ? 'warning' : 'error',
        message: message(code, ref, params),
      });

    if (!isObj(content) || !isObj(content.answers) || Object.keys(content).some((k) => k !== 'answers')) {
      emit('content.invalid', '', contentRef);
      return { valid: false, issues };
    }
    const answers = content.answers as Answers;
    for (const id of Object.keys(answers)) {
      currentItem = id;
      const plan = plans.get(id);
      if (!plan) emit('item.unknown', id, unknownRef(id));
      else checkEntry(plan, answers[id], emit);
    }
    if (full) {
      // Skip logic: a breakdown of a figure explained by a missing-data reason is not demanded.
      const skipped = skippedItems(answers, form.breakdownOf);
      for (const [id, plan] of plans) {
        if (own(answers, id) || skipped.has(id)) continue;
        currentItem = id;
        emit('answer.missing', id, plan.ref);
      }
    }
    // Rules only run over well-formed operands: skip items that already have a structural issue.
    const broken = new Set<string>();
    for (const i of issues)
      if (i.severity === 'error' && !CONSISTENCY_CODES.has(i.code) && !COMPLETENESS_CODES.has(i.code))
        broken.add(i.itemId);
    for (const { compiled, subject } of rules) {
      if (broken.size > 0 && compiled.itemIds.some((id) => broken.has(id))) continue;
      const outcome = compiled.evaluate(answers);
      if (!outcome || outcome.ok) continue;
      const r = compiled.rule;
      const params: MessageParams = {
        message: trimPeriod(r.message),
        left: fmt(outcome.left),
        right: fmt(outcome.right),
        difference: fmt(Math.abs(outcome.left - outcome.right)),
      };
      issues.push({
        itemId: subject.id,
        path: subject.id,
        code: 'rule.violated',
        severity: r.severity,
        ruleId: r.id,
        message: message('rule.violated', subject.ref, params),
      });
    }
    return { valid: !issues.some((i) => isBlocking(i, mode)), issues };
  }

  return { versionId: form.versionId, agencyType: form.agencyType, mode, form, validate };
}

function trimPeriod(b: Bilingual): Bilingual {
  return { kk: b.kk.replace(/[.\s]+$/, ''), ru: b.ru.replace(/[.\s]+$/, '') };
}

/** "1 234,5": grouped by a no-break space, decimal comma (kk and ru alike). */
function fmt(n: number): string {
  const [whole, frac] = (Number.isInteger(n) ? String(n) : n.toFixed(2)).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return frac ? `${grouped},${frac}` : grouped;
}

const validators = new Map<string, Validator>();
onQuestionnaireCacheClear(() => validators.clear());

/** Memoised validator of (version, agency type, mode). */
export function getValidator(versionId: string, agencyType: string, mode: ValidationMode, root?: string): Validator {
  const key = `${root ?? ''}\u0000${versionId}\u0000${agencyType}\u0000${mode}`;
  let v = validators.get(key);
  if (!v) {
    v = compileValidator(getForm(versionId, agencyType, root), mode);
    validators.set(key, v);
  }
  return v;
}

export function validateContent(
  content: unknown,
  opts: { versionId: string; agencyType: string; mode: ValidationMode; root?: string },
): ValidationResult {
  return getValidator(opts.versionId, opts.agencyType, opts.mode, opts.root).validate(content);
}

export type { IssueCode };
export { completenessSummary, type CompletenessSummary } from './completeness.js';
