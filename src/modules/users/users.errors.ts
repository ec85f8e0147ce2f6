import { badRequest, conflict, notFound } from '../../shared/errors.js';

export const userNotFound = () =>
  notFound({ kk: 'Пайдаланушы табылмады.', ru: 'Пользователь не найден.' }, undefined, 'user.not_found');
export const emailTaken = () =>
  conflict(
    { kk: 'Бұл электрондық поштамен пайдаланушы бар.', ru: 'Пользователь с такой электронной почтой уже существует.' },
    { field: 'email' },
    'user.email_taken',
  );
export const focalPointNeedsOrganisation = () =>
  badRequest(
    {
      kk: 'Жауапты тұлғаға ұйым тағайындалуы керек.',
      ru: 'Ответственному лицу (focal point) должна быть назначена организация.',
    },
    { field: 'organisationId' },
    'user.organisation_required',
  );
export const organisationMissing = () =>
  badRequest(
    { kk: 'Көрсетілген ұйым жоқ.', ru: 'Указанная организация не существует.' },
    { field: 'organisationId' },
    'user.organisation_unknown',
  );
