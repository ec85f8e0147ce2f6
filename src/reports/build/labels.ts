// Display names of codes (dimension categories, regions, agency types, missing-data
// reasons) in the report's language, from the questionnaire version and reference data.
import { getVersion } from '../../domain/questionnaire/loader.js';
import type { Lang } from '../../shared/lang.js';
import { agencyTypes, regions, type AgencyTypeCode } from '../../domain/reference.js';
import type { AgencyRef } from '../report.view-model.js';
import { captions } from './captions.js';

export class Labels {
  constructor(
    readonly versionId: string,
    readonly lang: Lang,
  ) {}

  /** Category codes of a dimension in questionnaire order. */
  categories(dimension: string): string[] {
    return (
      getVersion(this.versionId)
        .dimensionByCode.get(dimension)
        ?.categories.map((c) => c.code) ?? []
    );
  }

  category(dimension: string, code: string): string {
    if (code === 'unknown') return captions().unknown[this.lang];
    return (
      getVersion(this.versionId)
        .dimensionByCode.get(dimension)
        ?.categories.find((c) => c.code === code)?.label[this.lang] ?? code
    );
  }

  /** An item's label in the questionnaire. */
  item(id: string): string {
    return getVersion(this.versionId).items.get(id)?.item.label[this.lang] ?? id;
  }

  region(code: string): string {
    return regions.find((r) => r.code === code)?.name[this.lang] ?? code;
  }

  agency(code: string): AgencyRef {
    const found = agencyTypes.find((a) => a.code === code);
    return { code: code as AgencyTypeCode, name: found?.name[this.lang] ?? code };
  }

  missingReason(code: string): string {
    return getVersion(this.versionId).manifest.missingReasons.find((r) => r.code === code)?.label[this.lang] ?? code;
  }
}
