import { badRequest, notFound } from '../../shared/errors.js';

export const organisationNotFound = () =>
  notFound({ kk: 'Ұйым табылмады.', ru: 'Организация не найдена.' }, undefined, 'organisation.not_found');
export const parentInvalid = () =>
  badRequest(
    {
      kk: 'Жоғары тұрған ұйым жоқ немесе циклдік байланыс құрайды.',
      ru: 'Вышестоящая организация не существует или образует цикл.',
    },
    { field: 'parentId' },
    'organisation.parent_invalid',
  );
