import { notFound } from '../../shared/errors.js';

export const versionNotFound = (version: string) =>
  notFound(
    { kk: `Сауалнаманың «${version}» нұсқасы табылмады.`, ru: `Версия опросника «${version}» не найдена.` },
    { version },
    'questionnaire.version_not_found',
  );
export const agencyTypeNotFound = (agencyType: string) =>
  notFound(
    { kk: `«${agencyType}» субъект түрі белгісіз.`, ru: `Тип субъекта «${agencyType}» неизвестен.` },
    { agencyType },
    'questionnaire.agency_type_not_found',
  );
