import { describe, expect, it } from 'vitest';
import {
  QuestionnaireLoadError,
  canonicalJson,
  clearQuestionnaireCache,
  defaultQuestionnairesRoot,
  getVersion,
  listVersions,
  loadQuestionnaires,
} from '../../../src/domain/questionnaire/loader.js';
import { FIXTURE, brokenRoot, fixtureRoot } from './fixture.js';

describe('questionnaire loader (fixture)', () => {
  it('loads, indexes and memoises a version', () => {
    const versions = loadQuestionnaires(fixtureRoot);
    expect([...versions.keys()]).toEqual([FIXTURE]);
    const v = getVersion(FIXTURE, fixtureRoot);
    expect(v.sections.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(v.items.get('s2.q2.by_age')?.item.kind).toBe('breakdown');
    expect(v.rules.map((r) => r.id)).toContain('s2.identified_lte_received');
    expect(loadQuestionnaires(fixtureRoot)).toBe(versions);
    expect(listVersions(fixtureRoot)).toEqual([FIXTURE]);
    expect(Object.isFrozen(v.sections[0].questions[0])).toBe(true);
  });

  it('applies schema defaults and hashes the parsed content deterministically', () => {
    const a = getVersion(FIXTURE, fixtureRoot);
    const item = a.items.get('s1.q3.trainings')!.item;
    expect(item.kind === 'table' && item.maxRows).toBe(3);
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    clearQuestionnaireCache();
    const b = getVersion(FIXTURE, fixtureRoot);
    expect(b).not.toBe(a);
    expect(b.contentHash).toBe(a.contentHash);
  });

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('throws one error listing every cross-reference problem', () => {
    let error: unknown;
    try {
      loadQuestionnaires(brokenRoot);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QuestionnaireLoadError);
    const problems = (error as QuestionnaireLoadError).problems.join('\n');
    for (const fragment of [
      'item id "s1.q1.gaps" used twice',
      'column "location": dimension "place" does not exist',
      'item "s2.q2.by_age": dimension "age_band" does not exist',
      'operand item "s2.q1.nonexistent" does not exist',
      'operand "s2.q1.identified" part "total": a count item takes no part',
      'operand "s2.q2.by_sex" part "children": not a category of dimension "sex"',
      'column "topic" is not numeric',
      'agency type "international_org" is not mapped',
      '"police" is not an agency type code',
      'manifest.respondents.mvd: section 9 does not exist',
      'sections/s04.json: not listed in manifest.sections',
    ])
      expect(problems).toContain(fragment);
    expect((error as Error).message).toContain('Questionnaire data invalid');
  });

  it('resolves the default root from the source file, not the cwd', () => {
    expect(defaultQuestionnairesRoot.replace(/\\/g, '/')).toMatch(/\/questionnaires\/$/);
    expect(() => loadQuestionnaires('/nonexistent/dir')).toThrow(QuestionnaireLoadError);
  });
});
